"""The build's speed-ups change nothing: built without them, the site is the same to the byte.

MED_NO_SHORTCUTS=1 takes the slow routes: every page gets the abbreviations appended as Markdown
definitions instead of Markdown's glossary option, and every QR code, component template and
page is encoded or compiled afresh instead of read from .cache/, which the ordinary build (the
shared `built_site`) fills and reads.
"""

from __future__ import annotations

import sys

from support import PROJECT, copy_project, mkdocs_build

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


def test_a_build_from_a_full_cache_is_the_build_from_an_empty_one(built_site, tmp_path):
    """The second build reads the validated data and every macro's output from the cache the
    first wrote (macros/cache.py) and writes the same site; it computes nothing new, so it leaves
    the memo of the macros' output as it was."""
    cache_env = {"MED_CACHE_DIR": str(tmp_path / "cache")}
    first = mkdocs_build(PROJECT, tmp_path / "cold", env=cache_env)
    assert first.returncode == 0, first.stdout + first.stderr
    memo = next((tmp_path / "cache" / "macros").glob("*.pickle"))
    written = memo.stat().st_mtime_ns
    second = mkdocs_build(PROJECT, tmp_path / "warm", env=cache_env)
    assert second.returncode == 0, second.stdout + second.stderr
    assert memo.stat().st_mtime_ns == written
    assert differences(tmp_path / "cold", tmp_path / "warm") == []
    assert differences(built_site.directory, tmp_path / "warm") == []


def test_the_cache_follows_a_change_of_template_data_or_page(tmp_path):
    """With a full cache, a changed component template shows in the next build, and so do a
    changed data file and page."""
    project = copy_project(tmp_path / "project")
    cache_env = {"MED_CACHE_DIR": str(tmp_path / "cache")}

    def roles_page(name: str) -> str:
        result = mkdocs_build(project, tmp_path / name, env=cache_env)
        assert result.returncode == 0, result.stdout + result.stderr
        return (tmp_path / name / "roller" / "index.html").read_text(encoding="utf-8")

    before = roles_page("before")
    card = project / "overrides" / "components" / "role-cards.html"
    card.write_text(card.read_text(encoding="utf-8") + "<!-- kort-skabelon-2 -->\n", encoding="utf-8")
    after_template = roles_page("after-template")
    roles = project / "data" / "roles.yml"
    roles.write_text(roles.read_text(encoding="utf-8").replace("name: Leder\n", "name: Lederen selv\n", 1), encoding="utf-8")
    page = project / "docs" / "roller.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nEt nyt afsnit om rollerne.\n", encoding="utf-8")
    after_data = roles_page("after-data")
    assert "kort-skabelon-2" not in before and "kort-skabelon-2" in after_template
    assert "Lederen selv" not in after_template and "Lederen selv" in after_data
    assert "Et nyt afsnit om rollerne." in after_data
