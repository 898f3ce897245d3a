"""The clean stage: raw articles in, articles with boilerplate lines removed (and listed) out."""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsprism.clean.context import judge_article, shared_furniture
from newsprism.clean.language import detect_language
from newsprism.clean.options import CleanOptions
from newsprism.clean.rules import judge_line
from newsprism.clean.shape import measure
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
    # The title is settled first, so the body is judged the same way whether or not it was cleaned before.
    titled = [_real_title(article.title, list(enumerate(split_lines(article.text))), options) for article in raw]
    kept: list[list[NumberedLine]] = [lines for _, lines, _ in titled]
    removed: list[dict[int, str]] = [{} for _ in raw]
    # Removing a line can expose another (a block's edge moves); repeat until nothing changes, which also
    # makes cleaning idempotent: cleaning a cleaned batch finds nothing more to remove.
    changed = True
    while changed:
        changed = False
        shared = shared_furniture([[text for _, text in lines] for lines in kept], options)
        for index in range(len(raw)):
            lines = kept[index]
            reasons = judge_article([text for _, text in lines], titled[index][0], shared, options)
            if not reasons:
                continue
            changed = True
            for position, reason in reasons.items():
                removed[index][lines[position][0]] = reason
            kept[index] = [line for position, line in enumerate(lines) if position not in reasons]
    return [
        _article(article, titled[index][0], titled[index][2], kept[index], removed[index], options)
        for index, article in enumerate(raw)
    ]


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


# A title is a headline, not a paragraph: past this many words the first line is no title.
_MAX_TITLE_WORDS = 30
TITLE_LINE = -1


def _article(
    raw: RawArticle,
    title: str,
    title_removal: list[RemovedLine],
    kept: list[NumberedLine],
    removed: dict[int, str],
    options: CleanOptions,
) -> Article:
    text = join_kept([line for _, line in kept])
    lines = split_lines(raw.text)
    removals = [
        RemovedLine(line=number, text=lines[number], reason=reason) for number, reason in sorted(removed.items())
    ]
    return Article(
        id=content_id(raw.text),
        source=raw.source,
        title=title,
        url=raw.url,
        published=raw.published,
        text=text,
        origin=raw.origin,
        language=detect_language(text, options),
        removed=[*title_removal, *removals],
    )


def _real_title(
    title: str, kept: list[NumberedLine], options: CleanOptions
) -> tuple[str, list[NumberedLine], list[RemovedLine]]:
    """When the line taken as the title is page furniture ("Search", "Menu"), the first kept line is the title.

    Text files take their first line as the title before the cleaner sees them; a page saved as text
    often starts with navigation, and its headline is the next line.
    """
    reason = _furniture(title, options) if title.strip() else None
    if reason is None:
        return title, kept, []
    for position, (_, line) in enumerate(kept):
        if not line.strip():
            continue
        if len(line.split()) > _MAX_TITLE_WORDS or _furniture(line, options):
            break
        removal = RemovedLine(line=TITLE_LINE, text=title, reason=f"{reason} (was taken as the title)")
        return line.strip(), kept[:position] + kept[position + 1 :], [removal]
    return "", kept, [RemovedLine(line=TITLE_LINE, text=title, reason=f"{reason} (was taken as the title)")]


def _furniture(line: str, options: CleanOptions) -> str | None:
    return judge_line(measure(line, options.min_sentence_words), options)
