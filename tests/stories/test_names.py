"""Names by shape: what story clustering compares articles on."""

from __future__ import annotations

from newsprism.stories.names import capitalised_names, name_mentions


def test_capitalised_names_skip_sentence_openers_but_keep_names_and_numbers() -> None:
    names = capitalised_names("The quake hit Valparaiso, Chile.\nRescuers said 12 died in Valparaiso.")
    assert {"Valparaiso", "Chile", "12"} <= names
    assert not {"The", "Rescuers"} & names


def test_capitalised_names_join_initialisms_and_skip_quoted_openers_and_articles() -> None:
    names = capitalised_names('He said: "The U. S. Navy will go."\n"We know," I said of The Times in L.A.')
    assert {"U.S. Navy", "The Times", "L.A."} <= names
    assert not {"The", "We", "I", "U", "S"} & names


def test_an_opener_that_is_a_name_elsewhere_stays_a_name() -> None:
    names = capitalised_names("Chile is shaken.\nThe quake hit Chile at dawn.")
    assert "Chile" in names


def test_mentions_point_at_their_text_and_drop_a_sentence_opener() -> None:
    text = "Rescuers Chief Ana Lopez spoke.\nOfficials in the U. S. Navy said Chief Ana Lopez left."
    mentions = name_mentions("a1", text)
    assert all(text[m.start : m.end] == m.text and m.label == "NAME" for m in mentions)
    assert [m.text for m in mentions] == ["Chief Ana Lopez", "U. S. Navy", "Chief Ana Lopez"]
