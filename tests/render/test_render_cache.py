"""What the build keeps in .cache/ (QR codes, compiled pages) comes back unchanged in later builds."""

from __future__ import annotations

import jinja2
import pytest

from macros import cache
from macros.render import qr


@pytest.fixture
def empty_cache(tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "CACHE_DIR", tmp_path)
    monkeypatch.setattr(cache, "_this_process", {})
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


def test_a_memo_computes_each_call_once_and_keeps_it_for_the_next_build(empty_cache):
    computed = []

    def compute(value):
        computed.append(value)
        return value.upper()

    first = cache.CallMemo("macros", lambda: "inputs-1")
    assert first("a", lambda: compute("a")) == "A"
    assert first("a", lambda: compute("a")) == "A"
    assert computed == ["a"]
    first.save()
    saved = next((empty_cache / "macros").glob("*.pickle"))
    written = saved.stat().st_mtime_ns

    later = cache.CallMemo("macros", lambda: "inputs-1")
    assert later("a", lambda: compute("a")) == "A"
    later.save()  # nothing new: the file is left alone
    assert computed == ["a"] and saved.stat().st_mtime_ns == written


def test_a_memo_under_other_inputs_computes_again(empty_cache):
    first = cache.CallMemo("macros", lambda: "inputs-1")
    first("a", lambda: "old")
    first.save()
    changed = cache.CallMemo("macros", lambda: "inputs-2")
    assert changed("a", lambda: "new") == "new"


def test_a_memo_that_cannot_be_read_is_computed_afresh(empty_cache):
    first = cache.CallMemo("macros", lambda: "inputs-1")
    first("a", lambda: "A")
    first.save()
    saved = next((empty_cache / "macros").glob("*.pickle"))
    saved.write_bytes(saved.read_bytes()[:10])  # cut short, as by a full disk
    later = cache.CallMemo("macros", lambda: "inputs-1")
    assert later("a", lambda: "again") == "again"


def test_a_failing_call_is_not_kept(empty_cache):
    memo = cache.CallMemo("macros", lambda: "inputs-1")

    def failing():
        raise KeyError("unknown role 'x'")

    with pytest.raises(KeyError):
        memo("a", failing)
    assert memo("a", lambda: "fixed") == "fixed"


def test_without_shortcuts_the_memo_keeps_nothing(empty_cache, monkeypatch):
    monkeypatch.setenv("MED_NO_SHORTCUTS", "1")
    memo = cache.CallMemo("macros", lambda: "inputs-1")
    assert memo("a", lambda: "A") == "A"
    assert memo("a", lambda: "B") == "B"
    memo.save()
    assert not (empty_cache / "macros").exists()


def test_a_cached_object_comes_back_equal_and_is_not_computed_again(empty_cache):
    value = {"feeds": {"kalender/alle.ics": b"BEGIN:VCALENDAR"}, "days": [1, 2]}
    assert cache.cached_object("site", "k1", lambda: value) == value

    def no_computing():
        raise AssertionError("computed although cached")

    assert cache.cached_object("site", "k1", no_computing) is value, "in this process: the same object"
    cache._this_process.clear()
    assert cache.cached_object("site", "k1", no_computing) == value, "in the next: read back from disk"
    assert cache.cached_object("site", "k2", lambda: "other") == "other"


def test_a_fingerprint_changes_with_any_file_and_ignores_compiled_code(tmp_path):
    (tmp_path / "a.yml").write_text("x: 1\n")
    (tmp_path / "__pycache__").mkdir()
    before = cache.tree_fingerprint(tmp_path)
    (tmp_path / "__pycache__" / "a.pyc").write_bytes(b"\0")
    assert cache.tree_fingerprint(tmp_path) == before
    (tmp_path / "a.yml").write_text("x: 2\n")
    assert cache.tree_fingerprint(tmp_path) != before
    assert cache.tree_fingerprint(tmp_path, suffix=".py") == []


def test_a_fingerprint_names_a_pipe_or_link_without_reading_it(tmp_path):
    import os

    os.mkfifo(tmp_path / "fifo.yml")  # reading it would wait for a writer for ever
    (tmp_path / "link.yml").symlink_to("/etc/hostname")
    found = dict(cache.tree_fingerprint(tmp_path))
    assert found[str(tmp_path / "fifo.yml")].startswith("not a regular file: p")
    assert found[str(tmp_path / "link.yml")].startswith("not a regular file: l")


def test_a_memo_drops_the_calls_a_build_no_longer_makes(empty_cache):
    first = cache.CallMemo("macros", lambda: "inputs-1")
    first("old front matter", lambda: "A")
    first("kept", lambda: "B")
    first.save()
    later = cache.CallMemo("macros", lambda: "inputs-1")
    assert later("kept", lambda: "recomputed") == "B"
    later.save()  # nothing new, but an entry no page asked for: written without it
    again = cache.CallMemo("macros", lambda: "inputs-1")
    assert again("old front matter", lambda: "computed afresh") == "computed afresh"
    assert again("kept", lambda: "recomputed") == "B"
