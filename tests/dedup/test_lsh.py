from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsprism.dedup.lsh import (
    LshOptions,
    NearDuplicateIndex,
    SignatureError,
    decode_signature,
    estimated_containment,
    signature,
    word_shingles,
)

WORDS = (
    "minister troops border exercise satellite images hospital river flood school road rescue council vote budget "
    "court ruling appeal league match goal coach season market shares bank rates inflation storm coast power"
).split()


def article(seed: int, words: int = 220) -> str:
    """A random text of ``words`` words in lines of 20, reproducible from ``seed``."""
    rng = random.Random(seed)
    tokens = [rng.choice(WORDS) + str(rng.randrange(40)) for _ in range(words)]
    return "\n".join(" ".join(tokens[i : i + 20]) for i in range(0, words, 20))


def syndicated(text: str) -> str:
    lines = text.splitlines()
    return "\n".join(["LONDON (Reuters) -", *lines[:3], *lines[4:], "Reporting by the news desk; editing by staff."])


def rewritten(text: str, seed: int, rate: float = 0.05) -> str:
    rng = random.Random(seed)
    return " ".join("changed" if rng.random() < rate else word for word in text.split(" "))


@pytest.fixture
def index() -> NearDuplicateIndex:
    index = NearDuplicateIndex()
    for number in range(30):
        assert index.add(f"a{number}", article(number)) is None
    return index


@pytest.mark.parametrize(
    "make_copy",
    [syndicated, lambda text: rewritten(text, 1), lambda text: "\n".join(text.splitlines()[:6])],
    ids=["syndicated", "rewritten", "truncated"],
)
def test_planted_copy_links_to_its_original(index: NearDuplicateIndex, make_copy: object) -> None:
    assert callable(make_copy)
    assert index.add("copy", make_copy(article(7))) == "a7"
    assert len(index) == 31


def test_unrelated_texts_are_not_linked(index: NearDuplicateIndex) -> None:
    assert [index.add(f"b{number}", article(1000 + number)) for number in range(20)] == [None] * 20


def test_heavy_rewrite_is_not_a_copy(index: NearDuplicateIndex) -> None:
    assert index.add("rewrite", rewritten(article(3), 2, rate=0.6)) is None


def test_short_texts_are_never_linked() -> None:
    index = NearDuplicateIndex()
    index.add("first", "Markets fell sharply today.")
    assert index.add("second", "Markets fell sharply today.") is None


def test_stored_signatures_rebuild_the_index() -> None:
    options = LshOptions()
    stored = {f"a{number}": signature(article(number), options) for number in range(10)}
    rebuilt = NearDuplicateIndex(options)
    for article_id, data in stored.items():
        rebuilt.add(article_id, signature=data)
    assert rebuilt.add("copy", syndicated(article(4))) == "a4"


def test_restored_signatures_match_as_added_ones_do() -> None:
    # A copy stored earlier keeps its link; restoring files it without asking again, and later
    # articles are matched exactly as against an index built by adding.
    options = LshOptions()
    texts = {"a0": article(0), "a1": article(1), "copy-of-a0": syndicated(article(0))}
    added, restored = NearDuplicateIndex(options), NearDuplicateIndex(options)
    for article_id, text in texts.items():
        added.add(article_id, text)
        restored.restore(article_id, signature(text, options))
    assert len(restored) == len(added) == 3
    for probe in (rewritten(article(0), 2), rewritten(article(1), 3), article(7)):
        assert restored.add("probe", probe) == added.add("probe", probe)
    assert restored.add("again", rewritten(article(1), 4)) == "a1"


def test_signature_is_compact_and_deterministic() -> None:
    options = LshOptions(num_perm=64)
    data = signature(article(1), options)
    assert len(data) == 13 + 4 * 64
    assert data == signature(article(1), options)


@given(st.text(max_size=300))
def test_signature_round_trip(text: str) -> None:
    options = LshOptions()
    size, digest = decode_signature(signature(text, options), options)
    assert size == len(word_shingles(text, options.shingle_words))
    assert len(digest) == options.num_perm
    if size:
        assert estimated_containment((size, digest), (size, digest)) == 1.0


@pytest.mark.parametrize(
    ("data", "options"),
    [
        (b"xx", LshOptions()),
        (b"XX" + signature("some text here", LshOptions())[2:], LshOptions()),
        (signature("some text here", LshOptions()), LshOptions(num_perm=64)),
        (signature("some text here", LshOptions())[:-4], LshOptions()),
    ],
    ids=["short", "magic", "options", "truncated"],
)
def test_bad_signatures_are_refused(data: bytes, options: LshOptions) -> None:
    with pytest.raises(SignatureError):
        decode_signature(data, options)


def test_add_needs_text_or_signature() -> None:
    with pytest.raises(ValueError, match="a1"):
        NearDuplicateIndex().add("a1")


def test_earliest_of_equal_originals_wins() -> None:
    index = NearDuplicateIndex()
    index.add("first", article(5))
    index.add("second", article(5))
    assert index.add("third", article(5)) == "first"
