"""A spaCy ``DocBin`` file put together from chunks compressed apart, without spaCy.

A ``.spacy`` file is ``zlib.compress(msgpack(message))`` (``DocBin.to_bytes``), the
message a map of the DocBin's fields in this order: ``version``, ``attrs``, ``tokens``
(every Doc's token rows, one byte string), ``spaces``, ``lengths``, ``strings`` (sorted),
``cats``, ``flags``, ``span_groups`` and ``user_data`` (one item a Doc). A chunk of
consecutive Docs fills a run of each of ``tokens``, ``spaces``, ``span_groups`` and
``user_data``: the process that builds the chunk (an export's worker) compresses each
run on its own, as raw deflate ending on a byte boundary (a sync flush, never a final
block) with its Adler-32 checksum. Such runs put one after the other are one deflate
stream; the process writing the file compresses the few fields between them (their
headers, ``lengths``, ``strings``, ...) the same way, and adds zlib's two-byte header,
a final empty block and the checksum of it all (Adler-32 combines: see
``adler32_combine``). So the file decompresses to the message spaCy's
``DocBin.to_bytes`` would compress, byte for byte, while the compression (2.7 s of a
10,000-document export at zlib's default level, after the last Doc) ran in the workers,
in parallel and while Docs were still being built.

``DocBin.from_bytes`` only decompresses: any zlib level reads back. ``LEVEL`` is 1,
the fastest: at 10,000 documents (133 MB of message) 14.4 MB where zlib's default level
makes 9.2 MB, in about a quarter of the time (1.3 s against 4.6 s, measured one after
the other on a busy machine).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from typing import NamedTuple

LEVEL = 1
VERSION = "0.1"  # DocBin's message version, as spaCy 3 writes it
_ADLER_MOD = 65521  # Adler-32's modulus (RFC 1950)


class Deflated(NamedTuple):
    """Bytes compressed as a piece of a longer deflate stream: the raw deflate data
    (ending on a byte boundary, with no final block), the Adler-32 of the bytes and
    their length."""

    data: bytes
    adler: int
    length: int


def deflated(data: bytes, level: int = LEVEL) -> Deflated:
    """``data`` compressed as a piece of a stream, referring to nothing before it."""
    compressor = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    packed = compressor.compress(data) + compressor.flush(zlib.Z_SYNC_FLUSH)
    return Deflated(packed, zlib.adler32(data), len(data))


def adler32_combine(first: int, second: int, second_length: int) -> int:
    """The Adler-32 of two byte strings put together, from each one's and the second's
    length (zlib's ``adler32_combine``, which Python's zlib does not offer).

    Adler-32 is ``B << 16 | A``: A is 1 plus the sum of the bytes, B the sum of A after
    each byte (both modulo 65521). After the first string, every A of the second is its
    own plus the first's A less 1.
    """
    first_a, first_b = first & 0xFFFF, first >> 16
    second_a, second_b = second & 0xFFFF, second >> 16
    a = (first_a + second_a - 1) % _ADLER_MOD
    b = (first_b + second_b + second_length * (first_a - 1)) % _ADLER_MOD
    return (b << 16) | a


@dataclass
class DocBinChunk:
    """The fields of consecutive Docs as a worker sends them: the token attributes of
    their rows, each Doc's token count (int32 bytes), the runs of ``tokens``, ``spaces``,
    ``span_groups`` and ``user_data`` they fill (compressed, see the module's docstring),
    and the strings they use."""

    attrs: list[int]
    count: int
    lengths: bytes
    tokens: Deflated
    spaces: Deflated
    span_groups: Deflated
    user_data: Deflated
    strings: set[str]


def docbin_bytes(attrs: list[int], chunks: list[DocBinChunk], level: int = LEVEL) -> list[bytes]:
    """The ``.spacy`` file holding the chunks' Docs in order (what ``DocBin.to_bytes``
    of a DocBin with ``store_user_data`` gives once decompressed), as pieces to write
    one after the other."""
    from srsly.msgpack import Packer

    packer = Packer(use_bin_type=True)
    pack = packer.pack
    count = sum(chunk.count for chunk in chunks)
    strings: set[str] = set()
    for chunk in chunks:
        strings |= chunk.strings
    token_bytes = sum(chunk.tokens.length for chunk in chunks)
    space_bytes = sum(chunk.spaces.length for chunk in chunks)
    head = b"".join(
        [
            packer.pack_map_header(10),
            pack("version"),
            pack(VERSION),
            pack("attrs"),
            pack(attrs),
            pack("tokens"),
            _bin_header(token_bytes),
        ]
    )
    before_spaces = pack("spaces") + _bin_header(space_bytes)
    middle = b"".join(
        [
            pack("lengths"),
            pack(b"".join(chunk.lengths for chunk in chunks)),
            pack("strings"),
            pack(sorted(strings)),
            pack("cats"),
            pack([{}] * count),
            pack("flags"),
            pack([{"has_unknown_spaces": False}] * count),
            pack("span_groups"),
            packer.pack_array_header(count),
        ]
    )
    before_user_data = pack("user_data") + packer.pack_array_header(count)
    pieces = [
        deflated(head, level),
        *(chunk.tokens for chunk in chunks),
        deflated(before_spaces, level),
        *(chunk.spaces for chunk in chunks),
        deflated(middle, level),
        *(chunk.span_groups for chunk in chunks),
        deflated(before_user_data, level),
        *(chunk.user_data for chunk in chunks),
    ]
    return _zlib_stream(pieces, level)


def _zlib_stream(pieces: Iterable[Deflated], level: int) -> list[bytes]:
    """zlib's format around deflate pieces: its header, the pieces, a final empty block
    and the Adler-32 of all the pieces' bytes."""
    empty = zlib.compress(b"", level)  # the header, a final empty block, the checksum of b""
    adler = 1  # of nothing
    out = [empty[:2]]
    for piece in pieces:
        out.append(piece.data)
        adler = adler32_combine(adler, piece.adler, piece.length)
    final = zlib.compressobj(level, zlib.DEFLATED, -zlib.MAX_WBITS)
    out.append(final.flush(zlib.Z_FINISH))
    out.append(adler.to_bytes(4, "big"))
    return out


def _bin_header(length: int) -> bytes:
    """msgpack's header of a byte string of ``length`` bytes (bin 8, 16 or 32), written
    here: the header alone is what a field made of chunks needs, and msgpack's packer
    writes it only with the bytes."""
    if length < 1 << 8:
        return b"\xc4" + length.to_bytes(1, "big")
    if length < 1 << 16:
        return b"\xc5" + length.to_bytes(2, "big")
    return b"\xc6" + length.to_bytes(4, "big")
