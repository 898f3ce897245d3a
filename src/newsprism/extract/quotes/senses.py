"""The broad class of a word's first WordNet sense ('verb.communication', 'noun.artifact'), for the cue judge.

The judge learns which verbs report from the lemmas of PolNeAR train. A verb or a speaker's noun it has not
seen there it can still read by its class: 'posted a photo' is a verb of contact, 'the report showed' has a
speaker of communication, 'voters chose' one that is a group. The classes are WordNet's 45 lexicographer
files. The table ``wordnet_senses.tsv`` gives the class of the first sense of every one-word noun and verb
with a sense counted in WordNet's sense-tagged corpus (SemCor): for those words WordNet orders the senses by
how often they occur, so the first is the commonest; for the rest the order says little. 13,086 words,
from WordNet 3.0 (Copyright 2006 by Princeton University; its licence beside the table, in
``wordnet_senses.LICENSE``). ``main`` rebuilds the table from a WordNet 3.0 database (Debian's package
wordnet-base installs one in /usr/share/wordnet):

    python -m newsprism.extract.quotes.senses /usr/share/wordnet \\
        --out src/newsprism/extract/data/wordnet_senses.tsv
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from pathlib import Path

from spacy.tokens import Token

# WordNet's lexicographer files in the order of their numbers, which the data files give (lexnames(5WN)).
LEXICOGRAPHER_FILES = (
    "adj.all adj.pert adv.all noun.Tops noun.act noun.animal noun.artifact noun.attribute noun.body "
    "noun.cognition noun.communication noun.event noun.feeling noun.food noun.group noun.location "
    "noun.motive noun.object noun.person noun.phenomenon noun.plant noun.possession noun.process "
    "noun.quantity noun.relation noun.shape noun.state noun.substance noun.time verb.body verb.change "
    "verb.cognition verb.communication verb.competition verb.consumption verb.contact verb.creation "
    "verb.emotion verb.motion verb.perception verb.possession verb.social verb.stative verb.weather adj.ppl"
).split()
_TABLE_POS = {"VERB": "verb", "AUX": "verb", "NOUN": "noun"}


@cache
def load_senses() -> dict[tuple[str, str], str]:
    """The shipped table: (part of speech, lemma) -> the class of its first sense."""
    table = resources.files("newsprism.extract") / "data" / "wordnet_senses.tsv"
    senses: dict[tuple[str, str], str] = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            lemma, _, sense = line.partition("\t")
            senses[(sense.partition(".")[0], lemma)] = sense
    return senses


def first_sense(token: Token) -> str | None:
    """The class of the first sense of a verb or common noun ('verb.communication'); None for any other word
    and for words the table does not hold."""
    pos = _TABLE_POS.get(token.pos_)
    return load_senses().get((pos, token.lemma_.lower())) if pos is not None else None


def first_senses(index_lines: Iterable[str], data_lines: Iterable[str]) -> dict[str, str]:
    """Lemma -> class of its first sense, from one part of speech's ``index.*`` and ``data.*`` files: one-word
    lemmas with a sense tagged in SemCor (a ``tagsense_cnt`` above 0)."""
    classes: dict[str, str] = {}
    for line in data_lines:
        if line.strip() and not line.startswith("  "):  # the licence opens each file, indented
            offset, number = line.split()[:2]
            classes[offset] = LEXICOGRAPHER_FILES[int(number)]
    senses: dict[str, str] = {}
    for line in index_lines:
        if not line.strip() or line.startswith("  "):
            continue
        # lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt synset_offset...
        fields = line.split()
        pointers = int(fields[3])
        tagged, offsets = int(fields[5 + pointers]), fields[6 + pointers :]
        if tagged and "_" not in fields[0] and offsets:
            senses[fields[0]] = classes[offsets[0]]
    return senses


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("wordnet", type=Path, help="a WordNet 3.0 dict folder (index.noun, data.noun, ...)")
    parser.add_argument("--out", type=Path, required=True, help="where to write the table")
    args = parser.parse_args(argv)
    lines: list[str] = []
    for pos in ("noun", "verb"):
        index, data = (args.wordnet / f"{kind}.{pos}" for kind in ("index", "data"))
        with index.open(encoding="latin-1") as index_lines, data.open(encoding="latin-1") as data_lines:
            table = first_senses(index_lines, data_lines)
        lines += [f"{lemma}\t{sense}\n" for lemma, sense in sorted(table.items())]
    header = (
        "# The class (lexicographer file) of the first sense of one-word nouns and verbs with a sense tagged\n"
        "# in SemCor, built by newsprism.extract.quotes.senses from WordNet 3.0. WordNet 3.0 Copyright 2006 by\n"
        "# Princeton University. All rights reserved. Its licence is in wordnet_senses.LICENSE.\n"
    )
    args.out.write_text(header + "".join(lines), encoding="utf-8")
    print(f"wrote {len(lines)} words to {args.out}")


if __name__ == "__main__":
    main()
