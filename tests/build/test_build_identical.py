"""The build's speed-ups change nothing: built without them, the site is the same to the byte.

MED_NO_SHORTCUTS=1 takes the slow routes: every page gets the abbreviations appended as Markdown
definitions instead of Markdown's glossary option, and every QR code, component template and
page is encoded or compiled afresh instead of read from .cache/, which the ordinary build (the
shared `built_site`) fills and reads.
"""

from __future__ import annotations

import sys

from support import PROJECT, mkdocs_build

sys.path.insert(0, str(PROJECT / "tools"))
from same_build import differences  # noqa: E402


def test_the_build_without_shortcuts_is_identical(built_site, tmp_path):
    result = mkdocs_build(PROJECT, tmp_path / "site", env={"MED_NO_SHORTCUTS": "1"})
    assert result.returncode == 0, result.stdout + result.stderr
    assert differences(built_site.directory, tmp_path / "site") == []


def test_the_comparison_sees_a_changed_byte(built_site, tmp_path):
    import shutil

    copy = shutil.copytree(built_site.directory, tmp_path / "copy")
    page = copy / "ordliste" / "index.html"
    page.write_bytes(page.read_bytes().replace(b"<abbr ", b"<abbr  ", 1))
    (copy / "extra.txt").write_text("x")
    assert differences(built_site.directory, copy) == [
        f"only in {copy}: extra.txt",
        "differs: ordliste/index.html",
    ]
