"""Moving through a page with the keyboard alone, as the browser tests do."""

from __future__ import annotations

from playwright.sync_api import Page


def tab_to(page: Page, selector: str, what: str, presses: int = 80) -> None:
    """Press Tab until the focused element matches `selector`; fail naming `what` when
    `presses` presses do not reach it."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if page.evaluate("selector => document.activeElement.matches(selector)", selector):
            return
    raise AssertionError(f"{what} could not be reached with Tab")
