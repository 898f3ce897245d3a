"""Where the source+content pairs of a PolNeAR run go wrong: each missed gold pair and each unmatched
prediction put in one kind, so a change to the extraction can be aimed at the largest kind and checked
against it.

Pairs are the overlap-matched pairs of ``newsprism eval polnear`` (``matched_pairs``). A missed gold pair is:

* ``no_cue``: none of our attributions has a cue sharing characters with its cue (or it has no cue);
* ``cue_inside_ours``: as ``no_cue``, but its cue lies inside the content of one of ours, which took it in;
* ``speaker_differs`` / ``content_differs`` / ``both_differ``: ours at its cue has another speaker, content
  or both;
* ``taken``: ours at its cue overlaps it, but the one-to-one matching gave ours to another gold pair.

An unmatched prediction is:

* ``nothing_near``: neither its speaker nor its content shares characters with any gold pair;
* ``at_a_gold_cue``: its cue shares characters with a gold cue, but its speaker or content does not;
* ``overlaps_one_part``: its speaker or its content overlaps a gold pair's, not both of one pair's;
* ``taken``: it overlaps a gold pair that the matching gave to another of ours.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence

from newsprism.eval.polnear import Attribution, Pair, Spans, matched_pairs, shared_characters
from newsprism.eval.report import Figures

MISSED = ("no_cue", "cue_inside_ours", "speaker_differs", "content_differs", "both_differ", "taken")
EXTRA = ("nothing_near", "at_a_gold_cue", "overlaps_one_part", "taken")


def _pairs_with_cues(attributions: Sequence[Attribution]) -> tuple[list[Pair], dict[Pair, list[Spans]]]:
    """The distinct (source, content) pairs, as scoring counts them, and the cues each pair was given."""
    cues: dict[Pair, list[Spans]] = defaultdict(list)
    for attribution in attributions:
        if attribution.source and attribution.content:
            pair = (attribution.source, attribution.content)
            if attribution.cue:
                cues[pair].append(attribution.cue)
            else:
                cues.setdefault(pair, [])
    return sorted(cues), cues


def _inside(cue: Spans, content: Spans) -> bool:
    return any(start <= cue[0][0] and cue[-1][1] <= end for start, end in content)


def _cues_meet(first: Sequence[Spans], second: Sequence[Spans]) -> bool:
    return any(shared_characters(a, b) for a in first for b in second)


def pair_misses(predicted: Sequence[Attribution], gold: Sequence[Attribution]) -> tuple[Counter[str], Counter[str]]:
    """Kinds of the missed gold pairs and of the unmatched predicted pairs of one document, one annotator."""
    return _kinds(_pairs_with_cues(predicted), _pairs_with_cues(gold))


def _kinds(
    predicted: tuple[list[Pair], dict[Pair, list[Spans]]], gold: tuple[list[Pair], dict[Pair, list[Spans]]]
) -> tuple[Counter[str], Counter[str]]:
    ours, our_cues = predicted
    theirs, their_cues = gold
    used_ours, used_theirs = matched_pairs(ours, theirs)
    missed: Counter[str] = Counter()
    for j, pair in enumerate(theirs):
        if j in used_theirs:
            continue
        at_cue = [p for p in ours if _cues_meet(our_cues[p], their_cues[pair])]
        if not at_cue:
            cue_taken_in = any(_inside(cue, p[1]) for cue in their_cues[pair] for p in ours)
            missed["cue_inside_ours" if cue_taken_in else "no_cue"] += 1
            continue
        speaker = any(shared_characters(p[0], pair[0]) for p in at_cue)
        content = any(shared_characters(p[1], pair[1]) for p in at_cue)
        both = any(shared_characters(p[0], pair[0]) and shared_characters(p[1], pair[1]) for p in at_cue)
        kind = "taken" if both else "content_differs" if speaker else "speaker_differs" if content else "both_differ"
        missed[kind] += 1
    extra: Counter[str] = Counter()
    for i, pair in enumerate(ours):
        if i in used_ours:
            continue
        same_speaker = [g for g in theirs if shared_characters(pair[0], g[0])]
        same_content = [g for g in theirs if shared_characters(pair[1], g[1])]
        if any(g in same_content for g in same_speaker):
            extra["taken"] += 1
        elif any(_cues_meet(our_cues[pair], their_cues[g]) for g in theirs):
            extra["at_a_gold_cue"] += 1
        else:
            extra["overlaps_one_part" if same_speaker or same_content else "nothing_near"] += 1
    return missed, extra


def miss_figures(missed: Mapping[str, float], extra: Mapping[str, float], gold: float, predicted: float) -> Figures:
    """Each kind of miss as a share of the gold pairs, each kind of extra as a share of our pairs.

    The shares of ``missed`` add up to one less the pair recall, those of ``extra`` to one less the precision.
    """
    return {
        "missed": {kind: round(missed.get(kind, 0) / gold, 4) if gold else 0.0 for kind in MISSED},
        "extra": {kind: round(extra.get(kind, 0) / predicted, 4) if predicted else 0.0 for kind in EXTRA},
    }


class MissTally:
    """Weighted kinds of misses and extras over many documents, weighted as the scores are."""

    def __init__(self) -> None:
        self.missed: dict[str, float] = defaultdict(float)
        self.extra: dict[str, float] = defaultdict(float)
        self.gold = 0.0
        self.predicted = 0.0

    def add(self, predicted: Sequence[Attribution], gold: Sequence[Attribution], weight: float) -> None:
        ours, theirs = _pairs_with_cues(predicted), _pairs_with_cues(gold)
        missed, extra = _kinds(ours, theirs)
        for kind, count in missed.items():
            self.missed[kind] += weight * count
        for kind, count in extra.items():
            self.extra[kind] += weight * count
        self.gold += weight * len(theirs[0])
        self.predicted += weight * len(ours[0])

    def figures(self) -> Figures:
        return miss_figures(self.missed, self.extra, self.gold, self.predicted)
