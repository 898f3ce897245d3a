"""render stage: a brief as Markdown, JSON or a self-contained HTML page, chosen by format name."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from types import MappingProxyType

from newsprism.errors import UnknownFormatError
from newsprism.model import Brief, ParsedArticle
from newsprism.render.html import render_html
from newsprism.render.json import brief_from_json, brief_to_json
from newsprism.render.markdown import print_markdown, render_markdown

Renderer = Callable[[Brief, Sequence[ParsedArticle]], str]


def _markdown(brief: Brief, documents: Sequence[ParsedArticle]) -> str:
    return render_markdown(brief)


def _json(brief: Brief, documents: Sequence[ParsedArticle]) -> str:
    return brief_to_json(brief)


# Read-only, so no caller can change which renderer another caller gets.
RENDERERS: Mapping[str, Renderer] = MappingProxyType({"md": _markdown, "json": _json, "html": render_html})


def render(brief: Brief, documents: Sequence[ParsedArticle], format_name: str) -> str:
    """The brief in the named format (``md``, ``json`` or ``html``); ``documents`` supply source texts for HTML."""
    renderer = RENDERERS.get(format_name)
    if renderer is None:
        raise UnknownFormatError(f"unknown output format {format_name!r}; choose one of: {', '.join(RENDERERS)}")
    return renderer(brief, documents)


__all__ = [
    "RENDERERS",
    "Renderer",
    "UnknownFormatError",
    "brief_from_json",
    "brief_to_json",
    "print_markdown",
    "render",
    "render_html",
    "render_markdown",
]
