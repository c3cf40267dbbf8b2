"""Token texts as JSON, made once per distinct word of an export.

The token-based JSON exports (Prodigy, Hugging Face) write millions of tokens but
far fewer distinct words: each word is quoted once and its JSON kept (at 10,000
documents, the HF export's quoting takes 0.3 s instead of 1.0 s). Output is
exactly what ``json.dumps(..., ensure_ascii=False)`` gives.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring
from typing import Any

# Enough for the distinct words of a large corpus; past it, words are quoted each time.
_MAX_WORDS = 500_000


class QuotedWords(dict[str, str]):
    """``quoted[word]``: the word as a JSON string, remembered."""

    def __missing__(self, word: str) -> str:
        quoted = encode_basestring(word)
        if len(self) < _MAX_WORDS:
            self[word] = quoted
        return quoted


class WordTemplates(dict[str, bytes]):
    """``templates[word]``: ``template`` (a %-format with one ``%s`` for the quoted word)
    filled in with the word as a JSON string, its own % signs doubled, remembered in
    UTF-8 (a bytes %-format)."""

    def __init__(self, template: str):
        super().__init__()
        self.template = template

    def __missing__(self, word: str) -> bytes:
        filled = (self.template % encode_basestring(word).replace("%", "%%")).encode()
        if len(self) < _MAX_WORDS:
            self[word] = filled
        return filled


class WordPieces(dict[str, bytes]):
    """``pieces[word]``: the word as a JSON string between ``before`` and ``after``,
    remembered in UTF-8 (joined as it is: its % signs stay single)."""

    def __init__(self, before: str, after: str):
        super().__init__()
        self.before = before
        self.after = after

    def __missing__(self, word: str) -> bytes:
        piece = (self.before + encode_basestring(word) + self.after).encode()
        if len(self) < _MAX_WORDS:
            self[word] = piece
        return piece


# Exactly json.dumps(..., ensure_ascii=False).
_to_json = json.JSONEncoder(ensure_ascii=False).encode
_MAX_ATTRIBUTES = 10_000


class AttributesJson(dict[int, tuple[Any, str]]):
    """``attributes_json.of(attributes)``: a span's attributes (key, value pairs) as a JSON
    object, remembered for the very tuple: spans read from a project share one tuple per
    stored form (``core.events.decode_attributes``), and an export writes a few forms
    100,000 times. By identity, not equality: ``(("n", 1),)`` equals ``(("n", 1.0),)``,
    whose JSON differs; the tuple is kept with its JSON, so its id is not reused."""

    def of(self, attributes: tuple[tuple[str, Any], ...]) -> str:
        found = self.get(id(attributes))
        if found is not None and found[0] is attributes:
            return found[1]
        text = _to_json(dict(attributes))
        if len(self) < _MAX_ATTRIBUTES:
            self[id(attributes)] = (attributes, text)
        return text
