"""Model loading: the defaults, a user-chosen model by path, and a clear error for a bad name."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from newsprism.errors import ModelLoadError
from newsprism.nlp import HashingEncoder, TransformerEncoder, load_spacy
from newsprism.nlp.models import reusing


def test_hashing_twin_gives_unit_vectors_and_similar_texts_close() -> None:
    vectors = HashingEncoder().encode(["troops return to base", "troops returned to base", "stock markets fell"])
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2]


def test_spacy_pipeline_loads_from_a_path(tmp_path: Path) -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(tmp_path / "pipeline")
    loaded = load_spacy(str(tmp_path / "pipeline"))
    assert [s.text for s in loaded("One. Two.").sents] == ["One.", "Two."]


def test_unknown_spacy_pipeline_is_a_clear_error() -> None:
    with pytest.raises(ModelLoadError, match="no_such_pipeline"):
        load_spacy("no_such_pipeline")


def test_unknown_encoder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelLoadError, match="cannot load sentence-embedding model"):
        TransformerEncoder(str(tmp_path / "missing-model"))


@pytest.mark.slow
def test_default_models_load_offline_and_encode() -> None:
    encoder = TransformerEncoder()
    vectors = encoder.encode(["Russia says troops are returning to base.", "Moscow says soldiers go back to barracks."])
    assert vectors.shape == (2, 384)
    assert float(vectors[0] @ vectors[1]) > 0.5
    nlp = load_spacy()
    assert {"parser", "ner"} <= set(nlp.pipe_names)


@pytest.mark.slow
def test_encoder_saved_to_a_path_loads_from_it(tmp_path: Path) -> None:
    default = TransformerEncoder()
    default._model.save(str(tmp_path / "encoder"))
    by_path = TransformerEncoder(str(tmp_path / "encoder"))
    text = ["NATO sees no sign of withdrawal."]
    assert np.allclose(default.encode(text), by_path.encode(text), atol=1e-5)


class CountingEncoder:
    """A hashing twin that counts the texts it is asked to embed."""

    def __init__(self, dimension: int = 64) -> None:
        self.inner = HashingEncoder(dimension)
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        self.texts.extend(texts)
        return self.inner.encode(texts)


def test_vectors_of_the_same_model_are_reused() -> None:
    texts = ["troops return to base", "no sign of withdrawal", "talks go on"]
    stored = dict(zip(texts[:2], HashingEncoder(64).encode(texts[:2]), strict=True))
    counting = CountingEncoder(64)
    vectors = reusing(counting, stored).encode(texts)
    assert np.allclose(vectors, HashingEncoder(64).encode(texts), atol=1e-6)
    assert counting.texts.count("talks go on") == 1
    assert counting.texts == ["no sign of withdrawal", "talks go on"]  # the probe (smallest text), the new one


def test_vectors_of_another_model_are_never_mixed_in() -> None:
    texts = ["troops return to base", "no sign of withdrawal"]
    other_model = dict(zip(texts, HashingEncoder(64).encode([t.upper() + " x" for t in texts]), strict=True))
    counting = CountingEncoder(64)
    reusing(counting, other_model).encode(texts)
    assert texts[0] in counting.texts
    assert texts[1] in counting.texts
    other_dimension = dict(zip(texts, HashingEncoder(32).encode(texts), strict=True))
    assert reusing(counting, other_dimension) is counting
