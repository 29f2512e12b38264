"""QR codes for print and projector: segno, as inline SVG that scales to any size."""

from __future__ import annotations

from urllib.parse import quote

import segno
from markupsafe import Markup


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
