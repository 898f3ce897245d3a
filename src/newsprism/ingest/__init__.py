"""Ingest: turn files, directories and streams into raw articles."""

from newsprism.ingest.files import IngestOptions, IngestResult, read_file, read_inputs
from newsprism.ingest.html import HtmlOptions, parse_html
from newsprism.ingest.raw import RawArticle

__all__ = ["HtmlOptions", "IngestOptions", "IngestResult", "RawArticle", "parse_html", "read_file", "read_inputs"]
