from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsprism.nlp import load_spacy
from newsprism.nlp.models import DEFAULT_SPACY_MODEL
from newsprism.nlp.ruler import FastRulerMatch, speed_up_attribute_rulers

# Text that meets the English ruler's rules of every kind: tags, forms, dependencies, the regular
# expressions and the rules of two tokens ("ain't", "nothin'", "gonna", "gotta", "let's", "y'all",
# "c'mon", expletive "there is"), spaces, and a determiner off its usual dependency.
AWKWARD = (
    "We ain't gonna stop, y'all, and there is nothin' they gotta say about it.  C'mon, let's go!\n\n"
    "That was what the ministry's spokesman, Igor Konashenkov, said on Tuesday: units are returning.\n"
    "All those who want it get it; he got 3.5 million votes, and some of them were cast twice."
)


def _before_the_ruler(nlp: spacy.language.Language, text: str) -> Doc:
    """The doc as the attribute ruler sees it: tagged and parsed, not yet ruled."""
    doc = nlp.make_doc(text)
    for name, component in nlp.pipeline:
        if name == "attribute_ruler":
            break
        doc = component(doc)
    return doc


def test_the_fast_matching_finds_exactly_what_spacys_matcher_finds() -> None:
    plain = spacy.load(DEFAULT_SPACY_MODEL)
    ruler = plain.get_pipe("attribute_ruler")
    fast = FastRulerMatch(ruler)
    for text in (AWKWARD, *AWKWARD.split("\n"), "", " "):
        doc = _before_the_ruler(plain, text)
        assert fast(doc) == ruler.match(doc), text


def test_a_rule_the_lookup_cannot_read_is_left_to_spacys_matcher() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "troops"}]], {"TAG": "NNS"})
    ruler.add([[{"LENGTH": {">=": 8}}]], {"TAG": "LONG"})  # a comparison: not one of the lookup's tests
    ruler.add([[{"LOWER": "to"}, {"LOWER": "base", "OP": "?"}]], {"TAG": "TO"})  # an operator
    speed_up_attribute_rulers(nlp)
    doc = nlp("Troops returned to base yesterday")
    assert [token.tag_ for token in doc] == ["NNS", "LONG", "TO", "", "LONG"]


def test_the_loaded_pipeline_annotates_as_spacy_alone_does() -> None:
    plain = spacy.load(DEFAULT_SPACY_MODEL)
    ours = load_spacy()
    for ours_doc, plain_doc in zip(ours.pipe(AWKWARD.split("\n")), plain.pipe(AWKWARD.split("\n")), strict=True):
        assert [(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in ours_doc] == [
            (t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_type_) for t in plain_doc
        ]


def test_the_loaded_pipeline_multiplies_with_numpy_not_blis() -> None:
    ner = load_spacy().get_pipe("ner")
    assert all(not getattr(node.ops, "use_blis", False) for node in ner.model.walk())
