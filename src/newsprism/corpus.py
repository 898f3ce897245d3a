"""The corpus pipeline: inputs of every kind in, a store kept up to date out.

read → (per batch, anywhere) clean → sentences and entities → vectors → MinHash
     → (in order, here) skip exact copies → link near-duplicates → assign stories → commit.
Each batch commits in one transaction with the inputs it completes: kill the process at any point
and a re-run resumes after the last commit, losing and duplicating nothing.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from newsprism.errors import InputError
from newsprism.ingest.raw import RawArticle
from newsprism.ingest.urls import http_client
from newsprism.model import content_id
from newsprism.store import COMPLETED, FAILED, INTERRUPTED, Store
from newsprism.store.assign import CorpusIndex
from newsprism.store.distributed import DaskOptions, map_batches
from newsprism.store.inputs import Completed, SourceOptions, SourceReader
from newsprism.store.process import LoadedModels, ModelFactory, ProcessOptions, TwinModels
from newsprism.store.progress import RunProgress, SilentProgress
from newsprism.store.records import StoredArticle

__all__ = ["CorpusOptions", "DaskOptions", "LoadedModels", "RunReport", "TwinModels", "ingest_inputs"]


@dataclass(frozen=True)
class CorpusOptions:
    """Options of a corpus run, one object per concern."""

    sources: SourceOptions = field(default_factory=SourceOptions)
    process: ProcessOptions = field(default_factory=ProcessOptions)
    batch_size: int = 64
    limit: int | None = None
    since: datetime | None = None
    dask: DaskOptions | None = None


@dataclass
class RunReport:
    """What a run did."""

    run_id: int
    added: int = 0
    duplicates: int = 0
    near_duplicates: int = 0
    older: int = 0
    resumed_inputs: int = 0
    stories_touched: set[int] = field(default_factory=set)
    failures: list[InputError] = field(default_factory=list)
    status: str = "running"

    def counts(self) -> dict[str, int]:
        """The counts recorded with the run."""
        return {
            "added": self.added,
            "duplicates": self.duplicates,
            "near_duplicates": self.near_duplicates,
            "older": self.older,
            "failures": len(self.failures),
            "resumed_inputs": self.resumed_inputs,
            "stories": len(self.stories_touched),
        }


@dataclass
class _Batch:
    raw: list[RawArticle] = field(default_factory=list)
    completed: list[str] = field(default_factory=list)
    failures: list[InputError] = field(default_factory=list)


def ingest_inputs(
    inputs: Sequence[str],
    store: Store,
    models: ModelFactory,
    options: CorpusOptions | None = None,
    progress: RunProgress | None = None,
    index: CorpusIndex | None = None,
) -> RunReport:
    """Read every input into the store; one bad input never stops the run.

    ``index`` is the near-duplicate and story index as of the store's last write, when the caller keeps
    one warm (a server taking articles one batch at a time); else it is rebuilt from the store.
    """
    options = options or CorpusOptions()
    progress = progress or SilentProgress()
    run_id, done = store.start_run(inputs)
    report = RunReport(run_id=run_id, resumed_inputs=len(done))
    if index is None:
        index = CorpusIndex.rebuild(store.index_rows(), options.process.lsh, options.process.stories)
    try:
        with http_client(options.sources.fetch) as client:
            reader = SourceReader(options.sources, client, skip=done)
            batches = _batches(reader.read(list(inputs)), set(inputs), store, options, report, progress)
            for batch, processed in map_batches(batches, _raw, models, options.process, options.dask):
                articles, stories = processed.articles, processed.story_inputs
                room = None if options.limit is None else options.limit - report.added
                complete = room is None or len(articles) <= room
                if not complete:
                    articles, stories = articles[:room], stories[:room]
                merges = index.place(articles, stories)
                failures = [*batch.failures, *processed.problems]
                store.add_articles(articles, run_id, batch.completed if complete else (), failures, merges)
                _count(report, articles, failures, merges)
                progress.articles_done(len(batch.raw))
                if not complete or (options.limit is not None and report.added >= options.limit):
                    break
    except KeyboardInterrupt:
        report.status = INTERRUPTED
        store.finish_run(run_id, INTERRUPTED, report.counts())
        raise
    except BaseException:
        report.status = FAILED
        _finish_quietly(store, run_id, report)
        raise
    report.status = COMPLETED
    store.finish_run(run_id, COMPLETED, report.counts())
    return report


def _raw(batch: _Batch) -> list[RawArticle]:
    return batch.raw


def _count(
    report: RunReport, stored: Sequence[StoredArticle], failures: list[InputError], merges: dict[int, int]
) -> None:
    report.added += len(stored)
    report.near_duplicates += sum(1 for a in stored if a.near_duplicate_of)
    report.stories_touched |= {a.story_id for a in stored if a.story_id is not None}
    report.stories_touched = {merges.get(s, s) for s in report.stories_touched}
    report.failures.extend(failures)


def _finish_quietly(store: Store, run_id: int, report: RunReport) -> None:
    # A full disk that failed the batch may fail this too; the run then stays "running" and resumes.
    try:
        store.finish_run(run_id, FAILED, report.counts())
    except Exception:
        return


def _batches(
    events: Iterator[RawArticle | InputError | Completed],
    named: set[str],
    store: Store,
    options: CorpusOptions,
    report: RunReport,
    progress: RunProgress,
) -> Iterator[_Batch]:
    """Group the stream into batches of new articles; exact copies of stored ones never reach the models."""
    batch = _Batch()
    seen: set[str] = set()
    since = _utc(options.since) if options.since else None
    for event in events:
        if isinstance(event, Completed):
            batch.completed.append(event.key)
            if event.key in named:
                progress.input_done()
        elif isinstance(event, InputError):
            batch.failures.append(event)
        elif since is not None and event.published is not None and _utc(event.published) < since:
            report.older += 1
        else:
            batch.raw.append(event)
        if len(batch.raw) >= options.batch_size:
            yield _fresh(batch, seen, store, report)
            batch = _Batch()
    yield _fresh(batch, seen, store, report)


def _fresh(batch: _Batch, seen: set[str], store: Store, report: RunReport) -> _Batch:
    ids = [content_id(article.text) for article in batch.raw]
    known = store.known_ids(ids) | seen
    fresh = []
    for article_id, article in zip(ids, batch.raw, strict=True):
        if article_id in known:
            report.duplicates += 1
        else:
            known.add(article_id)
            fresh.append(article)
    seen.update(ids)
    batch.raw = fresh
    return batch


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
