"""The trainer kit's pages: a module, a course with its agenda and handout, the lists of both,
and the short links that lead to modules and trees from a slide, a handout or a QR code.

Short links (/m/<module>/ and /t/<tree>/) are small pages the build writes after the site,
pointing to wherever the module's or tree's page is now; printed and projected material uses
them, so it keeps working when pages move.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from html import escape as escape_html
from typing import Any

from markupsafe import Markup

from ..links import Links, home_of
from ..loader import Dataset
from ..training import agenda, course_minutes
from .component import component
from .printing import readable_address
from .qr import qr_code

# Short link folders: /m/<module-id>/ and /t/<tree-id>/.
SHORT_LINK_PREFIXES = {"module": "m", "tree": "t"}


@dataclass(frozen=True)
class ShortLink:
    """A short link: where it is written in the site, its public address, and a QR code of it."""

    path: str
    address: str | None

    @property
    def readable(self) -> str:
        """The address without its scheme, as people type it."""
        return readable_address(self.address or "/" + self.path).split("://", 1)[-1]

    @property
    def segments(self) -> list[str]:
        """The readable address in pieces that each end at a slash, where a line may break: an
        address broken at its own hyphens reads as if it held more of them."""
        return re.findall(r"[^/]*/|[^/]+$", self.readable)

    def qr(self, title: str) -> Markup | None:
        return qr_code(self.address, f"QR-kode til {title}: {self.readable}") if self.address else None


def short_link(kind: str, item_id: str, site_url: str | None) -> ShortLink:
    """The short link of a module or a tree: 'm/rette-niveau/', and its address on the public site."""
    path = f"{SHORT_LINK_PREFIXES[kind]}/{item_id}/"
    return ShortLink(path, site_url.rstrip("/") + "/" + path if site_url else None)


def courses_using(data: Dataset, module_id: str) -> list[Any]:
    """The courses that include a module, by title."""
    return sorted(
        (course for course in data.courses.values() if any(item.module == module_id for item in course.items)),
        key=lambda course: course.title,
    )


def module_page(data: Dataset, links: Links, module_id: str, site_url: str | None) -> str:
    """A module's page: what it is about, its short link and QR code, objectives, key points,
    questions, exercises, trainer notes (shown in the trainer view), links and courses.

    The parts a projector shows one at a time are marked `data-slide`; module.js turns them into
    the presentation view.
    """
    module = data.get("module", module_id)
    link = short_link("module", module_id, site_url)
    return component(
        "module.html",
        data,
        links,
        module=module,
        short=link,
        qr=link.qr(module.title),
        question_sets=[data.get("question_set", set_id) for set_id in module.discussion],
        trees=data.trees,
        courses=courses_using(data, module_id),
        sources=[data.get("source", source_id) for source_id in module.sources],
    )


def module_list(data: Dataset, links: Links, site_url: str | None) -> str:
    """Every module with its minutes, summary and short link."""
    modules = sorted(data.modules.values(), key=lambda module: module.title)
    return component(
        "module-list.html", data, links, modules=modules,
        shorts={module.id: short_link("module", module.id, site_url) for module in modules},
    )


def course_page(data: Dataset, links: Links, course_id: str, site_url: str | None) -> str:
    """A course's page: the agenda computed from its modules and breaks, and the participants'
    handout – each module's key points and questions with a QR code, never the trainer notes."""
    course = data.get("course", course_id)
    items = agenda(course, data.modules)
    teaching, breaks = course_minutes(items)
    modules = [item.module for item in items if item.module]
    shorts = {module.id: short_link("module", module.id, site_url) for module in modules}
    return component(
        "course.html",
        data,
        links,
        course=course,
        agenda=items,
        teaching=teaching,
        breaks=breaks,
        modules=list({module.id: module for module in modules}.values()),
        shorts=shorts,
        qrs={module.id: shorts[module.id].qr(module.title) for module in modules},
        question_sets=data.index["question_set"],
        sources=[data.get("source", source_id) for source_id in course.sources],
    )


def course_list(data: Dataset, links: Links) -> str:
    """Every course plan with its audience, length and modules."""
    courses = sorted(data.courses.values(), key=lambda course: course.title)
    agendas = {course.id: agenda(course, data.modules) for course in courses}
    return component("course-list.html", data, links, courses=courses, agendas=agendas)


def short_link_pages(data: Dataset, page_url_of: Any, site_url: str | None) -> dict[str, str]:
    """Site path → the HTML of each short link page, which sends the reader on to the module's
    or tree's page. `page_url_of(src_path)` gives a page's URL from the site root."""
    pages = {}
    for kind, items in (("module", data.modules), ("tree", data.trees)):
        for item_id, item in items.items():
            link = short_link(kind, item_id, site_url)
            target_page, _ = home_of(kind, item_id)
            target = page_url_of(target_page)
            relative = "../../" + target
            canonical = (site_url.rstrip("/") + "/" + target) if site_url else None
            pages[link.path + "index.html"] = _redirect_page(item.title, relative, canonical)
    return pages


def _redirect_page(title: str, target: str, canonical: str | None) -> str:
    name, url = escape_html(title), escape_html(target)
    head = f'<link rel="canonical" href="{escape_html(canonical)}">\n' if canonical else ""
    return (
        '<!doctype html>\n<html lang="da">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{name} – MED-guiden</title>\n{head}"
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={url}">\n'
        # The query (a tree's answers, ?visning=underviser) and the fragment go along.
        f"<script>location.replace({_js_string(target)} + location.search + location.hash);</script>\n"
        "</head>\n<body>\n"
        f'<p>Gå videre til <a href="{url}">{name}</a>.</p>\n'
        "</body>\n</html>\n"
    )


def _js_string(value: str) -> str:
    """A JavaScript string literal that cannot end the script element."""
    return json.dumps(value).replace("<", "\\u003c").replace(">", "\\u003e")
