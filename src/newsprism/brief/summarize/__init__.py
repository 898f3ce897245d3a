"""Multi-document extractive summarization: concept-coverage selection of verbatim source sentences."""

from newsprism.brief.summarize.select import Candidate, SummaryOptions, rank_sentences, select_summary

__all__ = ["Candidate", "SummaryOptions", "rank_sentences", "select_summary"]
