"""QR codes for print and projector: segno, as inline SVG that scales to any size.

Encoding picks the best of eight masks in pure Python, so each code is encoded once and kept:
in memory for the build (a module's code shows on its page and on every course page that
includes it) and on disk between builds (macros/cache.py), keyed by the address, the title, the
options and segno's version. A build whose codes are all cached never imports segno.
"""

from __future__ import annotations

from functools import lru_cache
from importlib.metadata import version
from urllib.parse import quote

from markupsafe import Markup

from ..cache import cached_text, content_key

# Error correction M, so a scuffed print still reads.
MAKE_OPTIONS = {"error": "m", "micro": False}
SVG_OPTIONS = {
    "scale": 1, "border": 4, "omitsize": True, "svgclass": "med-qr", "lineclass": "med-qr__modules",
    "dark": "#000", "light": "#fff",
}


@lru_cache(maxsize=256)
def qr_code(address: str, title: str) -> Markup:
    """The address as an inline SVG QR code.

    The code holds the address percent-encoded, as plain ASCII, which every scanner reads the
    same way; the printed text beside it shows æ, ø and å.
    """
    content = quote(address, safe=":/?#=&%")
    key = content_key(content, title, MAKE_OPTIONS, SVG_OPTIONS, _segno_version())
    return Markup(cached_text("qr", key, lambda: _encode(content, title)))


@lru_cache(maxsize=1)
def _segno_version() -> str:
    return version("segno")


def _encode(content: str, title: str) -> str:
    import segno

    svg = segno.make(content, **MAKE_OPTIONS).svg_inline(title=title, **SVG_OPTIONS)
    return svg.replace("<svg ", '<svg role="img" ', 1)
