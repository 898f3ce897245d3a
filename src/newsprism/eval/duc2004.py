"""DUC 2004 task 2: 100-word summaries of clusters of 10 news articles, scored with ROUGE-1.5.5 beside 13 peers.

Data: ``duc2004-dev.jsonl`` (see the shared data README), one cluster per line with its documents,
four human references and the published peers' summaries (Hong et al. 2014).
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsprism.brief.summarize import Candidate, SummaryOptions, select_summary
from newsprism.eval.jsonl import read_records
from newsprism.eval.report import EvalReport
from newsprism.eval.rouge import RougeOptions, score_systems
from newsprism.model import Article, content_id

if TYPE_CHECKING:
    from spacy.language import Language

# Wire copy of the 1990s: "MUNICH, Germany (AP) _ U.S. prosecutors..." or "WASHINGTON _ The..."
_DATELINE = re.compile(r"^[A-Z][A-Za-z .,'-]{0,60}?(?:\([A-Za-z ]{1,20}\) )?[_-]{1,2} ")
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t]*")
_TYPEWRITER_DASH = re.compile(r" _ ")
_SENTENCE_PIPES = ("tok2vec", "parser", "senter", "sentencizer")


@dataclass(frozen=True)
class Cluster:
    """One DUC topic: its documents, the human references and the peers' summaries."""

    name: str
    docs: list[str]
    references: list[str]
    peers: dict[str, str]


def load_clusters(path: Path) -> list[Cluster]:
    """Read the clusters of a DUC 2004 JSON-lines file."""
    return read_records(path, "DUC 2004 cluster", _cluster)


def _cluster(row: dict[str, Any]) -> Cluster:
    return Cluster(
        name=str(row["cluster"]),
        docs=[str(doc["text"]) for doc in row["docs"]],
        references=[str(ref) for ref in row["references"]],
        peers={str(name): str(text) for name, text in row.get("peers", {}).items()},
    )


def normalize_wire_text(text: str) -> str:
    """Undo the typewriter conventions of the DUC wire texts: hard wraps, ``quotes'', ``_`` dashes, datelines."""
    text = _LINE_BREAK.sub(" ", text.strip())
    text = text.replace("``", "\u201c").replace("''", "\u201d")
    text = _DATELINE.sub("", text, count=1)
    return _TYPEWRITER_DASH.sub(" \u2014 ", text)


def split_clusters(clusters: Sequence[Cluster], nlp: Language) -> list[list[Candidate]]:
    """Candidates (sentences) of every cluster, split by spaCy's parser in one batched pass."""
    from newsprism.nlp import analyze_articles

    articles = []
    owners = []  # (cluster index, document index) of each article
    for number, cluster in enumerate(clusters):
        for doc, raw in enumerate(cluster.docs):
            text = normalize_wire_text(raw)
            articles.append(Article(id=content_id(text) + f"-{number}-{doc}", source=f"D{doc}", text=text))
            owners.append((number, doc))
    # Sentence boundaries come from the parser (or a senter); tagging, lemmas and entities would only cost time.
    needed = [name for name in nlp.pipe_names if name in _SENTENCE_PIPES]
    with nlp.select_pipes(enable=needed):
        parsed = analyze_articles(articles, nlp)
    candidates: list[list[Candidate]] = [[] for _ in clusters]
    for (number, doc), article in zip(owners, parsed, strict=True):
        for sentence in article.sentences:
            candidates[number].append(Candidate(doc=doc, position=sentence.index, text=sentence.text))
    return candidates


def run_duc2004(
    path: Path,
    out_dir: Path | None = None,
    options: SummaryOptions | None = None,
    nlp: Language | None = None,
    use_embeddings: bool = False,
) -> EvalReport:
    """Summarize every cluster in 100 words and score ours and all peers with ROUGE-1.5.5 in one run.

    With ``out_dir``, our summaries are written to ``out_dir/<cluster>.txt``, one sentence a line.
    ``use_embeddings`` passes MiniLM vectors to the summarizer for its paraphrase check; on the dev clusters
    they changed nothing worth their cost (about four minutes on two cores), so they are off by default.
    """
    from newsprism.nlp import load_encoder, load_spacy

    options = options or SummaryOptions()
    started = time.monotonic()
    clusters = load_clusters(path)
    candidates = split_clusters(clusters, nlp or load_spacy())
    encoder = load_encoder() if use_embeddings else None
    summaries = []
    for cluster_candidates in candidates:
        embeddings = encoder.encode([c.text for c in cluster_candidates]) if encoder else None
        chosen = select_summary(cluster_candidates, options, embeddings=embeddings)
        summaries.append("\n".join(cluster_candidates[i].text for i in chosen))
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
        for cluster, summary in zip(clusters, summaries, strict=True):
            (out_dir / f"{cluster.name}.txt").write_text(summary + "\n", encoding="utf-8")
    peer_names = sorted({name for cluster in clusters for name in cluster.peers})
    systems: dict[str, list[str]] = {"ours": summaries}
    for name in peer_names:
        systems[name] = [cluster.peers.get(name, "") for cluster in clusters]
    rouge = RougeOptions(rouge_n_max=2, stemming=True, word_limit=options.word_budget)
    scores = score_systems(systems, [cluster.references for cluster in clusters], rouge)
    elapsed = time.monotonic() - started
    return EvalReport(
        title=f"DUC 2004 task 2 ({len(clusters)} clusters): ROUGE-1.5.5 recall, {options.word_budget} words, stemmed",
        ours=scores["ours"],
        peers={name: scores[name] for name in peer_names},
        notes=[
            f"data: {path}",
            "scorer: ROUGE-1.5.5 -n 2 -m -l 100 -f A, all systems in one run",
            f"summarizer: {options}",
            f"run time: {elapsed:.0f} s",
        ],
    )
