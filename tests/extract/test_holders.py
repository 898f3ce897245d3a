"""Who a description stands for: the one person or body the article gave that role before it."""

from __future__ import annotations

import pytest

from newsprism.extract import attribute_article
from newsprism.extract.quotes.holders import Description, Holder, Kind, Role, holder_of
from newsprism.model import Article, ParsedArticle
from newsprism.nlp import load_spacy


def _holder(name: str, start: int, *roles: str, kind: Kind = "person") -> Holder:
    label = "PERSON" if kind == "person" else "ORG"
    return Holder(start, start + len(name), name, kind, label, tuple(Role.of(role) for role in roles))


def test_role_head_is_the_noun_before_a_preposition() -> None:
    assert Role.of("former Secretary of State").head == "secretary"
    assert Role.of("a major donor to the Trump campaign").head == "donor"
    assert Role.of("Sen.").head == "sen"


def test_past_and_present_roles_are_different_offices() -> None:
    holders = [_holder("Barack Obama", 0, "President"), _holder("Bill Clinton", 100, "former President")]
    forms = frozenset({"president"})
    assert holder_of(Description.of("the former president", forms), "person", holders, 500) == holders[1]
    assert holder_of(Description.of("the president", forms), "person", holders, 500) == holders[0]


def test_every_word_of_the_description_must_be_in_the_role() -> None:
    supreme = [_holder("Supreme Court", 0, "Supreme Court", kind="organisation")]
    appeals = [_holder("U.S. Court of Appeals", 0, "U.S. Court of Appeals", kind="organisation")]
    appeals_court = Description.of("the appeals court", frozenset({"court"}))
    assert holder_of(appeals_court, "organisation", supreme, 500) is None
    assert holder_of(appeals_court, "organisation", appeals, 500) == appeals[0]
    longtime = Description.of("the longtime senator", frozenset({"senator", "sen"}))
    assert holder_of(longtime, "person", [_holder("Roy Blunt", 0, "Sen.")], 500) is None


def test_a_role_given_to_two_names_no_one_and_later_holders_do_not_count() -> None:
    campaigns = [
        _holder("Trump's campaign", 0, "Trump's campaign", kind="organisation"),
        _holder("the Clinton campaign", 50, "the Clinton campaign", kind="organisation"),
    ]
    campaign = Description.of("The campaign", frozenset({"campaign"}))
    assert holder_of(campaign, "organisation", campaigns, 500) is None
    assert holder_of(campaign, "organisation", campaigns, 40) == campaigns[0]
    # Two mentions of one body are one holder: the nearer is taken.
    same = [campaigns[0], _holder("Trump campaign", 80, "Trump campaign", kind="organisation")]
    assert holder_of(campaign, "organisation", same, 500) == same[1]
    # However the owner is written.
    sanders = [
        _holder("Bernie Sanders’ campaign", 0, "Bernie Sanders’ campaign", kind="organisation"),
        _holder("the Sanders campaign", 60, "the Sanders campaign", kind="organisation"),
    ]
    assert holder_of(campaign, "organisation", sanders, 100) == sanders[1]


def test_only_the_recent_holders_count_when_there_are_any() -> None:
    # A live blog names one campaign after another: the one just named is the one meant.
    campaigns = [
        _holder("Trump's campaign", 0, "Trump's campaign", kind="organisation"),
        _holder("the Sanders campaign", 2000, "the Sanders campaign", kind="organisation"),
    ]
    campaign = Description.of("The campaign", frozenset({"campaign"}))
    assert holder_of(campaign, "organisation", campaigns, 2100) == campaigns[1]
    # Nobody near: the article's one holder of the role, or no one when it has two.
    assert holder_of(campaign, "organisation", campaigns[:1], 2100) == campaigns[0]
    assert holder_of(campaign, "organisation", campaigns, 4000) is None


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "speaker", "name"),
    [
        (
            "Former President Bill Clinton toured Ohio on Monday. Voters cheered. "
            "The former president said the economy was recovering.",
            "The former president",
            "Bill Clinton",
        ),
        (
            "The Obama administration sent a letter to the court. The administration said the rule would stand.",
            "The administration",
            "Obama administration",
        ),
        (
            "The Supreme Court heard the case in March. The appeals court said the law was void.",
            "The appeals court",
            "The appeals court",
        ),
    ],
)
def test_descriptions_take_the_holder_the_article_names(text: str, speaker: str, name: str) -> None:
    article = ParsedArticle(article=Article(id="a", source="s", text=text), sentences=[])
    quotes = [q for q in attribute_article(article, load_spacy()) if q.speaker and q.speaker.text == speaker]
    assert [q.speaker_name for q in quotes] == [name]
