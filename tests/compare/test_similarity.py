"""Word-overlap matrices: the same figures a pair-by-pair loop gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsprism.compare.similarity import dice_matrix, lexical_matrix, shared_counts

_BAGS = st.lists(st.frozensets(st.sampled_from("abcdefgh"), max_size=5), max_size=8)


@given(_BAGS)
def test_shared_counts_count_the_words_each_pair_shares(bags: list[frozenset[str]]) -> None:
    shared = shared_counts(bags)
    for i, first in enumerate(bags):
        for j, second in enumerate(bags):
            assert shared[i, j] == len(first & second)


@given(_BAGS)
def test_dice_matrix_is_the_pairwise_dice_overlap(bags: list[frozenset[str]]) -> None:
    dice = dice_matrix(bags)
    for i, first in enumerate(bags):
        for j, second in enumerate(bags):
            expected = 2 * len(first & second) / (len(first) + len(second)) if first and second else 0.0
            assert dice[i, j] == expected


def test_lexical_overlap_ignores_stop_words_and_case() -> None:
    matrix = lexical_matrix(["The troops returned to base", "troops RETURNED", "Nothing here"])
    assert matrix[0, 1] == 2 * 2 / (3 + 2)  # troops, returned; base only in the first
    assert matrix[0, 2] == 0.0
    assert matrix[1, 1] == 1.0
