"""QR codes are encoded once and read back from the cache in later builds, unchanged."""

from __future__ import annotations

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
