"""Attributions of one parsed ``Doc``: find cues, snap to quotation marks, build ``Quote`` records."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from newsprism.extract.quotes.cues import (
    PRONOUNS_GROUP,
    PRONOUNS_ORGANISATION,
    PRONOUNS_PERSON,
    CueLexicon,
    load_cues,
)
from newsprism.extract.quotes.direct import attach_quotes
from newsprism.extract.quotes.found import Found, Range, token_range
from newsprism.extract.quotes.indirect import find_attributions
from newsprism.extract.quotes.labels import colon_speakers, label_words, opening_label, speaker_label
from newsprism.extract.quotes.marks import QuotedSpan, find_quotes
from newsprism.extract.quotes.speakers import resolve_speakers
from newsprism.extract.records import Quote, QuoteKind, TextSpan
from newsprism.model import Mention
from newsprism.nlp.analyze import doc_text
from newsprism.nlp.paragraphs import split_paragraphs


def extract_quotes(doc: Doc, article_id: str, offset: int = 0, lexicon: CueLexicon | None = None) -> list[Quote]:
    """Every attributed statement of ``doc``, whose text starts at ``offset`` in its article."""
    lexicon = lexicon or load_cues()
    text = doc_text(doc)
    paragraphs = [(p.start, p.end) for p in split_paragraphs(text)]
    quoted = find_quotes(text, paragraphs)
    found = outermost(find_in_doc(doc, quoted, lexicon), quoted)
    quotes = build_quotes(found, text, article_id, shift=offset)
    subjects = main_clause_subjects(doc, article_id, offset)
    return resolve_speakers(quotes, doc_mentions(doc, article_id, offset), lexicon, subjects)


def find_in_doc(doc: Doc, quotes: Sequence[QuotedSpan], lexicon: CueLexicon) -> list[Found]:
    """Attributions in doc coordinates; ``quotes`` are the quotations touching the doc, in its coordinates."""
    label = opening_label(doc)
    if label is not None and label_words(label) in lexicon.notices:
        return []  # 'Correction: An earlier version of this article incorrectly listed ...' is about the article
    sentences = list(doc.sents)
    found = [find_attributions(sentence, lexicon) + colon_speakers(sentence) for sentence in sentences]
    attach_quotes(doc, sentences, found, quotes)
    _give_dangling_cues_the_sentence_before(doc, sentences, found)
    quoted = [piece for quote in quotes for piece in quote.pieces]
    for per_sentence in found:
        _cut_closing_reports_after_reports(doc, per_sentence, quoted, lexicon)
        _cut_reports_before_contrasted_reports(doc, per_sentence, quoted, lexicon)
    labelled = speaker_label(doc, lexicon.not_speaker_labels)
    if labelled is not None and sentences:
        found[0].append(labelled)
    kept: list[Found] = []
    seen: set[tuple[Range, Range]] = set()
    # 'Trump issued a statement saying "..."': both cues give Trump the same quotation; it is said once.
    said: set[tuple[Range | None, tuple[Range, ...]]] = set()
    introduces = doc_text(doc).rstrip().endswith(":")
    for item in (item for per_sentence in found for item in per_sentence):
        if not item.content:
            # 'Cruz continued:' closing a paragraph: kept without content for the quotation that follows it.
            if introduces and item.source is not None and sentences and item.cue[0] >= sentences[-1].start_char:
                kept.append(item)
            continue
        statement = (item.source, tuple(item.content))
        if (item.cue, item.content[0]) in seen or statement in said:
            continue
        seen.add((item.cue, item.content[0]))
        said.add(statement)
        kept.append(item)
    return kept


def _give_dangling_cues_the_sentence_before(doc: Doc, sentences: Sequence[Span], found: list[list[Found]]) -> None:
    """'..., he said.' cut off by the sentence splitter: the cue reports the sentence before it."""
    text = doc_text(doc)
    for number in range(1, len(sentences)):
        sentence = sentences[number]
        for item in found[number]:
            if item.content or item.source is None or text[sentence.start_char : item.source[0]].strip(" ,\"'”’"):
                continue
            if any(character.isalnum() for character in text[max(item.cue[1], item.source[1]) : sentence.end_char]):
                continue  # "Economists expect to save $2 billion": words after the cue, so not a cut-off "he said"
            if any(other.content for other in found[number - 1]):
                continue
            before = sentences[number - 1]
            content = token_range(doc, before.start, before.end - 1)
            if content is not None:
                item.content = [content]


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
        rest = doc.char_span(after_first, closing.content[0][1], alignment_mode="expand")
        if rest is None or sum(1 for token in rest if token.is_alpha) < 3:
            continue
        remaining = token_range(doc, rest.start, rest.end - 1)
        if remaining is not None:
            closing.content = [remaining]


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
        whole = doc.char_span(*outer.content[0], alignment_mode="expand")
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
    if max(piece[1] for piece in inner.content) < end - 1 or _in_quotation(inner.cue, quoted):
        return None
    speaker = doc.char_span(*inner.source, alignment_mode="expand")
    if speaker is None or speaker.start < 2 or not _lexicon_verb(doc, inner.cue, lexicon):
        return None
    if doc[speaker.start - 1].lower_ not in _CONTRASTING or doc[speaker.start - 2].text != ",":
        return None
    return speaker.start - 2 if _states_a_clause(doc, speaker.root, inner) else None


def _in_quotation(cue: Range, quoted: Sequence[Range]) -> bool:
    return any(start <= cue[0] and cue[1] <= end for start, end in quoted)


def _states_a_clause(doc: Doc, speaker: Token, report: Found) -> bool:
    """Whether ``speaker`` is the subject of the report's cue and what it reports is a clause: a statement
    ('while 22 percent said they might change their mind'), not a choice ('while 23 percent favored Cruz')."""
    cue = doc.char_span(*report.cue, alignment_mode="expand")
    content = doc.char_span(*report.content[0], alignment_mode="expand")
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
    if _in_quotation(report.cue, quoted):
        return False
    text = doc_text(doc)
    speakers = text[closing.source[0] : closing.source[1]], text[report.source[0] : report.source[1]]
    return _same_speaker(*speakers) and _lexicon_verb(doc, report.cue, lexicon)


def _same_speaker(closing: str, first: str) -> bool:
    """Whether the closing cue's speaker is the first report's: the same words, or a pronoun standing for them
    ('Other candidates said ..., they said'); 'according to exit polls' frames another speaker's report."""
    return closing == first or closing.lower() in PRONOUNS_PERSON | PRONOUNS_GROUP | PRONOUNS_ORGANISATION


def _lexicon_verb(doc: Doc, cue: Range, lexicon: CueLexicon) -> bool:
    span = doc.char_span(*cue, alignment_mode="expand")
    return span is not None and any(token.pos_ == "VERB" and token.lemma_.lower() in lexicon.verbs for token in span)


def outermost(found: Sequence[Found], quotes: Sequence[QuotedSpan]) -> list[Found]:
    """Attributions whose cue lies in no quotation and in no other attribution's content.

    Attributions do not nest in news annotation (PolNeAR marks none): in 'Smith said Jones wants a deal'
    or '"I know they will vote," Smith said' the inner verbs are part of what Smith said, not attributions
    of their own; marked separately they are mostly wrong (precision 0.1 on a PolNeAR train sample).
    """
    quoted = [piece for quote in quotes for piece in quote.pieces]

    def inside(cue: Range, pieces: Sequence[Range]) -> bool:
        return any(start <= cue[0] and cue[1] <= end for start, end in pieces)

    # Outer attributions first, so that one dropped for sitting inside another does not in turn drop
    # the attributions inside its own content ('A said B told C that ...': C's cue is only in B's content).
    kept: list[Found] = []
    for item in sorted(found, key=lambda item: -sum(end - start for start, end in item.content)):
        if not inside(item.cue, quoted) and not any(inside(item.cue, other.content) for other in kept):
            kept.append(item)
    # A shorter attribution kept first may still hold the cue of a longer one in its content.
    return [
        item
        for item in found
        if any(item is other for other in kept)
        and not any(other is not item and inside(item.cue, other.content) for other in kept)
    ]


def build_quotes(found: Sequence[Found], text: str, article_id: str, shift: int = 0) -> list[Quote]:
    """Records from attributions whose ranges index ``text``; offsets in the records are moved by ``shift``."""

    def span(piece: Range) -> TextSpan:
        return TextSpan(start=piece[0] + shift, end=piece[1] + shift, text=text[piece[0] : piece[1]])

    quotes: list[Quote] = []
    for item in found:
        content = [span(piece) for piece in item.content if piece[1] > piece[0]]
        if not content:
            continue
        kind: QuoteKind = "direct" if item.quoted else "partial" if item.partial else "indirect"
        quotes.append(
            Quote(
                article_id=article_id,
                kind=kind,
                cue=span(item.cue),
                content=content,
                speaker=span(item.source) if item.source is not None else None,
            )
        )
    return quotes


def doc_mentions(doc: Doc, article_id: str, offset: int) -> list[Mention]:
    """The doc's named entities as article mentions."""
    return [
        Mention(
            article_id=article_id,
            start=entity.start_char + offset,
            end=entity.end_char + offset,
            text=entity.text,
            label=entity.label_,
        )
        for entity in doc.ents
    ]


def main_clause_subjects(doc: Doc, article_id: str, offset: int) -> list[Mention]:
    """The people the doc names as the subject of a main clause ('Jolly, who was elected in 2014, doesn't
    see ...', 'Trump's running mate — Mike Pence — has thrown ...'), as person mentions of the article.

    A proper noun no entity covers counts too: the NER misses many a surname ('Jolly', 'Tamargo'), and
    such a subject is mostly a person. On the pronoun bench that took 58 -> 61 and 56 -> 58 of 70. A title
    over a name the NER did tag ('Ambassador ... Vladimir Chizhov') is left to the name. So is a person in a
    phrase that opens the sentence ('Even for US President Joe Biden, there is no confirmation ...').
    """
    names = [(entity.start, entity.end) for entity in doc.ents if entity.label_ == "PERSON"]
    for token in doc:
        if token.pos_ != "PROPN" or token.ent_type_ or token.dep_ not in _SUBJECTS:
            continue
        if any(word.ent_type_ == "PERSON" for word in token.subtree):
            continue  # a title over a name ('Ambassador ... Vladimir Chizhov'): the name stands for it
        first = token.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and not doc[first - 1].ent_type_:
            first -= 1  # 'Darran Whiting': the whole untagged name
        names.append((first, token.i + 1))
    return [
        Mention(
            article_id=article_id,
            start=doc[start].idx + offset,
            end=doc[end - 1].idx + len(doc[end - 1]) + offset,
            text=doc[start:end].text,
            label="PERSON",
        )
        for start, end in sorted(names)
        if _main_clause_subject(doc[start:end].root) or _fronted_person(doc[start:end].root)
    ]


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


def _main_clause_subject(noun: Token) -> bool:
    """Whether a noun is the subject of the sentence's main verb (or of a verb joined to it)."""
    # A name in apposition, compounded or joined to another noun stands where that noun stands.
    while noun.dep_ in {"appos", "compound", "conj"} and noun.head.i != noun.i:
        noun = noun.head
    if noun.dep_ not in _SUBJECTS:
        return False
    verb = noun.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ == "ROOT"


def _fronted_person(noun: Token) -> bool:
    """'Even for US President Joe Biden, there is no confirmation ...': a person in a phrase that opens the
    sentence, set off by a comma, is what the sentence is about, as a main clause's subject is."""
    while noun.dep_ in {"appos", "compound", "conj"} and noun.head.i != noun.i:
        noun = noun.head
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.head.dep_ != "ROOT":
        return False
    doc = noun.doc
    after = prep.right_edge.i + 1
    opens = all(word.pos_ in {"ADV", "PUNCT"} for word in doc[noun.sent.start : prep.i])
    return opens and after < len(doc) and doc[after].text == ","
