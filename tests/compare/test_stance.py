"""Stance model: cues and their scope, features, the JSON trees, and the shipped model's obvious cases."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from newsprism.compare.stance import FEATURE_NAMES, STANCES, FeatureOptions, Idf, StanceModel, pair_matrix
from newsprism.compare.stance.body_words import WORD_STANCES, BodyWordOptions, BodyWords
from newsprism.compare.stance.cues import cue_counts, cue_positions, load_cues
from newsprism.compare.stance.features import pair_features, read_texts
from newsprism.compare.stance.metrics import per_class_f1, relative_fnc1_score
from newsprism.compare.stance.model import stance_between, stance_labels
from newsprism.compare.stance.text import split_sentences, words
from newsprism.compare.stance.trees import BoostedTrees
from newsprism.errors import ModelLoadError
from newsprism.nlp import HashingEncoder

CLAIM = "Apple will unveil a gold smartwatch in March"
RELATED = (
    "Apple will unveil a gold smartwatch at its March event, people familiar with the plans said. "
    "The gold smartwatch will cost more than the steel model, according to the report."
)
UNRELATED = (
    "A cat buried by its owner in Florida dug itself out of the grave five days later. "
    "Veterinarians treated the animal for a broken jaw and it is now recovering at a shelter."
)


@pytest.fixture(scope="module")
def shipped() -> StanceModel:
    return StanceModel.load()


def test_sentences_join_short_fragments_to_the_next() -> None:
    text = "Breaking. The minister resigned on Monday after the vote.\nHe said nothing more to reporters."
    assert split_sentences(text) == [
        "Breaking. The minister resigned on Monday after the vote.",
        "He said nothing more to reporters.",
    ]


def test_words_fold_curly_apostrophes() -> None:
    assert words("It don’t matter") == ["it", "don't", "matter"]


@pytest.mark.parametrize(
    ("text", "kind", "expected"),
    [
        ("The photo is a hoax, experts said", "refute", 1),
        ("That story is simply not true", "refute", 1),
        ("He reportedly left, according to sources", "hedge", 3),
        ("Police confirmed the arrest", "support", 1),
        ("She didn't go and never will", "negation", 2),
        ("The minister resigned on Monday", "refute", 0),
    ],
)
def test_cue_counts_find_words_and_phrases(text: str, kind: str, expected: int) -> None:
    assert cue_counts(words(text), load_cues())[kind] == expected


def test_a_phrase_and_its_first_word_count_once_per_position() -> None:
    positions = cue_positions(words("It is not true at all"), load_cues())
    assert positions["refute"].count(2) <= 1


def _features(claim: str, text: str) -> dict[str, float]:
    encoder, lexicon, options = HashingEncoder(), load_cues(), FeatureOptions()
    idf = Idf.fit([claim, text, UNRELATED])
    (claim_view,) = read_texts([claim], encoder, idf, lexicon, options, split=False)
    (text_view,) = read_texts([text], encoder, idf, lexicon, options)
    return dict(zip(FEATURE_NAMES, pair_features(claim_view, text_view, idf, options), strict=True))


def test_denial_near_the_claims_subject_counts_and_far_away_does_not() -> None:
    near = _features("Mayor resigns over scandal", "The mayor denied that he resigns. Traffic was heavy.")
    far = _features(
        "Mayor resigns over scandal",
        "The mayor spoke about the budget for the new bridge across the river today while officials denied rumours.",
    )
    assert near["near_refute"] == 1.0
    assert far["near_refute"] == 0.0
    assert far["body_refute_rate"] > 0.0


def test_overlap_features_rank_a_related_text_above_an_unrelated_one() -> None:
    related, unrelated = _features(CLAIM, RELATED), _features(CLAIM, UNRELATED)
    for name in ("tfidf_cos", "coverage", "bigram_overlap", "emb_max"):
        assert related[name] > unrelated[name], name


@pytest.mark.parametrize(("claim", "text"), [(CLAIM, ""), ("", RELATED), ("?", "!!!"), (CLAIM, "Short.")])
def test_features_are_finite_for_degenerate_texts(claim: str, text: str) -> None:
    values = np.asarray(list(_features(claim, text).values()))
    assert values.shape == (len(FEATURE_NAMES),)
    assert np.isfinite(values).all()


def test_pair_matrix_needs_one_text_per_claim() -> None:
    with pytest.raises(ValueError, match="2 claims but 1 texts"):
        pair_matrix([CLAIM, CLAIM], [RELATED], HashingEncoder(), Idf({}, 1.0), FeatureOptions())


@pytest.mark.parametrize("n_classes", [2, 3])
def test_exported_trees_score_like_sklearn(n_classes: int, tmp_path: Path) -> None:
    from sklearn.ensemble import GradientBoostingClassifier

    rng = np.random.default_rng(0)
    features = rng.normal(size=(300, 5))
    labels = np.asarray(["abc"[i] for i in (features[:, 0] + features[:, 1] > 0).astype(int) + (features[:, 2] > 1)])
    labels = labels if n_classes == 3 else np.where(labels == "c", "b", labels)
    model = GradientBoostingClassifier(n_estimators=20, max_depth=3, random_state=0).fit(features, labels)
    trees = BoostedTrees.from_json(json.loads(json.dumps(BoostedTrees.from_sklearn(model, features).to_json())))
    assert trees.classes == list(model.classes_)
    np.testing.assert_allclose(trees.predict_proba(features), model.predict_proba(features), atol=1e-4)


BODIES = {
    "agree": "Officials confirmed the report and photos show it happened on Tuesday.",
    "disagree": "The report is a hoax: a spokesman denied it and said the story is fake.",
    "discuss": "Unconfirmed reports claim it happened, according to sources; it is unclear.",
}


@pytest.mark.parametrize("stances", [["agree", "disagree", "discuss"], ["agree", "disagree"]])
def test_body_words_score_like_sklearn_after_a_json_round_trip(stances: list[str]) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts = [BODIES[s] for s in stances] * 4
    labels = stances * 4
    fitted = BodyWords.fit(texts, labels, BodyWordOptions())
    model = BodyWords.from_json(json.loads(json.dumps(fitted.to_json())))
    vectorizer = TfidfVectorizer(tokenizer=words, lowercase=False, token_pattern=None, sublinear_tf=True)
    regression = LogisticRegression(max_iter=2000, class_weight="balanced").fit(vectorizer.fit_transform(texts), labels)
    expected = regression.predict_proba(vectorizer.transform(list(BODIES.values())))
    columns = [WORD_STANCES.index(str(c)) for c in regression.classes_]
    np.testing.assert_allclose(model.features(list(BODIES.values()))[:, columns], expected, atol=1e-4)


def test_body_words_learn_that_a_hoax_disputes() -> None:
    model = BodyWords.fit(list(BODIES.values()) * 4, list(BODIES) * 4, BodyWordOptions())
    proba = model.features(["A spokesman denied it: the story is a hoax."])[0]
    assert WORD_STANCES[int(np.argmax(proba))] == "disagree"


def test_body_words_of_a_single_stance_are_all_zero() -> None:
    model = BodyWords.fit([BODIES["agree"]] * 3, ["agree"] * 3, BodyWordOptions())
    assert not model.features([BODIES["disagree"]]).any()


def test_fnc1_score_gives_a_quarter_for_relatedness_and_the_rest_for_the_stance() -> None:
    gold = ["agree", "disagree", "unrelated", "discuss"]
    assert relative_fnc1_score(gold, gold) == 1.0
    # agree→discuss keeps 0.25; disagree right 1.0; unrelated right 0.25; discuss→unrelated 0: 1.5 of 3.25.
    assert relative_fnc1_score(gold, ["discuss", "disagree", "unrelated", "unrelated"]) == pytest.approx(1.5 / 3.25)
    assert per_class_f1(gold, gold) == dict.fromkeys(STANCES, 1.0)


def test_unrelated_wins_at_its_threshold_else_the_likeliest_related_stance() -> None:
    proba = np.asarray([[0.1, 0.2, 0.1, 0.6], [0.1, 0.3, 0.2, 0.4]])
    assert stance_labels(proba, 0.5) == ["unrelated", "disagree"]


def test_shipped_model_round_trips_through_json(shipped: StanceModel, tmp_path: Path) -> None:
    shipped.save(tmp_path / "model.json")
    again = StanceModel.load(tmp_path / "model.json")
    encoder = HashingEncoder()
    np.testing.assert_allclose(
        again.predict_proba([CLAIM], [RELATED], encoder), shipped.predict_proba([CLAIM], [RELATED], encoder)
    )


def test_shipped_model_is_small() -> None:
    from importlib import resources

    size = len(resources.files("newsprism.compare.stance").joinpath("data/stance_model.json").read_bytes())
    assert size < 2_000_000


def test_a_file_that_is_not_a_model_fails_naming_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    with pytest.raises(ModelLoadError, match=r"bad\.json"):
        StanceModel.load(bad)


def test_predictions_are_stances_with_probabilities(shipped: StanceModel) -> None:
    encoder = HashingEncoder()
    proba = shipped.predict_proba([CLAIM, CLAIM], [RELATED, UNRELATED], encoder)
    assert proba.shape == (2, 4)
    np.testing.assert_allclose(proba.sum(axis=1), 1.0)
    assert set(shipped.predict([CLAIM, CLAIM], [RELATED, UNRELATED], encoder)) <= set(STANCES)


def test_a_text_about_something_else_is_unrelated(shipped: StanceModel) -> None:
    assert shipped.predict([CLAIM], [UNRELATED], HashingEncoder()) == ["unrelated"]
    assert stance_between(CLAIM, UNRELATED, HashingEncoder(), shipped) == "neither"


@pytest.mark.slow
def test_with_the_real_encoder_related_and_unrelated_texts_are_told_apart(shipped: StanceModel) -> None:
    from newsprism.nlp import load_encoder

    labels = shipped.predict([CLAIM, CLAIM], [RELATED, UNRELATED], load_encoder())
    assert labels[0] != "unrelated"
    assert labels[1] == "unrelated"


@pytest.mark.slow
@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("The government raised the fuel tax in March, officials confirmed.", "support"),
        ("The finance ministry denied that the fuel tax was raised, calling the report false.", "dispute"),
        ("Reports claim the fuel tax may have been raised, according to unnamed sources.", "neither"),
    ],
)
def test_stance_between_two_statements_with_the_real_encoder(
    shipped: StanceModel, statement: str, expected: str
) -> None:
    from newsprism.nlp import load_encoder

    assert stance_between("The government raised the fuel tax in March", statement, load_encoder(), shipped) == expected
