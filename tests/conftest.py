"""Shared fixtures: paths to the example and shared data, and model twins for pure-logic tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from newsprism.nlp import HashingEncoder

# CI must be reproducible: the same examples every run. Locally, HYPOTHESIS_PROFILE=explore searches afresh.
settings.register_profile("ci", derandomize=True, deadline=None)
settings.register_profile("explore", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "russia-pullback"
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture
def example_files() -> list[Path]:
    return sorted(EXAMPLE.glob("*.txt"))


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.exists():
        pytest.skip("../shared/data is not beside the repository")
    return SHARED_DATA


@pytest.fixture(scope="session")
def blank_nlp():  # type: ignore[no-untyped-def]
    """A model-free spaCy pipeline: rule-based sentences, no entities."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture
def hashing_encoder() -> HashingEncoder:
    return HashingEncoder()
