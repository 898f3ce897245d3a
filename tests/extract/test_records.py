"""Quote records: spans hold their text, and records round-trip through JSON."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from newsprism.extract import Quote, TextSpan


def test_text_span_rejects_text_of_another_length() -> None:
    with pytest.raises(ValidationError):
        TextSpan(start=0, end=3, text="four")


def test_quote_round_trips_through_json() -> None:
    span = TextSpan(start=0, end=2, text="He")
    quote = Quote(article_id="a", kind="direct", cue=span, content=[span], speaker=span, resolution="pronoun")
    assert Quote.model_validate(quote.model_dump(mode="json")) == quote
    assert quote.content_text == "He"


def test_quote_needs_content() -> None:
    span = TextSpan(start=0, end=2, text="He")
    with pytest.raises(ValidationError):
        Quote(article_id="a", kind="direct", cue=span, content=[])
