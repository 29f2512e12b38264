"""What the build keeps in .cache/ (QR codes, compiled pages) comes back unchanged in later builds."""

from __future__ import annotations

import jinja2
import pytest

from macros import cache
from macros.render import qr


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path)
    monkeypatch.delenv("MED_NO_SHORTCUTS", raising=False)
    qr.qr_code.cache_clear()
    yield tmp_path
    qr.qr_code.cache_clear()


def test_a_cached_code_is_the_code_encoded_afresh(empty_cache, monkeypatch):
    address, title = "https://med-guiden.github.io/med-guiden/m/bagland/", "QR-kode til bagland"
    first = qr.qr_code(address, title)
    assert len(list((empty_cache / "qr").glob("*.txt"))) == 1
    qr.qr_code.cache_clear()

    def no_encoding(*args):
        raise AssertionError("encoded although cached")

    monkeypatch.setattr(qr, "_encode", no_encoding)
    assert qr.qr_code(address, title) == first
    assert first.startswith('<svg role="img" ') and title in first


def test_a_different_title_is_a_different_entry(empty_cache):
    qr.qr_code("https://example.org/a", "QR-kode til a")
    qr.qr_code("https://example.org/a", "QR-kode til b")
    assert len(list((empty_cache / "qr").glob("*.txt"))) == 2


def test_without_shortcuts_nothing_is_cached(empty_cache, monkeypatch):
    monkeypatch.setenv("MED_NO_SHORTCUTS", "1")
    qr.qr_code("https://example.org/a", "QR-kode til a")
    assert not (empty_cache / "qr").exists()


def test_a_page_compiled_once_renders_alike_without_compiling(empty_cache):
    source = "{% for n in numbers %}{{ n }}{{ ', ' if not loop.last }}{% endfor %} – {{ name | upper }}"
    first = jinja2.Environment(undefined=jinja2.StrictUndefined)
    cache.reuse_compiled_pages(first)
    cache.reuse_compiled_pages(first)  # once is enough; again changes nothing
    assert first.from_string(source).render(numbers=[1, 2, 3], name="med") == "1, 2, 3 – MED"

    later = jinja2.Environment(undefined=jinja2.StrictUndefined)
    cache.reuse_compiled_pages(later)

    def no_compiling(*args, **kwargs):
        raise AssertionError("compiled although cached")

    later.compile = no_compiling
    assert later.from_string(source).render(numbers=[4], name="x") == "4 – X"
    with pytest.raises(jinja2.UndefinedError):
        later.from_string(source).render(numbers=[])


def test_other_syntax_is_compiled_apart(empty_cache):
    plain = jinja2.Environment()
    cache.reuse_compiled_pages(plain)
    assert plain.from_string("[[ a ]] {{ a }}").render(a=1) == "[[ a ]] 1"
    other = jinja2.Environment(variable_start_string="[[", variable_end_string="]]")
    cache.reuse_compiled_pages(other)
    assert other.from_string("[[ a ]] {{ a }}").render(a=1) == "1 {{ a }}"
