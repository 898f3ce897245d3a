"""Attributions read off the dependency parse: cue verbs, possessed cue nouns and 'according to' phrases."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsprism.extract.quotes.cues import CueLexicon
from newsprism.extract.quotes.found import Found, Range, has_words, minus, subtree_range, token_range, trim_cut
from newsprism.nlp.analyze import doc_text

# Dependents of a cue verb that carry what was said when there is no clausal complement.
_OBJECT_DEPS = frozenset({"dobj", "xcomp", "oprd", "attr", "acomp"})
_CONTENT_PREPS = frozenset({"of", "about", "on", "for", "to", "that", "against"})
# Verbs whose object is the addressee, not the content ("told reporters").
_ADDRESSEE_VERBS = frozenset({"tell", "inform", "ask", "assure", "remind", "notify", "advise", "warn", "urge"})
# What is told rather than whom: an addressing verb's object that is one of these is what it says.
_TOLD_THINGS = frozenset({"story", "tale", "joke", "lie", "truth", "anecdote", "question", "questions"})
_SUBJECT_DEPS = frozenset({"nsubj"})
# Verbs in a tense of their own: past, present (third person or not).
_TENSED = frozenset({"VBD", "VBZ", "VBP"})
# What sets a phrase off from the noun it describes ('Mr. Slinker, whose ...,', 'the brand - a ... -').
_SETTING_OFF = frozenset({",", "-", "–", "—"})
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
# Verbs that pass on another's words: "quoted the minister as saying ...".
_RELAYING_VERBS = frozenset({"quote", "cite"})
_OWN_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
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


def find_attributions(sentence: Span, lexicon: CueLexicon) -> list[Found]:
    """Every attribution whose cue is a verb, a possessed noun or a cue phrase in ``sentence``."""
    if not sentence.doc.has_annotation("DEP"):
        return []  # every cue here is read off the parse; without one there is no tree to walk
    found: list[Found] = []
    for token in sentence:
        hit = (
            _phrase_cue(token, lexicon, sentence)
            or _poll_cue(token, lexicon.verbs)
            or _to_whom_cue(token)
            or _closing_evidence_cue(token)
            or _verb_cue(token, lexicon)
            or _noun_cue(token, lexicon)
            or _copular_cue(token)
            or _attitude_cue(token, lexicon)
            or _possessed_noun_cue(token, lexicon)
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
        if any(c.dep_ in _OWN_SUBJECT_DEPS for c in verb.children):
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
        if joined.tag_ != "VBG" or any(c.dep_ in _OWN_SUBJECT_DEPS for c in joined.children):
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
        if verb is None or verb.dep_ != "conj" or any(c.dep_ in _OWN_SUBJECT_DEPS for c in verb.children):
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
    return tenses <= _TENSED and "VBD" in tenses and len(tenses) == 2


def _in_the_form_of_the_cue(verb: Token, cue_verb: Token | None) -> bool:
    """'warning ... that the group could penetrate the country and implying that ...': a verb in the cue's
    own form, joined to a verb of another form anywhere in what the cue reports, goes with the cue."""
    return cue_verb is not None and verb.tag_ == cue_verb.tag_ and verb.head.tag_ != verb.tag_


def _finite_after_infinitive(verb: Token) -> bool:
    """'has vowed to keep abortion legal and celebrated the ruling': a finite verb cannot be joined to the
    infinitive the parser hung it on, so it is joined to the verb that governs the infinitive."""
    return verb.tag_ in _TENSED and verb.head.dep_ == "xcomp" and verb.head.tag_ == "VB"


def _joined_to_infinitive(verb: Token) -> bool:
    """'ran on his ability to jolt the recovery and accused Obama of ...': a finite verb the parser joined to
    an infinitive describing a noun."""
    return verb.dep_ == "conj" and verb.tag_ in _TENSED and verb.head.tag_ == "VB"


def _finite_governor(verb: Token) -> Token:
    """The nearest finite verb above a verb joined to an infinitive, which the verb goes on from; the
    infinitive itself when there is none."""
    current = verb.head
    while current.head.i != current.i:
        current = current.head
        if current.tag_ in _TENSED:
            return current
    return verb.head


def _content_before(doc: Doc, content: list[Range], cut: int) -> list[Range]:
    """The pieces of ``content`` that lie before character ``cut``, cut there and trimmed; empty ones dropped."""
    kept = [trim_cut(doc_text(doc), (start, min(end, cut))) for start, end in content if start < cut]
    return [part for part in kept if part[1] > part[0]]


def _verb_cue(token: Token, lexicon: CueLexicon) -> Found | None:
    """A lexicon verb's attribution; another verb's only where the lexicon's learned judge admits it."""
    if token.pos_ != "VERB" or (lexicon.judge is None and token.lemma_.lower() not in lexicon.verbs):
        return None
    found, by_rule = verb_reading(token, lexicon)
    if found is not None and _judged_kept(token, found, by_rule, lexicon):
        return found
    if by_rule:
        return None
    # A clause-only cue the judge turns down keeps its cue without content ('Cruz continued:' still
    # introduces the quotation of the next paragraph).
    return verb_attribution(token, lexicon) if token.lemma_.lower() in lexicon.verbs else None


def _judged_kept(cue: Token, found: Found, by_rule: bool, lexicon: CueLexicon) -> bool:
    """Whether a reading stays: one made by rule unless the judge vetoes it, another only if it admits it.

    A reading without content is not judged ('Cruz continued:' waits for the quotation that follows).
    """
    if lexicon.judge is None or not found.content:
        return by_rule
    return not lexicon.judge.vetoes(cue, found) if by_rule else lexicon.judge.admits(cue, found)


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
    if _relays_a_report(token, lexicon):
        return None
    subject = (
        _speaker_after_quotation(token)
        or _interjected_subject(token)
        or _subject(token)
        or _inverted_subject(token)
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
    cue_first, source = token.i, _source_range(subject, relative=subject.i > token.i or subject not in token.children)
    owner = _possessor(subject, lexicon)
    if owner is not None:
        # "The Kremlin's statement said ...": the owner speaks through the statement.
        source, cue_first = _owner_range(owner), subject.i if subject.i < token.i else token.i
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
        source, content = subtree_range(giver), [part for part in [_source_range(subject, relative=False)] if part]
        cue_first = token.i
    elif source is not None:
        # An inverted speaker hangs inside the clause it reports: what it says is the clause without it;
        # a speaker the parser made the subject of what describes them, without that description.
        described = subtree_range(subject.head) if _described_subject(subject.head) else None
        if subject.head.dep_ == "agent" and subject.head.i > token.i:
            # 'denounced as a charlatan by fellow physicians for ...': the 'by' goes with its speaker.
            source_cut: Range | None = (subject.head.idx, source[1])
        else:
            source_cut = source
        for cut in (source_cut, described):
            if cut is not None:
                content = [part for piece in content for part in _rest(token.doc, piece, cut)]
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


def _relays_a_report(participle: Token, lexicon: CueLexicon) -> bool:
    """'the ministry, quoted by Russian agencies, said ...': a passive participle on the speaker of a
    report tells how that report came out; it is no report of its own. Nor is 'the agency quoted the
    minister as saying ...': the saying is the report, and the minister its speaker."""
    if _quoted_speaker(participle) is not None:
        return True
    return (
        participle.dep_ == "acl"
        and participle.tag_ == "VBN"
        and participle.head.dep_ in _SUBJECT_DEPS
        and participle.head.head.lemma_.lower() in lexicon.verbs
    )


def _quoted_speaker(verb: Token) -> Token | None:
    """The object of 'quoted X as saying ...', 'cited X as warning ...' (X), or the subject of 'X is quoted as
    saying ...', when ``verb`` is 'quoted'."""
    if verb.lemma_.lower() not in _RELAYING_VERBS:
        return None
    says = [
        grand
        for child in verb.children
        if child.dep_ == "prep" and child.lower_ == "as"
        for grand in child.children
        if grand.dep_ == "pcomp" and grand.pos_ == "VERB"
    ]
    objects = [child for child in verb.children if child.dep_ == "dobj" and child.pos_ in _NOMINAL]
    # "Smith is quoted as saying ...": in the passive the one quoted is the subject.
    objects = objects or [child for child in verb.children if child.dep_ == "nsubjpass" and child.pos_ in _NOMINAL]
    # The widest object: a name the parser cut into several objects ("al", "-", "Sharaa") has its words
    # under the first.
    return max(objects, key=lambda o: o.right_edge.i - o.left_edge.i) if says and objects else None


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


def _subject(verb: Token) -> Token | None:
    """The speaker of a cue verb: its subject, the subject it shares in a coordination, or a passive agent."""
    current = verb
    # Enough steps for 'would be able to score ... by citing ...' (pcomp, xcomp, acomp, then the subject).
    for _ in range(5):
        subjects = [child for child in current.children if child.dep_ in _SUBJECT_DEPS] or _misparsed_subjects(current)
        if subjects:
            # A quotation before the cue is sometimes parsed as a second subject ('"...," Trump said'):
            # the speaker is the subject nearest the verb, and not one inside the quotation ('"Meh," wrote a
            # Trump supporter').
            unquoted = [child for child in subjects if not _closed_off_by_quotation(child, current)]
            return min(unquoted or subjects, key=lambda child: abs(child.i - current.i))
        if current.i == verb.i:
            named = _name_taken_for_a_modifier(verb)
            if named is not None:
                return named
        else:
            # A participle hung on a passive verb is done by its subject ('A lawsuit was filed challenging
            # ...'); one hung on an inverted cue by the name after it ('said Skelly, explaining ...').
            passive = [child for child in current.children if child.dep_ == "nsubjpass" and child.pos_ in _NOMINAL]
            if passive and verb.tag_ == "VBG":
                return passive[0]
            inverted = _inverted_subject(current)
            if inverted is not None:
                return inverted
        for child in current.children:
            if child.dep_ == "agent":
                objects = [grand for grand in child.children if grand.dep_ == "pobj"]
                if objects:
                    return objects[0]
        if current.i == verb.i and any(child.dep_ == "nsubjpass" for child in verb.children):
            return None  # '..., and Priebus was said to be “furious”': who said it is not said
        if current.dep_ == "advcl" and current.tag_ in {"VBN", "VBD"}:
            # The tagger often reads a participle opening the sentence as a past tense ("Asked ..., Smith
            # joked"); either way, with no subject of its own it is passive.
            return None  # "Asked about the deal, Smith said ...": Smith was asked; who asked is not said
        # "smiled and said", "told reporters, saying ...": the subject of the governing verb; "was quick to
        # embrace", "is eager to say": the subject of the verb the adjective completes.
        if current.dep_ in {"conj", "advcl", "xcomp"} or (current.dep_ == "acomp" and current.i != verb.i):
            if current.head.i == current.i:
                return None
            if _hung_in_quotation(current):
                # '..., telling the crowd, “Some people get carried away”': the parser hung the participle
                # on the quotation it introduces; its speaker is the main clause's.
                current = current.sent.root
                continue
            if current.dep_ == "xcomp":
                # "prompted Sanders to advocate ...", "leaving the party to wonder ...": the object of the
                # governing verb does what the infinitive says, not its subject.
                controller = next(
                    (
                        child
                        for child in current.head.children
                        if child.dep_ == "dobj" and child.pos_ in _NOMINAL and child.i < current.i
                    ),
                    None,
                )
                if controller is not None:
                    return controller
            current = _finite_governor(current) if _joined_to_infinitive(current) else current.head
            continue
        if current.i == verb.i and verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.head.pos_ in {"NOUN", "PROPN"}:
            producer = _producer_of(verb.head)
            if producer is not None:
                # "Trump issued a statement saying ...", "Forbes shot back in an article stating ...": the
                # one who put it out says it.
                producing = _subject(producer)
                return producing if producing is not None and producing.lower_ not in {"which", "that"} else verb.head
            return verb.head  # "a staff of dozens producing original content": the noun does what it reports
        if current.dep_ == "pcomp" and current.head.lower_ == "as":
            quoted = _quoted_speaker(current.head.head)
            if quoted is not None:
                return quoted  # "the agency quoted the minister as saying ...": the minister says it
        if current.dep_ == "pcomp" and current.head.dep_ == "prep":
            doer = _doer_of_phrase(current.head)
            if doer is not None:
                current = doer  # "sent a jab by suggesting ...": the one who sent it
                continue
        return None
    return None


_NOMINAL = frozenset({"PROPN", "NOUN", "PRON"})


def _doer_of_phrase(prep: Token) -> Token | None:
    """The verb whose subject does what a prepositional phrase's participle says: the verb it hangs on
    ('sent a jab by suggesting', 'In addition to stating ..., Clinton has vowed'), reached through an
    adjective ('has been the most aggressive in denouncing'), or an adjective with a subject of its own
    ('who surprised Trump by declaring', tagged an adjective). Not through the noun of another phrase: in
    'laughed at Trump's approach of seeking out ...' those who laughed do not seek."""
    holder = prep.head
    if holder.lower_ == "addition" and holder.dep_ == "pobj" and holder.head.dep_ == "prep":
        holder = holder.head.head  # 'in addition to', one preposition
    if holder.pos_ == "ADJ" and holder.dep_ in {"acomp", "attr"}:
        holder = holder.head
    if holder.pos_ in {"VERB", "AUX"} or any(child.dep_ == "nsubj" for child in holder.children):
        return holder
    return None


# Verbs that put out what someone says: 'issued a statement saying', 'wrote an op-ed urging'.
_PRODUCING_VERBS = frozenset(
    {"issue", "release", "post", "publish", "put", "send", "write", "pen", "tweet", "deliver", "circulate", "file"}
)


# Things put out that say something: 'placed newspaper ads calling ...', 'in an article stating ...'.
_DOCUMENT_NOUNS = frozenset(
    {
        "ad", "advertisement", "article", "column", "cover", "editorial", "email", "letter", "memo", "message",
        "note", "op-ed", "paper", "post", "release", "report", "statement", "tweet", "video",
    }
)  # fmt: skip


def _producer_of(noun: Token) -> Token | None:
    """The verb whose subject put out ``noun`` ('issued a statement', 'sent out a press release', 'shot back
    in an article'), when the noun has no owner of its own ('Clinton's statement' is Clinton's whoever
    issued it)."""
    if any(child.dep_ == "poss" for child in noun.children):
        return None
    if noun.dep_ == "dobj":
        verb = noun.head
    elif noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        verb = noun.head.head
    else:
        return None
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    produced = noun.dep_ == "dobj" and verb.lemma_.lower() in _PRODUCING_VERBS
    return verb if produced or noun.lemma_.lower() in _DOCUMENT_NOUNS else None


def _misparsed_subjects(verb: Token) -> list[Token]:
    """Subjects the parser gave a verb under another name.

    'Graham, who's called for 20,000 troops': it reads the contracted 'has' as a passive 'is' and marks the
    subject passive ('It's reported that ...' is one, though). 'Republican activists clamoring to block
    Trump say ...': it gives the subject to the participle describing it, hung on the verb. 'Sanders,
    meanwhile, who sits at zero endorsements, said ...': it reads what describes the speaker as a clause
    the verb reports, with the speaker for its subject.
    """
    contracted = any(child.dep_ == "auxpass" and child.lower_ in {"'s", "’s"} for child in verb.children)
    passive = [child for child in verb.children if child.dep_ == "nsubjpass"] if contracted else []
    subjects = [child for child in passive if child.lower_ not in {"it", "this", "that"}]
    for clause in verb.lefts:
        if clause.dep_ == "advcl" and clause.tag_ == "VBG" and not any(c.dep_ == "mark" for c in clause.children):
            subjects += [child for child in clause.lefts if child.dep_ == "nsubj" and child.pos_ in _NOMINAL]
        subjects += _described_subject(clause)
    return subjects


def _described_subject(clause: Token) -> list[Token]:
    """The subject of a clause the parser made the complement of the cue after it, when that subject is
    set off by a comma or dash: 'Mr. Slinker, whose latest start-up uses big data ..., said', 'One
    attendee, who like others spoke on the condition of anonymity, said', 'A representative for the brand
    - a business pitched as ... - noted': the speaker and what describes them."""
    doc = clause.doc
    if clause.dep_ != "ccomp" or clause.i > clause.head.i or doc[clause.head.i - 1].text not in _SETTING_OFF:
        return []
    if clause.head.pos_ != "VERB":
        return []  # 'The good news - and Democrats will seize on this - is that ...': a copula reports nothing
    return [
        child
        for child in clause.lefts
        if child.dep_ == "nsubj"
        and child.pos_ in {"PROPN", "NOUN"}
        and any(token.text in _SETTING_OFF for token in doc[child.i + 1 : clause.i])
    ]


def _name_taken_for_a_modifier(verb: Token) -> Token | None:
    """'Jolly said he would be cautious', 'And Skelly called Braynard ...', '..., Viguerie notes.': a surname
    right before a finite verb with no subject, which the parser took for an adverb or a compound of the verb."""
    doc = verb.doc
    if verb.tag_ not in {"VBD", "VBZ"} or verb.i == 0 or verb.is_sent_start:
        return None
    name = doc[verb.i - 1]
    if not name.is_title or name.head.i != verb.i or name.dep_ not in {"advmod", "npadvmod", "compound", "amod"}:
        return None
    if name.ent_type_ in {"DATE", "TIME"}:
        return None  # '... on Super Tuesday said they support ...': when, not who
    return name if name.pos_ in {"PROPN", "ADV", "ADJ", "NOUN", "X"} and name.n_lefts == 0 else None


def _hung_in_quotation(verb: Token) -> bool:
    """Whether the parser hung ``verb`` on a word of a quotation that opens after it, the sentence's root
    coming before it ('Clinton seemed ready ..., telling the crowd, “Some people ...”')."""
    head = verb.head
    if head.i <= verb.i or verb.sent.root.i >= verb.i:
        return False
    between = verb.doc[verb.i + 1 : head.i]
    return any(token.is_quote and token.is_left_punct for token in between)


def _inverted_subject(verb: Token) -> Token | None:
    """'"The risk," said Edward Leamer, an economist, "is ..."': the parser often hangs the speaker after an
    inverted cue on the quote's verb instead; take the noun phrase that opens right after the cue."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or not doc[verb.i - 1].is_punct:
        return None  # inversion follows a quotation or a comma; "said" elsewhere without a subject is not one
    candidate = doc[verb.i + 1]
    while (
        candidate.head.i != candidate.i
        and candidate.head.i > verb.i
        and candidate.head.left_edge.i == verb.i + 1
        and candidate.head.pos_ in _NOMINAL
    ):
        candidate = candidate.head
    mistagged = _mistagged_name(candidate)
    if candidate.pos_ not in _NOMINAL and not mistagged:
        return None
    if candidate.left_edge.i != verb.i + 1:
        return None
    if candidate.dep_ in _OBJECT_DEPS and not _after_quotation(verb):
        return None  # '"...," added another Democrat': the parser takes the speaker for the cue's object
    if any(ancestor.i == verb.i for ancestor in candidate.ancestors) and not (mistagged or _closed_name(candidate)):
        return None  # "..., said he and others were alarmed": the subject of what is said, not the speaker
    return candidate


def _after_quotation(verb: Token) -> bool:
    """Whether punctuation ends a quotation right before the verb ('“...,” added', '"...", added')."""
    doc = verb.doc
    # Not bounded by the sentence: the splitter often ends one after a closing mark ("...?'' asked Mr. X").
    before = [doc[i] for i in range(max(0, verb.i - 2), verb.i)]
    return bool(before) and before[-1].is_punct and any(token.is_quote for token in before)


def _closed_name(token: Token) -> bool:
    """A name that ends where a comma or the sentence does ('said Robin Maynard, half joking'): the parser
    may make it the subject of what follows, but a clause needs its verb straight after its subject. The
    comma may close the name itself ('said David Brock, a Clinton confidant who ...'), before an apposition."""
    last = token.right_edge.i
    while last > token.i and token.doc[last].is_punct:
        last -= 1  # the parser often hangs the comma that closes the name on it
    return token.pos_ == "PROPN" and any(
        after >= token.sent.end or token.doc[after].text in {",", ".", ";"} for after in (last + 1, token.i + 1)
    )


def _mistagged_name(token: Token) -> bool:
    """'“...,” said Skelly.': a lone capitalised word after an inverted cue, which the tagger took for an
    adverb or adjective, is a name when nothing but punctuation follows it."""
    after = token.i + 1
    return (
        token.is_title
        and token.pos_ in {"ADV", "ADJ", "X", "INTJ"}
        and token.ent_type_ not in {"DATE", "TIME"}
        and token.n_lefts == 0
        and token.n_rights == 0
        and (after >= token.sent.end or token.doc[after].is_punct)
    )


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


def _attitude_cue(adjective: Token, lexicon: CueLexicon) -> Found | None:
    """'Aides were adamant that ...', 'He is deeply mistrustful of the establishment', 'She is a fervent
    supporter of Trump': a stance taken. Adjectives of the stance list read by rule (unless vetoed); any
    other ('pleased with', 'cagey about') only where the learned judge admits it."""
    found, by_rule = attitude_reading(adjective)
    return found if found is not None and _judged_kept(adjective, found, by_rule, lexicon) else None


def attitude_reading(adjective: Token) -> tuple[Found | None, bool]:
    """The stance an adjective (or a partisan noun) would report, and whether the stance list makes it by rule."""
    noun = adjective.pos_ == "NOUN" and adjective.dep_ == "attr" and adjective.lemma_.lower() in _PARTISANS
    if not noun and (adjective.pos_ != "ADJ" or adjective.dep_ != "acomp"):
        return None, False
    by_rule = noun or adjective.lemma_.lower() in _ATTITUDES
    verb = adjective.head
    subject = _subject(verb)
    if subject is None or subject.pos_ not in _NOMINAL or subject.lower_ in {"it", "that", "this", "which"}:
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
    source = _source_range(subject, relative=False)
    cue = token_range(adjective.doc, min(verb.i, adjective.i), adjective.i)
    if not content or source is None or cue is None:
        return None, False
    return Found(cue=cue, source=source, content=content), by_rule


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
    if verb.dep_ != "conj" or verb.head.i > verb.i or any(child.dep_ in _OWN_SUBJECT_DEPS for child in verb.children):
        return None
    marks = [i for i in range(verb.head.i, verb.i) if _closes_quotation(doc, i)]
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
    if verb.dep_ != "ROOT" or any(child.dep_ in _OWN_SUBJECT_DEPS for child in verb.children):
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
        or any(child.dep_ in _OWN_SUBJECT_DEPS for child in verb.children)
    ):
        return None
    doc = verb.doc
    for token in doc[verb.sent.start : verb.i]:
        if token.ent_iob_ != "B" or token.ent_type_ not in {"PERSON", "ORG"}:
            continue
        # The name opens the sentence, follows an opening phrase, or follows the quotation it speaks.
        opens = token.i == verb.sent.start or doc[token.i - 1].text == "," or _closes_quotation(doc, token.i - 1)
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


def _closed_off_by_quotation(subject: Token, verb: Token) -> bool:
    """Whether a closing quotation mark stands between ``subject`` and the verb after it."""
    return subject.i < verb.i and any(_closes_quotation(subject.doc, i) for i in range(subject.right_edge.i, verb.i))


def _closes_quotation(doc: Doc, position: int) -> bool:
    """Whether the token at ``position`` is a quotation mark closing a quotation that ends in a comma."""
    return position > 0 and doc[position].is_quote and doc[position - 1].text == ","


def _misattached_subject(verb: Token) -> Token | None:
    """'At an event in Ohio, 62-year-old Brenda Johnson also railed against immigrants', 'After a day of
    tensions between two Republicans, House Speaker Paul Ryan’s office announced ...': a finite main verb
    left without a subject because the parser hung the name before it elsewhere (here on 'in', or joined
    to 'two'); the noun that ends right before the verb (and its auxiliaries and adverbs) is its subject."""
    if verb.dep_ != "ROOT" or any(child.dep_ in _OWN_SUBJECT_DEPS for child in verb.children):
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
    if noun.pos_ not in {"PROPN", "NOUN"} or noun.dep_ in _OWN_SUBJECT_DEPS or noun.dep_ in _OBJECT_DEPS:
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


def _source_range(subject: Token, relative: bool) -> Range | None:
    # Quotation marks at a speaker's edges belong to a quotation: in '“But why?” Smith asked' the parser
    # hangs the closing mark on the speaker, which would hide the quotation from its cue. Nor does a speaker
    # take in the end of a quotation the parser hung on it ('“... hunky-dory,” Gene Sperling, ..., said').
    doc = subject.doc
    start = subject.left_edge.i
    for position in range(subject.i - 1, start, -1):
        if _closes_quotation(doc, position):
            start = position + 1
            break
    described = [
        child
        for child in subject.rights
        if child.dep_ == "acl" and child.tag_ in {"VBN", "VBG"} and subject.doc[child.left_edge.i - 1].text == ","
    ]
    if described:
        # "the Russian Defense Ministry, quoted by Russian agencies even though ...": the speaker is the
        # noun phrase; the participle clause set off after it says how its words came out.
        return token_range(doc, start, described[0].left_edge.i - 2, keep_quotes=False)
    if relative and any(child.dep_ in {"relcl", "acl"} for child in subject.children):
        # "Smith, who said ...": the noun phrase up to its head, not the relative clause holding the cue.
        return token_range(doc, start, subject.i, keep_quotes=False)
    return token_range(doc, start, subject.right_edge.i, keep_quotes=False)


def _possessor(subject: Token, lexicon: CueLexicon) -> Token | None:
    if subject.lemma_.lower() not in lexicon.nouns:
        return None
    return next((child for child in subject.children if child.dep_ == "poss"), None)


def _owner_range(owner: Token) -> Range | None:
    """The possessor without its possessive ending."""
    return token_range(owner.doc, owner.left_edge.i, owner.i)


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
                return _rest(verb.doc, head, own)
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
            child.dep_ in _OBJECT_DEPS
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
        child.dep_ in _SUBJECT_DEPS and (child.i < clause.i or not subject_first) for child in clause.children
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
        elif word == "for" and any(grand.dep_ in _OWN_SUBJECT_DEPS for grand in child.children):
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
    return _rest(verb.doc, sentence, own)


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
    subjects = [child for child in verb.children if child.dep_ in _SUBJECT_DEPS]
    before = [child for child in subjects if child.i < verb.i]
    if not before or not any(child.i > verb.i for child in subjects):
        return None
    return token_range(verb.doc, max(child.right_edge.i for child in before) + 1, verb.right_edge.i)


def _is_time(phrase: Token) -> bool:
    """'told reporters on Monday', 'promised Sunday': when it was said, not what."""
    words = [child for child in phrase.children if child.dep_ == "pobj"] if phrase.dep_ == "prep" else [phrase]
    return any(word.ent_type_ in {"DATE", "TIME"} for word in words)


def _noun_cue(token: Token, lexicon: CueLexicon) -> Found | None:
    """'Trump's claim that ...', 'Kerry's announcement of ...': the possessor is the source."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in lexicon.nouns or token.dep_ in _SUBJECT_DEPS:
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
        return _framing_phrase(token.head, _owner_range(owner), (token.idx, token.idx + len(token)))
    parts = [
        child
        for child in token.rights
        if child.dep_ in {"acl", "ccomp", "appos"} or (child.dep_ == "prep" and child.lower_ in {"of", "that", "about"})
    ]
    if not parts:
        return None
    content = token_range(token.doc, parts[0].left_edge.i, parts[-1].right_edge.i)
    source = _owner_range(owner)
    if content is None or source is None:
        return None
    cue = (token.idx, token.idx + len(token))
    return Found(cue=cue, source=source, content=[content])


# What a possessed noun's complement says it is about: 'criticism of', 'support for', 'attack on', 'vote against'.
_NOUN_COMPLEMENT_PREPS = frozenset({"of", "for", "on", "about", "against", "to", "with", "over", "toward", "towards"})


def _possessed_noun_cue(noun: Token, lexicon: CueLexicon) -> Found | None:
    """'Trump's criticism of Clinton', 'her support for the bill': kept only where the learned judge admits it."""
    found, _ = possessed_noun_reading(noun, lexicon)
    return found if found is not None and _judged_kept(noun, found, False, lexicon) else None


def possessed_noun_reading(noun: Token, lexicon: CueLexicon) -> tuple[Found | None, bool]:
    """The stance or statement a possessed noun with a complement would report ('Trump's criticism of
    Clinton', 'Obama's decision to veto it'), for the judge to weigh; a lexicon noun with a named owner is
    read by rule (``_noun_cue``) and is not read here."""
    if noun.pos_ != "NOUN" or _noun_cue(noun, lexicon) is not None:
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
    source = _owner_range(owner)
    if not content or source is None:
        return None, False
    return Found(cue=(noun.idx, noun.idx + len(noun)), source=source, content=content), False


def _copular_cue(verb: Token) -> Found | None:
    """'Rubio's response was that ...', 'His message has long been that ...': a possessed noun said to be a
    'that' clause is its owner's statement; the noun with the copula is the cue."""
    if verb.lemma_ != "be" or verb.pos_ != "AUX" or any(child.dep_ in {"acomp", "attr"} for child in verb.children):
        return None  # "His aides were adamant that ...": a stance, read by the adjective
    subject = next((child for child in verb.children if child.dep_ == "nsubj" and child.pos_ == "NOUN"), None)
    owner = next((child for child in subject.children if child.dep_ == "poss"), None) if subject is not None else None
    clause = next(
        (
            child
            for child in verb.rights
            if child.dep_ == "ccomp" and any(mark.dep_ == "mark" and mark.lower_ == "that" for mark in child.children)
        ),
        None,
    )
    if subject is None or owner is None or clause is None:
        return None
    source, content = _owner_range(owner), subtree_range(clause)
    cue = token_range(verb.doc, subject.i, verb.i)
    if source is None or content is None or cue is None:
        return None
    return Found(cue=cue, source=source, content=[content])


def _closing_report_joined_by_comma(verb: Token) -> bool:
    """'This includes a special force ..., Defense Secretary Ash Carter told a Senate panel Wednesday.': a
    report the parser joined to the clause before it, with a comma and no conjunction, that has nothing of its
    own to report but whom it was told to; it closes the sentence."""
    if verb.dep_ != "conj" or verb.head.i >= verb.i or verb.lemma_.lower() not in _ADDRESSEE_VERBS:
        return False
    subject = next((child for child in verb.lefts if child.dep_ in _SUBJECT_DEPS), None)
    doc = verb.doc
    if subject is None or subject.left_edge.i == 0 or doc[subject.left_edge.i - 1].text != ",":
        return False
    if any(child.dep_ in {"cc", "mark", "ccomp", "xcomp", "prep"} for child in verb.children):
        return False
    return verb.right_edge.i + 1 >= verb.sent.end or doc[verb.right_edge.i + 1].is_punct


def _bare_report(verb: Token) -> bool:
    """Whether the verb stands alone after what it reports ("..., he said"), rather than heading a
    subordinate clause of its own ("What is clear is that he felt ...": the head is not his words)."""
    return not any(child.dep_ == "mark" or child.dep_ in _OBJECT_DEPS for child in verb.children)


def _framing_phrase(preposition: Token, source: Range | None, cue: Range) -> Found | None:
    """A phrase framing the clause it opens as someone's view ('In their view, ...', 'To Frank, ...'): what
    the view holds is that clause without the phrase."""
    clause = subtree_range(preposition.head)
    phrase = subtree_range(preposition)
    if clause is None or phrase is None or source is None:
        return None
    content = _rest(preposition.doc, clause, phrase)
    if not content:
        return None
    return Found(cue=cue, source=source, content=content)


def _rest(doc: Doc, whole: Range, cut: Range) -> list[Range]:
    """The pieces of ``whole`` outside ``cut`` that hold words, trimmed: what a clause says without its cue."""
    text = doc_text(doc)
    return [trim_cut(text, part) for part in minus(whole, cut) if has_words(text, part)]


def _phrase_cue(token: Token, lexicon: CueLexicon, sentence: Span) -> Found | None:
    """'according to X, ...': X is the source, the rest of the sentence the content."""
    doc = token.doc
    word = token.lower_
    for phrase in lexicon.phrases:
        end = token.i + len(phrase)
        # The cheap test first: this runs for every token of every article.
        if phrase[0] != word or end > sentence.end or any(doc[token.i + k].lower_ != w for k, w in enumerate(phrase)):
            continue
        if _relays_a_report(token, lexicon):
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
    if any(child.dep_ in _OWN_SUBJECT_DEPS for child in participle.children):
        return None
    last = participle.right_edge
    return last.idx + len(last)


def _poll_cue(token: Token, cue_verbs: frozenset[str]) -> Found | None:
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
    content = _rest(doc, clause, phrase)
    content = [part for part in content if part[1] > part[0]]
    if not content:
        return None
    return Found(cue=(token.idx, token.idx + len(token)), source=source, content=content)


def _to_whom_cue(token: Token) -> Found | None:
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


def _closing_evidence_cue(token: Token) -> Found | None:
    """'The Tampa host committee raised $57 million, Federal Election Commission records show.': the tagger
    takes 'records show' for a noun phrase (a show of records); the records report the clause before."""
    if token.lower_ not in {"show", "shows"}:
        return None  # first, before the sentence is looked up: this runs on every token
    doc, sentence = token.doc, token.sent
    if token.i - 1 <= sentence.start:
        return None
    evidence = doc[token.i - 1]
    if evidence.lower_ not in _EVIDENCE_NOUNS or evidence.head.i != token.i or evidence.dep_ != "compound":
        return None
    after = [word.text for word in doc[token.i + 1 : token.i + 3]]
    if after and after[0] not in {".", ";"} and after not in ([",", "and"], [",", "but"]):
        return None  # 'records show he backed McCain' parses as a report; '..., records show, does not' interjects
    first = evidence.i
    while first - 1 > sentence.start and _compound_within(doc[first - 1], first, token.i):
        first -= 1
    if doc[first - 1].text != ",":
        return None
    content = token_range(doc, sentence.start, first - 2)
    source = token_range(doc, first, evidence.i)
    if content is None or source is None:
        return None
    return Found(cue=(token.idx, token.idx + len(token)), source=source, content=[content])


def _compound_within(word: Token, first: int, last: int) -> bool:
    return word.dep_ == "compound" and first <= word.head.i <= last
