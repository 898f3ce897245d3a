"""The clean stage: raw articles in, articles with boilerplate lines removed (and listed) out."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsprism.clean.context import judge_article, shared_furniture
from newsprism.clean.language import detect_language
from newsprism.clean.options import CleanOptions
from newsprism.ingest.raw import RawArticle
from newsprism.model import Article, RemovedLine, content_id

_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# (0-based line number in the raw text, line text)
NumberedLine = tuple[int, str]


def split_lines(text: str) -> list[str]:
    """The lines of ``text`` as the cleaner numbers them (any line-break convention)."""
    return _LINE_BREAK.split(text)


def clean_articles(raw: Sequence[RawArticle], options: CleanOptions | None = None) -> list[Article]:
    """Remove boilerplate lines from every article; a batch, because repetition across sources is a signal.

    Each article keeps the id of its raw text and lists every line removed, with the reason.
    """
    options = options or CleanOptions()
    kept: list[list[NumberedLine]] = [list(enumerate(split_lines(article.text))) for article in raw]
    removed: list[dict[int, str]] = [{} for _ in raw]
    # Removing a line can expose another (a block's edge moves); repeat until nothing changes, which also
    # makes cleaning idempotent: cleaning a cleaned batch finds nothing more to remove.
    changed = True
    while changed:
        changed = False
        shared = shared_furniture([[text for _, text in lines] for lines in kept], options)
        for index, article in enumerate(raw):
            lines = kept[index]
            reasons = judge_article([text for _, text in lines], article.title, shared, options)
            if not reasons:
                continue
            changed = True
            for position, reason in reasons.items():
                removed[index][lines[position][0]] = reason
            kept[index] = [line for position, line in enumerate(lines) if position not in reasons]
    return [_article(article, kept[index], removed[index], options) for index, article in enumerate(raw)]


def join_kept(lines: Sequence[str]) -> str:
    """Kept lines with their line breaks; runs of blank lines become one, none at either end."""
    out: list[str] = []
    for line in lines:
        if line.strip():
            out.append(line)
        elif out and out[-1]:
            out.append("")
    while out and not out[-1]:
        out.pop()
    return "\n".join(out)


def _article(raw: RawArticle, kept: list[NumberedLine], removed: dict[int, str], options: CleanOptions) -> Article:
    text = join_kept([line for _, line in kept])
    lines = split_lines(raw.text)
    return Article(
        id=content_id(raw.text),
        source=raw.source,
        title=raw.title,
        url=raw.url,
        published=raw.published,
        text=text,
        origin=raw.origin,
        language=detect_language(text, options),
        removed=[
            RemovedLine(line=number, text=lines[number], reason=reason) for number, reason in sorted(removed.items())
        ],
    )
