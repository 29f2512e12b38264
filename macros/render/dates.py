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


WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")


def danish_day(value: date) -> str:
    """'torsdag 1. februar 2024'."""
    return f"{WEEKDAYS[value.weekday()]} {danish_date(value)}"


def danish_month(year: int, month: int) -> str:
    """'Februar 2024'."""
    return f"{MONTHS[month - 1].capitalize()} {year}"


def danish_clock(value) -> str:
    """'kl. 10.00'."""
    return f"kl. {value.hour:02d}.{value.minute:02d}"


def danish_duration(minutes: int) -> str:
    """'45 minutter', '1 time', '1½ time', '2 timer'."""
    hours, rest = divmod(minutes, 60)
    if hours == 0:
        return f"{minutes} minutter"
    if rest == 30:
        return f"{hours}½ time" if hours == 1 else f"{hours}½ timer"
    if rest == 0:
        return "1 time" if hours == 1 else f"{hours} timer"
    return f"{hours} t. {rest} min."
