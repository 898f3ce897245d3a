"""A brief as JSON, the format other tools read; its schema is ``newsprism/schema/brief.schema.json``."""

from __future__ import annotations

import json

from newsprism.model import Brief


def brief_to_json(brief: Brief) -> str:
    """The brief as indented JSON; keys keep the model's field order, so equal briefs give equal text."""
    return json.dumps(brief.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def brief_from_json(text: str | bytes) -> Brief:
    """Read a brief written by ``brief_to_json``; anything else raises ``pydantic.ValidationError`` (a ValueError)."""
    return Brief.model_validate_json(text)
