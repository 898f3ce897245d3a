"""WordNet's first-sense classes: the table's builder, the shipped table, and the look-up of a token."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsprism.extract.quotes.senses import LEXICOGRAPHER_FILES, first_sense, first_senses, load_senses, main
from newsprism.nlp import load_spacy

# A WordNet database in miniature: the licence lines that open each file are indented.
_DATA_VERB = [
    "  1 This software and database is being provided to you, the LICENSEE, by Princeton University\n",
    "00000100 32 v 01 say 0 000 | express in words\n",
    "00000200 35 v 01 post 0 000 | affix in a public place\n",
    "00000300 32 v 01 post 0 000 | publish\n",
    "00000400 38 v 01 walk 0 000 | use one's feet\n",
]
_INDEX_VERB = [
    "  1 This software and database is being provided to you, the LICENSEE, by Princeton University\n",
    "say v 1 0 1 1 00000100\n",
    # The first sense is the commonest only for words with senses tagged in SemCor: 'post' has 2.
    "post v 2 1 @ 2 2 00000200 00000300\n",
    "walk_out v 1 0 1 1 00000400\n",  # more than one word: no token's lemma
    "stroll v 1 0 1 0 00000400\n",  # no sense tagged: left out
]


def test_first_senses_take_the_class_of_the_first_tagged_sense() -> None:
    assert first_senses(_INDEX_VERB, _DATA_VERB) == {"say": "verb.communication", "post": "verb.contact"}


def test_the_class_names_follow_wordnets_numbering() -> None:
    assert len(LEXICOGRAPHER_FILES) == 45
    assert LEXICOGRAPHER_FILES[32] == "verb.communication"
    assert LEXICOGRAPHER_FILES[18] == "noun.person"


def test_main_writes_a_table_the_loader_reads(tmp_path: Path) -> None:
    for kind, lines in (("index.verb", _INDEX_VERB), ("data.verb", _DATA_VERB)):
        (tmp_path / kind).write_text("".join(lines), encoding="latin-1")
    (tmp_path / "index.noun").write_text("report n 1 0 1 1 00000500\n", encoding="latin-1")
    (tmp_path / "data.noun").write_text("00000500 10 n 01 report 0 000 | a document\n", encoding="latin-1")
    out = tmp_path / "senses.tsv"
    main([str(tmp_path), "--out", str(out)])
    rows = [line for line in out.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert rows == ["report\tnoun.communication", "post\tverb.contact", "say\tverb.communication"]


def test_the_shipped_table_holds_common_words_by_part_of_speech() -> None:
    senses = load_senses()
    assert senses[("verb", "say")] == "verb.communication"
    assert senses[("noun", "report")] == "noun.communication"
    assert senses[("noun", "voter")] == "noun.person"
    assert ("verb", "report") in senses  # one lemma, two parts of speech
    assert ("verb", "post") in senses


@pytest.mark.slow
def test_a_token_is_looked_up_by_its_lemma_and_part_of_speech() -> None:
    doc = load_spacy()("The report said the voters posted photos in Ohio.")
    by_word = {token.text: first_sense(token) for token in doc}
    assert by_word["said"] == "verb.communication"
    assert by_word["report"] == "noun.communication"
    assert by_word["voters"] == "noun.person"
    assert by_word["photos"] == "noun.artifact"
    assert by_word["Ohio"] is None  # a name: its class would be a guess
    assert by_word["the"] is None
