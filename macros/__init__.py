"""MED-guiden's mkdocs-macros module: registration only.

Every macro is a one-line call into a pure render function in `macros/render/`, which turns
the validated data (loaded once per build by `site.load_site`) into a page fragment. All build
logic stays in this package, so the site can move to another engine that runs Python macros.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.utils import get_markdown_title

from .assets import BUNDLED_CSS, BUNDLED_JS, bundle_files, page_stylesheets, plan_bundles
from .cache import reuse_compiled_pages, shortcuts_off
from .edition import edition_nav
from .links import doc_link
from .output import write_files
from .render import (
    calendar, case_types, committees, glossary, guidelines, posters, provisions, questions, roles, sources, training,
    trees,
)
from .render import booklet_link as booklet_download
from .render import edition as edition_pages
from .render.abbreviations import abbreviation_definitions, abbreviation_titles
from .render.core import markdown_text, prose_variables
from .render.dates import danish_date
from .render.printing import page_source_ids, print_properties
from .searchindex import compact_search_index
from .site import (
    build_day, calendar_today, check_mkdocs_version, load_site, macro_memo, macro_registrar, page_errors, page_links,
    short_link_files,
)


def define_env(env):
    check_mkdocs_version()
    site = load_site(env.conf, env.project_dir)
    env.med_site = site
    data = site.data
    env.variables.update(prose_variables(data.prose_names))
    if data.edition is not None:
        env.conf["nav"] = edition_nav(env.conf["nav"], data.edition, data.prose_names)
    env.med_memo = macro_memo(env, site)
    macro = macro_registrar(env, env.med_memo)
    # The site's own styles and scripts are served bundled, one file each (macros/assets.py).
    env.med_bundles = plan_bundles(env.conf["extra_css"], env.conf["extra_javascript"])
    env.conf["extra_css"], env.conf["extra_javascript"] = [BUNDLED_CSS], [BUNDLED_JS]
    if not shortcuts_off():
        # Markdown's abbr extension explains the abbreviations in every page's prose from one
        # glossary; appending them to each page instead costs time growing with their square.
        env.conf["mdx_configs"].setdefault("abbr", {})["glossary"] = abbreviation_titles(data.terms)

    @macro
    def role_cards(level: int = 2) -> str:
        """Every role as a card with its bagland, contribution and two hats."""
        return roles.role_cards(data, page_links(env), level)

    @macro
    def role_table(*role_ids: str, caption: str = "Roller") -> str:
        """Chosen roles with side and who appoints them: {{ role_table("leder", "arbejdsleder") }}."""
        return roles.role_table(data, page_links(env), list(role_ids), caption)

    @macro
    def committee_overview() -> str:
        """A table of every committee and forum."""
        return committees.committee_overview(data, page_links(env))

    @macro
    def committee_cards(level: int = 2) -> str:
        """Every committee and forum as a card."""
        return committees.committee_cards(data, page_links(env), level)

    @macro
    def committee_tasks(committee_id: str) -> str:
        """One committee's tasks as a list: {{ committee_tasks("hovedudvalg") }}."""
        return committees.committee_tasks(data, page_links(env), committee_id)

    @macro
    def organisation_areas() -> str:
        """The hovedorganisationsområder and the note on FH."""
        return committees.organisation_areas(data, page_links(env))

    @macro
    def case_type_cards(category: str, level: int = 3) -> str:
        """The case types of one category."""
        return case_types.case_type_cards(data, page_links(env), category, level)

    @macro
    def case_type_list(category: str) -> str:
        """The case types of one category as a short linked list."""
        return case_types.case_type_list(data, page_links(env), category)

    @macro
    def guideline_types(level: int = 3) -> str:
        """The three types of retningslinjer with their guidelines."""
        return guidelines.guideline_types(data, page_links(env), level)

    @macro
    def provision(provision_id: str, link_home: bool = True) -> str:
        """A clause of an agreement or law, explained: {{ provision("mra-7-4-c") }}."""
        return provisions.provision_box(data, page_links(env), provision_id, link_home)

    @macro
    def provision_list(level: int = 3) -> str:
        """Every clause the guide rests on."""
        return provisions.provision_list(data, page_links(env), level)

    @macro
    def discussion(set_id: str) -> str:
        """A set of questions to discuss: {{ discussion("samarbejdet-mellem-niveauerne") }}."""
        return questions.question_set(data, page_links(env), set_id)

    @macro
    def tree(tree_id: str) -> str:
        """A decision tree, step by step with JavaScript and as a full outline without."""
        return trees.tree_component(data, page_links(env), tree_id)

    @macro
    def tree_title(tree_id: str) -> str:
        """The question a tree answers, for its page heading."""
        return markdown_text(data.get("tree", tree_id).title)

    @macro
    def tree_page(tree_id: str) -> str:
        """A tree's page below the heading: intro, the tree, the other trees, the sources."""
        return trees.tree_page(data, page_links(env), tree_id)

    @macro
    def tree_callout(tree_id: str) -> str:
        """A box pointing from a guide page to the decision tree on the same matter."""
        return trees.tree_callout(data, page_links(env), tree_id)

    @macro
    def tree_list() -> str:
        """Every decision tree with its summary."""
        return trees.tree_list(data, page_links(env))

    @macro
    def tree_link(tree_id: str, node_id: str | None = None) -> str:
        """A link target to a tree, or to one of its steps: [Hvor?]({{ tree_link("hvor-er-rette-niveau") }})."""
        return trees.tree_link(data, tree_id, node_id)

    @macro
    def course_calendar() -> str:
        """The course calendar: upcoming events, overview, feeds, archive, practical information."""
        return calendar.calendar_page(data, page_links(env), calendar_today(), env.conf.get("site_url"))

    @macro
    def calendar_teaser() -> str:
        """A line on what the course calendar holds now, for the front page."""
        return calendar.calendar_teaser(data, calendar_today())

    @macro
    def poster_index() -> str:
        """Every poster in docs/plakater/ with a miniature of its sheet."""
        return posters.poster_index(data, page_links(env), site.posters)

    @macro
    def tree_poster(tree_id: str) -> str:
        """A decision tree as a one-sheet flowchart: {{ tree_poster("hvor-er-rette-niveau") }}."""
        return posters.flowchart_poster(data, page_links(env), tree_id)

    @macro
    def guideline_poster() -> str:
        """The three types of retningslinjer with every guideline, for a poster."""
        return posters.guideline_poster(data, page_links(env))

    @macro
    def role_poster() -> str:
        """Every role with both hats in a line each, for a poster."""
        return posters.role_poster(data, page_links(env))

    @macro
    def programme_poster() -> str:
        """This year's course programme on one sheet."""
        return posters.programme_poster(data, page_links(env), calendar_today())

    @macro
    def module_title(module_id: str) -> str:
        """A course module's title, for its page heading."""
        return markdown_text(data.get("module", module_id).title)

    @macro
    def module_page(module_id: str) -> str:
        """A course module's page below its heading, with presentation and trainer views."""
        return training.module_page(data, page_links(env), module_id, env.conf.get("site_url"))

    @macro
    def module_list() -> str:
        """Every course module with its short link."""
        return training.module_list(data, page_links(env), env.conf.get("site_url"))

    @macro
    def course_title(course_id: str) -> str:
        """A course plan's title, for its page heading."""
        return markdown_text(data.get("course", course_id).title)

    @macro
    def course_page(course_id: str) -> str:
        """A course plan's agenda and participants' handout."""
        return training.course_page(data, page_links(env), course_id, env.conf.get("site_url"))

    @macro
    def course_list() -> str:
        """Every course plan."""
        return training.course_list(data, page_links(env))

    @macro
    def local_agreement() -> str:
        """A local edition's MED-aftale: structure diagram, årshjul, elections, §§ and bilag."""
        return edition_pages.local_agreement(data, page_links(env))

    @macro
    def edition_entry() -> str:
        """On the front page of a local edition: the way in to its own agreement (nothing in the guide)."""
        return edition_pages.edition_entry(data, page_links(env))

    @macro
    def year_wheel_poster() -> str:
        """A local edition's årshjul as a poster."""
        return edition_pages.year_wheel_poster(data, page_links(env))

    @macro
    def booklet_link() -> str:
        """The link to the whole guide as one PDF, once `make pdf` has written it (else nothing)."""
        return booklet_download.booklet_link(data, page_links(env), site.booklet)

    @macro
    def glossary_list() -> str:
        """The whole glossary."""
        return glossary.glossary(data, page_links(env))

    @macro
    def source_list() -> str:
        """The source documents."""
        return sources.source_list(data, page_links(env))

    @macro
    def page_sources() -> str:
        """A line naming the sources the page rests on: its front matter `sources: [guide-2020]`."""
        source_ids = page_source_ids(data, env.page.file.src_uri, env.page.meta)
        return sources.page_sources(data, page_links(env), source_ids)

    @macro
    def build_date() -> str:
        """The day the site was built, in Danish."""
        return danish_date(build_day())

    @macro
    def link(kind: str, item_id: str) -> str:
        """A Markdown link target for a data item's entry: [Lederen]({{ link("role", "leder") }})."""
        data.get(kind, item_id)
        return doc_link(kind, item_id)


def on_pre_page_macros(env):
    """Compile each page as a template only when its text is new (mkdocs-macros' Jinja
    environment exists from the first page on)."""
    reuse_compiled_pages(env.env)


def on_post_page_macros(env):
    """Give the theme what printing needs: the margins of every sheet (main.html) and, for a
    poster, its paper, QR code and stamp (poster.html)."""
    data, page = env.med_site.data, env.page
    if shortcuts_off():
        env.markdown += abbreviation_definitions(data.terms)
    with page_errors():
        source_ids = page_source_ids(data, page.file.src_uri, page.meta)
        page.meta["med_print"] = print_properties(
            page.meta.get("title") or get_markdown_title(env.markdown) or env.conf["site_name"],
            page.canonical_url,
            build_day(),
            [data.get("source", source_id) for source_id in source_ids],
        )
        if page.meta.get("template") == posters.POSTER_TEMPLATE:
            poster = next((p for p in env.med_site.posters if p.src_path == page.file.src_uri), None)
            qr = poster.qr if poster else posters.qr_of(page.file.src_uri, page.meta, data.trees, Path(env.conf["docs_dir"]))
            files = env.variables["files"]
            target = posters.qr_address(qr, lambda src: files.get_file_from_path(src).url, env.conf.get("site_url"))
            page.meta["med_poster"] = posters.poster_sheet(page.file.src_uri, page.meta, target, build_day())
            # A poster repeats its page on one sheet; search finds the page.
            page.meta["search"] = {**(page.meta.get("search") or {}), "exclude": True}
    page.meta["med_stylesheets"] = page_stylesheets(
        env.med_bundles, page.file.src_uri, page.meta, posters.POSTER_TEMPLATE, posters.POSTER_FOLDERS
    )


def on_post_build(env):
    """Write the calendar feeds next to the calendar page, the short links, the bundled
    styles and scripts, the search index compacted (the search plugin comes first in
    mkdocs.yml, so its index is written by now) and the booklet when `make pdf` has written one."""
    site_dir = Path(env.conf["site_dir"])
    write_files(site_dir, {
        **env.med_site.feeds, **short_link_files(env), **bundle_files(site_dir, env.med_bundles),
        **compact_search_index(site_dir), **booklet_download.booklet_files(env.med_site.booklet),
    })
    env.med_memo.save()
