"""Decision trees in chromium: journeys by clicking and by keyboard, URL state, back and
forward, changing an earlier answer, printing, no JavaScript, file://, accessibility."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import pytest
import yaml

from axe import axe_violations
from keyboard import tab_to
from support import PROJECT, copy_project, mkdocs_build, serve

JOURNEYS = PROJECT / "tests" / "trees" / "journeys"


def all_journeys():
    for path in sorted(JOURNEYS.glob("*.yml")):
        for journey in yaml.safe_load(path.read_text(encoding="utf-8")):
            yield pytest.param(path.stem, journey["answers"], journey["outcome"], id=f"{path.stem}:{'.'.join(journey['answers'])}")


def tree_url(site_url: str, tree_id: str, answers: list[str] | None = None) -> str:
    query = f"?{tree_id}={'.'.join(answers)}" if answers else ""
    return f"{site_url}svar/{tree_id}/{query}"


def answer(page, option_id: str) -> None:
    """Choose an answer in the current question and continue, as a mouse user would."""
    form = page.locator(".med-tree__step--question")
    form.locator(f"input[value='{option_id}']").check()
    form.locator(".med-tree__continue").click()


def step_title(page) -> str:
    return page.locator(".med-tree__app .med-tree__step-title").inner_text()


def answers_in_url(page, tree_id: str) -> list[str]:
    values = parse_qs(urlparse(page.url).query).get(tree_id, [""])
    return [a for a in unquote(values[0]).split(".") if a]


@pytest.mark.parametrize("tree_id, answers, outcome", list(all_journeys()))
def test_journey_by_clicking(page, site_url, dataset, tree_id, answers, outcome):
    page.goto(tree_url(site_url, tree_id), wait_until="networkidle")
    for option_id in answers:
        answer(page, option_id)
    expected = next(n for n in dataset.trees[tree_id].nodes if n.id == outcome)
    assert step_title(page) == f"Svar: {expected.title}"
    assert answers_in_url(page, tree_id) == answers


def test_each_step_is_in_the_url_and_survives_a_reload(page, site_url):
    page.goto(tree_url(site_url, "skal-sagen-i-med"), wait_until="networkidle")
    answer(page, "nej")
    answer(page, "nej")
    assert answers_in_url(page, "skal-sagen-i-med") == ["nej", "nej"]
    page.reload(wait_until="networkidle")
    assert step_title(page) == "Hvad handler sagen om?"
    assert page.locator(".med-tree__answers > li").count() == 2


def test_back_and_forward_move_between_steps(page, site_url):
    page.goto(tree_url(site_url, "skal-sagen-i-med"), wait_until="networkidle")
    answer(page, "nej")
    answer(page, "ja")
    assert step_title(page).startswith("Svar: Nej – det aftales i partssystemet")
    page.go_back()
    page.wait_for_function("document.querySelector('.med-tree__step-title').textContent.startsWith('Er det noget')")
    assert answers_in_url(page, "skal-sagen-i-med") == ["nej"]
    page.go_forward()
    page.wait_for_function("document.querySelector('.med-tree__step-title').textContent.startsWith('Svar:')")
    assert answers_in_url(page, "skal-sagen-i-med") == ["nej", "ja"]


def test_a_shared_link_opens_that_step(page, site_url, dataset):
    answers = ["politikerne", "kommunaldirektøren"]
    page.goto(tree_url(site_url, "hvor-er-rette-niveau", answers), wait_until="networkidle")
    assert step_title(page) == "Svar: Rette niveau er hovedudvalget"
    assert page.locator(".med-tree__answers > li").count() == 2


def test_changing_an_earlier_answer_keeps_the_later_ones(page, site_url):
    answers = ["nej", "nej", "arbejdsforhold", "principiel", "nej"]
    page.goto(tree_url(site_url, "skal-sagen-i-med", answers), wait_until="networkidle")
    assert step_title(page) == "Svar: Ja – sagen skal informeres og drøftes i MED"
    page.get_by_role("button", name="Ret svaret på: Hvad handler sagen om?").click()
    assert step_title(page) == "Hvad handler sagen om?"
    answer(page, "personaleforhold")
    # The answers after the changed one still apply, so the outcome comes straight back.
    assert step_title(page) == "Svar: Ja – sagen skal informeres og drøftes i MED"
    assert answers_in_url(page, "skal-sagen-i-med") == ["nej", "nej", "personaleforhold", "principiel", "nej"]


def test_changing_an_answer_onto_another_branch_asks_the_new_questions(page, site_url):
    page.goto(tree_url(site_url, "skal-sagen-i-med", ["nej", "ja"]), wait_until="networkidle")
    page.get_by_role("button", name="Ret svaret på: Er det noget, kommunen skal aftale med en faglig organisation – fx løn, arbejdstidsaftaler eller seniortillæg?").click()
    answer(page, "nej")
    assert step_title(page) == "Hvad handler sagen om?"


def test_start_forfra_clears_the_answers(page, site_url):
    page.goto(tree_url(site_url, "er-en-høring-nok", ["kun-høring"]), wait_until="networkidle")
    page.get_by_role("button", name="Start forfra").click()
    assert step_title(page) == "Hvordan får medarbejderne indflydelse på sagen?"
    assert answers_in_url(page, "er-en-høring-nok") == []
    assert page.locator(".med-tree__answers").count() == 0


def test_tilbage_undoes_the_last_answer(page, site_url):
    page.goto(tree_url(site_url, "tavshedspligt", ["med", "nej"]), wait_until="networkidle")
    page.get_by_role("button", name="Tilbage", exact=True).click()
    assert step_title(page) == "Er oplysningen fortrolig – fx private forhold om en navngiven person eller en forretningshemmelighed?"
    # The undone answer is remembered as the choice, ready to be confirmed or changed.
    assert page.locator("input[value='nej']").is_checked()


def test_a_journey_with_the_keyboard_alone(page, site_url):
    page.goto(tree_url(site_url, "tavshedspligt"), wait_until="networkidle")
    tab_to(page, ".med-tree__app input[type=radio]", "the first answer")
    # "På et møde i MED-udvalget" is the first option: select it and submit with Enter.
    page.keyboard.press("Space")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.classList.contains('med-tree__step-title')")
    # Next question: Tab to the radios, arrow down to the second answer ("Nej"), submit.
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    assert step_title(page) == "Svar: Ja – del det med dem, du repræsenterer"


def test_focus_moves_to_the_new_step_and_the_change_is_announced(page, site_url):
    page.goto(tree_url(site_url, "hvilken-hat"), wait_until="networkidle")
    answer(page, "med-udvalg")
    assert page.evaluate("document.activeElement.textContent") == step_title(page)
    status = page.locator(".med-tree__status")
    assert status.get_attribute("role") == "status"
    assert status.inner_text() == "Spørgsmål 2: Handler punktet om noget, der skal aftales med din faglige organisation – fx løn?"


def test_continuing_without_an_answer_explains_what_is_missing(page, site_url):
    page.goto(tree_url(site_url, "hvilken-hat"), wait_until="networkidle")
    page.locator(".med-tree__continue").click()
    error = page.locator(".med-tree__error")
    assert error.is_visible() and error.inner_text() == "Vælg et svar for at fortsætte."
    assert page.evaluate("document.activeElement.type") == "radio"


@pytest.mark.parametrize("answers", [[], ["nej", "nej", "arbejdsforhold"], ["nej", "nej", "arbejdsforhold", "principiel", "betydelige-ændringer"]],
                         ids=["first", "middle", "outcome"])
def test_no_wcag_22_aa_violations_at_each_stage(page, site_url, answers):
    page.goto(tree_url(site_url, "skal-sagen-i-med", answers), wait_until="networkidle")
    assert axe_violations(page) == []


def test_without_javascript_the_whole_outline_shows(browser, site_url, dataset):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(tree_url(site_url, "medindflydelse-eller-medbestemmelse"))
    tree = dataset.trees["medindflydelse-eller-medbestemmelse"]
    assert page.locator(".med-tree__app").is_hidden()
    for node in tree.nodes:
        assert page.locator(f"#medindflydelse-eller-medbestemmelse--{node.id}").is_visible()
    context.close()


def test_print_view_shows_the_answers_and_the_outcome(page, site_url):
    page.goto(tree_url(site_url, "er-en-høring-nok", ["drøftelse-og-høring", "nej"]), wait_until="networkidle")
    page.emulate_media(media="print")
    assert page.locator(".med-tree__app .med-tree__summary").is_visible()
    assert page.locator(".med-tree__step--outcome").is_visible()
    assert page.locator(".med-tree__outline").is_hidden()
    assert page.locator(".med-tree__actions").is_hidden()
    assert page.locator(".md-sidebar--primary").is_hidden()


def test_print_before_answering_prints_the_whole_outline(page, site_url):
    page.goto(tree_url(site_url, "er-en-høring-nok"), wait_until="networkidle")
    page.emulate_media(media="print")
    assert page.locator(".med-tree__outline").is_visible()
    assert page.locator(".med-tree__app").is_hidden()


def test_trees_work_after_instant_navigation(page, site_url):
    page.goto(site_url + "svar/", wait_until="networkidle")
    page.locator(".md-content a", has_text="Er en høring nok?").first.click()
    page.wait_for_url("**/svar/er-en-h**")
    page.wait_for_selector(".med-tree--enhanced .med-tree__step-title")
    answer(page, "drøftelse")
    assert step_title(page) == "Svar: Ja – det er sådan, MED skal bruges"


def test_trees_work_opened_from_disk(browser, built_site):
    context = browser.new_context()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto((built_site.directory / "svar" / "hvilken-hat" / "index.html").as_uri())
    page.wait_for_selector(".med-tree--enhanced .med-tree__step-title")
    answer(page, "med-lederen")
    assert step_title(page) == "Svar: TR-hatten – du er din organisations forlængede arm"
    assert errors == []
    context.close()


def test_two_trees_embedded_in_one_page_keep_their_own_state(browser, tmp_path: Path):
    project = copy_project(tmp_path / "project")
    (project / "docs" / "to-træer.md").write_text(
        "# To træer\n\n{{ tree(\"er-en-høring-nok\") }}\n\n{{ tree(\"hvilken-hat\") }}\n", encoding="utf-8"
    )
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    (project / "mkdocs.yml").write_text(config.replace("  - Ordliste: ordliste.md\n", "  - Ordliste: ordliste.md\n  - to-træer.md\n"), encoding="utf-8")
    result = mkdocs_build(project, project / "site")
    assert result.returncode == 0, result.stderr
    with serve(project / "site") as url:
        page = browser.new_page()
        page.goto(url + "to-træer/", wait_until="networkidle")
        first, second = page.locator(".med-tree").nth(0), page.locator(".med-tree").nth(1)
        first.locator("input[value='kun-høring']").check()
        first.locator(".med-tree__continue").click()
        second.locator("input[value='trio-i-med']").check()
        second.locator(".med-tree__continue").click()
        query = parse_qs(urlparse(page.url).query)
        assert query == {"er-en-høring-nok": ["kun-høring"], "hvilken-hat": ["trio-i-med"]}
        assert first.locator(".med-tree__step-title").inner_text().startswith("Svar: Nej")
        assert second.locator(".med-tree__step-title").inner_text().startswith("Svar: Trio-hatten")
        page.close()


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("tree_id", ["skal-sagen-i-med", "med-leder-tr-eller-trio"])
def test_the_flowchart_fits_its_column_with_text_at_body_size(browser, site_url, dataset, tree_id, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(tree_url(site_url, tree_id), wait_until="networkidle")
    page.locator(".med-tree__chart summary").click()
    steps = page.locator(".med-flow-steps")
    assert steps.is_visible()
    assert not page.locator(".med-tree__chart svg.med-flow").is_visible()  # the drawn chart is for print
    assert steps.locator(":scope > li").count() == len(dataset.trees[tree_id].nodes)
    column = page.evaluate("document.querySelector('.md-content').getBoundingClientRect().right")
    widest = page.evaluate(
        "Math.max(...[...document.querySelectorAll('.med-flow-steps *')].map(e => e.getBoundingClientRect().right))"
    )
    assert widest <= column
    body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.md-typeset p')).fontSize)")
    text = page.evaluate(
        "Math.min(...[...document.querySelectorAll('.med-flow-step__text, .med-flow-step__answers li')]"
        ".map(e => parseFloat(getComputedStyle(e).fontSize)))"
    )
    assert text >= body
    # Each answer leads to its step in the chart.
    link = page.locator(".med-flow-step__answers a").first
    target = link.get_attribute("href").split("#", 1)[1]
    link.click()
    page.wait_for_function("id => decodeURIComponent(location.hash) === '#' + id", arg=target)
    step = page.locator(f"[id='{target}']")
    assert step.evaluate("e => e.classList.contains('med-flow-step')") and step.is_visible()
    assert axe_violations(page) == []
    context.close()
