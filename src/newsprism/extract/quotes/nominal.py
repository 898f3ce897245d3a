"""Attributions whose cue is no verb: adjectives and nouns of a stance ('adamant that', 'her criticism of'),
possessed cue nouns ('Trump's claim that ...'), cue phrases ('according to X'), polls ('In a CNN poll, ...')."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsprism.extract.quotes.cues import CueLexicon
from newsprism.extract.quotes.found import Found, Range, minus, rest_of, subtree_range, token_range, trim_cut
from newsprism.extract.quotes.senses import first_sense
from newsprism.extract.quotes.subjects import (
    NOMINAL,
    OWN_SUBJECT_DEPS,
    SUBJECT_DEPS,
    owner_range,
    relays_a_report,
    source_range,
    verb_subject,
)
from newsprism.nlp.analyze import doc_text, sentence_bounds

# Adjectives of a stance taken towards a claim or a person ('adamant that', 'skeptical of').
_ATTITUDES = frozenset(
    {
        "adamant",
        "confident",
        "skeptical",
        "convinced",
        "hopeful",
        "optimistic",
        "wary",
        "mistrustful",
        "distrustful",
        "hostile",
        "sympathetic",
        "dismissive",
        "critical",
        "supportive",
        "outspoken",
        "unhappy",
        "worried",
        "concerned",
        "proud",
        "angry",
        "upset",
        "frustrated",
        "eager",
    }
)
# 'He is a fervent supporter of Trump': the noun names the stance ('of' gives what it is taken towards).
_PARTISANS = frozenset({"supporter", "critic", "opponent", "fan", "backer", "proponent", "advocate", "admirer"})
_PARTISAN_PREPS = frozenset({"of"})
_ATTITUDE_PREPS = frozenset({"of", "about", "to", "that", "with", "on", "in"})
# 'In a Gallup poll, ...': a survey is the source of the finding it qualifies (PolNeAR marks 'In' as the cue).
_POLL_PREPOSITIONS = frozenset({"in"})
_POLL_NOUNS = frozenset({"poll", "survey"})


def attitude_cue(adjective: Token, lexicon: CueLexicon) -> Found | None:
    """'Aides were adamant that ...', 'He is deeply mistrustful of the establishment', 'She is a fervent
    supporter of Trump': a stance taken. Adjectives of the stance list read by rule (unless vetoed); any
    other ('pleased with', 'cagey about') only where the learned judge admits it."""
    found, by_rule = attitude_reading(adjective)
    return found if found is not None and lexicon.keeps(adjective, found, by_rule) else None


def attitude_reading(adjective: Token) -> tuple[Found | None, bool]:
    """The stance an adjective (or a partisan noun) would report, and whether the stance list makes it by rule."""
    noun = adjective.pos_ == "NOUN" and adjective.dep_ == "attr" and adjective.lemma_.lower() in _PARTISANS
    if not noun and (adjective.pos_ != "ADJ" or adjective.dep_ != "acomp"):
        return None, False
    by_rule = noun or adjective.lemma_.lower() in _ATTITUDES
    verb = adjective.head
    subject = verb_subject(verb)
    if subject is None or subject.pos_ not in NOMINAL or subject.lower_ in {"it", "that", "this", "which"}:
        return None, False
    content: list[Range] = []
    # 'were adamant that ...': the parser hangs the clause on the verb as often as on the adjective.
    clauses = [child for child in verb.children if child.dep_ == "ccomp" and child.i > adjective.i]
    for child in [*adjective.children, *clauses]:
        if child.dep_ in {"ccomp", "xcomp"}:
            content.append(subtree_range(child) or (0, 0))
        elif child.dep_ == "prep" and child.lower_ in (_PARTISAN_PREPS if noun else _ATTITUDE_PREPS):
            objects = [grand for grand in child.children if grand.dep_ in {"pobj", "pcomp"}]
            content.extend(subtree_range(grand) or (0, 0) for grand in objects)
    content = [part for part in content if part[1] > part[0]]
    source = source_range(subject, relative=False)
    cue = token_range(adjective.doc, min(verb.i, adjective.i), adjective.i)
    if not content or source is None or cue is None:
        return None, False
    return Found(cue=cue, source=source, content=content), by_rule


def noun_cue(token: Token, lexicon: CueLexicon) -> Found | None:
    """'Trump's claim that ...', 'Kerry's announcement of ...': the possessor is the source."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in lexicon.nouns or token.dep_ in SUBJECT_DEPS:
        return None
    owner = next((child for child in token.children if child.dep_ == "poss"), None)
    if owner is None or owner.pos_ == "PRON":
        # "the outrage over her remarks about the judge": with a pronoun owner the phrase is mostly talk
        # about a statement, not its report (right 24% of the time on PolNeAR's train split).
        return None
    if token.dep_ == "pobj" and token.head.lower_ in {"in", "by"} and token.head.head.i != token.head.i:
        # "In their view, Democrats could win": the clause the phrase hangs on is what the owner holds;
        # but in "In his remarks, Trump said ..." that clause's own cue verb makes the attribution.
        if token.head.head.lemma_.lower() in lexicon.verbs:
            return None
        return _framing_phrase(token.head, owner_range(owner), (token.idx, token.idx + len(token)))
    parts = [
        child
        for child in token.rights
        if child.dep_ in {"acl", "ccomp", "appos"} or (child.dep_ == "prep" and child.lower_ in {"of", "that", "about"})
    ]
    if not parts:
        return None
    content = token_range(token.doc, parts[0].left_edge.i, parts[-1].right_edge.i)
    source = owner_range(owner)
    if content is None or source is None:
        return None
    cue = (token.idx, token.idx + len(token))
    return Found(cue=cue, source=source, content=[content])


# Who a noun without an owner names as its speaker: 'claims by intelligence agencies that ...', 'criticism from
# rivals that ...'.
_AGENT_PREPOSITIONS = frozenset({"by", "from"})
_SPEAKER_KINDS = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def agent_noun_cue(token: Token) -> Found | None:
    """'claims by intelligence agencies that some of her messages should be classified', 'complaints from
    his American counterpart that China's glut ...': a noun without an owner, with its speaker after 'by' or
    'from' and a 'that' clause, reports that clause. Rare but telling: of the 15 nouns with both on PolNeAR's
    train split, annotators marked 9 so, lexicon nouns ('claims') and others ('advice', 'demand') alike."""
    if token.pos_ != "NOUN" or token.dep_ in SUBJECT_DEPS or any(child.dep_ == "poss" for child in token.children):
        return None
    clause = next((child for child in token.rights if child.dep_ in {"acl", "ccomp", "relcl"} and _that(child)), None)
    if clause is None:
        return None
    for preposition in token.rights:
        if preposition.dep_ != "prep" or preposition.lower_ not in _AGENT_PREPOSITIONS or preposition.i > clause.i:
            continue
        agent = next((child for child in preposition.children if child.dep_ == "pobj"), None)
        if agent is None or not _speaks(agent):
            continue
        source, content = subtree_range(agent), subtree_range(clause)
        if source is None or content is None:
            return None
        return Found(cue=(token.idx, token.idx + len(token)), source=source, content=[content])
    return None


def _that(clause: Token) -> bool:
    """Whether a clause opens with the conjunction 'that' (its 'mark')."""
    return any(word.dep_ == "mark" and word.lower_ == "that" for word in clause.children)


def _speaks(noun: Token) -> bool:
    """A named person, organisation, people or place, or a common noun for people ('rivals', 'the panel')."""
    return noun.ent_type_ in _SPEAKER_KINDS or first_sense(noun) in {"noun.person", "noun.group"}


# What a possessed noun's complement says it is about: 'criticism of', 'support for', 'attack on', 'vote against'.
_NOUN_COMPLEMENT_PREPS = frozenset({"of", "for", "on", "about", "against", "to", "with", "over", "toward", "towards"})


def possessed_noun_cue(noun: Token, lexicon: CueLexicon) -> Found | None:
    """'Trump's criticism of Clinton', 'her support for the bill': kept only where the learned judge admits it."""
    found, _ = possessed_noun_reading(noun, lexicon)
    return found if found is not None and lexicon.keeps(noun, found, False) else None


def possessed_noun_reading(noun: Token, lexicon: CueLexicon) -> tuple[Found | None, bool]:
    """The stance or statement a possessed noun with a complement would report ('Trump's criticism of
    Clinton', 'Obama's decision to veto it'), for the judge to weigh; a lexicon noun with a named owner is
    read by rule (``noun_cue``) and is not read here."""
    if noun.pos_ != "NOUN" or noun_cue(noun, lexicon) is not None:
        return None, False
    owner = next((child for child in noun.children if child.dep_ == "poss"), None)
    if owner is None:
        return None, False
    content: list[Range] = []
    for child in noun.rights:
        if child.dep_ == "ccomp" or (child.dep_ == "acl" and any(word.tag_ == "TO" for word in child.lefts)):
            content.append(subtree_range(child) or (0, 0))
        elif child.dep_ == "prep" and child.lower_ in _NOUN_COMPLEMENT_PREPS:
            content.extend(
                subtree_range(grand) or (0, 0) for grand in child.children if grand.dep_ in {"pobj", "pcomp"}
            )
    content = [part for part in content if part[1] > part[0]]
    source = owner_range(owner)
    if not content or source is None:
        return None, False
    return Found(cue=(noun.idx, noun.idx + len(noun)), source=source, content=content), False


def copular_cue(verb: Token) -> Found | None:
    """'Rubio's response was that ...', 'His message has long been that ...': a possessed noun said to be a
    'that' clause is its owner's statement; the noun with the copula is the cue."""
    if verb.lemma_ != "be" or verb.pos_ != "AUX" or any(child.dep_ in {"acomp", "attr"} for child in verb.children):
        return None  # "His aides were adamant that ...": a stance, read by the adjective
    subject = next((child for child in verb.children if child.dep_ == "nsubj" and child.pos_ == "NOUN"), None)
    owner = next((child for child in subject.children if child.dep_ == "poss"), None) if subject is not None else None
    clause = next((child for child in verb.rights if child.dep_ == "ccomp" and _that(child)), None)
    if subject is None or owner is None or clause is None:
        return None
    source, content = owner_range(owner), subtree_range(clause)
    cue = token_range(verb.doc, subject.i, verb.i)
    if source is None or content is None or cue is None:
        return None
    return Found(cue=cue, source=source, content=[content])


def _framing_phrase(preposition: Token, source: Range | None, cue: Range) -> Found | None:
    """A phrase framing the clause it opens as someone's view ('In their view, ...', 'To Frank, ...'): what
    the view holds is that clause without the phrase."""
    clause = subtree_range(preposition.head)
    phrase = subtree_range(preposition)
    if clause is None or phrase is None or source is None:
        return None
    content = rest_of(preposition.doc, clause, phrase)
    if not content:
        return None
    return Found(cue=cue, source=source, content=content)


def phrase_cue(token: Token, lexicon: CueLexicon, sentence: Span) -> Found | None:
    """'according to X, ...': X is the source, the rest of the sentence the content."""
    word = token.lower_
    if word not in lexicon.phrase_starts:
        return None  # nearly every token: no phrase opens with it
    doc = token.doc
    for phrase in lexicon.phrases:
        end = token.i + len(phrase)
        # The cheap test first: this runs for every token of every article.
        if phrase[0] != word or end > sentence.end or any(doc[token.i + k].lower_ != w for k, w in enumerate(phrase)):
            continue
        if relays_a_report(token, lexicon):
            return None
        last = doc[end - 1]
        objects = [child for child in last.children if child.dep_ == "pobj"]
        if not objects:
            return None
        source = subtree_range(objects[0])
        whole = token_range(doc, sentence.start, sentence.end - 1)
        cue = (token.idx, last.idx + len(last))
        if source is None or whole is None:
            return None
        occasion = _speaking_occasion_end(doc, objects[0].right_edge.i + 1)
        phrase_span = (token.idx, max(source[1], occasion or 0, cue[1]))
        content = [part for part in minus(whole, phrase_span) if doc_text(doc)[part[0] : part[1]].strip(" ,;:—–-")]
        content = [trim_cut(doc_text(doc), part) for part in content]
        if not content:
            return None
        return Found(cue=cue, source=source, content=content)
    return None


def _speaking_occasion_end(doc: Doc, after_source: int) -> int | None:
    """'according to Stoltenberg, speaking to reporters before the meeting': where the participle phrase
    right after a source (``after_source`` is the token after it) ends; it tells when the source spoke,
    not what was said."""
    if after_source + 1 >= len(doc) or doc[after_source].text != ",":
        return None
    participle = doc[after_source + 1]
    if participle.tag_ != "VBG" or participle.dep_ not in {"advcl", "acl"} or participle.left_edge.i != participle.i:
        return None
    if any(child.dep_ in OWN_SUBJECT_DEPS for child in participle.children):
        return None
    last = participle.right_edge
    return last.idx + len(last)


def poll_cue(token: Token, cue_verbs: frozenset[str]) -> Found | None:
    """'In a CNN poll released Monday, 31 percent ...': the poll is the source, the clause it qualifies the content."""
    if token.lower_ not in _POLL_PREPOSITIONS or token.dep_ != "prep" or token.head.pos_ not in {"VERB", "AUX"}:
        return None
    if token.i > token.head.i:
        return None  # 'leads in the polls', 'rising in the polls': a standing, not a finding reported
    objects = [child for child in token.children if child.dep_ == "pobj" and child.lemma_.lower() in _POLL_NOUNS]
    if not objects:
        return None
    if token.head.lemma_.lower() in cue_verbs and any(
        child.dep_ == "nsubj" and child.ent_type_ in {"ORG", "PERSON"} for child in token.head.children
    ):
        return None  # 'In an online poll ..., Democracy Corp found that ...': the pollster reports the finding
    doc = token.doc
    source = subtree_range(objects[0])
    clause = subtree_range(token.head)
    phrase = subtree_range(token)
    if source is None or clause is None or phrase is None:
        return None
    clause = (min(clause[0], phrase[0]), max(clause[1], phrase[1]))
    content = rest_of(doc, clause, phrase)
    content = [part for part in content if part[1] > part[0]]
    if not content:
        return None
    return Found(cue=(token.idx, token.idx + len(token)), source=source, content=content)


def to_whom_cue(token: Token) -> Found | None:
    """'To Frank, issues of class get attention only so long as ...': a sentence opening with 'To' and a
    name set off by a comma gives the view of the one named (every such name on PolNeAR's train split was
    annotated so; 'To date', 'To the shock of ...' and other nouns are not views)."""
    if token.lower_ != "to" or not token.is_sent_start or token.dep_ != "prep":
        return None  # first, before the parse is looked at further: this runs on every token
    if token.head.pos_ not in {"VERB", "AUX"}:
        return None
    name = next((child for child in token.children if child.dep_ == "pobj"), None)
    if name is None or name.ent_type_ not in {"PERSON", "ORG"}:
        return None
    doc = token.doc
    if name.right_edge.i + 1 >= len(doc) or doc[name.right_edge.i + 1].text != ",":
        return None
    return _framing_phrase(token, subtree_range(name), (token.idx, token.idx + len(token)))


# Records that show what a closing '..., records show.' reports, which the tagger reads as a 'records show'.
_EVIDENCE_NOUNS = frozenset({"records", "documents", "data", "figures", "filings", "reports", "results", "polls"})


def closing_evidence_cue(token: Token) -> Found | None:
    """'The Tampa host committee raised $57 million, Federal Election Commission records show.': the tagger
    takes 'records show' for a noun phrase (a show of records); the records report the clause before."""
    if token.lower_ not in {"show", "shows"}:
        return None  # first, before the sentence is looked up: this runs on every token
    doc, sentence_start = token.doc, sentence_bounds(token)[0]
    if token.i - 1 <= sentence_start:
        return None
    evidence = doc[token.i - 1]
    if evidence.lower_ not in _EVIDENCE_NOUNS or evidence.head.i != token.i or evidence.dep_ != "compound":
        return None
    after = [word.text for word in doc[token.i + 1 : token.i + 3]]
    if after and after[0] not in {".", ";"} and after not in ([",", "and"], [",", "but"]):
        return None  # 'records show he backed McCain' parses as a report; '..., records show, does not' interjects
    first = evidence.i
    while first - 1 > sentence_start and _compound_within(doc[first - 1], first, token.i):
        first -= 1
    if doc[first - 1].text != ",":
        return None
    content = token_range(doc, sentence_start, first - 2)
    source = token_range(doc, first, evidence.i)
    if content is None or source is None:
        return None
    return Found(cue=(token.idx, token.idx + len(token)), source=source, content=[content])


def _compound_within(word: Token, first: int, last: int) -> bool:
    return word.dep_ == "compound" and first <= word.head.i <= last
