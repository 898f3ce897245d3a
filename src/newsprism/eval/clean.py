"""The clean stage: does it remove only boilerplate, and keep the article?

Two data sets (see the shared data README):

- ``seeds/``: five raw articles; the gold is a hand annotation of their boilerplate lines
  (``gold/seeds_boilerplate.json``, file name -> exact text of every boilerplate line).
- ``aeb-dev/``: the Zyte article-extraction benchmark; each page is extracted with trafilatura
  (``newsprism.ingest.parse_html``), then cleaned, and compared with the ground-truth article body.

Figures: removed-line precision (share of removed lines that are boilerplate), kept-text recall
(share of the real article's words still there after cleaning; on aeb, of the ground-truth words
the extraction found, summed over pages) and, on aeb, the bag-of-words token
precision/recall/F1 of the text before and after cleaning (words are ``\\w+``, lower case, as in the
Zyte benchmark, but unigrams rather than its 4-gram shingles; averaged over pages).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from statistics import mean
from typing import Any

from newsprism.clean import CleanOptions, clean_articles, split_lines
from newsprism.errors import EvaluationError, InputError
from newsprism.eval.report import EvalReport, Figures
from newsprism.ingest.decode import decode_bytes
from newsprism.ingest.html import HtmlOptions, parse_html
from newsprism.ingest.raw import RawArticle
from newsprism.ingest.text import parse_plain_text
from newsprism.model import Article

_TOKEN = re.compile(r"\w+")
_BULLET = re.compile(r"^\s*(?:[-*•·–—]|\d+[.)])\s+")
_SHINGLE = 3
# A removed line is a false removal when at least this share of its word 3-grams is in the gold body.
_MOSTLY_CONTAINED = 0.5
_SEED_GOLD = "seeds_boilerplate.json"


@dataclass(frozen=True)
class PageScore:
    """Token precision/recall/F1 of one text against its gold text."""

    precision: float
    recall: float
    f1: float


def run_clean_eval(
    seeds_dir: Path,
    aeb_dir: Path | None,
    *,
    seeds_gold: Path | None = None,
    options: CleanOptions | None = None,
) -> EvalReport:
    """Score the clean stage on the seeds (hand-annotated) and, when given, on aeb-dev (ground-truth bodies)."""
    options = options or CleanOptions()
    ours: Figures = {"seeds": score_seeds(seeds_dir, load_seed_gold(seeds_gold), options)}
    peers: dict[str, Figures] = {}
    notes = [
        "removed_precision: share of removed lines that are boilerplate; kept_recall: share of the real text kept.",
        "seeds: gold is a hand annotation of boilerplate lines; boilerplate_recall: share of those removed.",
    ]
    if aeb_dir is not None:
        pages = load_aeb(aeb_dir)
        for favor_recall in (True, False):
            figures, alone = score_aeb(pages, HtmlOptions(favor_recall=favor_recall), options)
            mode = "favor_recall" if favor_recall else "default (favor_recall=False)"
            if favor_recall == HtmlOptions().favor_recall:
                ours["aeb"] = figures
                peers["trafilatura alone"] = {"aeb": alone}
            else:
                peers[f"trafilatura {mode} + clean"] = {"aeb": figures}
                peers[f"trafilatura {mode} alone"] = {"aeb": alone}
        notes += [
            f"aeb: {len(pages)} pages, extracted with newsprism.ingest.parse_html (favor_recall="
            f"{HtmlOptions().favor_recall} for ours), cleaned as one batch; a removed line is a false removal when "
            f"{_MOSTLY_CONTAINED:.0%} of its word 3-grams are in the ground-truth body.",
            "aeb precision/recall/f1: bag of lower-case \\w+ tokens against the ground-truth body, mean over pages; "
            "a page with no extraction scores 0.",
        ]
    return EvalReport(title="clean: boilerplate removal", ours=ours, peers=peers, notes=notes)


def load_seed_gold(path: Path | None = None) -> dict[str, list[str]]:
    """The hand annotation: file name -> boilerplate lines (the packaged one unless ``path`` is given)."""
    try:
        if path is None:
            text = resources.files("newsprism.eval").joinpath("gold", _SEED_GOLD).read_text("utf-8")
        else:
            text = path.read_text("utf-8")
        data = json.loads(text)
    except (OSError, json.JSONDecodeError) as error:
        raise EvaluationError(f"{path or _SEED_GOLD}: cannot read the boilerplate annotation ({error})") from error
    return {name: [str(line) for line in lines] for name, lines in data.items() if not name.startswith("_")}


def score_seeds(seeds_dir: Path, gold: Mapping[str, Sequence[str]], options: CleanOptions) -> Figures:
    """Removed-line precision, boilerplate recall and kept-text recall on hand-annotated raw text files."""
    files = sorted(seeds_dir.glob("*.txt"))
    if not files:
        raise EvaluationError(f"{seeds_dir}: no seed articles (.txt) found")
    missing = [file.name for file in files if file.name not in gold]
    if missing:
        raise EvaluationError(f"{seeds_dir}: no boilerplate annotation for {', '.join(missing)}")
    raws = [_read_seed(file) for file in files]
    true_removed = removed = boilerplate = boilerplate_removed = 0
    real_tokens = kept_tokens = 0
    for file, raw, article in zip(files, raws, clean_articles(raws, options), strict=True):
        marked = {_squash(line) for line in gold[file.name]}
        removed_numbers = {line.line for line in article.removed}
        removed += len(removed_numbers)
        true_removed += sum(_squash(line.text) in marked for line in article.removed)
        for number, line in enumerate(split_lines(raw.text)):
            if not line.strip():
                continue
            if _squash(line) in marked:
                boilerplate += 1
                boilerplate_removed += number in removed_numbers
            else:
                count = len(_tokens(line))
                real_tokens += count
                kept_tokens += 0 if number in removed_numbers else count
    return {
        "removed_precision": _ratio(true_removed, removed),
        "boilerplate_recall": _ratio(boilerplate_removed, boilerplate),
        "kept_recall": _ratio(kept_tokens, real_tokens),
        "removed_lines": removed,
    }


def _read_seed(file: Path) -> RawArticle:
    try:
        text = decode_bytes(file.read_bytes(), str(file)).text
        return parse_plain_text(text, str(file), file.stem)
    except (OSError, InputError) as error:
        raise EvaluationError(f"{file}: cannot read seed article ({error})") from error


@dataclass(frozen=True)
class AebPage:
    """One benchmark page: its HTML, URL and ground-truth article body."""

    key: str
    html: str
    url: str | None
    body: str


def load_aeb(aeb_dir: Path) -> list[AebPage]:
    """Read ``ground-truth.json`` and the gzipped pages it names."""
    truth_file = aeb_dir / "ground-truth.json"
    try:
        truth: dict[str, Any] = json.loads(truth_file.read_text("utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise EvaluationError(f"{truth_file}: cannot read the aeb ground truth ({error})") from error
    pages = []
    for key, record in sorted(truth.items()):
        page_file = aeb_dir / "html" / f"{key}.html.gz"
        try:
            html = decode_bytes(gzip.decompress(page_file.read_bytes()), str(page_file)).text
        except (OSError, EOFError, gzip.BadGzipFile, InputError) as error:
            raise EvaluationError(f"{page_file}: cannot read benchmark page ({error})") from error
        pages.append(AebPage(key=key, html=html, url=record.get("url"), body=str(record.get("articleBody") or "")))
    if not pages:
        raise EvaluationError(f"{truth_file}: no pages")
    return pages


def score_aeb(pages: Sequence[AebPage], html: HtmlOptions, options: CleanOptions) -> tuple[Figures, Figures]:
    """Figures after cleaning, and the extraction's own (trafilatura alone), on the benchmark pages."""
    raws: list[RawArticle] = []
    extracted: list[tuple[AebPage, int]] = []
    for page in pages:
        try:
            raws.append(parse_html(page.html, page.key, page.key, url=page.url, options=html))
        except InputError:
            continue  # scored as an empty extraction below
        extracted.append((page, len(raws) - 1))
    articles = clean_articles(raws, options)
    by_key: dict[str, tuple[RawArticle, Article]] = {
        page.key: (raws[index], articles[index]) for page, index in extracted
    }
    before, after = [], []
    true_removed = removed = found_tokens = kept_tokens = 0
    for page in pages:
        raw_text, clean_text = "", ""
        if page.key in by_key:
            raw, article = by_key[page.key]
            raw_text, clean_text = raw.text, article.text
            body_shingles = _shingles(_tokens(page.body))
            for line in article.removed:
                removed += 1
                true_removed += not _mostly_contained(line.text, body_shingles, page.body)
        before.append(score_tokens(raw_text, page.body))
        after.append(score_tokens(clean_text, page.body))
        found_tokens += _common_tokens(raw_text, page.body)
        kept_tokens += _common_tokens(clean_text, page.body)
    alone = _means(before)
    figures: Figures = {
        "removed_precision": _ratio(true_removed, removed),
        "kept_recall": _ratio(kept_tokens, found_tokens),
        "removed_lines": removed,
        **_means(after),
    }
    alone["failed_pages"] = len(pages) - len(extracted)
    return figures, alone


def score_tokens(text: str, gold: str) -> PageScore:
    """Bag-of-words precision, recall and F1 of ``text`` against ``gold``."""
    predicted, expected = Counter(_tokens(text)), Counter(_tokens(gold))
    common = sum((predicted & expected).values())
    precision = common / sum(predicted.values()) if predicted else 0.0
    recall = common / sum(expected.values()) if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PageScore(precision, recall, f1)


def _common_tokens(text: str, gold: str) -> int:
    return sum((Counter(_tokens(text)) & Counter(_tokens(gold))).values())


def _means(scores: Sequence[PageScore]) -> dict[str, Any]:
    return {
        "precision": mean(score.precision for score in scores),
        "recall": mean(score.recall for score in scores),
        "f1": mean(score.f1 for score in scores),
    }


def _mostly_contained(line: str, body_shingles: set[tuple[str, ...]], body: str) -> bool:
    # Lists lose their bullets in the ground truth; short lines must appear word for word.
    tokens = _tokens(_BULLET.sub("", line))
    if not tokens:
        return False
    if len(tokens) < _SHINGLE:
        return f" {' '.join(tokens)} " in f" {' '.join(_tokens(body))} "
    shingles = [tuple(tokens[i : i + _SHINGLE]) for i in range(len(tokens) - _SHINGLE + 1)]
    return sum(shingle in body_shingles for shingle in shingles) / len(shingles) >= _MOSTLY_CONTAINED


def _shingles(tokens: Sequence[str]) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + _SHINGLE]) for i in range(len(tokens) - _SHINGLE + 1)}


def _squash(line: str) -> str:
    # Pages use no-break spaces where the annotation has plain ones.
    return " ".join(line.split())


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _ratio(part: int, whole: int) -> float | None:
    return part / whole if whole else None
