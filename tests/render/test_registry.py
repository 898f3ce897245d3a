"""Choosing a renderer by name."""

from __future__ import annotations

import pytest

from newsprism.errors import NewsprismError
from newsprism.render import RENDERERS, UnknownFormatError, brief_from_json, render
from tests.render.conftest import Story


@pytest.mark.parametrize(("format_name", "start"), [("md", "# Troops"), ("json", "{\n"), ("html", "<!DOCTYPE html>")])
def test_render_by_format_name(story: Story, format_name: str, start: str) -> None:
    assert render(story.brief, story.documents, format_name).startswith(start)


def test_render_json_reads_back(story: Story) -> None:
    assert brief_from_json(render(story.brief, [], "json")) == story.brief


def test_unknown_format_names_the_known_ones(story: Story) -> None:
    with pytest.raises(UnknownFormatError, match=r"unknown output format 'pdf'; choose one of: md, json, html"):
        render(story.brief, story.documents, "pdf")
    assert issubclass(UnknownFormatError, NewsprismError)


def test_registry_cannot_be_changed_by_callers() -> None:
    with pytest.raises(TypeError):
        RENDERERS["pdf"] = RENDERERS["md"]  # type: ignore[index]
