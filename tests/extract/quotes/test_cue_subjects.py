"""Who speaks for a cue verb: the parse's subject, or the name the sentence's shape gives where the parser
hung the speaker elsewhere."""

from __future__ import annotations

import pytest

from newsprism.extract.quotes.cue_subjects import cue_subject
from newsprism.nlp import load_spacy


def _speaker(text: str, verb: str) -> str | None:
    doc = load_spacy()(text)
    subject = cue_subject(next(token for token in doc if token.text == verb))
    return subject.text if subject is not None else None


@pytest.mark.parametrize(
    ("text", "verb", "speaker"),
    [
        ("Smith said the plan would fail.", "said", "Smith"),
        ("“It is over,” said Jones.", "said", "Jones"),
        # The parser joins 'told' to the quotation's verb, whose subject 'We' is the quoted speaker's word.
        ("“We were wrong about the vote,” Ramos, 58, told AFP.", "told", "Ramos"),
        # A participle clause set off by commas right after a name is that name's.
        (
            "The talks failed, and President Vladimir Putin, signaling that he wants a way out, stressed the need "
            "for calm.",
            "signaling",
            "Putin",
        ),
        # The main verb's subject hung on the opening phrase as an apposition.
        ("Speaking in Harlem, Clinton, without naming him, also accused Sanders of hypocrisy.", "accused", "Clinton"),
        # The main verb read as a participle describing the name.
        ('Beruff, a Scott ally, called Florida\'s standards "strong."', "called", "Beruff"),
        # A share of those polled, hung on the verb as a number.
        ("About 4 in 10 say they want a new candidate.", "say", "10"),
    ],
)
def test_the_speaker_of_a_cue_verb(text: str, verb: str, speaker: str) -> None:
    assert _speaker(text, verb) == speaker


def test_a_verb_without_anyone_to_speak_has_no_subject() -> None:
    assert _speaker("Stop the count.", "Stop") is None
