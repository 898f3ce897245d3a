"""PolNeAR: attribution extraction scored against brat gold, ours beside a quote-marks-and-'said' baseline.

Data: ``polnear/{train,dev}/text/NAME.txt`` with ``attributions/NAME_ANNOTATOR.ann`` (see the shared
data README). Each attribution (``E`` line) gives a source, a cue and a content span; spans may be
discontinuous. We score source spans, content spans and (source, content) pairs:

* exact: the same characters, white space aside (a discontinuous gold span must be matched piece for piece);
* overlap: at least one character in common (pairs: both the source and the content overlap).

Gold and predicted items are de-duplicated per document and matched one-to-one, greedily by the
number of shared characters, so a gold item counts at most once. A document annotated twice is
scored against each annotator and weighted 1/2 per annotator: figures average over annotators.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import permutations
from pathlib import Path
from typing import TYPE_CHECKING

from newsprism.errors import EvaluationError
from newsprism.eval.report import EvalReport
from newsprism.extract import Quote, attribute_article
from newsprism.extract.quotes.article import ParsedParagraph, parse_paragraphs
from newsprism.extract.quotes.cues import CueLexicon
from newsprism.model import Article, ParsedArticle

if TYPE_CHECKING:
    from spacy.language import Language

Spans = tuple[tuple[int, int], ...]
_BRAT_ID = re.compile(r"^[TERAMN#]\d+$")
Pair = tuple[Spans, Spans]
TASKS = ("source", "content", "pair")
MATCHES = ("exact", "overlap")

# The baseline: a quotation next to '<Name> said', or '<Name> said that ...'.
_NAME = r"(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w.’'-]*|[Hh]e|[Ss]he|[Tt]hey"
_CUE = r"said|says|added|told|wrote"
_QUOTE_FIRST = re.compile(rf"(?P<content>[“\"][^”\"\n]{{3,}}[”\"])\s*,?\s*(?P<source>{_NAME})\s+(?P<cue>{_CUE})\b")
_SOURCE_FIRST = re.compile(
    rf"\b(?P<source>{_NAME})\s+(?P<cue>{_CUE})\b[,:]?\s*(?P<content>[“\"][^”\"\n]{{3,}}[”\"]|that [^.\n]+)"
)


@dataclass(frozen=True)
class Attribution:
    """One attribution as character spans of its document; None where the annotation has no such part."""

    source: Spans | None
    cue: Spans | None
    content: Spans | None


@dataclass
class Counts:
    """Matched, predicted and gold items, weighted by 1/annotators of their document."""

    matched: float = 0.0
    predicted: float = 0.0
    gold: float = 0.0

    def figures(self) -> dict[str, float]:
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def read_ann(path: Path) -> list[Attribution]:
    """The attributions of a brat ``.ann`` file."""
    spans: dict[str, tuple[str, Spans]] = {}
    events: list[dict[str, str]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split("\t")
        if not _BRAT_ID.match(fields[0]):
            continue  # the rest of a span text that held a line break
        try:
            if line.startswith("T"):
                kind, _, ranges = fields[1].partition(" ")
                pieces = tuple((int(start), int(end)) for start, end in (piece.split() for piece in ranges.split(";")))
                spans[fields[0]] = (kind, pieces)
            elif line.startswith("E"):
                events.append(dict(arg.split(":", 1) for arg in fields[1].split()))
        except (IndexError, ValueError) as error:
            raise EvaluationError(f"{path}:{number}: not a brat line: {line!r}") from error

    def part(event: dict[str, str], role: str) -> Spans | None:
        found = spans.get(event.get(role, ""))
        return found[1] if found else None

    return [Attribution(part(e, "Source"), part(e, "Cue"), part(e, "Content")) for e in events]


def from_quote(quote: Quote) -> Attribution:
    """A predicted attribution from one of our quotes."""
    source = ((quote.speaker.start, quote.speaker.end),) if quote.speaker else None
    return Attribution(source, ((quote.cue.start, quote.cue.end),), tuple((c.start, c.end) for c in quote.content))


def predict(
    name: str, text: str, docs: Sequence[ParsedParagraph], lexicon: CueLexicon | None = None
) -> list[Attribution]:
    """Our attributions of one document from its parsed paragraphs (``lexicon``: the shipped one by default)."""
    article = ParsedArticle(article=Article(id=name, source="polnear", text=text), sentences=[])
    return [from_quote(quote) for quote in attribute_article(article, docs=docs, lexicon=lexicon)]


def baseline(text: str) -> list[Attribution]:
    """Quotation marks or a 'that' clause beside a capitalised name (or he/she/they) and 'said'."""
    found = []
    for pattern in (_QUOTE_FIRST, _SOURCE_FIRST):
        for match in pattern.finditer(text):
            found.append(Attribution((match.span("source"),), (match.span("cue"),), (match.span("content"),)))
    return found


def _chars(spans: Spans, text: str) -> frozenset[int]:
    return frozenset(i for start, end in spans for i in range(start, min(end, len(text))) if not text[i].isspace())


def shared_characters(first: Spans, second: Spans) -> int:
    """Characters two sets of spans have in common."""
    return sum(max(0, min(a[1], b[1]) - max(a[0], b[0])) for a in first for b in second)


def match_count(predicted: Sequence[Spans], gold: Sequence[Spans], text: str, exact: bool) -> int:
    """Items matched one-to-one: greedily by shared characters, each gold and predicted item used once."""
    if exact:
        wanted = {_chars(spans, text) for spans in gold}
        return len({_chars(spans, text) for spans in predicted} & wanted)
    candidates = sorted(
        ((shared_characters(p, g), i, j) for i, p in enumerate(predicted) for j, g in enumerate(gold)),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    for shared, i, j in candidates:
        if shared > 0 and i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return len(used_p)


def _pair_key(pair: Pair, text: str) -> tuple[frozenset[int], frozenset[int]]:
    return _chars(pair[0], text), _chars(pair[1], text)


def match_pairs(predicted: Sequence[Pair], gold: Sequence[Pair], text: str, exact: bool) -> int:
    """Pairs matched one-to-one; overlap needs both the source and the content to overlap."""
    if exact:
        return len({_pair_key(p, text) for p in predicted} & {_pair_key(g, text) for g in gold})
    return len(matched_pairs(predicted, gold)[0])


def matched_pairs(predicted: Sequence[Pair], gold: Sequence[Pair]) -> tuple[set[int], set[int]]:
    """Indices of the predicted and of the gold pairs that overlap matching pairs one-to-one."""
    candidates = sorted(
        (
            (shared_characters(p[0], g[0]) + shared_characters(p[1], g[1]), i, j)
            for i, p in enumerate(predicted)
            for j, g in enumerate(gold)
            if shared_characters(p[0], g[0]) and shared_characters(p[1], g[1])
        ),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    for _, i, j in candidates:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
    return used_p, used_g


def _items(attributions: Iterable[Attribution]) -> dict[str, list[object]]:
    sources = sorted({a.source for a in attributions if a.source})
    contents = sorted({a.content for a in attributions if a.content})
    pairs = sorted({(a.source, a.content) for a in attributions if a.source and a.content})
    return {"source": list(sources), "content": list(contents), "pair": list(pairs)}


def score_document(
    predicted: Sequence[Attribution], gold: Sequence[Attribution], text: str, weight: float, totals: dict[str, Counts]
) -> None:
    """Add one document's matches against one annotator to ``totals`` (keyed 'task/match')."""
    ours, theirs = _items(predicted), _items(gold)
    for task in TASKS:
        for how in MATCHES:
            matcher: Callable[..., int] = match_pairs if task == "pair" else match_count
            counts = totals[f"{task}/{how}"]
            counts.matched += weight * matcher(ours[task], theirs[task], text, how == "exact")
            counts.predicted += weight * len(ours[task])
            counts.gold += weight * len(theirs[task])


def score_agreement(annotators: Sequence[Sequence[Attribution]], text: str, totals: dict[str, Counts]) -> None:
    """Add how far a document's annotators agree to ``totals``: each scored against each other one, as if
    one were ours and the other gold. The document weighs 1 however many annotated it."""
    pairs = list(permutations(annotators, 2))
    for mine, theirs in pairs:
        score_document(mine, theirs, text, 1 / len(pairs), totals)


def agreement_note(people: Mapping[str, Counts], ours: Mapping[str, Counts], documents: int) -> str:
    """How far annotators agree with one another on the ``documents`` several annotated, and ours on them."""
    return (
        f"On the {documents} document(s) annotated by several people, one annotator scored against another "
        f"reaches pair F1 (overlap) {people['pair/overlap'].figures()['f1']:.4f}; ours, on those documents, "
        f"{ours['pair/overlap'].figures()['f1']:.4f}."
    )


def _figures(totals: Mapping[str, Counts]) -> dict[str, dict[str, dict[str, float]]]:
    return {task: {how: totals[f"{task}/{how}"].figures() for how in MATCHES} for task in TASKS}


def write_ann(path: Path, attributions: Sequence[Attribution], text: str) -> None:
    """Predicted attributions as a brat ``.ann`` file."""
    lines: list[str] = []
    number = 0
    for event, attribution in enumerate(attributions, 1):
        roles = []
        for role, spans in (("Source", attribution.source), ("Cue", attribution.cue), ("Content", attribution.content)):
            if not spans:
                continue
            number += 1
            ranges = ";".join(f"{start} {end}" for start, end in spans)
            words = " ".join(text[start:end] for start, end in spans).replace("\n", " ")
            lines.append(f"T{number}\t{role} {ranges}\t{words}")
            roles.append(f"{role}:T{number}")
        lines.append(f"E{event}\t{' '.join(roles)}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def run_polnear(
    split_dir: Path,
    out_dir: Path | None = None,
    nlp: Language | None = None,
    parsed: Mapping[str, Sequence[ParsedParagraph]] | None = None,
    misses: bool = False,
) -> EvalReport:
    """Score our attributions and the baseline on one PolNeAR split (``train/`` or ``dev/``).

    ``parsed`` maps a document name to its paragraphs already parsed (to reuse a cached parse). With
    ``misses``, each system's figures also say where its pairs go wrong (``polnear_misses``).
    """
    from newsprism.eval.polnear_misses import MissTally  # it builds on this module's matching

    texts = sorted((split_dir / "text").glob("*.txt"))
    if not texts:
        raise EvaluationError(f"{split_dir}: no PolNeAR texts in text/")
    if parsed is None and nlp is None:
        from newsprism.nlp import load_spacy

        nlp = load_spacy()
    annotations: dict[str, list[Path]] = defaultdict(list)
    for ann in sorted((split_dir / "attributions").glob("*.ann")):
        annotations[ann.stem.rsplit("_", 1)[0]].append(ann)
    ours: dict[str, Counts] = defaultdict(Counts)
    peer: dict[str, Counts] = defaultdict(Counts)
    our_misses, peer_misses = MissTally(), MissTally()
    # How far people agree, and ours, on the documents several people annotated: the scale for ours.
    people: dict[str, Counts] = defaultdict(Counts)
    ours_where_people_agree: dict[str, Counts] = defaultdict(Counts)
    shared_documents = 0
    if out_dir is not None:
        out_dir.mkdir(parents=True, exist_ok=True)
    for path in texts:
        gold_files = annotations.get(path.stem)
        if not gold_files:
            continue
        text = path.read_text(encoding="utf-8")
        docs = parsed[path.stem] if parsed is not None else parse_paragraphs(text, nlp)  # type: ignore[arg-type]
        predicted = predict(path.stem, text, docs)
        simple = baseline(text)
        golds = [read_ann(gold_file) for gold_file in gold_files]
        several = len(golds) > 1
        if several:
            shared_documents += 1
            score_agreement(golds, text, people)
        for gold in golds:
            score_document(predicted, gold, text, 1 / len(gold_files), ours)
            if several:
                score_document(predicted, gold, text, 1 / len(gold_files), ours_where_people_agree)
            score_document(simple, gold, text, 1 / len(gold_files), peer)
            if misses:
                our_misses.add(predicted, gold, 1 / len(gold_files))
                peer_misses.add(simple, gold, 1 / len(gold_files))
        if out_dir is not None:
            write_ann(out_dir / f"{path.stem}.ann", predicted, text)
    documents = sum(1 for path in texts if path.stem in annotations)
    ours_figures, peer_figures = _figures(ours), _figures(peer)
    notes = [agreement_note(people, ours_where_people_agree, shared_documents)] if shared_documents else []
    if misses:
        ours_figures["misses"], peer_figures["misses"] = our_misses.figures(), peer_misses.figures()
        notes.append(
            "misses.missed: kinds of missed gold pairs, as shares of the gold pairs (they add up to 1 - pair "
            "overlap recall); misses.extra: kinds of unmatched pairs of ours, as shares of ours (1 - precision)."
        )
    return EvalReport(
        title=f"PolNeAR {split_dir.name}: attribution spans (precision / recall / F1)",
        ours=ours_figures,
        peers={"quotes+said baseline": peer_figures},
        notes=[
            *notes,
            f"{documents} documents; a document annotated by n people counts each annotator at weight 1/n.",
            "exact: same characters, white space aside; overlap: any character in common (pairs: source and "
            "content both overlap); each gold item matched at most once.",
            "For scale, BBC Citron on PARC 3.0 (another corpus, overlap matching): F1 82.0 sources, 83.2 all spans.",
        ],
    )
