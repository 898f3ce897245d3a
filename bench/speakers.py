"""Who 'he', 'she', 'the campaign' and 'the senator' are: speakers newsprism resolves, against labels
made by reading.

    python bench/speakers.py

Two sets of quotes of PolNeAR texts, each half from train and half from dev, sampled at random on
2026-12-05 among the quotes newsprism then found:

* ``bench/data/pronouns.jsonl``: 140 speakers 'he' or 'she' (seed 7);
* ``bench/data/titles.jsonl``: 122 speakers that newsprism then resolved as a description ('the
  campaign', 'a source', 'the former secretary of state'; seed 11; dev has 52 in all, every one taken).

A separate assistant session labelled each with the person or organisation it refers to, reading the
1,500 characters before it and never newsprism's answer, or with none where the text does not name
it ('a source'). The rules were made on the train halves; the dev halves were looked at only as
totals, for a few versions of the rules, the last of which shipped.

A resolution is right when the last word of its name (titles aside) is one of the label's words or
the other way round ('Bill' for Bill Clinton; titles and words such as 'campaign' aside, so the Clinton
campaign is not the Sanders campaign), and for a label of none when newsprism leaves the
speaker as written. 'As written' counts speakers left unnamed that the text does name; 'wrong', a name
given that is not the one, the harm a reader cannot see. A quote the extraction no longer finds at
that place counts as 'not found'. Prints a table and writes bench/results/speakers.json.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

from rich.console import Console
from rich.table import Table

from machine import machine

ROOT = Path(__file__).resolve().parent.parent
SETS = {"pronouns": ROOT / "bench" / "data" / "pronouns.jsonl", "titles": ROOT / "bench" / "data" / "titles.jsonl"}
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "senator", "secretary"})
_NAMING = frozenset({"named", "pronoun", "title"})
# Whose body it is names it: 'the Clinton campaign' is not 'the Sanders campaign' for sharing 'campaign'.
_BODIES = frozenset({"campaign", "administration", "government", "board", "party", "team", "court", "committee"})


def last_word(name: str) -> str:
    words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", name) if w.lower() not in _TITLES | _BODIES]
    return words[-1].lower().removesuffix("’s").removesuffix("'s") if words else ""


def words(name: str) -> set[str]:
    return {w.lower().removesuffix("’s").removesuffix("'s") for w in re.findall(r"[^\W\d_][\w'’-]*", name)}


def judged(name: str | None, resolution: str | None, referent: str | None) -> str:
    """One resolved speaker against its label (None: the text does not name it): 'right'; 'as written'
    where we name nobody but the text does; 'wrong' where we name someone else, or anyone for none."""
    if resolution not in _NAMING or not name:
        return "right" if referent is None else "as written"
    if referent is None:
        return "wrong"
    # 'Bill' for Bill Clinton, 'Valeant' for Valeant Pharmaceuticals International: the same one.
    return "right" if last_word(name) in words(referent) or last_word(referent) in words(name) else "wrong"


def main() -> None:
    from newsprism.extract import attribute_article
    from newsprism.model import Article, ParsedArticle
    from newsprism.nlp import load_spacy

    nlp = load_spacy()
    resolved: dict[tuple[str, str], dict[int, tuple[str | None, str | None]]] = {}
    tally: Counter[tuple[str, str, str]] = Counter()
    for name, path in SETS.items():
        for line in path.read_text(encoding="utf-8").splitlines():
            label = json.loads(line)
            key = (label["polnear_split"], label["document"])
            if key not in resolved:
                text = (POLNEAR / key[0] / "text" / f"{key[1]}.txt").read_text(encoding="utf-8")
                article = ParsedArticle(article=Article(id=key[1], source="polnear", text=text), sentences=[])
                resolved[key] = {
                    q.speaker.start: (q.speaker_name, q.resolution)
                    for q in attribute_article(article, nlp=nlp)
                    if q.speaker is not None
                }
            found = resolved[key].get(label["start"])
            outcome = "not found" if found is None else judged(*found, label["referent"])
            tally[(name, label["polnear_split"], outcome)] += 1
    figures: dict[str, object] = {}
    table = Table(title="speakers resolved to the one a reader names")
    for column in ("set", "half", "right", "as written", "wrong", "not found", "accuracy"):
        table.add_column(column, justify="right")
    for name in SETS:
        for half in ("train", "dev"):
            right, unnamed, wrong, missing = (
                tally[(name, half, outcome)] for outcome in ("right", "as written", "wrong", "not found")
            )
            total = right + unnamed + wrong + missing
            figures[f"{name}/{half}"] = {
                "right": right,
                "as_written": unnamed,
                "wrong": wrong,
                "not_found": missing,
                "accuracy": round(right / total, 4),
            }
            table.add_row(name, half, str(right), str(unnamed), str(wrong), str(missing), f"{right / total:.3f}")
    Console().print(table)
    figures["machine"] = machine()
    out = ROOT / "bench" / "results" / "speakers.json"
    out.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
