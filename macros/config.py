"""mkdocs.yml read without an engine, for the steps that run outside one (the post-build step,
the configuration generated for Zensical)."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import BuildError


@dataclass(frozen=True)
class Tagged:
    """A value under a YAML tag this package does not read (`!!python/name:…` for Markdown
    extensions), kept to be written out again as it was."""

    tag: str
    value: Any


def read_config(config_file: Path, environ: Mapping[str, str] = os.environ) -> dict[str, Any]:
    """mkdocs.yml as a plain mapping: `INHERIT` merged in as MkDocs merges it, `!ENV` resolved,
    other tags kept as `Tagged`, `docs_dir` made absolute from the file's folder and `site_url`
    read as a folder, as MkDocs does."""
    config = _read_yaml(config_file, environ)
    config["docs_dir"] = str((config_file.parent / config.get("docs_dir", "docs")).resolve())
    if config.get("site_url") and not config["site_url"].endswith("/"):
        config["site_url"] += "/"
    return config


def write_config(config: Mapping[str, Any]) -> str:
    """The configuration as YAML, tags and all."""

    class Dumper(yaml.SafeDumper):
        pass

    def tagged(dumper: yaml.SafeDumper, data: Tagged) -> yaml.Node:
        if isinstance(data.value, Mapping):
            return dumper.represent_mapping(data.tag, data.value)
        if isinstance(data.value, list):
            return dumper.represent_sequence(data.tag, data.value)
        return dumper.represent_scalar(data.tag, data.value)

    Dumper.add_representer(Tagged, tagged)
    return yaml.dump(dict(config), Dumper=Dumper, allow_unicode=True, sort_keys=False)


def _read_yaml(config_file: Path, environ: Mapping[str, str]) -> dict[str, Any]:
    class Loader(yaml.SafeLoader):
        pass

    def env_tag(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        names = [loader.construct_scalar(node)] if isinstance(node, yaml.ScalarNode) else loader.construct_sequence(node)
        *variables, default = names if len(names) > 1 else (*names, None)
        return next((environ[name] for name in variables if name in environ), default)

    def other_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
        if isinstance(node, yaml.MappingNode):
            return Tagged(node.tag, loader.construct_mapping(node, deep=True))
        if isinstance(node, yaml.SequenceNode):
            return Tagged(node.tag, loader.construct_sequence(node, deep=True))
        return Tagged(node.tag, loader.construct_scalar(node))

    Loader.add_constructor("!ENV", env_tag)
    Loader.add_multi_constructor("tag:yaml.org,2002:python/", other_tag)
    Loader.add_multi_constructor("!", other_tag)
    try:
        config = yaml.load(config_file.read_text(encoding="utf-8"), Loader) or {}
    except (OSError, yaml.YAMLError) as error:
        raise BuildError(f"{config_file}: cannot read the configuration ({error})") from None
    parent = config.pop("INHERIT", None)
    if parent:
        config = _merged(_read_yaml(config_file.parent / parent, environ), config)
    return config


def _merged(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """MkDocs' INHERIT: mappings merged key by key, anything else replaced."""
    merged = dict(base)
    for key, value in override.items():
        merged[key] = _merged(merged[key], value) if isinstance(value, dict) and isinstance(merged.get(key), dict) else value
    return merged
