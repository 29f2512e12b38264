"""The clauses of the agreements and laws the guide rests on."""

from __future__ import annotations

from ..links import Links
from ..loader import Dataset
from .component import component


def provision_box(data: Dataset, links: Links, provision_id: str, link_home: bool = True) -> str:
    """One clause as a box: reference, title, a plain summary and what it means in practice."""
    return component(
        "provision-box.html", data, links, provision=data.get("provision", provision_id), link_home=link_home
    )


def provision_list(data: Dataset, links: Links, level: int = 3) -> str:
    """Every clause under a heading anchored by its id, in data order."""
    return component("provision-list.html", data, links, provisions=data.provisions, level=level)
