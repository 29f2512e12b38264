"""QR codes for print and projector: segno, as inline SVG that scales to any size.

Encoding picks the best of eight masks in pure Python; a module's code shows on its page and on
every course page that includes it, so each address is encoded once per build.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import quote

import segno
from markupsafe import Markup


@lru_cache(maxsize=256)
def qr_code(address: str, title: str) -> Markup:
    """The address as an inline SVG QR code (error correction M, so a scuffed print still reads).

    The code holds the address percent-encoded, as plain ASCII, which every scanner reads the
    same way; the printed text beside it shows æ, ø and å.
    """
    code = segno.make(quote(address, safe=":/?#=&%"), error="m", micro=False)
    svg = code.svg_inline(
        scale=1, border=4, omitsize=True, svgclass="med-qr", lineclass="med-qr__modules", title=title,
        dark="#000", light="#fff",
    )
    return Markup(svg.replace("<svg ", '<svg role="img" ', 1))
