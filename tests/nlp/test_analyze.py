"""The NLP stage's helpers that need no model."""

from __future__ import annotations

import spacy

from newsprism.nlp.analyze import doc_text, paragraph_windows


def test_doc_text_is_the_docs_text_built_once() -> None:
    doc = spacy.blank("en")("Troops are returning to base, the ministry said.")
    assert doc_text(doc) == doc.text
    # Built once: the second call returns the very string the first one stored.
    assert doc_text(doc) is doc_text(doc)


def test_long_paragraphs_are_cut_into_windows_at_a_space() -> None:
    text = "word " * 5000 + "\n\nshort paragraph"
    windows = paragraph_windows(text)
    assert "".join(chunk for index, _, chunk in windows if index == 0) == text[: text.index("\n\n")].rstrip()
    assert all(len(chunk) <= 20_000 for _, _, chunk in windows)
    assert all(text[offset : offset + len(chunk)] == chunk for _, offset, chunk in windows)


def test_the_paragraphs_parsed_keep_the_text_they_were_parsed_from() -> None:
    from newsprism.model import Article
    from newsprism.nlp.analyze import parse_articles

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    text = "Troops  are returning,\tthe ministry said.\n\n“No sign,” NATO said .  \n\nÜber-long ﬁrst line"
    analyzed = parse_articles([Article(id="a", source="s", text=text)], nlp)
    docs = [paragraph.doc for paragraph in analyzed[0].paragraphs]
    assert len(docs) == 3
    assert all(doc_text(doc) == doc.text for doc in docs)
    # The sentences read off those texts are the article's own characters at their offsets.
    assert all(text[s.start : s.end] == s.text for s in analyzed[0].parsed.sentences)


def test_tokens_among_are_the_tokens_a_walk_over_the_doc_finds() -> None:
    from spacy.attrs import DEP, LOWER, ORTH, POS

    from newsprism.nlp import load_spacy
    from newsprism.nlp.analyze import tokens_among

    doc = load_spacy()('Jeb Bush, who said "we won", met the spokesman Zxqvbn, who ran. “No,” Smith said.')
    for attribute, name, values in (
        (LOWER, "lower_", {"who", "spokesman", "zxqvbn", "never-seen-word"}),
        (POS, "pos_", {"PROPN", "VERB"}),
        (DEP, "dep_", {"nsubj", "ccomp"}),
        (ORTH, "text", {'"', "“", "”"}),
    ):
        walked = [token.i for token in doc if getattr(token, name) in values]
        assert walked, name  # the sentence holds some of each
        assert [token.i for token in tokens_among(doc, attribute, frozenset(values))] == walked, name


def test_sentence_bounds_are_each_tokens_sentence() -> None:
    from newsprism.nlp import load_spacy
    from newsprism.nlp.analyze import sentence_bounds

    doc = load_spacy()("Russia said troops were leaving. NATO saw no sign of it. “Not yet,” he said.")
    assert len(list(doc.sents)) > 1
    assert [sentence_bounds(token) for token in doc] == [(token.sent.start, token.sent.end) for token in doc]
