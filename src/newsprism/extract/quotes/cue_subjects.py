"""Who does a cue verb's speaking: its subject in the parse, or, where the parser hung the speaker elsewhere,
the name the sentence's shape says it is ('..., Ramos, 58, told AFP' after a quotation; 'Speaking in Harlem,
Clinton, without naming him, also accused Sanders'; 'About 4 in 10 say ...')."""

from __future__ import annotations

from spacy.tokens import Token

from newsprism.extract.quotes.subjects import (
    OBJECT_DEPS,
    OWN_SUBJECT_DEPS,
    closes_quotation,
    inverted_subject,
    verb_subject,
)
from newsprism.nlp.analyze import sentence_bounds

_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def cue_subject(verb: Token) -> Token | None:
    """The word that speaks for ``verb``, or None. The parse's own subject comes after only two readings
    that override it: a name right after a closing quotation mark, whose verb the parser joined to the
    quotation's, and a name before a participle clause set off by commas; the repairs of a missing subject
    come after it, most specific first."""
    return (
        _speaker_after_quotation(verb)
        or _interjected_subject(verb)
        or verb_subject(verb)
        or inverted_subject(verb)
        or _stranded_subject(verb)
        or _misattached_subject(verb)
        or _set_off_subject(verb)
        or _root_noun_subject(verb)
        or _share_taken_for_a_modifier(verb)
    )


def _interjected_subject(verb: Token) -> Token | None:
    """'..., and President Vladimir Putin, signaling that he wants a way out, stressed ...': a participle
    clause set off by commas right after a name is said by that name, wherever the parser hangs it."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "acl"} or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    name = doc[verb.i - 2]
    if name.ent_type_ not in {"PERSON", "ORG"} or name.i < sentence_bounds(verb)[0]:
        return None
    # The name's last word: walk to the head of the name within its entity.
    while name.head.i != name.i and name.head.ent_type_ == name.ent_type_ and name.head.i > name.i:
        name = name.head
    # Only a name the parser left without a clause of its own, joined to a verb as if it were one: in
    # "X attacked Clinton, saying ..." Clinton is the object, and X says it.
    if name.dep_ != "conj" or name.head.pos_ != "VERB":
        return None
    return name


def _speaker_after_quotation(verb: Token) -> Token | None:
    """'“We were wrong ...,” Ramos, 58, told AFP': the parser joined the verb to the quotation's own verb,
    whose subject ('We') is the quoted speaker's word; the name right after the closing mark says it."""
    doc = verb.doc
    if verb.dep_ != "conj" or verb.head.i > verb.i or any(child.dep_ in OWN_SUBJECT_DEPS for child in verb.children):
        return None
    marks = [i for i in range(verb.head.i, verb.i) if closes_quotation(doc, i)]
    if not marks or marks[-1] + 1 >= verb.i:
        return None
    name = doc[marks[-1] + 1]
    if name.ent_iob_ != "B" or name.ent_type_ not in {"PERSON", "ORG"}:
        return None
    name = _name_end(name, verb.i)
    after = doc[name.i + 1]
    return name if after.i == verb.i or after.text == "," else None


def _stranded_subject(verb: Token) -> Token | None:
    """'Speaking in Harlem, Clinton, without naming him, also accused Sanders': the parser hangs a main
    verb's subject on the opening phrase as an apposition; take the name set off by commas before the verb."""
    if verb.dep_ != "ROOT" or any(child.dep_ in OWN_SUBJECT_DEPS for child in verb.children):
        return None
    doc = verb.doc
    for token in reversed(doc[sentence_bounds(verb)[0] : verb.i]):
        if token.dep_ == "appos" and token.ent_type_ == "PERSON" and token.head.i < token.i:
            after = token.right_edge.i + 1
            if after < verb.i and doc[after].text == "," and doc[token.left_edge.i - 1].text == ",":
                return token
    return None


def _set_off_subject(verb: Token) -> Token | None:
    """'Schilling, through a spokeswoman, declined to comment', '“... hunky-dory,” Gene Sperling, a top
    adviser, said': a finite main verb without a subject, after a name that opens its sentence (or follows
    an opening phrase or the quotation it speaks) and is set off by a comma; the parser hung the name
    elsewhere."""
    if (
        verb.dep_ != "ROOT"
        or verb.tag_ not in _FINITE
        or any(child.dep_ in OWN_SUBJECT_DEPS for child in verb.children)
    ):
        return None
    doc = verb.doc
    sentence_start = sentence_bounds(verb)[0]
    for token in doc[sentence_start : verb.i]:
        if token.ent_iob_ != "B" or token.ent_type_ not in {"PERSON", "ORG"}:
            continue
        # The name opens the sentence, follows an opening phrase, or follows the quotation it speaks.
        opens = token.i == sentence_start or doc[token.i - 1].text == "," or closes_quotation(doc, token.i - 1)
        token = _name_end(token, verb.i)
        if opens and token.i + 1 < verb.i and doc[token.i + 1].text == ",":
            return token
        return None  # only the first name of the sentence
    return None


def _name_end(first: Token, before: int) -> Token:
    """The last word of the named entity that opens at ``first``, short of the token at ``before``."""
    doc, last = first.doc, first
    while last.i + 1 < before and doc[last.i + 1].ent_iob_ == "I":
        last = doc[last.i + 1]
    return last


def _misattached_subject(verb: Token) -> Token | None:
    """'At an event in Ohio, 62-year-old Brenda Johnson also railed against immigrants', 'After a day of
    tensions between two Republicans, House Speaker Paul Ryan’s office announced ...': a finite main verb
    left without a subject because the parser hung the name before it elsewhere (here on 'in', or joined
    to 'two'); the noun that ends right before the verb (and its auxiliaries and adverbs) is its subject."""
    if verb.dep_ != "ROOT" or any(child.dep_ in OWN_SUBJECT_DEPS for child in verb.children):
        return None
    before = [child for child in verb.lefts if child.dep_ in {"aux", "auxpass", "neg", "advmod"}]
    if verb.tag_ not in _FINITE and not any(child.tag_ in _FINITE for child in before):
        return None
    first, sentence_start = verb.i, sentence_bounds(verb)[0]
    while first - 1 >= sentence_start and any(child.i == first - 1 for child in before):
        first -= 1
    if first - 1 < sentence_start:
        return None
    noun = verb.doc[first - 1]
    if noun.text == "," and noun.i - 1 >= sentence_start and verb.doc[noun.i - 1].dep_ == "appos":
        # 'Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said ...': the name
        # before its apposition, which the parser joined to the opening phrase.
        noun = verb.doc[noun.i - 1].head
        if noun.ent_type_ not in {"PERSON", "ORG"}:
            return None
    if noun.pos_ not in {"PROPN", "NOUN"} or noun.dep_ in OWN_SUBJECT_DEPS or noun.dep_ in OBJECT_DEPS:
        return None
    if not noun.is_alpha or noun.ent_type_ in {"DATE", "TIME"}:
        return None  # 'disclosures filed on Sunday night revealed ...': when, not who
    return noun


def _root_noun_subject(verb: Token) -> Token | None:
    """'Beruff, a Scott ally, called Florida's standards "strong."', 'Donald Trump called Wednesday for ...':
    the parser read the main verb as a participle describing the name ('the ally called ...') and left the
    sentence without a verb of its own; the name it hangs on is its subject."""
    head = verb.head
    if verb.dep_ != "acl" or head.dep_ != "ROOT" or head.pos_ not in {"NOUN", "PROPN"} or head.i > verb.i:
        return None
    return head if verb.tag_ in {"VBD", "VBN", "VBZ"} else None


def _share_taken_for_a_modifier(verb: Token) -> Token | None:
    """'About 4 in 10 say they want ...', 'Less than a third agreed ...': a share of those polled, which the
    parser hung on the verb as a number or an adverb of measure rather than as its subject."""
    if verb.tag_ not in _FINITE and verb.dep_ != "ROOT":
        return None
    share = next((child for child in verb.lefts if child.dep_ in {"nummod", "npadvmod"}), None)
    if share is None or share.ent_type_ not in {"CARDINAL", "PERCENT"}:
        return None
    return share
