"""Measure what the macros cost: `make bench`.

1. Times a full strict build of the site (macros on), several runs, and its peak memory.
2. Renders the same pages to plain Markdown once, through MkDocs' own plugin events, and
   times a strict build of that Markdown with the macros plugin off.
3. Prints both, their ratio and the peak memory of each. The goal is a ratio of at most 1.2.
4. Decision trees: the gzipped size of their script and styles (goal: at most 15 KB), and
   how long one step takes to render in Chromium (goal: under 50 ms).
5. The calendar at scale: a synthetic programme of 500 events over 10 years, built strictly;
   its build time against the real data's, and the calendar page's size (goal: at most 300 KB).
6. Local editions at scale: 20 synthetic editions, each built alone (goal: within 1.2 x the
   default site's build time) and all of them two at a time, both cores busy.

Nothing here asserts: the figures are for reading and for the issue notes.
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml

PROJECT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1768435200"}


def timed_build(config: Path, site_dir: Path) -> tuple[float, int]:
    """Wall time in seconds and peak resident memory in MiB of one `mkdocs build --strict`."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", str(config), "-d", str(site_dir)],
        cwd=config.parent, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build of {config} failed:\n{process.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss // 1024


def render_plain_markdown(target: Path) -> None:
    """Write every page as the Markdown the macros produce, plus the docs' other files, to `target`."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    os.environ.update(ENV)
    config = load_config(str(PROJECT / "mkdocs.yml"))
    config = config.plugins.on_config(config)
    files = get_files(config)
    nav = get_navigation(files, config)
    config.plugins.on_nav(nav, config=config, files=files)
    shutil.copytree(config["docs_dir"], target)
    for file in files.documentation_pages():
        page = file.page or Page(None, file, config)
        page.read_source(config)
        markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        (target / file.src_path).write_text(markdown, encoding="utf-8")


def plain_config(work: Path) -> Path:
    """A configuration inheriting mkdocs.yml, reading the plain Markdown, without the macros plugin."""
    base = yaml.load((PROJECT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    plugins = [p for p in base["plugins"] if "macros" not in (p if isinstance(p, str) else p.keys())]
    # BaseLoader reads every value as text; plugin settings here are all text or numbers.
    config = {
        "INHERIT": str(PROJECT / "mkdocs.yml"),
        "docs_dir": str(work / "docs"),
        "theme": {"custom_dir": str(PROJECT / "overrides")},
        "plugins": plugins,
        "watch": [],
    }
    path = work / "plain.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


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
    sys.path.insert(0, str(PROJECT / "tests"))
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
    sys.path.insert(0, str(PROJECT / "tests"))
    from support import copy_project

    copy_project(target)
    if editions:
        shutil.copytree(PROJECT / "editions", target / "editions")
    return target


def calendar_at_scale(work: Path, years: int = 10, per_year: int = 50) -> tuple[float, int, int]:
    """Build a copy of the project with a synthetic programme; (seconds, page bytes, events)."""
    project = project_copy(work / "scale")
    for year in range(2024 - years + 1, 2025):
        (project / "data" / "programmes" / f"{year}.yml").write_text(synthetic_programme(year, per_year), encoding="utf-8")
    # As of the start of the last year: its programme ahead, nine years in the archive.
    os.environ["MED_TODAY"] = "2024-01-01"
    ENV["MED_TODAY"] = "2024-01-01"
    try:
        elapsed, _ = timed_build(project / "mkdocs.yml", project / "site")
    finally:
        ENV.pop("MED_TODAY")
        os.environ.pop("MED_TODAY")
    page = project / "site" / "kalender" / "index.html"
    return elapsed, page.stat().st_size, years * per_year


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


def editions_at_scale(work: Path, count: int = 20, workers: int = 2) -> tuple[list[float], float]:
    """Build `count` synthetic editions one at a time, then all of them `workers` at a time;
    (seconds per edition, total seconds in parallel)."""
    project = project_copy(work / "editions", editions=True)
    configs = [synthetic_edition(project, number) for number in range(1, count + 1)]
    alone = [timed_build(config, work / "edition-alone" / config.parent.name)[0] for config in configs]
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        list(pool.map(lambda config: timed_build(config, work / "edition-parallel" / config.parent.name), configs))
    return alone, time.perf_counter() - start


def site_size(site_dir: Path) -> int:
    return sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds of each kind (the median is reported)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="med-bench-") as tmp:
        work = Path(tmp)
        render_plain_markdown(work / "docs")
        plain = plain_config(work)

        timed_build(PROJECT / "mkdocs.yml", work / "warm")  # warm the file cache and bytecode
        macro_runs = [timed_build(PROJECT / "mkdocs.yml", work / f"site-{i}") for i in range(args.runs)]
        plain_runs = [timed_build(plain, work / f"plain-{i}") for i in range(args.runs)]

        macro_time = statistics.median(t for t, _ in macro_runs)
        plain_time = statistics.median(t for t, _ in plain_runs)
        macro_mem = max(m for _, m in macro_runs)
        plain_mem = max(m for _, m in plain_runs)
        pages = len(list((work / "docs").rglob("*.md")))
        size = site_size(work / "site-0")
        steps = sorted(tree_step_times(work / "site-0"))
        calendar_page_size = (work / "site-0" / "kalender" / "index.html").stat().st_size
        scale_time, scale_page, scale_events = calendar_at_scale(work)
        edition_times, editions_parallel = editions_at_scale(work)

    ratio = macro_time / plain_time
    print(f"MED-guiden build benchmark ({args.runs} runs each, median wall time, Python {sys.version.split()[0]})")
    print(f"  pages                                  {pages}")
    print(f"  strict build, macros on                {macro_time:6.2f} s   peak {macro_mem} MiB")
    print(f"  strict build, pre-rendered Markdown    {plain_time:6.2f} s   peak {plain_mem} MiB")
    print(f"  ratio (goal <= 1.20)                   {ratio:6.2f}")
    print(f"  site size                              {size / 1024:6.0f} KiB")
    print(f"  tree script + styles, gzipped          {tree_asset_size() / 1024:6.1f} KB   (goal <= 15)")
    print(f"  tree step in Chromium, median / max    {statistics.median(steps):6.1f} / {steps[-1]:.1f} ms   (goal < 50)")
    print(f"  calendar page, real data               {calendar_page_size / 1024:6.0f} KB")
    print(f"  strict build with {scale_events} synthetic events   {scale_time:6.2f} s   ({scale_time / macro_time:.2f} x the real data)")
    print(f"  calendar page with {scale_events} events       {scale_page / 1024:6.0f} KB   (goal <= 300)")
    edition_time = statistics.median(edition_times)
    print(f"  local edition, median of {len(edition_times)}          {edition_time:6.2f} s   ({edition_time / macro_time:.2f} x the default site; goal <= 1.20)")
    print(f"  {len(edition_times)} editions one by one              {sum(edition_times):6.2f} s")
    print(f"  {len(edition_times)} editions, two at a time          {editions_parallel:6.2f} s   (both cores busy)")


if __name__ == "__main__":
    main()
