"""Quantities in an article: the figure, its hedge, and what it counts, read from the spaCy parse.

Figures are found by their wording (digits, number words, ranges, money, percentages) and then placed in
the parse: the counted noun (``nummod``), what happened to it (a participle, a passive, a verb whose object
it is), whose it is and where or when it holds. Vague amounts are read as ranges: "dozens" 24-99,
"hundreds" 200-999, "thousands" 2,000-9,999, "tens of thousands" 20,000-99,999, always approximate.
Dates, times, ordinals, years, phone numbers and numbers inside names ("Boeing 747") are not quantities.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from newsprism.extract.number_records import Approximation, Quantity, QuantityKind
from newsprism.model import Sentence
from newsprism.nlp.analyze import AnalyzedArticle, doc_text

_UNITS = "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen".split()
_UNITS += "seventeen eighteen nineteen".split()
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = {"hundred": 100.0, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_WORD_VALUES = {word: float(n) for n, word in enumerate(_UNITS, start=1)} | {
    word: float(n) for n, word in zip(range(20, 100, 10), _TENS, strict=True)
}
# Vague amounts: the plural says "several of", read here as 2 to 9.99 of the unit.
_VAGUE = {"dozens": (24.0, 99.0), "hundreds": (200.0, 999.0), "thousands": (2e3, 9999.0), "millions": (2e6, 9.99e6)}
_VAGUE_OF = re.compile(r"(tens|hundreds) of (thousands|millions|billions)")

_WORD = "|".join([*_TENS, *sorted(_UNITS, key=len, reverse=True), *_SCALES, "dozen"])
_NUMERAL = re.compile(
    rf"(?<![\w.,:/])(?<![A-Za-z]-)(?:(?:tens|hundreds) of (?:thousands|millions|billions)"
    rf"|dozens|hundreds|thousands|millions|(?:\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.\d+)?|(?:{_WORD}))(?:(?:\s+|-)(?:{_WORD})\b)*+(?![\w:/]|[.,]\d|-[a-z]|\s\d+/)",
    re.IGNORECASE,
)
_CURRENCY = re.compile(r"(US\$|\$|€|£)\s?$")
_CURRENCY_CODES = {"US$": "USD", "$": "USD", "€": "EUR", "£": "GBP"}
_PERCENT = re.compile(r"^(\s?%|\s+per\s?cent\b)", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:-|–|to)\s*$|^\s+and\s+$")
_PHONE = re.compile(r"^\(?\d{3}\)?[-. ]\d{3}[-. ]?\d{4}|^\d{3}-\d{4}\b")
_YEAR = re.compile(r"^(1[5-9]|20)\d\d$")

# Longest phrases first is not needed: the leftmost match wins, and "no more than" starts before "more than".
_HEDGES: tuple[tuple[str, Approximation], ...] = (
    (r"no (?:more|greater) than|at most|up to|as (?:many|much) as|fewer than|less than|under|below", "upper_bound"),
    (r"nearly|almost|just under|not quite", "upper_bound"),
    (r"more than|over|at least|in excess of|upwards of|no (?:fewer|less) than|above|exceeding", "lower_bound"),
    (r"about|around|some|roughly|approximately|an estimated|estimated|close to|nearly|circa", "approximate"),
)
_HEDGE = re.compile(r"\b(" + "|".join(pattern for pattern, _ in _HEDGES).replace(" ", r"\s+") + r")\s+$", re.IGNORECASE)
_CHANGE_AFTER = re.compile(r"^\s+(more|additional|extra|fewer|less)\b(?!\s+than)", re.IGNORECASE)
_CHANGE_BEFORE = re.compile(
    r"\b(another|an additional|an extra|additional|a further|further"
    r"|(?:increas|decreas|ris|rose|fell|fall|dropp?|declin|jump|climb|surg|plung|grew|grow|shr[ia]nk)\w*(?:\s+by)?"
    r"|(?:cut|reduc|boost|rais|lower|expand)\w*\s+(?:\w+\s+){0,3}?by)\s+$",
    re.IGNORECASE,
)
_NAME_ENTITIES = {"PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
_NOT_QUANTITIES = {"DATE", "TIME", "ORDINAL"} | _NAME_ENTITIES
_SUBJECT_ENTITIES = {"NORP", "GPE", "ORG"}
_SCOPE_PREPOSITIONS = {"in", "near", "along", "at", "on", "across", "inside", "within", "since", "during", "into"}
_SCOPE_PREPOSITIONS |= {"throughout", "outside", "to", "from"}
_SCOPE_NAMES = {"GPE", "LOC", "FAC", "EVENT", "DATE", "NORP", "ORG"}
_CHANGE_WORDS = {"more", "additional", "extra", "fewer", "less", "other", "further"}
_REPORTING = {"say", "report", "believe", "estimate", "think", "expect", "claim", "allege", "reckon"}


def extract_quantities(analyzed: AnalyzedArticle) -> list[Quantity]:
    """Every quantity of the article with its value, hedge, measure, subject, scope and kind, in text order."""
    found: list[Quantity] = []
    text = analyzed.parsed.article.text
    for paragraph in analyzed.paragraphs:
        for start, end in _figure_spans(doc_text(paragraph.doc)):
            quantity = _quantity(analyzed, paragraph.doc, paragraph.offset, start, end, text)
            if quantity is not None:
                found.append(quantity)
    return found


def numeral_value(numeral: str) -> tuple[float, float] | None:
    """The value of a written number ("150,000", "2.5 billion", "twenty-five", "tens of thousands") as low, high."""
    words = numeral.lower().replace("-", " ").split()
    if vague := _VAGUE_OF.fullmatch(" ".join(words)):
        scale = _SCALES[vague.group(2)[:-1]] * (10.0 if vague.group(1) == "hundreds" else 1.0)
        return (20.0 * scale, 99.99 * scale)
    if len(words) == 1 and words[0] in _VAGUE:
        return _VAGUE[words[0]]
    total, current = 0.0, 0.0
    for word in words:
        if word[0].isdigit():
            current += float(word.replace(",", ""))
        elif word in _WORD_VALUES:
            current += _WORD_VALUES[word]
        elif word == "dozen":
            current = max(current, 1.0) * 12
        elif word == "hundred":
            current = max(current, 1.0) * 100
        elif word in _SCALES:
            total, current = total + max(current, 1.0) * _SCALES[word], 0.0
        else:
            return None
    return (total + current, total + current)


def _figure_spans(text: str) -> Iterator[tuple[int, int]]:
    """Character spans of numerals in a paragraph, ranges ("10,000-15,000", "between 30 and 40") as one span."""
    matches = list(_NUMERAL.finditer(text))
    index = 0
    while index < len(matches):
        start, end = matches[index].span()
        if index + 1 < len(matches):
            following = matches[index + 1]
            joint = text[end : following.start()]
            if _RANGE_JOIN.match(joint) and ("and" not in joint or text[:start].rstrip().lower().endswith("between")):
                end = following.end()
                index += 1
        index += 1
        yield start, end


def _quantity(
    analyzed: AnalyzedArticle, doc: Doc, offset: int, start: int, end: int, article_text: str
) -> Quantity | None:
    text = doc_text(doc)
    numeral = text[start:end]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or _PHONE.match(text[start : end + 9]):
        return None
    if any(token.ent_type_ in _NOT_QUANTITIES for token in span):
        return None
    parts = re.split(r"\s*(?:-|–|\bto\b|\band\b)\s*(?=\d)|\s+(?:to|and)\s+", numeral)
    values = [numeral_value(part) for part in parts]
    if any(value is None for value in values) or len(values) > 2:
        return None
    low, high = min(v[0] for v in values if v), max(v[1] for v in values if v)
    sentence = span.sent
    before = text[sentence.start_char : start]
    unit = None
    if currency := _CURRENCY.search(before):
        unit = _CURRENCY_CODES[currency.group(1)]
        before = before[: currency.start(1)]
        start = sentence.start_char + len(before)
    vague = numeral.lower().split()[0] in _VAGUE or numeral.lower().startswith("tens")
    approximation: Approximation = "approximate" if vague else "exact"
    hedge_word = None
    if hedge := _HEDGE.search(before):
        word = " ".join(hedge.group(1).lower().split())
        approximation = next(kind for pattern, kind in _HEDGES if re.fullmatch(pattern, word))
        hedge_word = word
        before = before[: hedge.start(1)]
        start = sentence.start_char + len(before)
    elif len(parts) == 2 and (between := re.search(r"\bbetween\s+$", before, re.IGNORECASE)):
        before = before[: between.start()]  # the range's bounds are as stated: exact
        start = sentence.start_char + len(before)
    if percent := _PERCENT.match(text[end:]):
        unit, end = "%", end + percent.end()
    if unit is None and _YEAR.match(numeral) and len(parts) == 1:
        return None  # a bare four-digit number from 1500 to 2099 is a year far more often than a count
    anchor = doc.char_span(start, end, alignment_mode="expand")
    last = anchor[-1] if anchor is not None else span[-1]
    noun = _counted_noun(last)
    if unit is None and noun is None and not any(ch.isdigit() for ch in numeral):
        return None  # "one" without a noun is a pronoun far more often than a count
    kind: QuantityKind = "total"
    after = text[end:]
    if _CHANGE_AFTER.match(after) or _CHANGE_BEFORE.search(before):
        kind = "change"
    event = _event(noun) if noun is not None else None
    noun_lemma = _noun_lemma(noun, unit)
    measure_words = [t.lemma_.lower() for t in _modifiers(noun)] if noun is not None else []
    measure = " ".join([*measure_words, noun_lemma, *([event] if event else [])]) if noun_lemma else None
    scope_spans = list(_scope(noun if noun is not None else last)) if doc.has_annotation("DEP") else []
    phrase_end = end
    if noun is not None and 0 < noun.idx - end <= 40 and noun.i > last.i:
        phrase_end = noun.idx + len(noun.text)
    sentence_index = _sentence_index(analyzed.parsed.sentences, offset + start)
    return Quantity(
        article_id=analyzed.parsed.article.id,
        sentence=sentence_index,
        start=offset + start,
        end=offset + end,
        text=article_text[offset + start : offset + end],
        phrase=article_text[offset + start : offset + phrase_end],
        hedge=hedge_word,
        low=low,
        high=high,
        approximation=approximation,
        unit=unit,
        noun=noun_lemma,
        event=event,
        measure=measure,
        subject=_subject(noun) if noun is not None else None,
        scope=[s.text for s in scope_spans],
        scope_names=[e.text for s in scope_spans for e in s.ents if e.label_ in _SCOPE_NAMES],
        kind=kind,
    )


def _counted_noun(token: Token) -> Token | None:
    """The noun a number counts: up the number's own tokens, then its head if it modifies a noun."""
    if not token.doc.has_annotation("DEP"):
        # Without a parse there is no tree to walk (and spaCy may crash walking one that is not there).
        return None
    if token.lower_ in _VAGUE or token.lower_ in {"%", "percent", "cent"} or token.lower_ in _SCALES:
        for child in token.children:  # "thousands of people", "30% of voters"
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj" and c.pos_ in {"NOUN", "PROPN"}]
                if objects:
                    return objects[0]
        if token.lower_ not in _SCALES:
            return None
    while token.head.i != token.i and token.head.like_num and token.dep_ in {"quantmod", "compound", "conj"}:
        token = token.head
    if token.dep_ in {"nummod", "quantmod", "amod", "compound"} and token.head.pos_ in {"NOUN", "PROPN"}:
        head = token.head
        if head.pos_ == "PROPN" and head.ent_type_ != "NORP":
            return None  # a number before a name is part of the name or a label
        return head
    return None


def _noun_lemma(noun: Token | None, unit: str | None) -> str | None:
    if unit == "%":
        return f"percent of {noun.lemma_.lower()}" if noun is not None else "percent"
    if unit is not None:
        return unit
    if noun is None:
        return None
    if noun.ent_type_ == "NORP":
        return "people"  # "40 East Timorese" counts people of a nationality
    return noun.lemma_.lower()


def _modifiers(noun: Token) -> list[Token]:
    """The noun's own modifiers that narrow what is counted ("government troops"), not whose or how many."""
    return [
        child
        for child in noun.lefts
        if child.dep_ in {"compound", "amod"}
        and child.ent_type_ not in _SUBJECT_ENTITIES
        and child.lower_ not in _CHANGE_WORDS
        and not child.like_num
        and child.pos_ in {"NOUN", "ADJ", "VERB"}
    ]


def _event(noun: Token) -> str | None:
    """What happened to the counted things: 'people killed', '22 people were injured', 'wounding 22 others'."""
    for child in noun.rights:
        if child.dep_ in {"acl", "relcl"} and child.tag_ in {"VBN", "VBG", "VBD"}:
            return str(child.lemma_.lower())
    head = noun.head
    if noun.dep_ == "nsubjpass" or (noun.dep_ == "dobj" and head.pos_ == "VERB"):
        if head.lemma_ in _REPORTING:  # "7,000 soldiers are said to have been transferred"
            head = next((c for c in head.children if c.dep_ in {"xcomp", "ccomp"}), head)
        return str(head.lemma_.lower())
    if noun.dep_ == "nsubj":
        complements = [c for c in head.children if c.dep_ == "acomp"]
        if complements:  # "26 others were missing"
            return str(complements[0].lemma_.lower())
        if head.pos_ == "VERB" and not any(c.dep_ == "dobj" for c in head.children):
            return str(head.lemma_.lower())  # "13,000 people died"
    if noun.dep_ in {"conj", "appos", "ROOT"}:
        # The parse lost the noun's verb (a run-on clause): take the next verb of the clause, if close.
        for token in noun.doc[noun.i + 1 : min(noun.i + 12, noun.sent.end)]:
            if token.is_punct:
                break
            if token.pos_ == "VERB":
                return str(token.lemma_.lower())
    return None


def _subject(noun: Token) -> str | None:
    """Whose the counted things are, where the parse says: 'Russian troops', "Moscow's deployment of troops"."""
    owners = [
        c for c in noun.lefts if c.dep_ in {"amod", "compound", "poss", "nmod"} and c.ent_type_ in _SUBJECT_ENTITIES
    ]
    if not owners and noun.dep_ == "pobj" and noun.head.lower_ == "of":
        owners = [c for c in noun.head.head.lefts if c.dep_ == "poss" and c.ent_type_ in _SUBJECT_ENTITIES]
    if noun.ent_type_ == "NORP":
        owners = [t for t in noun.lefts if t.ent_type_ == "NORP"] + [noun]
    if not owners:
        return None
    doc = noun.doc
    return doc[min(t.i for t in owners) : max(t.i for t in owners) + 1].text


def _scope(anchor: Token) -> Iterator[Span]:
    """Prepositional phrases saying where or when: on the counted noun, and on the verb it is attached to."""
    holders = [anchor]
    if anchor.dep_ in {"nsubj", "nsubjpass", "dobj"} and anchor.head.pos_ in {"VERB", "AUX"}:
        verb = anchor.head
        holders.append(verb)
        holders.extend(c for c in verb.children if c.dep_ in {"xcomp", "acomp"})
        # A participle clause happens where and when its main clause does: "On Aug. 20 the US fired
        # missiles at camps in Afghanistan, killing 26 people" counts the dead of Aug. 20.
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in {"VERB", "AUX"}:
            holders.append(verb.head)
    holders.extend(c for c in anchor.rights if c.dep_ in {"acl", "relcl"})
    for holder in holders:
        for child in holder.children:
            if child.dep_ == "prep" and child.lower_ in _SCOPE_PREPOSITIONS:
                yield child.doc[child.left_edge.i : child.right_edge.i + 1]


def _sentence_index(sentences: list[Sentence], offset: int) -> int:
    for sentence in sentences:
        if sentence.start <= offset < sentence.end:
            return sentence.index
    return max((s.index for s in sentences if s.start <= offset), default=0)
