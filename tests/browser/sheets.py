"""Measuring printed output in chromium: posters against their sheet, PDFs page by page."""

from __future__ import annotations

import io
import math
import subprocess
from pathlib import Path

from pypdf import PdfReader

MM_PER_POINT = 25.4 / 72

# How far, in millimetres of paper, anything in the sheet reaches past its box: content cut
# off at the bottom of the poster's body (it hides what does not fit), or any element standing
# out of the body or the sheet.
OVERFLOW_SCRIPT = """
sheet => {
  const mm = sheet.getBoundingClientRect().width / Number(getComputedStyle(sheet).getPropertyValue('--sheet-w'));
  const body = sheet.querySelector('.med-poster__body');
  let worst = Math.max(0, body.scrollHeight - body.clientHeight, body.scrollWidth - body.clientWidth);
  const reach = (container, elements) => {
    const box = container.getBoundingClientRect();
    for (const element of elements) {
      const r = element.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      worst = Math.max(worst, r.bottom - box.bottom, r.right - box.right, box.left - r.left, box.top - r.top);
    }
  };
  reach(body, body.querySelectorAll('*'));
  reach(sheet, sheet.querySelectorAll('.med-poster__footer, .med-poster__footer *'));
  return worst / mm;
}
"""


def overflow_mm(page) -> float:
    """How many millimetres the poster on `page` overflows its sheet by (0 when it fits)."""
    return page.eval_on_selector(".med-poster", OVERFLOW_SCRIPT)


def overflow_problem(page, name: str, paper_label: str) -> str | None:
    """A message naming the poster and the overflow, or None when everything fits."""
    over = overflow_mm(page)
    if over > 0.5:
        return f"{name}: the content overflows its {paper_label} sheet by {over:.0f} mm"
    return None


def pdf_pages(pdf: bytes) -> list:
    return list(PdfReader(io.BytesIO(pdf)).pages)


def page_size_mm(pdf_page) -> tuple[float, float]:
    box = pdf_page.mediabox
    return float(box.width) * MM_PER_POINT, float(box.height) * MM_PER_POINT


def character_sizes(pdf_page) -> list[float]:
    """The printed size in points of every visible character on a PDF page: the font size
    times the vertical scale of the text and transformation matrices it is drawn with."""
    sizes: list[float] = []

    def visit(text, cm, tm, font, font_size):
        scale = math.hypot(tm[2], tm[3]) * math.hypot(cm[2], cm[3])
        sizes.extend(font_size * scale for char in text if not char.isspace())

    pdf_page.extract_text(visitor_text=visit)
    return sizes


def type_measure(pdf_page, large: float = 12.0) -> tuple[float, float]:
    """(the share of characters set at `large` points or more, the smallest size) on a page."""
    sizes = character_sizes(pdf_page)
    assert sizes, "no text on the page"
    # Half a hundredth of a point of leeway: sizes come back as millimetres turned into points.
    return sum(size >= large - 0.05 for size in sizes) / len(sizes), min(sizes)


def decode_qr(png: Path) -> str:
    """The text of the QR code in `png`, read by zbarimg (Debian's zbar-tools)."""
    result = subprocess.run(["zbarimg", "--raw", "--quiet", str(png)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, f"zbarimg found no QR code in {png}: {result.stderr}"
    return result.stdout.strip()
