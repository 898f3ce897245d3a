"""Speaker labels: 'TAPPER: Do you think ...' in transcripts, 'Graham: Trump ...' in headlines."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsprism.extract.quotes.found import Found, token_range
from newsprism.nlp.analyze import doc_text

# A label is a name: a few words, each a proper noun or capitalised (headlines defeat the tagger:
# 'Lewandowski: FBI director acted ...' tags the name a common noun).
_MAX_LABEL_TOKENS = 5


def opening_label(doc: Doc) -> Span | None:
    """The label before a colon that opens a paragraph ('TAPPER:', 'Graham:', 'Correction:'), if one does."""
    colon = next((token for token in doc[: _MAX_LABEL_TOKENS + 1] if token.text == ":"), None)
    if colon is None or colon.i == 0 or colon.i >= len(doc) - 1:
        return None
    return doc[: colon.i]


def label_words(label: Span) -> str:
    """A label as the lexicon lists labels: its words in lower case, punctuation left out."""
    # Words as written, not as tokens: 'Editor’s note' is 'editor’s note', not 'editor ’s note'.
    return "".join(token.lower_ + token.whitespace_ for token in label if not token.is_punct).strip()


def speaker_label(doc: Doc, not_speakers: frozenset[str] = frozenset()) -> Found | None:
    """The attribution of a paragraph that opens with a name and a colon, if it does.

    ``not_speakers`` are labels that name nobody ('breaking', 'the latest'), as ``label_words`` writes them.
    """
    name = opening_label(doc)
    if name is None:
        return None
    colon = doc[name.end]
    if not all(token.pos_ == "PROPN" or _capitalised(token) or token.is_punct for token in name):
        return None
    if not has_a_word(name):
        return None  # "Q:" and "A:" in an interview are turns, not speakers
    if sum(token.is_alpha for token in doc[colon.i + 1 :]) < 2:
        return None  # "Sanders: 1,547" in a delegate count is a tally, not something said
    if label_words(name) in not_speakers:
        return None  # "BREAKING: Sanders says ...": the headline's own cue has the speaker
    if _names_only(doc[colon.i + 1 :]):
        return None  # "Iowa: Tim Albrecht, Brad Anderson, ..." lists people; nobody says it
    source = token_range(doc, 0, colon.i - 1)
    content = token_range(doc, colon.i + 1, len(doc) - 1)
    if source is None or content is None:
        return None
    return Found(cue=(colon.idx, colon.idx + 1), source=source, content=[content])


def _names_only(span: Span) -> bool:
    """Whether ``span`` is a list of names ('Nicholas Zazulia, Medill News Service'; 'Brittney Bennett and
    Greg Toppo'): proper nouns joined by commas or 'and', at least two of them."""
    words = [token for token in span if not token.is_punct and not token.is_space]
    joined = any(token.text == "," or token.lower_ == "and" for token in span)
    return joined and all(token.pos_ == "PROPN" or token.lower_ == "and" for token in words)


# How a name before a colon must not hang: as what a verb or preposition governs ('told CNBC: "..."',
# 'by Times' Ben Sisario: "..."'), or as a clause's subject ('Trump said on Twitter: "..."'); there a cue
# verb makes the attribution.
_GOVERNED = frozenset({"dobj", "dative", "pobj", "nsubj", "nsubjpass", "poss"})


def colon_speakers(sentence: Span) -> list[Found]:
    """'... JUST TOO EARLY - Mark Blumenthal and Jon Cohen: “Although the polls ...”': a name set before a
    colon that opens a quotation, inside a sentence, is the quotation's speaker (a label opening its
    paragraph is ``speaker_label``'s)."""
    found: list[Found] = []
    doc = sentence.doc
    if ":" not in doc_text(doc)[sentence.start_char : sentence.end_char]:
        return found  # most sentences: no Token made for each of their words
    for colon in sentence:
        if colon.text != ":" or colon.i <= sentence.start or colon.i + 1 >= sentence.end:
            continue
        name = _name_before(doc[colon.i - 1]) or _name_after_dash(doc, colon.i)
        if name is None or name.start == 0 or not doc[colon.i + 1].is_quote:
            continue
        source = token_range(doc, name.start, name.end - 1)
        content = token_range(doc, colon.i + 1, sentence.end - 1)
        if source is not None and content is not None:
            found.append(Found(cue=(colon.idx, colon.idx + 1), source=source, content=[content]))
    return found


_DASHES = frozenset({"-", "–", "—", "--"})


def _name_after_dash(doc: Doc, colon: int) -> Span | None:
    """'... are particularly problematic - Pew Research: “...”': a few capitalised words set off by a dash
    before the colon, as a digest of quotations writes its sources. Such a name is often one the tagger
    misses, or hangs on a verb before the dash ('Pollsters agree - Carl Bialik: ...')."""
    start = colon - 1
    while start > 0 and colon - start <= _MAX_LABEL_TOKENS and doc[start - 1].text not in _DASHES:
        start -= 1
    if start == 0 or colon - start > _MAX_LABEL_TOKENS or not doc[start - 1].whitespace_:
        return None
    words = doc[start:colon]
    if not all(_capitalised(token) or token.text == "." for token in words):
        return None
    return words if has_a_word(words) else None


def _capitalised(token: Token) -> bool:
    """A word written as a name or a label writes it: 'Pew', 'TAPPER'."""
    return (token.is_title or token.is_upper) and token.is_alpha


def has_a_word(label: Span) -> bool:
    """Whether a label holds a word of two letters or more: 'Q' and 'A' alone are an interview's turns."""
    return any(token.is_alpha and len(token) > 1 for token in label)


def _name_before(last: Token) -> Span | None:
    """The name of people or an organisation that ends at ``last``, unless something governs it."""
    if last.ent_type_ not in {"PERSON", "ORG"} or last.ent_iob_ == "O":
        return None
    doc = last.doc
    entity = next(entity for entity in doc.ents if entity.start <= last.i < entity.end)
    if entity.end != last.i + 1 or entity.root.dep_ in _GOVERNED:
        return None
    first = entity
    # 'Frank Newport and Jim Harter: "..."': the names joined before the last one speak with it.
    while first.root.dep_ == "conj" and first.root.head.i < first.start and first.root.head.ent_type_ == entity.label_:
        joined = first.root.head
        first = next(other for other in doc.ents if other.start <= joined.i < other.end)
    return doc[first.start : last.i + 1]
