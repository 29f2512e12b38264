"""The bad-input corpus (tests/data/bad_input/), shared by the tests of each engine's build:
each case breaks a copy of data/ (or of a page) and names the one message it must give."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CORPUS = Path(__file__).parent / "data" / "bad_input"
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
