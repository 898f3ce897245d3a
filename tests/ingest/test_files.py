from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from newsprism.ingest import IngestOptions, read_inputs


def write(path: Path, data: bytes | str) -> Path:
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_text_file_first_line_is_title(tmp_path: Path) -> None:
    file = write(tmp_path / "a.txt", "\n\nThe title\n\nFirst paragraph.\n\nSecond one.\n")
    result = read_inputs([str(file)])
    assert not result.problems
    [article] = result.articles
    assert article.title == "The title"
    assert article.text == "First paragraph.\n\nSecond one."
    assert article.source == "a"


def test_markdown_heading_marks_are_not_part_of_title(tmp_path: Path) -> None:
    file = write(tmp_path / "a.md", "# A heading\n\nBody text here.\n")
    assert read_inputs([str(file)]).articles[0].title == "A heading"


def test_jsonl_fields_and_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "T1", "text": "Body one.", "url": "https://www.example.org/a", "published": "2022-02-16"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "Body two.", "source": "Wire"}),
    ]
    file = write(tmp_path / "a.jsonl", "\n".join(lines))
    result = read_inputs([str(file)])
    assert [a.title for a in result.articles] == ["T1", ""]
    assert result.articles[0].source == "example.org"
    published = result.articles[0].published
    assert published is not None
    assert published.day == 16
    assert result.articles[1].source == "Wire"
    assert [p.origin for p in result.problems] == [f"{file}:2", f"{file}:3"]


def test_json_document_holds_list(tmp_path: Path) -> None:
    file = write(tmp_path / "a.json", json.dumps([{"text": "One."}, {"text": "Two."}]))
    assert len(read_inputs([str(file)]).articles) == 2


def test_stdin_is_json_lines(tmp_path: Path) -> None:
    stream = io.BytesIO(json.dumps({"text": "From stdin."}).encode())
    result = read_inputs(["-"], stdin=stream)
    assert result.articles[0].text == "From stdin."


def test_directory_is_read_recursively(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "b.txt", "Title B\n\nBody B.")
    write(tmp_path / "a.txt", "Title A\n\nBody A.")
    write(tmp_path / "ignored.bin", b"\x00\x01")
    result = read_inputs([str(tmp_path)])
    assert sorted(a.title for a in result.articles) == ["Title A", "Title B"]


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"  \n\n ", "empty file"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("image.png", b"\x89PNG", "unsupported file type"),
        ("page.html", b"<html><body><nav>Home</nav></body></html>", "no article text"),
    ],
)
def test_bad_input_named_with_reason(tmp_path: Path, name: str, data: bytes, problem: str) -> None:
    bad = write(tmp_path / name, data)
    good = write(tmp_path / "good.txt", "Title\n\nA real body.")
    result = read_inputs([str(bad), str(good)])
    assert [a.title for a in result.articles] == ["Title"]
    [error] = result.problems
    assert error.origin == str(bad)
    assert problem in str(error)
    assert str(error).startswith(str(bad))


def test_missing_file_is_reported(tmp_path: Path) -> None:
    result = read_inputs([str(tmp_path / "nope.txt")])
    assert "no such file" in str(result.problems[0])


def test_oversized_file_is_skipped(tmp_path: Path) -> None:
    big = write(tmp_path / "big.txt", "Title\n\n" + "word " * 2000)
    result = read_inputs([str(big)], IngestOptions(max_file_bytes=1000))
    assert not result.articles
    assert "over the" in str(result.problems[0])


def test_invalid_utf8_is_decoded_by_detection_with_a_note(tmp_path: Path) -> None:
    text = "Café owners in Zürich said the façade was repaired. " * 5
    file = write(tmp_path / "latin.txt", ("Title\n\n" + text).encode("cp1252"))
    [article] = read_inputs([str(file)]).articles
    assert "Café" in article.text
    assert "Zürich" in article.text
    assert any("not valid UTF-8" in note for note in article.notes)


def test_html_article_extracted(tmp_path: Path) -> None:
    paragraphs = "".join(
        f"<p>Paragraph {n} of the report says that officials met on Tuesday to discuss the plan in detail.</p>"
        for n in range(8)
    )
    html = (
        "<html><head><title>Officials meet</title><script>var x=1;</script></head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>Officials meet</h1>{paragraphs}</article></body></html>"
    )
    file = write(tmp_path / "page.html", html)
    [article] = read_inputs([str(file)]).articles
    assert "Paragraph 3 of the report" in article.text
    assert "var x" not in article.text


def test_gzip_is_not_text(tmp_path: Path) -> None:
    file = write(tmp_path / "a.txt", gzip.compress(b"hello world" * 100))
    assert "binary" in str(read_inputs([str(file)]).problems[0])


def test_fifty_megabyte_file_is_skipped_with_its_size(tmp_path: Path) -> None:
    big = tmp_path / "huge.txt"
    with big.open("wb") as handle:
        handle.write(b"Title\n\n")
        handle.truncate(50 * 1024 * 1024)
    result = read_inputs([str(big)])
    assert not result.articles
    assert str(result.problems[0]) == f"{big}: file is 52 MB, over the 21 MB limit"
