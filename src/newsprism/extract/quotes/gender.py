"""Whether 'he' or 'she' may stand for a person: what the article and a first name say of their gender.

A pronoun only takes an antecedent it can refer to: 'she said' is not Bernie Sanders, 'he said' not Elaine
Kamarck. The article says so by a courtesy title ('Mr. Cruz', 'Mrs. Clinton') or by a full name whose
first name is a man's or a woman's in the table ``first_names.tsv``. Where neither says, or the two
disagree ('Bill Clinton' and 'Hillary Clinton' in one article), the person may be either: the gender is
only ever used to rule an antecedent out, never to pick one.

The table holds the first names that nomquamgender's data (Van Buskirk et al., MIT licence) gives for
500 people or more and to one gender in at least nine cases of ten (its licence beside it, in
``first_names.LICENSE``); ``main`` rebuilds it:

    python -m newsprism.extract.quotes.gender PATH/nomquamgender/name_data.json \\
        --out src/newsprism/extract/data/first_names.tsv
"""

from __future__ import annotations

import argparse
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Literal

from newsprism.extract.people import role_abbreviations, role_heads
from newsprism.model import Mention

Gender = Literal["male", "female"]
_PRONOUNS: dict[str, Gender] = {"he": "male", "him": "male", "his": "male", "she": "female", "her": "female"}
_COURTESY = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+((?:[A-Z][\w'’-]*\s+)*[A-Z][\w'’-]*)")
_COURTESY_GENDER: dict[str, Gender] = {"Mr": "male", "Mrs": "female", "Ms": "female", "Miss": "female"}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Courtesy titles, which a name may carry ('Mr. Cruz'); the other abbreviated titles a tagger leaves in, besides
# the roles' abbreviations ('Sen.', 'Gov.', in extract/data/roles.json).
COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr"})
_OTHER_TITLES = COURTESY_TITLES | {"pres", "sheik", "prof", "rev", "sir", "lady", "lord"}
_SMALLEST_COUNT = 500  # people in the data with that first name
_SMALLEST_SHARE = 0.9  # of them of one gender


def pronoun_gender(word: str) -> Gender | None:
    """The gender a personal pronoun asks for ('he', 'She'), None for any other word."""
    return _PRONOUNS.get(word.lower())


def article_genders(text: str, mentions: Iterable[Mention]) -> dict[str, Gender]:
    """The gender the article shows for each surname (lower case), where all it shows agrees or one
    gender's evidence is at least three times the other's.

    Evidence: a courtesy title before the name, and each person named with a first name of the table.
    """
    seen: dict[str, Counter[Gender]] = {}
    for match in _COURTESY.finditer(text):
        seen.setdefault(_surname(match.group(2)), Counter())[_COURTESY_GENDER[match.group(1)]] += 1
    for mention in mentions:
        if mention.label == "PERSON" and (gender := first_name_gender(mention.text)) is not None:
            seen.setdefault(_surname(mention.text), Counter())[gender] += 1
    return {surname: gender for surname, evidence in seen.items() if surname and (gender := _dominant(evidence))}


def _dominant(evidence: Counter[Gender]) -> Gender | None:
    # Of two people of one surname, a bare surname is the one the article names far more often (Hillary
    # Clinton four times, Bill Clinton once): news names its main person by surname alone.
    ranked = evidence.most_common()
    if len(ranked) == 1 or ranked[0][1] >= 3 * ranked[1][1]:
        return ranked[0][0]
    return None


def name_gender(name: str, genders: Mapping[str, Gender]) -> Gender | None:
    """A person's gender by their own first name, else by what the article shows for their surname."""
    return first_name_gender(name) or genders.get(_surname(name))


def compatible(name: str, wanted: Gender | None, genders: Mapping[str, Gender]) -> bool:
    """Whether a pronoun asking for ``wanted`` may stand for ``name``: unless we know it may not."""
    if wanted is None:
        return True
    known = name_gender(name, genders)
    return known is None or known == wanted


def first_name_gender(name: str) -> Gender | None:
    """The gender of a full name's first name ('Hillary Clinton'); None for one word or an unknown name.

    Titles the tagger left in the name come off first: 'General' and 'Prince' are no one's first name
    here, whatever the table says of them as names.
    """
    words = _WORD.findall(name)
    while words and _folded(words[0]) in title_words():
        words = words[1:]
    if len(words) < 2:
        return None  # a surname alone ('Clinton') says nothing of itself
    return load_first_names().get(_folded(words[0]))


@cache
def title_words() -> frozenset[str]:
    """Words that stand before a name as a title, not a first name: role nouns and their abbreviations."""
    return role_heads() | frozenset(role_abbreviations()) | _OTHER_TITLES


def _surname(name: str) -> str:
    words = _WORD.findall(name)
    # The possessive goes before folding, which drops the curly apostrophe ('Abu-Laban’s' -> 'abu-labans').
    return _folded(words[-1].removesuffix("’s").removesuffix("'s")) if words else ""


def _folded(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


@cache
def load_first_names() -> dict[str, Gender]:
    """The shipped table of first names and their gender."""
    table = resources.files("newsprism.extract") / "data" / "first_names.tsv"
    genders: dict[str, Gender] = {"m": "male", "f": "female"}
    names: dict[str, Gender] = {}
    for line in table.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, code = line.partition("\t")
            names[name] = genders[code]
    return names


def first_names(name_data: Mapping[str, Sequence[object]]) -> dict[str, str]:
    """First names of one gender ('m' or 'f') from nomquamgender's data: name -> [sources, count, share
    of women, ...]; names that fold to one ASCII spelling with both genders are left out."""
    table: dict[str, str] = {}
    mixed: set[str] = set()
    for name, row in name_data.items():
        count, women = int(str(row[1])), float(str(row[2]))
        if count < _SMALLEST_COUNT or max(women, 1 - women) < _SMALLEST_SHARE:
            continue
        folded = _folded(name)
        code = "f" if women >= _SMALLEST_SHARE else "m"
        if not folded.isalpha() or len(folded) < 2:
            continue
        if table.setdefault(folded, code) != code:
            mixed.add(folded)
    return {name: code for name, code in sorted(table.items()) if name not in mixed}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("name_data", type=Path, help="name_data.json of the nomquamgender package")
    parser.add_argument("--out", type=Path, required=True, help="where to write the table")
    args = parser.parse_args(argv)
    table = first_names(json.loads(args.name_data.read_text(encoding="utf-8")))
    header = (
        "# First names and their gender (m/f), built by newsprism.extract.quotes.gender from nomquamgender 0.1.4's\n"
        "# name_data.json (Copyright (c) 2022 Ian Van Buskirk, MIT licence): names given to 500 people or more,\n"
        "# nine in ten of one gender. The licence is in first_names.LICENSE.\n"
    )
    args.out.write_text(header + "".join(f"{name}\t{code}\n" for name, code in table.items()), encoding="utf-8")
    print(f"wrote {len(table)} names to {args.out}")


if __name__ == "__main__":
    main()
