"""Stance: does a text agree with a claim, disagree with it, only discuss it, or say nothing about it?"""

from newsprism.compare.stance.features import FEATURE_NAMES, FeatureOptions, Idf
from newsprism.compare.stance.metrics import STANCES, per_class_f1, relative_fnc1_score
from newsprism.compare.stance.model import Stance, StanceModel, pair_matrix, shipped_stance_model, stance_between

__all__ = [
    "FEATURE_NAMES",
    "STANCES",
    "FeatureOptions",
    "Idf",
    "Stance",
    "StanceModel",
    "pair_matrix",
    "per_class_f1",
    "relative_fnc1_score",
    "shipped_stance_model",
    "stance_between",
]
