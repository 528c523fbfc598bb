"""The error an export reader raises: one line saying what is wrong with the file."""

from __future__ import annotations

from ...errors import InputError


class ExportError(InputError):
    """The file looks like an agenda export but cannot be read as one (wrong kind, unknown version, no items)."""
