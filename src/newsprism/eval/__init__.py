"""Evaluation: each public benchmark in ../shared/data, scored beside published peers."""

from newsprism.eval.report import EvalReport

__all__ = ["EvalReport"]
