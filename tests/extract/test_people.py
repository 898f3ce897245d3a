"""Roles from the parse: these tests load the real spaCy pipeline."""

from __future__ import annotations

import pytest

from newsprism.extract.people import find_people
from newsprism.model import Article, content_id
from newsprism.nlp import load_spacy, parse_articles

pytestmark = pytest.mark.slow


def people_of(text: str) -> dict[str, list[str]]:
    article = Article(id=content_id(text), source="s", text=text)
    [analyzed] = parse_articles([article], load_spacy())
    found = find_people(analyzed)
    for person in found:
        assert " ".join(text[person.start : person.end].split()) == person.name
        for role in person.roles:
            assert text[role.start : role.end] == role.text
    return {person.name: [role.text for role in person.roles] for person in found}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("German Chancellor Olaf Scholz arrived in Moscow on Tuesday.", "Olaf Scholz", "German Chancellor"),
        ("Dmitry Peskov, the Kremlin spokesman, denied the report.", "Dmitry Peskov", "Kremlin spokesman"),
        ("Speaking on Tuesday, the head of NATO Jens Stoltenberg urged caution.", "Jens Stoltenberg", "head of NATO"),
        (
            "US Secretary of State Antony Blinken told reporters the threat remained.",
            "Antony Blinken",
            "US Secretary of State",
        ),
    ],
)
def test_role_phrases(text: str, name: str, role: str) -> None:
    assert role in " ".join(people_of(text)[name])


def test_a_title_abbreviated_before_a_name_is_a_role() -> None:
    found = people_of("Sen. Marco Rubio and Florida Gov. Rick Scott met in Tampa.")
    assert found["Marco Rubio"] == ["Sen."]
    assert found["Rick Scott"] == ["Florida Gov."]


def test_a_name_after_a_non_role_noun_gets_no_role() -> None:
    found = people_of("Putin held a long meeting with Emmanuel Macron in Moscow on Monday.")
    assert found["Emmanuel Macron"] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fawwaz, who served as an informal press spokesman for bin Laden in London, was arrested.", "bin Laden"),
        (
            "Prosecutors seek to extradite a top lieutenant of Saudi terrorist suspect Osama bin Laden.",
            "Osama bin Laden",
        ),
    ],
)
def test_a_role_held_for_or_under_a_person_is_not_theirs(text: str, name: str) -> None:
    roles = " ".join(people_of(text).get(name, []))
    assert "spokesman" not in roles
    assert "lieutenant" not in roles


def test_the_head_of_a_body_named_with_a_conjunction_keeps_the_role() -> None:
    text = "European Union Commissioner for Foreign Affairs and Security Policy Olaf Scholz arrived in Moscow."
    assert "Commissioner" in " ".join(people_of(text)["Olaf Scholz"])


def test_an_apposition_ends_before_another_person_joined_to_it() -> None:
    text = (
        "Osama bin Laden, the alleged leader of a conspiracy to attack U.S. targets, and Muhammad Atef, "
        "the alleged military commander of the group, were charged."
    )
    roles = people_of(text).get("Osama bin Laden", [])
    assert any("leader" in role for role in roles)
    assert not any("Atef" in role or "commander" in role for role in roles)


def test_a_past_role_gives_no_actor() -> None:
    def actors(text: str) -> dict[str, list[str | None]]:
        article = Article(id=content_id(text), source="s", text=text)
        [analyzed] = parse_articles([article], load_spacy())
        return {person.name: [role.actor for role in person.roles] for person in find_people(analyzed)}

    past = actors('"They want peace," said Jamsheed Marker, a former Pakistani ambassador to the United Nations.')
    assert past["Jamsheed Marker"]
    assert set(past["Jamsheed Marker"]) == {None}
    present = actors("German Chancellor Olaf Scholz arrived in Moscow on Tuesday.")
    assert present["Olaf Scholz"] == ["German"]


def test_a_name_and_role_wrapped_over_lines_are_one_name_and_a_role_without_the_break() -> None:
    found = people_of(
        "Asked about the extradition on Monday, the Spanish Prime Minister \n"
        "Jose Maria Aznar said the courts would decide, and on Tuesday Bill \n"
        "Clinton, the U.S. President, agreed with him in a call from Washington."
    )
    assert (found["Jose Maria Aznar"], "Bill Clinton" in found) == (["Spanish Prime Minister"], True)
