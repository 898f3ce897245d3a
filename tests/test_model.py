"""Every record of the data model round-trips through JSON."""

from __future__ import annotations

from datetime import UTC

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import BaseModel, ValidationError

from newsprism.model import (
    Article,
    DuplicateLink,
    Mention,
    ParsedArticle,
    RemovedLine,
    Sentence,
    Statement,
    Story,
    content_id,
)

_TEXT = st.text(max_size=40)
_DATES = st.one_of(st.none(), st.datetimes(timezones=st.just(UTC)))

_STRATEGIES: dict[type[BaseModel], st.SearchStrategy[BaseModel]] = {
    Article: st.builds(
        Article,
        id=_TEXT,
        source=_TEXT,
        title=_TEXT,
        url=st.one_of(st.none(), _TEXT),
        published=_DATES,
        text=_TEXT,
        origin=_TEXT,
        language=st.one_of(st.none(), _TEXT),
        removed=st.lists(st.builds(RemovedLine, line=st.integers(-1, 10_000), text=_TEXT, reason=_TEXT), max_size=3),
    ),
    Sentence: st.builds(Sentence),
    Mention: st.builds(Mention),
    DuplicateLink: st.builds(DuplicateLink, similarity=st.floats(0, 1)),
    Statement: st.builds(Statement, centrality=st.floats(allow_nan=False, allow_infinity=False)),
    Story: st.builds(Story),
    ParsedArticle: st.builds(ParsedArticle, article=st.builds(Article, published=_DATES)),
}
# Brief has its own round-trip property test beside its JSON renderer (tests/render/test_json.py).


@pytest.mark.parametrize("record_type", list(_STRATEGIES), ids=lambda t: t.__name__)
def test_json_round_trip(record_type: type[BaseModel]) -> None:
    @given(_STRATEGIES[record_type])
    def round_trip(record: BaseModel) -> None:
        assert record_type.model_validate_json(record.model_dump_json()) == record

    round_trip()


def test_unknown_fields_are_rejected() -> None:
    with pytest.raises(ValidationError):
        Sentence.model_validate({"article_id": "a", "index": 0, "start": 0, "end": 1, "text": "x", "typo": 1})


def test_content_id_ignores_spacing_and_case_only() -> None:
    assert content_id("Troops  return\nhome.") == content_id("troops return home.")
    assert content_id("Troops return home.") != content_id("Troops returned home.")


def test_scores_must_be_finite_so_json_round_trips() -> None:
    with pytest.raises(ValidationError):
        Statement(id=0, members=[], support=1, centrality=float("inf"))
