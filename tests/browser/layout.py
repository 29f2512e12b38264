"""What a reader sees go wrong in a layout, measured in the page: words split across lines in
tables, and content that runs off the right edge of the screen."""

from __future__ import annotations

from playwright.sync_api import Page

# A word is split when its characters lie on more than one line. Words are the runs between
# spaces, hyphens, dashes and slashes, where a line may rightly break.
_SPLIT_WORDS = """
() => {
  const found = [];
  for (const cell of document.querySelectorAll('.md-content table th, .md-content table td')) {
    if (cell.getClientRects().length === 0) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const pattern = /[^\\s\\-\\u2013\\u2014/]+/g;
      for (let match = pattern.exec(node.textContent); match; match = pattern.exec(node.textContent)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.bottom)));
        if (lines.size > 1) found.push(match[0]);
      }
    }
  }
  return found;
}
"""

# An element runs off the screen when its right edge is beyond the viewport, unless it sits in
# a region that scrolls sideways, itself fits on screen, and can be reached from the keyboard.
_OVERFLOW = """
() => {
  const width = document.documentElement.clientWidth;
  const scrollingRegion = element => {
    for (let up = element.parentElement; up && up !== document.body; up = up.parentElement) {
      const overflow = getComputedStyle(up).overflowX;
      if (overflow === 'auto' || overflow === 'scroll') return up;
    }
    return null;
  };
  const found = [];
  for (const element of document.querySelectorAll('.md-content *')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= width + 1) continue;
    const region = scrollingRegion(element);
    if (region && region.getBoundingClientRect().right <= width + 1 && region.tabIndex >= 0) continue;
    found.push(`${element.tagName.toLowerCase()}.${element.getAttribute('class') || ''} ends at ${Math.round(box.right)} px`);
  }
  return found.slice(0, 5);
}
"""


def settle(page: Page) -> None:
    """Wait until the page's scripts have run and it has been laid out twice."""
    page.wait_for_load_state("load")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")


def split_words(page: Page) -> list[str]:
    return page.evaluate(_SPLIT_WORDS)


def overflowing(page: Page) -> list[str]:
    return page.evaluate(_OVERFLOW)
