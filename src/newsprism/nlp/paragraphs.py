"""Paragraph spans of an article's text: sentences never cross a paragraph boundary."""

from __future__ import annotations

import re
from dataclasses import dataclass

_BLANK_LINE = re.compile(r"\n[ \t]*\n")
_TERMINAL = (".", "!", "?", '"', "”", "'", "’", ":", ")")


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines of a fixed-width wrapped text: long, similar length, mostly ending mid-sentence."""
    full = [line.rstrip() for line in lines[:-1] if line.strip()]
    if len(full) < 2:
        return False
    long_lines = sum(1 for line in full if 40 <= len(line) <= 100)
    open_ended = sum(1 for line in full if not line.endswith(_TERMINAL))
    return long_lines >= 0.8 * len(full) and open_ended >= 0.5 * len(full)


def split_paragraphs(text: str) -> list[Paragraph]:
    """Blocks between blank lines; inside a block each line is a paragraph unless the block is hard-wrapped."""
    spans: list[tuple[int, int]] = []
    block_start = 0
    for match in [*_BLANK_LINE.finditer(text), None]:
        block_end = match.start() if match else len(text)
        block = text[block_start:block_end]
        lines = block.split("\n")
        if _is_hard_wrapped(lines):
            spans.append((block_start, block_end))
        else:
            offset = block_start
            for line in lines:
                spans.append((offset, offset + len(line)))
                offset += len(line) + 1
        block_start = match.end() if match else len(text)
    paragraphs: list[Paragraph] = []
    for start, end in spans:
        # Trim surrounding white space so offsets point at text, not at indentation.
        segment = text[start:end]
        stripped = segment.strip()
        if not stripped:
            continue
        lead = len(segment) - len(segment.lstrip())
        paragraphs.append(Paragraph(len(paragraphs), start + lead, start + lead + len(stripped)))
    return paragraphs
