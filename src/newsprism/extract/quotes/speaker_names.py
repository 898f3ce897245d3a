"""Which name in a speaker's words says who the speaker is: 'Clinton spokesman Brian Fallon' is Fallon,
'Jens Stoltenberg, NATO's secretary general,' is Stoltenberg, 'a spokesman for the State Department' and
'Russia's defence ministry' are no one name's, so they keep their words. ``speakers.resolve_speakers`` asks
this first; pronouns and descriptions it resolves itself."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from newsprism.extract.people import role_heads
from newsprism.extract.quotes.gender import COURTESY_TITLES
from newsprism.extract.quotes.holders import Kind
from newsprism.extract.records import TextSpan
from newsprism.model import Mention

KINDS: dict[str, Kind] = {"PERSON": "person", "ORG": "organisation", "GPE": "organisation", "NORP": "organisation"}
ANONYMOUS = frozenset({"source", "sources"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "his", "her", "their", "our"})
_POSSESSIVES = ("'s", "’s", "'", "’")
# Between a preposition and its name ('an adviser to both Clintons'); not determiners elsewhere: 'some
# Republicans' is not the Republicans.
_QUANTIFIERS = frozenset({"both", "all", "each", "either", "neither", "some", "several", "many", "these", "those"})
_BEFORE_A_NAME = _DETERMINERS | _QUANTIFIERS
_PREPOSITIONS = frozenset({"for", "of", "at", "from", "with", "to", "in", "on", "by"})
_COORDINATORS = frozenset({"and", "or", "&"})
# Words that may follow a name that heads the speaker: 'Clinton herself', 'Trump Jr.'.
_AFTER_A_HEAD = frozenset("himself herself themselves itself both all each alone too also jr jr. sr sr.".split())
# What may open a phrase after a name that heads the speaker: 'Whiting of Liberty Baptist Church', 'Sanders
# during a rally', 'Clinton, who ...'.
_AFTER_A_HEAD_PHRASE = _PREPOSITIONS | set("during after before about since while who whose which that the as".split())
_AFFILIATIONS = frozenset({"of", "from", "at"})


def with_whole_names(speaker: TextSpan, mentions: Sequence[Mention]) -> TextSpan:
    """The speaker's words running on to the end of a name they stop inside, to name it by: the parser
    may cut a name into pieces ("Farouq al - Sharaa"), leaving the speaker "Syrian Foreign Minister
    Farouq al". The quote keeps the span the parse gave."""
    crossing = [m for m in mentions if speaker.start <= m.start < speaker.end < m.end and m.label in KINDS]
    if not crossing:
        return speaker
    last = max(crossing, key=lambda mention: mention.end)
    text = speaker.text[: last.start - speaker.start] + last.text
    return TextSpan(start=speaker.start, end=last.end, text=text)


def naming_mention(
    speaker: TextSpan, inside: Sequence[Mention], person_titles: frozenset[str] = frozenset()
) -> Mention | None:
    """The name that says who the speaker is, or None when every name only qualifies another word.

    An English noun phrase ends in its head: in 'Clinton spokesman Brian Fallon' the speaker is Fallon,
    in 'Jens Stoltenberg, NATO's secretary general,' the part before the apposition is; a person's
    name wins over other names, and a description with no name of its own ('the group's leader, John
    Smith,') or headed by a person's title ('the NBA commissioner, David Stern,') is named by the person
    in its apposition. Names that own ('Russia's defence ministry') or follow a preposition ('a
    spokesman for the State Department') only qualify the head, so such a phrase is kept as written; so
    is one that several names head together ('Mr. Kerry and Mr. Obama'), one a person's name only
    qualifies ('a top Donald Trump adviser') and one of a body's people ('a senior NATO diplomat'): each
    named by one name would put words on someone who did not say them.
    """
    text = speaker.text
    comma = text.find(",")
    head_end = head_part_end(speaker)
    # The tagger may take the possessive into the name ("East Timor's").
    owners = [
        mention
        for mention in inside
        if mention.text.endswith(_POSSESSIVES) or text[mention.end - speaker.start :].startswith(_POSSESSIVES)
    ]
    named = [
        mention
        for mention in inside
        if mention not in owners and not after_preposition(text[: mention.start - speaker.start])
    ]
    heads = [mention for mention in named if mention.end <= head_end]
    if len(heads) > 1 and _coordinated(heads[-2], heads[-1], speaker):
        return None  # 'Mr. Kerry and Mr. Obama', 'Russia and China': more than one speaks, none alone
    people = [mention for mention in inside if mention.label == "PERSON" and mention.end <= head_end]
    if any(_coordinated(first, second, speaker, loosely=True) for first, second in pairwise(people)):
        return None  # 'Ted Cruz of Texas and Marco Rubio of Florida'
    # A description named by its apposition: "East Timor's spiritual leader, Bishop Carlos Belo,".
    # The apposition's own head is its last name ("Roman Catholic Bishop" then "Carlos Belo").
    second = text.find(",", comma + 1) if comma > 0 else -1
    apposition_end = speaker.start + (second if second > 0 else len(text))
    # It must end the apposition, or be followed by where the person is from ("Darran Whiting of
    # Liberty Baptist Church"): in "researchers from the World Food Program, Unicef and the
    # European Union" the commas set off a list, not a name.
    appositions = [
        mention
        for mention in named
        if comma > 0
        and head_end < mention.start
        and mention.label == "PERSON"
        and _ends_apposition(text[mention.end - speaker.start : apposition_end - speaker.start])
    ]
    persons = [mention for mention in heads if mention.label == "PERSON"]
    if persons and not _modifies_a_noun(persons[-1], speaker, head_end):
        return persons[-1]
    if persons:
        # 'A top Donald Trump adviser', 'a Clinton campaign official': the adviser speaks, not Trump; a name
        # in apposition may say who ('A Trump adviser, John Smith,').
        return appositions[-1] if appositions else None
    if not heads:
        return appositions[-1] if appositions else None
    head_word = (text[:comma].split() or [""])[-1].lower() if comma > 0 else ""
    singular = not head_word.endswith("s") or head_word.endswith("ss")  # 'officials, including ...' are many
    if appositions and singular and (head_word in person_titles or head_word in role_heads()):
        return appositions[-1]  # the names before the comma only qualify the title: 'the NBA commissioner'
    # 'the Kremlin', 'NATO defense ministers': the name is the head or the body the head belongs to;
    # but 'Russia's defence ministry' is more than 'defence ministry', and in 'Cambodian leader Hun
    # Sen's ruling party' the head is the party, whatever names come before the owner: such a phrase
    # keeps its wording. Of several names the last is the head ("U.S. State Department"), unless
    # it only modifies ("the New York-based group Human Rights Watch").
    if any(owner.end <= head_end for owner in owners):
        return None
    unmodifying = [m for m in heads if not text[m.end - speaker.start :].startswith(("-", "–"))]
    head = (unmodifying or heads)[-1]
    if role_after(head, speaker, head_end):
        return None  # 'A senior NATO diplomat', 'a U.S. official': one person of the body, not the body's word
    return head


def head_part_end(speaker: TextSpan) -> int:
    """Where the speaker's head part ends: at its first comma ('Jens Stoltenberg, NATO's secretary general'),
    else at its end."""
    comma = speaker.text.find(",")
    return speaker.start + (comma if comma > 0 else len(speaker.text.rstrip(" ,")))


def _after_name(name: Mention, speaker: TextSpan, head_end: int) -> str:
    """The speaker's words after ``name`` up to the end of its head, short of what a dash or a bracket sets
    off: that describes the name ('Jason Sims — a teacher', 'Zimmerman (left)')."""
    return re.split(r"[-–—(\[]", speaker.text[name.end - speaker.start : head_end - speaker.start], maxsplit=1)[0]


def role_after(name: Mention, speaker: TextSpan, head_end: int) -> bool:
    """Whether a role noun follows the name within the speaker's head ('NATO diplomat', 'U.S. officials')."""
    after = _after_name(name, speaker, head_end)
    roles = role_heads() | ANONYMOUS
    return any(word in roles or word.removesuffix("s") in roles for word in re.findall(r"[a-z]+", after))


def _modifies_a_noun(name: Mention, speaker: TextSpan, head_end: int) -> bool:
    """Whether a person's name stands before the noun that heads the speaker ('a Donald Trump adviser', 'the
    Clinton campaign'), rather than heading it ('Hillary Clinton herself', 'Darran Whiting of Liberty
    Baptist Church')."""
    after = _after_name(name, speaker, head_end)
    words = [word for word in re.findall(r"[^\W\d_][\w'’.-]*", after) if word.lower() not in _AFTER_A_HEAD]
    return bool(words) and words[0][:1].islower() and words[0].lower() not in _AFTER_A_HEAD_PHRASE


def _ends_apposition(after: str) -> bool:
    """Whether what follows a name in an apposition leaves it the apposition's head: nothing, or a phrase
    of where the person is from."""
    rest = after.strip(" ,.")
    return not rest or rest.split()[0] in _AFFILIATIONS


def after_preposition(before: str) -> bool:
    """Whether a name after ``before`` is the object of a preposition or of a participle ('a spokesman
    for Mr. Trump', 'one pastor supporting Mr. Cruz'): it qualifies the head, it is not the head."""
    words = before.split()
    _drop_determiners(words)
    if words and words[-1].lower() in _COORDINATORS:
        # 'interviews with GOP and Democratic party chairs': a name joined to one after a preposition is
        # after it too.
        words.pop()
        while words and words[-1][:1].isupper():
            words.pop()
        _drop_determiners(words)
    if not words:
        return False
    last = words[-1]
    return last.lower() in _PREPOSITIONS or (last.islower() and last.endswith("ing") and len(last) > 5)


def _drop_determiners(words: list[str]) -> None:
    """Take determiners, quantifiers and courtesy titles off the end of ``words``."""
    while words and (words[-1].lower() in _BEFORE_A_NAME or words[-1].lower().rstrip(".") in COURTESY_TITLES):
        words.pop()


def _coordinated(first: Mention, second: Mention, speaker: TextSpan, loosely: bool = False) -> bool:
    """Whether only 'and' or 'or' (with determiners or titles) stands between two names of the speaker;
    ``loosely``, whether 'and' or 'or' stands there among other words ('Cruz of Texas and Rubio')."""
    between = speaker.text[first.end - speaker.start : second.start - speaker.start].replace(",", " ").split()
    if loosely:
        return any(word.lower() in _COORDINATORS for word in between)
    _drop_determiners(between)
    return len(between) == 1 and between[0].lower() in _COORDINATORS


def only_modifying_nationalities(speaker: TextSpan, inside: Sequence[Mention]) -> bool:
    """Whether the speaker's only names are nationalities ('Russian', 'Ukrainian') and it has other words."""
    if any(mention.label != "NORP" for mention in inside):
        return False
    rest = speaker.text
    for mention in inside:
        rest = rest.replace(mention.text, " ")
    return any(word.lower() not in _DETERMINERS and word[:1].isalpha() for word in rest.split())
