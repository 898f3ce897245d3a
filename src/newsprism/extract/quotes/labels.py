"""Speaker labels: 'TAPPER: Do you think ...' in transcripts, 'Graham: Trump ...' in headlines."""

from __future__ import annotations

from spacy.tokens import Doc

from newsprism.extract.quotes.found import Found, token_range

# A label is a name: a few words, each a proper noun or capitalised (headlines defeat the tagger:
# 'Lewandowski: FBI director acted ...' tags the name a common noun).
_MAX_LABEL_TOKENS = 5


def speaker_label(doc: Doc) -> Found | None:
    """The attribution of a paragraph that opens with a name and a colon, if it does."""
    colon = next((token for token in doc[: _MAX_LABEL_TOKENS + 1] if token.text == ":"), None)
    if colon is None or colon.i == 0 or colon.i >= len(doc) - 1:
        return None
    name = doc[: colon.i]
    if not all(
        token.pos_ == "PROPN" or ((token.is_title or token.is_upper) and token.is_alpha) or token.is_punct
        for token in name
    ):
        return None
    if not any(token.is_alpha and len(token) > 1 for token in name):
        return None  # "Q:" and "A:" in an interview are turns, not speakers
    if sum(token.is_alpha for token in doc[colon.i + 1 :]) < 2:
        return None  # "Sanders: 1,547" in a delegate count is a tally, not something said
    source = token_range(doc, 0, colon.i - 1)
    content = token_range(doc, colon.i + 1, len(doc) - 1)
    if source is None or content is None:
        return None
    return Found(cue=(colon.idx, colon.idx + 1), source=source, content=[content])
