"""Role cards: every role with its bagland, its contribution and its two hats."""

from __future__ import annotations

from ..links import Links
from ..loader import Dataset
from .component import component

# Which side of the table a role sits on, as a card or poster labels it.
SIDES = {"ledelse": "Ledelsessiden", "medarbejdere": "Medarbejdersiden", "begge": "Ledelses- og medarbejdersiden"}


def role_cards(data: Dataset, links: Links, level: int = 2) -> str:
    """A card per role, each under a heading (level `level`) anchored by the role's id."""
    return component(
        "role-cards.html",
        data,
        links,
        roles=data.roles,
        roles_by_id=data.index["role"],
        committees=data.index["committee"],
        sides=SIDES,
        level=level,
    )


def role_table(data: Dataset, links: Links, role_ids: list[str], caption: str) -> str:
    """The chosen roles, in the order given, with their side and who appoints or elects them."""
    return component(
        "role-table.html", data, links, roles=[data.get("role", role_id) for role_id in role_ids], caption=caption
    )
