"""Direct speech: attributions snapped to the quotation marks around what they report.

Ranges are in the coordinates of one ``Doc``; a quote that runs over several paragraphs has pieces
outside the doc, which is why every check here goes through the quote's pieces.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span

from newsprism.extract.quotes.found import Found, Range, overlaps, range_span
from newsprism.extract.quotes.marks import QuotedSpan
from newsprism.nlp.analyze import doc_text

# A quote of fewer words is a scare quote or a title, not a statement standing alone.
_MIN_ORPHAN_WORDS = 3
# Most words between a cue and the second half of a split quote ('"A," he said on Monday, "B."').
_MAX_SPLIT_GAP_WORDS = 8


def _touches(quote: QuotedSpan, span: Range) -> bool:
    return any(overlaps(piece, span) for piece in quote.pieces)


def _covers(quote: QuotedSpan, span: Range) -> bool:
    return quote.start <= span[0] and span[1] <= quote.end


def _words(doc: Doc, start: int, end: int) -> int:
    return len(doc_text(doc)[max(start, 0) : max(end, 0)].split())


def attach_quotes(doc: Doc, sentences: Sequence[Span], found: list[list[Found]], quotes: Sequence[QuotedSpan]) -> None:
    """Snap each attribution's content to the quotes it reports and give quotes standing alone a speaker.

    ``found[n]`` holds the attributions of ``sentences[n]``; they are changed in place and new ones appended.
    """
    claimed: set[int] = set()
    # Cues whose parse reaches a quotation claim it first; a cue with nothing of its own to report ('said:')
    # takes only a quotation left over: in 'Asked whether Russia would attack, Chizhov joked: "..."' the
    # quotation is what 'joked' governs, not what 'attack' waits for.
    nearby = [
        [k for k, quote in enumerate(quotes) if _touches(quote, (sentence.start_char, sentence.end_char))]
        for sentence in sentences
    ]
    for number, items in enumerate(found):
        for item in items:
            if item.content:
                _snap(doc, item, quotes, nearby[number], claimed)
    for number, items in enumerate(found):
        bare = [item for item in items if not item.content]
        if bare:  # most sentences have no such cue: the quotations before them are not looked at
            cut_off = _cut_off_before(doc, quotes, sentences[number].start_char)
            for item in bare:
                _snap(doc, item, quotes, nearby[number] + cut_off, claimed)
    _attach_orphans(doc, sentences, found, quotes, claimed)


def _cut_off_before(doc: Doc, quotes: Sequence[QuotedSpan], start: int) -> list[int]:
    """Short quotations the splitter cut off right before the sentence at ``start`` ('"Filth out!" | she
    wrote, arguing ...'), which a cue with nothing to report may take: those that end as a quotation before
    its reporting clause does, in a comma, '!' or '?', not in a period."""
    text = doc_text(doc)
    return [
        k
        for k, quote in enumerate(quotes)
        if 0 <= quote.end <= start
        and not text[quote.end : start].strip()
        and _words(doc, quote.start, quote.end) < _MIN_ORPHAN_WORDS
        and text[: quote.end].rstrip("\"'”’ ").endswith(("!", "?", ","))
    ]


def _snap(doc: Doc, item: Found, quotes: Sequence[QuotedSpan], nearby: list[int], claimed: set[int]) -> None:
    usable = [
        k
        for k in nearby
        if not _touches(quotes[k], item.cue) and not (item.source is not None and _touches(quotes[k], item.source))
    ]
    said = _said_before_a_prepositional_cue(doc, item, quotes, [k for k in usable if k not in claimed])
    if said is not None:
        item.content, item.quoted = list(quotes[said].pieces), True
        claimed.add(said)
        return
    if not item.content:
        # "He said:" followed by the quote, or a cue with no complement the parser could see.
        taken = [
            k
            for k in usable
            if k not in claimed
            and (
                _words(doc, quotes[k].start, quotes[k].end) >= 2
                or _just_before(doc, quotes[k], item)
                or _just_after(doc, quotes[k], item)
            )
        ]
        if taken:
            item.content = [piece for k in taken for piece in quotes[k].pieces]
            item.quoted = True
            claimed.update(taken)
        return
    snapped: list[Range] = []
    for piece in item.content:
        holders = [k for k in usable if _touches(quotes[k], piece)]
        whole = [k for k in holders if _covers(quotes[k], piece) or _mostly_quoted(quotes[k], piece)]
        if whole:
            for k in whole:
                snapped.extend(p for p in quotes[k].pieces if p not in snapped)
            claimed.update(whole)
            item.quoted = True
        else:
            snapped.append(piece)
            item.partial = item.partial or bool(holders)
            claimed.update(holders)
    if item.quoted:
        # The halves of a quote split by its cue: '"A," said Smith, "B."' or '"A," Smith said, "B."'.
        for k in usable:
            quote = quotes[k]
            if k in claimed:
                continue
            after = quote.start >= item.cue[1] and _words(doc, item.cue[1], quote.start) <= _MAX_SPLIT_GAP_WORDS
            if after or _just_before(doc, quote, item):
                snapped.extend(quote.pieces)
                claimed.add(k)
    item.content = sorted(set(snapped))


def _just_before(doc: Doc, quote: QuotedSpan, item: Found) -> bool:
    """Whether the quotation ends right before the speaker and cue, nothing but punctuation between: the
    first half of a split quote, or a one-word answer ('“Denver,” he answered.') rather than a scare quote."""
    opening = min(item.cue[0], item.source[0]) if item.source is not None else item.cue[0]
    return quote.end <= opening and _words(doc, quote.end, opening) == 0


def _just_after(doc: Doc, quote: QuotedSpan, item: Found) -> bool:
    """Whether a one-word quotation follows the cue set off by a comma or colon ('Priebus said, "Probably."',
    'asked, “Really?”'): an answer given in the cue's words, not a scare quote."""
    closing = max(item.cue[1], item.source[1]) if item.source is not None else item.cue[1]
    # The comma or colon sets it off as what was said; 'makes Latinos feel “Invisible.”' only borrows a word.
    return quote.start >= closing and doc_text(doc)[closing : quote.start].strip() in {",", ":"}


def _mostly_quoted(quote: QuotedSpan, piece: Range) -> bool:
    inside = sum(max(0, min(end, piece[1]) - max(start, piece[0])) for start, end in quote.pieces)
    return inside >= 0.6 * (piece[1] - piece[0])


def _attach_orphans(
    doc: Doc, sentences: Sequence[Span], found: list[list[Found]], quotes: Sequence[QuotedSpan], claimed: set[int]
) -> None:
    """Quotes no cue reports: the speaker of the sentence before (continuing, or after a colon) or after."""
    for k, quote in enumerate(quotes):
        if k in claimed or _words(doc, quote.start, quote.end) < _MIN_ORPHAN_WORDS:
            continue
        # The sentence of the quote's first word: the splitter may leave an opening mark on the sentence before.
        opening = _first_word(doc, quote)
        first = next((n for n, s in enumerate(sentences) if s.end_char > opening), None)
        last = next((n for n in range(len(sentences) - 1, -1, -1) if sentences[n].start_char < quote.end), None)
        if first is None or last is None or doc_text(doc)[sentences[first].start_char : max(quote.start, 0)].strip():
            continue  # the quote does not open its sentence: part of a sentence no cue covers
        before = [item for item in found[first - 1] if item.source is not None] if first > 0 else []
        after = [item for item in found[last + 1] if item.source is not None] if last + 1 < len(sentences) else []
        # The sentence before hands the quote to its last speaker when that one is quoting already, when its
        # cue reports nothing of its own ('..., said in a statement. “...”'), or when it ends in a colon.
        if before and (before[-1].quoted or not before[-1].content or _ends_in_colon(doc, sentences[first - 1])):
            target = before[-1]
            target.content = sorted({*target.content, *quote.pieces})
            target.quoted = True
        elif after:
            speaker = after[0]
            if speaker.content and not _reports_only_a_prepositional_object(doc, speaker):
                found[last + 1].append(Found(cue=speaker.cue, source=speaker.source, content=list(quote.pieces)))
                found[last + 1][-1].quoted = True
            else:
                speaker.content, speaker.quoted = list(quote.pieces), True
        else:
            continue
        claimed.add(k)


def _said_before_a_prepositional_cue(
    doc: Doc, item: Found, quotes: Sequence[QuotedSpan], free: Sequence[int]
) -> int | None:
    """'“... Does that fly?” Axelrod asked on Twitter': where it was asked is not what was asked; the
    quotation opening the sentence right before the cue is. Not for a participle ('...,” he said, referring
    to the seats' reports what it refers to)."""
    if not item.content or not _reports_only_a_prepositional_object(doc, item) or _participle(doc, item.cue):
        return None
    before = [k for k in free if _just_before(doc, quotes[k], item) and _opens_sentence(doc, quotes[k], item)]
    return before[-1] if before else None


def _reports_only_a_prepositional_object(doc: Doc, item: Found) -> bool:
    """Whether all a cue reports is what a preposition hung on it governs: in '“...!” Mr. Trump wrote on
    Twitter.' or '“...” Clinton said to People.' that is where or to whom it was said, and the quotation
    before is what was said."""
    if len(item.content) != 1:
        return False
    content = range_span(doc, item.content[0])
    cue = range_span(doc, item.cue)
    if content is None or cue is None:
        return False
    preposition = content.root.head
    return (
        content.root.dep_ == "pobj"  # not a clause ('spoke about how ... he's noticed ...')
        and preposition.dep_ == "prep"
        and cue.start <= preposition.head.i < cue.end
    )


def _opens_sentence(doc: Doc, quote: QuotedSpan, item: Found) -> bool:
    """Whether ``quote`` opens the sentence of ``item``'s cue ('In an interview with "Fox and Friends," Trump
    pointed to China': a title in a phrase, not what was said)."""
    cue = range_span(doc, item.cue)
    if cue is None:
        return False
    return not doc_text(doc)[cue.sent.start_char : max(quote.start, cue.sent.start_char)].strip()


def _participle(doc: Doc, cue: Range) -> bool:
    span = range_span(doc, cue)
    return span is not None and span.root.tag_ == "VBG"


def _ends_in_colon(doc: Doc, sentence: Span) -> bool:
    """Whether ``sentence`` ends in a colon, white space aside ('Cruz continued:')."""
    return doc_text(doc)[sentence.start_char : sentence.end_char].rstrip().endswith(":")


def _first_word(doc: Doc, quote: QuotedSpan) -> int:
    """Where the first letter or digit of a quote lies in ``doc`` (its start if it has none in the doc)."""
    start = max(quote.start, 0)
    text = doc_text(doc)
    for position in range(start, min(quote.end, len(text))):
        if text[position].isalnum():
            return position
    return start
