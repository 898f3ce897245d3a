"""A brief as Markdown: for files, chat and review tools, and (short) for the terminal.

Article text is untrusted. Every article-derived string is escaped so that, whatever Markdown
flavour renders it, it stays text: it cannot open a link, an image, raw HTML, a heading or a list.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.console import Console
from rich.markdown import Markdown

from newsprism.model import Brief, Citation, Claim, KeyPoint, OnlyIn, SourceEntry
from newsprism.render.fields import (
    actor_groups,
    agreed_points,
    placed_cue,
    published_text,
    roles_by_source,
    web_url,
)

# Backslash escapes cover CommonMark; "<", ">" and "&" become entities instead because older
# flavours (Markdown.pl) do not honour "\<", and an entity is text in every flavour.
_ESCAPES = str.maketrans({**{char: "\\" + char for char in "\\`*_[]!|~#"}, "&": "&amp;", "<": "&lt;", ">": "&gt;"})
# At the start of a list item these would open a nested list ("2024. The year..." is an ordered list).
_BULLET_MARKER = re.compile(r"^([-+])")
_NUMBER_MARKER = re.compile(r"^(\d{1,9})([.)])")


def escape_markdown(text: str) -> str:
    """Untrusted text as inert inline Markdown: whitespace collapsed to one line, markup characters escaped."""
    line = " ".join(text.split()).translate(_ESCAPES)
    line = _BULLET_MARKER.sub(r"\\\1", line)
    return _NUMBER_MARKER.sub(r"\1\\\2", line)


def render_markdown(brief: Brief, short: bool = False) -> str:
    """The brief as Markdown; ``short`` keeps only headline, key points and sources (for a terminal)."""
    sections = [_headline(brief), _key_points(brief.key_points)]
    if not short and (agreed := agreed_points(brief)):
        sections.append("## Agreed by most sources\n\n" + "\n".join(f"- {_point(p)}" for p in agreed))
    if not short and (disputed := [claim for claim in brief.claims if claim.disputers]):
        sections.append(_disputed(disputed))
    if not short and brief.conflicts:
        sections.append(_conflicts(brief))
    if not short and brief.numbers:
        sections.append(_numbers(brief))
    if not short and brief.timeline:
        sections.append(_timeline(brief))
    if not short and brief.quotes:
        sections.append(_who_said_what(brief))
    if not short and brief.only_in:
        sections.append(_only_in(brief.only_in, brief.sources))
    if not short and brief.people:
        sections.append(_people(brief))
    if not short and brief.source_notes:
        sections.append(_source_notes(brief))
    sections.append(_sources(brief.sources))
    if not short and brief.notes:
        sections.append("## Notes\n\n" + "\n".join(f"- {escape_markdown(note)}" for note in brief.notes))
    return "\n\n".join(sections) + "\n"


def print_markdown(markdown: str, console: Console | None = None) -> None:
    """Show Markdown richly formatted in a terminal (headings, lists, links where the terminal supports them)."""
    (console or Console()).print(Markdown(markdown))


def _headline(brief: Brief) -> str:
    if brief.headline is None:
        return "# Brief"
    return f"# {escape_markdown(brief.headline.text)} [{brief.headline.source}]"


def _key_points(points: list[KeyPoint]) -> str:
    if not points:
        return "## Key points\n\n*No key points: the sources share no reportable sentence.*"
    items = [f"{number}. {_point(point)}" for number, point in enumerate(points, start=1)]
    return "## Key points\n\n" + "\n".join(items)


def _point(point: KeyPoint) -> str:
    return _said(point.text, point.citations)


def _citations(citations: Iterable[Citation]) -> str:
    # Each source once, in order of first citation: "[1][3]" reads as "sources 1 and 3".
    numbers = dict.fromkeys(citation.source for citation in citations)
    return "".join(f"[{number}]" for number in numbers)


def _only_in(only_in: list[OnlyIn], sources: list[SourceEntry]) -> str:
    names = {entry.number: entry.source for entry in sources}
    blocks = ["## Only in one source"]
    for group in only_in:
        name = escape_markdown(names.get(group.source, "unknown source"))
        points = "\n".join(f"- {_point(point)}" for point in group.points)
        blocks.append(f"### [{group.source}] {name}\n\n{points}")
    return "\n\n".join(blocks)


def _sources(sources: list[SourceEntry]) -> str:
    if not sources:
        return "## Sources\n\n*No sources.*"
    return "## Sources\n\n" + "\n".join(f"- {_source(entry)}" for entry in sources)


def _source(entry: SourceEntry) -> str:
    fields = [f"[{entry.number}] {escape_markdown(entry.source)}"]
    if entry.title:
        fields.append(escape_markdown(entry.title))
    if entry.url:
        link = web_url(entry.url)
        # An autolink renders only http(s); any other scheme is shown as plain, escaped text.
        fields.append(f"<{link}>" if link else escape_markdown(entry.url))
    if entry.published:
        fields.append(published_text(entry.published))
    if entry.duplicate_of is not None:
        fields.append(f"copy of [{entry.duplicate_of}]")
    return " — ".join(fields)


def _who_said_what(brief: Brief) -> str:
    blocks = ["## Who said what"]
    for actor, entries in actor_groups(brief.quotes):
        lines = []
        for entry in entries:
            who = f"**{escape_markdown(entry.speaker)}**"
            notes = [escape_markdown(entry.role)] if entry.role else []
            if entry.speaker_as_written:
                notes.append(f"written “{escape_markdown(entry.speaker_as_written)}”")
            if notes:
                who += f" ({'; '.join(notes)})"
            words, first = placed_cue(entry.cue)
            cue = escape_markdown(words)
            reported = "" if entry.kind == "direct" else " (reported)"
            # 'According to **NATO** (reported): ...', but '**NATO** said (reported): ...'.
            said = f"{cue} {who}" if first else f"{who} {cue}".rstrip()
            lines.append(f"- {said}{reported}: {escape_markdown(entry.text)} {_citations(entry.citations)}")
        blocks.append(f"### {escape_markdown(actor)}\n\n" + "\n".join(lines))
    return "\n\n".join(blocks)


def _people(brief: Brief) -> str:
    number_of = {entry.article_id: entry.number for entry in brief.sources}
    lines = []
    for person in brief.people:
        line = f"- **{escape_markdown(person.name)}**"
        others = [name for name in person.names if name != person.name]
        if others:
            line += " (also " + ", ".join(escape_markdown(name) for name in others) + ")"
        roles = roles_by_source(person, number_of)
        if roles:
            line += ": " + "; ".join(f"{escape_markdown(role)} [{number}]" for role, number in roles)
        lines.append(line)
    return "## People\n\n" + "\n".join(lines)


def _conflicts(brief: Brief) -> str:
    lines = []
    for conflict in brief.conflicts:
        sides = " vs ".join(_said(v.text, v.citations) for v in conflict.values)
        lines.append(f"- **{escape_markdown(conflict.subject)}** ({escape_markdown(conflict.kind)}): {sides}")
    return "## Conflicting facts\n\n" + "\n".join(lines)


def _source_notes(brief: Brief) -> str:
    names = {entry.number: entry.source for entry in brief.sources}
    blocks = ["## Source notes", "*Measured signals to check, not verdicts on an outlet.*"]
    for note in brief.source_notes:
        lines = [f"### [{note.source}] {escape_markdown(names.get(note.source, ''))}", ""]
        lines.append(f"- reports {note.only_in} point(s) no other source does")
        if note.minority:
            lines.append("- stands alone on: " + "; ".join(escape_markdown(m) for m in note.minority))
        if note.removed_lines:
            examples = ", ".join(f"“{escape_markdown(e)}”" for e in note.removed_examples)
            lines.append(f"- {note.removed_lines} boilerplate line(s) removed, e.g. {examples}")
        for signal in note.signals:
            others = f" (others: {signal.others:.2f})" if signal.others is not None else ""
            lines.append(
                f"- {escape_markdown(signal.name)}: {signal.value:.2f}{others}: {escape_markdown(signal.meaning)}"
            )
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _numbers(brief: Brief) -> str:
    lines = []
    for entry in brief.numbers:
        figures = "; ".join(_said(f.text, f.citations) for f in entry.figures)
        lines.append(f"- **{escape_markdown(entry.measure)}** ({escape_markdown(entry.kind)}): {figures}")
    return "## Numbers reported\n\n" + "\n".join(lines)


def _timeline(brief: Brief) -> str:
    lines = []
    for item in brief.timeline:
        when = escape_markdown(item.date if item.date else f"{item.date_text} (date unresolved)")
        lines.append(f"- **{when}**: {_said(item.text, item.citations)}")
    return "## Timeline\n\n" + "\n".join(lines)


def _disputed(claims: list[Claim]) -> str:
    blocks = ["## Disputed"]
    for claim in claims:
        # "(claim)", not "claims": the claimant may be one person or many ("Russian officials").
        lines = [f"- **{escape_markdown(claim.claimant)}** (claim): {_said(claim.text, claim.citations)}"]
        lines += [
            f"  - disputed by **{escape_markdown(s.speaker)}**: {_said(s.text, s.citations)}" for s in claim.disputers
        ]
        lines += [
            f"  - supported by **{escape_markdown(s.speaker)}**: {_said(s.text, s.citations)}" for s in claim.supporters
        ]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def _said(text: str, citations: list[Citation]) -> str:
    """Verbatim source text, escaped, followed by its citations."""
    return f"{escape_markdown(text)} {_citations(citations)}".rstrip()
