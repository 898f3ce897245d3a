"""The rules that make a dispute: claims only, one proposition, denial in scope, charges answered, who speaks."""

from __future__ import annotations

import numpy as np
import pytest

from newsprism.compare.claims import (
    ClaimOptions,
    accused_parties,
    claims_and_counterclaims,
    denies,
    is_claim,
    speaking_actor,
    topic_words,
)
from newsprism.compare.stance import STANCES
from newsprism.model import Citation, QuoteEntry
from newsprism.nlp import HashingEncoder


class FixedModel:
    """Stand-in for the stance model with one 'disagree' probability for every pair."""

    def __init__(self, disagree: float) -> None:
        self.disagree = disagree

    def predict_proba(self, claims: list[str], texts: list[str], encoder: object) -> np.ndarray:
        rows = np.zeros((len(claims), len(STANCES)))
        rows[:, STANCES.index("disagree")] = self.disagree
        return rows


def quote(speaker: str, actor: str | None, text: str, cue: str = "said", role: str | None = None) -> QuoteEntry:
    cited = Citation(source=1, article_id="a1", sentence=0, start=0, end=len(text))
    return QuoteEntry(speaker=speaker, actor=actor, role=role, text=text, kind="indirect", cue=cue, citations=[cited])


def disputed_pairs(
    quotes: list[QuoteEntry], disagree: float = 0.9, options: ClaimOptions | None = None
) -> set[frozenset[str]]:
    claims = claims_and_counterclaims(quotes, HashingEncoder(), FixedModel(disagree), options)  # type: ignore[arg-type]
    return {frozenset({c.actor or c.claimant, s.actor or s.speaker}) for c in claims for s in c.disputers}


@pytest.mark.parametrize(
    ("cue", "text", "expected"),
    [
        ("said", "rebels are based in the Bekaa Valley camps", True),
        ("called", "for a diplomatic dialogue to defuse the tension", False),
        ("urged", "both sides to exercise restraint at the border", False),
        ("encouraged", "the government to show its willingness to negotiate", False),
        ("asked", "whether troops would attack on Wednesday", False),
        ("said", "Will the troops leave the border soon?", False),
        ("warned", "of war", False),
    ],
)
def test_claims_are_assertions_not_appeals_questions_or_fragments(cue: str, text: str, expected: bool) -> None:
    assert is_claim(quote("Someone", None, text, cue)) is expected


def test_topic_words_leave_out_parties_and_names() -> None:
    words = topic_words("Turkey accuses Syria of harboring Kurdish rebels loyal to Osama bin Laden")
    assert {"harbor", "rebel", "loyal"} <= words
    assert not words & {"turkey", "syria", "kurdish", "bin", "laden", "osama"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("there were no Kurdish rebels based in his country", True),
        # the negator is far from the shared words: it negates something else
        (
            "the region cannot bear another conflict or any increase in the present tensions that harm all, "
            "though rebels are based there",
            False,
        ),
        ("denied it is harboring rebels", True),
        # a denial of a denial asserts
        ("NATO was wrong to say there is no evidence that rebels are based there", False),
    ],
)
def test_denial_is_read_in_scope_of_the_shared_words(text: str, expected: bool) -> None:
    assert denies(text, frozenset({"rebel", "bas", "harbor"})) is expected


def test_a_charge_names_the_first_party_as_accused() -> None:
    charge = quote("Greece", "Greece", "Turkey of undermining stability through its stand-off with Syria", "accused")
    assert accused_parties(charge) == {"turkey"}
    assert accused_parties(quote("Greece", "Greece", "Turkey is undermining stability")) == frozenset()


def test_an_accused_party_denying_the_charge_disputes_it() -> None:
    charge = quote("Turkey", "Turkey", "Syria of harboring Kurdish rebels in camps", "accuses")
    denial = quote("Damascus", "Syria", "that it is supporting the rebels", "denies")
    assert disputed_pairs([charge, denial], disagree=0.0) == {frozenset({"Turkey", "Syria"})}


def test_two_parties_charging_each_other_over_one_matter_dispute() -> None:
    one = quote("Turkey", "Turkey", "Greece of harboring Kurdish rebels", "accused")
    other = quote("Greece", "Greece", "Turkey of inventing the harboring of rebels", "accused")
    assert disputed_pairs([one, other], disagree=0.0) == {frozenset({"Turkey", "Greece"})}


def test_statements_on_different_matters_do_not_dispute() -> None:
    one = quote("Israel", "Israel", "We have no part in the border tension between the neighbours")
    other = quote("Lebanon", "Lebanon", "We stand by the call for resolving disputes in a peaceful dialogue")
    assert disputed_pairs([one, other]) == set()


def test_the_stance_model_can_veto_a_denial_it_finds_no_disagreement_in() -> None:
    claim = quote("Kremlin", "Russia", "troops are returning to their bases after the drills")
    denial = quote("Stoltenberg", "NATO", "troops are not returning to their bases after the drills")
    assert disputed_pairs([claim, denial], disagree=0.9) == {frozenset({"Russia", "NATO"})}
    assert disputed_pairs([claim, denial], disagree=ClaimOptions().min_disagree_denial / 2) == set()


def test_a_word_of_a_title_is_not_the_party() -> None:
    assert speaking_actor(quote("Ismet Sezgin", "Defense", "troops", role="Defense Minister")) is None
    assert speaking_actor(quote("Leavy", "the National Security Council", "x", role="spokesman")) == (
        "National Security Council"
    )


def test_a_citizen_without_office_speaks_for_himself() -> None:
    owner = quote("Salih Idris", "Sudan", "I have no ties to any group", role="owner of the pharmaceutical plant")
    minister = quote("Faris Bweiz", "Lebanon", "no rebels are here", role="Lebanese Foreign Minister")
    assert speaking_actor(owner) is None
    assert speaking_actor(minister) == "Lebanon"


def test_a_journalist_reports_and_is_no_party() -> None:
    journalist = quote("Nadav Eyal", "Israel", "Israel has refused to sell the system", role="Israeli journalist")
    minister = quote("Israel", "Israel", "Israel has not refused to sell the system")
    assert disputed_pairs([journalist, minister]) == set()


def test_a_pronoun_taken_for_a_speaker_makes_no_claim() -> None:
    assert not is_claim(quote("This", "This", "I am not only warning the neighbours, I am warning the world"))


def test_each_quarrel_is_shown_before_a_second_claim_of_one_quarrel() -> None:
    quarrel = [
        quote("Kremlin", "Russia", f"troops of unit {n} are returning to their bases after the drills")
        for n in range(3)
    ]
    denial = quote("Stoltenberg", "NATO", "troops are not returning to their bases after the drills")
    other = [
        quote("Ankara", "Turkey", "rebels are sheltered in the valley camps"),
        quote("Beirut", "Lebanon", "no rebels are sheltered in the valley camps"),
    ]
    options = ClaimOptions(max_claims=2)
    claims = claims_and_counterclaims([*quarrel, denial, *other], HashingEncoder(), FixedModel(0.9), options)  # type: ignore[arg-type]
    parties = [frozenset({c.actor, *(s.actor for s in c.disputers)}) for c in claims]
    assert frozenset({"Turkey", "Lebanon"}) in parties


def test_the_accused_partys_own_account_of_the_charged_matter_rebuts_it() -> None:
    charge = quote("NATO", "NATO", "Russia of increasing the number of troops it amassed on the border", "accused")
    account = quote("Peskov", "Russia", "the exercises along the border are routine and troops always return")
    unrelated = quote("Peskov", "Russia", "the talks with the neighbours about gas prices are going well")
    # Hashed words are a poor judge of meaning: the test is of the words shared, not of similarity.
    options = ClaimOptions(min_similarity_denial=0.0)
    assert disputed_pairs([charge, account], 0.0, options) == {frozenset({"NATO", "Russia"})}
    assert disputed_pairs([charge, unrelated], 0.0, options) == set()


def test_doubting_a_partys_claim_by_name_disputes_that_party() -> None:
    from newsprism.compare.claims import doubted_parties

    assert doubted_parties("US officials had not confirmed Russia's claim") == {"russia"}
    assert doubted_parties("US officials welcomed Russia's claim") == frozenset()
    claim = quote("Kremlin", "Russia", "units are returning to their bases after the drills")
    doubt = quote("Biden", "US", "US officials had not confirmed Russia's claim")
    assert disputed_pairs([claim, doubt], disagree=0.0) == {frozenset({"Russia", "US"})}


class AgreeingModel:
    """Stand-in for the stance model that finds every pair in agreement."""

    def predict_proba(self, claims: list[str], texts: list[str], encoder: object) -> np.ndarray:
        rows = np.zeros((len(claims), len(STANCES)))
        rows[:, STANCES.index("agree")] = 0.9
        return rows


def test_a_statement_that_doubts_never_supports_one_that_asserts() -> None:
    asserts = quote("Moscow", "Russia", "it had started withdrawing some of its military units from the border")
    doubts = quote(
        "Western leaders",
        "West",
        "they still have to see evidence that it had started withdrawing some of its military units from the border",
    )
    alike = quote("Kyiv", "Ukraine", "it had seen some military units withdrawing from the border")
    claims = claims_and_counterclaims([asserts, doubts, alike], HashingEncoder(), AgreeingModel())  # type: ignore[arg-type]
    supports = {(c.claimant, s.speaker) for c in claims for s in c.supporters}
    assert ("Moscow", "Western leaders") not in supports
    assert ("Western leaders", "Moscow") not in supports
    assert ("Moscow", "Kyiv") in supports
