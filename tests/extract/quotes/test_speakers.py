"""Speaker names: entities inside the speaker, and pronouns or roles resolved to earlier speakers."""

from __future__ import annotations

import re

from newsprism.extract import Quote, TextSpan, load_cues
from newsprism.extract.quotes.gender import Gender, article_genders
from newsprism.extract.quotes.speakers import resolve_speakers
from newsprism.model import Mention

TEXT = "Dmitry Peskov, the Kremlin spokesman, said talks went well. The ministry said so too. He said more."


def _span(text: str, after: int = 0) -> TextSpan:
    start = TEXT.index(text, after)
    return TextSpan(start=start, end=start + len(text), text=text)


def _quote(speaker: str, after: int = 0) -> Quote:
    span = _span(speaker, after)
    cue = _span("said", span.end)
    return Quote(article_id="a", kind="indirect", cue=cue, content=[_span("talks went well")], speaker=span)


def _mention(text: str, label: str) -> Mention:
    span = _span(text)
    return Mention(article_id="a", start=span.start, end=span.end, text=text, label=label)


def test_named_speaker_takes_the_person_inside() -> None:
    [quote] = resolve_speakers(
        [_quote("Dmitry Peskov, the Kremlin spokesman")], [_mention("Dmitry Peskov", "PERSON")], load_cues()
    )
    assert (quote.speaker_name, quote.resolution) == ("Dmitry Peskov", "named")


def test_pronoun_resolves_to_nearest_earlier_person_speaker() -> None:
    quotes = [_quote("Dmitry Peskov, the Kremlin spokesman"), _quote("He")]
    resolved = resolve_speakers(quotes, [_mention("Dmitry Peskov", "PERSON")], load_cues())
    assert (resolved[1].speaker_name, resolved[1].resolution) == ("Dmitry Peskov", "pronoun")
    assert resolved[1].resolved_from is not None
    assert resolved[1].resolved_from.text == "Dmitry Peskov, the Kremlin spokesman"


def test_organisation_role_without_a_speaker_in_that_role_is_not_guessed() -> None:
    mentions = [_mention("Dmitry Peskov", "PERSON"), _mention("Kremlin", "ORG")]
    quotes = [_quote("Dmitry Peskov, the Kremlin spokesman"), _quote("The ministry")]
    resolved = resolve_speakers(quotes, mentions, load_cues())
    # Nobody was called a ministry before: the nearest organisation (the Kremlin) is a guess, not a name.
    assert (resolved[1].speaker_name, resolved[1].resolution) == ("The ministry", "as_written")


def test_role_word_takes_the_speaker_given_that_role_even_abbreviated() -> None:
    text = "Sen. Marco Rubio said no. Bret Baier said yes. Later the senator said it again."
    mentions = [_person(text, "Marco Rubio"), _person(text, "Bret Baier")]
    quotes = [_in(text, "Sen. Marco Rubio"), _in(text, "Bret Baier"), _in(text, "the senator")]
    resolved = resolve_speakers(quotes, mentions, load_cues())
    assert (resolved[2].speaker_name, resolved[2].resolution) == ("Marco Rubio", "title")


def test_an_indefinite_or_anonymous_speaker_is_nobody_named_before() -> None:
    text = "Hillary Clinton said no. A source said yes. The source said it again."
    mentions = [_person(text, "Hillary Clinton")]
    quotes = [_in(text, "Hillary Clinton"), _in(text, "A source"), _in(text, "The source")]
    resolved = resolve_speakers(quotes, mentions, load_cues())
    assert [q.speaker_name for q in resolved[1:]] == ["A source", "The source"]
    assert {q.resolution for q in resolved[1:]} == {"as_written"}


def test_pronoun_without_candidate_stays_unresolved() -> None:
    [quote] = resolve_speakers([_quote("He")], [], load_cues())
    assert quote.resolution == "unresolved"
    assert quote.speaker_name is None


def test_role_without_earlier_candidate_keeps_its_words() -> None:
    [quote] = resolve_speakers([_quote("The ministry")], [], load_cues())
    assert (quote.speaker_name, quote.resolution) == ("The ministry", "as_written")


def test_description_is_kept_as_written() -> None:
    [quote] = resolve_speakers([_quote("the Kremlin spokesman")], [], load_cues())
    assert (quote.speaker_name, quote.resolution) == ("the Kremlin spokesman", "as_written")


def _in(text: str, speaker: str, after: int = 0) -> Quote:
    start = text.index(speaker, after)
    cue = text.index("said", start + len(speaker))
    return Quote(
        article_id="a",
        kind="indirect",
        cue=TextSpan(start=cue, end=cue + 4, text="said"),
        content=[TextSpan(start=cue + 5, end=cue + 9, text=text[cue + 5 : cue + 9])],
        speaker=TextSpan(start=start, end=start + len(speaker), text=speaker),
    )


def _norp(text: str, word: str) -> Mention:
    start = text.index(word)
    return Mention(article_id="a", start=start, end=start + len(word), text=word, label="NORP")


def test_a_nationality_modifying_the_speaker_does_not_name_it() -> None:
    text = "The Ukrainian army said it was ready. The Russian Foreign Minister said no. He said more."
    quotes = [_in(text, "The Ukrainian army"), _in(text, "The Russian Foreign Minister"), _in(text, "He")]
    mentions = [_norp(text, "Ukrainian"), _norp(text, "Russian")]
    resolved = resolve_speakers(quotes, mentions, load_cues())
    assert [(q.speaker_name, q.resolution) for q in resolved] == [
        ("The Ukrainian army", "as_written"),
        ("The Russian Foreign Minister", "as_written"),
        ("The Russian Foreign Minister", "pronoun"),
    ]


def test_a_nationality_that_is_the_whole_speaker_names_it() -> None:
    text = "Russians said they would stay."
    [quote] = resolve_speakers([_in(text, "Russians")], [_norp(text, "Russians")], load_cues())
    assert (quote.speaker_name, quote.resolution) == ("Russians", "named")


def _name_of(speaker: str, names: list[tuple[str, str]]) -> tuple[str | None, str]:
    """The name and resolution given to ``speaker`` standing alone, with ``names`` (text, label) inside it."""
    resolved = _resolved_alone(speaker, names)
    return resolved.speaker_name, resolved.resolution


def _resolved_alone(speaker: str, names: list[tuple[str, str]]) -> Quote:
    """The quote of ``speaker`` standing alone, resolved with ``names`` (text, label) inside it."""
    cue = TextSpan(start=len(speaker) + 1, end=len(speaker) + 5, text="said")
    quote = Quote(
        article_id="a",
        kind="indirect",
        cue=cue,
        content=[TextSpan(start=cue.end + 1, end=cue.end + 5, text="more")],
        speaker=TextSpan(start=0, end=len(speaker), text=speaker),
    )
    mentions = [
        Mention(article_id="a", start=speaker.index(n), end=speaker.index(n) + len(n), text=n, label=label)
        for n, label in names
    ]
    [resolved] = resolve_speakers([quote], mentions, load_cues())
    return resolved


def test_speaker_is_the_name_that_heads_the_phrase() -> None:
    assert _name_of("Clinton spokesman Brian Fallon", [("Clinton", "PERSON"), ("Brian Fallon", "PERSON")]) == (
        "Brian Fallon",
        "named",
    )
    assert (
        _name_of("Jens Stoltenberg, a friend of Joe Smith,", [("Jens Stoltenberg", "PERSON"), ("Joe Smith", "PERSON")])[
            0
        ]
        == "Jens Stoltenberg"
    )
    assert _name_of("the Kremlin", [("Kremlin", "ORG")]) == ("Kremlin", "named")
    diplomat = _resolved_alone("A senior NATO diplomat", [("NATO", "ORG")])
    assert (diplomat.resolution, diplomat.speaker_body) == ("as_written", "NATO")


def test_names_that_only_qualify_the_speaker_leave_it_as_written() -> None:
    # The ministry speaks, not Russia; the spokesman, not the department.
    assert _name_of("Russia's defence ministry", [("Russia", "GPE")]) == ("Russia's defence ministry", "as_written")
    assert _name_of("Russia's defence ministry", [("Russia", "GPE"), ("defence ministry", "ORG")]) == (
        "Russia's defence ministry",
        "as_written",
    )
    assert _name_of("a spokesman for the State Department", [("the State Department", "ORG")]) == (
        "a spokesman for the State Department",
        "as_written",
    )


def test_a_definite_description_with_a_nationality_takes_the_earlier_person_given_it() -> None:
    text = (
        "The Russian Foreign Minister said no. Russian Foreign Minister Sergei Lavrov said it again."
        " US Secretary of State Antony Blinken said no. The Russian politician said more."
        " The Ukrainian minister said less."
    )
    speakers = [
        "The Russian Foreign Minister",
        "Russian Foreign Minister Sergei Lavrov",
        "US Secretary of State Antony Blinken",
        "The Russian politician",
        "The Ukrainian minister",
    ]
    quotes = [_in(text, speaker) for speaker in speakers]
    names = [("Russian", "NORP"), ("Ukrainian", "NORP"), ("US", "GPE"), ("Sergei Lavrov", "PERSON")]
    names.append(("Antony Blinken", "PERSON"))
    mentions = [
        Mention(article_id="a", start=found.start(), end=found.end(), text=word, label=label)
        for word, label in names
        for found in re.finditer(re.escape(word), text)
    ]
    resolved = resolve_speakers(quotes, mentions, load_cues())
    assert [(q.speaker_name, q.resolution) for q in resolved] == [
        ("The Russian Foreign Minister", "as_written"),  # before any name: kept as written
        ("Sergei Lavrov", "named"),
        ("Antony Blinken", "named"),
        ("Sergei Lavrov", "title"),  # the nearest person the text called Russian, not Blinken
        ("The Ukrainian minister", "as_written"),  # no Ukrainian named before it
    ]


def test_a_description_without_a_name_is_named_by_its_apposition() -> None:
    belo = "East Timor's spiritual leader, Roman Catholic Bishop Carlos Belo,"
    names = [("East Timor's", "GPE"), ("Roman Catholic Bishop", "PERSON"), ("Carlos Belo", "PERSON")]
    assert _name_of(belo, names) == ("Carlos Belo", "named")
    assert _name_of("the group's leader, John Smith,", [("John Smith", "PERSON")]) == ("John Smith", "named")
    # Names before a person's title only qualify it; many officials are not the one among them, nor the state.
    stern = [("NBA", "ORG"), ("David Stern", "PERSON")]
    assert _name_of("the NBA commissioner, David Stern,", stern) == ("David Stern", "named")
    christie = [("New Jersey", "GPE"), ("Chris Christie", "PERSON")]
    officials = "New Jersey officials, including Gov. Chris Christie,"
    assert _name_of(officials, christie) == (officials, "as_written")
    # Commas that set off a list name no one ("Unicef" tagged a person).
    listed = "researchers from the World Food Program, Unicef and the European Union"
    names = [("the World Food Program", "ORG"), ("Unicef", "PERSON"), ("the European Union", "ORG")]
    assert _name_of(listed, names) == (listed, "as_written")
    # A name heading the phrase still wins over the apposition's.
    assert _name_of(
        "Jens Stoltenberg, NATO's secretary general,", [("Jens Stoltenberg", "PERSON"), ("NATO", "ORG")]
    ) == (
        "Jens Stoltenberg",
        "named",
    )


def test_a_name_the_source_wrapped_is_given_on_one_line() -> None:
    assert _name_of("Rebel commander Richard \nMondo", [("Richard \nMondo", "PERSON")]) == ("Richard Mondo", "named")


def test_names_before_an_owner_do_not_name_what_it_owns() -> None:
    party = "Cambodian leader Hun Sen's ruling party"
    assert _name_of(party, [("Cambodian", "NORP"), ("Hun Sen", "PERSON")]) == (party, "as_written")
    # An owner in the apposition leaves the head's name alone.
    assert _name_of("the Kremlin, Russia's seat of power,", [("Kremlin", "ORG"), ("Russia", "GPE")]) == (
        "Kremlin",
        "named",
    )


def test_of_several_names_the_last_heads_the_phrase_unless_it_only_modifies() -> None:
    hrw = "The New York-based group Human Rights Watch"
    assert _name_of(hrw, [("New York", "GPE"), ("Human Rights Watch", "ORG")]) == ("Human Rights Watch", "named")
    department = "the U.S. State Department"
    assert _name_of(department, [("U.S.", "GPE"), ("State Department", "ORG")]) == ("State Department", "named")


def test_speakers_joined_by_and_are_not_named_by_one_of_them() -> None:
    # Naming the last would put on one person's account what two said.
    kerry = "Mr. Kerry and Mr. Obama"
    assert _name_of(kerry, [("Kerry", "PERSON"), ("Obama", "PERSON")]) == (kerry, "as_written")
    assert _name_of("Russia and China", [("Russia", "GPE"), ("China", "GPE")]) == ("Russia and China", "as_written")
    senators = "Ted Cruz of Texas and Marco Rubio of Florida"
    names = [("Ted Cruz", "PERSON"), ("Texas", "GPE"), ("Marco Rubio", "PERSON"), ("Florida", "GPE")]
    assert _name_of(senators, names) == (senators, "as_written")
    # One person with a name before the head stays named.
    assert _name_of("Clinton spokesman Brian Fallon", [("Clinton", "PERSON"), ("Brian Fallon", "PERSON")]) == (
        "Brian Fallon",
        "named",
    )


def test_names_joined_after_a_preposition_or_a_quantifier_after_it_only_qualify_the_speaker() -> None:
    chairs = "interviews with GOP and Democratic party chairs"
    assert _name_of(chairs, [("GOP", "ORG"), ("Democratic", "NORP")]) == (chairs, "as_written")
    adviser = "a longtime adviser to both Clintons"
    assert _name_of(adviser, [("Clintons", "PERSON")]) == (adviser, "as_written")


def test_a_person_named_before_the_noun_that_heads_the_speaker_does_not_speak() -> None:
    # The adviser's words are not Trump's, nor is an advertisement Rove.
    adviser = "A top Donald Trump adviser"
    assert _name_of(adviser, [("Donald Trump", "PERSON")]) == (adviser, "as_written")
    assert _name_of("The Rove ad", [("Rove", "PERSON")]) == ("The Rove ad", "as_written")
    named_adviser = "A Trump adviser, John Smith,"
    assert _name_of(named_adviser, [("Trump", "PERSON"), ("John Smith", "PERSON")]) == ("John Smith", "named")
    # What follows a name that heads the speaker leaves it named.
    heading = [
        ("Hillary Clinton herself", "Hillary Clinton"),
        ("Jason Sims — a teacher from Mount Pleasant", "Jason Sims"),
        ("Sanders during a rally", "Sanders"),
    ]
    for speaker, name in heading:
        assert _name_of(speaker, [(name, "PERSON")]) == (name, "named")


def test_one_person_of_a_body_is_not_the_body() -> None:
    # 'NATO said' would make a diplomat's words the alliance's; the body stays the actor in the brief.
    assert _name_of("A senior NATO diplomat", [("NATO", "ORG")]) == ("A senior NATO diplomat", "as_written")
    assert _name_of("a U.S. official", [("U.S.", "GPE")]) == ("a U.S. official", "as_written")
    assert _name_of("the Kremlin", [("Kremlin", "ORG")]) == ("Kremlin", "named")
    diplomat = _resolved_alone("A senior NATO diplomat", [("NATO", "ORG")])
    assert (diplomat.resolution, diplomat.speaker_body) == ("as_written", "NATO")


def test_a_speaker_cut_inside_a_name_is_named_by_the_whole_name() -> None:
    text = "Syrian Foreign Minister Farouq al-Sharaa said the talks went well."
    quote = _in(text, "Syrian Foreign Minister Farouq al")
    mentions = [
        _norp(text, "Syrian"),
        Mention(article_id="a", start=24, end=40, text="Farouq al-Sharaa", label="PERSON"),
    ]
    [resolved] = resolve_speakers([quote], mentions, load_cues())
    assert (resolved.speaker_name, resolved.resolution) == ("Farouq al-Sharaa", "named")
    assert resolved.speaker == quote.speaker  # the span the parse gave is kept


def test_a_capitalised_title_takes_the_earlier_speaker_given_that_title() -> None:
    text = (
        "British Prime Minister Boris Johnson said no. US Secretary of State Antony Blinken said no."
        " The Prime Minister said more. The Foreign Secretary said less."
    )
    speakers = [
        "British Prime Minister Boris Johnson",
        "US Secretary of State Antony Blinken",
        "The Prime Minister",
        "The Foreign Secretary",
    ]
    names = [("Boris Johnson", "PERSON"), ("Antony Blinken", "PERSON"), ("US", "GPE"), ("British", "NORP")]
    mentions = [
        Mention(article_id="a", start=found.start(), end=found.end(), text=word, label=label)
        for word, label in names
        for found in re.finditer(re.escape(word), text)
    ]
    resolved = resolve_speakers([_in(text, speaker) for speaker in speakers], mentions, load_cues())
    assert [(q.speaker_name, q.resolution) for q in resolved][2:] == [
        ("Boris Johnson", "title"),  # the one given that title, not the nearest person (Blinken)
        ("The Foreign Secretary", "as_written"),  # no one given it before: the title says who spoke
    ]


def _person(text: str, name: str) -> Mention:
    start = text.index(name)
    return Mention(article_id="a", start=start, end=start + len(name), text=name, label="PERSON")


SUBJECT_TEXT = "Smith said the plan works. Jolly, elected in 2014, doubts it. Later he said it was wrong."


def test_a_pronoun_takes_a_later_main_clause_subject_over_an_earlier_speaker() -> None:
    quotes = [_in(SUBJECT_TEXT, "Smith"), _in(SUBJECT_TEXT, "he", SUBJECT_TEXT.index("Later"))]
    mentions = [_person(SUBJECT_TEXT, "Smith"), _person(SUBJECT_TEXT, "Jolly")]
    jolly = SUBJECT_TEXT.index("Jolly")
    resolved = resolve_speakers(quotes, mentions, load_cues(), subjects=[mentions[1]])
    assert (resolved[1].speaker_name, resolved[1].resolution) == ("Jolly", "pronoun")
    assert resolved[1].resolved_from is not None
    assert resolved[1].resolved_from.start == jolly
    # Not a subject of a main clause: the last speaker, as before.
    assert resolve_speakers(quotes, mentions, load_cues())[1].speaker_name == "Smith"


def test_a_subject_before_the_last_speaker_does_not_take_the_pronoun() -> None:
    text = "Jolly doubts it. Smith said the plan works. Later he said it was wrong."
    quotes = [_in(text, "Smith"), _in(text, "he", text.index("Later"))]
    mentions = [_person(text, "Jolly"), _person(text, "Smith")]
    resolved = resolve_speakers(quotes, mentions, load_cues(), subjects=[mentions[0]])
    assert resolved[1].speaker_name == "Smith"


GENDER_TEXT = (
    "Hillary Clinton said the plan works. Mr. Sanders said it fails. Bernie Sanders spoke. Later she said more."
)


def test_a_pronoun_skips_speakers_of_the_other_gender() -> None:
    quotes = [_in(GENDER_TEXT, "Hillary Clinton"), _in(GENDER_TEXT, "Mr. Sanders"), _in(GENDER_TEXT, "she")]
    mentions = [_person(GENDER_TEXT, "Hillary Clinton"), _person(GENDER_TEXT, "Sanders")]
    genders = article_genders(GENDER_TEXT, mentions)
    resolved = resolve_speakers(quotes, mentions, load_cues(), genders=genders)
    assert (resolved[2].speaker_name, resolved[2].resolution) == ("Hillary Clinton", "pronoun")
    # Without what the article shows of genders, the nearest speaker, as before.
    assert resolve_speakers(quotes, mentions, load_cues())[2].speaker_name == "Sanders"


def test_a_pronoun_skips_main_clause_subjects_of_the_other_gender() -> None:
    text = "Hillary Clinton said the plan works. Ted Cruz, elected in 2012, doubts it. Later she said more."
    quotes = [_in(text, "Hillary Clinton"), _in(text, "she")]
    mentions = [_person(text, "Hillary Clinton"), _person(text, "Ted Cruz")]
    genders = article_genders(text, mentions)
    resolved = resolve_speakers(quotes, mentions, load_cues(), subjects=[mentions[1]], genders=genders)
    assert resolved[1].speaker_name == "Hillary Clinton"


def test_a_name_after_a_participle_only_qualifies_the_speaker() -> None:
    pastor = "One pastor supporting Mr. Cruz"
    assert _name_of(pastor, [("Cruz", "PERSON")]) == (pastor, "as_written")
    # A person of the apposition named with where they are from still names the description.
    smith = "the group's leader, John Smith of Acme,"
    assert _name_of(smith, [("John Smith", "PERSON"), ("Acme", "ORG")]) == ("John Smith", "named")


def _mentions(text: str, *names: tuple[str, str]) -> list[Mention]:
    found = []
    for name, label in names:
        start = text.index(name)
        found.append(Mention(article_id="a", start=start, end=start + len(name), text=name, label=label))
    return found


def test_a_possessive_speaker_is_named_by_the_one_person_named_just_before_it() -> None:
    text = "Ted Cruz lost Ohio on Tuesday. But his campaign said that the fight goes on."
    mentions = _mentions(text, ("Ted Cruz", "PERSON"))
    [quote] = resolve_speakers(
        [_in(text, "his campaign")], mentions, load_cues(), genders=article_genders(text, mentions)
    )
    assert (quote.speaker_name, quote.resolution) == ("Ted Cruz’s campaign", "described")
    assert quote.resolved_from is not None
    assert quote.resolved_from.text == "Ted Cruz"
    # A person the tagger took for an organisation is still that person: two men, either may own it.
    later = "Sanders campaign manager Jeff Weaver spoke. His campaign said it was over."
    both = "Bernie Sanders won in Michigan. " + "The count went on. " * 25 + later
    mentions = _mentions(both, ("Bernie Sanders", "PERSON"), ("Jeff Weaver", "PERSON"))
    mentions.append(
        Mention(article_id="a", start=both.index(later), end=both.index(later) + 7, text="Sanders", label="ORG")
    )
    genders = article_genders(both, mentions)
    assert _owner_words(both, mentions[:2], genders) == "Jeff Weaver’s campaign"  # without the surname, a wrong owner
    [quote] = resolve_speakers([_in(both, "His campaign")], mentions, load_cues(), genders=genders)
    assert (quote.speaker_name, quote.resolution) == ("His campaign", "as_written")


def test_a_possessive_speaker_stays_as_written_where_its_owner_is_in_doubt() -> None:
    # Two men named just before: 'his' could be either's.
    text = "Ted Cruz met John Kasich. His campaign said that talks went well."
    mentions = _mentions(text, ("Ted Cruz", "PERSON"), ("John Kasich", "PERSON"))
    [quote] = resolve_speakers(
        [_in(text, "His campaign")], mentions, load_cues(), genders=article_genders(text, mentions)
    )
    assert (quote.speaker_name, quote.resolution) == ("His campaign", "as_written")
    # 'Her' is not the one man named before it, nor is a bare 'his' anyone's.
    for speaker in ("Her campaign", "His"):
        other = text.replace("His campaign", speaker).replace(" met John Kasich", " won")
        mentions = _mentions(other, ("Ted Cruz", "PERSON"))
        [quote] = resolve_speakers(
            [_in(other, speaker)], mentions, load_cues(), genders=article_genders(other, mentions)
        )
        assert quote.resolution == "as_written"


def test_a_possessive_speaker_is_the_last_subject_a_pronoun_would_take_when_no_other_person_comes_between() -> None:
    # Two surnames nearby leave the one-surname rule in doubt; the subject of the sentence just before owns it.
    text = "John Kasich praised Ted Cruz on Monday. Cruz thanked the crowd in Houston. His campaign said it goes on."
    start = text.index("Cruz thanked")
    subject = Mention(article_id="a", start=start, end=start + 4, text="Cruz", label="PERSON")
    mentions = [*_mentions(text, ("John Kasich", "PERSON"), ("Ted Cruz", "PERSON")), subject]
    genders = article_genders(text, mentions)
    [quote] = resolve_speakers([_in(text, "His campaign")], mentions, load_cues(), [subject], genders=genders)
    assert (quote.speaker_name, quote.resolution) == ("Cruz’s campaign", "described")
    # Another man named between them: either may own it.
    rival = text.replace("the crowd in Houston", "John Kasich")
    start = rival.index("Cruz thanked")
    subject = Mention(article_id="a", start=start, end=start + 4, text="Cruz", label="PERSON")
    second = rival.rindex("John Kasich")
    kasich = Mention(article_id="a", start=second, end=second + 11, text="John Kasich", label="PERSON")
    mentions = [*_mentions(rival, ("John Kasich", "PERSON"), ("Ted Cruz", "PERSON")), subject, kasich]
    genders = article_genders(rival, mentions)
    [quote] = resolve_speakers([_in(rival, "His campaign")], mentions, load_cues(), [subject], genders=genders)
    assert (quote.speaker_name, quote.resolution) == ("His campaign", "as_written")


def _owner_words(text: str, mentions: list[Mention], genders: dict[str, Gender]) -> str | None:
    [quote] = resolve_speakers([_in(text, "His campaign")], mentions, load_cues(), genders=genders)
    return quote.speaker_name


def test_a_speaker_tagged_as_a_body_is_the_person_the_article_names_elsewhere() -> None:
    # The tagger took the bare surname for an organisation: 'he' may still stand for him.
    text = "Carlos Beruff toured a school. Then Beruff said the standards were strong. Later he said more."
    mentions = _mentions(text, ("Carlos Beruff", "PERSON"))
    start = text.index("Beruff said")
    mentions.append(Mention(article_id="a", start=start, end=start + 6, text="Beruff", label="ORG"))
    quotes = [_in(text, "Beruff", start), _in(text, "he", text.index("Later"))]
    resolved = resolve_speakers(quotes, mentions, load_cues())
    assert [(q.speaker_name, q.resolution) for q in resolved] == [("Beruff", "named"), ("Beruff", "pronoun")]
    # A body whose name ends with a person's surname is still a body, which 'he' does not stand for.
    text = "Bernie Sanders spoke first. Then Friends of Bernie Sanders said it was full. Later he said more."
    mentions = _mentions(text, ("Bernie Sanders", "PERSON"), ("Friends of Bernie Sanders", "ORG"))
    quotes = [_in(text, "Friends of Bernie Sanders"), _in(text, "he", text.index("Later"))]
    resolved = resolve_speakers(quotes, mentions, load_cues(), subjects=mentions[:1])
    assert (resolved[1].speaker_name, resolved[1].resolution) == ("Bernie Sanders", "pronoun")


def test_a_main_clause_subject_tagged_as_a_body_is_the_person_the_article_names_elsewhere() -> None:
    text = "Tom Reed said the plan works. Carlos Beruff builds roads. Then Beruff toured the site. Later he said more."
    mentions = _mentions(text, ("Tom Reed", "PERSON"), ("Carlos Beruff", "PERSON"))
    start = text.index("Beruff toured")
    subjects = [Mention(article_id="a", start=start, end=start + 6, text="Beruff", label="ORG")]
    quotes = [_in(text, "Tom Reed"), _in(text, "he", text.index("Later"))]
    resolved = resolve_speakers(quotes, mentions, load_cues(), subjects=subjects)
    assert (resolved[1].speaker_name, resolved[1].resolution) == ("Beruff", "pronoun")
