"""Attributions read off the dependency parse: cue verbs, and every reading of one sentence."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsprism.extract.quotes.cue_subjects import cue_subject
from newsprism.extract.quotes.cues import CueLexicon
from newsprism.extract.quotes.found import Found, Range, rest_of, subtree_range, token_range, trim_cut, within
from newsprism.extract.quotes.nominal import (
    agent_noun_cue,
    attitude_cue,
    attitude_reading,
    closing_evidence_cue,
    copular_cue,
    noun_cue,
    phrase_cue,
    poll_cue,
    possessed_noun_cue,
    possessed_noun_reading,
    to_whom_cue,
)
from newsprism.extract.quotes.subjects import (
    OWN_SUBJECT_DEPS,
    TENSED,
    described_subject,
    owner_range,
    relays_a_report,
    source_range,
)
from newsprism.extract.quotes.verb_content import (
    before_reporting_clause,
    governed,
    that_clause_taken_for_relative,
    verb_content,
)
from newsprism.nlp.analyze import doc_text, sentence_bounds

# What opens a contrast that may hold a report of its own ('..., while about 4 in 10 want ...').
_CONTRASTS = frozenset({"though", "although", "while", "whereas"})
# 'received support from', 'drew criticism from': a stance the subject receives from someone.
_RECEIVING_VERBS = frozenset({"receive", "win", "draw", "get", "earn", "attract", "garner", "gain", "face"})
_RECEIVED = frozenset(
    {
        "support",
        "endorsement",
        "criticism",
        "praise",
        "backing",
        "condemnation",
        "applause",
        "rebuke",
        "ire",
        "pass",
        "blessing",
        "approval",
        "fire",
        "scorn",
        "backlash",
        "pushback",
        "vote",
        "nod",
        "warning",
    }
)


# The parts of speech a cue read off a word itself has: a verb, a noun, 'be', an adjective of a stance. The
# cues of any other word are phrases, polls and the like, found by the word ('according to', 'in the polls').
_HEAD_OF_A_CUE = frozenset({"VERB", "NOUN", "AUX", "ADJ"})


def find_attributions(sentence: Span, lexicon: CueLexicon) -> list[Found]:
    """Every attribution whose cue is a verb, a possessed noun or a cue phrase in ``sentence``."""
    if not sentence.doc.has_annotation("DEP"):
        return []  # every cue here is read off the parse; without one there is no tree to walk
    found: list[Found] = []
    for token in sentence:
        hit = (
            phrase_cue(token, lexicon, sentence)
            or poll_cue(token, lexicon.verbs)
            or to_whom_cue(token)
            or closing_evidence_cue(token)
        )
        if hit is None and token.pos_ in _HEAD_OF_A_CUE:
            hit = (
                _verb_cue(token, lexicon)
                or noun_cue(token, lexicon)
                or agent_noun_cue(token)
                or copular_cue(token)
                or attitude_cue(token, lexicon)
                or possessed_noun_cue(token, lexicon)
            )
        if hit is not None:
            found.append(hit)
    if len(found) > 1:  # each pass below moves one attribution's bounds for another's sake
        verbs = {token.idx: token for token in sentence}  # the token at each cue's first character
        _split_coordinated_reports(found, verbs)
        _split_trailing_participles(sentence, found, verbs)
        _end_before_contrasting_reports(sentence, found, verbs)
    return found


def _end_before_contrasting_reports(sentence: Span, found: list[Found], verbs: dict[int, Token]) -> None:
    """'The mayor said the city would recover while critics argued that the plan had failed': what the
    mayor said ends before the critics' report that closes it (``stands_inside_another_report``)."""
    for inner in found:
        verb = verbs.get(inner.cue[0])
        if verb is None or not inner.nests or verb.dep_ != "advcl":
            continue
        clause_end = verb.right_edge.idx + len(verb.right_edge)
        for outer in found:
            if outer is inner or not within(inner.cue, outer.content):
                continue
            piece = next((start, end) for start, end in outer.content if start <= inner.cue[0] < end)
            if clause_end < piece[1] - 1:
                continue  # the contrast runs on inside the content: leave the content whole
            first = verb.left_edge.i
            while first - 1 > sentence.start and verb.doc[first - 1].text in ",;":
                first -= 1
            kept = _content_before(verb.doc, outer.content, verb.doc[first].idx)
            if kept:
                outer.content = kept


def _split_trailing_participles(sentence: Span, found: list[Found], verbs: dict[int, Token]) -> None:
    """'Trump said he has expanded the party, claiming that he raised turnout': the claim is Trump's too.

    The parser often hangs a participle cue set off by a comma on the reported clause rather than on
    the cue before it, so the second report lands inside the first one's content, under the clause's
    subject. A participle cue with no subject of its own that closes another attribution's content is
    that attribution's speaker's second report; the first content ends at the comma.
    """
    doc = sentence.doc
    for inner in found:
        verb = verbs.get(inner.cue[0])
        if verb is None or verb.tag_ != "VBG" or verb.dep_ != "advcl" or not inner.content:
            continue
        if any(c.dep_ in OWN_SUBJECT_DEPS for c in verb.children):
            continue
        opening = verb.left_edge
        comma = _comma_before(doc, opening.i)
        if comma is None or (opening.i != verb.i and opening.dep_ != "mark"):
            continue  # ', claiming ...', ', while stressing ...': a phrase of its own, set off by a comma
        phrase_end = verb.right_edge.idx + len(verb.right_edge)
        for outer in found:
            if outer is inner or outer.source is None or outer.quoted or outer.cue[1] > comma:
                continue
            piece = next(((start, end) for start, end in outer.content if start < comma and verb.idx < end), None)
            if piece is None or phrase_end < piece[1] - 1:
                continue  # the phrase must close the content it sits in, not run on inside it
            kept = _content_before(doc, outer.content, comma)
            if not kept:
                continue
            outer.content = kept
            inner.source = outer.source
            _share_with_coordinated_participles(verb, inner, found, verbs)
            break


def _comma_before(doc: Doc, position: int) -> int | None:
    """Where the comma that sets off the phrase starting at token ``position`` ends what comes before it: at
    the comma, or after the closing quotation mark that follows it ('has "expanded the party," claiming').
    None when no comma is there."""
    before = position - 1
    if before >= 0 and doc[before].text == ",":
        return doc[before].idx
    if before >= 1 and doc[before].is_quote and doc[before - 1].text == ",":
        return doc[before].idx + len(doc[before])
    return None


def _share_with_coordinated_participles(
    verb: Token, report: Found, found: list[Found], verbs: dict[int, Token]
) -> None:
    """', stressing that ... and urging Russia to ...': a participle cue joined to a report split off by
    ``_split_trailing_participles`` (or to the last verb of what it reports), closing it, is the same
    speaker's; the first content ends before the 'and'."""
    doc = verb.doc
    for partner in found:
        joined = verbs.get(partner.cue[0])
        if partner is report or joined is None or joined.dep_ != "conj":
            continue
        if not any(ancestor.i == verb.i for ancestor in joined.ancestors):
            continue  # joined to the participle, or to the last verb of what it reports
        report_end = max(piece[1] for piece in report.content)
        if joined.right_edge.idx + len(joined.right_edge) < report_end - 1:
            continue  # a participle that runs on inside the report is part of it
        if joined.tag_ != "VBG" or any(c.dep_ in OWN_SUBJECT_DEPS for c in joined.children):
            continue
        first = joined.left_edge.i
        cut = doc[first - 1].idx if first > 0 and doc[first - 1].pos_ == "CCONJ" else joined.left_edge.idx
        report.content = _content_before(doc, report.content, cut) or report.content
        partner.source = report.source


def _split_coordinated_reports(found: list[Found], verbs: dict[int, Token]) -> None:
    """'Spicer said the party was not in crisis, and urged calm': both reports are Spicer's.

    The parser hangs the second cue verb on the reported clause ('was ... and urged'), which makes the
    clause's subject its speaker and puts the second report inside the first one's content. A cue verb
    with no subject of its own, joined to a verb inside another attribution's content, is that
    attribution's speaker's second report when it could not go on with the verb it is joined to: joined
    to the reported clause's own verb in the cue's tense, or to any verb of another form while it has the
    cue's. The first content ends before it.
    """
    for inner in found:
        verb = verbs.get(inner.cue[0])
        if verb is None or verb.dep_ != "conj" or any(c.dep_ in OWN_SUBJECT_DEPS for c in verb.children):
            continue
        for outer in found:
            if outer is inner or outer.source is None or outer.cue[1] > verb.head.idx:
                continue
            cue_verb = verbs.get(outer.cue[0])
            if not (_joined_to_reported_clause(verb, outer.cue) or _in_the_form_of_the_cue(verb, cue_verb)):
                continue  # 'said the group is neutral and supports both sides': the clause goes on
            if not any(start <= verb.head.idx and verb.idx < end for start, end in outer.content):
                continue
            # The first content ends at the ', and' joining the two reports; a quotation closing before it
            # stays in, one opening before it does not.
            first = verb.left_edge.i
            while first - 1 > verb.head.i and (verb.doc[first - 1].dep_ == "cc" or verb.doc[first - 1].text in ",;“‘"):
                first -= 1
            cut = verb.doc[first].idx
            kept = _content_before(verb.doc, outer.content, cut)
            if not kept:
                continue
            outer.content = kept
            inner.source = outer.source
            break


def _joined_to_reported_clause(verb: Token, cue: Range) -> bool:
    """Whether ``verb`` is joined to the clause the cue at ``cue`` reports, in the cue's tense or as a finite
    verb after an infinitive."""
    clause = verb.head
    if clause.dep_ not in {"ccomp", "xcomp"} or clause.head.idx != cue[0]:
        return False  # only the clause the cue reports, not a verb deeper in it
    return verb.tag_ == clause.head.tag_ or _finite_after_infinitive(verb) or _breaks_tense(verb, clause)


def _breaks_tense(verb: Token, clause: Token) -> bool:
    """'says the main goal is “to disqualify Trump,” but conceded that ...': a finite verb in the past where
    the clause it is joined to is in the present, or the other way round, does not go on with that clause."""
    tenses = {verb.tag_, clause.tag_}
    return tenses <= TENSED and "VBD" in tenses and len(tenses) == 2


def _in_the_form_of_the_cue(verb: Token, cue_verb: Token | None) -> bool:
    """'warning ... that the group could penetrate the country and implying that ...': a verb in the cue's
    own form, joined to a verb of another form anywhere in what the cue reports, goes with the cue."""
    return cue_verb is not None and verb.tag_ == cue_verb.tag_ and verb.head.tag_ != verb.tag_


def _finite_after_infinitive(verb: Token) -> bool:
    """'has vowed to keep abortion legal and celebrated the ruling': a finite verb cannot be joined to the
    infinitive the parser hung it on, so it is joined to the verb that governs the infinitive."""
    return verb.tag_ in TENSED and verb.head.dep_ == "xcomp" and verb.head.tag_ == "VB"


def _content_before(doc: Doc, content: list[Range], cut: int) -> list[Range]:
    """The pieces of ``content`` that lie before character ``cut``, cut there and trimmed; empty ones dropped."""
    kept = [trim_cut(doc_text(doc), (start, min(end, cut))) for start, end in content if start < cut]
    return [part for part in kept if part[1] > part[0]]


def stands_inside_another_report(verb: Token, found: Found, by_rule: bool, lexicon: CueLexicon) -> bool:
    """Whether ``verb`` reports in a clause of its own, which stays a report even inside another's content:
    a relative clause, or a contrast with its own subject, whose reading the judge finds likely (judged as
    what it is, a lexicon cue or not).

    In 'Trump made no mention of Jeb Bush, who announced he is suspending his campaign' PolNeAR marks what
    Bush announced on its own, as it does 'about 4 in 10 want one with political experience' in 'half said
    they prefer an outsider, while about 4 in 10 want one with political experience': the clause tells of
    another report, not of what the outer cue says. Most such verbs inside a content report nothing ('the
    voters who support charters'), so the judge's threshold is asked of lexicon verbs too: kept by the
    lexicon's rule alone, relative clauses took train out-of-fold pair F1 (seed 13) from 0.7898 to 0.7900
    (P 0.8372 -> 0.8316). With the judge, fold seeds 13 / 1 / 2 / 3: 0.7898 / 0.7892 / 0.7892 / 0.7907 ->
    0.7906 / 0.7902 / 0.7900 / 0.7912 with relative clauses, 0.7908 / 0.7904 / 0.7902 / 0.7914 with the
    contrasts too (any adverbial clause with a subject: 0.7904 at seed 13; with joined clauses as well, 0.7904).
    """
    if verb.dep_ == "advcl":
        contrast = any(child.dep_ == "mark" and child.lower_ in _CONTRASTS for child in verb.children)
        if not contrast or not any(child.dep_ in OWN_SUBJECT_DEPS for child in verb.children):
            return False
    elif verb.dep_ != "relcl":
        return False
    return lexicon.judge is not None and lexicon.judge.likely(verb, found, by_rule)


def _verb_cue(token: Token, lexicon: CueLexicon) -> Found | None:
    """A lexicon verb's attribution; another verb's only where the lexicon's learned judge admits it."""
    if token.pos_ != "VERB" or (lexicon.judge is None and token.lemma_.lower() not in lexicon.verbs):
        return None
    found, by_rule = verb_reading(token, lexicon)
    if found is not None and lexicon.keeps(token, found, by_rule):
        found.nests = stands_inside_another_report(token, found, by_rule, lexicon)
        return found
    if by_rule:
        return None
    # A clause-only cue the judge turns down keeps its cue without content ('Cruz continued:' still
    # introduces the quotation of the next paragraph).
    return verb_attribution(token, lexicon) if token.lemma_.lower() in lexicon.verbs else None


def judged_reading(token: Token, lexicon: CueLexicon) -> tuple[Found | None, bool]:
    """The reading of ``token`` that the learned judge weighs (or may veto), and whether it is made by rule.

    ``find_attributions`` tries a verb's reading, then an adjective's or partisan noun's stance, then a
    possessed noun's, in this order; ``train_cues`` teaches the judge on the same readings.
    """
    if token.pos_ == "VERB":
        return verb_reading(token, lexicon)
    found, by_rule = attitude_reading(token)
    if found is None and token.pos_ == "NOUN":
        return possessed_noun_reading(token, lexicon)
    return found, by_rule


def verb_reading(token: Token, lexicon: CueLexicon) -> tuple[Found | None, bool]:
    """The attribution a verb would make, and whether the lexicon makes it by rule (else the judge weighs it).

    A verb that attributes by rule only with a clause ('found that ...') may still report its object
    ('we have seen no sign of it'): without a clause, that reading goes to the judge like any other verb's.
    """
    lemma = token.lemma_.lower()
    if lemma in lexicon.clause_only_verbs:
        found = verb_attribution(token, lexicon)
        if found is not None and found.content:
            return found, True
        return verb_attribution(token, lexicon, objects=True), False
    return verb_attribution(token, lexicon), lemma in lexicon.verbs


def verb_attribution(token: Token, lexicon: CueLexicon, objects: bool = False) -> Found | None:
    """The attribution ``token`` would make as a cue verb: its speaker and what it reports.

    A clause-only verb of the lexicon reports no plain object unless ``objects`` is set.
    """
    if relays_a_report(token, lexicon):
        return None
    subject = cue_subject(token)
    if subject is None or subject.lower_ == "that":
        # "a sign that read ...", "a policy that favors ...": 'that' mostly stands for a thing, rarely for
        # a speaker (right 19% of the time on PolNeAR's train split).
        return None
    cue_first, source = token.i, source_range(subject, relative=subject.i > token.i or subject not in token.children)
    if source is not None and subject.i < token.i and source[1] > token.idx:
        source = _before_the_cue(subject, token, source[0])
    owner = _possessor(subject, lexicon)
    if owner is not None:
        # "The Kremlin's statement said ...": the owner speaks through the statement.
        source, cue_first = owner_range(owner), subject.i if subject.i < token.i else token.i
    content = verb_content(
        token,
        clause_only=not objects and token.lemma_.lower() in lexicon.clause_only_verbs,
        head_is_cue=token.dep_ == "ccomp" and token.head.lemma_.lower() in lexicon.verbs,
        cue_verbs=lexicon.verbs,
    )
    if subject.head.dep_ == "agent" and not any(child.dep_ == "ccomp" for child in token.children):
        # "The move was first reported by the Miami Herald", "Trump was criticized by his rivals for ...": the
        # passive subject is what was reported, or what the stance is on; not the 'It' of "It was reported
        # by the Post that ...".
        reported = [subtree_range(child) for child in token.children if child.dep_ == "nsubjpass"]
        content = [part for part in reported if part is not None] + content
    if not content and token.lemma_.lower() in lexicon.verbs:
        # Only a verb of speech asks for a clause: 'marks the third week that the poll has shown ...' is a
        # relative clause after all.
        content = that_clause_taken_for_relative(token)
    if not content:
        content = before_reporting_clause(token, subject)
    giver = _giver(token)
    if giver is not None:
        # "Cruz has not received any endorsements from his fellow senators": the senators take the stance,
        # on Cruz.
        source, content = subtree_range(giver), [part for part in [source_range(subject, relative=False)] if part]
        cue_first = token.i
    elif source is not None:
        # An inverted speaker hangs inside the clause it reports: what it says is the clause without it;
        # a speaker the parser made the subject of what describes them, without that description.
        described = subtree_range(subject.head) if described_subject(subject.head) else None
        if subject.head.dep_ == "agent" and subject.head.i > token.i:
            # 'denounced as a charlatan by fellow physicians for ...': the 'by' goes with its speaker.
            source_cut: Range | None = (subject.head.idx, source[1])
        else:
            source_cut = source
        for cut in (source_cut, described):
            if cut is not None:
                content = [part for piece in content for part in rest_of(token.doc, piece, cut)]
    if cue_first == token.i:
        cue_first = _negation_start(token)
    cue = token_range(token.doc, cue_first, _particle_end(token))
    if cue is None:
        return None
    text = doc_text(token.doc)
    content = [_close_brackets(text, _close_quotation(text, piece)) for piece in content]
    return Found(cue=cue, source=_close_source(text, source) if source else None, content=content)


def _before_the_cue(subject: Token, verb: Token, start: int) -> Range | None:
    """A speaker before its verb ends before it: the parser sometimes hangs an apposition after the verb on the
    speaker ('Podliska further alleges that he was fired ..., a claim that ...'), whose subtree then holds the
    verb and all it reports."""
    last = subject.i
    while last + 1 < verb.i and subject.is_ancestor(verb.doc[last + 1]):
        last += 1
    words = token_range(verb.doc, subject.left_edge.i, last, keep_quotes=False)
    return (max(start, words[0]), words[1]) if words is not None else None


def _giver(verb: Token) -> Token | None:
    """Who gives the stance the subject receives ('received endorsements from his fellow senators', 'drew
    criticism from Berlin'): the object of 'from' after a stance received."""
    if verb.lemma_.lower() not in _RECEIVING_VERBS:
        return None
    stance = next((child for child in verb.rights if child.dep_ == "dobj" and child.lemma_.lower() in _RECEIVED), None)
    if stance is None:
        return None
    for holder in (verb, stance):
        for prep in holder.rights:
            if prep.dep_ == "prep" and prep.lower_ == "from":
                giver = governed(prep, {"pobj"})
                if giver is not None:
                    return giver
    return None


def _close_quotation(text: str, piece: Range) -> Range:
    """Content ending inside a quotation it opened ('that he was “very happy' before '.”') runs to the
    closing mark, with the punctuation inside it, as PolNeAR's content spans do."""
    start, end = piece
    words = text[start:end]
    unclosed = {
        "”": words.count("“") > words.count("”"),
        '"': words.count('"') % 2 == 1,
        "''": words.count("''") % 2 == 1,
    }
    closing = end
    while closing < len(text) and closing - end < 2 and text[closing] in ".,!?":
        closing += 1
    mark = next((mark for mark, open_ in unclosed.items() if open_ and text.startswith(mark, closing)), None)
    return (start, closing + len(mark)) if mark is not None else piece


def _close_brackets(text: str, piece: Range) -> Range:
    """Content with half of a bracket pair at an edge takes the other half: the parser hangs an editor's
    opening bracket on the cue ('I think [the] Dodd-Frank [reform] went a long way' read 'the] Dodd-Frank
    ...'), and a closing one on whatever comes next."""
    start, end = piece
    for opening, closing in ("[]", "()"):
        words = text[start:end]
        if words.count(closing) > words.count(opening) and text[start - 1 : start] == opening:
            start -= 1
        elif words.count(opening) > words.count(closing) and text[end : end + 1] == closing:
            end += 1
    return start, end


def _close_source(text: str, source: Range) -> Range:
    """PolNeAR's source spans keep the punctuation that closes them: the bracket of 'Rep. Scott (D-Va.)'
    and the comma after an apposition ('Smith, a senior analyst at Jefferies,' said)."""
    start, end = source
    words = text[start:end]
    if text[end : end + 1] == ")" and words.count("(") > words.count(")"):
        end += 1
    if text[end : end + 1] == "," and "," in words:
        end += 1
    return start, end


def _particle_end(token: Token) -> int:
    """Last token of a phrasal cue ("pointed out", "called for")."""
    last = token.i
    for child in token.rights:
        if child.dep_ == "prt" and child.i == last + 1:
            last = child.i
    return last


def _negation_start(verb: Token) -> int:
    """Where a negated cue begins: "does not recognize", "did not immediately say"; else the verb itself.

    Shown without its negation the cue would report the opposite ("The United Nations recognize
    Indonesian claims"), and claims read a cue's negation as the speaker's.
    """
    start = verb.i
    sentence_start = sentence_bounds(verb)[0]
    while start > sentence_start:
        before = verb.doc[start - 1]
        if before.head.i != verb.i or before.dep_ not in ("aux", "neg", "advmod"):
            break
        start -= 1
    words = verb.doc[start : verb.i]
    return start if any(word.dep_ == "neg" for word in words) else verb.i


def _possessor(subject: Token, lexicon: CueLexicon) -> Token | None:
    if subject.lemma_.lower() not in lexicon.nouns:
        return None
    return next((child for child in subject.children if child.dep_ == "poss"), None)
