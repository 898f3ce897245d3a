"""Errors of the store (to move into ``newsprism.errors``).

``NewsprismError``
    ``StoreError``          the database cannot be opened, migrated or written
        ``StoreLockedError``  another process holds the database lock past the busy timeout
        ``StoreFullError``    the disk (or the database's quota) is full
"""

from __future__ import annotations

from newsprism.errors import NewsprismError


class StoreError(NewsprismError):
    """The corpus database cannot be opened, migrated or written; nothing committed before is lost."""


class StoreLockedError(StoreError):
    """Another process keeps the database locked for longer than the busy timeout."""


class StoreFullError(StoreError):
    """The disk or database is full; the batch being written was rolled back."""
