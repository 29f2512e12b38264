"""The build's core is engine-neutral (issue #16): everything the site computes lives in
`macros/` without importing MkDocs; only the adapters in `macros/engines/` import an engine.
The pure helpers that replace MkDocs' agree with MkDocs, and the post-build step, run over a
written site, writes what the MkDocs build writes after the pages."""

from __future__ import annotations

import itertools
import os
import re
import shutil
import subprocess
import sys
import textwrap

import pytest

from support import BUILD_ENV, DOCS, PROJECT

sys.path.insert(0, str(PROJECT / "tools"))
from same_build import differences  # noqa: E402

# The adapters: the only modules allowed to import an engine.
ADAPTERS = {"macros.engines.mkdocs"}
# Also an import inside a function, which importing the module does not run.
ENGINE_IMPORT = re.compile(r"\s*(import (mkdocs|material)\b|from (mkdocs|material)(\.\w+)* import )")


def core_modules() -> list[str]:
    names = []
    for path in sorted((PROJECT / "macros").rglob("*.py")):
        parts = path.relative_to(PROJECT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        if name not in ADAPTERS:
            names.append(name)
    return names


def test_every_core_module_imports_without_mkdocs():
    script = textwrap.dedent("""
        import importlib, importlib.abc, sys

        class NoMkDocs(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name == "mkdocs" or name.startswith(("mkdocs.", "mkdocs_", "material")):
                    raise ImportError(f"{name} is an engine: the core must not import it")
                return None

        sys.meta_path.insert(0, NoMkDocs())
        failed = []
        for name in sys.argv[1:]:
            try:
                importlib.import_module(name)
            except ImportError as error:
                failed.append(f"{name}: {error}")
        engines = sorted(name for name in sys.modules if name == "mkdocs" or name.startswith(("mkdocs.", "mkdocs_")))
        print("\\n".join(failed + engines))
        sys.exit(1 if failed or engines else 0)
    """)
    modules = core_modules()
    assert "macros" in modules and "macros.site" in modules and "macros.postbuild" in modules
    result = subprocess.run([sys.executable, "-c", script, *modules], cwd=PROJECT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_only_the_adapters_name_mkdocs_in_an_import():
    for path in sorted((PROJECT / "macros").rglob("*.py")):
        name = ".".join(path.relative_to(PROJECT).with_suffix("").parts)
        imports = [line for line in path.read_text(encoding="utf-8").splitlines() if ENGINE_IMPORT.match(line)]
        assert not imports or name in ADAPTERS, f"{path}: {imports}"


def test_the_pure_helpers_agree_with_mkdocs():
    from mkdocs.structure.files import File
    from mkdocs.utils import get_markdown_title, get_relative_url
    from mkdocs.utils.meta import get_data

    from macros.pages import front_matter, markdown_title, relative_url, scan_pages

    urls = ["", "/", ".", "a/", "a/b/", "a/b.html", "roller/", "svar/x/", "m/rette-niveau/", "kalender.ics",
            "a/../b/", "../x", "//a/", "assets/x.css", "sitemap.xml", "a/b/c/index.html"]
    for url, other in itertools.product(urls, urls):
        assert relative_url(url, other) == get_relative_url(url, other), (url, other)
    for directory_urls in (True, False):
        pages = scan_pages(DOCS, directory_urls)
        for src_uri, url in pages.urls.items():
            assert url == File(src_uri, str(DOCS), "site", directory_urls).url, src_uri
        assert "index.md" in pages.urls and "README.md" not in pages.urls
    for path in DOCS.rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert front_matter(text) == get_data(text), path
    for text in ["a: b\n    c\n\nx", "x", "---\n- a\n---\nx", "---\n: :\n---\n", "\n\n# Hei der", "#Ikke", "## To"]:
        assert front_matter(text) == get_data(text), text
        assert markdown_title(text) == get_markdown_title(text), text


def _post_build(site_dir, *extra):
    return subprocess.run(
        [sys.executable, "-m", "macros.postbuild", str(site_dir), *extra],
        cwd=PROJECT, env={**os.environ, **BUILD_ENV}, capture_output=True, text=True, timeout=300,
    )


AFTER_THE_PAGES = ("*.ics", "m", "t", "assets/stylesheets/med-guiden.css", "assets/javascripts/med-guiden.js")


@pytest.mark.parametrize("config", [None, "editions/albertslund/mkdocs.yml"])
def test_the_post_build_step_writes_what_the_build_writes_after_the_pages(built_site, albertslund_site, tmp_path, config):
    """Run over a site with the feeds, short links and bundles taken away, `python -m
    macros.postbuild` writes them back as the MkDocs build did; run again, it changes nothing."""
    built = built_site.directory if config is None else albertslund_site
    site = shutil.copytree(built, tmp_path / "site")
    for pattern in AFTER_THE_PAGES:
        for path in site.glob(pattern):
            shutil.rmtree(path) if path.is_dir() else path.unlink()
    assert differences(built, site) != []
    extra = ["-f", config] if config else []
    result = _post_build(site, *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    assert differences(built, site) == []
    result = _post_build(site, *extra)
    assert result.returncode == 0, result.stdout + result.stderr
    assert differences(built, site) == []


def test_a_failing_post_build_step_is_one_line(tmp_path):
    result = _post_build(tmp_path / "nowhere")
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"error: {tmp_path / 'nowhere'}: there is no built site here"]
    site = tmp_path / "site"
    site.mkdir()
    result = _post_build(site)  # the sources of the bundles are not there
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
