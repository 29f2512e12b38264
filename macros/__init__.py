"""MED-guiden's mkdocs-macros module: registration only.

Every macro is a one-line call into a pure render function in `macros/render/`, which turns
the validated data (loaded once per build by `site.load_site`) into a page fragment. All build
logic stays in this package, so the site can move to another engine that runs Python macros.
"""

from __future__ import annotations

from .render import case_types, committees, glossary, guidelines, roles, sources
from .links import doc_link
from .render.abbreviations import abbreviation_definitions
from .render.dates import danish_date
from .site import build_day, check_mkdocs_version, load_site, page_links


def define_env(env):
    check_mkdocs_version()
    site = load_site(env.conf, env.project_dir)
    env.med_site = site
    data = site.data

    @env.macro
    def role_cards(level: int = 2) -> str:
        """Every role as a card with its bagland, contribution and two hats."""
        return roles.role_cards(data, page_links(env), level)

    @env.macro
    def committee_overview() -> str:
        """A table of every committee and forum."""
        return committees.committee_overview(data, page_links(env))

    @env.macro
    def committee_cards(level: int = 2) -> str:
        """Every committee and forum as a card."""
        return committees.committee_cards(data, page_links(env), level)

    @env.macro
    def organisation_areas() -> str:
        """The hovedorganisationsområder and the note on FH."""
        return committees.organisation_areas(data, page_links(env))

    @env.macro
    def case_type_cards(category: str, level: int = 3) -> str:
        """The case types of one category."""
        return case_types.case_type_cards(data, page_links(env), category, level)

    @env.macro
    def guideline_types(level: int = 3) -> str:
        """The three types of retningslinjer with their guidelines."""
        return guidelines.guideline_types(data, page_links(env), level)

    @env.macro
    def glossary_list() -> str:
        """The whole glossary."""
        return glossary.glossary(data, page_links(env))

    @env.macro
    def source_list() -> str:
        """The source documents."""
        return sources.source_list(data, page_links(env))

    @env.macro
    def page_sources(*source_ids: str) -> str:
        """A line naming the sources a page rests on."""
        return sources.page_sources(data, page_links(env), list(source_ids))

    @env.macro
    def build_date() -> str:
        """The day the site was built, in Danish."""
        return danish_date(build_day())

    @env.macro
    def link(kind: str, item_id: str) -> str:
        """A Markdown link target for a data item's entry: [Lederen]({{ link("role", "leder") }})."""
        data.get(kind, item_id)
        return doc_link(kind, item_id)


def on_post_page_macros(env):
    """Explain every glossary abbreviation in the page's prose through Markdown's abbr extension."""
    env.markdown += abbreviation_definitions(env.med_site.data.terms)
