"""Bytes to text: detect the encoding instead of assuming UTF-8, and refuse binary data."""

from __future__ import annotations

from dataclasses import dataclass

from charset_normalizer import from_bytes

from newsprism.errors import InputError

# A NUL byte never occurs in a text encoding we accept (UTF-16 files carry a BOM we check first).
_BINARY_MARKER = b"\x00"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    note: str | None = None


def decode_bytes(data: bytes, origin: str) -> DecodedText:
    """Decode ``data``; raise ``InputError`` naming ``origin`` when it is empty or not text."""
    if not data.strip():
        raise InputError(origin, "empty file")
    if data.startswith(b"\xef\xbb\xbf"):
        return DecodedText(data[3:].decode("utf-8", errors="replace"), "utf-8-sig")
    if data.startswith(_UTF16_BOMS):
        return DecodedText(data.decode("utf-16", errors="replace"), "utf-16")
    if _BINARY_MARKER in data[:8192]:
        raise InputError(origin, "binary file, not text")
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        first_bad = error.start
    best = from_bytes(data).best()
    if best is None:
        raise InputError(origin, f"not valid UTF-8 (byte {first_bad}) and no other text encoding fits")
    return DecodedText(
        str(best),
        best.encoding,
        note=f"not valid UTF-8 (byte {first_bad}); decoded as {best.encoding}",
    )
