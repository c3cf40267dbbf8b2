"""A text too long to hold in memory (one line of hundreds of MB): what checking its spans
and storing it need of it, whoever reads it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol


class TextSlices(Protocol):
    """What checking spans needs of a text: its length in code points and its slices
    (a ``str`` is one)."""

    def __len__(self) -> int: ...

    def __getitem__(self, index: int | slice, /) -> str: ...


class LongText(TextSlices, Protocol):
    """A text read again piece by piece when it is stored, never held whole."""

    @property
    def utf8_length(self) -> int: ...

    @property
    def content_hash(self) -> str:
        """The SHA-256 of its UTF-8, as ``core.model.content_hash`` gives for a ``str``."""
        ...

    def astral_positions(self) -> list[int]:
        """The indexes of its characters outside the BMP (two UTF-16 units each)."""
        ...

    def utf8_pieces(self) -> Iterator[bytes]:
        """Its UTF-8 in pieces of about a MB; raises ``InputError`` when it is no longer
        what was measured (the file changed)."""
        ...
