"""Where one report ends and the next begins, among the attributions of one sentence.

The parser hangs a second report inside the first one's clause ('Several supporters said ..., while other
voters said ...') or a closing reporting clause over a first report by the same speaker ('Other candidates
said ..., but they wouldn't ..., they said'); left so, the outer content would swallow the inner report,
which is then dropped as nested in it. These passes cut the outer content where the inner report begins
or ends. It also hangs a closing 'according to X' inside the report it frames ('Y said ..., according to
X'); that phrase is cut out of the report, which then sits in the phrase's content.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from newsprism.extract.quotes.cues import PRONOUNS_GROUP, PRONOUNS_ORGANISATION, PRONOUNS_PERSON, CueLexicon
from newsprism.extract.quotes.found import Found, Range, has_words, minus, range_span, token_range, trim_cut, within
from newsprism.nlp.analyze import doc_text


def separate_reports(doc: Doc, found: Sequence[Found], quoted: Sequence[Range], lexicon: CueLexicon) -> None:
    """Cut the contents of ``found`` (one sentence's attributions, changed in place) where another report of
    the sentence begins or ends; ``quoted`` are the quotation pieces of ``doc``."""
    _cut_closing_reports_after_reports(doc, found, quoted, lexicon)
    _cut_reports_before_contrasted_reports(doc, found, quoted, lexicon)
    _cut_framing_phrases_from_reports(doc, found, quoted, lexicon)


def _cut_closing_reports_after_reports(
    doc: Doc, found: Sequence[Found], quoted: Sequence[Range], lexicon: CueLexicon
) -> None:
    """'Other candidates said they support charter schools, but they wouldn't advocate for them, they said':
    the closing cue reports what comes after the first report, not the first report too (which would
    then be dropped as nested in it). The closing cue keeps its whole content when nothing of its own is
    left after that report."""
    for closing in found:
        if len(closing.content) != 1 or closing.content[0][1] > closing.cue[0] or closing.source is None:
            continue  # not a reporting clause closing what it reports ('..., they said')
        firsts = [report for report in found if _first_report_of(doc, report, closing, quoted, lexicon)]
        if not firsts:
            continue
        after_first = max(piece[1] for report in firsts for piece in report.content)
        rest = range_span(doc, (after_first, closing.content[0][1]))
        if rest is None or sum(1 for token in rest if token.is_alpha) < 3:
            continue
        remaining = token_range(doc, rest.start, rest.end - 1)
        if remaining is not None:
            closing.content = [remaining]


def _cut_framing_phrases_from_reports(
    doc: Doc, found: Sequence[Found], quoted: Sequence[Range], lexicon: CueLexicon
) -> None:
    """'Kasich said he would have fired him, according to press reports': the phrase tells where the report
    comes from; it is no part of what Kasich said. The parser hangs it inside the reported clause, so the
    report's content held it and the phrase's reading, whose content holds the report, was dropped as
    nested in it. Cut out of the report, the phrase frames it, as PolNeAR marks such sentences (the outer
    attribution alone)."""
    text = doc_text(doc)
    for phrase in found:
        if phrase.source is None or within(phrase.cue, quoted) or not _is_cue_phrase(doc, phrase.cue, lexicon):
            continue
        framed = (phrase.cue[0], max(phrase.cue[1], phrase.source[1]))
        for report in found:
            if report is phrase or not within(phrase.cue, report.content) or not within(report.cue, phrase.content):
                continue
            end = max(piece[1] for piece in report.content)
            if phrase.cue[0] < report.cue[1] or has_words(text, (framed[1], end)):
                continue  # 'The AP reported that, according to an analysis, ...': the reporter's own source
            pieces = [trim_cut(text, part) for piece in report.content for part in minus(piece, framed)]
            pieces = [piece for piece in pieces if has_words(text, piece)]
            if pieces:
                report.content = pieces


def _is_cue_phrase(doc: Doc, cue: Range, lexicon: CueLexicon) -> bool:
    span = range_span(doc, cue)
    return span is not None and tuple(token.lower_ for token in span) in lexicon.phrases


_CONTRASTING = frozenset({"while", "whereas", "but"})


def _cut_reports_before_contrasted_reports(
    doc: Doc, found: Sequence[Found], quoted: Sequence[Range], lexicon: CueLexicon
) -> None:
    """'Several supporters said the former president had made a good case, while other voters said they had
    not heard anything ...': the parser hangs the second report inside the first's clause; the first
    reports what comes before the contrasting word, the second is a report of its own."""
    for outer in found:
        if len(outer.content) != 1 or outer.content[0][0] < outer.cue[1]:
            continue  # the cue must come before what it reports
        whole = range_span(doc, outer.content[0])
        commas = [_contrast_at(doc, outer, inner, quoted, lexicon) for inner in found if inner is not outer]
        comma = min((position for position in commas if position is not None), default=None)
        if whole is not None and comma is not None:
            kept = token_range(doc, whole.start, comma - 1)
            if kept is not None:
                outer.content = [kept]


def _contrast_at(doc: Doc, outer: Found, inner: Found, quoted: Sequence[Range], lexicon: CueLexicon) -> int | None:
    """The comma before ', while <speaker> <cue> <clause>' when ``inner`` is such a report closing the content
    of ``outer``, its cue a lexicon verb outside any quotation; else None."""
    start, end = outer.content[0]
    if inner.source is None or not inner.content or not start < inner.source[0] < min(end, inner.cue[0]):
        return None
    if max(piece[1] for piece in inner.content) < end - 1 or within(inner.cue, quoted):
        return None
    speaker = range_span(doc, inner.source)
    if speaker is None or speaker.start < 2 or not _lexicon_verb(doc, inner.cue, lexicon):
        return None
    if doc[speaker.start - 1].lower_ not in _CONTRASTING or doc[speaker.start - 2].text != ",":
        return None
    return speaker.start - 2 if _states_a_clause(doc, speaker.root, inner) else None


def _states_a_clause(doc: Doc, speaker: Token, report: Found) -> bool:
    """Whether ``speaker`` is the subject of the report's cue and what it reports is a clause: a statement
    ('while 22 percent said they might change their mind'), not a choice ('while 23 percent favored Cruz')."""
    cue = range_span(doc, report.cue)
    content = range_span(doc, report.content[0])
    if cue is None or content is None or speaker.dep_ != "nsubj" or not cue.start <= speaker.head.i < cue.end:
        return False
    return any(token.dep_ in {"nsubj", "nsubjpass"} for token in content)


def _first_report_of(doc: Doc, report: Found, closing: Found, quoted: Sequence[Range], lexicon: CueLexicon) -> bool:
    """Whether ``report`` is a report by the closing cue's speaker that opens what the closing cue reports:
    all of it inside that content and ending before it does, its cue a lexicon verb outside any quotation."""
    start, end = closing.content[0]
    if report.cue == closing.cue or not report.content or report.source is None or closing.source is None:
        return False
    if not start <= min(report.source[0], report.cue[0], report.content[0][0]):
        return False
    if max(piece[1] for piece in report.content) >= end:
        return False
    if within(report.cue, quoted):
        return False
    text = doc_text(doc)
    speakers = text[closing.source[0] : closing.source[1]], text[report.source[0] : report.source[1]]
    return _same_speaker(*speakers) and _lexicon_verb(doc, report.cue, lexicon)


def _same_speaker(closing: str, first: str) -> bool:
    """Whether the closing cue's speaker is the first report's: the same words, or a pronoun standing for them
    ('Other candidates said ..., they said'); 'according to exit polls' frames another speaker's report."""
    return closing == first or closing.lower() in PRONOUNS_PERSON | PRONOUNS_GROUP | PRONOUNS_ORGANISATION


def _lexicon_verb(doc: Doc, cue: Range, lexicon: CueLexicon) -> bool:
    span = range_span(doc, cue)
    return span is not None and any(token.pos_ == "VERB" and token.lemma_.lower() in lexicon.verbs for token in span)
