"""ECB+ story clustering: articles arrive in a shuffled order; B-cubed and ARI against the gold events.

Data: ``ecbplus-dev.jsonl`` (see the shared data README): news articles, one sentence a line, each
with its gold ``event``. Every topic holds two real-world events of one kind (two earthquakes, two
rehab check-ins), so topic similarity alone is not enough: names, places and numbers must separate
them. The peer is TF-IDF + agglomerative clustering (cosine, average linkage), its distance
threshold tuned on the same split, so it is an upper bound for that method here.
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from newsprism.eval.jsonl import read_records
from newsprism.eval.report import EvalReport
from newsprism.nlp.models import SentenceEncoder
from newsprism.stories import StoryClusterer, StoryInput, StoryOptions, lead_text, named_years, normalise_entity
from newsprism.stories.names import capitalised_names

_LEAD_SENTENCES = 5
_DISTANCES = tuple(round(0.5 + 0.02 * step, 2) for step in range(25))


@dataclass(frozen=True)
class EcbDocument:
    """One ECB+ article with its gold event."""

    id: str
    topic: int
    event: str
    text: str


def load_ecbplus(path: Path) -> list[EcbDocument]:
    """Read the articles of an ECB+ JSON-lines file."""
    return read_records(
        path, "ECB+", lambda row: EcbDocument(str(row["id"]), int(row["topic"]), str(row["event"]), str(row["text"]))
    )


def bcubed(predicted: Sequence[object], gold: Sequence[object]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering (labels per item) against gold labels."""
    pairs = Counter(zip(predicted, gold, strict=True))
    predicted_sizes, gold_sizes = Counter(predicted), Counter(gold)
    precision = sum(count * count / predicted_sizes[p] for (p, _), count in pairs.items()) / len(gold)
    recall = sum(count * count / gold_sizes[g] for (_, g), count in pairs.items()) / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def clustering_figures(predicted: Sequence[object], gold: Sequence[object]) -> dict[str, float]:
    """B-cubed precision/recall/F1 and adjusted Rand index, rounded for the report."""
    from sklearn.metrics import adjusted_rand_score

    precision, recall, f1 = bcubed(predicted, gold)
    ari = float(adjusted_rand_score(list(map(str, gold)), list(map(str, predicted))))
    figures = {"bcubed_precision": precision, "bcubed_recall": recall, "bcubed_f1": f1, "ari": ari}
    return {name: round(value, 4) for name, value in figures.items()}


def story_inputs(
    documents: Sequence[EcbDocument], encoder: SentenceEncoder, entities: Sequence[Iterable[str]]
) -> list[StoryInput]:
    """Clusterer inputs: one batched encoding of every lead.

    ECB+ has no title field, but its first line often is the headline, so the lead is the first lines;
    many articles open with a dateline or timestamp, so lines of fewer than four words are skipped.
    """
    leads = [lead_text("", document.text, sentences=_LEAD_SENTENCES, min_words=4) for document in documents]
    vectors = encoder.encode(leads)
    return [
        StoryInput(
            document.id,
            vector,
            frozenset(filter(None, map(normalise_entity, names))),
            None,
            named_years(document.text),
        )
        for document, vector, names in zip(documents, vectors, entities, strict=True)
    ]


def cluster_online(inputs: Sequence[StoryInput], options: StoryOptions, seed: int) -> dict[str, int]:
    """Story id of every article after feeding them in an order shuffled with ``seed``."""
    order = list(inputs)
    random.Random(seed).shuffle(order)
    clusterer = StoryClusterer(options)
    for item in order:
        clusterer.assign(item)
    return {article: story for story, members in clusterer.stories().items() for article in members}


def tfidf_agglomerative(documents: Sequence[EcbDocument]) -> tuple[dict[str, float], float]:
    """The baseline's figures at its best distance threshold on these documents, and that threshold."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform([d.text for d in documents])
    dense = np.asarray(matrix.todense())
    gold = [document.event for document in documents]
    best: tuple[dict[str, float], float] | None = None
    for distance in _DISTANCES:
        model = AgglomerativeClustering(
            n_clusters=None, metric="cosine", linkage="average", distance_threshold=distance
        )
        figures = clustering_figures(model.fit_predict(dense).tolist(), gold)
        if best is None or figures["bcubed_f1"] > best[0]["bcubed_f1"]:
            best = (figures, distance)
    assert best is not None
    return best


def run_ecbplus(
    path: Path,
    out_file: Path | None = None,
    seed: int = 13,
    encoder: SentenceEncoder | None = None,
    options: StoryOptions | None = None,
    orders: int = 20,
) -> EvalReport:
    """Cluster the ECB+ articles online in a shuffled order; score ours beside the tuned TF-IDF baseline.

    One order's F1 moves by a few points with the order, so the notes also give the spread over
    ``orders`` arrival orders (seeds 0 to ``orders - 1``, which may include ``seed``).
    """
    documents = load_ecbplus(path)
    if encoder is None:
        from newsprism.nlp import load_encoder

        encoder = load_encoder()
    options = options or StoryOptions()
    inputs = story_inputs(documents, encoder, [capitalised_names(document.text) for document in documents])
    story_of = cluster_online(inputs, options, seed)
    gold = [document.event for document in documents]
    ours = clustering_figures([story_of[document.id] for document in documents], gold)
    baseline, distance = tfidf_agglomerative(documents)
    if out_file is not None:
        with out_file.open("w", encoding="utf-8") as out:
            for document in documents:
                out.write(json.dumps({"id": document.id, "cluster": story_of[document.id]}) + "\n")
    stories = defaultdict(list)
    for article, story in story_of.items():
        stories[story].append(article)
    spread = []
    for other in range(orders):
        placed = cluster_online(inputs, options, other)
        spread.append(clustering_figures([placed[document.id] for document in documents], gold)["bcubed_f1"])
    return EvalReport(
        title=f"ECB+ story clustering: {len(documents)} articles, {len(set(gold))} gold events",
        ours=ours,
        peers={"tfidf_agglomerative": baseline},
        notes=[
            f"ours: online in an order shuffled with seed {seed}; {len(stories)} stories;"
            f" threshold {options.threshold}, merge {options.merge_threshold}, entity weight {options.entity_weight};"
            " entities: capitalised names and numbers; years named in the text; vectors: all-MiniLM-L6-v2 of the first"
            f" {_LEAD_SENTENCES} sentences of four words or more",
            f"tfidf_agglomerative: cosine, average linkage, distance threshold {distance} tuned on this split",
            *(
                [
                    f"ours over {orders} arrival orders (seeds 0-{orders - 1}): B-cubed F1 mean"
                    f" {float(np.mean(spread)):.4f}, min {min(spread):.4f}, max {max(spread):.4f}"
                ]
                if spread
                else []
            ),
        ],
    )
