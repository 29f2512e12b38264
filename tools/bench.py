"""Measure what the macros cost, how the build grows with the data, and what a first visit weighs: `make bench`.

How it measures. The machine may be shared, so builds of the two kinds being compared run
paired – A B A B …, after a warm-up of each – and each build's figure is the CPU time (user +
system) of the whole `mkdocs build` process and its children, which other jobs barely move;
wall time is printed beside it. Rows give min / median / max; a ratio is taken pair by pair.

1. The macros' overhead: the real build against a baseline that is the same site – the same
   pages, front matter and templates – with the macros' output pre-rendered: every page is
   rendered once through the macros and written, front matter and all, into a copy of docs/
   that a build without the macros plugin reads. The baseline's output is checked to be the
   real build's, byte for byte, but for what the macros write after the build (feeds, short
   links). Goal: at most 1.2.
2. Growth with the data: the real site against copies with a glossary 20 times today's and
   with 10 times the roles, course modules and events (synthetic). Goal: the 20x glossary build
   at most 3 times today's.
3. Weight: the heaviest first visit (a fresh browser, every request gzipped, the search index
   included) over every page. Goal: at most 150 KB.
4. Decision trees, the calendar at scale and local editions at scale, as before.
5. Lighthouse (mobile, served with gzip) on four pages, when `npx lighthouse` and Chromium are
   at hand.
6. The booklet (`make pdf`): the time to lay the built site out as one PDF, its pages and size.
   Goal: at most 20 MB.
7. Engines: the guide and the Albertslund edition built by Zensical (`make build
   ENGINE=zensical`: the generated configuration, Zensical, the step after the pages) against
   the same built by MkDocs.

Nothing here asserts: the figures are for reading and for the issue notes.
"""

from __future__ import annotations

import argparse
import dataclasses
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
sys.path.insert(0, str(PROJECT / "tests"))
sys.path.insert(0, str(PROJECT / "tools"))
# Builds run as on an ordinary install: Python keeps its compiled bytecode between runs.
ENV = {**{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
       "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1768435200"}


@dataclass
class Run:
    cpu: float  # seconds of user + system time, children included
    wall: float
    peak_mib: int


def timed(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> Run:
    """One build command in a process of its own: its CPU time (all its threads), wall time and peak memory."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env={**ENV, **(env or {})}, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
    # wait4 gives the usage of the build process together with the children it waited for (git).
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{process.stderr.read().decode()}")
    process.stderr.close()
    return Run(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss // 1024)


def timed_build(config: Path, site_dir: Path, env: dict[str, str] | None = None) -> Run:
    """One `mkdocs build --strict`."""
    return timed([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(site_dir)],
                 config.parent, env)


def timed_zensical_build(project: Path, config: str, site_dir: Path) -> Run:
    """One build with Zensical as `make build ENGINE=zensical` runs it: the generated
    configuration, Zensical's strict build and the step after the pages, in one process."""
    return timed([sys.executable, "-m", "macros.engines.zensical", "build", "-f", config, "-d", str(site_dir)], project)


Build = Callable[[int], Run]


def paired(a: Build, b: Build, runs: int) -> tuple[list[Run], list[Run]]:
    """Run `a` and `b` alternately, `runs` times each, after one warm-up of each."""
    a(-1), b(-1)
    runs_a, runs_b = [], []
    for number in range(runs):
        runs_a.append(a(number))
        runs_b.append(b(number))
    return runs_a, runs_b


def spread(values: list[float], unit: str = "s", width: int = 6, digits: int = 2) -> str:
    low, mid, high = min(values), statistics.median(values), max(values)
    return f"{low:{width}.{digits}f} / {mid:{width}.{digits}f} / {high:{width}.{digits}f} {unit}"


def ratios(a: list[Run], b: list[Run], field: str) -> list[float]:
    return [getattr(x, field) / getattr(y, field) for x, y in zip(a, b)]


def report_pair(label_a: str, runs_a: list[Run], label_b: str, runs_b: list[Run], ratio_label: str, goal: str = "") -> float:
    """Print both kinds and their pairwise ratios; return the median CPU ratio."""
    for label, runs in ((label_a, runs_a), (label_b, runs_b)):
        print(f"  {label:<40} CPU {spread([r.cpu for r in runs])}   wall {spread([r.wall for r in runs])}"
              f"   peak {max(r.peak_mib for r in runs)} MiB")
    cpu, wall = ratios(runs_a, runs_b, "cpu"), ratios(runs_a, runs_b, "wall")
    print(f"  {ratio_label:<40} CPU {spread(cpu, 'x')}   wall {spread(wall, 'x')}{goal}")
    return statistics.median(cpu)


# --- The baseline: the same site with the macros' output pre-rendered ---------------------------

def plain_meta(value):
    """Page metadata as front matter can hold it: dataclasses as mappings, Markup as text."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {name: plain_meta(item) for name, item in dataclasses.asdict(value).items()}
        return fields | {"css_size": value.css_size} if hasattr(value, "css_size") else fields
    if isinstance(value, dict):
        return {key: plain_meta(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain_meta(item) for item in value]
    if isinstance(value, str):
        return str(value)
    return value


def render_plain_markdown(project: Path, target: Path) -> dict:
    """Write every page of `project` as the macros render it – its front matter, with what the
    macros add to it, on top – into `target`, with the docs' other files. Returns the settings the
    macros change: Markdown's (the abbreviations' glossary) and the styles and scripts linked."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    os.environ.update(ENV)
    config = load_config(str(project / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    files = get_files(config)
    nav = get_navigation(files, config)
    config.plugins.on_nav(nav, config=config, files=files)
    shutil.copytree(config["docs_dir"], target)
    for file in files.documentation_pages():
        page = file.page or Page(None, file, config)
        page.read_source(config)
        markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        front = yaml.safe_dump(plain_meta(page.meta), allow_unicode=True, sort_keys=False) if page.meta else ""
        (target / file.src_path).write_text(f"---\n{front}---\n\n{markdown}" if front else markdown, encoding="utf-8")
    return {
        "mdx": {name: dict(settings) for name, settings in config["mdx_configs"].items() if name == "abbr"},
        "extra_css": [str(path) for path in config["extra_css"]],
        "extra_javascript": [str(script) for script in config["extra_javascript"]],
    }


HOOK = '''"""Give Markdown the settings the macros give it (the abbreviations' glossary)."""
import json
from pathlib import Path

SETTINGS = json.loads((Path(__file__).parent / "mdx.json").read_text(encoding="utf-8"))


def on_config(config):
    for name, settings in SETTINGS.items():
        config["mdx_configs"].setdefault(name, {}).update(settings)
    return config
'''


def plain_config(project: Path, work: Path, settings: dict) -> Path:
    """A configuration inheriting the project's, reading the pre-rendered pages, without the macros plugin."""
    base = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    plugins = [p for p in base["plugins"] if "macros" not in (p if isinstance(p, str) else p.keys())]
    (work / "mdx.json").write_text(json.dumps(settings["mdx"], ensure_ascii=False), encoding="utf-8")
    (work / "plain_hook.py").write_text(HOOK, encoding="utf-8")
    # BaseLoader reads every value as text; plugin settings here are all text or numbers.
    config = {
        "INHERIT": str(project / "mkdocs.yml"),
        "docs_dir": str(work / "docs"),
        "theme": {"custom_dir": str(project / "overrides")},
        "plugins": plugins,
        "extra_css": settings["extra_css"],
        "extra_javascript": settings["extra_javascript"],
        "hooks": [str(work / "plain_hook.py")],
        "watch": [],
    }
    path = work / "plain.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


def pages_built(site_dir: Path) -> tuple[int, int]:
    """(pages MkDocs built, as its sitemap lists them; HTML files in the site)."""
    sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    return sitemap.count("<loc>"), len(list(site_dir.rglob("*.html")))


# --- Decision trees, calendar, editions (the figures the bench has printed from the start) ------

TREE_ASSETS = [
    "overrides/assets/javascripts/med.js",
    "overrides/assets/javascripts/tree.js",
    "overrides/assets/stylesheets/tree.css",
]


def tree_asset_size() -> int:
    """Bytes of the tree component's script and styles, gzipped as a web server would."""
    return sum(len(gzip.compress((PROJECT / name).read_bytes(), 9)) for name in TREE_ASSETS)


def tree_step_times(site_dir: Path, steps: int = 40) -> list[float]:
    """Milliseconds per answered question in Chromium, from submit to the next step drawn."""
    from playwright.sync_api import sync_playwright

    from support import CHROMIUM, CHROMIUM_ARGS, serve

    times: list[float] = []
    with serve(site_dir) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        page.goto(url + "svar/skal-sagen-i-med/", wait_until="networkidle")
        while len(times) < steps:
            # Answer until an outcome, timing each step, then start over.
            elapsed = page.evaluate(
                """() => {
                    const form = document.querySelector('.med-tree__step--question');
                    if (!form) return null;
                    const inputs = form.querySelectorAll('input[type=radio]');
                    inputs[inputs.length - 1].checked = true;
                    const start = performance.now();
                    form.requestSubmit();
                    document.querySelector('.med-tree__step-title').getBoundingClientRect();
                    return performance.now() - start;
                }"""
            )
            if elapsed is None:
                page.get_by_role("button", name="Start forfra").click()
            else:
                times.append(elapsed)
        browser.close()
    return times


KINDS = ["temadag", "grundkursus", "næstformandsmøde", "webinar", "workshop", "konference"]
PLACES = ["Odense", "København", "Fredericia", "Ballerup", "Silkeborg", "Brabrand", "Aalborg"]


def synthetic_programme(year: int, count: int) -> str:
    """A programme file with `count` events spread over the year, in the real format."""
    lines = [
        "# yaml-language-server: $schema=../schema/programme.schema.json",
        f"title: Syntetisk program {year}",
        "organiser: MEDsamarbejdet",
        f"updated: {year}-01-01",
        "practical: Tilmelding hos MEDsamarbejdet.",
        "events:",
    ]
    for number in range(count):
        kind = KINDS[number % len(KINDS)]
        month, day = 1 + number % 12, 1 + (number * 7) % 28
        lines += [
            f"  - id: arrangement-{number}",
            f"    title: Arrangement {number} om MED i praksis",
            f"    kind: {kind}",
            "    audience:",
            f"      sectors: [{'kommuner' if number % 3 else 'kommuner, regioner'}]",
            "      participants: Medarbejderrepræsentanter i MED-hovedudvalg",
            "    description: En dag om samarbejdet i MED, med oplæg og drøftelser i grupper.",
            "    sessions:",
            "      - id: første",
            f"        date: {year}-{month:02d}-{day:02d}",
            "        webinar: true" if kind == "webinar" else f"        place: {PLACES[number % len(PLACES)]}",
            "    sources: [program-2024]",
        ]
    lines.append("sources: [program-2024]")
    return "\n".join(lines) + "\n"


def project_copy(target: Path, editions: bool = False) -> Path:
    """A copy of what a build reads (the tests' copy), to add synthetic data to."""
    from support import copy_project

    copy_project(target)
    if editions:
        shutil.copytree(PROJECT / "editions", target / "editions")
    return target


def with_today(today: str) -> dict[str, str]:
    return {"MED_TODAY": today}


def calendar_at_scale(work: Path, runs: int, years: int = 10, per_year: int = 50) -> tuple[list[Run], list[Run], int, int]:
    """The real project against a copy with a synthetic programme of years x per_year events, paired,
    as of the start of the last year (its programme ahead, the others in the archive)."""
    today = ENV | with_today("2024-01-01")
    real = project_copy(work / "calendar-real")
    project = project_copy(work / "calendar-scale")
    for year in range(2024 - years + 1, 2025):
        (project / "data" / "programmes" / f"{year}.yml").write_text(synthetic_programme(year, per_year), encoding="utf-8")
    scale_runs, real_runs = paired(
        lambda n: timed_build(project / "mkdocs.yml", project / "site", today),
        lambda n: timed_build(real / "mkdocs.yml", real / "site", today),
        runs,
    )
    return scale_runs, real_runs, (project / "site" / "kalender" / "index.html").stat().st_size, years * per_year


MONTH_TASKS = ["Ordinært møde i hovedudvalget", "Budgetdrøftelse", "APV-opfølgning", "Arbejdsmiljødrøftelse"]


def synthetic_edition(project: Path, number: int) -> Path:
    """An edition like Albertslund's, for a made-up municipality with a task in most months."""
    folder = project / "editions" / f"kommune-{number:02d}"
    shutil.copytree(PROJECT / "editions" / "albertslund", folder)
    data = yaml.safe_load((folder / "data" / "edition.yml").read_text(encoding="utf-8"))
    data["municipality"] = f"Syntetisk Kommune {number}"
    data["tasks"] += [
        {"id": f"opgave-{month}", "title": MONTH_TASKS[month % len(MONTH_TASKS)], "kind": "andet", "month": month}
        for month in range(1, 13) if (month + number) % 4
    ]
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, default_style=None)
    (folder / "data" / "edition.yml").write_text(text, encoding="utf-8")
    config = (folder / "mkdocs.yml").read_text(encoding="utf-8").replace("Albertslund Kommune", f"Syntetisk Kommune {number}")
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder / "mkdocs.yml"


def editions_at_scale(work: Path, runs: int, count: int = 20, workers: int = 2):
    """A synthetic edition paired with the default site; then `count` editions one by one and
    `workers` at a time. Returns (edition runs, default runs, seconds per edition, seconds in parallel)."""
    project = project_copy(work / "editions", editions=True)
    configs = [synthetic_edition(project, number) for number in range(1, count + 1)]
    edition_runs, default_runs = paired(
        lambda n: timed_build(configs[0], work / "edition-paired"),
        lambda n: timed_build(project / "mkdocs.yml", work / "default-paired"),
        runs,
    )
    alone = [timed_build(config, work / "edition-alone" / config.parent.name).wall for config in configs]
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(lambda config: timed_build(config, work / "edition-parallel" / config.parent.name), configs))
    return edition_runs, default_runs, alone, time.perf_counter() - start


def load_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


class _NoAliases(yaml.SafeDumper):
    """Every value written out in full: the loader refuses YAML's anchors and aliases."""

    def ignore_aliases(self, data) -> bool:
        return True


def dump_yaml(path: Path, data) -> None:
    path.write_text(yaml.dump(data, Dumper=_NoAliases, allow_unicode=True, sort_keys=False), encoding="utf-8")


def grow_glossary(project: Path, factor: int) -> None:
    """`factor` times the glossary's terms: copies of every term under new ids and words, the
    copies of abbreviations abbreviations themselves (HMU → HMU7), so the glossary page and the
    table Markdown explains abbreviations from grow alike."""
    path = project / "data" / "glossary.yml"
    glossary = load_yaml(path)
    copies = []
    for number in range(2, factor + 1):
        for term in glossary["terms"]:
            copy = {key: value for key, value in term.items() if key not in ("role", "committee")}
            copy["id"] = f"{term['id']}-{number}"
            copy["term"] = f"{term['term']}{number}" if term.get("expansion") else f"{term['term']} {number}"
            copies.append(copy)
    glossary["terms"] += copies
    dump_yaml(path, glossary)


def grow_roles(project: Path, factor: int) -> None:
    """`factor` times the roles: copies under new ids and names (without the short form, which
    the glossary explains), on the roles page with the others."""
    path = project / "data" / "roles.yml"
    roles = load_yaml(path)
    roles["roles"] += [
        {key: value for key, value in role.items() if key != "abbreviation"} | {"id": f"{role['id']}-{number}", "name": f"{role['name']} {number}"}
        for number in range(2, factor + 1) for role in roles["roles"]
    ]
    dump_yaml(path, roles)


def grow_modules(project: Path, factor: int) -> None:
    """`factor` times the course modules, each with its page in docs/ and the navigation."""
    modules = sorted((project / "data" / "modules").glob("*.yml"))
    pages = project / "docs" / "kursus" / "moduler"
    nav = []
    for number in range(2, factor + 1):
        for source in modules:
            module_id = f"{source.stem}-{number}"
            module = load_yaml(source)
            module["title"] = f"{module['title']} {number}"
            dump_yaml(source.with_name(module_id + ".yml"), module)
            page = (pages / (source.stem + ".md")).read_text(encoding="utf-8")
            (pages / (module_id + ".md")).write_text(page.replace(f'"{source.stem}"', f'"{module_id}"'), encoding="utf-8")
            nav.append(f"          - {module['title']}: kursus/moduler/{module_id}.md")
    config = project / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines()
    last = max(i for i, line in enumerate(lines) if "kursus/moduler/" in line)
    config.write_text("\n".join(lines[: last + 1] + nav + lines[last + 1 :]) + "\n", encoding="utf-8")


def grow_events(project: Path, factor: int) -> None:
    """`factor` times the events: synthetic programmes as large as the real one, for the years before it."""
    programmes = sorted((project / "data" / "programmes").glob("*.yml"))
    first = int(programmes[0].stem)
    per_year = len(load_yaml(programmes[-1])["events"])
    for year in range(first - (factor - 1) * len(programmes), first):
        (project / "data" / "programmes" / f"{year}.yml").write_text(synthetic_programme(year, per_year), encoding="utf-8")


GROWTH = [
    ("glossary x 20", [(grow_glossary, 20)], "   (goal <= 3)"),
    ("roles, modules and events x 10", [(grow_roles, 10), (grow_modules, 10), (grow_events, 10)], ""),
]


def growth(work: Path, runs: int) -> None:
    """Section 2: today's data against larger data, paired."""
    today = project_copy(work / "growth-today")
    print(f"Growth with the data ({runs} pairs after a warm-up, against today's data)")
    for number, (label, steps, goal) in enumerate(GROWTH):
        project = project_copy(work / f"growth-{number}")
        for grow, factor in steps:
            grow(project, factor)
        grown, base = paired(
            lambda n: timed_build(project / "mkdocs.yml", project / "site"),
            lambda n: timed_build(today / "mkdocs.yml", today / "site"),
            runs,
        )
        pages, _ = pages_built(project / "site")
        ratio = ratios(grown, base, "cpu")
        print(f"  {label + f' ({pages} pages)':<40} CPU {spread([r.cpu for r in grown])}   ratio {spread(ratio, 'x')}{goal}")
    print(f"  {'today':<40} CPU {spread([r.cpu for r in base])}")


def first_visits(site_dir: Path) -> dict[str, tuple[dict[str, int], dict[str, int]]]:
    """Page → ({address: bytes gzipped at level 6} of everything a first visit in a fresh browser
    fetches – the page, its styles, scripts, images and frames, and what the scripts fetch once it
    has loaded – and {the same} of what the reader's first search adds: the search index, which
    comes when the search box gets the focus)."""
    from playwright.sync_api import sync_playwright

    from support import CHROMIUM, CHROMIUM_ARGS, serve, site_pages

    visits: dict[str, tuple[dict[str, int], dict[str, int]]] = {}
    with serve(site_dir) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in site_pages():
            context = browser.new_context()
            fetched: dict[str, int] = {}

            def record(response, fetched=fetched):
                try:
                    fetched[response.url] = len(gzip.compress(response.body(), 6))
                except Exception:  # a redirect or an aborted request has no body
                    pass

            context.on("response", record)
            context.set_default_timeout(120_000)  # a busy machine is slow, not wrong
            page = context.new_page()
            page.goto(url + path, wait_until="networkidle")
            page.wait_for_timeout(2000)  # what scripts ask for after the load, late on a busy machine
            page.wait_for_load_state("networkidle")
            visit = dict(fetched)
            page.keyboard.press("/")  # Material's key for the search box
            for _ in range(150):
                if any("search_index" in address for address in fetched):
                    break
                page.wait_for_timeout(100)
            page.wait_for_load_state("networkidle")
            visits[path or "/"] = (visit, {address: size for address, size in fetched.items() if address not in visit})
            context.close()
        browser.close()
    return visits


def weight(site_dir: Path) -> None:
    """Section 3."""
    visits = first_visits(site_dir)
    totals = {page: sum(visit.values()) for page, (visit, _) in visits.items()}
    searched = {page: totals[page] + sum(search.values()) for page, (_, search) in visits.items()}
    heaviest = max(totals, key=totals.get)
    index = next((size for _, search in visits.values() for address, size in search.items() if "search_index" in address), 0)
    early = [page for page, (visit, _) in visits.items() if any("search_index" in address for address in visit)]
    print("First visit (fresh browser, gzipped at level 6)")
    print(f"  heaviest first visit: {heaviest:<22} {totals[heaviest] / 1024:6.1f} KB in {len(visits[heaviest][0])} requests   (goal <= 150)")
    print(f"  lightest / median of {len(totals)} pages          {min(totals.values()) / 1024:6.1f} / {statistics.median(totals.values()) / 1024:.1f} KB")
    if early:
        print(f"  (the search index came before any search on: {', '.join(early)})")
    for page in ("/", "ordliste/"):
        print(f"  first visit of {page:<25} {totals[page] / 1024:6.1f} KB in {len(visits[page][0])} requests")
    heaviest_search = max(searched, key=searched.get)
    print(f"  the first search adds the search index  {index / 1024:6.1f} KB   ({(site_dir / 'search' / 'search_index.json').stat().st_size / 1024:.0f} KB raw)")
    print(f"  first visit and a search, heaviest      {searched[heaviest_search] / 1024:6.1f} KB ({heaviest_search}); median {statistics.median(searched.values()) / 1024:.1f} KB")


LIGHTHOUSE_PAGES = ["", "svar/skal-sagen-i-med/", "kalender/", "ordliste/"]
LIGHTHOUSE_CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]
COMPRESSED = (".html", ".css", ".js", ".json", ".svg", ".xml", ".ics", ".txt", ".map")


def gzip_handler(site_dir: Path):
    """A static server that gzips text (level 6) as a web host does, below the tests' sub-path."""
    import http.server

    from support import SUBPATH

    class Handler(http.server.SimpleHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the http.server interface
            clean = self.path.split("?", 1)[0].split("#", 1)[0]
            from urllib.parse import unquote

            relative = unquote(clean[len(SUBPATH):]) if clean.startswith(SUBPATH) else None
            target = site_dir / relative if relative is not None else None
            if target is not None and target.is_dir():
                target = target / "index.html"
            status = 200
            if target is None or not target.is_file():
                status, target = 404, site_dir / "404.html"
            body = target.read_bytes()
            self.send_response(status)
            self.send_header("Content-Type", self.guess_type(str(target)))
            if target.suffix in COMPRESSED and "gzip" in self.headers.get("Accept-Encoding", ""):
                body = gzip.compress(body, 6)
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args):  # noqa: A002 - keep the output quiet
            pass

    return Handler


def lighthouse_command() -> list[str] | None:
    """Lighthouse from `make lighthouse` (.cache/npm) or the PATH, or None."""
    local = PROJECT / ".cache" / "npm" / "node_modules" / ".bin" / "lighthouse"
    found = str(local) if local.exists() else shutil.which("lighthouse")
    return [found] if found else None


def lighthouse(site_dir: Path, work: Path) -> None:
    """Section 5: Lighthouse's mobile scores for four pages, served gzipped."""
    import socketserver
    import threading

    from support import CHROMIUM, SUBPATH

    command = lighthouse_command()
    if command is None or not Path(CHROMIUM).exists():
        print("Lighthouse: not at hand (`make lighthouse` installs it; Chromium from Debian)")
        return
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), gzip_handler(site_dir))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}{SUBPATH}"
    print("Lighthouse (mobile preset, served gzipped; goal: performance >= 98, the others 100)")
    print(f"  {'page':<28} " + "  ".join(f"{c:>14}" for c in LIGHTHOUSE_CATEGORIES))
    try:
        for page in LIGHTHOUSE_PAGES:
            report = work / "lighthouse.json"
            subprocess.run(
                [*command, base + page, "--quiet", "--output=json", f"--output-path={report}",
                 f"--only-categories={','.join(LIGHTHOUSE_CATEGORIES)}",
                 "--chrome-flags=--headless=new --no-sandbox --disable-gpu"],
                env={**os.environ, "CHROME_PATH": CHROMIUM}, check=True, timeout=300,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            result = json.loads(report.read_text(encoding="utf-8"))
            scores = [round(100 * (result["categories"][c]["score"] or 0)) for c in LIGHTHOUSE_CATEGORIES]
            failing = sorted(audit_id for audit_id, audit in result["audits"].items()
                             if (audit.get("score") is not None and audit["score"] < 0.5 and not audit_id.endswith("-insight")))
            print(f"  {page or '/':<28} " + "  ".join(f"{score:>14}" for score in scores)
                  + (f"   failing: {', '.join(failing)}" if failing else ""))
    except (subprocess.SubprocessError, OSError, KeyError) as error:
        print(f"  Lighthouse failed: {error}")
    finally:
        server.shutdown()
        server.server_close()


def site_size(site_dir: Path) -> int:
    return sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file())


# --- main -----------------------------------------------------------------------------------------

def rewritten_after_build(project: Path) -> set[str]:
    """The files the build writes and the macros then rewrite (the search index compacted,
    print.css and poster.css minified): the baseline, without the macros, keeps them as written."""
    from macros.assets import plan_bundles
    from macros.searchindex import SEARCH_INDEX

    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    bundles = plan_bundles(config["extra_css"], config["extra_javascript"])
    return {SEARCH_INDEX} | {path for path in (bundles.print_css, bundles.poster_css) if path}


def overhead(work: Path, runs: int) -> Path:
    """Section 1; returns the directory of one real build, for the figures that read a site."""
    from same_build import differences

    settings = render_plain_markdown(PROJECT, work / "docs")
    plain = plain_config(PROJECT, work, settings)
    real_runs, plain_runs = paired(
        lambda n: timed_build(PROJECT / "mkdocs.yml", work / f"site-{n}"),
        lambda n: timed_build(plain, work / f"plain-{n}"),
        runs,
    )
    real_site, plain_site = work / "site-0", work / "plain-0"
    print(f"The macros' overhead ({runs} pairs after a warm-up; min / median / max)")
    report_pair("strict build, macros on", real_runs, "strict build, pre-rendered pages", plain_runs,
                "ratio, pair by pair", "   (goal <= 1.20)")
    # The same with an empty cache each time (macros/cache.py): a first build, or one after the
    # data or the code changed.
    cold_runs, cold_plain_runs = paired(
        lambda n: timed_build(PROJECT / "mkdocs.yml", work / f"cold-{n}", {"MED_CACHE_DIR": str(work / f"cache-{n}")}),
        lambda n: timed_build(plain, work / f"plain-{n}"),
        max(2, runs // 2),
    )
    report_pair("same, each with an empty cache", cold_runs, "strict build, pre-rendered pages", cold_plain_runs,
                "ratio with an empty cache")
    for label, site in (("macros on", real_site), ("pre-rendered", plain_site)):
        pages, html = pages_built(site)
        print(f"  pages built, {label:<27} {pages:6d}   ({html} HTML files)")
    rewritten = rewritten_after_build(PROJECT)
    only_real = [line for line in differences(real_site, plain_site)
                 if not line.startswith(f"only in {real_site}") and line.removeprefix("differs: ") not in rewritten]
    written_after = len(differences(real_site, plain_site)) - len(only_real)
    same = "identical" if not only_real else f"DIFFERENT in {len(only_real)} files, e.g. {only_real[0]}"
    print(f"  baseline output                          {same} (besides the {written_after} files the macros write or rewrite after the build)")
    cold_same = "identical" if not differences(real_site, work / "cold-0") else "DIFFERENT"
    print(f"  output with an empty cache               {cold_same} to the output with the cache")
    return real_site


def engines(work: Path, runs: int) -> None:
    """The same sources built by each engine, paired, for the guide and the Albertslund edition,
    each a rebuild with the caches of the build before (the site's and Zensical's own)."""
    project = project_copy(work / "engines", editions=True)
    print(f"Engines: the same sources, Zensical against MkDocs ({runs} pairs after a warm-up; min / median / max)")
    for label, config in (("guide", "mkdocs.yml"), ("Albertslund", "editions/albertslund/mkdocs.yml")):
        zensical_runs, mkdocs_runs = paired(
            lambda n: timed_zensical_build(project, config, work / f"zensical-{label}-{n}"),
            lambda n: timed_build(project / config, work / f"mkdocs-{label}-{n}"),
            runs,
        )
        report_pair(f"Zensical, {label}", zensical_runs, f"MkDocs, {label}", mkdocs_runs, "Zensical / MkDocs, pair by pair")


def booklet(site_dir: Path, work: Path, runs: int = 2) -> None:
    """Lay the built site out as the booklet, as `make pdf` does, in a process of its own."""
    from pypdf import PdfReader

    target = work / "med-guiden.pdf"
    results = []
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "macros.booklet", str(site_dir), str(target)],
                                   cwd=PROJECT, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"the booklet failed:\n{process.stderr.read().decode()}")
        process.stderr.close()
        results.append(Run(usage.ru_utime + usage.ru_stime, time.perf_counter() - start, usage.ru_maxrss // 1024))
    pages = len(PdfReader(target).pages)
    print("Booklet (make pdf, from the built site)")
    print(f"  layout, CPU / wall                       {spread([r.cpu for r in results])} / {spread([r.wall for r in results])}")
    print(f"  peak memory                              {max(r.peak_mib for r in results):6d} MiB")
    print(f"  pages, size                              {pages:6d} pages, {target.stat().st_size / 1e6:.1f} MB   (goal <= 20 MB)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="pairs of builds (min / median / max are reported)")
    parser.add_argument("--growth-runs", type=int, default=3, help="pairs of builds for each larger data set")
    parser.add_argument("--parts", type=lambda text: set(text.split(",")),
                        default={"engines", "weight", "lighthouse", "growth", "booklet", "more"},
                        help="besides the overhead, any of: engines,weight,lighthouse,growth,booklet,more (trees, calendar, editions)")
    args = parser.parse_args()

    print(f"MED-guiden build benchmark (Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.1f})")
    with tempfile.TemporaryDirectory(prefix="med-bench-") as tmp:
        work = Path(tmp)
        site = overhead(work, args.runs)
        print(f"  site size                                {site_size(site) / 1024:6.0f} KiB")
        if "engines" in args.parts:
            engines(work, args.runs)
        if "weight" in args.parts:
            weight(site)
        if "lighthouse" in args.parts:
            lighthouse(site, work)
        if "growth" in args.parts:
            growth(work, args.growth_runs)
        if "booklet" in args.parts:
            booklet(site, work)
        if "more" not in args.parts:
            return
        steps = sorted(tree_step_times(site))
        print(f"  tree script + styles, gzipped            {tree_asset_size() / 1024:6.1f} KB   (goal <= 15)")
        print(f"  tree step in Chromium, median / max      {statistics.median(steps):6.1f} / {steps[-1]:.1f} ms   (goal < 50)")
        print(f"  calendar page, real data                 {(site / 'kalender' / 'index.html').stat().st_size / 1024:6.0f} KB")
        scale_runs, real_runs, scale_page, events = calendar_at_scale(work, args.runs)
        print(f"Calendar at scale ({events} synthetic events, paired with the real data as of 2024-01-01)")
        report_pair(f"strict build, {events} events", scale_runs, "strict build, real data", real_runs, "ratio")
        print(f"  calendar page with {events} events         {scale_page / 1024:6.0f} KB   (goal <= 300)")
        edition_runs, default_runs, alone, parallel = editions_at_scale(work, args.runs)
        print("Local editions")
        report_pair("strict build, a synthetic edition", edition_runs, "strict build, the default site", default_runs,
                    "ratio", "   (goal <= 1.20)")
        print(f"  {len(alone)} editions one by one, wall            {sum(alone):6.2f} s")
        print(f"  {len(alone)} editions, two at a time, wall        {parallel:6.2f} s   (both cores busy; other jobs on the machine count)")


if __name__ == "__main__":
    main()
