"""MED-guiden's build: an engine-neutral core (this package) and a thin adapter per engine
(`macros/engines/`), the only modules that import an engine.

mkdocs-macros imports this package (`module_name: macros` in mkdocs.yml) and looks up the hooks
below; each hands over to the MkDocs adapter, imported only then, so importing the core never
imports MkDocs. The macros themselves are in `macros/components.py`, the work after the pages
in `macros/postbuild.py`.
"""

from __future__ import annotations

import sys
from pathlib import Path


def define_env(env):
    if type(env).__module__.startswith("zensical."):
        # Zensical's macros layer runs this file on its own, not as the package: make the
        # package importable, then hand over to its adapter.
        if "macros" not in sys.modules and str(Path(__file__).resolve().parent.parent) not in sys.path:
            sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
        from macros.engines import zensical

        zensical.define_env(env)
        return
    from .engines import mkdocs

    mkdocs.define_env(env)


def on_pre_page_macros(env):
    from .engines import mkdocs

    mkdocs.on_pre_page_macros(env)


def on_post_page_macros(env):
    from .engines import mkdocs

    mkdocs.on_post_page_macros(env)


def on_post_build(env):
    from .engines import mkdocs

    mkdocs.on_post_build(env)
