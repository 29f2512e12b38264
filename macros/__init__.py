"""MED-guiden's build: an engine-neutral core (this package) and a thin adapter per engine
(`macros/engines/`), the only modules that import an engine.

mkdocs-macros imports this package (`module_name: macros` in mkdocs.yml) and looks up the hooks
below; each hands over to the MkDocs adapter, imported only then, so importing the core never
imports MkDocs. The macros themselves are in `macros/components.py`, the work after the pages
in `macros/postbuild.py`.
"""

from __future__ import annotations


def define_env(env):
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
