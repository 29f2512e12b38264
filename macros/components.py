"""The site's macros, for any engine: each a one-line call into a pure render function in
`macros/render/`, which turns the validated data (loaded once per build by `site.load_site`)
into a page fragment. An engine's adapter (macros/engines/) registers them with
`register_macros`, giving the page being rendered and the site's pages as a `MacroContext`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from .links import PageLinks, doc_link
from .pages import SitePages
from .render import (
    calendar, case_types, committees, glossary, guidelines, posters, provisions, questions, roles, sources, training,
    trees,
)
from .render import booklet_link as booklet_download
from .render import edition as edition_pages
from .render.core import markdown_text
from .render.dates import danish_date
from .render.printing import page_source_ids
from .site import Site, build_day, calendar_today


@dataclass
class MacroContext:
    """What a macro may read besides its arguments: the site's data, the engine's configuration
    (site_url), and – while a page renders – that page (its path in docs/ and front matter) and
    where every page of the site is published."""

    site: Site
    config: Mapping[str, Any]
    current_page: Callable[[], tuple[str, Mapping[str, Any]]]
    pages: Callable[[], SitePages]

    def links(self) -> PageLinks:
        """Links relative to the page being rendered."""
        return PageLinks(self.pages(), self.current_page()[0])


def register_macros(macro: Callable[[Callable[..., str]], Callable[..., str]], ctx: MacroContext) -> None:
    """Register every macro with `macro` (see `site.macro_registrar`)."""
    site = ctx.site
    data = site.data

    @macro
    def role_cards(level: int = 2) -> str:
        """Every role as a card with its bagland, contribution and two hats."""
        return roles.role_cards(data, ctx.links(), level)

    @macro
    def role_table(*role_ids: str, caption: str = "Roller") -> str:
        """Chosen roles with side and who appoints them: {{ role_table("leder", "arbejdsleder") }}."""
        return roles.role_table(data, ctx.links(), list(role_ids), caption)

    @macro
    def committee_overview() -> str:
        """A table of every committee and forum."""
        return committees.committee_overview(data, ctx.links())

    @macro
    def committee_cards(level: int = 2) -> str:
        """Every committee and forum as a card."""
        return committees.committee_cards(data, ctx.links(), level)

    @macro
    def committee_tasks(committee_id: str) -> str:
        """One committee's tasks as a list: {{ committee_tasks("hovedudvalg") }}."""
        return committees.committee_tasks(data, ctx.links(), committee_id)

    @macro
    def organisation_areas() -> str:
        """The hovedorganisationsområder and the note on FH."""
        return committees.organisation_areas(data, ctx.links())

    @macro
    def case_type_cards(category: str, level: int = 3) -> str:
        """The case types of one category."""
        return case_types.case_type_cards(data, ctx.links(), category, level)

    @macro
    def case_type_list(category: str) -> str:
        """The case types of one category as a short linked list."""
        return case_types.case_type_list(data, ctx.links(), category)

    @macro
    def guideline_types(level: int = 3) -> str:
        """The three types of retningslinjer with their guidelines."""
        return guidelines.guideline_types(data, ctx.links(), level)

    @macro
    def provision(provision_id: str, link_home: bool = True) -> str:
        """A clause of an agreement or law, explained: {{ provision("mra-7-4-c") }}."""
        return provisions.provision_box(data, ctx.links(), provision_id, link_home)

    @macro
    def provision_list(level: int = 3) -> str:
        """Every clause the guide rests on."""
        return provisions.provision_list(data, ctx.links(), level)

    @macro
    def discussion(set_id: str) -> str:
        """A set of questions to discuss: {{ discussion("samarbejdet-mellem-niveauerne") }}."""
        return questions.question_set(data, ctx.links(), set_id)

    @macro
    def tree(tree_id: str) -> str:
        """A decision tree, step by step with JavaScript and as a full outline without."""
        return trees.tree_component(data, ctx.links(), tree_id)

    @macro
    def tree_title(tree_id: str) -> str:
        """The question a tree answers, for its page heading."""
        return markdown_text(data.get("tree", tree_id).title)

    @macro
    def tree_page(tree_id: str) -> str:
        """A tree's page below the heading: intro, the tree, the other trees, the sources."""
        return trees.tree_page(data, ctx.links(), tree_id)

    @macro
    def tree_callout(tree_id: str) -> str:
        """A box pointing from a guide page to the decision tree on the same matter."""
        return trees.tree_callout(data, ctx.links(), tree_id)

    @macro
    def tree_list() -> str:
        """Every decision tree with its summary."""
        return trees.tree_list(data, ctx.links())

    @macro
    def tree_link(tree_id: str, node_id: str | None = None) -> str:
        """A link target to a tree, or to one of its steps: [Hvor?]({{ tree_link("hvor-er-rette-niveau") }})."""
        return trees.tree_link(data, tree_id, ctx.current_page()[0], node_id)

    @macro
    def course_calendar() -> str:
        """The course calendar: upcoming events, overview, feeds, archive, practical information."""
        return calendar.calendar_page(data, ctx.links(), calendar_today(), ctx.config.get("site_url"))

    @macro
    def calendar_teaser() -> str:
        """A line on what the course calendar holds now, for the front page."""
        return calendar.calendar_teaser(data, calendar_today())

    @macro
    def poster_index() -> str:
        """Every poster in docs/plakater/ with a miniature of its sheet."""
        return posters.poster_index(data, ctx.links(), site.posters)

    @macro
    def tree_poster(tree_id: str) -> str:
        """A decision tree as a one-sheet flowchart: {{ tree_poster("hvor-er-rette-niveau") }}."""
        return posters.flowchart_poster(data, ctx.links(), tree_id)

    @macro
    def guideline_poster() -> str:
        """The three types of retningslinjer with every guideline, for a poster."""
        return posters.guideline_poster(data, ctx.links())

    @macro
    def role_poster() -> str:
        """Every role with both hats in a line each, for a poster."""
        return posters.role_poster(data, ctx.links())

    @macro
    def programme_poster() -> str:
        """This year's course programme on one sheet."""
        return posters.programme_poster(data, ctx.links(), calendar_today())

    @macro
    def module_title(module_id: str) -> str:
        """A course module's title, for its page heading."""
        return markdown_text(data.get("module", module_id).title)

    @macro
    def module_page(module_id: str) -> str:
        """A course module's page below its heading, with presentation and trainer views."""
        return training.module_page(data, ctx.links(), module_id, ctx.config.get("site_url"))

    @macro
    def module_list() -> str:
        """Every course module with its short link."""
        return training.module_list(data, ctx.links(), ctx.config.get("site_url"))

    @macro
    def course_title(course_id: str) -> str:
        """A course plan's title, for its page heading."""
        return markdown_text(data.get("course", course_id).title)

    @macro
    def course_page(course_id: str) -> str:
        """A course plan's agenda and participants' handout."""
        return training.course_page(data, ctx.links(), course_id, ctx.config.get("site_url"))

    @macro
    def course_list() -> str:
        """Every course plan."""
        return training.course_list(data, ctx.links())

    @macro
    def local_agreement() -> str:
        """A local edition's MED-aftale: structure diagram, årshjul, elections, §§ and bilag."""
        return edition_pages.local_agreement(data, ctx.links())

    @macro
    def edition_entry() -> str:
        """On the front page of a local edition: the way in to its own agreement (nothing in the guide)."""
        return edition_pages.edition_entry(data, ctx.links())

    @macro
    def year_wheel_poster() -> str:
        """A local edition's årshjul as a poster."""
        return edition_pages.year_wheel_poster(data, ctx.links())

    @macro
    def booklet_link() -> str:
        """The link to the whole guide as one PDF, once `make pdf` has written it (else nothing)."""
        return booklet_download.booklet_link(data, ctx.links(), site.booklet)

    @macro
    def glossary_list() -> str:
        """The whole glossary."""
        return glossary.glossary(data, ctx.links())

    @macro
    def source_list() -> str:
        """The source documents."""
        return sources.source_list(data, ctx.links())

    @macro
    def page_sources() -> str:
        """A line naming the sources the page rests on: its front matter `sources: [guide-2020]`."""
        source_ids = page_source_ids(data, *ctx.current_page())
        return sources.page_sources(data, ctx.links(), source_ids)

    @macro
    def build_date() -> str:
        """The day the site was built, in Danish."""
        return danish_date(build_day())

    @macro
    def link(kind: str, item_id: str) -> str:
        """A Markdown link target for a data item's entry: [Lederen]({{ link("role", "leder") }})."""
        data.get(kind, item_id)
        return doc_link(kind, item_id, ctx.current_page()[0])
