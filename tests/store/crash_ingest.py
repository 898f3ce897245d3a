"""Run by the crash test in a subprocess: ingest slowly, one article per commit, until killed."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass

from newsprism.corpus import CorpusOptions, TwinModels, ingest_inputs
from newsprism.pipeline import Models
from newsprism.store import Store
from tests.store.conftest import TWIN_PROCESS


@dataclass(frozen=True)
class SlowTwins:
    def build(self, parse: bool = True) -> Models:
        time.sleep(0.15)  # so the test can kill the process between (and inside) commits
        return TwinModels().build()


if __name__ == "__main__":
    store = Store.open(sys.argv[1])
    ingest_inputs(sys.argv[2:], store, SlowTwins(), CorpusOptions(batch_size=1, process=TWIN_PROCESS))
