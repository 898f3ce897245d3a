"""Who 'he' and 'she' are: pronoun speakers resolved by newsprism against labels made by reading.

    python bench/pronouns.py

``bench/data/pronouns.jsonl`` holds 140 quotes of PolNeAR texts (70 of train, 70 of dev) whose speaker
newsprism found as 'he' or 'she', sampled at random (seed 7) on 2026-12-05. A separate assistant
session labelled each with the person it refers to, reading the 1,500 characters before it, never
newsprism's answer; it marked one label of the 140 uncertain. The rule that a pronoun may take the
last main-clause subject (``speakers._antecedent``) was made on the train half; the dev half was
looked at only as totals, for four versions of it, the last of which shipped.

A resolution is right when its name and the label end in the same surname (titles aside). A quote the
extraction no longer finds at that pronoun counts as 'not found'. Prints a table and writes
bench/results/pronouns.json.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench" / "data" / "pronouns.jsonl"
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "senator", "secretary"})


def surname(name: str) -> str:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", name) if w.lower() not in _TITLES]
    return words[-1].lower().removesuffix("’s").removesuffix("'s") if words else ""


def same_person(ours: str | None, label: str) -> bool:
    return bool(ours) and surname(ours or "") == surname(label)


def main() -> None:
    from newsprism.extract import attribute_article
    from newsprism.model import Article, ParsedArticle
    from newsprism.nlp import load_spacy

    nlp = load_spacy()
    labels = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    speakers: dict[tuple[str, str], dict[int, str | None]] = {}
    tally: Counter[tuple[str, str]] = Counter()
    for label in labels:
        key = (label["polnear_split"], label["document"])
        if key not in speakers:
            text = (POLNEAR / key[0] / "text" / f"{key[1]}.txt").read_text(encoding="utf-8")
            article = ParsedArticle(article=Article(id=key[1], source="polnear", text=text), sentences=[])
            quotes = attribute_article(article, nlp=nlp)
            speakers[key] = {q.speaker.start: q.speaker_name for q in quotes if q.speaker is not None}
        found = speakers[key]
        if label["pronoun_start"] not in found:
            outcome = "not found"
        else:
            outcome = "right" if same_person(found[label["pronoun_start"]], label["speaker"]) else "wrong"
        tally[(label["polnear_split"], outcome)] += 1
    figures = {}
    table = Table(title="pronoun speakers resolved to the person a reader names")
    for column in ("half", "right", "wrong", "not found", "accuracy"):
        table.add_column(column, justify="right")
    for half in ("train", "dev"):
        right, wrong, missing = (tally[(half, outcome)] for outcome in ("right", "wrong", "not found"))
        total = right + wrong + missing
        figures[half] = {"right": right, "wrong": wrong, "not_found": missing, "accuracy": round(right / total, 4)}
        table.add_row(half, str(right), str(wrong), str(missing), f"{right / total:.3f}")
    Console().print(table)
    out = ROOT / "bench" / "results" / "pronouns.json"
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
