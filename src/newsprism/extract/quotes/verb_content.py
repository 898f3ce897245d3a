"""What a cue verb reports: the clause, object or phrase its speaker said, asked or took a stance on, read
off the parse past its slips (a reporting parenthesis, a report hung on the next one, a question put, a set
phrase of stance)."""

from __future__ import annotations

from spacy.tokens import Token

from newsprism.extract.quotes.found import Range, minus, rest_of, subtree_range, token_range
from newsprism.extract.quotes.subjects import (
    OBJECT_DEPS,
    OWN_SUBJECT_DEPS,
    SUBJECT_DEPS,
)
from newsprism.nlp.analyze import sentence_bounds

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
# Adverbs that stand for what was said ('said so') or asked ('did not say when').
_PROFORMS = frozenset({"so", "when", "why", "how", "where"})
# Verbs whose 'if' clause is a question put, not a condition ('asked if they would vote').
_ASKING_VERBS = frozenset({"ask", "wonder", "question", "inquire", "query"})


_ADJUNCT_DEPS = frozenset({"prep", "pobj", "pcomp", "dobj", "npadvmod", "advcl", "compound", "poss"})


def that_clause_taken_for_relative(verb: Token) -> list[Range]:
    """'alleged in the suit that Trump earned $5 million from the enterprise', 'said before attending the
    town hall that CNN asked her to pose a question': the parser reads the reported clause as a relative
    clause on a noun of the phrase between, and gives its 'that' a place the clause has already filled
    (a second object of 'from', of 'pose') or makes it the mark no relative clause has ('said in one of a
    series of Twitter messages that the truck was carrying arms')."""
    for clause in verb.doc[verb.i + 1 : sentence_bounds(verb)[1]]:
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


def before_reporting_clause(verb: Token, subject: Token) -> list[Range]:
    """'The plant is under pressure, said its chief executive.', 'Clinton marched in the parade, CNN
    reported.': a reporting clause closing the sentence after a comma reports what comes before it."""
    doc = verb.doc
    first, last = min(verb.i, subject.left_edge.i), max(verb.i, subject.right_edge.i)
    start, end = sentence_bounds(verb)
    if first - 2 < start or doc[first - 1].text != ",":
        return []
    if any(token.is_alpha for token in doc[last + 1 : end]):
        return []  # more follows: not a closing reporting clause
    if not any(token.pos_ in {"VERB", "AUX", "INTJ"} for token in doc[start : first - 1]):
        return []  # 'In a speech last July, he said:': a phrase setting the scene, not what was said
    content = token_range(doc, start, first - 2)
    return [content] if content is not None else []


def verb_content(
    verb: Token, clause_only: bool = False, head_is_cue: bool = False, cue_verbs: frozenset[str] = frozenset()
) -> list[Range]:
    """What ``verb`` reports, as character ranges: its reported clause, else (unless ``clause_only``) the
    object, phrase or question it takes; ``head_is_cue`` when it is itself the clause of a cue verb of
    ``cue_verbs`` ('said he warned ...')."""
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
    if _names_itself(objects):
        return []  # 'a man calling himself Paul', 'a group that calls itself Asawitiri Media': a name, no stance
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
    matter = governed(prep) if prep is not None else None
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
            target = governed(prep) if named and prep.lower_ in _STANCE_PREPS else _set_phrase_target(prep)
            part = subtree_range(target) if target is not None else None
            if part is not None:
                found.append(part)
    return found


def _set_phrase_target(prep: Token) -> Token | None:
    """What 'in support of ...', 'in opposition to ...' take a stance on."""
    if prep.lower_ != "in":
        return None
    noun = governed(prep, {"pobj"})
    if noun is None or noun.lemma_.lower() not in _STANCE_NOUNS:
        return None
    of = next((child for child in noun.children if child.dep_ == "prep" and child.lower_ in {"of", "to"}), None)
    return governed(of) if of is not None else None


def governed(prep: Token, deps: frozenset[str] | set[str] = frozenset({"pobj", "pcomp"})) -> Token | None:
    """The first object a preposition governs."""
    return next((child for child in prep.children if child.dep_ in deps), None)


def _names_itself(objects: list[Token]) -> bool:
    """Whether the objects are a reflexive and a name it takes: the subject naming itself. 'called himself a
    Democrat' (a group, not a name) and 'calls himself conservative' still say where the subject stands."""
    return (
        len(objects) == 2
        and objects[0].dep_ == "dobj"
        and objects[0].lower_ in _REFLEXIVES
        and objects[1].dep_ == "oprd"
        and objects[1].pos_ == "PROPN"
        and objects[1].ent_type_ in ("", "PERSON", "ORG")
    )


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
    start, end = sentence_bounds(verb)
    sentence, own = token_range(verb.doc, start, end - 1), subtree_range(verb)
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
    return verb.right_edge.i + 1 >= sentence_bounds(verb)[1] or doc[verb.right_edge.i + 1].is_punct


def _bare_report(verb: Token) -> bool:
    """Whether the verb stands alone after what it reports ("..., he said"), rather than heading a
    subordinate clause of its own ("What is clear is that he felt ...": the head is not his words)."""
    return not any(child.dep_ == "mark" or child.dep_ in OBJECT_DEPS for child in verb.children)
