"""Story inputs: what the clusterer reads of an article, computed at ingest or rebuilt from stored vectors."""

from __future__ import annotations

from datetime import UTC, datetime

import numpy as np

from newsprism.nlp import HashingEncoder
from newsprism.stories.inputs import lead_text, story_input, story_input_of_vector

TITLE = "Quake hits Chile"
TEXT = "A strong earthquake struck Chile on Monday. The 2010 quake was worse. Rescuers said roads were cut."


def test_an_input_rebuilt_from_the_stored_vector_equals_the_one_made_at_ingest() -> None:
    encoder = HashingEncoder()
    published = datetime(2014, 4, 1, tzinfo=UTC)
    made = story_input(TITLE, TEXT, ["Chile", "The Andes's"], published, encoder, "a1")
    [stored] = encoder.encode([lead_text(TITLE, TEXT)])
    rebuilt = story_input_of_vector(TITLE, TEXT, ["Chile", "The Andes's"], published, stored, "a1")
    assert rebuilt.entities == made.entities == frozenset({"chile", "andes"})
    assert rebuilt.years == made.years == frozenset({2010})
    assert np.array_equal(rebuilt.vector, made.vector)
    assert abs(float(np.linalg.norm(rebuilt.vector)) - 1.0) < 1e-6
    assert (rebuilt.article_id, rebuilt.published) == ("a1", published)
