"""The JSON Schema of a brief, generated from the data model and committed beside the package.

Regenerate after changing a record of the brief::

    python -m newsprism.render.schema

A test compares the committed file with a fresh generation, so the two cannot drift apart.
"""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from types import MappingProxyType
from typing import Any

from newsprism.model import Brief

SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"

# Descriptions for fields the model leaves undescribed, so every field of the schema is documented.
# A description given in model.py (Field(description=...)) takes precedence over this table.
_FIELD_DESCRIPTIONS: MappingProxyType[str, str] = MappingProxyType(
    {
        "Brief.headline": "the headline, or null when no source has a usable title",
        "Brief.sources": "every source of the brief, numbered from 1; citations refer to these numbers",
        "Brief.key_points": "the points most sources agree on, most central first",
        "Brief.only_in": "for each source that reports something no other source does, those points",
        "Headline.text": "verbatim title of the source",
        "Headline.source": "number of the source in Brief.sources",
        "Headline.article_id": "id of the article the title is taken from",
        "KeyPoint.text": "verbatim text of the sentence cited first",
        "KeyPoint.citations": "the sentence the text is taken from, then sentences of other sources saying the same",
        "KeyPoint.support": "number of independent sources saying this (copies of one text count once)",
        "KeyPoint.score": "how central the point is to the story; higher ranks first",
        "Citation.article_id": "id of the cited article",
        "Citation.sentence": "0-based index of the cited sentence in its article",
        "Citation.start": "character offset where the cited sentence starts in the article text",
        "Citation.end": "character offset where the cited sentence ends (exclusive)",
        "SourceEntry.number": "1-based number of the source, as cited",
        "SourceEntry.article_id": "id (content hash) of the article",
        "SourceEntry.source": "outlet or file label shown to readers",
        "SourceEntry.title": "title of the article, empty if unknown",
        "SourceEntry.url": "where the article was published, if known",
        "SourceEntry.published": "when the article was published (ISO 8601), if known",
        "OnlyIn.source": "number of the source in Brief.sources",
        "OnlyIn.points": "what only this source reports",
    }
)


def brief_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a brief as written by ``brief_to_json``, every field described."""
    schema = Brief.model_json_schema(mode="serialization")
    _describe(schema, "Brief")
    for name, definition in schema.get("$defs", {}).items():
        _describe(definition, name)
    return {"$schema": SCHEMA_DIALECT, **schema}


def schema_text() -> str:
    """The schema as the committed file holds it: indented JSON ending with a newline."""
    return json.dumps(brief_schema(), indent=2, ensure_ascii=False) + "\n"


def schema_path() -> Path:
    """Where the committed schema lives in the source tree (and in an installed package)."""
    return Path(str(files("newsprism") / "schema" / "brief.schema.json"))


def write_schema(path: Path | None = None) -> Path:
    """Write the generated schema to ``path`` (by default the committed file) and return the path."""
    target = path or schema_path()
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(schema_text(), encoding="utf-8")
    return target


def _describe(definition: dict[str, Any], record: str) -> None:
    for field, spec in definition.get("properties", {}).items():
        description = _FIELD_DESCRIPTIONS.get(f"{record}.{field}")
        if "description" not in spec and description:
            spec["description"] = description


if __name__ == "__main__":
    print(write_schema())
