"""People named in an article and the roles it gives them, read off the dependency parse.

Roles come from three constructions: words before the name that modify it ("German Chancellor Olaf
Scholz"), an apposition ("Peskov, the Kremlin spokesman" / "the Kremlin spokesman, Dmitry Peskov"),
and "the head of NATO Jens Stoltenberg". A role must name a role (its words include a role noun from
``data/roles.json``), so "NATO Jens Stoltenberg" gives no role but names the body he speaks for.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Doc, Span, Token

from newsprism.model import PersonMention, RoleSpan
from newsprism.nlp import AnalyzedArticle

_MODIFIERS = {"compound", "amod", "nmod", "poss"}
_ACTOR_LABELS = {"ORG", "GPE", "NORP"}
_TRIM = {"DET", "PUNCT", "CCONJ", "ADP", "SPACE"}  # SPACE: the line breaks of hard-wrapped text
# The possessive clitic as the tokenizer splits it off a name ("Peskov's", "Jones'").
POSSESSIVES = frozenset({"'s", "’s", "'", "’"})


@cache
def _roles_data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(
        resources.files("newsprism.extract").joinpath("data", "roles.json").read_text("utf-8")
    )
    return data


@cache
def role_heads() -> frozenset[str]:
    """Nouns that head a role or title, lower-cased."""
    return frozenset(str(head) for head in _roles_data()["role_heads"])


@cache
def role_abbreviations() -> dict[str, tuple[str, ...]]:
    """Titles as written before a name, lower-cased without their period ('sen' of 'Sen. Marco Rubio'), and
    the role nouns each stands for ('senator')."""
    return {str(short): tuple(map(str, full)) for short, full in _roles_data()["abbreviations"].items()}


def find_people(analyzed: AnalyzedArticle) -> list[PersonMention]:
    """Every PERSON entity of the article, with the roles this article gives them."""
    article_id = analyzed.parsed.article.id
    return [
        person
        for paragraph in analyzed.paragraphs
        for person in doc_people(paragraph.doc, article_id, paragraph.offset)
    ]


def doc_people(doc: Doc, article_id: str, offset: int) -> list[PersonMention]:
    """Every PERSON entity of one parsed paragraph (whose text starts at ``offset``), with its roles."""
    people = []
    for entity in doc.ents:
        if entity.label_ != "PERSON":
            continue
        name = _without_possessive(entity)
        if name is None:
            continue
        roles = [_role_span(span, article_id, offset) for span in _role_phrases(entity) if _names_a_role(span)]
        people.append(
            PersonMention(
                article_id=article_id,
                name=" ".join(name.text.split()),  # one name however the source wrapped it ("Bill\nClinton")
                start=offset + name.start_char,
                end=offset + name.end_char,
                roles=_unique(roles),
            )
        )
    return people


def _without_possessive(entity: Span) -> Span | None:
    end = entity.end
    while end > entity.start and entity.doc[end - 1].text in POSSESSIVES:
        end -= 1
    return entity.doc[entity.start : end] if end > entity.start else None


def _role_phrases(entity: Span) -> list[Span]:
    doc, root = entity.doc, entity.root
    phrases = []
    # "German Chancellor Olaf Scholz": modifiers of the name that stand before it.
    modifiers = [child for child in root.children if child.dep_ in _MODIFIERS and child.i < entity.start]
    if modifiers:
        phrases.append(doc[min(child.left_edge.i for child in modifiers) : entity.start])
    # "Peskov, the Kremlin spokesman,": an apposition of the name.
    for child in root.children:
        if child.dep_ == "appos" and child.i >= entity.end:
            phrases.append(doc[child.left_edge.i : _apposition_end(child)])
    # "the Kremlin spokesman, Dmitry Peskov": the name is the apposition of a role.
    if root.dep_ == "appos" and root.head.i < entity.start:
        phrases.append(doc[root.head.left_edge.i : root.head.i + 1])
    # "the head of NATO Jens Stoltenberg", "Commissioner for Foreign Affairs Olaf Scholz": the name is
    # the object of a preposition whose head is itself a role noun.
    # Only when a body is named between ("NATO", "Foreign Affairs"): in "a spokesman for bin Laden" or
    # "a lieutenant of terrorist suspect Osama bin Laden" the role is someone else's.
    if root.dep_ == "pobj" and root.head.head.i < entity.start and _is_role_word(root.head.head, role_heads()):
        title = root.head.head
        between = doc[root.head.i + 1 : entity.start]
        if _names_a_body(between):
            phrases.append(doc[title.left_edge.i : entity.start])
    return [_trimmed(phrase, entity) for phrase in phrases]


def _names_a_body(span: Span) -> bool:
    """Whether a span is only a name ("NATO", "Foreign Affairs and Security Policy"), no common noun."""
    names = [token for token in span if token.pos_ == "PROPN" or token.ent_type_ in _ACTOR_LABELS]
    return bool(names) and all(token in names or token.pos_ in _TRIM for token in span)


def _apposition_end(head: Token) -> int:
    """Where an apposition ends: before another person joined to it ("the alleged mastermind, and
    Muhammad Atef, the military commander" describes two men)."""
    end = head.right_edge.i + 1
    for child in head.children:
        if child.dep_ == "conj" and child.i > head.i and child.ent_type_ == "PERSON":
            end = min(end, child.left_edge.i)
    return end


def _trimmed(phrase: Span, entity: Span) -> Span:
    """Without leading articles and punctuation, and never overlapping the name itself."""
    start, end = phrase.start, min(phrase.end, entity.start) if phrase.start < entity.start else phrase.end
    doc = phrase.doc
    while start < end and doc[start].pos_ in _TRIM:
        start += 1
    while end > start and doc[end - 1].pos_ in _TRIM:
        end -= 1
    return doc[start:end]


def _names_a_role(span: Span) -> bool:
    heads = role_heads()
    return len(span) > 0 and any(_is_role_word(token, heads) for token in span)


def _is_role_word(token: Token, heads: frozenset[str]) -> bool:
    if token.ent_type_ == "PERSON":
        return False
    # 'Sen. Marco Rubio', 'Gov. Chris Christie': a title abbreviated with its period is a role too.
    abbreviated = token.text.endswith(".") and token.lower_.rstrip(".") in role_abbreviations()
    return abbreviated or token.lower_ in heads or token.lemma_.lower() in heads


# A past role says whom someone spoke for, not whom they speak for now: "Marker, a former Pakistani
# ambassador to the United Nations" is the U.N.'s envoy, not Pakistan's voice.
_PAST = frozenset({"former", "ex", "onetime", "one-time", "erstwhile"})


def _role_span(span: Span, article_id: str, offset: int) -> RoleSpan:
    past = any(token.lower_ in _PAST or token.lower_.startswith("ex-") for token in span)
    actor = None if past else next((" ".join(e.text.split()) for e in span.ents if e.label_ in _ACTOR_LABELS), None)
    return RoleSpan(
        article_id=article_id,
        text=span.text,
        start=offset + span.start_char,
        end=offset + span.end_char,
        actor=actor,
    )


def _unique(roles: list[RoleSpan]) -> list[RoleSpan]:
    seen: set[tuple[int, int]] = set()
    unique = []
    for role in roles:
        if (role.start, role.end) not in seen:
            seen.add((role.start, role.end))
            unique.append(role)
    return unique
