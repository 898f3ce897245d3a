"""What a pronoun may stand for: genders from courtesy titles and first names, used only to rule out."""

from __future__ import annotations

from newsprism.extract.quotes.gender import (
    article_genders,
    compatible,
    first_name_gender,
    first_names,
    load_first_names,
    pronoun_gender,
)
from newsprism.model import Mention


def _mentions(text: str, *names: str) -> list[Mention]:
    return [
        Mention(article_id="a", start=text.index(n), end=text.index(n) + len(n), text=n, label="PERSON") for n in names
    ]


def test_pronouns_ask_for_a_gender_other_words_for_none() -> None:
    assert [pronoun_gender(w) for w in ("He", "his", "she", "Her", "they", "it")] == [
        "male",
        "male",
        "female",
        "female",
        None,
        None,
    ]


def test_courtesy_titles_and_first_names_give_a_surname_its_gender() -> None:
    text = "Mr. Cruz met Mrs. Clinton and Ms. Ayotte. Elaine Kamarck and Bob Dole were there."
    genders = article_genders(text, _mentions(text, "Elaine Kamarck", "Bob Dole"))
    assert genders == {"cruz": "male", "clinton": "female", "ayotte": "female", "kamarck": "female", "dole": "male"}


def test_a_surname_shared_by_a_man_and_a_woman_has_no_gender() -> None:
    text = "Bill Clinton spoke before Hillary Clinton. Clinton said more."
    genders = article_genders(text, _mentions(text, "Bill Clinton", "Hillary Clinton"))
    assert "clinton" not in genders
    # Each full name still says whose it is.
    assert not compatible("Bill Clinton", "female", genders)
    assert compatible("Clinton", "female", genders)
    assert compatible("Clinton", "male", genders)


def test_a_bare_surname_is_the_gender_of_the_person_the_article_names_far_more_often() -> None:
    text = "Hillary Clinton won. Hillary Clinton spoke. Hillary Clinton left. Bill Clinton’s speech ran long."
    names = ("Hillary Clinton", "Hillary Clinton", "Hillary Clinton", "Bill Clinton’s")
    assert article_genders(text, _mentions(text, *names))["clinton"] == "female"
    # Twice as often is not far more often.
    assert "clinton" not in article_genders(
        text, _mentions(text, "Hillary Clinton", "Hillary Clinton", "Bill Clinton’s")
    )


def test_a_curly_possessive_is_no_part_of_the_surname() -> None:
    text = "Mrs. Abu-Laban’s brother spoke."
    assert article_genders(text, []) == {"abu-laban": "female"}


def test_only_what_is_known_rules_out() -> None:
    genders = {"cruz": "male"}
    assert not compatible("Cruz", "female", genders)  # type: ignore[arg-type]
    assert compatible("Cruz", "male", genders)  # type: ignore[arg-type]
    assert compatible("Xyzzy Plugh", "female", {})  # a first name the table does not know
    assert compatible("Cruz", None, genders)  # type: ignore[arg-type]  # 'they', 'it': no gender asked


def test_a_surname_alone_says_nothing_of_itself() -> None:
    assert first_name_gender("Hillary") is None
    assert first_name_gender("Hillary Clinton") == "female"
    assert first_name_gender("Volodymyr Zelensky") == "male"
    assert first_name_gender("José García") == "male"  # folded to ASCII as the table is
    # A title the tagger left in the name is no first name ('General' is a man's name in the table).
    assert first_name_gender("General Lori Robinson") == "female"
    assert first_name_gender("Sen. Cruz") is None


def test_the_table_keeps_common_names_of_one_gender() -> None:
    data = {
        "maria": [30, 90_000, 0.99, 3],
        "marïa": [3, 600, 0.02, 3],  # folds to 'maria' with the other gender: left out
        "john": [33, 5_000_000, 0.001, 3],
        "jean": [31, 2_500_000, 0.477, 3],  # either
        "zork": [1, 40, 1.0, 3],  # too rare
        "o'neil": [5, 900, 0.0, 3],  # not a plain name
    }
    assert first_names(data) == {"john": "m"}
    shipped = load_first_names()
    assert shipped["angela"] == "female"
    assert shipped["boris"] == "male"
    assert "jean" not in shipped
