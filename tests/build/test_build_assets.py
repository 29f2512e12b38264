"""The site's own styles and scripts are served as one file each, bundled from their sources at
build time; print styles are for print only, poster styles only where posters show."""

from __future__ import annotations

import re

import pytest
import yaml

from macros.assets import (
    BUNDLED_CSS, BUNDLED_JS, Bundles, bundle_files, minify_css, minify_js, page_stylesheets, plan_bundles,
)
from support import PROJECT, site_pages

PAGES = site_pages()
OVERRIDES = PROJECT / "overrides"


def configured(key: str) -> list[str]:
    config = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    return config[key]


def stylesheet_links(html: str) -> list[str]:
    return re.findall(r'<link rel="stylesheet" href="[^"]*?(assets/stylesheets/[^"]+)"([^>]*)>', html)


def test_the_bundles_hold_every_source_in_order(built_site):
    bundles = plan_bundles(configured("extra_css"), configured("extra_javascript"))
    for bundle, sources, minify in ((BUNDLED_CSS, bundles.stylesheets, minify_css), (BUNDLED_JS, bundles.scripts, minify_js)):
        text = (built_site.directory / bundle).read_text(encoding="utf-8")
        positions = [text.index(minify((OVERRIDES / source).read_text(encoding="utf-8"))) for source in sources]
        assert positions == sorted(positions), bundle
    assert len(bundles.stylesheets) >= 5 and len(bundles.scripts) >= 5


@pytest.mark.parametrize("page", PAGES)
def test_a_page_loads_one_stylesheet_and_one_script_of_the_sites_own(built_site, page):
    html = built_site.page(page)
    links = stylesheet_links(html)
    own = [href for href, _ in links if not re.search(r"/(main|palette)\.[0-9a-f]+\.min\.css$", href)]
    assert own[0] == BUNDLED_CSS
    assert ("assets/stylesheets/print.css", ' media="print"') in links
    shows_posters = page.startswith("plakater/")
    assert ("assets/stylesheets/poster.css" in own) == shows_posters, page
    assert len(own) == 2 + shows_posters
    # Every script is deferred: the text is painted before they run.
    tags = re.findall(r'<script\b[^>]*\bsrc="[^"]*"[^>]*>', html)
    assert tags and all(tag.startswith("<script defer ") for tag in tags), tags
    scripts = re.findall(r'<script defer src="[^"]*?(assets/javascripts/[^"]+)"', html)
    assert [s for s in scripts if not re.search(r"/bundle\.[0-9a-f]+\.min\.js$", s)] == [BUNDLED_JS]


def test_print_and_poster_styles_stay_apart():
    bundles = plan_bundles(["a/med.css", "a/print.css", "a/poster.css", "a/tree.css"], ["a/med.js"])
    assert bundles == Bundles(["a/med.css", "a/tree.css"], ["a/med.js"], "a/print.css", "a/poster.css")
    plain = page_stylesheets(bundles, "roller.md", {}, "poster.html", ("plakater",))
    assert plain == [{"path": "a/print.css", "media": "print"}]
    for src, meta in (("plakater/om-med.md", {"template": "poster.html"}), ("plakater/index.md", {})):
        sheets = page_stylesheets(bundles, src, meta, "poster.html", ("plakater",))
        assert sheets[-1] == {"path": "a/poster.css", "media": "all"}


def test_a_bundle_names_its_sources_and_keeps_scripts_apart(tmp_path):
    (tmp_path / "a.js").write_text("var a = 1\n")
    (tmp_path / "b.js").write_text("(function () {})()")
    files = bundle_files(tmp_path, Bundles(stylesheets=[], scripts=["a.js", "b.js"]))
    assert files[BUNDLED_JS] == ";/* a.js */\nvar a=1\n;/* b.js */\n(function(){})()\n"


def test_what_is_served_is_minified_and_keeps_every_rule(tmp_path):
    """Comments and spaces go from the bundles and from print.css and poster.css; strings,
    selectors and statements stay as written."""
    (tmp_path / "a.css").write_text("/* Why the card is red. */\n.card  >  p {\n  color: red;\n  content: \"a  b\";\n}\n")
    (tmp_path / "print.css").write_text("@media print {\n  /* Sheets. */\n  .x { margin: 0 }\n}\n")
    (tmp_path / "a.js").write_text("// Why.\nvar text = \"a  //  b\";\n/* More. */\nif (text) {\n  run(text);\n}\n")
    files = bundle_files(tmp_path, Bundles(["a.css"], ["a.js"], print_css="print.css"))
    assert files[BUNDLED_CSS] == '/* a.css */\n.card>p{color:red;content:"a  b"}\n'
    assert files[BUNDLED_JS] == ';/* a.js */\nvar text="a  //  b";if(text){run(text);}\n'
    assert files["print.css"] == "@media print{.x{margin:0}}\n"
