"""Who in an article holds a role or owns a body: what a description such as 'the former president' or
'the campaign' may stand for when no earlier speaker was given those words.

A person holds the roles the article gives them before their name or in an apposition ('former
President Bill Clinton', 'Harry Reid, the Senate minority leader'; ``people.doc_people``). A body is a
name with a body's noun after it ('the Obama administration', 'Clinton's campaign') or an
organisation whose name holds that noun ('the Federal Bureau of Investigation' is the bureau).

An article may also bring a speaker in by a fuller description and never name them ('NATO's top
commander', 'Cameron's spokesman', 'a New Hampshire ballot commission'): such a description is an unnamed
holder (``doc_descriptions``), which a later 'the commander' stands for when no named holder has its role.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span

from newsprism.extract.people import POSSESSIVES, doc_people
from newsprism.nlp.analyze import tokens_among

Kind = Literal["person", "organisation"]
_OWNERS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# How an owner hangs on the role noun of an unnamed description: 'NATO's commander', 'the Gowdy spokesman',
# 'the Israeli officials', 'a spokesman for the Kremlin'.
_OWNER_DEPS = frozenset({"poss", "compound", "amod", "nmod"})
_OWNER_PREPOSITIONS = frozenset({"of", "for", "at"})
_BODIES = _OWNERS - {"PERSON"}
_DETERMINERS = frozenset({"the", "this", "that", "of"})
_ARTICLES = frozenset({"the", "a", "an"})
_PREPOSITIONS = frozenset({"of", "to", "for", "at", "in", "with", "from", "on"})
# A past role ('former', 'ex-') and a present one are different offices: 'the former president' is not
# the sitting one.
_PAST = frozenset({"former", "ex", "onetime", "one-time", "erstwhile", "then"})
# A description stands for what was just named when something was: a live blog names one campaign after
# another ('The campaign says ...' after 'Bernie Sanders' campaign says ...'). Some two paragraphs.
_RECENT = 600


@dataclass(frozen=True)
class Holder:
    """A person or body named at ``start``-``end`` of the article, with each role it holds."""

    start: int
    end: int
    name: str
    kind: Kind
    label: str
    roles: tuple[Role, ...]
    named: bool = True  # False for a description that names no one ('NATO's top commander')


@dataclass(frozen=True)
class Role:
    """A role as written: its head noun ('secretary' of 'former Secretary of State') and all its words."""

    head: str
    words: frozenset[str]

    @classmethod
    def of(cls, text: str) -> Role:
        words = plain_words(text)
        cut = next((n for n, word in enumerate(words) if n and word in _PREPOSITIONS), len(words))
        return cls(head=words[cut - 1] if cut else "", words=frozenset(words))


def doc_holders(
    doc: Doc, article_id: str, offset: int, body_nouns: frozenset[str], person_titles: frozenset[str]
) -> list[Holder]:
    """The people with roles, the bodies and the unnamed descriptions (``doc_descriptions``) of one parsed
    paragraph whose text starts at ``offset``."""
    holders = [
        Holder(person.start, person.end, person.name, "person", "PERSON", tuple(Role.of(r.text) for r in person.roles))
        for person in doc_people(doc, article_id, offset)
        if person.roles
    ]
    for entity in doc.ents:
        if entity.label_ not in _OWNERS:
            continue
        after = entity.end
        if after < len(doc) and doc[after].text in POSSESSIVES:
            after += 1
        if after < len(doc) and doc[after].pos_ == "NOUN" and doc[after].lower_ in body_nouns:
            holders.append(_body(doc[entity.start : after + 1], offset))  # 'the Obama administration'
        elif entity.label_ == "ORG":
            body = _body(entity, offset)
            [role] = body.roles
            if role.head in body_nouns and len(role.words) > 1:  # 'the Supreme Court', not a lone 'Bank'
                holders.append(body)
    return holders + doc_descriptions(doc, offset, person_titles, body_nouns)


@cache
def _role_nouns(person_titles: frozenset[str], body_nouns: frozenset[str]) -> frozenset[str]:
    """Both lexicon sets in one, made once per lexicon rather than once per paragraph."""
    return person_titles | body_nouns


def doc_descriptions(doc: Doc, offset: int, person_titles: frozenset[str], body_nouns: frozenset[str]) -> list[Holder]:
    """The unnamed holders of one parsed paragraph: a role noun with an owner the tagger named and no name
    of its own ('NATO's top commander', 'China's foreign ministry', 'a spokesman for the Kremlin').

    A role noun before a name or beside one in an apposition ('spokesman Brian Fallon', 'Peskov, the
    Kremlin spokesman') is that person's role, which ``doc_holders`` reads.
    """
    described = []
    role_nouns = _role_nouns(person_titles, body_nouns)
    for token in tokens_among(doc, LOWER, role_nouns):
        head = token.lower_
        # The tagger takes a lower-case 'ministry' after 'foreign' for a name now and then.
        noun = token.pos_ == "NOUN" or (token.pos_ == "PROPN" and token.text.islower())
        if not noun or token.ent_type_ or head not in role_nouns:
            continue
        if token.dep_ in ("compound", "appos") or any(child.dep_ == "appos" for child in token.children):
            continue
        owners = [child for child in token.children if child.dep_ in _OWNER_DEPS and child.ent_type_ in _OWNERS]
        after = [
            child
            for child in token.children
            if head in person_titles  # 'a spokesman for the Kremlin', not 'the bank's board for the United States'
            and child.dep_ == "prep"
            and child.lower_ in _OWNER_PREPOSITIONS
            and any(grand.dep_ == "pobj" and grand.ent_type_ in _BODIES for grand in child.children)
        ]
        if not owners and not after:
            continue
        end = after[0].right_edge.i if after else token.i
        span = doc[token.left_edge.i : end + 1]
        # A role the parser hung on a name is that person's ('former secretary of State Hillary Clinton');
        # one joined to a name by 'and' is someone else ('Hillary Clinton and the Vermont senator').
        if token.dep_ != "conj" and any(e.label_ == "PERSON" and e.root.i == token.head.i for e in doc.ents):
            continue
        kind: Kind = "person" if head in person_titles else "organisation"
        start, stop = offset + span.start_char, offset + span.end_char
        described.append(Holder(start, stop, span.text, kind, "DESCRIPTION", (Role.of(span.text),), named=False))
    return described


def _body(span: Span, offset: int) -> Holder:
    start, end = offset + span.start_char, offset + span.end_char
    return Holder(start, end, span.text, "organisation", "ORG", (Role.of(span.text),))


@dataclass(frozen=True)
class Description:
    """What a description such as 'the former secretary of state' asks of a role: one of ``forms`` (its
    role noun or that noun's abbreviation), every ``other`` word, and to be past or present as it is.

    Every word, because a role noun alone is not one office: 'the appeals court' is not the Supreme
    Court, 'the longtime senator' not any senator, 'the former president' not the sitting one.
    """

    forms: frozenset[str]
    other: frozenset[str]
    past: bool

    @classmethod
    def of(cls, text: str, forms: frozenset[str]) -> Description:
        words = frozenset(plain_words(text)) - _DETERMINERS
        return cls(forms=forms, other=words - forms, past=bool(_PAST & words))

    def fits(self, words: frozenset[str]) -> bool:
        """Whether a role (or a speaker's words) written with ``words`` is the one described."""
        return self.same_office(words) and self.other <= words

    def same_office(self, words: frozenset[str]) -> bool:
        """Whether a role written with ``words`` is the described one's office, whatever else it says of it
        ('Sen. John McCain' for 'the longtime senator'; not 'President Obama' for 'the former president')."""
        return bool(self.forms & words) and bool(_PAST & words) == self.past


def holder_of(
    description: Description, kind: Kind, holders: Sequence[Holder], before: int, named: bool = True
) -> Holder | None:
    """The holder before ``before`` of the role described, when the article gave it to one holder only.

    With ``named`` False, the one unnamed description ('NATO's top commander') that holds it, and only
    where no named holder does: 'the president' beside 'President Obama' and 'World Bank President Jim
    Yong Kim' is one of two people, not the one description 'the U.S. president' that happens to be left.
    """
    holding = [
        holder
        for holder in holders
        if holder.end <= before
        and holder.kind == kind
        and any(role.head in description.forms and description.fits(role.words) for role in holder.roles)
    ]
    if not named and any(holder.named for holder in holding):
        return None
    holding = [holder for holder in holding if holder.named == named]
    if named:
        holding = [holder for holder in holding if holder.start >= before - _RECENT] or holding
    # Given to more than one ('Trump's campaign' and 'the Clinton campaign'), the role names no one. An
    # unnamed description may have been met long before: 'the independent Vermont senator' a page
    # earlier and 'New York senator' just now leave 'the senator' anyone's.
    if len({_identity(holder) for holder in holding}) != 1:
        return None
    return max(holding, key=lambda holder: holder.start)


def _identity(holder: Holder) -> str:
    """Who a holder is, however the article wrote it: a person's surname, a body's owner, the word before
    its noun ('Obama administration' and 'Obama's administration' are one, and so are 'Bernie Sanders'
    campaign' and 'the Sanders campaign'), else its first word; an unnamed description, all its words
    but the article ('NATO's top commander')."""
    words = plain_words(holder.name)
    if not words:
        return ""
    if not holder.named:
        return " ".join(word for word in words if word not in _ARTICLES)
    if holder.kind == "person":
        return words[-1]
    heads = {role.head for role in holder.roles}
    noun = next((n for n, word in enumerate(words) if word in heads), 0)
    return words[noun - 1] if noun else words[0]


def plain_words(text: str) -> list[str]:
    """Lower-case words without the punctuation around them or a possessive ('Sen.' as 'sen')."""
    plain = (word.strip(".,;:()’'\"“”").lower() for word in text.replace("’s", " ").replace("'s", " ").split())
    return [word for word in plain if word]
