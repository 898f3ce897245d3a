"""Who speaks: the subject of a cue verb, found past the parser's usual slips (a name it hung elsewhere,
an inverted or interjected subject, a possessor speaking through its statement), and the source's
characters."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsprism.extract.quotes.cues import CueLexicon
from newsprism.extract.quotes.found import Range, token_range
from newsprism.extract.quotes.senses import first_sense
from newsprism.nlp.analyze import sentence_bounds

# Dependents of a cue verb that carry what was said when there is no clausal complement.
OBJECT_DEPS = frozenset({"dobj", "xcomp", "oprd", "attr", "acomp"})
SUBJECT_DEPS = frozenset({"nsubj"})
# Verbs in a tense of their own: past, present (third person or not).
TENSED = frozenset({"VBD", "VBZ", "VBP"})
# What sets a phrase off from the noun it describes ('Mr. Slinker, whose ...,', 'the brand - a ... -').
_SETTING_OFF = frozenset({",", "-", "–", "—"})
# Verbs that pass on another's words: "quoted the minister as saying ...".
_RELAYING_VERBS = frozenset({"quote", "cite"})
OWN_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})


def _joined_to_infinitive(verb: Token) -> bool:
    """'ran on his ability to jolt the recovery and accused Obama of ...': a finite verb the parser joined to
    an infinitive describing a noun."""
    return verb.dep_ == "conj" and verb.tag_ in TENSED and verb.head.tag_ == "VB"


def _finite_governor(verb: Token) -> Token:
    """The nearest finite verb above a verb joined to an infinitive, which the verb goes on from; the
    infinitive itself when there is none."""
    current = verb.head
    while current.head.i != current.i:
        current = current.head
        if current.tag_ in TENSED:
            return current
    return verb.head


def relays_a_report(participle: Token, lexicon: CueLexicon) -> bool:
    """'the ministry, quoted by Russian agencies, said ...': a passive participle on the speaker of a
    report tells how that report came out; it is no report of its own. Nor is 'the agency quoted the
    minister as saying ...': the saying is the report, and the minister its speaker."""
    if _quoted_speaker(participle) is not None:
        return True
    return (
        participle.dep_ == "acl"
        and participle.tag_ == "VBN"
        and participle.head.dep_ in SUBJECT_DEPS
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
    objects = [child for child in verb.children if child.dep_ == "dobj" and child.pos_ in NOMINAL]
    # "Smith is quoted as saying ...": in the passive the one quoted is the subject.
    objects = objects or [child for child in verb.children if child.dep_ == "nsubjpass" and child.pos_ in NOMINAL]
    # The widest object: a name the parser cut into several objects ("al", "-", "Sharaa") has its words
    # under the first.
    return max(objects, key=lambda o: o.right_edge.i - o.left_edge.i) if says and objects else None


def verb_subject(verb: Token) -> Token | None:
    """The speaker of a cue verb: its subject, the subject it shares in a coordination, or a passive agent."""
    current = verb
    # Enough steps for 'would be able to score ... by citing ...' (pcomp, xcomp, acomp, then the subject).
    for _ in range(5):
        subjects = [child for child in current.children if child.dep_ in SUBJECT_DEPS] or _misparsed_subjects(current)
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
            passive = [child for child in current.children if child.dep_ == "nsubjpass" and child.pos_ in NOMINAL]
            if passive and verb.tag_ == "VBG":
                return passive[0]
            inverted = inverted_subject(current)
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
                # governing verb does what the infinitive says, not its subject, when it is one who can
                # ("used his speech to call out ...": the subject does).
                controller = next(
                    (
                        child
                        for child in current.head.children
                        if child.dep_ == "dobj" and child.pos_ in NOMINAL and child.i < current.i and _can_act(child)
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
                producing = verb_subject(producer)
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


NOMINAL = frozenset({"PROPN", "NOUN", "PRON"})
_ACTING_KINDS = frozenset({"noun.person", "noun.group"})


def _can_act(noun: Token) -> bool:
    """Whether an object can do what an infinitive after it says: a person or a group ('prompted Sanders to
    advocate ...', 'leaving the party to wonder ...'), not a thing the subject uses for it ('used his State
    of the Union address to call out Trump', 'spent much of his speech defending ...')."""
    if noun.pos_ == "PRON":
        return noun.lower_ not in {"it", "this", "that"}
    return noun.pos_ == "PROPN" or bool(noun.ent_type_) or first_sense(noun) in _ACTING_KINDS


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
            subjects += [child for child in clause.lefts if child.dep_ == "nsubj" and child.pos_ in NOMINAL]
        subjects += described_subject(clause)
    return subjects


def described_subject(clause: Token) -> list[Token]:
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


def inverted_subject(verb: Token) -> Token | None:
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
        and candidate.head.pos_ in NOMINAL
    ):
        candidate = candidate.head
    mistagged = _mistagged_name(candidate)
    # '"...," asked the boy, who ...', '“...,” read one': right after the quotation that opens its sentence the
    # parser takes the speaker for the main verb's object; an object is the speaker there, whatever its words.
    quoted_object = (
        candidate.head.i == verb.i
        and candidate.dep_ in OBJECT_DEPS
        and verb.dep_ == "ROOT"
        and verb.doc[sentence_bounds(verb)[0]].is_quote
        and _after_quotation(verb)
    )
    if candidate.pos_ not in NOMINAL and not mistagged and not (quoted_object and candidate.pos_ == "NUM"):
        return None
    if candidate.left_edge.i != verb.i + 1:
        return None
    if candidate.dep_ in OBJECT_DEPS and not _after_quotation(verb):
        return None  # '"...," added another Democrat': the parser takes the speaker for the cue's object
    if any(ancestor.i == verb.i for ancestor in candidate.ancestors) and not (
        mistagged or quoted_object or _closed_name(candidate)
    ):
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
        after >= sentence_bounds(token)[1] or token.doc[after].text in {",", ".", ";"}
        for after in (last + 1, token.i + 1)
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
        and (after >= sentence_bounds(token)[1] or token.doc[after].is_punct)
    )


def _closed_off_by_quotation(subject: Token, verb: Token) -> bool:
    """Whether a closing quotation mark stands between ``subject`` and the verb after it."""
    return subject.i < verb.i and any(closes_quotation(subject.doc, i) for i in range(subject.right_edge.i, verb.i))


def closes_quotation(doc: Doc, position: int) -> bool:
    """Whether the token at ``position`` is a quotation mark closing a quotation that ends in a comma."""
    return position > 0 and doc[position].is_quote and doc[position - 1].text == ","


def source_range(subject: Token, relative: bool) -> Range | None:
    # Quotation marks at a speaker's edges belong to a quotation: in '“But why?” Smith asked' the parser
    # hangs the closing mark on the speaker, which would hide the quotation from its cue. Nor does a speaker
    # take in the end of a quotation the parser hung on it ('“... hunky-dory,” Gene Sperling, ..., said').
    doc = subject.doc
    start = subject.left_edge.i
    for position in range(subject.i - 1, start, -1):
        if closes_quotation(doc, position):
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
    clauses = [child for child in subject.rights if child.dep_ in {"relcl", "acl"}]
    if relative and clauses:
        # "Smith, who said ...", "The proportion of GOP primary voters saying ...": the noun phrase up to the
        # clause holding the cue, with what stands between ('of GOP primary voters' says who speaks).
        return token_range(doc, start, max(subject.i, clauses[0].left_edge.i - 1), keep_quotes=False)
    return token_range(doc, start, subject.right_edge.i, keep_quotes=False)


def owner_range(owner: Token) -> Range | None:
    """The possessor without its possessive ending."""
    return token_range(owner.doc, owner.left_edge.i, owner.i)
