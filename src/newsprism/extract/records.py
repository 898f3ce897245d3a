"""Records of the extract stage: who said what, with character offsets into ``Article.text``.

They subclass ``newsprism.model.Record`` and will move into ``model.py`` once the stage settles.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from newsprism.model import Record

QuoteKind = Literal["direct", "partial", "indirect"]
Resolution = Literal["named", "as_written", "pronoun", "title", "described", "unresolved"]


class TextSpan(Record):
    """A piece of an article: ``text`` equals ``Article.text[start:end]``."""

    start: int = Field(ge=0)
    end: int
    text: str

    @model_validator(mode="after")
    def _check_length(self) -> TextSpan:
        if self.end - self.start != len(self.text):
            raise ValueError(f"span {self.start}-{self.end} does not hold {len(self.text)} characters")
        return self


class Quote(Record):
    """One attributed statement: a speaker, the cue that attributes, and what was said.

    ``kind`` is ``direct`` when the content is quoted verbatim (inside quotation marks), ``partial``
    when reported speech carries quoted fragments, ``indirect`` otherwise. ``content`` holds one
    piece, or several when the cue splits a quote or a quote runs on over paragraphs.
    """

    article_id: str
    kind: QuoteKind
    cue: TextSpan
    content: list[TextSpan] = Field(min_length=1)
    speaker: TextSpan | None = Field(None, description="the speaker as written, e.g. 'he' or 'the ministry'")
    speaker_name: str | None = Field(None, description="who the speaker is, resolved for pronouns and titles")
    resolution: Resolution = Field(
        "unresolved",
        description="named: the speaker names an entity; as_written: a description kept as is; "
        "pronoun / title: resolved to the earlier mention in resolved_from (a relative 'who' or 'which' to the noun "
        "its clause hangs on); described: someone the article never names, in fuller words: the article's own "
        "('NATO's top commander' for 'the commander', 'many lawmakers' for 'who' in 'many lawmakers, who said') or "
        "with the owner of a possessive ('Donald Trump's campaign' for 'his campaign'), from resolved_from; "
        "unresolved: no candidate found",
    )
    resolved_from: TextSpan | None = Field(None, description="the earlier mention a pronoun or title was resolved to")
    speaker_body: str | None = Field(
        None,
        description="the body or place a speaker kept as written is one of the people of ('NATO' of 'a senior NATO "
        "diplomat'), whose words are not the body's own",
    )

    @property
    def content_text(self) -> str:
        """The content pieces joined by a space."""
        return " ".join(piece.text for piece in self.content)
