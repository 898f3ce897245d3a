"""Where a brief's links lead in the web app: citations open the cited source's page with the sentence
highlighted, and people have pages of their own."""

from __future__ import annotations

from newsprism.render.html import Targets


class StoryTargets(Targets):
    """Links of the brief of one stored story."""

    texts_on_page = False

    def __init__(self, story_id: int) -> None:
        self.story_id = story_id

    def sentence(self, source: int, sentence: int) -> str:
        return f"/stories/{self.story_id}/sources/{source}?s={sentence}#s{source}-{sentence}"

    def source_text(self, source: int) -> str:
        return f"/stories/{self.story_id}/sources/{source}"

    def person(self, index: int) -> str | None:
        return f"/stories/{self.story_id}/people/{index}"
