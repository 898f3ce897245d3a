"""What a reader hands on before cleaning: text and metadata, no id yet."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass
class RawArticle:
    title: str
    text: str
    source: str
    origin: str
    url: str | None = None
    published: datetime | None = None
    notes: list[str] = field(default_factory=list)
