"""``python -m newsprism`` runs the command line."""

from newsprism.cli.main import run

run()
