"""Attributions of one parsed ``Doc``: find cues, snap to quotation marks, build ``Quote`` records."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import LOWER, POS
from spacy.tokens import Doc, Span, Token

from newsprism.extract.quotes.cues import CueLexicon, load_cues
from newsprism.extract.quotes.direct import attach_quotes
from newsprism.extract.quotes.found import Found, Range, has_words, range_span, token_range, within
from newsprism.extract.quotes.gender import article_genders
from newsprism.extract.quotes.holders import doc_holders
from newsprism.extract.quotes.indirect import find_attributions
from newsprism.extract.quotes.labels import colon_speakers, label_words, opening_label, speaker_label
from newsprism.extract.quotes.marks import QuotedSpan, find_quotes, quoted_pieces
from newsprism.extract.quotes.report_bounds import separate_reports
from newsprism.extract.quotes.signatures import signed_quotations
from newsprism.extract.quotes.speakers import resolve_speakers
from newsprism.extract.records import Quote, QuoteKind, TextSpan
from newsprism.model import Mention
from newsprism.nlp.analyze import doc_text, sentence_bounds, tokens_among
from newsprism.nlp.paragraphs import split_paragraphs


def extract_quotes(doc: Doc, article_id: str, offset: int = 0, lexicon: CueLexicon | None = None) -> list[Quote]:
    """Every attributed statement of ``doc``, whose text starts at ``offset`` in its article."""
    lexicon = lexicon or load_cues()
    text = doc_text(doc)
    quoted = doc_quotations(doc)
    found = outermost(find_in_doc(doc, quoted, lexicon), quoted)
    quotes = build_quotes(found, text, article_id, shift=offset)
    subjects = main_clause_subjects(doc, article_id, offset)
    holders = doc_holders(doc, article_id, offset, lexicon.organisation_nouns, lexicon.person_titles)
    mentions = doc_mentions(doc, article_id, offset)
    genders = article_genders(text, mentions)
    return resolve_speakers(quotes, mentions, lexicon, subjects, holders, genders, relative_antecedents(doc, offset))


def doc_quotations(doc: Doc) -> list[QuotedSpan]:
    """The quotations of ``doc``, paragraph by paragraph, in its coordinates."""
    text = doc_text(doc)
    return find_quotes(text, [(p.start, p.end) for p in split_paragraphs(text)])


def find_in_doc(doc: Doc, quotes: Sequence[QuotedSpan], lexicon: CueLexicon) -> list[Found]:
    """Attributions in doc coordinates; ``quotes`` are the quotations touching the doc, in its coordinates."""
    label = opening_label(doc)
    if label is not None and label_words(label) in lexicon.notices:
        return []  # 'Correction: An earlier version of this article incorrectly listed ...' is about the article
    sentences = list(doc.sents)
    found = [find_attributions(sentence, lexicon) + colon_speakers(sentence) for sentence in sentences]
    for signed in signed_quotations(doc, quotes):
        # Filed with the sentence its quotation ends in, which ``attach_quotes`` looks at for it, so the
        # quotation counts as claimed and is handed to no other speaker.
        number = next((n for n, s in enumerate(sentences) if s.end_char >= signed.content[-1][1]), len(sentences) - 1)
        found[number].append(signed)
    attach_quotes(doc, sentences, found, quotes)
    _give_dangling_cues_the_sentence_before(doc, sentences, found)
    quoted = quoted_pieces(quotes)
    for per_sentence in found:
        separate_reports(doc, per_sentence, quoted, lexicon)
    labelled = speaker_label(doc, lexicon.not_speaker_labels)
    if labelled is not None and sentences:
        found[0].append(labelled)
    kept: list[Found] = []
    seen: set[tuple[Range, Range]] = set()
    # 'Trump issued a statement saying "..."': both cues give Trump the same quotation; it is said once.
    said: set[tuple[Range | None, tuple[Range, ...]]] = set()
    introduces = doc_text(doc).rstrip().endswith(":")
    readings = [item for per_sentence in found for item in per_sentence]
    for item in (item for item in readings if not _claimed_by_the_cue_it_governs(doc, item, readings)):
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
    for item in kept:
        item.cue = _with_its_preposition(doc, item)
    return kept


def _with_its_preposition(doc: Doc, item: Found) -> Range:
    """The cue with the preposition right after it when what it reports begins with that preposition's
    object ('spoke of isolated violations', 'called for talks', 'referring to the candidate'): the cue reads as
    the writer put it, as PolNeAR marks it, and the content stays what the preposition governs. Read on the
    final content, so a quotation said after 'wrote on Twitter' leaves 'wrote' alone."""
    cue = range_span(doc, item.cue)
    if cue is None or not item.content or cue.end + 1 >= len(doc):
        return item.cue
    preposition = doc[cue.end]
    if preposition.dep_ != "prep" or not cue.start <= preposition.head.i < cue.end:
        return item.cue
    if item.content[0][0] != doc[preposition.i + 1].idx:
        return item.cue
    return item.cue[0], preposition.idx + len(preposition)


def _claimed_by_the_cue_it_governs(doc: Doc, item: Found, readings: Sequence[Found]) -> bool:
    """Whether another cue claims the same content from inside what this cue governs, as a free relative
    clause: in 'ministers met to discuss what the alliance has called "..."' both cues snap to the
    quotation, which the alliance said; the ministers discuss the thing, not those words."""
    if not item.content:
        return False
    for other in readings:
        if other is item or other.content != item.content:
            continue
        if not item.cue[1] <= other.cue[0] < other.cue[1] <= item.content[0][0]:
            continue
        cue, inner = range_span(doc, item.cue), range_span(doc, other.cue)
        if cue is None or inner is None or not cue.root.is_ancestor(inner.root):
            continue
        if _spoken_by_a_pronoun(doc, other):
            continue  # 'It is denouncing what it calls "..."': the same speaker's words, its own report
        if any(child.tag_ == "WP" and child.dep_ in {"dobj", "oprd"} for child in inner.root.children):
            return True
    return False


def _spoken_by_a_pronoun(doc: Doc, item: Found) -> bool:
    """Whether the speaker of ``item`` is a pronoun (or not given): one that may be the governing cue's own."""
    speaker = range_span(doc, item.source) if item.source is not None else None
    return speaker is None or speaker.root.pos_ == "PRON"


def _give_dangling_cues_the_sentence_before(doc: Doc, sentences: Sequence[Span], found: list[list[Found]]) -> None:
    """'..., he said.' cut off by the sentence splitter: the cue reports the sentence before it."""
    text = doc_text(doc)
    for number in range(1, len(sentences)):
        sentence = sentences[number]
        for item in found[number]:
            if item.content or item.source is None or text[sentence.start_char : item.source[0]].strip(" ,\"'”’"):
                continue
            if has_words(text, (max(item.cue[1], item.source[1]), sentence.end_char)):
                continue  # "Economists expect to save $2 billion": words after the cue, so not a cut-off "he said"
            if any(other.content for other in found[number - 1]):
                continue
            before = sentences[number - 1]
            content = token_range(doc, before.start, before.end - 1)
            if content is not None:
                item.content = [content]


def outermost(found: Sequence[Found], quotes: Sequence[QuotedSpan]) -> list[Found]:
    """Attributions whose cue lies in no quotation and in no other attribution's content, unless it ``nests``.

    Attributions mostly do not nest in news annotation: in 'Smith said Jones wants a deal' or '"I know they
    will vote," Smith said' the inner verbs are part of what Smith said, not attributions of their own;
    marked separately they are mostly wrong (precision 0.1 on a PolNeAR train sample). A report the judge
    finds likely in a relative clause or a contrast is the exception PolNeAR marks ('made no mention of Jeb
    Bush, who announced he is suspending his campaign'; ``Found.nests``).
    """
    quoted = quoted_pieces(quotes)
    # Outer attributions first, so that one dropped for sitting inside another does not in turn drop
    # the attributions inside its own content ('A said B told C that ...': C's cue is only in B's content).
    kept: list[Found] = []
    for item in sorted(found, key=lambda item: -sum(end - start for start, end in item.content)):
        if not within(item.cue, quoted) and (item.nests or not any(within(item.cue, other.content) for other in kept)):
            kept.append(item)
    # A shorter attribution kept first may still hold the cue of a longer one in its content.
    return [
        item
        for item in found
        if any(item is other for other in kept)
        and (item.nests or not any(other is not item and within(item.cue, other.content) for other in kept))
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
    see ...', 'Trump's running mate — Mike Pence — has thrown ...'), as person mentions of the article, and
    the lone names there the tagger took for bodies, with their label, which the speakers may read as people.

    A proper noun no entity covers counts too: the NER misses many a surname ('Jolly', 'Tamargo'), and
    such a subject is mostly a person. On the pronoun bench that took 58 -> 61 and 56 -> 58 of 70. A title
    over a name the NER did tag ('Ambassador ... Vladimir Chizhov') is left to the name. So is a person in a
    phrase that opens the sentence ('Even for US President Joe Biden, there is no confirmation ...').
    """
    entities = doc.ents  # spaCy builds the tuple anew at each access
    names = [(entity.start, entity.end, "PERSON") for entity in entities if entity.label_ == "PERSON"]
    # A lone surname the tagger took for a body ('Calderon intimated ...'): kept with that label, for
    # ``speakers.resolve_speakers`` to take as a person where the article names that surname a person.
    names += [(e.start, e.end, e.label_) for e in entities if len(e) == 1 and e.label_ in _BODY_LABELS]
    for token in tokens_among(doc, POS, _PROPER_NOUN):
        if token.ent_type_ or token.dep_ not in _SUBJECTS:
            continue
        if any(word.ent_type_ == "PERSON" for word in token.subtree):
            continue  # a title over a name ('Ambassador ... Vladimir Chizhov'): the name stands for it
        first = token.i
        while first > 0 and doc[first - 1].pos_ == "PROPN" and not doc[first - 1].ent_type_:
            first -= 1  # 'Darran Whiting': the whole untagged name
        names.append((first, token.i + 1, "PERSON"))
    return [
        Mention(
            article_id=article_id,
            start=doc[start].idx + offset,
            end=doc[end - 1].idx + len(doc[end - 1]) + offset,
            text=doc[start:end].text,
            label=label,
        )
        for start, end, label in sorted(names)
        if _main_clause_subject(doc[start:end].root) or _fronted_person(doc[start:end].root)
    ]


_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_BODY_LABELS = frozenset({"ORG", "GPE", "NORP"})
_PROPER_NOUN = frozenset({"PROPN"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def relative_antecedents(doc: Doc, offset: int) -> dict[tuple[int, int], TextSpan]:
    """Each relative pronoun that is a subject ('Jeb Bush, who announced ...', 'lawmakers who thought ...'),
    by its characters, with the noun phrase it stands for: the one its clause hangs on.

    PolNeAR marks the pronoun as the speaker, and so do we; who it is, though, is that noun phrase, never
    the nearest earlier speaker, which a personal pronoun would take.
    """
    antecedents = {}
    for token in tokens_among(doc, LOWER, _RELATIVE_PRONOUNS):
        if token.tag_ not in {"WP", "WDT"} or token.dep_ not in _SUBJECTS:
            continue
        clause = token.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head  # 'who is running for Congress and who worked the crowd'
        if clause.dep_ != "relcl":
            continue
        # The noun phrase up to this clause, with what stands between ('a 70-year-old academic named Eric
        # Kingson, who ...'), not up to an earlier clause of the noun, as a speaker's span would stop.
        noun = token_range(doc, clause.head.left_edge.i, clause.left_edge.i - 1, keep_quotes=False)
        if noun is not None:
            start, end = noun
            antecedents[(token.idx + offset, token.idx + len(token) + offset)] = TextSpan(
                start=start + offset, end=end + offset, text=doc_text(doc)[start:end]
            )
    return antecedents


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
    opens = all(word.pos_ in {"ADV", "PUNCT"} for word in doc[sentence_bounds(noun)[0] : prep.i])
    return opens and after < len(doc) and doc[after].text == ","
