"""Compare two built sites byte for byte: `python tools/same_build.py SITE_A SITE_B`.

A speed-up of the build must not change what it builds. Builds made with the same
SOURCE_DATE_EPOCH are reproducible to the byte (the sitemap's gzip header included), so no file
is left out of the comparison. Exit status 1 and a list of the differences when they differ.
"""

from __future__ import annotations

import sys
from pathlib import Path


def site_files(site: Path) -> set[str]:
    return {path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file()}


def differences(a: Path, b: Path) -> list[str]:
    """Every file only one of the sites has, and every file whose bytes differ."""
    files_a, files_b = site_files(a), site_files(b)
    found = [f"only in {a}: {name}" for name in sorted(files_a - files_b)]
    found += [f"only in {b}: {name}" for name in sorted(files_b - files_a)]
    found += [
        f"differs: {name}" for name in sorted(files_a & files_b) if (a / name).read_bytes() != (b / name).read_bytes()
    ]
    return found


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__.splitlines()[0], file=sys.stderr)
        return 2
    a, b = Path(argv[0]), Path(argv[1])
    found = differences(a, b)
    for line in found:
        print(line)
    if not found:
        print(f"identical: {len(site_files(a))} files")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
