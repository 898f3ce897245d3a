"""Which name in a speaker's words names the speaker, and which phrases no single name may stand for."""

from __future__ import annotations

from newsprism.extract.quotes.speaker_names import (
    after_preposition,
    head_part_end,
    naming_mention,
    only_modifying_nationalities,
    with_whole_names,
)
from newsprism.extract.records import TextSpan
from newsprism.model import Mention


def _speaker(text: str, start: int = 10) -> TextSpan:
    return TextSpan(start=start, end=start + len(text), text=text)


def _mentions(speaker: TextSpan, *names: tuple[str, str]) -> list[Mention]:
    mentions = []
    for name, label in names:
        start = speaker.start + speaker.text.index(name)
        mentions.append(Mention(article_id="a", start=start, end=start + len(name), text=name, label=label))
    return mentions


def _named(text: str, *names: tuple[str, str]) -> str | None:
    speaker = _speaker(text)
    found = naming_mention(speaker, _mentions(speaker, *names), frozenset({"spokesman", "commissioner"}))
    return found.text if found is not None else None


def test_the_person_a_title_stands_before_names_the_speaker() -> None:
    assert _named("Clinton spokesman Brian Fallon", ("Clinton", "PERSON"), ("Brian Fallon", "PERSON")) == "Brian Fallon"


def test_the_name_before_an_apposition_names_the_speaker() -> None:
    text = "Jens Stoltenberg, NATO's secretary general"
    assert _named(text, ("Jens Stoltenberg", "PERSON"), ("NATO", "ORG")) == "Jens Stoltenberg"


def test_a_title_the_names_before_it_only_qualify_takes_the_person_in_its_apposition() -> None:
    text = "the NBA commissioner, David Stern"
    assert _named(text, ("NBA", "ORG"), ("David Stern", "PERSON")) == "David Stern"


def test_names_that_only_qualify_the_head_leave_the_words_as_written() -> None:
    assert _named("a spokesman for the State Department", ("the State Department", "ORG")) is None
    assert _named("Russia's defence ministry", ("Russia", "GPE")) is None
    assert _named("a top Donald Trump adviser", ("Donald Trump", "PERSON")) is None
    assert _named("a senior NATO diplomat", ("NATO", "ORG")) is None


def test_several_names_speaking_together_are_no_one_name() -> None:
    assert _named("Mr. Kerry and Mr. Obama", ("Kerry", "PERSON"), ("Obama", "PERSON")) is None
    text = "Ted Cruz of Texas and Marco Rubio of Florida"
    assert _named(text, ("Ted Cruz", "PERSON"), ("Texas", "GPE"), ("Marco Rubio", "PERSON"), ("Florida", "GPE")) is None


def test_a_body_that_heads_the_speaker_names_it() -> None:
    assert _named("the Kremlin", ("Kremlin", "ORG")) == "Kremlin"
    assert _named("the U.S. State Department", ("U.S.", "GPE"), ("State Department", "ORG")) == "State Department"


def test_the_head_part_ends_at_the_first_comma() -> None:
    speaker = _speaker("Peskov, the Kremlin spokesman,")
    assert head_part_end(speaker) == speaker.start + len("Peskov")
    plain = _speaker("the Kremlin ")
    assert head_part_end(plain) == plain.start + len("the Kremlin")


def test_a_name_after_a_preposition_or_participle_only_qualifies() -> None:
    assert after_preposition("a spokesman for")
    assert after_preposition("one pastor supporting Mr.")
    assert after_preposition("interviews with GOP and")
    assert not after_preposition("the")


def test_a_name_the_speaker_stops_inside_is_read_whole() -> None:
    speaker = TextSpan(start=0, end=len("Syrian Foreign Minister Farouq al"), text="Syrian Foreign Minister Farouq al")
    name = "Farouq al - Sharaa"
    start = len("Syrian Foreign Minister ")
    mention = Mention(article_id="a", start=start, end=start + len(name), text=name, label="PERSON")
    whole = with_whole_names(speaker, [mention])
    assert (whole.text, whole.end) == ("Syrian Foreign Minister Farouq al - Sharaa", start + len(name))
    assert with_whole_names(speaker, []) is speaker


def test_nationalities_with_other_words_only_modify() -> None:
    speaker = _speaker("the Russian politician")
    assert only_modifying_nationalities(speaker, _mentions(speaker, ("Russian", "NORP")))
    bare = _speaker("Russian")
    assert not only_modifying_nationalities(bare, _mentions(bare, ("Russian", "NORP")))
    named = _speaker("Russian Foreign Minister Sergei Lavrov")
    assert not only_modifying_nationalities(named, _mentions(named, ("Russian", "NORP"), ("Sergei Lavrov", "PERSON")))
