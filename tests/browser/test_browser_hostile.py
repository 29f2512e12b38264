"""Hostile data in every text and Markdown field, built into a site and opened in Chromium.

A copy of the project gets a payload added to every string field the data allows free text
in – each plain field (`Line`, `Text`) a plain-text payload, each Markdown field a Markdown
payload that the loader accepts – taken in turn from the lists below, so every kind of payload
lands in many kinds of field and every field gets one. The site must build, and then, on every
page, no dialog may open, no element may carry an event handler, no link may use javascript:,
and no request may leave the origin. One build, shared by the tests of this file.
"""

from __future__ import annotations

import itertools
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
import yaml
from playwright.sync_api import Browser

from macros.loader import DATA_KINDS
from macros.yamlsource import read_yaml
from support import copy_project, mkdocs_build, serve, site_pages

pytestmark = pytest.mark.browser

PLAIN_PAYLOADS = [
    "<script>alert('plain-script')</script>",
    "\"><img src=x onerror=alert('plain-img')>",
    "[klik](javascript:alert('plain-link'))",
    "Tekst { onclick=alert('plain-attr') }",
    "![x](/assets/images/favicon.svg){ onerror=alert('plain-md-img') }",
    "<svg onload=alert('plain-svg')>",
    "</title></script><script>alert('plain-end')</script>",
    "*[MED]: <img src=x onerror=alert('plain-abbr')>",
    "&lt;b&gt; &amp;amp; # overskrift | tabel <!-- x",
    "'-alert('plain-quote')-' \\\"; alert(1); //",
]
# What the loader accepts in Markdown fields, chosen to come alive if anything reads it wrongly.
MARKDOWN_PAYLOADS = [
    "Se &#60;script&#62;alert('md-entity')&#60;/script&#62; her.",
    "Klik [her](https://example.org/ \"x\\\" onmouseover=\\\"alert('md-title')\").",
    "Klik [her] (javascript:alert('md-space')).",
    "*[MED]: \" onmouseover=\"alert('md-abbr')",
    "Se `&lt;img src=x onerror=alert('md-code')&gt;` og **fed**.",
    "Tekst &#x6A;avascript:alert('md-hex') og &amp;lt;svg onload=alert(1)&amp;gt;",
    "Et punkt | med tabel | tegn",
]
LINE_PATTERN = "^[^\\r\\n\\t]*$"
SCHEMA_DIR = Path(__file__).resolve().parents[2] / "data" / "schema"


def _resolve(schema: dict[str, Any], root: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = root["$defs"][schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _branch(schema: dict[str, Any], value: Any, root: dict[str, Any]) -> dict[str, Any] | None:
    schema = _resolve(schema, root)
    options = schema.get("anyOf") or schema.get("oneOf")
    if not options:
        return schema
    for option in options:
        option = _resolve(option, root)
        if option.get("type") == "null":
            continue
        properties = option.get("properties", {})
        if isinstance(value, dict):
            kind = properties.get("kind", {}).get("const")
            if kind is not None and value.get("kind") != kind:
                continue
            if not set(value) <= set(properties):
                continue
        return option
    return None


class Injector:
    """Adds payloads to the free-text fields of data, guided by the data's JSON Schemas."""

    def __init__(self):
        self.plain = itertools.cycle(PLAIN_PAYLOADS)
        self.markdown = itertools.cycle(MARKDOWN_PAYLOADS)
        self.fields: set[str] = set()

    def walk(self, value: Any, schema: dict[str, Any], root: dict[str, Any], name: str) -> Any:
        schema = _branch(schema, value, root)
        if schema is None:
            return value
        if isinstance(value, dict):
            properties = schema.get("properties", {})
            return {key: self.walk(item, properties.get(key, {}), root, key) for key, item in value.items()}
        if isinstance(value, list):
            items = schema.get("items", {})
            return [self.walk(item, items, root, name) for item in value]
        if isinstance(value, str):
            return self._string(value, schema, name)
        return value

    def _string(self, value: str, schema: dict[str, Any], name: str) -> str:
        # A glossary term is matched as a word, a committee's name forms are what pages write
        # (`{{ hovedudvalget }}`): both must be words, which the loader checks.
        if name in ("term", "ubestemt", "bestemt", "ejefald") or schema.get("enum") or schema.get("const") or schema.get("format"):
            return value
        if schema.get("contentMediaType") == "text/markdown":
            payload, joiner = next(self.markdown), "\n\n"
        elif schema.get("type") == "string" and schema.get("pattern", LINE_PATTERN) == LINE_PATTERN:
            payload, joiner = next(self.plain), " "
        else:
            return value
        result = value + joiner + payload
        if len(result) > schema.get("maxLength", 10_000):
            return value
        self.fields.add(name)
        return result


def inject(data_dir: Path) -> Injector:
    injector = Injector()
    schemas = {
        (spec.filename if hasattr(spec, "filename") else spec.folder): spec.schema_name for spec in DATA_KINDS
    }
    for path in sorted(data_dir.rglob("*.yml")):
        relative = path.relative_to(data_dir)
        key = relative.parts[0] if len(relative.parts) > 1 else relative.name
        if key not in schemas:
            continue
        root = json.loads((SCHEMA_DIR / schemas[key]).read_text(encoding="utf-8"))
        value = injector.walk(read_yaml(path).value, root, root, "")
        path.write_text(yaml.safe_dump(value, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    return injector


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory):
    project = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    injector = inject(project / "data")
    site = project / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stdout + result.stderr
    with serve(site) as url:
        yield site, url, injector


def test_payloads_reach_every_kind_of_text_field(hostile_site):
    _, _, injector = hostile_site
    for field in ("title", "name", "label", "question", "summary", "definition", "description", "answer", "place", "expansion"):
        assert field in injector.fields, field


class _Scan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self._script: str | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and value:
                if re.match(r"^\s*(javascript|data|vbscript):", value.replace("\t", "").replace("\n", ""), re.IGNORECASE):
                    self.problems.append(f"<{tag} {name}={value}>")
        self._script = dict(attrs).get("type", "text/javascript") if tag == "script" else None

    def handle_data(self, data):
        # Data may stand in JSON-LD as JSON strings, where it cannot end the element; in no
        # script may it be code.
        if self._script == "application/ld+json":
            if "<" in data or ">" in data:
                self.problems.append(f"JSON-LD with markup: {data[:80]}")
        elif self._script is not None and "alert(" in data:
            self.problems.append(f"script: {data[:80]}")

    def handle_endtag(self, tag):
        self._script = None


def test_no_page_holds_a_handler_a_script_or_a_javascript_url(hostile_site):
    site, _, _ = hostile_site
    for path in sorted(site.rglob("*.html")):
        scan = _Scan()
        scan.feed(path.read_text(encoding="utf-8"))
        assert scan.problems == [], (path.relative_to(site).as_posix(), scan.problems[:5])


def test_payloads_are_shown_as_text(hostile_site):
    site, _, _ = hostile_site
    html = (site / "roller" / "index.html").read_text(encoding="utf-8")
    assert "alert(" in re.sub(r"<[^>]+>", "", html), "the payloads should be on the page, as text"


@pytest.mark.parametrize("path", site_pages())
def test_in_chromium_nothing_runs_and_nothing_leaves_the_origin(browser: Browser, hostile_site, path: str):
    _, url, _ = hostile_site
    origin = "{0.scheme}://{0.netloc}".format(urlparse(url))
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    requested: list[str] = []
    dialogs: list[str] = []
    context.route("**/*", lambda route: route.continue_() if route.request.url.startswith(origin) or route.request.url.startswith("data:") else (requested.append(route.request.url), route.abort()))
    page = context.new_page()
    page.on("request", lambda request: requested.append(request.url) if not request.url.startswith((origin, "data:", "blob:")) else None)
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(url + path, wait_until="load")
        page.wait_for_timeout(150)
        found = page.evaluate(
            """() => {
                const problems = [];
                for (const el of document.querySelectorAll('*')) {
                    for (const attr of el.attributes) {
                        if (attr.name.startsWith('on')) problems.push(el.tagName + ' ' + attr.name);
                        if (['href', 'src', 'action', 'formaction'].includes(attr.name)
                            && /^\\s*(javascript|vbscript|data):/i.test(attr.value.replace(/[\\t\\n\\r]/g, ''))) {
                            problems.push(el.tagName + ' ' + attr.name + '=' + attr.value);
                        }
                    }
                }
                // Hover and click every link and abbreviation, as a reader would.
                for (const el of document.querySelectorAll('main a, main abbr, main img, main p, main h1, main h2, main h3')) {
                    for (const type of ['mouseover', 'focus', 'error', 'load']) el.dispatchEvent(new Event(type));
                }
                return problems;
            }"""
        )
        page.wait_for_timeout(50)
    finally:
        context.close()
    assert found == []
    assert dialogs == []
    assert requested == []


@pytest.mark.parametrize("query", ["alert", "script", "onerror", "klik"])
def test_search_results_show_the_payloads_as_text(browser: Browser, hostile_site, query: str):
    """The search index holds the pages' text and headings; its results are drawn as HTML."""
    _, url, _ = hostile_site
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="da-DK")
    dialogs: list[str] = []
    page = context.new_page()
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        page.goto(url, wait_until="load")
        page.click(".md-search__input")
        page.locator(".md-search__input").press_sequentially(query)
        page.wait_for_selector(".md-search-result__item")
        page.wait_for_timeout(300)
        handlers = page.evaluate(
            """() => [...document.querySelectorAll('.md-search-result *')]
                .flatMap(el => [...el.attributes].filter(a => a.name.startsWith('on')).map(a => el.tagName + ' ' + a.name))"""
        )
        shown = page.locator(".md-search-result").inner_text()
    finally:
        context.close()
    assert handlers == []
    assert dialogs == []
    assert shown
