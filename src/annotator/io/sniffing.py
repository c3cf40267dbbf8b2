"""What a file handed to the plain-text importer really holds, when its name says nothing.

A folder of CoNLL ``token TAG`` files named ``.txt``, or JSON Lines with an
unknown extension, once imported silently as plain text: every tag became part of
an article. With ``--format auto`` such content is recognised and refused, naming
the format to import it with.
"""

from __future__ import annotations

import re
from pathlib import Path

from annotator.io.decoding import read_regular_file

HEAD_BYTES = 64 * 1024
LINES_LOOKED_AT = 200
# A tag as CoNLL files write it: O, or B-/I- (or the BIOES/BILOU letters) and a label.
_TAG = re.compile(r"(?:O|[BIESLU]-\S+)")
_DOCSTART = "-DOCSTART-"


def looks_like_another_format(path: Path) -> str | None:
    """Why ``path`` should not be read as plain text (with the format to use), or None."""
    try:
        head = read_regular_file(path, HEAD_BYTES)
    except (OSError, ValueError):  # the text importer reports what is wrong with it
        return None
    text = head.decode("utf-8", "replace").lstrip("\ufeff")
    lines = [line.strip() for line in text.splitlines()[:LINES_LOOKED_AT] if line.strip()]
    if not lines:
        return None
    if _is_json_object(lines[0]):
        return (
            "looks like JSON Lines, not plain text; import it with --format jsonl"
            " (or doccano, prodigy)"
        )
    tagged = sum(1 for line in lines if _is_token_and_tag(line))
    if tagged >= 3 and tagged >= 0.8 * len(lines):
        return (
            "looks like CoNLL/IOB2 (a token and a tag a line), not plain text;"
            " import it with --format iob2"
        )
    return None


# An object's first key: enough when the line is longer than the part looked at.
_JSON_OBJECT_START = re.compile(r'\{\s*"(?:[^"\\]|\\.)*"\s*:')


def _is_json_object(line: str) -> bool:
    return _JSON_OBJECT_START.match(line) is not None


def _is_token_and_tag(line: str) -> bool:
    columns = line.split()
    if columns[0] == _DOCSTART:
        return True
    return len(columns) >= 2 and _TAG.fullmatch(columns[-1]) is not None
