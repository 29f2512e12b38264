"""The day of the build, the one date every part of the build agrees on."""

from __future__ import annotations

import os
from collections.abc import Mapping
from datetime import date, datetime, timezone


def build_day(environ: Mapping[str, str] = os.environ) -> date:
    """The day of the build: SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()
