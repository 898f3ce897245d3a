"""Say why a section of the brief is empty, so a reader never mistakes "nothing found" for "not looked"."""

from __future__ import annotations

from newsprism.model import Brief


def empty_section_notes(brief: Brief) -> list[str]:
    """A note for each cross-source section that found nothing."""
    independent = sum(1 for entry in brief.sources if entry.duplicate_of is None)
    notes = []
    if not brief.quotes:
        notes.append("Who said what: no attributed statement was found in the sources.")
    if independent < 2:
        return notes
    if not any(claim.disputers for claim in brief.claims):
        notes.append("Disputed: no actor's statement is disputed by another actor in these sources.")
    if not brief.conflicts:
        notes.append("Conflicting facts: the sources give no incompatible figures or roles.")
    if not brief.numbers:
        notes.append("Numbers reported: no measure is given a figure by more than one source.")
    if not brief.timeline:
        notes.append("Timeline: no dated event was found.")
    return notes
