from __future__ import annotations

import pytest

from newsprism.compare.roles import actor_key, compatible, read_role, role_conflicts
from newsprism.model import Article, ParsedArticle, Person, RoleSpan, Sentence


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("NATO Secretary General", "head of NATO"),
        ("chief executive of NATO", "NATO Secretary-General"),
        ("President", "US President"),
        ("Foreign Minister", "Russian Foreign Minister"),
        ("Kremlin spokesperson", "Kremlin spokesman"),
        ("foreign minister", "minister of foreign affairs"),
        # A country by its adjective, its name in the possessive or its capital is one body.
        ("jailed Chilean opposition leader", "Chile's jailed opposition chief"),
        ("Cairo spokesman for the ministry", "Egyptian ministry spokesman"),
        # A title abbreviated before a name is that title.
        ("Sen.", "senator from Florida"),
        ("Florida Gov.", "governor"),
    ],
)
def test_synonymous_or_fuller_titles_are_compatible(first: str, second: str) -> None:
    assert compatible(read_role(first), read_role(second))


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("European Union Commissioner for Foreign Affairs and Security Policy", "German Chancellor"),
        ("Ukraine defence minister", "Ukrainian Foreign Minister"),
        ("Russian Foreign Minister", "Belarusian Foreign Minister"),
        ("finance minister", "interior minister"),
        ("Syrian Foreign Minister", "Lebanese Foreign Minister"),
        ("spokesman for the Socialist Party", "spokesman for the National Council of Resistance"),
        ("Sen.", "Gov."),
    ],
)
def test_incompatible_roles(first: str, second: str) -> None:
    assert not compatible(read_role(first), read_role(second))


def test_conflict_lists_each_side_with_its_sources() -> None:
    texts = {
        "a": "EU Commissioner Olaf Scholz arrived.",
        "b": "German Chancellor Olaf Scholz arrived.",
        "c": "German Chancellor Olaf Scholz left.",
    }
    documents = [
        ParsedArticle(
            article=Article(id=key, source=key, text=text),
            sentences=[Sentence(article_id=key, index=0, start=0, end=len(text), text=text)],
        )
        for key, text in texts.items()
    ]
    roles = [
        RoleSpan(article_id=key, text=text.split(" Olaf")[0], start=0, end=len(text.split(" Olaf")[0]))
        for key, text in texts.items()
    ]
    person = Person(id=0, name="Olaf Scholz", names=["Olaf Scholz"], roles=roles)
    [conflict] = role_conflicts([person], documents, {"a": 1, "b": 2, "c": 3})
    assert conflict.kind == "role"
    assert conflict.subject == "Olaf Scholz"
    assert [value.text for value in conflict.values] == ["German Chancellor", "EU Commissioner"]
    assert [[c.source for c in value.citations] for value in conflict.values] == [[2, 3], [1]]


def test_one_source_alone_is_no_conflict() -> None:
    roles = [
        RoleSpan(article_id="a", text="EU Commissioner", start=0, end=15),
        RoleSpan(article_id="a", text="German Chancellor", start=20, end=37),
    ]
    person = Person(id=0, name="Olaf Scholz", names=["Olaf Scholz"], roles=roles)
    assert role_conflicts([person], [], {"a": 1}) == []


def test_actor_key_names_one_party_however_it_is_called() -> None:
    assert actor_key("Lebanon") == actor_key("Lebanese") == actor_key("Beirut") == "lebanon"
    assert actor_key("Russian Defense Ministry") == actor_key("Kremlin") == "russia"
    assert actor_key("Syria's foreign ministry") == "syria"
    assert actor_key("East Timor's bishop") == actor_key("Timorese rebels") == "east timor"
    assert actor_key("Human Rights Watch") == "human rights watch"
