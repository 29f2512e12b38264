"""The data's Markdown renderer and sanitiser, and the escaping of plain text, against hostile input.

The payloads are the usual cross-site scripting vectors (OWASP's filter evasion list and its
relatives) written as data Markdown and as plain text. The renderer must give HTML with no
element outside its allow-list, no event handler or style attribute, no URL with a scheme other
than https: or mailto:, no image from another origin, and text that Markdown, reading the page
again, finds nothing in to act on.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

import pytest

from macros.links import FixedLinks
from macros.render.core import environment, mark_abbreviations, markdown_text
from macros.render.escaping import text_markup
from macros.render.markdown import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, is_same_site, render_markdown, sanitise
from support import markdown_to_html

MARKDOWN_PAYLOADS = [
    "[klik](javascript:alert(1))",
    "[klik](JaVaScRiPt:alert(1))",
    "[klik](javascript&#58;alert(1))",
    "[klik](javascript&#x3A;alert(1))",
    "[klik](&#106;avascript:alert(1))",
    "[klik](java\tscript:alert(1))",
    "[klik]( javascript:alert(1))",
    "[klik](<javascript:alert(1)>)",
    "[klik](vbscript:msgbox(1))",
    "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[klik](livescript:alert(1))",
    "<javascript:alert(1)>",
    "<https://example.org/\"onmouseover=\"alert(1)>",
    "Klik [her][x].\n\n[x]: javascript:alert(1)",
    "Klik [her][x].\n\n[x]: data:text/html,<script>alert(1)</script>",
    "Klik [her][x].\n\n[x]: JAVASCRIPT:alert(1) \"titel\"",
    "Klik [x].\n\n[x]: vbscript:msgbox(1)",
    "![x](javascript:alert(1))",
    "![x](https://tracker.example/pixel.png)",
    "![x](//tracker.example/pixel.png)",
    "![x](http://tracker.example/pixel.png)",
    "![x][p]\n\n[p]: https://tracker.example/pixel.png",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "![x](/assets/images/favicon.svg){ onerror=alert(1) }",
    "![x](/assets/images/favicon.svg){: onerror=\"alert(1)\" }",
    "[klik](/ordliste.md){ onclick=alert(1) }",
    "[klik](/ordliste.md){ style=\"position:fixed;inset:0;z-index:9999\" }",
    "Et afsnit.\n{: onmouseover=\"alert(1)\" }",
    "### Overskrift { onclick=alert(1) }",
    "Tekst { #id .klasse onclick=alert(1) }",
    "<script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<img src=x onerror=alert(1)",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<!-- <img src=x onerror=alert(1)> -->",
    "<![CDATA[<img src=x onerror=alert(1)>]]>",
    "<?xml version=\"1.0\"?><x onload=alert(1)>",
    "\\<script>alert(1)\\</script>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "`<script>alert(1)</script>`",
    "    <script>alert(1)</script>",
    "[<img src=x onerror=alert(1)>](/ordliste.md)",
    "[klik](/ordliste.md \"titel\\\" onmouseover=\\\"alert(1)\")",
    "*[HMU]: \" onmouseover=\"alert(1)",
    "[^1]\n\n[^1]: <script>alert(1)</script>",
    "<style>body{display:none}</style>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<form action=\"https://evil.example/\"><input name=x></form>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"https://evil.example/x.swf\">",
    "<base href=\"https://evil.example/\">",
    "[a](https://example.org/){ target=_blank }",
]


class _Collect(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    handle_startendtag = handle_starttag


def elements(fragment: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Collect()
    parser.feed(fragment)
    return parser.elements


def assert_harmless(fragment: str) -> None:
    for tag, attrs in elements(fragment):
        assert tag in ALLOWED_TAGS | {"div"}, (tag, fragment)
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name, fragment)
            assert name != "style", fragment
            assert name in ALLOWED_ATTRIBUTES.get(tag, set()) | {"rel", "class"}, (tag, name, fragment)
            if name in ("href", "src") and value is not None:
                scheme = re.match(r"^\s*([a-zA-Z][a-zA-Z0-9+.-]*):", re.sub(r"[\x00-\x20]", "", value))
                assert scheme is None or scheme.group(1).lower() in ("https", "mailto"), (value, fragment)
                if name == "src":
                    assert is_same_site(value), (value, fragment)
    assert "javascript:" not in html.unescape(fragment).lower().replace("\t", "").replace(" ", "") or "<a" not in fragment


@pytest.mark.parametrize("payload", MARKDOWN_PAYLOADS)
def test_data_markdown_gives_only_allowed_elements_and_urls(payload: str):
    rendered = str(render_markdown(payload, {"HMU": "MED-hovedudvalg"}, FixedLinks()))
    assert_harmless(rendered)


@pytest.mark.parametrize("payload", MARKDOWN_PAYLOADS)
def test_rendered_markdown_stays_harmless_when_the_page_reads_it_again(payload: str):
    """Inside a page, the block goes through the site's own Markdown (attribute lists, HTML in
    Markdown) again; nothing in it may come alive there."""
    block = environment().from_string('<div class="kort" markdown="1">\n\n### Titel\n\n{{ value|md }}\n\n</div>\n').render(
        value=_markdown_text(payload), links=FixedLinks(), abbreviations={}
    )
    page = markdown_to_html(block)
    for tag, attrs in elements(page):
        assert not any(name.startswith("on") or name == "style" for name in attrs), (tag, attrs, page)
        for name in ("href", "src"):
            value = attrs.get(name)
            if value:
                assert not re.match(r"^\s*(javascript|data|vbscript):", value, re.IGNORECASE), page
    assert "<script" not in page and "<svg" not in page and "<iframe" not in page


def _markdown_text(value: str):
    from macros.model.types import MarkdownText

    return MarkdownText(value)


def test_links_to_pages_of_the_site_become_relative_urls():
    rendered = str(render_markdown("Se [lederen](/roller.md#leder) og ![logo](/assets/images/favicon.svg).", {}, FixedLinks()))
    assert 'href="/roller/#leder"' in rendered
    assert 'src="/assets/images/favicon.svg"' in rendered


def test_https_and_mailto_links_are_kept():
    rendered = str(render_markdown("[KL](https://www.kl.dk/) og [skriv](mailto:med@example.org)"))
    assert 'href="https://www.kl.dk/"' in rendered and 'href="mailto:med@example.org"' in rendered


def test_emphasis_lists_and_abbreviations_survive():
    rendered = str(render_markdown("**Fed** og *kursiv* i HMU.\n\n- et\n- to", {"HMU": "MED-hovedudvalg"}))
    assert "<strong>Fed</strong>" in rendered and "<em>kursiv</em>" in rendered
    assert '<abbr title="MED-hovedudvalg">HMU</abbr>' in rendered
    assert rendered.count("<li>") == 2


@pytest.mark.parametrize("url", ["javascript:alert(1)", " JAVASCRIPT:x", "java\nscript:x", "//evil.example/x", "https://x", "\\\\evil/x", "data:x"])
def test_an_image_from_anywhere_but_the_site_is_dropped(url: str):
    assert "src=" not in sanitise(f'<img src="{url}" alt="x">')


PLAIN_PAYLOADS = [
    "<script>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "[klik](javascript:alert(1))",
    "Tekst { onclick=alert(1) }",
    "Tekst {: onclick=\"alert(1)\" }",
    "![x](/ordliste.md){ onerror=alert(1) }",
    "<javascript:alert(1)>",
    "*fed* _skrå_ `kode` \\<b>",
    "# Overskrift",
    "Kolonne | kolonne",
    "&amp; &lt;script&gt; &#106;",
    "Linje1\n\n## Indsat overskrift { #leder }",
    ":warning: [^1]",
]


@pytest.mark.parametrize("payload", PLAIN_PAYLOADS)
def test_plain_text_is_shown_exactly_in_markdown_html_and_headings(payload: str):
    shown = " ".join(payload.split()) if "\n" in payload else payload
    for fragment in (
        f"## {markdown_text(payload)}\n",
        f"<div markdown=\"1\">\n\n{text_markup(payload)}\n\n</div>\n",
        f"<p>{text_markup(payload)}</p>\n",
        f"Et afsnit om {mark_abbreviations(payload, {'HMU': 'x'})}.\n",
    ):
        page = markdown_to_html(fragment)
        for tag, attrs in elements(page):
            assert tag in ("h2", "div", "p"), page
            assert set(attrs) <= {"id"}, page
        text = re.sub(r"<[^>]+>", "", page)
        assert shown in html.unescape(text), page


def test_an_abbreviation_is_never_found_inside_an_escape():
    marked = str(mark_abbreviations("Løn & arbejdstid", {"amp": "x", "lt": "y"}))
    assert "<abbr" not in marked
    assert html.unescape(marked) == "Løn & arbejdstid"


def test_one_field_cannot_change_how_the_next_is_rendered():
    render_markdown("*[XY]: \" onmouseover=\"alert(1)\n\nXY", {"HMU": "h"})
    assert "<abbr" not in str(render_markdown("XY", {"HMU": "h"}))
