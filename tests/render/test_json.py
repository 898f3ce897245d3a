"""JSON output: lossless round trips, a stable shape, and a committed schema that matches the model."""

from __future__ import annotations

import json
from datetime import UTC, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from jsonschema import Draft202012Validator  # type: ignore[import-untyped]

from newsprism.model import Brief, Citation, Headline, KeyPoint, OnlyIn, SourceEntry
from newsprism.render.json import brief_from_json, brief_to_json
from newsprism.render.schema import brief_schema, schema_path, schema_text, write_schema
from tests.render.conftest import Story

DOCS = Path(__file__).resolve().parents[2] / "docs" / "brief-json.md"

texts = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=40)
numbers = st.integers(min_value=-(2**63), max_value=2**63 - 1)
zones = st.sampled_from([None, UTC, timezone(timedelta(hours=5, minutes=30)), timezone(timedelta(hours=-8))])
citations = st.builds(Citation, source=numbers, article_id=texts, sentence=numbers, start=numbers, end=numbers)
key_points = st.builds(
    KeyPoint,
    text=texts,
    citations=st.lists(citations, max_size=3),
    support=numbers,
    score=st.floats(allow_nan=False, allow_infinity=False),
)
source_entries = st.builds(
    SourceEntry,
    number=numbers,
    article_id=texts,
    source=texts,
    title=texts,
    url=st.none() | texts,
    published=st.none() | st.datetimes(timezones=zones),
    duplicate_of=st.none() | numbers,
)
briefs = st.builds(
    Brief,
    headline=st.none() | st.builds(Headline, text=texts, source=numbers, article_id=texts),
    sources=st.lists(source_entries, max_size=3),
    key_points=st.lists(key_points, max_size=3),
    only_in=st.lists(st.builds(OnlyIn, source=numbers, points=st.lists(key_points, max_size=2)), max_size=2),
    notes=st.lists(texts, max_size=2),
)


@given(briefs)
def test_json_round_trip_gives_the_same_brief(brief: Brief) -> None:
    assert brief_from_json(brief_to_json(brief)) == brief


@given(briefs)
def test_json_of_any_brief_validates_against_the_schema(brief: Brief) -> None:
    Draft202012Validator(brief_schema()).validate(json.loads(brief_to_json(brief)))


def test_json_keys_follow_the_documented_order(story: Story) -> None:
    data = json.loads(brief_to_json(story.brief))
    assert list(data) == [
        "headline",
        "sources",
        "key_points",
        "only_in",
        "quotes",
        "claims",
        "conflicts",
        "numbers",
        "timeline",
        "people",
        "source_notes",
        "notes",
    ]
    assert list(data["key_points"][0]) == ["text", "citations", "support", "score"]


def test_json_is_indented_and_identical_for_equal_briefs(story: Story) -> None:
    text = brief_to_json(story.brief)
    assert text.startswith('{\n  "headline": {\n')
    assert text.endswith("}\n")
    assert brief_to_json(Brief.model_validate(story.brief.model_dump())) == text


@pytest.mark.parametrize(
    "text", ["not json", "{}", '{"headline": null, "sources": [], "key_points": [], "only_in": [], "extra": 1}']
)
def test_json_that_is_not_a_brief_raises_value_error(text: str) -> None:
    # A ValueError, so the CLI reports it like any unreadable file.
    with pytest.raises(ValueError, match="Brief"):
        brief_from_json(text)


def test_committed_schema_matches_the_model() -> None:
    assert schema_path().read_text(encoding="utf-8") == schema_text(), "run: python -m newsprism.render.schema"


def test_schema_is_valid_and_documents_every_field() -> None:
    schema = brief_schema()
    Draft202012Validator.check_schema(schema)
    records = {"Brief": schema, **schema["$defs"]}
    undocumented = [
        f"{record}.{name}"
        for record, definition in records.items()
        for name, spec in definition.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert undocumented == []


def test_sample_brief_validates_and_a_typo_does_not(story: Story) -> None:
    validator = Draft202012Validator(json.loads(schema_path().read_text(encoding="utf-8")))
    data = json.loads(brief_to_json(story.brief))
    validator.validate(data)
    data["key_points"][0]["citation"] = data["key_points"][0].pop("citations")
    assert not validator.is_valid(data)


def test_write_schema_writes_the_generated_text(tmp_path: Path) -> None:
    target = write_schema(tmp_path / "schema" / "brief.schema.json")
    assert target.read_text(encoding="utf-8") == schema_text()


def test_docs_describe_every_top_level_key() -> None:
    docs = DOCS.read_text(encoding="utf-8")
    for key in brief_schema()["properties"]:
        assert f"`{key}`" in docs


def test_docs_example_is_a_valid_brief() -> None:
    example = DOCS.read_text(encoding="utf-8").split("```json\n", 1)[1].split("```", 1)[0]
    Draft202012Validator(brief_schema()).validate(json.loads(example))
    assert brief_from_json(example).key_points[0].citations[0].end == 35
