"""Dates as a Danish reader writes them, and as machines read them."""

from __future__ import annotations

from datetime import date

MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)


def danish_date(value: date, precision: str = "dag") -> str:
    """'9. september 2020', 'september 2020' or '2020', by how much of the date is known."""
    if precision == "år":
        return str(value.year)
    if precision == "måned":
        return f"{MONTHS[value.month - 1]} {value.year}"
    return f"{value.day}. {MONTHS[value.month - 1]} {value.year}"


def machine_date(value: date, precision: str = "dag") -> str:
    """The same date for a <time datetime> attribute: '2020-09-09', '2020-09' or '2020'."""
    if precision == "år":
        return f"{value.year:04d}"
    if precision == "måned":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()
