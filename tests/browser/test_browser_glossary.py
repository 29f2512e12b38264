"""Abbreviations are explained on hover and on keyboard focus, from the glossary data."""

from __future__ import annotations

from keyboard import tab_to


def tooltip(page):
    return page.locator(".med-abbr-tip")


def test_hovering_an_abbreviation_shows_what_it_stands_for(page, site_url):
    page.goto(site_url + "roller/", wait_until="networkidle")
    abbr = page.locator(".md-content abbr", has_text="TR").first
    abbr.hover()
    tip = tooltip(page)
    tip.wait_for(state="visible")
    assert tip.inner_text() == "tillidsrepræsentant"
    page.mouse.move(5, 5)
    tip.wait_for(state="hidden")


def test_keyboard_reaches_the_explanation_and_escape_dismisses_it(page, site_url):
    page.goto(site_url + "roller/", wait_until="networkidle")
    focusable = page.locator(".md-content abbr[tabindex='0']")
    assert focusable.count() >= 3
    # Tab through the page until the first abbreviation in the content has focus.
    tab_to(page, ".md-content abbr", "no abbreviation")
    expansion = page.evaluate("document.activeElement.getAttribute('data-med-title')")
    tip = tooltip(page)
    tip.wait_for(state="visible")
    assert tip.inner_text() == expansion
    page.keyboard.press("Escape")
    tip.wait_for(state="hidden")


def test_screen_readers_get_the_expansion_as_description(page, site_url):
    page.goto(site_url + "udvalg/", wait_until="networkidle")
    described = page.evaluate(
        """() => [...document.querySelectorAll('.md-content abbr')].map(a =>
            [a.textContent, document.getElementById(a.getAttribute('aria-describedby')).textContent])"""
    )
    assert ["HMU", "MED-hovedudvalg"] in described
    assert all(text for _, text in described)


def test_only_the_first_occurrence_takes_focus(page, site_url):
    page.goto(site_url + "roller/", wait_until="networkidle")
    counts = page.evaluate(
        """() => {
            const seen = {};
            document.querySelectorAll('.md-content abbr[tabindex="0"]').forEach(a => {
                seen[a.textContent] = (seen[a.textContent] || 0) + 1; });
            return seen; }"""
    )
    assert counts and all(n == 1 for n in counts.values()), counts
