"""Articles added through the API: one batch at a time per worker, with the corpus index kept warm.

Rebuilding the near-duplicate and story index reads every stored article (tens of seconds on a large
corpus), so a worker keeps the index it last wrote with and reuses it while the corpus is as it left it.
Any other write (another worker, a `newsprism ingest` run) changes the corpus version, and the next batch
rebuilds first; a batch that fails drops the index, since it may hold articles that were not stored.
"""

from __future__ import annotations

import threading
from pathlib import Path

from newsprism.corpus import CorpusOptions, RunReport, ingest_inputs
from newsprism.store import Store
from newsprism.store.assign import CorpusIndex
from newsprism.store.browse import corpus_version
from newsprism.store.process import ModelFactory


class ArticleWriter:
    """Ingests JSON Lines files into the store, serialised within this process."""

    def __init__(self, store: Store, models: ModelFactory, options: CorpusOptions | None = None) -> None:
        self.store = store
        self.models = models
        self.options = options or CorpusOptions()
        self._lock = threading.Lock()
        self._index: CorpusIndex | None = None
        self._version: tuple[int, int] | None = None
        self.rebuilds = 0

    def ingest(self, path: Path) -> RunReport:
        """Add the articles of one JSON Lines file, as ``newsprism ingest`` would."""
        with self._lock:
            index = self._warm_index()
            try:
                report = ingest_inputs([str(path)], self.store, self.models, self.options, index=index)
            except BaseException:
                self._index = self._version = None
                raise
            self._version = corpus_version(self.store)
            return report

    def _warm_index(self) -> CorpusIndex:
        version = corpus_version(self.store)
        if self._index is None or version != self._version:
            process = self.options.process
            self._index = CorpusIndex.rebuild(self.store.index_rows(), process.lsh, process.stories)
            self._version = version
            self.rebuilds += 1
        return self._index
