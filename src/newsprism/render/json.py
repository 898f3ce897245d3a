"""A brief as JSON, the format other tools read; its schema is ``newsprism/schema/brief.schema.json``."""

from __future__ import annotations

import json

from pydantic import ValidationError

from newsprism.errors import InputError
from newsprism.model import Brief


def brief_to_json(brief: Brief) -> str:
    """The brief as indented JSON; keys keep the model's field order, so equal briefs give equal text."""
    return json.dumps(brief.model_dump(mode="json"), indent=2, ensure_ascii=False) + "\n"


def brief_from_json(text: str | bytes, origin: str = "<brief JSON>") -> Brief:
    """Read a brief written by ``brief_to_json``; a malformed brief raises ``InputError`` naming ``origin``."""
    try:
        return Brief.model_validate_json(text)
    except ValidationError as error:
        raise InputError(origin, f"not a valid brief: {error}") from error
