"""The bad-input corpus: every kind of broken data file gives one clear, located message.

Each folder in tests/data/bad_input/ holds files that replace or join their namesakes in a
copy of data/ (a `remove.txt` lists files to delete instead) and `expected.txt`, the exact
message. Files under a `docs/` folder replace pages instead: a page that asks for data wrongly
in its front matter (an unknown source, a poster's paper). What git cannot hold is made by a
`make.txt`, one line each: `symlink <path> <target>`, `folder <path>`, `fifo <path>`, and
`large <path> <bytes>` (a data file of that size).
The loader is checked for every data case; the build for every case, under MkDocs and under
Zensical, for the exit code, the single message, the absence of a traceback and of a written site.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from macros.errors import DataError
from macros.loader import load_dataset
from support import DATA, DOCS, PROJECT, copy_project, mkdocs_build, zensical_build

CORPUS = Path(__file__).parent / "bad_input"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())
DATA_CASES = [case for case in CASES if not (CORPUS / case / "docs").is_dir()]


def apply_case(case: str, data_dir: Path, docs_dir: Path | None = None) -> str:
    """Break `data_dir` (and `docs_dir`) as the case says; return the message the case expects."""
    folder = CORPUS / case
    for path in sorted(folder.rglob("*")):
        if path.is_dir() or path.name == "expected.txt":
            continue
        relative = path.relative_to(folder)
        if path.name == "remove.txt":
            for name in path.read_text().split():
                (data_dir / name).unlink()
        elif path.name == "make.txt":
            for line in path.read_text(encoding="utf-8").splitlines():
                make(data_dir, *line.split())
        elif relative.parts[0] == "docs":
            assert docs_dir is not None, f"{case} replaces pages; give the docs folder"
            shutil.copyfile(path, docs_dir / Path(*relative.parts[1:]))
        else:
            target = data_dir / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)
    return (folder / "expected.txt").read_text(encoding="utf-8").strip()


def make(data_dir: Path, kind: str, name: str, argument: str = "") -> None:
    target = data_dir / name
    target.parent.mkdir(parents=True, exist_ok=True)
    if kind == "symlink":
        target.symlink_to(argument)
    elif kind == "folder":
        target.mkdir()
        (target / "indhold.yml").write_text("title: En mappe\n", encoding="utf-8")
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "large":
        line = "# " + "fyld " * 19 + "\n"
        text = target.read_text(encoding="utf-8")
        target.write_text(text + line * (int(argument) // len(line.encode()) + 1), encoding="utf-8")
    else:
        raise ValueError(f"make.txt: unknown kind '{kind}'")


def test_the_corpus_is_broad():
    assert len(CASES) >= 15


@pytest.mark.parametrize("case", DATA_CASES)
def test_loader_reports_the_problem(case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    shutil.copytree(DATA, tmp_path / "data")
    expected = apply_case(case, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    started = time.monotonic()
    with pytest.raises(DataError) as caught:
        load_dataset(tmp_path / "data", docs_dir=DOCS)
    assert str(caught.value) == expected
    assert time.monotonic() - started < 5, "bad data, hostile or not, is refused quickly"


# Each engine's one error line: MkDocs' log line, or the Zensical adapter's.
ERROR_LINE = {"mkdocs": r"^ERROR\s+-\s+(.*)$", "zensical": r"^error: (.*)$"}


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
@pytest.mark.parametrize("case", CASES)
def test_build_stops_with_one_message(case: str, engine: str, tmp_path: Path):
    project = copy_project(tmp_path / "project")
    expected = apply_case(case, project / "data", project / "docs")
    site = project / "site"
    result = (mkdocs_build if engine == "mkdocs" else zensical_build)(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert re.findall(ERROR_LINE[engine], output, re.MULTILINE) == [expected], output
    # Under Zensical, no follow-on warning for the pages that link to a page that failed.
    assert "Traceback" not in output and "Warning" not in output
    assert not site.exists(), "a failed build must not write a site"


def test_make_build_keeps_the_previous_site_when_data_is_bad(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    shutil.copy2(PROJECT / "Makefile", project / "Makefile")
    for name in ("requirements.txt", "requirements-dev.txt", "constraints.txt"):
        shutil.copy2(PROJECT / name, project / name)
    venv = Path(sys.prefix)  # the environment running the tests has everything installed
    (venv / ".site-installed").touch(exist_ok=True)
    previous = project / "site"
    previous.mkdir()
    (previous / "index.html").write_text("previous build")
    expected = apply_case("unknown-field", project / "data")
    result = subprocess.run(
        ["make", "build", f"VENV={venv}"], cwd=project, capture_output=True, text=True, timeout=300,
    )
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert expected in output
    assert "Traceback" not in output
    assert (previous / "index.html").read_text() == "previous build"
    assert not (project / "site.partial").exists()


@pytest.mark.parametrize("existing", [False, True], ids=["new-directory", "existing-directory"])
def test_a_build_that_fails_after_writing_leaves_nothing_behind(tmp_path: Path, existing: bool):
    """MkDocs writes every page before its strict checks of anchors fail the build; what it
    wrote is taken away again, also when `mkdocs build -d` is run directly."""
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "roller.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Udvalget](/udvalg.md#findes-ikke)\n", encoding="utf-8")
    site = tmp_path / "out"
    if existing:
        site.mkdir()
        (site / "gammel.html").write_text("from an earlier build")
        (site / ".git").write_text("kept, as MkDocs keeps it")
    result = mkdocs_build(project, site)
    output = result.stdout + result.stderr
    assert result.returncode != 0
    assert "findes-ikke" in output and "Traceback" not in output
    if existing:
        assert sorted(path.name for path in site.iterdir()) == [".git"]
    else:
        assert not site.exists()
