"""The shipped stance model: is a text about a claim, and if so does it agree, disagree or only discuss it?

Two stages of boosted trees over ``features.pair_features`` and a bag-of-words judge of the body
(``body_words``): first related vs unrelated (mostly word and meaning overlap), then, for related pairs,
agree / disagree / discuss (mostly cues of denial and doubt near the claim's terms, and the body's words).
The model file is plain JSON.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import numpy as np

from newsprism.compare.stance.body_words import WORD_FEATURE_NAMES, BodyWords
from newsprism.compare.stance.cues import CueLexicon, load_cues
from newsprism.compare.stance.features import FEATURE_NAMES, FeatureOptions, FloatArray, Idf, pair_features, read_texts
from newsprism.compare.stance.metrics import STANCES
from newsprism.compare.stance.trees import BoostedTrees
from newsprism.errors import ModelLoadError
from newsprism.nlp.models import SentenceEncoder

FORMAT = "newsprism-stance/2"
# Columns the trees read: the pair features, then the body-word model's stance probabilities.
MODEL_FEATURE_NAMES = FEATURE_NAMES + WORD_FEATURE_NAMES
Stance = Literal["support", "dispute", "neither"]
_PLAIN_STANCE: dict[str, Stance] = {
    "agree": "support",
    "disagree": "dispute",
    "discuss": "neither",
    "unrelated": "neither",
}


def pair_matrix(
    claims: Sequence[str],
    texts: Sequence[str],
    encoder: SentenceEncoder,
    idf: Idf,
    options: FeatureOptions,
    lexicon: CueLexicon | None = None,
) -> FloatArray:
    """Feature rows of (claim, text) pairs; each distinct claim and text is read and embedded once."""
    if len(claims) != len(texts):
        raise ValueError(f"{len(claims)} claims but {len(texts)} texts: pairs need one of each")
    lexicon = lexicon or load_cues()
    distinct_claims = list(dict.fromkeys(claims))
    distinct_texts = list(dict.fromkeys(texts))
    claim_views = dict(
        zip(distinct_claims, read_texts(distinct_claims, encoder, idf, lexicon, options, split=False), strict=True)
    )
    text_views = dict(zip(distinct_texts, read_texts(distinct_texts, encoder, idf, lexicon, options), strict=True))
    rows = [pair_features(claim_views[c], text_views[t], idf, options) for c, t in zip(claims, texts, strict=True)]
    return np.vstack(rows) if rows else np.zeros((0, len(FEATURE_NAMES)))


@cache
def shipped_stance_model() -> StanceModel:
    """The model shipped with the package, read once per process: parsing its JSON took 20 ms, and every
    brief with a dispute to check asked for it again."""
    return StanceModel.load()


def stance_labels(proba: FloatArray, unrelated_threshold: float = 0.5) -> list[str]:
    """Unrelated when its probability reaches the threshold, else the likeliest related stance."""
    unrelated = STANCES.index("unrelated")
    related = [i for i in range(len(STANCES)) if i != unrelated]
    return [
        STANCES[unrelated] if row[unrelated] >= unrelated_threshold else STANCES[related[int(np.argmax(row[related]))]]
        for row in proba
    ]


@dataclass(frozen=True)
class StanceModel:
    """Related-vs-unrelated trees, then agree/disagree/discuss trees, over the pair features and body words."""

    idf: Idf
    options: FeatureOptions
    body_words: BodyWords
    relatedness: BoostedTrees
    stance: BoostedTrees
    unrelated_threshold: float = 0.5

    @classmethod
    def load(cls, path: Path | None = None) -> StanceModel:
        """Read a model file; by default the one shipped in ``stance/data/stance_model.json``."""
        try:
            if path is None:
                raw = resources.files("newsprism.compare.stance").joinpath("data/stance_model.json").read_text("utf-8")
            else:
                raw = path.read_text("utf-8")
            return cls.from_json(json.loads(raw))
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise ModelLoadError(f"cannot load stance model from {path or 'the package'}: {error}") from error

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StanceModel:
        """Build a model from its JSON form, checking it was written for these features."""
        if data.get("format") != FORMAT or data.get("features") != MODEL_FEATURE_NAMES:
            raise ValueError(f"not a {FORMAT} model for this version's features")
        return cls(
            idf=Idf({str(w): float(v) for w, v in data["idf"]["weights"].items()}, float(data["idf"]["unseen"])),
            options=FeatureOptions(**data["options"]),
            body_words=BodyWords.from_json(data["body_words"]),
            relatedness=BoostedTrees.from_json(data["relatedness"]),
            stance=BoostedTrees.from_json(data["stance"]),
            unrelated_threshold=float(data["unrelated_threshold"]),
        )

    def to_json(self) -> dict[str, Any]:
        """The JSON form read by ``from_json``."""
        return {
            "format": FORMAT,
            "features": MODEL_FEATURE_NAMES,
            "options": asdict(self.options),
            "idf": {"weights": dict(sorted(self.idf.weights.items())), "unseen": self.idf.unseen},
            "unrelated_threshold": self.unrelated_threshold,
            "body_words": self.body_words.to_json(),
            "relatedness": self.relatedness.to_json(),
            "stance": self.stance.to_json(),
        }

    def save(self, path: Path) -> None:
        """Write the model as compact JSON."""
        path.write_text(json.dumps(self.to_json(), separators=(",", ":")), encoding="utf-8")

    def features(self, claims: Sequence[str], texts: Sequence[str], encoder: SentenceEncoder) -> FloatArray:
        """Feature rows of (claim, text) pairs as this model reads them."""
        return self.with_body_words(pair_matrix(claims, texts, encoder, self.idf, self.options), texts)

    def with_body_words(self, pair_rows: FloatArray, texts: Sequence[str]) -> FloatArray:
        """Pair feature rows (from ``pair_matrix``) with this model's body-word probabilities appended."""
        return np.hstack([pair_rows, self.body_words.features(texts)])

    def proba_from_features(self, features: FloatArray) -> FloatArray:
        """Probabilities of the four FNC-1 stances (columns in ``STANCES`` order) from ``features`` rows."""
        unrelated = self.relatedness.predict_proba(features)[:, self.relatedness.classes.index("unrelated")]
        stance = self.stance.predict_proba(features)
        result = np.zeros((len(features), len(STANCES)))
        for column, label in enumerate(self.stance.classes):
            result[:, STANCES.index(label)] = (1.0 - unrelated) * stance[:, column]
        result[:, STANCES.index("unrelated")] = unrelated
        return result

    def labels_from_proba(self, proba: FloatArray) -> list[str]:
        """Stances from probabilities, with this model's threshold for "unrelated"."""
        return stance_labels(proba, self.unrelated_threshold)

    def predict_proba(self, claims: Sequence[str], texts: Sequence[str], encoder: SentenceEncoder) -> FloatArray:
        """Probabilities of agree / disagree / discuss / unrelated for each (claim, text) pair."""
        return self.proba_from_features(self.features(claims, texts, encoder))

    def predict(self, claims: Sequence[str], texts: Sequence[str], encoder: SentenceEncoder) -> list[str]:
        """The FNC-1 stance of each text toward its claim: agree, disagree, discuss or unrelated."""
        return self.labels_from_proba(self.predict_proba(claims, texts, encoder))


def stance_between(
    claim: str, statement: str, encoder: SentenceEncoder | None = None, model: StanceModel | None = None
) -> Stance:
    """Whether a short statement supports, disputes or does neither to a claim.

    The model learned from whole articles, so on two sentences it is a cautious judge: "neither" is
    the answer whenever the statement does not clearly confirm or deny.
    """
    if encoder is None:
        from newsprism.nlp.models import load_encoder

        encoder = load_encoder()
    model = model or shipped_stance_model()
    return _PLAIN_STANCE[model.predict([claim], [statement], encoder)[0]]
