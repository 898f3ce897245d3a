"""The cue lexicon: words that attribute a statement to a source, read once from ``data/cues.json``."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import TYPE_CHECKING

from newsprism.errors import InputError
from newsprism.extract.quotes.learned import CueJudge, load_cue_model

if TYPE_CHECKING:
    from spacy.tokens import Token

    from newsprism.extract.quotes.found import Found

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her", "who"})
PRONOUNS_ORGANISATION = frozenset({"it"})
PRONOUNS_GROUP = frozenset({"they", "them"})


@dataclass(frozen=True)
class CueLexicon:
    """Lemmas of attributing verbs and nouns, multi-word cue phrases, role nouns of speakers, and the labels
    that open a paragraph with a colon without naming a speaker ('BREAKING:'), or open an editor's notice
    about the article, which reports nothing of the story ('Correction:').

    ``judge`` is the learned model that admits verbs outside ``verbs`` (see ``learned``); None: the lexicon alone.
    ``train_cues`` puts other judges there to measure the extraction with them.
    """

    verbs: frozenset[str]
    clause_only_verbs: frozenset[str]
    nouns: frozenset[str]
    phrases: tuple[tuple[str, ...], ...]
    person_titles: frozenset[str]
    organisation_nouns: frozenset[str]
    judge: CueJudge | None = None
    not_speaker_labels: frozenset[str] = frozenset()
    notices: frozenset[str] = frozenset()

    @cached_property
    def phrase_starts(self) -> frozenset[str]:
        """The words that open a cue phrase: a token that is none of them opens no phrase."""
        return frozenset(phrase[0] for phrase in self.phrases)

    def keeps(self, cue: Token, found: Found, by_rule: bool) -> bool:
        """Whether a reading stays: one made by rule unless the judge vetoes it, another only if it admits it.

        A reading without content is not judged ('Cruz continued:' waits for the quotation that follows).
        """
        if self.judge is None or not found.content:
            return by_rule
        return not self.judge.vetoes(cue, found) if by_rule else self.judge.admits(cue, found)


@cache
def load_cues(name: str = "cues.json") -> CueLexicon:
    """Read a cue lexicon shipped in ``newsprism/extract/data``."""
    location = resources.files("newsprism.extract") / "data" / name
    try:
        raw = json.loads(location.read_text(encoding="utf-8"))
        return CueLexicon(
            verbs=frozenset(word.lower() for word in raw["verbs"]),
            clause_only_verbs=frozenset(word.lower() for word in raw.get("clause_only_verbs", [])),
            nouns=frozenset(word.lower() for word in raw["nouns"]),
            phrases=tuple(tuple(word.lower() for word in phrase) for phrase in raw["phrases"]),
            person_titles=frozenset(word.lower() for word in raw["person_titles"]),
            organisation_nouns=frozenset(word.lower() for word in raw["organisation_nouns"]),
            judge=load_cue_model(raw["judge"]) if raw.get("judge") else None,
            not_speaker_labels=frozenset(label.lower() for label in raw.get("not_speaker_labels", [])),
            notices=frozenset(label.lower() for label in raw.get("notices", [])),
        )
    except (OSError, ValueError, KeyError, TypeError) as error:
        raise InputError(str(location), f"not a cue lexicon: {error}") from error
