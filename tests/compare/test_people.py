from __future__ import annotations

import pytest

from newsprism.compare.people import consonant_skeleton, merge_people, name_parts
from newsprism.model import PersonMention, RoleSpan


def mention(name: str, article: str = "a", role: str | None = None, actor: str | None = None) -> PersonMention:
    roles = [RoleSpan(article_id=article, text=role, start=0, end=len(role), actor=actor)] if role else []
    return PersonMention(article_id=article, name=name, start=0, end=len(name), roles=roles)


def test_name_forms_of_one_person_merge_with_roles_by_source() -> None:
    people = merge_people(
        [
            mention("Jens Stoltenberg", "a", "NATO Secretary General", "NATO"),
            mention("Stoltenberg", "b"),
            mention("Jens Stoltenberg", "c", "chief executive of NATO", "NATO"),
        ]
    )
    [person] = people
    assert person.name == "Jens Stoltenberg"
    assert person.article_ids == ["a", "b", "c"]
    assert [role.text for role in person.roles] == ["NATO Secretary General", "chief executive of NATO"]
    assert person.actor == "NATO"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Volodymyr Zelensky", "Volodymyr Zelenski"),
        ("Vladimir Zelensky", "Volodymyr Zelenskyy"),
        ("J. Smith", "John Smith"),
        # A usual short form of the first name.
        ("Bob Livingston", "Robert L. Livingston"),
        ("Judy Cheng-Hopkins", "Judith Cheng-Hopkins"),
        # A surname with its particle is no first name.
        ("bin Laden", "Osama bin Laden"),
    ],
)
def test_spelling_variants_merge(first: str, second: str) -> None:
    assert len(merge_people([mention(first), mention(second, "b")])) == 1


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Joe Biden", "Hunter Biden"),
        ("Ivana Trump", "Ivanka Trump"),
        ("Vladimir Putin", "Vladimir Zelensky"),
        ("Mohammed Zughayar", "Yusef Ali Mohammed Zughayar"),  # a father, and the son named after him
        ("Al Gore", "Tipper Gore"),  # 'Al' is a first name, 'al' opens a surname
        ("Mark Udall", "Tom Udall"),
    ],
)
def test_different_people_stay_apart(first: str, second: str) -> None:
    assert len(merge_people([mention(first), mention(second, "b")])) == 2


def test_bare_surname_goes_to_the_person_named_in_the_same_article() -> None:
    people = merge_people(
        [mention("Joe Biden", "a"), mention("Joe Biden", "a"), mention("Hunter Biden", "b"), mention("Biden", "b")]
    )
    hunter = next(p for p in people if p.name == "Hunter Biden")
    assert hunter.mentions == 2


def test_name_parts_fold_accents_and_honorifics() -> None:
    assert name_parts("Mr. Volodymyr Zelens’kyy") == ["volodymyr", "zelenskyy"]
    assert name_parts("Dr José Núñez") == ["jose", "nunez"]


def test_transliterations_share_a_consonant_skeleton() -> None:
    assert consonant_skeleton("vladimir") == consonant_skeleton("volodymyr")
    assert consonant_skeleton("ivana") != consonant_skeleton("ivanka")


def test_a_surname_with_its_particle_joins_the_full_name() -> None:
    [person] = merge_people([mention("bin Laden"), mention("bin Laden", "b"), mention("Osama bin Laden", "c")])
    assert person.name == "Osama bin Laden"


def test_a_bare_name_that_is_one_persons_first_name_is_that_person() -> None:
    # Malay and Arabic names are used by the first ('Mahathir'), Chinese ones by the family name first.
    people = merge_people([mention("Mahathir Mohamad"), mention("Mahathir", "b"), mention("Jiang Zemin", "c")])
    assert [p.names for p in people if p.name == "Mahathir Mohamad"] == [["Mahathir", "Mahathir Mohamad"]]
    # Two people of that first name, or a pronoun the tagger took for a name, are no one.
    two = merge_people([mention("Mark Udall"), mention("Mark Souder"), mention("Mark", "b")])
    assert len(two) == 3
    assert len(merge_people([mention("He Xintong"), mention("He", "b")])) == 2
