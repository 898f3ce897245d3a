from __future__ import annotations

import pytest

from newsprism.brief.quotes import PIECE_JOINER, listed_people, who_said_what
from newsprism.extract.records import Quote, TextSpan
from newsprism.model import Article, ParsedArticle, Person, QuoteEntry, RoleSpan, Sentence

TEXT_A = 'Stoltenberg said: "We have seen no sign of de-escalation on the ground." He added, "We remain vigilant."'
TEXT_B = 'NATO chief Jens Stoltenberg said "we have seen no sign of de-escalation on the ground".'
TEXT_C = 'Jens Stoltenberg said: "We have seen no sign of de-escalation on the ground. We remain vigilant."'


def span(text: str, piece: str) -> TextSpan:
    start = text.index(piece)
    return TextSpan(start=start, end=start + len(piece), text=piece)


def document(article_id: str, text: str) -> ParsedArticle:
    sentence = Sentence(article_id=article_id, index=0, start=0, end=len(text), text=text)
    return ParsedArticle(article=Article(id=article_id, source=article_id, text=text), sentences=[sentence])


def quote(article_id: str, text: str, content: list[str], speaker: str, resolution: str = "named") -> Quote:
    return Quote(
        article_id=article_id,
        kind="direct",
        cue=span(text, "said"),
        content=[span(text, piece) for piece in content],
        speaker=span(text, speaker) if speaker in text else None,
        speaker_name="Jens Stoltenberg" if resolution != "unresolved" else None,
        resolution=resolution,  # type: ignore[arg-type]
    )


def reported(text: str, speaker: str, content: str, article_id: str = "a") -> Quote:
    """An indirect statement of a speaker as written, cued by the first "said" after the speaker."""
    cue = text.index("said", text.index(speaker) + len(speaker))
    return Quote(
        article_id=article_id,
        kind="indirect",
        cue=TextSpan(start=cue, end=cue + 4, text="said"),
        content=[span(text, content)],
        speaker=span(text, speaker),
        resolution="as_written",
    )


PERSON = Person(
    id=0,
    name="Jens Stoltenberg",
    names=["Jens Stoltenberg", "Stoltenberg"],
    roles=[RoleSpan(article_id="b", text="NATO chief", start=0, end=10, actor="NATO")],
    actor="NATO",
)


def test_same_statement_in_two_sources_appears_once_with_both() -> None:
    quotes = {
        "a": [quote("a", TEXT_A, ["We have seen no sign of de-escalation on the ground."], "Stoltenberg")],
        "b": [quote("b", TEXT_B, ["we have seen no sign of de-escalation on the ground"], "Jens Stoltenberg")],
    }
    [entry] = who_said_what(quotes, [document("a", TEXT_A), document("b", TEXT_B)], [PERSON], {"a": 1, "b": 2})
    assert entry.speaker == "Jens Stoltenberg"
    assert entry.actor == "NATO"
    assert entry.role == "NATO chief"
    assert [c.source for c in entry.citations] == [1, 2]
    assert TEXT_A[entry.citations[0].start : entry.citations[0].end] == entry.text


def test_the_fullest_report_of_a_statement_is_shown_and_cited_first() -> None:
    quotes = {
        "a": [quote("a", TEXT_A, ["We have seen no sign of de-escalation on the ground."], "Stoltenberg")],
        "b": [
            quote(
                "b",
                TEXT_C,
                ["We have seen no sign of de-escalation on the ground. We remain vigilant."],
                "Jens Stoltenberg",
            )
        ],
    }
    [entry] = who_said_what(quotes, [document("a", TEXT_A), document("b", TEXT_C)], [PERSON], {"a": 1, "b": 2})
    assert entry.text == "We have seen no sign of de-escalation on the ground. We remain vigilant."
    assert [c.source for c in entry.citations] == [2, 1]


def test_split_quote_pieces_are_joined_and_each_verbatim() -> None:
    pieces = ["We have seen no sign of de-escalation on the ground.", "We remain vigilant."]
    quotes = {"a": [quote("a", TEXT_A, pieces, "Stoltenberg")]}
    [entry] = who_said_what(quotes, [document("a", TEXT_A)], [PERSON], {"a": 1})
    assert entry.text == PIECE_JOINER.join(pieces)


def test_unresolved_pronoun_speakers_are_left_out() -> None:
    quotes = {"a": [quote("a", TEXT_A, ["We remain vigilant."], "He", resolution="unresolved")]}
    assert who_said_what(quotes, [document("a", TEXT_A)], [PERSON], {"a": 1}) == []


def test_a_description_named_only_by_its_day_is_left_out_and_one_with_a_name_kept() -> None:
    text = "Earlier reports on Monday said that the talks had failed. Reuters on Monday said that the talks went on."

    quotes = {
        "a": [
            reported(text, "reports on Monday", "that the talks had failed"),
            reported(text, "Reuters on Monday", "that the talks went on"),
        ]
    }
    entries = who_said_what(quotes, [document("a", text)], [], {"a": 1})
    assert [entry.speaker for entry in entries] == ["Reuters on Monday"]


def test_an_office_named_bare_is_the_party_whose_office_the_sources_name_it() -> None:
    text = (
        "The Russian Defense Ministry said that units were returning to base."
        " The Defense Ministry said that trains were leaving Crimea."
        " Russian officials said that the drills were over."
        " Officials said that talks would go on. officials said that nothing had changed."
    )

    quotes = {
        "a": [
            reported(text, "Russian Defense Ministry", "that units were returning to base"),
            reported(text, "The Defense Ministry", "that trains were leaving Crimea"),
            reported(text, "Russian officials", "that the drills were over"),
            reported(text, "Officials", "that talks would go on"),
        ]
    }
    actors = {e.speaker: e.actor for e in who_said_what(quotes, [document("a", text)], [], {"a": 1})}
    assert actors["Defense Ministry"] == actors["Russian Defense Ministry"] == "Russia"
    assert actors["Officials"] == "Officials"  # one word, capitalised only as its sentence opens
    us_text = "The US Defense Ministry said that it had seen no sign of any withdrawal."
    us_ministry = reported(us_text, "US Defense Ministry", "that it had seen no sign of any withdrawal", "b")
    two_ministries = {"a": quotes["a"][:3], "b": [us_ministry]}
    documents = [document("a", text), document("b", us_text)]
    entries = who_said_what(two_ministries, documents, [], {"a": 1, "b": 2})
    actors = {e.speaker: e.actor for e in entries}
    assert actors["Defense Ministry"] == "Defense Ministry"
    assert actors["US Defense Ministry"] == "US"  # "US" in capitals is no pronoun


def test_people_listed_are_those_with_a_role_a_voice_or_more_than_one_mention() -> None:
    def person(number: int, name: str, mentions: int, role: str | None = None) -> Person:
        roles = [RoleSpan(article_id="a", text=role, start=0, end=len(role))] if role else []
        return Person(id=number, name=name, names=[name], roles=roles, mentions=mentions)

    people = [
        person(1, "Jens Stoltenberg", 1, "NATO chief"),
        person(2, "Die Welt", 1),
        person(3, "Olaf Scholz", 3),
        person(4, "Luhansk", 1),
    ]
    quotes = [QuoteEntry(speaker="Die Welt", text="Wednesday is a possible date", kind="indirect", citations=[])]
    assert [p.name for p in listed_people(people, quotes)] == ["Jens Stoltenberg", "Die Welt", "Olaf Scholz"]


def test_parties_are_named_once_whatever_word_a_source_uses() -> None:
    from newsprism.brief.quotes import party_names

    names = party_names(["Russian", "Kremlin", "Russia", "United States", "US", "German", "Reuters"])
    assert names["Russian"] == names["Kremlin"] == names["Russia"] == "Russia"
    assert names["United States"] == names["US"] == "US"
    assert names["German"] == "Germany"
    assert names["Reuters"] == "Reuters"


def test_an_acronym_is_the_party_it_abbreviates_when_it_abbreviates_one() -> None:
    from newsprism.brief.quotes import party_names

    names = party_names(["WSJ", "The Wall Street Journal", "AP", "Associated Press", "DOD", "Department of Defense"])
    assert names["WSJ"] == names["The Wall Street Journal"] == "The Wall Street Journal"
    assert names["AP"] == names["Associated Press"] == "Associated Press"
    assert names["DOD"] == "Department of Defense"
    ambiguous = party_names(["UNHCR", "IAEA", "IMF", "International Monetary Fund", "Islamic Mission Front"])
    assert ambiguous["IMF"] == "IMF"  # two expansions: left as written
    assert ambiguous["IAEA"] == "IAEA"
    # A known country keeps its name, whatever its letters spell.
    assert party_names(["US", "Ukrainian Soldiers"])["US"] == "US"


def test_one_of_a_bodys_people_is_shown_as_written_on_the_bodys_side() -> None:
    text = "A senior NATO diplomat said the alliance saw no withdrawal of troops from the border at all."
    statement = reported(text, "A senior NATO diplomat", "the alliance saw no withdrawal of troops from the border")
    statement = statement.model_copy(update={"speaker_name": "A senior NATO diplomat", "speaker_body": "NATO"})
    [entry] = who_said_what({"a": [statement]}, [document("a", text)], [], {"a": 1})
    assert (entry.speaker, entry.actor) == ("A senior NATO diplomat", "NATO")


def test_a_party_known_by_its_acronym_keeps_the_sources_capitals() -> None:
    from newsprism.brief.quotes import party_names

    assert party_names(["A senior NATO diplomat"])["A senior NATO diplomat"] == "NATO"


def test_the_same_words_given_twice_to_one_speaker_in_an_article_appear_once_under_the_nearest_cue() -> None:
    text = 'Ministers met to discuss what the alliance has called "the worst crisis in decades".'
    words = "the worst crisis in decades"

    def attributed(cue: str) -> Quote:
        return Quote(
            article_id="a",
            kind="direct",
            cue=span(text, cue),
            content=[span(text, words)],
            speaker=span(text, "the alliance"),
            speaker_name="NATO",
            resolution="named",
        )

    quotes = {"a": [attributed("discuss"), attributed("called")]}
    [entry] = who_said_what(quotes, [document("a", text)], [], {"a": 1})
    assert (entry.speaker, entry.cue, entry.text) == ("NATO", "called", words)


def test_a_speaker_named_only_by_a_pronoun_keeps_the_sources_words() -> None:
    quotes = {"a": [quote("a", TEXT_A, ["We remain vigilant."], "He", resolution="pronoun")]}
    [entry] = who_said_what(quotes, [document("a", TEXT_A)], [PERSON], {"a": 1})
    assert (entry.speaker, entry.speaker_as_written) == ("Jens Stoltenberg", "He")
    named = {"a": [quote("a", TEXT_A, ["We have seen no sign of de-escalation on the ground."], "Stoltenberg")]}
    [entry] = who_said_what(named, [document("a", TEXT_A)], [PERSON], {"a": 1})
    assert entry.speaker_as_written is None


LEDE = "'We have seen no sign of de-escalation on the ground,' the secretary general of NATO said on Tuesday."


def test_a_description_is_the_one_person_another_source_gives_every_word_of_it() -> None:
    quotes = {"c": [reported(LEDE, "the secretary general of NATO", "We have seen no sign of de-escalation", "c")]}
    secretary = PERSON.model_copy(
        update={"roles": [RoleSpan(article_id="b", text="NATO Secretary General", start=0, end=22, actor="NATO")]}
    )
    [entry] = who_said_what(quotes, [document("c", LEDE)], [secretary], {"c": 1})
    assert (entry.speaker, entry.speaker_as_written) == ("Jens Stoltenberg", "the secretary general of NATO")
    # A present description is not a past role, as in an article of its own (holders.holder_of).
    past = secretary.model_copy(
        update={"roles": [RoleSpan(article_id="b", text="former NATO Secretary General", start=0, end=29)]}
    )
    [entry] = who_said_what(quotes, [document("c", LEDE)], [past], {"c": 1})
    assert entry.speaker_as_written is None
    # A word no role holds ('former'), or two people who fit, leave the description as written.
    former = LEDE.replace("the secretary", "the former secretary")
    quotes = {"c": [reported(former, "the former secretary general of NATO", "We have seen no sign", "c")]}
    [entry] = who_said_what(quotes, [document("c", former)], [secretary], {"c": 1})
    assert entry.speaker_as_written is None
    assert entry.speaker.startswith("the former")
    # A role's other words name a body, not the person: the association is not its executive director.
    director = secretary.model_copy(
        update={
            "roles": [
                RoleSpan(article_id="b", text="executive director of the NBA players association", start=0, end=50)
            ]
        }
    )
    text = "'We will go on with the talks,' the NBA players association said on Tuesday."
    quotes = {"c": [reported(text, "the NBA players association", "We will go on with the talks", "c")]}
    [entry] = who_said_what(quotes, [document("c", text)], [director], {"c": 1})
    assert (entry.speaker, entry.speaker_as_written) == ("NBA players association", None)
    other = Person(id=1, name="Anders Rasmussen", names=["Anders Rasmussen"], roles=secretary.roles, actor="NATO")
    quotes = {"c": [reported(LEDE, "the secretary general of NATO", "We have seen no sign of de-escalation", "c")]}
    [entry] = who_said_what(quotes, [document("c", LEDE)], [secretary, other], {"c": 1})
    assert entry.speaker_as_written is None


def test_a_capitalised_title_is_a_description_and_other_capitalised_words_a_name() -> None:
    text = (
        "The Foreign Secretary said the talks in Geneva had failed. "
        "The Associated Press said the vote in Ohio was close."
    )
    secretary = PERSON.model_copy(
        update={"roles": [RoleSpan(article_id="b", text="British Foreign Secretary", start=0, end=25, actor="UK")]}
    )
    quotes = {
        "c": [
            reported(text, "The Foreign Secretary", "the talks in Geneva had failed", "c"),
            reported(text, "The Associated Press", "the vote in Ohio was close", "c"),
        ]
    }
    entries = who_said_what(quotes, [document("c", text)], [secretary], {"c": 1})
    assert sorted((e.speaker, e.speaker_as_written) for e in entries) == [
        ("Associated Press", None),
        ("Jens Stoltenberg", "The Foreign Secretary"),
    ]


def test_a_description_read_as_the_articles_fuller_words_is_shown_with_the_sources_words() -> None:
    text = "NATO's top commander welcomed the signs. The commander said Moscow should show its will to act."
    described = reported(text, "The commander", "Moscow should show its will to act").model_copy(
        update={"speaker_name": "NATO's top commander", "resolution": "described"}
    )
    [entry] = who_said_what({"a": [described]}, [document("a", text)], [], {"a": 1})
    assert (entry.speaker, entry.speaker_as_written) == ("NATO's top commander", "The commander")
    assert (entry.actor or "").upper() == "NATO"  # the party it speaks for, as this brief calls it
    # Another source's name for the one who holds that role still names the speaker.
    lede = LEDE.replace("of NATO", "")
    fuller = reported(lede, "the secretary general", "We have seen no sign of de-escalation", "c").model_copy(
        update={"speaker_name": "NATO's secretary general", "resolution": "described"}
    )
    secretary = PERSON.model_copy(
        update={"roles": [RoleSpan(article_id="b", text="NATO Secretary General", start=0, end=22, actor="NATO")]}
    )
    [entry] = who_said_what({"c": [fuller]}, [document("c", lede)], [secretary], {"c": 1})
    assert (entry.speaker, entry.speaker_as_written) == ("Jens Stoltenberg", "the secretary general")


def test_an_excerpt_of_a_statement_the_article_quotes_in_full_is_that_statement() -> None:
    text = (
        TEXT_A
        + " Later Stoltenberg said: "
        + '"We have seen no sign of de-escalation on the ground. We remain vigilant."'
    )
    excerpt = quote("a", text, ["We have seen no sign of de-escalation on the ground."], "Stoltenberg")
    full_start = text.index('"We have seen no sign of de-escalation on the ground. We')
    full = excerpt.model_copy(update={"content": [TextSpan(start=full_start, end=len(text), text=text[full_start:])]})
    for order in ([excerpt, full], [full, excerpt]):
        [entry] = who_said_what({"a": order}, [document("a", text)], [PERSON], {"a": 1})
        assert entry.text == text[full_start:]


def test_a_report_like_any_report_of_a_statement_joins_it() -> None:
    # The second source words it like the first, the third like the second: one statement for all three.
    texts = {
        "a": 'Stoltenberg said: "Russia has massed troops near the border and shows no sign of leaving."',
        "b": 'Stoltenberg said: "Russia shows no sign of leaving the border region, where troops stay massed."',
        "c": 'Stoltenberg said: "The troops stay massed in the border region, where the winter camps are built."',
    }
    quotes = {k: [quote(k, t, [t[t.index('"') :]], "Stoltenberg")] for k, t in texts.items()}
    entries = who_said_what(quotes, [document(k, t) for k, t in texts.items()], [PERSON], {"a": 1, "b": 2, "c": 3})
    assert [sorted(c.source for c in e.citations) for e in entries] == [[1, 2, 3]]


def test_a_speaker_is_the_person_of_that_surname_whose_first_name_fits() -> None:
    text = "Buck Williams said the owners had dug in. Then Williams said the talks would go on for weeks."
    second = text.index("Williams said the talks")

    def said(speaker: TextSpan, content: str) -> Quote:
        cue = text.index("said", speaker.end)
        return Quote(
            article_id="a",
            kind="indirect",
            cue=TextSpan(start=cue, end=cue + 4, text="said"),
            content=[span(text, content)],
            speaker=speaker,
            speaker_name=speaker.text,
            resolution="named",
        )

    quotes = {
        "a": [
            said(span(text, "Buck Williams"), "the owners had dug in"),
            said(TextSpan(start=second, end=second + 8, text="Williams"), "the talks would go on for weeks"),
        ]
    }
    # Herb Williams is the most mentioned Williams of the story, but not in this article.
    herb = Person(id=0, name="Herb Williams", names=["Herb Williams"], mentions=5, article_ids=["b"])
    buck = Person(id=1, name="Buck Williams", names=["Buck Williams", "Williams"], mentions=2, article_ids=["a"])
    entries = who_said_what(quotes, [document("a", text)], [herb, buck], {"a": 1})
    assert {entry.speaker for entry in entries} == {"Buck Williams"}


@pytest.mark.parametrize(
    ("written", "speaker"),
    [
        ("the union's lawyer, Buck Williams,", "Buck Williams"),  # a description ending in a name is that person
        ("A spokesman for Williams", "A spokesman for Williams"),  # not Williams himself
        ("the Williams family", "Williams family"),
        ("coach Williams", "Buck Williams"),  # a lower-case word before a surname is no first name
    ],
)
def test_a_description_is_a_person_only_where_it_ends_in_their_name(written: str, speaker: str) -> None:
    text = f"Asked about the talks, {written} said the owners had dug in for months."
    quote = reported(text, written, "the owners had dug in for months").model_copy(update={"resolution": "named"})
    buck = Person(id=1, name="Buck Williams", names=["Buck Williams", "Williams"], mentions=2, article_ids=["a"])
    [entry] = who_said_what({"a": [quote]}, [document("a", text)], [buck], {"a": 1})
    assert entry.speaker == speaker


def test_a_name_that_is_one_persons_name_form_is_that_person_whatever_surname_it_is_like() -> None:
    text = "Hu said the trial was unfair and that the court had not heard the defence at all."
    quote = reported(text, "Hu", "the trial was unfair and that the court had not heard the defence at all")
    quote = quote.model_copy(update={"resolution": "named"})
    hu = Person(id=0, name="Hu Jiangxia", names=["Hu", "Hu Jiangxia"], mentions=2, article_ids=["a"])
    zhu = Person(id=1, name="Zhu Bangzao", names=["Zhu", "Zhu Bangzao"], mentions=5, article_ids=["a"])
    [entry] = who_said_what({"a": [quote]}, [document("a", text)], [zhu, hu], {"a": 1})
    assert entry.speaker == "Hu Jiangxia"
