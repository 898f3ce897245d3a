"""Signed quotations: a quotation on a line of its own, then a dash and the name of who said it."""

from __future__ import annotations

import pytest

from newsprism.extract import Quote, attribute_article
from newsprism.extract.quotes.marks import find_quotes
from newsprism.extract.quotes.signatures import signed_quotations
from newsprism.model import Article, ParsedArticle
from newsprism.nlp import load_spacy
from newsprism.nlp.analyze import doc_text


def _signed(text: str) -> list[tuple[str, str, str]]:
    doc = load_spacy()(text)
    quotes = find_quotes(text, [(0, len(text))])
    body = doc_text(doc)
    return [
        (body[f.source[0] : f.source[1]], body[f.cue[0] : f.cue[1]], body[f.content[0][0] : f.content[-1][1]])
        for f in signed_quotations(doc, quotes)
        if f.source is not None
    ]


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("“He represents our greatest shame.” ― Sonya Herridge", "Sonya Herridge", "―"),
        ("“We will not be moved.” — Maria Lopez, 34, a nurse in Phoenix", "Maria Lopez", "—"),
        ("“No sympathy, no integrity.” –\u00a0Oscar P. Quintero.", "Oscar P. Quintero", "–"),
        ("“Stay home tonight.” — AFP", "AFP", "—"),
        ("“We are tired of waiting.” — Ana Ruiz (@anaruiz)", "Ana Ruiz", "—"),
        ("“Nobody listens to us.” — Mary O'Brien-McDonald", "Mary O'Brien-McDonald", "—"),
        ("“We are still here.” ― Juan de la Cruz, 61", "Juan de la Cruz", "―"),
        # Quotation marks of other scripts sign the same way.
        ("«We stay in the city.» — Marie Dupont", "Marie Dupont", "—"),
        ("„We stay in the city.“ — Hans Weber", "Hans Weber", "—"),
    ],
)
def test_a_quotation_signed_with_a_dash_is_said_by_the_name(text: str, speaker: str, cue: str) -> None:
    signed = _signed(text)
    assert [(name, dash) for name, dash, _ in signed] == [(speaker, cue)]
    assert signed[0][2][0] in "“«„"
    assert signed[0][2][-1] in "”»“"


@pytest.mark.parametrize(
    "text",
    [
        # A sentence that goes on after the dash: the name is a verb's subject, not a signature.
        "“We will win.” — Trump said on Monday.",
        "He promised “a tremendous plan” — and then he left.",
        # The quotation does not stand on its own line: a scare quote inside a sentence.
        "He called it “the next George Washington” – Glenn Beck",
        # A hyphen joins clauses far more often than it signs anything.
        "“We will win.” - Maria Lopez",
        # A lower-case word after the dash.
        "“We will win.” — reporters were told.",
        # No word of two letters: 'I' signs nothing.
        "“We will win.” — I",
        # A name does not end in a particle: 'de' opens more words than a name.
        "“We will win.” — Maria de",
        # An unclosed quotation is no quotation: nothing is signed.
        "“We will win. — Maria Lopez",
    ],
)
def test_no_signature_without_a_name_filling_its_line(text: str) -> None:
    assert _signed(text) == []


def _article(text: str) -> list[Quote]:
    return attribute_article(ParsedArticle(article=Article(id="a", source="t", text=text), sentences=[]), load_spacy())


def test_each_signed_quotation_of_a_collection_goes_to_its_own_signer_once() -> None:
    text = (
        "Voters told us what they think of the debate.\n\n"
        "“He is ignorant of our culture and lives.” ― Pamela Padilla\n"
        "“Trump must stop portraying Latinos as dangerous gangsters.” ― Carla Sanchez\n"
        "“Hearing his hateful words makes me afraid for the future.” ― Krystal Correa"
    )
    signed = [(q.speaker_name, q.cue.text, q.content_text) for q in _article(text) if q.cue.text == "―"]
    assert [(name, cue) for name, cue, _ in signed] == [
        ("Pamela Padilla", "―"),
        ("Carla Sanchez", "―"),
        ("Krystal Correa", "―"),
    ]
    assert ["ignorant" in signed[0][2], "gangsters" in signed[1][2], "afraid" in signed[2][2]] == [True, True, True]
    # No quotation is handed to anyone else as well.
    contents = [q.content_text for q in _article(text)]
    assert len(contents) == len(set(contents))
