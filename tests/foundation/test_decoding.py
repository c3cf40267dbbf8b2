import codecs

import pytest

from annotator.core.errors import InputError
from annotator.io.decoding import decode_bytes

ARABIC = "وقعت روسيا وكوريا الشمالية\r\nاتفاقية"


@pytest.mark.parametrize(
    "data",
    [
        ARABIC.encode("utf-8"),
        codecs.BOM_UTF8 + ARABIC.encode("utf-8"),
        codecs.BOM_UTF16_LE + ARABIC.encode("utf-16-le"),
        codecs.BOM_UTF16_BE + ARABIC.encode("utf-16-be"),
    ],
)
def test_utf8_and_bom_marked_utf16_decode_to_the_same_text_with_line_endings_kept(data):
    assert decode_bytes(data, "f.txt") == ARABIC


def test_cp1256_needs_its_name_and_then_decodes():
    data = ARABIC.encode("cp1256")
    with pytest.raises(InputError, match=r"f\.txt: byte 0: .*--encoding"):
        decode_bytes(data, "f.txt")
    assert decode_bytes(data, "f.txt", encoding="cp1256") == ARABIC


def test_invalid_utf8_names_the_byte_offset():
    data = "روسيا".encode() + b"\xff" + b"abc"
    with pytest.raises(InputError) as caught:
        decode_bytes(data, "news.txt")
    assert caught.value.byte == 10
    assert str(caught.value).startswith("news.txt: byte 10:")


def test_binary_files_are_refused():
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "picture.txt")


def test_unknown_encoding_name_is_a_clear_error():
    with pytest.raises(InputError, match="unknown encoding"):
        decode_bytes(b"abc", "f.txt", encoding="klingon-8")
