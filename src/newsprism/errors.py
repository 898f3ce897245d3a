"""Every exception newsprism raises on purpose, in one tree.

``NewsprismError``
    ``InputError``        an input (file, URL, stream record) cannot be read as an article
    ``ModelLoadError``    a spaCy pipeline or sentence-embedding model cannot be loaded
    ``VerificationError`` a brief cites text its sources do not contain
    ``EvaluationError``   a benchmark data set or scorer is missing or malformed
    ``UnknownFormatError`` no renderer is registered under the format name asked for
    ``NoArticlesError``   nothing in the input could be read as an English news article
    ``StoreError``        the corpus database cannot be opened, migrated or written
        ``StoreLockedError``  another process holds the database lock past the busy timeout
        ``StoreFullError``    the disk (or the database's quota) is full
"""

from __future__ import annotations


class NewsprismError(Exception):
    """Base of all newsprism errors."""


class InputError(NewsprismError):
    """An input that cannot become an article; the message names the input and the problem."""

    def __init__(self, origin: str, problem: str) -> None:
        super().__init__(f"{origin}: {problem}")
        self.origin = origin
        self.problem = problem


class ModelLoadError(NewsprismError):
    """A model named by the user (or the default one) could not be loaded."""


class VerificationError(NewsprismError):
    """A brief contains text or citations that its sources do not support."""


class EvaluationError(NewsprismError):
    """A benchmark cannot be run: data missing or malformed, or the scorer unavailable."""


class UnknownFormatError(NewsprismError, ValueError):
    """A format name no renderer is registered under; the message lists the known ones."""


class NoArticlesError(NewsprismError):
    """Nothing in the input could be read as an English news article."""


class StoreError(NewsprismError):
    """The corpus database cannot be opened, migrated or written; nothing committed before is lost."""


class StoreLockedError(StoreError):
    """Another process keeps the database locked for longer than the busy timeout."""


class StoreFullError(StoreError):
    """The disk or database is full; the batch being written was rolled back."""
