"""Who a description stands for: the one person or body the article gave that role before it."""

from __future__ import annotations

import pytest

from newsprism.extract import attribute_article
from newsprism.extract.quotes.cues import load_cues
from newsprism.extract.quotes.holders import Description, Holder, Kind, Role, doc_descriptions, holder_of
from newsprism.model import Article, ParsedArticle
from newsprism.nlp import load_spacy


def _holder(name: str, start: int, *roles: str, kind: Kind = "person") -> Holder:
    label = "PERSON" if kind == "person" else "ORG"
    return Holder(start, start + len(name), name, kind, label, tuple(Role.of(role) for role in roles))


def _unnamed(words: str, start: int, kind: Kind = "person") -> Holder:
    return Holder(start, start + len(words), words, kind, "DESCRIPTION", (Role.of(words),), named=False)


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
        (
            # A title abbreviated before the name ('Gov.') is the role the description names.
            "Gov. Chris Christie toured Iowa on Monday. Voters cheered. The governor said the plan would fail.",
            "The governor",
            "Chris Christie",
        ),
    ],
)
def test_descriptions_take_the_holder_the_article_names(text: str, speaker: str, name: str) -> None:
    article = ParsedArticle(article=Article(id="a", source="s", text=text), sentences=[])
    quotes = [q for q in attribute_article(article, load_spacy()) if q.speaker and q.speaker.text == speaker]
    assert [q.speaker_name for q in quotes] == [name]


def test_an_unnamed_description_holds_a_role_only_where_no_name_does() -> None:
    commander = Description.of("the commander", frozenset({"commander"}))
    top = _unnamed("NATO's top commander", 0)
    assert holder_of(commander, "person", [top], 500, named=False) == top
    assert holder_of(commander, "person", [top], 500) is None  # it names no one
    # 'The president' beside two named presidents is one of them, not the description that happens to be left.
    president = Description.of("the president", frozenset({"president"}))
    holders = [_holder("Barack Obama", 0, "President"), _holder("Jim Yong Kim", 50, "World Bank President")]
    assert holder_of(president, "person", [*holders, _unnamed("the U.S. president", 100)], 500, named=False) is None
    # Two descriptions, however far apart, leave the role anyone's; two mentions of one are one.
    senator = Description.of("the senator", frozenset({"senator", "sen"}))
    two = [_unnamed("the independent Vermont senator", 0), _unnamed("New York senator", 2000)]
    assert holder_of(senator, "person", two, 2100, named=False) is None
    one = [_unnamed("a Vermont senator", 0), _unnamed("the Vermont senator", 2000)]
    assert holder_of(senator, "person", one, 2100, named=False) == one[1]


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("NATO's top commander welcomed the talks.", ["NATO's top commander"]),
        ("A spokesman for the Kremlin denied it.", ["A spokesman for the Kremlin"]),
        ("Israeli officials said Wednesday that the visit was on.", ["Israeli officials"]),
        ("China's foreign ministry issued a statement.", ["China's foreign ministry"]),
        # A role written with the name it belongs to is that person's, not an unnamed description.
        ("Clinton spokesman Brian Fallon said it was over.", []),
        ("Former secretary of State Hillary Clinton spoke first.", []),
        ("Polls show Hillary Clinton and the Vermont senator in a dead heat.", ["the Vermont senator"]),
        ("Dmitry Peskov, the Kremlin spokesman, said nothing new.", []),
        ("The Kremlin spokesman, Dmitry Peskov, said nothing new.", []),
        # No owner: nothing says whose.
        ("The spokesman said nothing new.", []),
    ],
)
def test_unnamed_descriptions_are_role_nouns_with_an_owner_and_no_name(text: str, described: list[str]) -> None:
    lexicon = load_cues()
    doc = load_spacy()(text)
    found = doc_descriptions(doc, 0, lexicon.person_titles, lexicon.organisation_nouns)
    assert [holder.name for holder in found] == described


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "speaker", "name", "resolution"),
    [
        (
            "NATO's top commander welcomed the signs. However, the commander urged Moscow to show it would act.",
            "the commander",
            "NATO's top commander",
            "described",
        ),
        (
            "Cameron's spokesman said the prime minister would meet him. The spokesman added that no date was set.",
            "The spokesman",
            "Cameron's spokesman",
            "described",
        ),
        # A role the article gives a named person is theirs, not the description's.
        (
            "British Prime Minister Boris Johnson spoke first. Britain's prime minister then left. "
            "The prime minister said the talks were over.",
            "The prime minister",
            "Boris Johnson",
            "title",
        ),
    ],
)
def test_a_description_the_article_never_names_takes_its_fuller_words(
    text: str, speaker: str, name: str, resolution: str
) -> None:
    article = ParsedArticle(article=Article(id="a", source="s", text=text), sentences=[])
    quotes = [q for q in attribute_article(article, load_spacy()) if q.speaker and q.speaker.text == speaker]
    assert [(q.speaker_name, q.resolution) for q in quotes] == [(name, resolution)]
