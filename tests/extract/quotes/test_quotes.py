"""Golden cases for attribution extraction with the real spaCy pipeline (one batched parse per module)."""

from __future__ import annotations

import dataclasses
from functools import cache
from typing import Any

import pytest

from newsprism.extract import Quote, attribute_article, extract_quotes, load_cues
from newsprism.extract.quotes.document import outermost
from newsprism.extract.quotes.found import Found
from newsprism.model import Article, ParsedArticle
from newsprism.nlp import load_spacy

pytestmark = pytest.mark.slow

# text, then (speaker, content fragment, kind) that must be found; None where nothing may be attributed.
GOLDEN: list[tuple[str, list[tuple[str, str, str]]]] = [
    ('"We will win," Smith said.', [("Smith", '"We will win,"', "direct")]),
    ("“We will win,” Smith said.", [("Smith", "“We will win,”", "direct")]),
    ('"We will win. Nobody can stop us," Smith said.', [("Smith", "Nobody can stop us", "direct")]),
    ('"We will win," Smith said, "and nobody will stop us."', [("Smith", "and nobody will stop us", "direct")]),
    ('"We are ready for talks." Smith said the army would stay.', [("Smith", "We are ready for talks", "direct")]),
    ('Smith called the deal "a disaster" for workers.', [("Smith", "a disaster", "partial")]),
    ("Smith said that the talks had failed.", [("Smith", "the talks had failed", "indirect")]),
    ("Smith told reporters the talks had failed.", [("Smith", "the talks had failed", "indirect")]),
    ("According to the Defense Ministry, troops are pulling back.", [("the Defense Ministry", "troops", "indirect")]),
    ("Troops are pulling back, the Kremlin added.", [("the Kremlin", "Troops are pulling back", "indirect")]),
    ("In a speech last July, Perry said:", []),
    ("The White House warned that sanctions would follow.", [("The White House", "sanctions", "indirect")]),
    ("Smith denied that he had lied.", [("Smith", "he had lied", "indirect")]),
    ("Smith insisted the vote was fair.", [("Smith", "the vote was fair", "indirect")]),
    ("The Kremlin's statement said troops would leave.", [("The Kremlin", "troops would leave", "indirect")]),
    ("TAPPER: Has he campaigned as a healer?", [("TAPPER", "Has he campaigned as a healer", "indirect")]),
    ("Lewandowski: FBI director acted as judge and jury", [("Lewandowski", "FBI director acted", "indirect")]),
    ("Smith said: ''We will win.''", [("Smith", "''We will win.''", "direct")]),
    ("This campaign, Smith says, is different.", [("Smith", "is different", "indirect")]),
    (
        "Part of the problem in detecting tunnels, say experts like Paul Bauman, is the ground itself.",
        [("experts like Paul Bauman", "Part of the problem", "indirect")],
    ),
    ("Bob, the guards said, ordered them to wait.", [("the guards", "ordered them to wait", "indirect")]),
    ("The top issues, respondents said, are jobs and taxes.", [("respondents", "The top issues", "indirect")]),
    ("In Smith's view, the party could win Arizona.", [("Smith", "the party could win Arizona", "indirect")]),
    (
        '"If she gets to pick her judges, nothing you can do folks," Trump said before adding: "I don\'t know."',
        [("Trump", "I don't know", "direct")],
    ),
    ("Q: What will you do next?", []),
    ("Sanders: 1,547", []),
    # A reporting clause set off before the clause it reports, which the parser made that clause's complement.
    (
        "If the vote fails, Smith argued in a memo, the party will split.",
        [("Smith", "the party will split", "indirect")],
    ),
    (
        "Sanders has called for the national minimum wage to be raised to $15 by 2020.",
        [("Sanders", "the national minimum wage to be raised", "indirect")],
    ),
    # A kicker before a headline's colon names nobody: the headline's own cue has the speaker.
    ("The Latest: Sanders says the race is not over", [("Sanders", "the race is not over", "indirect")]),
    ("BREAKING: Sanders says the race is not over", [("Sanders", "the race is not over", "indirect")]),
    ("Contributing: Nicholas Zazulia, Medill News Service", []),
    ("Iowa: Tim Albrecht, Brad Anderson, Rob Barron", []),
    ("Correction: An earlier version of this article said the vote was on Monday.", []),
    # The label is matched as written: 'Editor’s note', not the tokens 'Editor ’s note'.
    ("Editor\u2019s note: Donald Trump is a serial liar who has repeatedly pledged to ban all Muslims.", []),
    ("Editor's note: Donald Trump is a serial liar who has repeatedly pledged to ban all Muslims.", []),
    ("Smith talked about the economy.", [("Smith", "the economy", "indirect")]),
    ("Rep. Bobby Scott (D-Va.) said the bill failed.", [("Rep. Bobby Scott (D-Va.)", "the bill failed", "indirect")]),
    ("Clinton marched in the parade, CNN reported.", [("CNN", "Clinton marched in the parade", "indirect")]),
    ("The move was first reported by the Miami Herald.", [("the Miami Herald", "The move", "indirect")]),
    (
        '"We will have to live with it," Lott told lawmakers on a visit.',
        [("Lott", '"We will have to live with it,"', "direct")],
    ),
    ("Smith referred to the deal as a disaster.", [("Smith", "the deal", "indirect")]),
    ("Smith thinks the match went ahead.", [("Smith", "the match went ahead", "indirect")]),
    ("Asked if he was ever bullied, the candidate said no.", [("the candidate", "no", "indirect")]),
    ("Smith is quoted as saying the war is over.", [("Smith", "the war is over", "indirect")]),
    (
        "The plant is under pressure from imports, said the company's chief executive, John Smith.",
        [("the company's chief executive, John Smith", "The plant is under pressure from imports", "indirect")],
    ),
    (
        '"The risk," said Edward Leamer, an economist at UCLA, "is that we lose jobs."',
        [("Edward Leamer, an economist at UCLA,", '"The risk,"', "direct")],
    ),
    (
        "The agency announced the end of the drills on Monday, and Prime Minister Mark Carney, signaling that he "
        "wants a deal, said talks would resume.",
        [("Prime Minister Mark Carney", "he wants a deal", "indirect")],
    ),
    ("The senator was quick to deny that she had met him.", [("The senator", "she had met him", "indirect")]),
    (
        "Republicans, as the Washington Post observed, now control both chambers.",
        [("the Washington Post", "now control both chambers", "indirect")],
    ),
    (
        "The super PAC started reserving ad time this week, as first reported by the New York Times.",
        [("the New York Times", "The super PAC started reserving ad time this week", "indirect")],
    ),
    (
        "On his blog, Schilling did not back down, even as advocates in the community called for his dismissal.",
        [("advocates in the community", "his dismissal", "indirect")],
    ),
    (
        "He calls for a single-payer health care system; Mrs. Clinton aims to build on the Affordable Care Act.",
        [("He", "a single-payer health care system", "indirect"), ("Mrs. Clinton", "to build on", "indirect")],
    ),
    ("Rubio's response was that the tax code is unfair.", [("Rubio", "the tax code is unfair", "indirect")]),
    ("The plan, which Smith criticized, failed.", [("Smith", "which", "indirect")]),
    ("It was the plan that Smith endorsed.", [("Smith", "that", "indirect")]),
    ("Smith says in a statement that the race is over.", [("Smith", "the race is over", "indirect")]),
    (
        "Smith was blunt, claiming without any evidence that the count was rigged.",
        [("Smith", "the count was rigged", "indirect")],
    ),
    (
        # The parser hangs the name on 'Columbus' as an apposition, leaving 'railed' without a subject.
        "At a rally in Columbus, Ohio, 62-year-old Brenda Johnson also railed against immigrants.",
        [("62-year-old Brenda Johnson", "immigrants", "indirect")],
    ),
    (
        "The network featured all-male panels discussing the senator's remark.",
        [("all-male panels", "the senator's remark", "indirect")],
    ),
    ("The problem is that nobody came.", []),
    ("Smith found a job in the city.", []),
    ("The weather was fine and the match went ahead.", []),
    ("The “smart” phone sold well.", []),
]


@cache
def _parsed(text: str) -> list[Quote]:
    return extract_quotes(load_spacy()(text), "a")


def _parsed_by_the_lexicon(text: str) -> list[Quote]:
    """Quotes read with the lexicon alone: what a rule finds, whatever a refitted judge admits beside it."""
    return extract_quotes(load_spacy()(text), "a", lexicon=dataclasses.replace(load_cues(), judge=None))


def _quotes_of_parse(**parse: Any) -> list[Quote]:
    """Quotes of a parse given by hand (the fields of a spaCy ``Doc``), for readings the parser makes only
    for some wordings."""
    from spacy.tokens import Doc

    return extract_quotes(Doc(load_spacy().vocab, **parse), "a")


@pytest.mark.parametrize(("text", "expected"), GOLDEN)
def test_golden_attributions(text: str, expected: list[tuple[str, str, str]]) -> None:
    quotes = _parsed(text)
    if not expected:
        assert quotes == []
    for speaker, fragment, kind in expected:
        assert any(
            q.speaker is not None and q.speaker.text == speaker and fragment in q.content_text and q.kind == kind
            for q in quotes
        ), [(q.speaker and q.speaker.text, q.content_text, q.kind) for q in quotes]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("The United Nations does not recognize Indonesian claims to East Timor.", "does not recognize"),
        ("The ministry did not immediately say whether the troops had left.", "did not immediately say"),
        ("The ministry said the troops had left.", "said"),
    ],
)
def test_a_negated_cue_keeps_its_negation(text: str, cue: str) -> None:
    assert [q.cue.text for q in _parsed(text)] == [cue]


def test_the_one_quoted_as_saying_is_the_speaker_and_the_quoting_no_report() -> None:
    quotes = _parsed("Interfax quoted Peskov as saying that the troops would return to their bases.")
    assert [(q.speaker and q.speaker.text, q.cue.text, q.content_text) for q in quotes] == [
        ("Peskov", "saying", "that the troops would return to their bases")
    ]


def _article(text: str) -> list[Quote]:
    parsed = ParsedArticle(article=Article(id="a", source="test", text=text), sentences=[])
    return attribute_article(parsed, load_spacy())


def test_a_plain_role_no_one_was_given_takes_the_one_he_would_stand_for() -> None:
    # Nobody was called a senator before: the last speaker, with no other person named since, is the one.
    quotes = _article(
        "John McCain said the bill was a mistake. The longtime senator said he rarely asks surrogates to campaign."
    )
    assert [(q.speaker_name, q.resolution) for q in quotes] == [("John McCain", "named"), ("John McCain", "title")]


@pytest.mark.parametrize(
    "text",
    [
        # Another person named between the two.
        "John McCain said the bill would hurt Ted Cruz. The longtime senator said he rarely asks surrogates to help.",
        # A place qualifying the role: one senator among many.
        "John McCain said the bill was a mistake. The Texas senator said he rarely asks surrogates to campaign.",
        # The article gives him another office.
        "Paul Begala, a Democratic strategist, said the race was close. The former president said he was confident.",
        # The one who asks is not the one who answers.
        '"Would you run again?" Gloria Borger asked. "Yes, I think so," the senator said.',
        # The last subject is one a quotation names.
        'Chris Murphy told me: "Jesse was his only son. He dropped Jesse off at school that morning and Jesse told'
        ' him everything was going to be OK." The senator said he still thinks of him.',
        # The last subject is a headline's words, no person's name.
        "New Polls Show Double-Digit Gaps in Republican Contest.\n\nThe candidate said he was a leader who has faced"
        " tough situations.",
    ],
)
def test_a_plain_role_keeps_its_words_where_the_one_it_stands_for_is_in_doubt(text: str) -> None:
    role = _article(text)[-1]
    assert (role.speaker_name, role.resolution) == (_speaker_text(role), "as_written")


def test_a_pronoun_right_after_a_name_takes_that_name_up_again() -> None:
    # Translated or machine-spun text: 'Governor Bill Jones he said', nearer than the last speaker.
    quotes = _article("Tom Reed said the road would open in May. Then Governor Bill Jones he said it would not.")
    assert [(q.speaker_name, q.resolution) for q in quotes] == [("Tom Reed", "named"), ("Bill Jones", "pronoun")]


def test_pronoun_speaker_resolves_to_named_person() -> None:
    quotes = _article("John Smith said the talks failed.\n\nHe said the army would stay.")
    assert [(q.speaker_name, q.resolution) for q in quotes] == [("John Smith", "named"), ("John Smith", "pronoun")]


def test_a_relative_pronoun_speaker_is_the_noun_its_clause_hangs_on() -> None:
    text = (
        "Senator Ann Weber said the vote would pass.\n\n"
        "Trump made no mention of Jeb Bush, who announced he is suspending his campaign.\n\n"
        "The bill angered many lawmakers, who said it was too costly."
    )
    bush, lawmakers = [q for q in _article(text) if _speaker_text(q) == "who"]
    assert (bush.speaker_name, bush.resolution, bush.resolved_from and bush.resolved_from.text) == (
        "Jeb Bush",
        "pronoun",
        "Jeb Bush",
    )
    assert (lawmakers.speaker_name, lawmakers.resolution) == ("many lawmakers", "described")


def test_a_relative_pronoun_speaker_leaves_later_pronouns_to_the_earlier_speakers() -> None:
    text = (
        "Maria Lopez said the plan would fail.\n\n"
        "She praised Ann Smith, who announced she is suspending her campaign.\n\n"
        "She said the party must unite."
    )
    last = _article(text)[-1]
    assert (last.speaker_name, last.resolution) == ("Maria Lopez", "pronoun")


def test_title_speaker_resolves_to_speaker_with_that_title() -> None:
    text = "Dmitry Peskov, the Kremlin spokesman, said talks failed.\n\nThe spokesman said troops would stay."
    second = _article(text)[-1]
    assert (second.speaker_name, second.resolution) == ("Dmitry Peskov", "title")


def test_a_title_qualified_by_a_body_or_place_resolves_to_the_one_given_it() -> None:
    # 'The FBI director' is Comey, not the FBI: the body's name qualifies the role.
    text = "FBI Director James Comey testified on Tuesday.\n\nThe FBI director said the inquiry was closed."
    last = _article(text)[-1]
    assert (last.speaker_name, last.resolution) == ("James Comey", "title")


def test_quote_running_over_paragraphs_keeps_one_piece_per_paragraph() -> None:
    text = "Smith said: “The first part.\n\n“The second part.”\n\nThe weather was fine."
    [quote] = _article(text)
    assert [piece.text for piece in quote.content] == ["“The first part.", "“The second part.”"]


def test_a_paragraph_set_off_after_a_cue_and_a_colon_is_what_the_cue_reports() -> None:
    text = "In a speech last July, Perry said:\n\nLet no one be mistaken, the plan is a failure.\n\nThe rally ended."
    [quote] = _article(text)
    assert (_speaker_text(quote), [piece.text for piece in quote.content], quote.kind) == (
        "Perry",
        ["Let no one be mistaken, the plan is a failure."],
        "indirect",
    )


@pytest.mark.parametrize(
    "text",
    [
        "What we have learned on the money front:\n\nGOING BROKE FOR RUBIO.\n\nThe fund raised $58 million.",
        "Perry told reporters that the plan had failed:\n\nThe rally ended at noon.",
    ],
)
def test_a_paragraph_after_a_colon_is_no_report_when_a_heading_or_when_the_cue_reported_already(text: str) -> None:
    assert all("rally" not in piece.text and "BROKE" not in piece.text for q in _article(text) for piece in q.content)


BAD_INPUT = [
    "Smith said “we will win today.\n\nThe weather was fine, the mayor said.",
    "“One long quote, the whole article. He said nothing. They said more.”",
    "Smith said « nous gagnerons » hier. Jones said „wir gewinnen“ heute.",
    "“Outer ‘inner’ words,” Smith said, “and ‘more’ words.”",
    '"""\n\n"“”«\n" said he "',
    "",
]


@pytest.mark.parametrize("text", BAD_INPUT)
def test_bad_input_gives_verbatim_quotes_within_their_paragraphs(text: str) -> None:
    quotes = _article(text)
    paragraphs = text.split("\n\n")
    for quote in quotes:
        for span in [quote.cue, *quote.content, *([quote.speaker] if quote.speaker else [])]:
            assert text[span.start : span.end] == span.text
        if len(quote.content) == 1:
            assert any(quote.content[0].text in block for block in paragraphs)


def test_unbalanced_quote_is_not_extended_into_next_paragraph() -> None:
    quotes = _article("Smith said “we will win today.\n\nThe weather was fine, the mayor said.")
    assert all("\n" not in piece.text for q in quotes for piece in q.content)
    assert any(q.speaker is not None and q.speaker.text == "the mayor" for q in quotes)


def test_a_verb_inside_what_another_cue_reports_does_not_take_that_cue_as_content() -> None:
    quotes = _parsed("Smith says he will continue the fight.")
    assert [(_speaker_text(q), q.content_text) for q in quotes if "says" in q.content_text] == []


def test_a_verb_heading_its_own_clause_does_not_take_the_sentence_before_it_as_content() -> None:
    quotes = _parsed("What is clear is that Smith denounced the plan.")
    assert [q.content_text for q in quotes if "What is clear" in q.content_text] == []


@pytest.mark.parametrize(
    "text",
    [
        '"I think we will win, and they know it," Smith said.',
        "Smith said Jones wants a deal and believes the talks will work.",
    ],
)
def test_attributions_inside_what_another_reports_are_not_attributions_of_their_own(text: str) -> None:
    assert [_speaker_text(q) for q in _parsed(text)] == ["Smith"]


def test_speaker_after_an_inverted_cue_is_not_taken_from_what_is_said() -> None:
    text = '"The risk," said Edward Leamer, an economist at UCLA, "is that we lose jobs."'
    [quote] = _parsed(text)
    assert [piece.text for piece in quote.content] == ['"The risk,"', '"is that we lose jobs."']


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # The tagger reads the lone name as an adverb ('Skelly ADV advmod'): still the speaker.
        ("“Having access to the RNC file and two people who understand it is valuable,” said Skelly.", "Skelly"),
        # The parser makes the name the subject of what follows the comma: the name still speaks.
        (
            "''I'm more skilled with my hands than I am with my brain,'' said Robin Maynard, half joking.",
            "Robin Maynard",
        ),
    ],
)
def test_the_name_after_an_inverted_cue_speaks_whatever_the_parser_hangs_it_on(text: str, speaker: str) -> None:
    assert [_speaker_text(q) for q in _parsed(text)] == [speaker]


def test_a_name_closed_by_a_comma_speaks_though_its_apposition_runs_into_a_misparsed_clause() -> None:
    # The parser makes 'Brock' the subject of 'Correct (the Record)': the name's comma still closes it.
    text = (
        '"What\'s shaping up is a battle for the ages," said David Brock, a Clinton confidant who heads '
        "the pro-Clinton super PAC Correct the Record."
    )
    speakers = [_speaker_text(q) for q in _parsed(text)]
    assert len(speakers) == 1
    assert (speakers[0] or "").startswith("David Brock")


def test_a_speaker_before_its_cue_ends_there_though_the_parser_hangs_an_apposition_after_the_cue_on_it() -> None:
    # The parser hangs 'a claim that ...' on 'Podliska': the speaker's subtree then holds the cue and its clause.
    text = (
        "Podliska further alleges that he was fired for taking time off to fulfill his military duties, "
        "a claim that Gowdy's office says is false."
    )
    readings = [(_speaker_text(q), q.cue.text, q.content_text) for q in _parsed(text)]
    assert ("Podliska", "alleges", "that he was fired for taking time off to fulfill his military duties") in readings


def test_the_noun_a_reporting_participle_hangs_on_speaks_with_the_words_before_the_participle() -> None:
    # 'The proportion' alone says nothing of who speaks; PolNeAR's source is the noun phrase up to the clause.
    text = "The proportion of GOP primary voters saying they want a ban on Muslims is as high as three-quarters."
    readings = [(_speaker_text(q), q.cue.text) for q in _parsed_by_the_lexicon(text)]
    assert readings == [("The proportion of GOP primary voters", "saying")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Obama used his final speech to warn that the party was divided.", "Obama"),  # a thing used for it
        ("The defeat prompted Sanders to warn that the party was divided.", "Sanders"),  # a person made to
    ],
)
def test_an_infinitive_after_an_object_is_done_by_the_object_only_when_it_can_act(text: str, speaker: str) -> None:
    readings = [(_speaker_text(q), q.cue.text) for q in _parsed_by_the_lexicon(text)]
    assert readings == [(speaker, "warn")]


def test_a_noun_with_its_speaker_after_by_or_from_reports_its_that_clause() -> None:
    text = "Trump has faced criticism from rivals that the tenor of his campaign has created an unsafe environment."
    readings = [(_speaker_text(q), q.cue.text, q.content_text) for q in _parsed(text)]
    assert ("rivals", "criticism", "that the tenor of his campaign has created an unsafe environment") in readings


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("“How big is that wall?” asked the boy, who was wearing a hat, as the audience laughed.", "the boy"),
        ('"We can win this," wrote a man calling himself Paul.', "a man"),
        ("“Trump is disgusting,” read one.", "one"),
    ],
)
def test_the_noun_after_a_cue_that_follows_an_opening_quotation_speaks_though_parsed_as_its_object(
    text: str, speaker: str
) -> None:
    # The parser makes 'the boy' the object of 'asked'; before, 'the audience laughed' took the quotation.
    assert [(_speaker_text(q), q.kind) for q in _parsed(text)] == [(speaker, "direct")]


def test_an_object_after_a_quotation_inside_the_sentence_is_no_speaker() -> None:
    text = "She called it “terrible,” denounced her record as secretary of state and said she should not run."
    assert all(q.speaker is not None and q.speaker.text == "She" for q in _parsed(text))


def test_a_participle_report_closing_another_report_is_the_same_speakers_second_report() -> None:
    # The parser hangs 'claiming' on 'has expanded' (inside what Trump said): still Trump's own report.
    quotes = _parsed(
        "Donald Trump said that he has expanded the Republican party, claiming that he is responsible "
        "for higher voter turnout."
    )
    assert [(q.cue.text, _speaker_text(q), [p.text for p in q.content]) for q in quotes] == [
        ("said", "Donald Trump", ["that he has expanded the Republican party"]),
        ("claiming", "Donald Trump", ["that he is responsible for higher voter turnout"]),
    ]


def test_a_participle_joined_to_a_split_off_report_shares_its_speaker() -> None:
    quotes = _parsed(
        "The United States says that an invasion is still possible, stressing that any use of force would "
        "lead to great suffering and thus urging Russia to choose a diplomatic path."
    )
    speakers = {q.cue.text: _speaker_text(q) for q in quotes}
    assert speakers == {"says": "The United States", "stressing": "The United States", "urging": "The United States"}
    stressing = next(q for q in quotes if q.cue.text == "stressing")
    assert [p.text for p in stressing.content] == ["that any use of force would lead to great suffering"]


def test_a_participle_inside_the_reported_clause_stays_part_of_it() -> None:
    # 'saying' here runs on inside the clause ('... , saying so, and left'): not the content's last phrase.
    quotes = _parsed("Smith said that the mayor, saying nothing, left the room.")
    assert [q.cue.text for q in quotes] == ["said"]


def test_an_inverted_cue_before_a_clause_keeps_its_pronoun_out_of_the_speaker() -> None:
    # 'said he and others were alarmed': 'he' opens what is said; not a name closed by a comma.
    quotes = _parsed('"It was a shock," said he and others were alarmed.')
    assert all(q.speaker is None or q.speaker.text != "he" for q in quotes)


def test_a_framing_phrase_gives_way_to_the_cue_verb_of_its_clause() -> None:
    quotes = _parsed("In his opening remarks, Trump said he was ideally suited for the presidency.")
    assert [_speaker_text(q) for q in quotes] == ["Trump"]


def test_a_cue_with_words_after_it_does_not_take_the_sentence_before() -> None:
    quotes = _parsed("Profits fell last year. The companies expect to save $2 billion by merging.")
    assert [q.content_text for q in quotes if "Profits" in q.content_text] == []


def test_a_cue_verb_with_an_object_reports_the_object_not_a_clause_before_a_colon() -> None:
    quotes = _parsed(
        "There is almost no divide among Millennials: 89% of young Democrats endorse universal background checks."
    )
    assert [q.content_text for q in quotes] == ["universal background checks"]


@pytest.mark.parametrize(
    ("text", "content"), [("Smith promised Sunday to cut taxes.", ["to cut taxes"]), ("Smith said on Tuesday.", [])]
)
def test_when_something_was_said_is_not_what_was_said(text: str, content: list[str]) -> None:
    assert [q.content_text for q in _parsed(text)] == content


@pytest.mark.parametrize(
    "text",
    [
        "Protesters carried a sign that read “Animal liberation now.”",
        "The outrage over her remarks about the judge grew.",
    ],
)
def test_things_that_speak_only_in_figure_are_not_speakers(text: str) -> None:
    assert _parsed(text) == []


def test_the_one_asked_is_not_the_one_asking() -> None:
    quotes = _parsed("Asked about the deal, Smith said it was fair.")
    assert [(q.cue.text, q.content_text) for q in quotes] == [("said", "it was fair")]


def test_an_opening_participle_tagged_as_a_past_tense_is_still_passive() -> None:
    # The tagger sometimes reads an opening "Asked" as VBD; Smith was asked, and only the joke is his.
    # The parse is given by hand so that the test holds whatever the tagger does with this sentence.
    from spacy.tokens import Doc

    words = ["Asked", "whether", "it", "was", "close", ",", "Smith", "joked", ":", "“", "It", "was", "close", ".", "”"]
    tags = ["VBD", "IN", "PRP", "VBD", "JJ", ",", "NNP", "VBD", ":", "``", "PRP", "VBD", "JJ", ".", "''"]
    pos = ["VERB", "SCONJ", "PRON", "AUX", "ADJ", "PUNCT", "PROPN", "VERB", "PUNCT", "PUNCT", "PRON", "AUX", "ADJ"]
    pos += ["PUNCT", "PUNCT"]
    deps = ["advcl", "mark", "nsubj", "ccomp", "acomp", "punct", "nsubj", "ROOT", "punct", "punct", "nsubj", "ccomp"]
    deps += ["acomp", "punct", "punct"]
    heads = [7, 3, 3, 0, 3, 7, 7, 7, 7, 11, 11, 7, 11, 7, 7]
    lemmas = ["ask", "whether", "it", "be", "close", ",", "Smith", "joke", ":", "“", "it", "be", "close", ".", "”"]
    spaces = [True, True, True, True, False, True, True, False, True, False, True, True, False, False, False]
    doc = Doc(load_spacy().vocab, words=words, spaces=spaces, tags=tags, pos=pos, deps=deps, heads=heads, lemmas=lemmas)
    quotes = extract_quotes(doc, "a")
    assert [(q.cue.text, _speaker_text(q)) for q in quotes] == [("joked", "Smith")]


def test_a_closing_mark_the_parser_hangs_on_the_speaker_stays_with_the_quotation() -> None:
    # '“But why?” reporter Lee asked him.' with the closing mark parsed as part of the speaker's phrase
    # (given by hand, as the parser does it only for some wordings).
    quotes = _quotes_of_parse(
        words=["“", "But", "why", "?", "”", "reporter", "Lee", "asked", "him", "."],
        spaces=[False, True, False, False, True, True, True, True, False, False],
        tags=["``", "CC", "WRB", ".", "''", "NN", "NNP", "VBD", "PRP", "."],
        pos=["PUNCT", "CCONJ", "SCONJ", "PUNCT", "PUNCT", "NOUN", "PROPN", "VERB", "PRON", "PUNCT"],
        deps=["punct", "cc", "advmod", "punct", "punct", "compound", "nsubj", "ROOT", "dobj", "punct"],
        heads=[7, 7, 7, 2, 5, 6, 7, 7, 7, 7],
        lemmas=["“", "but", "why", "?", "”", "reporter", "Lee", "ask", "he", "."],
    )
    assert [(_speaker_text(q), q.content_text) for q in quotes] == [("reporter Lee", "“But why?”")]


def test_when_an_according_to_source_spoke_is_not_what_it_said() -> None:
    quotes = _parsed(
        "Prices have not fallen in the region, according to central bank governor Ann Weber,"
        " speaking to reporters at a conference in Vienna."
    )
    assert [(_speaker_text(q), q.content_text) for q in quotes] == [
        ("central bank governor Ann Weber", "Prices have not fallen in the region")
    ]


def test_an_attribution_inside_a_dropped_one_is_kept() -> None:
    # a reports (0, 50), which holds b's cue; b, dropped for it, reported (40, 90), which holds c's cue.
    a = Found(cue=(100, 104), source=(105, 110), content=[(0, 50)])
    b = Found(cue=(20, 24), source=(10, 19), content=[(40, 90)])
    c = Found(cue=(60, 64), source=(55, 59), content=[(65, 80)])
    assert outermost([a, b, c], []) == [a, c]


def test_a_report_in_a_relative_clause_inside_another_content_stands_on_its_own() -> None:
    quotes = _parsed("Trump made no mention of Jeb Bush, who announced he is suspending his campaign.")
    assert [(_speaker_text(q), q.cue.text, q.content_text) for q in quotes] == [
        ("Trump", "made", "no mention of Jeb Bush, who announced he is suspending his campaign"),
        ("who", "announced", "he is suspending his campaign"),
    ]


def test_a_contrasting_report_with_its_own_subject_ends_the_content_it_closes() -> None:
    quotes = _parsed("The mayor said the city would recover while critics argued that the plan had failed.")
    assert [(_speaker_text(q), q.cue.text, q.content_text) for q in quotes] == [
        ("The mayor", "said", "the city would recover"),
        ("critics", "argued", "that the plan had failed"),
    ]


def test_a_relative_clause_that_reports_nothing_stays_inside_the_content() -> None:
    quotes = _parsed("Smith said the voters who support charters would decide.")
    assert [(_speaker_text(q), q.content_text) for q in quotes] == [
        ("Smith", "the voters who support charters would decide")
    ]


def test_a_cue_after_by_takes_the_subject_of_the_verb_it_explains() -> None:
    quotes = _parsed("Trump sent a jab the billionaire's way by suggesting that Bloomberg was worth less.")
    assert [(_speaker_text(q), q.content_text) for q in quotes] == [("Trump", "that Bloomberg was worth less")]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Smith said that he was “very happy.”", "that he was “very happy.”"),
        ("Smith said that he was ''very happy.''", "that he was ''very happy.''"),
        ("Smith talked about the economy.", "the economy"),
    ],
)
def test_content_spans_follow_polnear_boundaries(text: str, content: str) -> None:
    assert [q.content_text for q in _parsed(text)] == [content]


def _speaker_text(quote: Quote) -> str | None:
    return quote.speaker.text if quote.speaker is not None else None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        (
            "“It’s Bernie’s to lose at this point,” added another New Hampshire Democrat.",
            "another New Hampshire Democrat",
        ),
        (
            '"Gun owners should leave their weapons at home," opined Cleveland\'s Plain Dealer.',
            "Cleveland's Plain Dealer",
        ),
    ],
)
def test_the_name_after_a_quotation_and_its_cue_speaks_though_parsed_as_the_object(text: str, speaker: str) -> None:
    quotes = _parsed(text)
    assert [(_speaker_text(q), q.content_text.strip('“”",')) for q in quotes] == [
        (speaker, text.split(",")[0].strip('“”"'))
    ]


def test_a_name_set_off_after_the_quotation_it_speaks_is_its_speaker_without_the_quotation() -> None:
    # The parser hangs the name on the quotation's last clause and leaves 'said' without a subject.
    text = "“It is not the position that everything is hunky-dory,” Gene Sperling, a top outside Clinton adviser, said."
    assert [(_speaker_text(q), q.content_text) for q in _parsed(text)] == [
        (
            "Gene Sperling, a top outside Clinton adviser,",
            "“It is not the position that everything is hunky-dory,”",
        )
    ]


def test_names_set_before_a_colon_that_opens_a_quotation_speak_it() -> None:
    text = (
        "IOWA POLLS NOT WRONG, JUST TOO EARLY - Mark Blumenthal and Jon Cohen: "
        "“Although the polls failed to predict the win, it is not because they were wrong.”"
    )
    assert [(_speaker_text(q), q.cue.text, q.content_text) for q in _parsed(text)] == [
        (
            "Mark Blumenthal and Jon Cohen",
            ":",
            "“Although the polls failed to predict the win, it is not because they were wrong.”",
        )
    ]


def test_a_name_set_off_by_a_dash_before_a_colon_speaks_the_quotation_the_tagger_missing_it() -> None:
    # A digest of quotations: the tagger knows neither 'Pew Research' nor 'Philip Bump' as names.
    for text, name in (
        (
            "Estimates of engagement are problematic - Pew Research: “All the samples include engaged people.”",
            "Pew Research",
        ),
        ("Indiana is different territory - Philip Bump: “Two weeks ago, the South was his strongest.”", "Philip Bump"),
    ):
        assert [(_speaker_text(q), q.cue.text) for q in _parsed(text)] == [(name, ":")]
    # Words that are no name after the dash leave the quotation alone.
    assert _parsed("The poll was taken in May - a month before the vote: “Results were close.”") == []


def test_a_name_a_verb_governs_before_a_colon_leaves_the_quotation_to_the_verb() -> None:
    quotes = _parsed("Ted Cruz was critical, telling Breitbart London: “The comments today are wrong.”")
    assert [(_speaker_text(q), q.cue.text) for q in quotes if q.cue.text == ":"] == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("In Nevada, he reminded voters of the six years his family had lived there.", "the six years"),
        ("The anchor asked the candidate about the tweet on Monday.", "the tweet"),
    ],
)
def test_what_an_addressing_verb_says_of_or_about_after_its_addressee_is_its_content(text: str, content: str) -> None:
    [quote] = _parsed(text)
    assert quote.content_text.startswith(content)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Mr. Trump described the audit as the reason he is not releasing his returns.", "the audit as the reason"),
        ("The senator referred to the president as “the most valuable player” for the group.", "the president as"),
    ],
)
def test_what_a_verb_says_of_its_object_in_an_as_phrase_is_part_of_its_content(text: str, content: str) -> None:
    quotes = [q for q in _parsed(text) if q.cue.text in ("described", "referred to")]
    assert [q.content_text[: len(content)] for q in quotes] == [content]


def test_a_passive_cue_reports_its_subject_and_leaves_the_by_with_its_speaker() -> None:
    text = "The plan was called a disaster by the governor for its cost."
    [quote] = [q for q in _parsed(text) if q.cue.text == "called"]
    assert _speaker_text(quote) == "the governor"
    assert [piece.text for piece in quote.content] == ["The plan", "a disaster", "for its cost"]


def test_an_expletive_subject_of_a_passive_report_is_not_what_was_reported() -> None:
    text = "It was reported by the Post that the deal had collapsed."
    quotes = [q for q in _parsed(text) if q.cue.text == "reported"]
    assert [q.content_text for q in quotes] == ["that the deal had collapsed"]


def test_the_time_a_when_clause_describes_is_not_what_was_said_in_it() -> None:
    text = 'The mayor turned in March, when she told reporters at a briefing that the budget was "out of control."'
    quotes = [q for q in _parsed(text) if q.cue.text == "told"]
    assert [q.content_text for q in quotes] == ['"out of control."']


def test_an_of_phrase_of_the_addressee_is_not_what_was_told() -> None:
    quotes = _parsed("Mr. Kosa told members of the parliament that migration was a threat.")
    assert [q.content_text for q in quotes] == ["that migration was a threat"]


def test_a_participle_hung_on_the_quotation_it_introduces_is_the_main_clauses_speakers() -> None:
    text = (
        "Clinton seemed to be ready to riff on the incident in Iowa, telling the crowd, "
        "“Some people get a little carried away, have you noticed that?”"
    )
    quotes = [q for q in _parsed(text) if q.cue.text == "telling"]
    assert [(_speaker_text(q), q.content_text) for q in quotes] == [
        ("Clinton", "“Some people get a little carried away, have you noticed that?”")
    ]


def test_a_poll_opening_its_sentence_is_the_source_of_its_finding() -> None:
    quotes = _parsed("In a CNN poll released Monday, 31 percent of voters backed Clinton.")
    assert [(_speaker_text(q), q.cue.text, q.content_text) for q in quotes] == [
        ("a CNN poll released Monday", "In", "31 percent of voters backed Clinton")
    ]


def test_a_pollster_reporting_its_poll_is_the_source_not_the_poll() -> None:
    quotes = _parsed(
        "In an online poll of 800 likely voters, Democracy Corp found that anti-Democrat attitudes are the most "
        "potent driver of the vote."
    )
    assert [(_speaker_text(q), q.cue.text) for q in quotes] == [("Democracy Corp", "found")]


def test_a_standing_in_the_polls_is_no_attribution() -> None:
    assert _parsed("Sanders has risen sharply in the polls since January.") == []


def test_a_quote_after_a_quoted_sentence_continues_it_when_its_opening_mark_hangs_on_that_sentence() -> None:
    text = (
        "''I think he has become cautious,'' said Ann Lee, a pollster from Ohio with a long career in politics. "
        "''Going negative is not his strength. His strength is a positive story.''"
    )
    [quote] = _article(text)
    assert _speaker_text(quote) == "Ann Lee, a pollster from Ohio with a long career in politics"
    assert "Going negative" in quote.content_text


def test_a_paragraph_ending_in_a_colon_introduces_a_quotation_with_cues_of_its_own() -> None:
    text = (
        "Cruz called them on it:\n\n“The questions illustrate why Americans distrust the media. "
        "Everyone knows that the moderators will not vote in a Republican primary.”"
    )
    [quote] = _article(text)
    assert _speaker_text(quote) == "Cruz"
    assert "The questions illustrate" in quote.content_text


def test_a_cue_with_nothing_after_its_colon_reports_the_quotation_of_the_next_paragraph() -> None:
    text = "The debate went on.\n\nCruz continued:\n\n“You look at the questions. Nobody asked about the issues.”"
    [quote] = _article(text)
    assert (_speaker_text(quote), quote.cue.text) == ("Cruz", "continued")
    assert quote.content_text.startswith("“You look")


def test_a_paragraph_that_is_only_a_quotation_goes_on_with_the_speaker_quoted_before() -> None:
    text = (
        "“Ted Cruz is the best conservative candidate since Ronald Reagan,” Viguerie said.\n\n"
        "“He’s what we’ve waited for ever since Reagan. He checks all our boxes.”\n\n"
        "“He will win in November.”\n\n"
        "The rally ended at noon."
    )
    [quote] = _article(text)
    assert _speaker_text(quote) == "Viguerie"
    assert [piece.text[:10] for piece in quote.content] == ["“Ted Cruz ", "“He’s what", "“He will w"]


@pytest.mark.parametrize(
    "text",
    [
        # The last speaker was reported, not quoted: the quotation may be anyone's.
        "Viguerie said Cruz was the best candidate since Reagan.\n\n“He checks all our boxes.”",
        # A shout of a few words is as likely the crowd's.
        "“Or do we make promises we can't keep?” Clinton asked.\n\n“Nooooo!”",
        # A quotation with words of its own around it is not only a quotation.
        "“Cruz is the best,” Viguerie said.\n\n“He checks all our boxes,” a voter replied.",
    ],
)
def test_a_quotation_paragraph_after_other_paragraphs_keeps_to_its_own(text: str) -> None:
    first = _article(text)[0]
    assert len(first.content) == 1


# Every reading of a sentence, in order, as (speaker, cue, content): where one report ends and the next begins.
EXACT_READINGS: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        # The parser reads the reported clause as a relative clause on 'series', with 'that' for its mark.
        "Christian Estrosi, a former mayor of Nice, said in one of a series of Twitter messages that the truck was "
        "carrying arms and explosives when it struck the crowd.",
        [
            (
                "Christian Estrosi, a former mayor of Nice,",
                "said",
                "that the truck was carrying arms and explosives when it struck the crowd",
            )
        ],
    ),
    (
        # What is told, not whom: a tale, a joke.
        "Exit polls told a tale of two parties, with Republicans exhibiting more dissatisfaction than the Democrats.",
        [("Exit polls", "told", "a tale of two parties")],
    ),
    (
        "On Friday morning, Libertarian presidential nominee Gary Johnson told a joke.",
        [
            ("Libertarian presidential nominee Gary Johnson", "told", "a joke"),
        ],
    ),
    (
        # 'conceded' is past where the clause 'says' reports is present: it goes on from 'says', and the first
        # report keeps the quotation that closes it.
        "Steve Elmendorf, a lobbyist, says the main goal of the effort is “to disqualify Trump,” but conceded that "
        "the imperative of shoring up Clinton’s sagging approval numbers was a growing consideration.",
        [
            ("Steve Elmendorf, a lobbyist,", "says", "the main goal of the effort is “to disqualify Trump,”"),
            (
                "Steve Elmendorf, a lobbyist,",
                "conceded",
                "that the imperative of shoring up Clinton’s sagging approval numbers was a growing consideration",
            ),
        ],
    ),
    (
        # A finite verb the parser joined to an infinitive describing a noun goes on from the verb above it.
        "During the 2012 election, Mitt Romney largely ran on his ability to jolt the economic recovery into "
        "hyperdrive and accused Obama of bungling the rehabilitation.",
        [("Mitt Romney", "accused", "Obama of bungling the rehabilitation")],
    ),
    (
        # A participle after 'in addition to' or after an adjective is done by the subject of the verb beyond.
        "In addition to stating that unborn babies have no constitutional rights, Clinton has vowed to work to repeal "
        "the Hyde Amendment.",
        [
            ("Clinton", "stating", "that unborn babies have no constitutional rights"),
            ("Clinton", "vowed", "to work to repeal the Hyde Amendment"),
        ],
    ),
    (
        "At the same time, Trump has been the most aggressive in the Republican field in denouncing the mainstream "
        "media.",
        [("Trump", "denouncing", "the mainstream media")],
    ),
    (
        # Not through the noun of another phrase: those who laughed do not seek.
        "As for their personal conversations with the Clintons, many laughed at Trump’s approach of seeking out "
        "county GOP leaders for direct help on what it takes to win in their counties.",
        [],
    ),
    (
        # The parser joins the subject to the opening phrase ('two ..., House Speaker Paul Ryan’s office').
        "After a day of tensions between two of the nation’s highest-profile Republicans, House Speaker Paul Ryan’s "
        "office announced Friday that Ryan will meet with Donald Trump on Thursday.",
        [("House Speaker Paul Ryan’s office", "announced", "that Ryan will meet with Donald Trump on Thursday")],
    ),
    (
        # A one-word answer set off by a comma after the cue is what was said.
        'Asked whether he would fire a speechwriter under these circumstances, Priebus said, "Probably."',
        [("Priebus", "said", '"Probably."')],
    ),
    (
        # The parser takes the reported clause for a relative clause on 'suit', with 'that' a second object of
        # 'from'.
        "Schneiderman alleged in the suit that Trump personally earned $5 million from the enterprise.",
        [("Schneiderman", "alleged", "that Trump personally earned $5 million from the enterprise")],
    ),
    (
        # The parser makes what describes the speaker a clause 'said' reports, with the speaker its subject.
        "Mr. Slinker, whose latest start-up, Paradata, uses big data to help brands find suppliers, said Mr. Trump "
        "was a candidate very much in the spirit of Silicon Valley.",
        [
            (
                "Mr. Slinker, whose latest start-up, Paradata,",
                "said",
                "Mr. Trump was a candidate very much in the spirit of Silicon Valley",
            )
        ],
    ),
    (
        "One attendee, who like others spoke on the condition of anonymity to discuss the private meeting, said the "
        "message was clear.",
        [("One attendee", "said", "the message was clear")],
    ),
    (
        "Sanders, meanwhile, who sits at zero such endorsements, said that fact speaks volumes about the race.",
        [("Sanders", "said", "that fact speaks volumes about the race")],
    ),
    (
        # The parser hangs 'urged' on the reported clause: still Spicer's second report.
        "Sean Spicer said the Republican Party was not in a crisis, and urged that everyone relax.",
        [
            ("Sean Spicer", "said", "the Republican Party was not in a crisis"),
            ("Sean Spicer", "urged", "that everyone relax"),
        ],
    ),
    (
        # The parser joins 'promised' to 'empathize', which would put the promise inside what she tried to do.
        "Hillary Clinton tried here last week to empathize with their frustrations and promised to deliver change.",
        [
            ("Hillary Clinton", "tried", "to empathize with their frustrations"),
            ("Hillary Clinton", "promised", "to deliver change"),
        ],
    ),
    (
        # The comma setting off 'claiming' sits inside the quotation it closes.
        "Donald Trump insisted that he has \u201cexpanded the Republican party,\u201d claiming that he is "
        "responsible for higher voter turnout.",
        [
            ("Donald Trump", "insisted", "\u201cexpanded the Republican party,\u201d"),
            ("Donald Trump", "claiming", "that he is responsible for higher voter turnout"),
        ],
    ),
    (
        # 'said in a statement.' reports nothing of its own: the quotation after it is what it reports.
        "Sam Lau, the party's spokesman, said in a statement. \u201cThere are no paper ballots to recount. "
        "The caucuses were a unique event.\u201d",
        [
            (
                "Sam Lau, the party's spokesman,",
                "said",
                "\u201cThere are no paper ballots to recount. The caucuses were a unique event.\u201d",
            )
        ],
    ),
    (
        # The parser takes the surname for an adverb ('jolly'); before a finite cue with no subject it speaks.
        "Jolly said he would be cautious in restructuring federal education spending because he\u2019d worry "
        "about creating further inefficiencies.",
        [
            (
                "Jolly",
                "said",
                "he would be cautious in restructuring federal education spending because he\u2019d worry about "
                "creating further inefficiencies",
            )
        ],
    ),
    (
        # The closing 'they said' reports what follows the first report, which is theirs too.
        "Other Republican candidates said they support charter schools, but they wouldn\u2019t advocate for them "
        "on the federal level, because those decisions should be left to states, they said.",
        [
            ("Other Republican candidates", "said", "they support charter schools"),
            (
                "they",
                "said",
                "but they wouldn\u2019t advocate for them on the federal level, because those decisions should be "
                "left to states",
            ),
        ],
    ),
    (
        # The parser hangs the second report inside the first's clause: two reports, contrasted.
        "Several Clinton supporters said the former president had made a good case for his wife, while other "
        "voters said they had not heard anything to pull them away from Mr. Sanders.",
        [
            ("Several Clinton supporters", "said", "the former president had made a good case for his wife"),
            ("other voters", "said", "they had not heard anything to pull them away from Mr. Sanders"),
        ],
    ),
    (
        # The parser joins the closing 'told' to the clause it reports, with no conjunction but a comma.
        "This includes a special force to assist Kurdish Peshmerga, Defense Secretary Ash Carter told a Senate "
        "panel Wednesday.",
        [("Defense Secretary Ash Carter", "told", "This includes a special force to assist Kurdish Peshmerga")],
    ),
    (
        # With whom it was asked named first, the object after it is what was asked.
        "During Saturday night's debate, ABC moderator David Muir asked Republicans a simple question: Who do you "
        "think will win the Super Bowl?",
        [("ABC moderator David Muir", "asked", "a simple question: Who do you think will win the Super Bowl")],
    ),
    (
        # What the answer was said of is not what was said: the quotation opening the sentence is.
        '"Absolutely not," he said of the possibility of superdelegates switching allegiances.',
        [("he", "said", '"Absolutely not,"')],
    ),
    (
        # The splitter ends a sentence after the closing marks; the name after the cue is still its speaker.
        "''Is Donald Trump running against the committee?'' asked Mr. Manafort, referring to the candidate's "
        "assault on the process.",
        [
            ("Mr. Manafort", "asked", "''Is Donald Trump running against the committee?''"),
            ("Mr. Manafort", "referring to", "the candidate's assault on the process"),
        ],
    ),
    (
        # The article says it for whoever put it out.
        "Forbes, the magazine, shot back on Friday in an article stating that New York was the billionaire "
        "capital, with 79.",
        [("Forbes, the magazine,", "stating", "that New York was the billionaire capital, with 79")],
    ),
    (
        # The tagger reads 'records show' as a noun phrase; the records report the clause before them.
        "Oksuz gave $5,000 to the PAC on June 27, 2014, campaign finance records show.",
        [("campaign finance records", "show", "Oksuz gave $5,000 to the PAC on June 27, 2014")],
    ),
    (
        # The parser takes the quoted word for a subject too; the speaker is the one outside the quotation.
        '"Meh," wrote a Trump supporter who runs the Twitter account @WomenForTrump.',
        [("a Trump supporter", "wrote", '"Meh,"')],
    ),
    (
        # The splitter cuts the short quotation off its reporting clause.
        'She had posted comments on Facebook about the rape. "Filth out!" she wrote, arguing that if tougher '
        'measures were not deployed, "more homes will burn."',
        [
            ("She", "posted", "comments on Facebook about the rape"),
            ("she", "wrote", '"Filth out!"'),
            ("she", "arguing", 'that if tougher measures were not deployed, "more homes will burn."'),
        ],
    ),
    (
        # A passive cue does not share the subject of the clause it is joined to: who said it is not said.
        "The interview set off a panic within GOP circles this week, and Republican National Committee Chairman "
        "Reince Priebus was said to be \u201cfurious\u201d with Trump for further dividing the already fractured GOP.",
        [],
    ),
    (
        # Whom she told is no object that makes the 'as' clause a report of its own.
        "As Clinton told the New York Daily News, tax relief is given in exchange for creating jobs.",
        [("Clinton", "told", "tax relief is given in exchange for creating jobs")],
    ),
    (
        # The parser gives the subject to the participle describing it and hangs the participle on 'say'.
        "But Republican activists clamoring to block Donald Trump from the GOP nomination say they\u2019re "
        "suddenly in the midst of a Dump-Trump bump.",
        [("Republican activists", "say", "they\u2019re suddenly in the midst of a Dump-Trump bump")],
    ),
    (
        # The contracted 'has' read as a passive 'is': the one who called for them is still its speaker.
        "Sen. Lindsey Graham, who's called for 20,000 troops split between Syria and Iraq, is the exception.",
        [("who", "called", "20,000 troops split between Syria and Iraq")],
    ),
    (
        # Where and to whom it was written is not what was written: the quotation before is.
        "\u201cIf Hillary thinks she can unleash her husband, she's wrong!\u201d Mr. Trump wrote on Twitter on Monday.",
        [("Mr. Trump", "wrote", "\u201cIf Hillary thinks she can unleash her husband, she's wrong!\u201d")],
    ),
    (
        # The phrase after the comma is no object of 'declared': the quotation before is what it reports.
        "\u201cI do not believe in my lifetime anybody has run for this job who was better qualified by knowledge, "
        "experience and temperament,\u201d Clinton declared of Hillary Clinton, his words drowned by applause.",
        [
            (
                "Clinton",
                "declared",
                "\u201cI do not believe in my lifetime anybody has run for this job who was better qualified by "
                "knowledge, experience and temperament,\u201d",
            )
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXACT_READINGS)
def test_exact_readings(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(_speaker_text(q), q.cue.text, q.content_text) for q in _parsed(text)] == expected


# Readings of rules in sentences where another verb, outside the lexicon, is the learned judge's to admit
# ('went after', 'sent out a press release': PolNeAR marks both as cues at times). Read with the lexicon
# alone, so that a refitted judge does not change what the rule is tested on.
LEXICON_READINGS: list[tuple[str, list[tuple[str, str, str]]]] = [
    (
        "Likewise, Trump went after Hillary Clinton for following Obama’s refusal to use the term as well and called "
        "for her to quit her bid for president.",
        [("Trump", "called", "her to quit her bid for president")],
    ),
    (
        # The press release says it for the campaign that sent it out: one statement, the campaign's.
        "Rubio\u2019s campaign sent out a press release saying "
        "\u201cFlorida deserves an explanation for his votes.\u201d",
        [("Rubio\u2019s campaign", "saying", "\u201cFlorida deserves an explanation for his votes.\u201d")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LEXICON_READINGS)
def test_readings_by_the_lexicon_alone(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert [(_speaker_text(q), q.cue.text, q.content_text) for q in _parsed_by_the_lexicon(text)] == expected


def test_a_press_release_speaks_for_the_campaign_that_sent_it_out_whichever_cue_the_judge_takes() -> None:
    # With the shipped judge the cue is 'sent out' or 'saying', as it admits 'sent out' or not; the statement
    # is one, and the campaign's.
    text, [(speaker, _, content)] = LEXICON_READINGS[1]
    assert [(_speaker_text(q), q.content_text) for q in _parsed(text)] == [(speaker, content)]


def test_a_report_the_parser_joins_to_a_verb_inside_another_report_is_split_off() -> None:
    # The parser joins 'accused' to 'know', deep inside what Farage said; 'know' is not in the cue's form.
    # Read with the lexicon alone: the learned judge puts this reading of 'accused' at its veto (0.19 against
    # 0.2 since it reads WordNet's classes, 0.24 before), and the split, not the judge, is what is tested.
    text = (
        "Nigel Farage said the warning was indicative that the President did not know what he was talking "
        "about, and accused Downing Street of putting words in his mouth."
    )
    assert [(_speaker_text(q), q.cue.text, q.content_text) for q in _parsed_by_the_lexicon(text)] == [
        (
            "Nigel Farage",
            "said",
            "the warning was indicative that the President did not know what he was talking about",
        ),
        ("Nigel Farage", "accused", "Downing Street of putting words in his mouth"),
    ]


def test_a_speaker_set_off_by_dashes_from_what_describes_them_speaks() -> None:
    # The parser makes the description between the dashes a clause 'noted' reports, with the speaker as its
    # subject.
    quotes = _parsed(
        'A representative for the Ivanka Trump brand - a 12-employee business pitched as "the ultimate destination '
        'for Women Who Work" - noted that the company offers new mothers eight weeks of paid leave.'
    )
    readings = [(_speaker_text(q), q.cue.text, q.content_text) for q in quotes]
    speaker, content = "A representative for the Ivanka Trump brand", "that the company offers new mothers eight weeks"
    assert (speaker, "noted", f"{content} of paid leave") in readings


def test_a_date_before_a_verb_without_subject_is_no_speaker() -> None:
    quotes = _parsed(
        "Wealthy conservatives are helping pay for efforts to wound Donald J. Trump, disclosures filed on Sunday "
        "night revealed."
    )
    assert "Sunday night" not in [_speaker_text(q) for q in quotes]


def test_a_verb_joined_to_the_reported_clause_in_its_own_tense_goes_on_with_that_clause() -> None:
    quotes = _parsed("Luis Osuna said the group is not an advocacy group and supports candidates on both sides.")
    assert [q.cue.text for q in quotes] == ["said"]


def test_a_speaker_the_parser_hangs_on_an_opening_phrase_still_speaks() -> None:
    quotes = _parsed(
        "Speaking in Harlem, Elizabeth Warren, without naming him, also accused Smith "
        "of being a latecomer to voting rights."
    )
    assert [(_speaker_text(q), q.cue.text) for q in quotes] == [("Elizabeth Warren", "accused")]


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        ("His aides were adamant that the children would block his return.", "His aides", "that the children"),
        ("He is deeply mistrustful of the political establishment.", "He", "the political establishment"),
    ],
)
def test_a_stance_taken_towards_a_claim_or_a_person_is_an_attribution(text: str, speaker: str, content: str) -> None:
    quotes = _parsed(text)
    assert [_speaker_text(q) for q in quotes] == [speaker]
    assert quotes[0].content_text.startswith(content)


def test_an_adjective_of_stance_with_a_dummy_subject_is_no_attribution() -> None:
    assert _parsed("It is critical that the party wins the state.") == []


def test_a_supporter_of_someone_takes_a_stance_towards_them() -> None:
    quotes = _parsed("Rhonda Hughes is a fervent supporter of Donald Trump in the primary.")
    assert [(_speaker_text(q), q.content_text) for q in quotes] == [("Rhonda Hughes", "Donald Trump")]


def test_quotation_goes_to_the_cue_that_governs_it_not_to_a_waiting_one() -> None:
    # 'attack' in the opening clause has nothing of its own to report; the quotation is what 'joked' governs.
    text = "Asked whether the rebels would attack on Monday, Mayor Ann Lee joked: “Wars rarely start. Mondays.”"
    speakers = {q.speaker.text for q in _parsed(text) if q.speaker is not None and "rarely" in q.content_text}
    assert speakers == {"Mayor Ann Lee"}


def test_participle_relaying_a_report_is_neither_speaker_nor_report() -> None:
    text = "“The units are going back to base,” said the Defense Ministry, quoted by state news agencies."
    assert [(q.speaker and q.speaker.text, q.cue.text) for q in _parsed(text)] == [("the Defense Ministry", "said")]


def test_that_clause_after_the_cue_is_its_report_not_the_clause_before() -> None:
    text = "On the one hand, the army claims to have left the border, on the other, the mayor says that troops remain."
    reports = [q.content_text for q in _parsed(text) if q.speaker is not None and q.speaker.text == "the mayor"]
    assert reports == ["that troops remain"]


def test_main_clause_subjects_are_the_people_a_sentence_is_about() -> None:
    from newsprism.extract.quotes.document import main_clause_subjects

    text = (
        "Gen. Wesley Clark, a retired general, is a surrogate for Hillary Clinton's campaign. "
        "Mr. Lou said Mr. Lew had his eyes on critics."
    )
    doc = load_spacy()(text)
    assert any(entity.text.endswith("Lew") and entity.label_ == "PERSON" for entity in doc.ents)
    subjects = [(m.start - 100, m.text) for m in main_clause_subjects(doc, "a", offset=100)]
    assert (text.index("Wesley Clark"), "Wesley Clark") in subjects
    assert any(name.endswith("Lou") for _, name in subjects)
    assert not any("Clinton" in name for _, name in subjects)  # an owner, not the subject
    assert not any(name.endswith("Lew") for _, name in subjects)  # the subject of what Lou said


def test_a_lone_name_tagged_as_a_body_is_a_main_clause_subject_with_that_label() -> None:
    # Whether it is a person is for the speakers to tell, from the names the whole article gives people.
    from spacy.tokens import Span

    from newsprism.extract.quotes.document import main_clause_subjects

    doc = load_spacy()("Beruff toured the site on Monday. The Pentagon Press Office said nothing.")
    doc.ents = [Span(doc, 0, 1, label="ORG"), Span(doc, 8, 11, label="ORG")]
    assert [(m.text, m.label) for m in main_clause_subjects(doc, "a", 0)] == [("Beruff", "ORG")]


def test_a_main_clause_subject_the_ner_missed_is_a_person_for_he() -> None:
    text = (
        "Smith said the plan would fail.\n\n"
        "Nakagiri, a delegate from Michigan, wore a prison outfit.\n\n"
        '"I thought it would be funny," he said.'
    )
    nlp = load_spacy()
    doc = nlp(text)
    if any(entity.text == "Nakagiri" for entity in doc.ents):
        pytest.skip("this model tags 'Nakagiri' itself; the case is a name the NER misses")
    article = ParsedArticle(article=Article(id="a", source="s", text=text), sentences=[])
    quotes = attribute_article(article, nlp=nlp)
    [pronoun] = [q for q in quotes if q.speaker is not None and q.speaker.text == "he"]
    assert (pronoun.speaker_name, pronoun.resolution) == ("Nakagiri", "pronoun")


def test_a_person_in_a_phrase_opening_the_sentence_is_one_it_is_about_for_he() -> None:
    text = (
        '"We are ready," Anna Smith said. Even for Governor Tom Clark, there is no sign of a deal yet.\n\n'
        '"We have not seen the text," he said in a speech.'
    )
    nlp = load_spacy()
    article = ParsedArticle(article=Article(id="a", source="s", text=text), sentences=[])
    quotes = attribute_article(article, nlp=nlp)
    [pronoun] = [q for q in quotes if q.speaker is not None and q.speaker.text == "he"]
    assert (pronoun.speaker_name, pronoun.resolution) == ("Tom Clark", "pronoun")


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("He shook hands and asked workers if they planned to attend the caucuses.", "they planned to attend"),
        ("Cook said Carter stopped the practice, but Cook did not say whether he would run.", "whether he would run"),
        ("Clinton is calling for the United States to take a stronger role.", "the United States to take"),
    ],
)
def test_a_question_or_call_hung_on_the_cue_as_an_adverbial_clause_is_what_it_reports(text: str, content: str) -> None:
    assert any(content in q.content_text and q.cue.text != "stopped" for q in _parsed(text)), [
        (q.cue.text, q.content_text) for q in _parsed(text)
    ]


def test_a_condition_is_not_what_a_verb_reports() -> None:
    quotes = _parsed("Smith will endorse Jones if he wins the nomination.")
    assert all("wins the nomination" not in q.content_text for q in quotes if q.cue.text == "endorse")


def test_the_object_of_the_governing_verb_does_what_the_infinitive_reports() -> None:
    quotes = _parsed("The scandal prompted Smith to say that he would resign.")
    assert [(q.speaker and q.speaker.text, q.content_text) for q in quotes] == [("Smith", "that he would resign")]


def test_a_gerund_deep_in_the_clause_still_finds_the_subject_of_its_sentence() -> None:
    quotes = _parsed("He will likely be able to score a few endorsements by citing his Iowa results.")
    assert [(q.speaker and q.speaker.text) for q in quotes if q.cue.text == "citing"] == ["He"]


def test_a_name_the_parser_joined_to_an_opening_phrase_still_speaks_after_its_apposition() -> None:
    quotes = _parsed(
        "Alarmed by the unrest in Nevada, Senator Harry Reid, the minority leader, said that he spoke with Sanders."
    )
    assert [(q.speaker and q.speaker.text) for q in quotes if q.cue.text == "said"] == [
        "Senator Harry Reid, the minority leader,"
    ]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Former President Bill Clinton agreed with the analysis.", "the analysis"),
        ("Ted Cruz apparently thinks so, too.", "so"),
        ("Cook said Carter stopped the practice, but Cook did not say when.", "when"),
    ],
)
def test_what_is_agreed_with_and_an_adverb_standing_for_what_was_said_are_content(text: str, content: str) -> None:
    assert content in [q.content_text for q in _parsed(text)], [(q.cue.text, q.content_text) for q in _parsed(text)]


def test_whom_one_speaks_with_is_not_what_one_says() -> None:
    assert all("reporters" not in q.content_text for q in _parsed("She spoke with reporters on Monday."))


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        (
            "“Having access to the file is valuable,” said Skelly, explaining he worked with Chrabaszcz.",
            "explaining",
            "Skelly",
        ),
        ("He was asked about the deal, saying it was fair.", "saying", "He"),
    ],
)
def test_a_participle_is_said_by_the_inverted_or_passive_subject_of_the_verb_it_hangs_on(
    text: str, cue: str, speaker: str
) -> None:
    assert [(q.speaker and q.speaker.text) for q in _parsed(text) if q.cue.text == cue] == [speaker]


def test_a_one_word_answer_right_before_its_speaker_is_quoted() -> None:
    assert [(q.speaker and q.speaker.text, q.content_text) for q in _parsed("“Denver,” he answered.")] == [
        ("he", "“Denver,”")
    ]


def test_a_name_opening_the_sentence_and_set_off_by_commas_speaks_for_a_verb_left_without_subject() -> None:
    # 'Schilling, through a spokeswoman, declined to comment' with the name hung on the verb as a modifier
    # (given by hand: the parser does so only in some contexts).
    quotes = _quotes_of_parse(
        words=["Schilling", ",", "through", "a", "spokeswoman", ",", "declined", "to", "comment", "."],
        spaces=[False, True, True, True, False, True, True, True, False, False],
        tags=["NNP", ",", "IN", "DT", "NN", ",", "VBD", "TO", "VB", "."],
        pos=["PROPN", "PUNCT", "ADP", "DET", "NOUN", "PUNCT", "VERB", "PART", "VERB", "PUNCT"],
        deps=["npadvmod", "punct", "prep", "det", "pobj", "punct", "ROOT", "aux", "xcomp", "punct"],
        heads=[6, 6, 6, 4, 2, 6, 6, 8, 6, 6],
        lemmas=["Schilling", ",", "through", "a", "spokeswoman", ",", "decline", "to", "comment", "."],
        ents=["B-PERSON", "O", "O", "O", "O", "O", "O", "O", "O", "O"],
    )
    assert [(q.speaker and q.speaker.text, q.content_text) for q in quotes] == [("Schilling", "to comment")]


def test_a_stance_named_by_the_object_is_taken_on_what_its_preposition_governs() -> None:
    from newsprism.extract.quotes.cues import load_cues
    from newsprism.extract.quotes.indirect import verb_attribution

    nlp = load_spacy()
    for text, verb, content in [
        ("Hillary Clinton has taken a swipe at Trump's stance on Brexit.", "taken", "Trump's stance on Brexit"),
        ("She threw her weight behind Obama's advice.", "threw", "Obama's advice"),
        ("Graham will headline a fundraiser in support of the senator.", "headline", "the senator"),
        ("Bolton distanced himself from the NeverTrump movement.", "distanced", "the NeverTrump movement"),
    ]:
        doc = nlp(text)
        found = verb_attribution(next(t for t in doc if t.text == verb), load_cues())
        assert found is not None
        assert [doc.text[start:end] for start, end in found.content] == [content]


def test_a_stance_received_from_someone_is_theirs_on_the_subject() -> None:
    from newsprism.extract.quotes.cues import load_cues
    from newsprism.extract.quotes.indirect import verb_attribution

    doc = load_spacy()("Cruz still has not received any endorsements from his fellow senators.")
    found = verb_attribution(next(t for t in doc if t.text == "received"), load_cues())
    assert found is not None
    assert found.source is not None
    assert (doc.text[found.source[0] : found.source[1]], [doc.text[a:b] for a, b in found.content]) == (
        "his fellow senators",
        ["Cruz"],
    )


def test_a_main_verb_the_parser_hung_on_its_subject_as_a_participle_has_that_subject() -> None:
    # 'Warren called Tuesday for Smith to resign' parsed as a name described by 'called' (given by hand: the
    # parser does so only in some contexts), the sentence left without a verb of its own.
    from spacy.tokens import Doc

    from newsprism.extract.quotes.cues import load_cues
    from newsprism.extract.quotes.indirect import verb_attribution

    doc = Doc(
        load_spacy().vocab,
        words=["Warren", "called", "Tuesday", "for", "Smith", "to", "resign", "."],
        spaces=[True, True, True, True, True, True, False, False],
        tags=["NNP", "VBN", "NNP", "IN", "NNP", "TO", "VB", "."],
        pos=["PROPN", "VERB", "PROPN", "SCONJ", "PROPN", "PART", "VERB", "PUNCT"],
        deps=["ROOT", "acl", "npadvmod", "mark", "nsubj", "aux", "advcl", "punct"],
        heads=[0, 0, 1, 6, 6, 6, 1, 0],
        lemmas=["Warren", "call", "Tuesday", "for", "Smith", "to", "resign", "."],
    )
    found = verb_attribution(doc[1], load_cues())
    assert found is not None
    assert found.source is not None
    assert doc.text[slice(*found.source)] == "Warren"
    assert [doc.text[start:end] for start, end in found.content] == ["Smith to resign"]


@pytest.mark.parametrize(
    ("text", "verb", "content"),
    [
        ("Officials pushed back against the report.", "pushed", "the report"),
        ("The union hit back at the mayor.", "hit", "the mayor"),
        ("Trump lashed out at the press on Monday.", "lashed", "the press"),
    ],
)
def test_a_verb_with_back_or_out_answers_what_the_preposition_after_the_particle_governs(
    text: str, verb: str, content: str
) -> None:
    from newsprism.extract.quotes.cues import load_cues
    from newsprism.extract.quotes.indirect import verb_attribution

    doc = load_spacy()(text)
    found = verb_attribution(next(token for token in doc if token.text == verb), load_cues())
    assert found is not None
    assert [doc.text[start:end] for start, end in found.content] == [content]


def test_a_preposition_left_at_the_end_of_a_relative_clause_governs_the_noun_the_clause_describes() -> None:
    quotes = _parsed("These are the income trends Democrats point to with alarm.")
    assert [(_speaker_text(q), q.content_text) for q in quotes] == [("Democrats", "the income trends")]


def test_a_share_of_those_polled_hung_on_the_verb_as_a_number_is_its_speaker() -> None:
    quotes = _parsed("About 4 in 10 say they want the next president to be more liberal.")
    assert [(_speaker_text(q), q.content_text) for q in quotes] == [
        ("About 4 in 10", "they want the next president to be more liberal")
    ]


def test_the_name_after_a_quotation_speaks_it_when_the_parser_joins_the_cue_to_the_quoted_verb() -> None:
    # '“We were wrong to wait,” Ramos, 58, told AFP.' with 'told' joined to 'were', whose subject is the
    # quoted 'We' (given by hand: the parser does so only for some wordings).
    words = ["“", "We", "were", "wrong", "to", "wait", ",", "”", "Ramos", ",", "58", ",", "told", "AFP", "."]
    quotes = _quotes_of_parse(
        words=words,
        spaces=[False, True, True, True, True, False, False, True, False, True, False, True, True, False, False],
        tags=["``", "PRP", "VBD", "JJ", "TO", "VB", ",", "''", "NNP", ",", "CD", ",", "VBD", "NNP", "."],
        pos="PUNCT PRON AUX ADJ PART VERB PUNCT PUNCT PROPN PUNCT NUM PUNCT VERB PROPN PUNCT".split(),
        deps="punct nsubj ROOT acomp aux xcomp punct punct conj punct appos punct conj dobj punct".split(),
        heads=[2, 2, 2, 2, 5, 3, 2, 8, 2, 8, 8, 8, 2, 12, 2],
        lemmas=["“", "we", "be", "wrong", "to", "wait", ",", "”", "Ramos", ",", "58", ",", "tell", "AFP", "."],
        ents=["O", "O", "O", "O", "O", "O", "O", "O", "B-PERSON", "O", "O", "O", "O", "B-ORG", "O"],
    )
    assert [(_speaker_text(q), q.content_text) for q in quotes] == [("Ramos, 58,", "“We were wrong to wait,”")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "To Ms. Alvarez, the new rules represent a betrayal of the city's workers.",
            [("Ms. Alvarez", "the new rules represent a betrayal of the city's workers")],
        ),
        ("To date, the party has raised $4 million.", []),
    ],
)
def test_a_sentence_opening_with_to_and_a_name_gives_the_view_of_the_one_named(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(_speaker_text(q), q.content_text) for q in _parsed(text)] == expected


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "But I think [the] Dodd-Frank [financial reform] went a long, long way.",
            "[the] Dodd-Frank [financial reform] went a long, long way",
        ),
    ],
)
def test_content_keeps_both_halves_of_an_editors_bracket(text: str, content: str) -> None:
    assert [q.content_text for q in _parsed(text)] == [content]


def test_a_report_the_parser_hangs_on_the_next_report_is_no_part_of_its_content() -> None:
    # The parser makes the first 'said' a clause of the second; each is its speaker's own report.
    words = (
        "The mayor said he had not seen the video , and when asked whether he would apologize , "
        + 'he said , " I doubt it . "'
    )
    glued = {8, 16, 19, 21, 24, 25, 26}  # tokens with no space after them
    quotes = _quotes_of_parse(
        words=words.split(),
        spaces=[n not in glued for n in range(27)],
        tags="DT NN VBD PRP VBD RB VBN DT NN , CC WRB VBN IN PRP MD VB , PRP VBD , `` PRP VBP PRP . ''".split(),
        pos=(
            "DET NOUN VERB PRON AUX PART VERB DET NOUN PUNCT CCONJ SCONJ VERB SCONJ PRON AUX VERB PUNCT PRON VERB "
            "PUNCT PUNCT PRON VERB PRON PUNCT PUNCT"
        ).split(),
        deps=(
            "det nsubj ccomp nsubj aux neg ccomp det dobj punct cc advmod conj mark nsubj aux ccomp punct nsubj ROOT "
            "punct punct nsubj ccomp dobj punct punct"
        ).split(),
        heads=[1, 2, 19, 6, 6, 6, 2, 8, 6, 6, 6, 12, 6, 16, 16, 16, 12, 19, 19, 19, 19, 19, 23, 19, 23, 19, 19],
        lemmas=words.replace("mayor said", "mayor say").replace("he said", "he say").split(),
    )
    assert [(_speaker_text(q), q.content_text) for q in quotes] == [
        ("The mayor", "he had not seen the video, and when asked whether he would apologize"),
        ("he", '"I doubt it."'),
    ]


def test_a_closing_report_the_parser_hangs_on_the_verb_it_closes_is_no_part_of_its_content() -> None:
    # 'the source recalled' parsed as a second clause of 'said': no part of what Grayson said.
    words = "Grayson said Randolph “ would have no chance to win , ” the source recalled ."
    quotes = _quotes_of_parse(
        words=words.split(),
        spaces=[n not in {3, 9, 10, 14, 15} for n in range(16)],
        tags="NNP VBD NNP `` MD VB DT NN TO VB , '' DT NN VBD .".split(),
        pos="PROPN VERB PROPN PUNCT AUX VERB DET NOUN PART VERB PUNCT PUNCT DET NOUN VERB PUNCT".split(),
        deps="nsubj ROOT nsubj punct aux ccomp det dobj aux acl punct punct det nsubj ccomp punct".split(),
        heads=[1, 1, 5, 5, 5, 1, 7, 5, 9, 7, 14, 14, 13, 14, 1, 1],
        lemmas=words.replace("said", "say").replace("recalled", "recall").split(),
    )
    assert [(_speaker_text(q), q.content_text) for q in quotes] == [("Grayson", "“would have no chance to win,”")]


def test_a_closing_according_to_frames_the_report_it_closes() -> None:
    # The parser hangs 'according to' on the reported clause; the phrase is where the report comes from.
    words = "Kasich said he would have fired Lewandowski , according to press reports ."
    quotes = _quotes_of_parse(
        words=words.split(),
        spaces=[n not in {6, 11, 12} for n in range(13)],
        tags="NNP VBD PRP MD VB VBN NNP , VBG IN NN NNS .".split(),
        pos="PROPN VERB PRON AUX AUX VERB PROPN PUNCT VERB ADP NOUN NOUN PUNCT".split(),
        deps="nsubj ROOT nsubj aux aux ccomp dobj punct prep prep compound pobj punct".split(),
        heads=[1, 1, 5, 5, 5, 1, 5, 5, 5, 8, 11, 9, 1],
        lemmas="Kasich say he would have fire Lewandowski , accord to press report .".split(),
    )
    assert [(_speaker_text(q), q.content_text) for q in quotes] == [
        ("press reports", "Kasich said he would have fired Lewandowski")
    ]


def test_an_according_to_inside_what_is_reported_stays_part_of_it() -> None:
    # 'that, according to the polls, ...': the reporter's own source, inside the report.
    words = "Smith said that , according to the polls , Jones leads ."
    quotes = _quotes_of_parse(
        words=words.split(),
        spaces=[n not in {2, 7, 10, 11} for n in range(12)],
        tags="NNP VBD IN , VBG IN DT NNS , NNP VBZ .".split(),
        pos="PROPN VERB SCONJ PUNCT VERB ADP DET NOUN PUNCT PROPN VERB PUNCT".split(),
        deps="nsubj ROOT mark punct prep prep det pobj punct nsubj ccomp punct".split(),
        heads=[1, 1, 10, 10, 10, 4, 7, 5, 10, 10, 1, 1],
        lemmas="Smith say that , accord to the poll , Jones lead .".split(),
    )
    assert [(_speaker_text(q), q.content_text) for q in quotes] == [
        ("Smith", "that, according to the polls, Jones leads")
    ]


def test_a_quotation_in_a_free_relative_clause_is_its_speakers_not_the_governing_cues() -> None:
    # Both 'discuss' and 'called' snap to the quotation; the alliance said it, the ministers discuss it.
    words = (
        "Defence ministers are meeting in Brussels to discuss what the military alliance has called “ the most "
        + "serious security crisis we have faced in Europe for decades ” ."
    )
    quotes = _quotes_of_parse(
        words=words.split(),
        spaces=[n not in {14, 26, 27, 28} for n in range(29)],
        tags=(
            "NN NNS VBP VBG IN NNP TO VB WP DT JJ NN VBZ VBN `` DT RBS JJ NN NN PRP VBP VBN IN NNP IN NNS '' ."
        ).split(),
        pos=(
            "NOUN NOUN AUX VERB ADP PROPN PART VERB PRON DET ADJ NOUN AUX VERB PUNCT DET ADV ADJ NOUN NOUN PRON AUX "
            "VERB ADP PROPN ADP NOUN PUNCT PUNCT"
        ).split(),
        deps=(
            "compound nsubj aux ROOT prep pobj aux advcl dobj det amod nsubj aux ccomp punct det advmod amod compound "
            "oprd nsubj aux relcl prep pobj prep pobj punct punct"
        ).split(),
        heads=[1, 3, 3, 3, 3, 4, 7, 3, 13, 11, 11, 13, 13, 7, 19, 19, 17, 19, 19, 13, 22, 22, 19, 22, 23, 22, 25, 3, 3],
        lemmas=(
            "defence minister be meet in Brussels to discuss what the military alliance have call “ the most serious "
            + "security crisis we have face in Europe for decade ” ."
        ).split(),
    )
    assert [(_speaker_text(q), q.content_text) for q in quotes] == [
        ("the military alliance", "“the most serious security crisis we have faced in Europe for decades”")
    ]


def test_a_speaker_naming_in_its_own_words_what_it_reports_keeps_its_report() -> None:
    # 'what it calls': the pronoun is the same campaign, whose report it is.
    quotes = _parsed("Trump's campaign is denouncing what it calls “the single biggest coordinated attack in history.”")
    assert ("Trump's campaign", "denouncing") in [(_speaker_text(q), q.cue.text) for q in quotes]


def _criticism_parse(owner_words: str) -> Any:
    """'<owner> criticism of Clinton grew .' parsed by hand, the owner a possessive ('Trump 's', 'Her')."""
    from spacy.tokens import Doc

    owner = owner_words.split()
    words = [*owner, "criticism", "of", "Clinton", "grew", "."]
    noun = len(owner)
    possessive = owner[-1] == "'s"
    return Doc(
        load_spacy().vocab,
        words=words,
        spaces=[not (possessive and n == 0) and n not in {len(words) - 2, len(words) - 1} for n in range(len(words))],
        tags=(["NNP", "POS"] if possessive else ["PRP$"]) + ["NN", "IN", "NNP", "VBD", "."],
        pos=(["PROPN", "PART"] if possessive else ["PRON"]) + ["NOUN", "ADP", "PROPN", "VERB", "PUNCT"],
        deps=(["poss", "case"] if possessive else ["poss"]) + ["nsubj", "prep", "pobj", "ROOT", "punct"],
        heads=([noun, 0] if possessive else [noun]) + [noun + 3, noun, noun + 1, noun + 3, noun + 3],
        lemmas=[*owner, "criticism", "of", "Clinton", "grow", "."],
    )


class _AdmitEverything:
    """A judge that keeps every reading: what the extraction makes of a candidate the judge takes."""

    def admits(self, verb: Any, found: Found) -> bool:
        return True

    def vetoes(self, verb: Any, found: Found) -> bool:
        return False

    def likely(self, verb: Any, found: Found, in_lexicon: bool) -> bool:
        return True


@pytest.mark.parametrize("owner", ["Trump 's", "Her"])
def test_a_possessed_noun_with_a_complement_is_read_for_the_judge(owner: str) -> None:
    import dataclasses

    from newsprism.extract.quotes.cues import load_cues
    from newsprism.extract.quotes.nominal import possessed_noun_reading

    doc = _criticism_parse(owner)
    noun = next(token for token in doc if token.text == "criticism")
    found, by_rule = possessed_noun_reading(noun, load_cues())
    assert found is not None
    assert not by_rule
    assert (doc.text[slice(*found.source)], [doc.text[slice(*piece)] for piece in found.content]) == (
        owner.split()[0],
        ["Clinton"],
    )
    admitting = dataclasses.replace(load_cues(), judge=_AdmitEverything())
    quotes = extract_quotes(doc, "a", lexicon=admitting)
    assert [(_speaker_text(q), q.cue.text, q.content_text) for q in quotes] == [
        (owner.split()[0], "criticism of", "Clinton")
    ]
    assert extract_quotes(doc, "a", lexicon=dataclasses.replace(load_cues(), judge=None)) == []


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    ["The group calls itself Asawitiri Media.", '"We can win this," wrote a man calling himself Paul.'],
)
def test_a_subject_naming_itself_reports_nothing(text: str) -> None:
    assert not [q for q in _parsed_by_the_lexicon(text) if q.cue.text.startswith("call")]


@pytest.mark.slow
def test_a_subject_calling_itself_one_of_a_group_still_takes_a_stance() -> None:
    from newsprism.extract.quotes.verb_content import verb_content

    doc = load_spacy()("Sanders refused to call himself a Democrat.")
    call = next(token for token in doc if token.lemma_ == "call")
    assert [doc.text[start:end] for start, end in verb_content(call)] == ["himself a Democrat"]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The Ukrainian army spoke of isolated violations by the other side.", "spoke of", "isolated violations"),
        ("The senator called for an inquiry into the deal.", "called for", "an inquiry"),
        # What is said is the quotation, not what 'on' governs: the cue stays one word.
        ("\u201cWe will win,\u201d Mr. Smith wrote on Twitter on Monday.", "wrote", "\u201cWe will win,\u201d"),
    ],
)
def test_a_preposition_opening_what_the_cue_reports_is_part_of_the_cue(text: str, cue: str, content: str) -> None:
    [quote] = _parsed(text)
    assert (quote.cue.text, quote.content_text[: len(content)]) == (cue, content)
