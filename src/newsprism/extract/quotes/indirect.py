"""Attributions read off the dependency parse: cue verbs, and every reading of one sentence."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsprism.extract.quotes.cues import CueLexicon
from newsprism.extract.quotes.found import Found, Range, minus, rest_of, subtree_range, token_range, trim_cut
from newsprism.extract.quotes.nominal import (
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
    OBJECT_DEPS,
    OWN_SUBJECT_DEPS,
    SUBJECT_DEPS,
    TENSED,
    closes_quotation,
    described_subject,
    inverted_subject,
    owner_range,
    relays_a_report,
    source_range,
    verb_subject,
)
from newsprism.nlp.analyze import doc_text

_CONTENT_PREPS = frozenset({"of", "about", "on", "for", "to", "that", "against"})
# Verbs whose object is the addressee, not the content ("told reporters").
_ADDRESSEE_VERBS = frozenset({"tell", "inform", "ask", "assure", "remind", "notify", "advise", "warn", "urge"})
# What is told rather than whom: an addressing verb's object that is one of these is what it says.
_TOLD_THINGS = frozenset({"story", "tale", "joke", "lie", "truth", "anecdote", "question", "questions"})
# Addressing verbs whose 'of' phrase is the matter ('reminded voters of the stakes').
_OF_VERBS = frozenset({"remind", "warn", "inform", "notify", "assure", "advise"})
# Verbs whose 'with' phrase holds what is agreed or disputed ('agreed with the analysis').
_AGREEING_VERBS = frozenset({"agree", "disagree", "concur", "side", "sympathize", "sympathise", "quarrel", "argue"})
# Objects that name a stance taken on what their preposition governs ('took a swipe at', 'threw her weight
# behind'), and the set phrases of one ('in support of', 'in opposition to').
_STANCE_OBJECTS = frozenset(
    {"swipe", "shot", "jab", "dig", "potshot", "aim", "weight", "stand", "exception", "issue", "offense", "offence"}
)
_STANCE_PREPS = frozenset({"at", "behind", "against", "on", "with", "to", "from", "as"})
# 'distanced himself from the movement', 'cast herself as the outsider': the stance is in the phrase after.
_REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "ourselves", "yourself"})
_STANCE_NOUNS = frozenset({"support", "favor", "favour", "defense", "defence", "opposition", "praise", "protest"})
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
# Adverbs that stand for what was said ('said so') or asked ('did not say when').
_PROFORMS = frozenset({"so", "when", "why", "how", "where"})
# Verbs whose 'if' clause is a question put, not a condition ('asked if they would vote').
_ASKING_VERBS = frozenset({"ask", "wonder", "question", "inquire", "query"})


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
            or _verb_cue(token, lexicon)
            or noun_cue(token, lexicon)
            or copular_cue(token)
            or attitude_cue(token, lexicon)
            or possessed_noun_cue(token, lexicon)
        )
        if hit is not None:
            found.append(hit)
    _split_coordinated_reports(sentence, found)
    _split_trailing_participles(sentence, found)
    return found


def _split_trailing_participles(sentence: Span, found: list[Found]) -> None:
    """'Trump said he has expanded the party, claiming that he raised turnout': the claim is Trump's too.

    The parser often hangs a participle cue set off by a comma on the reported clause rather than on
    the cue before it, so the second report lands inside the first one's content, under the clause's
    subject. A participle cue with no subject of its own that closes another attribution's content is
    that attribution's speaker's second report; the first content ends at the comma.
    """
    doc = sentence.doc
    verbs = {token.idx: token for token in sentence}
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


def _split_coordinated_reports(sentence: Span, found: list[Found]) -> None:
    """'Spicer said the party was not in crisis, and urged calm': both reports are Spicer's.

    The parser hangs the second cue verb on the reported clause ('was ... and urged'), which makes the
    clause's subject its speaker and puts the second report inside the first one's content. A cue verb
    with no subject of its own, joined to a verb inside another attribution's content, is that
    attribution's speaker's second report when it could not go on with the verb it is joined to: joined
    to the reported clause's own verb in the cue's tense, or to any verb of another form while it has the
    cue's. The first content ends before it.
    """
    verbs = {token.idx: token for token in sentence}
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


def _verb_cue(token: Token, lexicon: CueLexicon) -> Found | None:
    """A lexicon verb's attribution; another verb's only where the lexicon's learned judge admits it."""
    if token.pos_ != "VERB" or (lexicon.judge is None and token.lemma_.lower() not in lexicon.verbs):
        return None
    found, by_rule = verb_reading(token, lexicon)
    if found is not None and lexicon.keeps(token, found, by_rule):
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
    subject = (
        _speaker_after_quotation(token)
        or _interjected_subject(token)
        or verb_subject(token)
        or inverted_subject(token)
        or _stranded_subject(token)
        or _misattached_subject(token)
        or _set_off_subject(token)
        or _root_noun_subject(token)
        or _share_taken_for_a_modifier(token)
    )
    if subject is None or subject.lower_ == "that":
        # "a sign that read ...", "a policy that favors ...": 'that' mostly stands for a thing, rarely for
        # a speaker (right 19% of the time on PolNeAR's train split).
        return None
    cue_first, source = token.i, source_range(subject, relative=subject.i > token.i or subject not in token.children)
    owner = _possessor(subject, lexicon)
    if owner is not None:
        # "The Kremlin's statement said ...": the owner speaks through the statement.
        source, cue_first = owner_range(owner), subject.i if subject.i < token.i else token.i
    content = _verb_content(
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
        content = _that_clause_taken_for_relative(token)
    if not content:
        content = _before_reporting_clause(token, subject)
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


_ADJUNCT_DEPS = frozenset({"prep", "pobj", "pcomp", "dobj", "npadvmod", "advcl", "compound", "poss"})


def _that_clause_taken_for_relative(verb: Token) -> list[Range]:
    """'alleged in the suit that Trump earned $5 million from the enterprise', 'said before attending the
    town hall that CNN asked her to pose a question': the parser reads the reported clause as a relative
    clause on a noun of the phrase between, and gives its 'that' a place the clause has already filled
    (a second object of 'from', of 'pose') or makes it the mark no relative clause has ('said in one of a
    series of Twitter messages that the truck was carrying arms')."""
    for clause in verb.doc[verb.i + 1 : verb.sent.end]:
        if clause.dep_ != "relcl" or not any(child.dep_ == "nsubj" for child in clause.children):
            continue
        that = clause.left_edge
        if that.lower_ != "that" or that.dep_ not in {"dobj", "pobj", "mark"}:
            continue
        doubled = any(other.dep_ == that.dep_ and other.i != that.i for other in that.head.children)
        if that.dep_ != "mark" and not doubled:
            continue
        head = clause.head
        while head.i != verb.i and head.dep_ in _ADJUNCT_DEPS and head.head.i != head.i:
            head = head.head
        if head.i == verb.i:
            found = token_range(verb.doc, that.i, clause.right_edge.i)
            return [found] if found is not None else []
    return []


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
                giver = _governed(prep, {"pobj"})
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
    while start > verb.sent.start:
        before = verb.doc[start - 1]
        if before.head.i != verb.i or before.dep_ not in ("aux", "neg", "advmod"):
            break
        start -= 1
    words = verb.doc[start : verb.i]
    return start if any(word.dep_ == "neg" for word in words) else verb.i


def _interjected_subject(verb: Token) -> Token | None:
    """'..., and President Vladimir Putin, signaling that he wants a way out, stressed ...': a participle
    clause set off by commas right after a name is said by that name, wherever the parser hangs it."""
    doc = verb.doc
    if verb.tag_ != "VBG" or verb.dep_ not in {"advcl", "acl"} or verb.i < 2 or doc[verb.i - 1].text != ",":
        return None
    name = doc[verb.i - 2]
    if name.ent_type_ not in {"PERSON", "ORG"} or name.i < verb.sent.start:
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
    for token in reversed(doc[verb.sent.start : verb.i]):
        if token.dep_ == "appos" and token.ent_type_ == "PERSON" and token.head.i < token.i:
            after = token.right_edge.i + 1
            if after < verb.i and doc[after].text == "," and doc[token.left_edge.i - 1].text == ",":
                return token
    return None


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


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
    for token in doc[verb.sent.start : verb.i]:
        if token.ent_iob_ != "B" or token.ent_type_ not in {"PERSON", "ORG"}:
            continue
        # The name opens the sentence, follows an opening phrase, or follows the quotation it speaks.
        opens = token.i == verb.sent.start or doc[token.i - 1].text == "," or closes_quotation(doc, token.i - 1)
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
    first = verb.i
    while first - 1 >= verb.sent.start and any(child.i == first - 1 for child in before):
        first -= 1
    if first - 1 < verb.sent.start:
        return None
    noun = verb.doc[first - 1]
    if noun.text == "," and noun.i - 1 >= verb.sent.start and verb.doc[noun.i - 1].dep_ == "appos":
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


def _before_reporting_clause(verb: Token, subject: Token) -> list[Range]:
    """'The plant is under pressure, said its chief executive.', 'Clinton marched in the parade, CNN
    reported.': a reporting clause closing the sentence after a comma reports what comes before it."""
    doc = verb.doc
    first, last = min(verb.i, subject.left_edge.i), max(verb.i, subject.right_edge.i)
    if first - 2 < verb.sent.start or doc[first - 1].text != ",":
        return []
    if any(token.is_alpha for token in doc[last + 1 : verb.sent.end]):
        return []  # more follows: not a closing reporting clause
    if not any(token.pos_ in {"VERB", "AUX", "INTJ"} for token in doc[verb.sent.start : first - 1]):
        return []  # 'In a speech last July, he said:': a phrase setting the scene, not what was said
    content = token_range(doc, verb.sent.start, first - 2)
    return [content] if content is not None else []


def _possessor(subject: Token, lexicon: CueLexicon) -> Token | None:
    if subject.lemma_.lower() not in lexicon.nouns:
        return None
    return next((child for child in subject.children if child.dep_ == "poss"), None)


def _verb_content(
    verb: Token, clause_only: bool = False, head_is_cue: bool = False, cue_verbs: frozenset[str] = frozenset()
) -> list[Range]:
    # "Bob, they said, ordered them to wait": a reporting parenthesis is an attribution of this clause,
    # not what this verb's subject reported.
    clauses = [
        child
        for child in verb.children
        if child.dep_ == "ccomp" or (child.dep_ == "parataxis" and child.lemma_.lower() not in cue_verbs)
    ]
    if verb.lemma_.lower() not in _ADDRESSEE_VERBS and any(_own_object(child) for child in verb.rights):
        # "... no divide among Millennials: 89% endorse background checks" parses the clause before the
        # colon as this verb's complement; a verb with its own object ('aims to build on ...') reports that
        # object instead.
        clauses = [child for child in clauses if child.i > verb.i]
    if any(child.i > verb.i for child in clauses):
        # "He said he had not seen it, and when asked ..., he said, ''I hope not.''": the parser hangs the
        # first report on the second; with a clause of its own after it, a clause before the verb that is
        # itself a report is no content of it.
        clauses = [child for child in clauses if not _own_report_before(child, verb, cue_verbs)]
    if len(clauses) > 1:
        # 'Grayson said Randolph “would have no chance to win,” the source recalled': the parser hangs the
        # closing report on this verb as a second clause; it reports this verb's words and is no part of them.
        clauses = [child for child in clauses if not _closing_report(child, verb, cue_verbs)] or clauses
    if any(child.i > verb.i and _opens_with_that(child) for child in clauses):
        # "On the one hand, Russia claims ..., on the other, the US says that ...": the parser hangs the
        # clause before on this verb too; the 'that' clause after it is what it reports.
        clauses = [child for child in clauses if child.i > verb.i]
    if not clauses:
        clauses = _clause_of_medium(verb, cue_verbs)
    if not clauses:
        questions = _question_clauses(verb)
        if questions:
            return questions
    if clauses:
        return [r for r in (subtree_range(child) for child in clauses) if r is not None]
    # When the head is itself a cue ("Sanders says he will continue ..."), this verb sits inside what the
    # head reports; the head's words are that outer attribution, not this verb's content.
    if verb.head.i != verb.i and not head_is_cue:
        head = subtree_range(verb.head)
        own = subtree_range(verb)
        if head is not None and own is not None:
            if verb.dep_ in {"parataxis", "ccomp"} and verb.head.i < verb.i and _bare_report(verb):
                # '"We will win," he said' parsed with the quote as head: the head's clause without the cue's.
                return minus(head, own)[:1]
            if _closing_report_joined_by_comma(verb):
                # '..., his top aide, Tad Devine, told The Huffington Post.' parsed as a second clause.
                return minus(head, own)[:1]
            if verb.dep_ == "parataxis" or _set_off_before(verb):
                # "This campaign, he says, is different", "If anything, Ash argued in his email, the incident
                # is ...": the cue sits inside what it reports, on both sides.
                own = _parenthesis(verb) or own
                return rest_of(verb.doc, head, own)
    aside = _as_aside(verb)
    if aside:
        return aside
    # 'reminded voters of the six years ...', 'asked Trump about the tweet': after its addressee, what an
    # addressing verb's 'of' or 'about' governs is what it says.
    matter = _addressed_matter(verb)
    if matter:
        return matter
    if clause_only:
        return []  # a quotation may still be snapped on later
    stance = _stance_phrase(verb)
    if stance:
        return stance
    preps = _CONTENT_PREPS | {"with"} if verb.lemma_.lower() in _AGREEING_VERBS else _CONTENT_PREPS
    objects = [
        child
        for child in verb.rights
        if (
            child.dep_ in OBJECT_DEPS
            # A preposition stranded at the end ('the trends Democrats point to') governs nothing here.
            or (child.dep_ == "prep" and child.lower_ in preps and child.n_lefts + child.n_rights > 0)
            or _answer_word(child)
        )
        and not _is_time(child)
    ]
    if objects and objects[0].dep_ in ("dobj", "prep"):
        # 'described it as "news to me"', 'referred to Obama as "the most valuable player"': what is said of
        # the object comes after it, in an 'as' phrase.
        after = objects[-1].i
        objects += [
            child for child in verb.rights if child.dep_ == "prep" and child.lower_ == "as" and child.i > after
        ][:1]
    if not objects:
        objects = _target_after_particle(verb)
    if not objects:
        # "Cruz thinks so", "Cook did not say when": an adverb standing for what was said or asked.
        objects = [child for child in verb.rights if child.dep_ == "advmod" and child.lower_ in _PROFORMS][:1]
    if verb.lemma_.lower() in _ADDRESSEE_VERBS and not any(child.dep_ == "dative" for child in verb.rights):
        # 'told reporters' names whom it was told; 'asked Republicans a simple question: ...' what was asked;
        # 'told a slightly different tale', 'told a joke' what was told.
        objects = [child for child in objects if child.dep_ != "dobj" or child.lemma_.lower() in _TOLD_THINGS]
    if not objects:
        return _object_outside_clause(verb)
    first = objects[0].left_edge.i
    if objects[0].dep_ == "prep" and objects[0].lower_ != "that" and objects[0].i + 1 < len(verb.doc):
        # "talked about the economy": PolNeAR counts the preposition as part of the cue, not the content.
        first = objects[0].i + 1
    content = token_range(verb.doc, first, objects[-1].right_edge.i)
    return [content] if content is not None else []


def _own_report_before(clause: Token, verb: Token, cue_verbs: frozenset[str]) -> bool:
    """Whether ``clause``, before ``verb``, is a report of its own: a cue verb with its own subject."""
    return clause.i < verb.i and _cue_verb_with_own_subject(clause, cue_verbs)


def _closing_report(clause: Token, verb: Token, cue_verbs: frozenset[str]) -> bool:
    """Whether ``clause``, after ``verb``, is a bare report of its own ('..., the source recalled')."""
    return (
        clause.i > verb.i
        and _cue_verb_with_own_subject(clause, cue_verbs, subject_first=True)
        and _bare_report(clause)
        and not any(child.dep_ in {"ccomp", "xcomp"} for child in clause.children)
    )


def _cue_verb_with_own_subject(clause: Token, cue_verbs: frozenset[str], subject_first: bool = False) -> bool:
    """Whether ``clause`` is a cue verb with a subject of its own (before it, with ``subject_first``)."""
    return clause.lemma_.lower() in cue_verbs and any(
        child.dep_ in SUBJECT_DEPS and (child.i < clause.i or not subject_first) for child in clause.children
    )


def _own_object(child: Token) -> bool:
    """An object, or an infinitive ('to build on ...'), after a verb; not a phrase set off by a comma ('Clinton
    declared of Hillary, his words drowned by applause', which the parser takes for an object)."""
    if child.doc[child.left_edge.i - 1].text == ",":
        return False
    return child.dep_ == "dobj" or (child.dep_ == "xcomp" and any(word.tag_ == "TO" for word in child.lefts))


def _target_after_particle(verb: Token) -> list[Token]:
    """'pushed back against Sanders's attack', 'hit back at the critics', 'lashed out at the press': a verb
    with 'back' or 'out' answers or attacks what the preposition after the particle governs (the parser
    hangs it on the particle as often as on the verb)."""
    particle = next((child for child in verb.rights if child.i == verb.i + 1 and child.lower_ in {"back", "out"}), None)
    if particle is None or particle.i + 1 >= len(verb.doc):
        return []
    prep = verb.doc[particle.i + 1]
    hung = prep.head.i in {particle.i, verb.i}
    return [prep] if hung and prep.dep_ == "prep" and prep.lower_ in {"against", "at"} else []


def _addressed_matter(verb: Token) -> list[Range]:
    """What an addressing verb's 'of' or 'about' phrase after its addressee governs, when no clause says it."""
    if verb.lemma_.lower() not in _ADDRESSEE_VERBS or any(c.dep_ in {"ccomp", "xcomp"} for c in verb.children):
        return []  # 'asked the campaign of Sanders to cease ...': the clause is what was asked
    addressee = next((child for child in verb.rights if child.dep_ in {"dobj", "dative"}), None)
    if addressee is None:
        return []
    # The parser hangs the phrase on the verb or on the addressee ('reminded voters of the six years'); on
    # the addressee, 'of' is mostly the addressee's own ('told members of the parliament') but after the
    # verbs that take it ('remind', 'warn', 'inform' someone of something).
    on_addressee = {"about", "of"} if verb.lemma_.lower() in _OF_VERBS else {"about"}
    candidates = [c for c in verb.rights if c.i > addressee.i and c.lower_ in {"of", "about"}]
    candidates += [c for c in addressee.rights if c.lower_ in on_addressee]
    prep = min((c for c in candidates if c.dep_ == "prep"), key=lambda c: c.i, default=None)
    matter = _governed(prep) if prep is not None else None
    content = subtree_range(matter) if matter is not None else None
    return [content] if content is not None else []


def _question_clauses(verb: Token) -> list[Range]:
    """'asked workers if they planned to attend', 'did not say whether ...', 'is calling for the US to step
    up ...': the parser hangs such a complement as an adverbial clause. A conditional 'if' is no question
    ('will back him if he wins'), so 'if' counts only after a verb of asking; 'for' only with a clause that
    has its own subject, active or passive ('called for the wage to be raised'; PolNeAR leaves 'for' in the
    cue, as with 'called for the ban')."""
    found: list[Range] = []
    asking = verb.lemma_.lower() in _ASKING_VERBS
    for child in verb.rights:
        if child.dep_ != "advcl":
            continue
        mark = next((grand for grand in child.children if grand.dep_ == "mark" and grand.i == child.left_edge.i), None)
        if mark is None:
            continue
        word = mark.lower_
        if word == "whether" or (word == "if" and asking):
            part = subtree_range(child)
        elif word == "for" and any(grand.dep_ in OWN_SUBJECT_DEPS for grand in child.children):
            part = token_range(verb.doc, mark.i + 1, child.right_edge.i)
        else:
            continue
        if part is not None:
            found.append(part)
    return found


def _stance_phrase(verb: Token) -> list[Range]:
    """'took a swipe at Trump's stance', 'threw her weight behind Obama's advice', 'headlines a fundraiser
    in support of Cruz': a stance named by the object or by a set phrase is taken on what its preposition
    governs, not on the object itself."""
    objects = [child for child in verb.rights if child.dep_ == "dobj"]
    found: list[Range] = []
    for holder in [verb, *objects]:
        # The parser hangs the preposition on the verb as often as on the object.
        named = any(_names_a_stance(o) for o in objects) if holder.i == verb.i else _names_a_stance(holder)
        for prep in holder.rights:
            if prep.dep_ != "prep":
                continue
            target = _governed(prep) if named and prep.lower_ in _STANCE_PREPS else _set_phrase_target(prep)
            part = subtree_range(target) if target is not None else None
            if part is not None:
                found.append(part)
    return found


def _set_phrase_target(prep: Token) -> Token | None:
    """What 'in support of ...', 'in opposition to ...' take a stance on."""
    if prep.lower_ != "in":
        return None
    noun = _governed(prep, {"pobj"})
    if noun is None or noun.lemma_.lower() not in _STANCE_NOUNS:
        return None
    of = next((child for child in noun.children if child.dep_ == "prep" and child.lower_ in {"of", "to"}), None)
    return _governed(of) if of is not None else None


def _governed(prep: Token, deps: frozenset[str] | set[str] = frozenset({"pobj", "pcomp"})) -> Token | None:
    """The first object a preposition governs."""
    return next((child for child in prep.children if child.dep_ in deps), None)


def _names_a_stance(noun: Token) -> bool:
    return noun.lemma_.lower() in _STANCE_OBJECTS or noun.lower_ in _REFLEXIVES


def _answer_word(token: Token) -> bool:
    """'Asked whether ..., 75 percent said yes': the answer is what was said, though parsed as an interjection."""
    return token.dep_ == "intj" and token.lower_ in {"yes", "no"} and token.i > token.head.i


def _opens_with_that(clause: Token) -> bool:
    return any(
        mark.dep_ == "mark" and mark.lower_ == "that" and mark.i == clause.left_edge.i for mark in clause.children
    )


# 'says in a statement that', 'claiming without any evidence that', 'wrote with confidence that'.
_MEDIUM_PREPS = frozenset(
    {"in", "on", "during", "without", "with", "at", "after", "before", "via", "through", "by", "from"}
)


def _clause_of_medium(verb: Token, cue_verbs: frozenset[str]) -> list[Token]:
    """'Weaver says in a statement that the race ...', 'claiming without any evidence that ...': the parser
    hangs the reported clause on the noun of the phrase between the cue and the clause."""
    if verb.lemma_.lower() not in cue_verbs:
        return []
    return [
        clause
        for prep in verb.rights
        if prep.dep_ == "prep" and prep.lower_ in _MEDIUM_PREPS
        for medium in prep.children
        if medium.dep_ == "pobj"
        for clause in medium.rights
        if clause.dep_ in {"acl", "ccomp"} and _opens_with_that(clause)
    ]


def _object_outside_clause(verb: Token) -> list[Range]:
    """What a verb reports when its object stands outside its clause: the relative pronoun of 'a proposal
    that Manchin pushed', the noun of 'the issues they care about' or of 'the e-mails provided by Clinton'."""
    noun = verb.head
    if verb.dep_ not in {"relcl", "acl"} or noun.i == verb.i or noun.pos_ not in {"NOUN", "PROPN"} or noun.i > verb.i:
        return []
    if verb.dep_ == "acl" and not (verb.tag_ == "VBN" and any(child.dep_ == "agent" for child in verb.children)):
        return []  # only the passive participle of 'provided by Clinton' reports the noun it describes
    if any(child.dep_ == "advmod" and child.tag_ == "WRB" for child in verb.children):
        return []  # 'in October, when he told Clinton ...': the noun is when or where it was said, not what
    pronoun = next((child for child in verb.children if child.dep_ == "dobj" and child.tag_ in {"WDT", "WP"}), None)
    if pronoun is not None:
        found = token_range(verb.doc, pronoun.i, pronoun.i)
    elif verb.dep_ == "relcl" and any(
        child.dep_ in {"nsubj", "nsubjpass"} and child.tag_ in {"WDT", "WP"} for child in verb.children
    ):
        return []  # 'someone who demonstrated ...': the pronoun is the speaker, not what is reported
    else:
        found = token_range(verb.doc, noun.left_edge.i, noun.i)
    return [found] if found is not None else []


def _as_aside(verb: Token) -> list[Range]:
    """'Republicans, as the Post observed, control both chambers', 'as first reported by the Times', 'as he
    put it': an 'as' clause reporting nothing of its own reports the clause it hangs on."""
    if (
        verb.dep_ != "advcl"
        or verb.head.i == verb.i
        or not any(child.dep_ == "mark" and child.lower_ == "as" for child in verb.children)
    ):
        return []
    if any(child.dep_ in {"ccomp", "xcomp", "acomp", "attr"} for child in verb.children):
        return []  # "as he tried to win": the clause says what he did, not what he reported
    addressed = verb.lemma_.lower() in _ADDRESSEE_VERBS  # "as Clinton told the Daily News": whom she told
    if not addressed and any(child.dep_ == "dobj" and child.lower_ != "it" for child in verb.children):
        return []  # "as she took the stage" (but "as he put it")
    if any(child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS and not _is_time(child) for child in verb.children):
        return []  # "even as advocates called for his dismissal": what they called for, not the clause
    # The parser hangs the aside on any word of the clause ('reserving', 'Republicans'): the clause it
    # qualifies is the rest of its sentence.
    sentence, own = token_range(verb.doc, verb.sent.start, verb.sent.end - 1), subtree_range(verb)
    if sentence is None or own is None:
        return []
    return rest_of(verb.doc, sentence, own)


def _set_off_before(verb: Token) -> bool:
    """'If anything, Ash argued in his email, the incident is ...': a reporting clause the parser made the
    complement of the clause after it, set off from that clause by a comma."""
    after = verb.right_edge.i + 1
    if verb.dep_ != "ccomp" or verb.head.i <= after or verb.doc[after].text != ",":
        return False
    # Nothing of its own to report: no object, no clause, no preposition it reports on ('talked about').
    return _bare_report(verb) and not any(
        child.dep_ in {"ccomp", "xcomp", "dative"} or (child.dep_ == "prep" and child.lower_ in _CONTENT_PREPS)
        for child in verb.children
    )


def _parenthesis(verb: Token) -> Range | None:
    """A reporting parenthesis without the subject of the clause it interrupts: in "Part of the problem,
    say experts, is the ground" the parser hangs both "Part" and "experts" on "say"; the speaker is the
    subject after the verb, and the one before it opens what is reported."""
    subjects = [child for child in verb.children if child.dep_ in SUBJECT_DEPS]
    before = [child for child in subjects if child.i < verb.i]
    if not before or not any(child.i > verb.i for child in subjects):
        return None
    return token_range(verb.doc, max(child.right_edge.i for child in before) + 1, verb.right_edge.i)


def _is_time(phrase: Token) -> bool:
    """'told reporters on Monday', 'promised Sunday': when it was said, not what."""
    words = [child for child in phrase.children if child.dep_ == "pobj"] if phrase.dep_ == "prep" else [phrase]
    return any(word.ent_type_ in {"DATE", "TIME"} for word in words)


def _closing_report_joined_by_comma(verb: Token) -> bool:
    """'This includes a special force ..., Defense Secretary Ash Carter told a Senate panel Wednesday.': a
    report the parser joined to the clause before it, with a comma and no conjunction, that has nothing of its
    own to report but whom it was told to; it closes the sentence."""
    if verb.dep_ != "conj" or verb.head.i >= verb.i or verb.lemma_.lower() not in _ADDRESSEE_VERBS:
        return False
    subject = next((child for child in verb.lefts if child.dep_ in SUBJECT_DEPS), None)
    doc = verb.doc
    if subject is None or subject.left_edge.i == 0 or doc[subject.left_edge.i - 1].text != ",":
        return False
    if any(child.dep_ in {"cc", "mark", "ccomp", "xcomp", "prep"} for child in verb.children):
        return False
    return verb.right_edge.i + 1 >= verb.sent.end or doc[verb.right_edge.i + 1].is_punct


def _bare_report(verb: Token) -> bool:
    """Whether the verb stands alone after what it reports ("..., he said"), rather than heading a
    subordinate clause of its own ("What is clear is that he felt ...": the head is not his words)."""
    return not any(child.dep_ == "mark" or child.dep_ in OBJECT_DEPS for child in verb.children)
