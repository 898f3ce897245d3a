"""The English check by function-word share."""

from __future__ import annotations

import pytest

from newsprism.clean import CleanOptions, detect_language, is_english


@pytest.mark.parametrize(
    "text",
    [
        "Russia said on Tuesday that it was pulling some of its troops back from the border with Ukraine.",
        "NATO and Ukraine have expressed cautious optimism at the withdrawal of Russian troops.",
    ],
)
def test_english_prose_is_english(text: str) -> None:
    assert detect_language(text) == "en"
    assert is_english(text)


@pytest.mark.parametrize(
    "text",
    [
        "Die Digitalisierung als Wachstums- und Entwicklungstreiber ist im Gesundheitswesen angekommen, sagte sie.",
        "Sebelum Islam pecah jadi Sunni dan Syiah zaman Khalifah, umat Islam bersatu dalam satu kepemimpinan.",
        "O grupo Serelepe apresenta brincadeiras musicais que estimulam o desenvolvimento das crianças pequenas.",
    ],
)
def test_other_languages_are_not_english(text: str) -> None:
    assert detect_language(text) is None
    assert not is_english(text)


def test_too_short_to_tell() -> None:
    assert detect_language("Buy the book", CleanOptions(min_language_words=8)) is None
