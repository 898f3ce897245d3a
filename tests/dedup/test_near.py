from __future__ import annotations

from datetime import datetime

from newsprism.dedup import find_duplicates, independent_groups
from newsprism.model import Article, content_id

STORY = (
    "The ministry said on Tuesday that several units had completed their exercises and were returning to base. "
    "Western officials said they had seen no evidence of a withdrawal and that more troops had arrived. "
    "Satellite images published by a private company showed new field hospitals near the border."
)
OTHER = (
    "Heavy rain flooded parts of the city overnight, closing schools and several main roads. "
    "Emergency services rescued dozens of residents from their homes as the river burst its banks."
)


def article(text: str, source: str, day: int | None = None) -> Article:
    published = datetime(2022, 2, day) if day else None
    return Article(id=content_id(text), source=source, text=text, published=published)


def test_syndicated_copy_with_extra_line_links_to_earliest() -> None:
    original = article(STORY, "wire", day=15)
    copy = article("Republished with permission.\n\n" + STORY + "\n\nRead more on our site.", "blog", day=16)
    [link] = find_duplicates([copy, original])
    assert (link.article_id, link.original_id) == (copy.id, original.id)
    assert link.similarity > 0.9


def test_independent_reports_are_not_linked() -> None:
    assert find_duplicates([article(STORY, "a"), article(OTHER, "b")]) == []


def test_light_rewrite_is_linked() -> None:
    rewrite = STORY.replace("on Tuesday", "on Tuesday morning").replace("private company", "US company")
    links = find_duplicates([article(STORY, "a"), article(rewrite, "b")])
    assert len(links) == 1


def test_groups_map_copies_to_their_original() -> None:
    a, b, c = article(STORY, "a"), article(STORY + " Extra.", "b"), article(OTHER, "c")
    groups = independent_groups([a, b, c], find_duplicates([a, b, c]))
    assert groups == {a.id: a.id, b.id: a.id, c.id: c.id}
