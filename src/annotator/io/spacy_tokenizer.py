"""annotator's clitic-aware tokenizer as a spaCy tokenizer: ``annotator.arabic_tokenizer.v1``.

Registered with spaCy through the ``spacy_tokenizers`` entry point (pyproject.toml), so a
training config names it and ``python -m spacy train`` tokenizes raw text exactly as the
``spacy`` export built its Docs ('وكوريا' -> و | كوريا, whitespace tokens included)::

    [nlp.tokenizer]
    @tokenizers = "annotator.arabic_tokenizer.v1"
    forms = ["كوريا الشمالية", ...]     # known forms: the exported span texts

Without it, spaCy's Arabic tokenizer keeps clitics attached and every entity after a
clitic is silently left out of training. This module has no postponed annotations: spaCy
reads the factory's signature to check the config.
"""

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from annotator.io.tokens import TokenizedText, default_tokenize

TOKENIZER_NAME = "annotator.arabic_tokenizer.v1"


def words_and_spaces(tokenized: TokenizedText) -> tuple[list[str], list[bool]]:
    """spaCy's words and spaces for a text, whitespace tokens included, so the text is kept.

    One space after a token is that token's ``space``; any other whitespace
    (line breaks, a second space, leading whitespace) is a token of its own
    (see ``TokenizedText.with_whitespace``).
    """
    _, _, spaces, words = tokenized.with_whitespace()
    return words, spaces


class ArabicSpacyTokenizer:
    """Text to Doc with annotator's tokens; ``forms`` are extra known forms (span texts)."""

    def __init__(self, vocab: Any, forms: Iterable[str] = ()):
        self.vocab = vocab
        self.forms = sorted(set(forms))
        self._tokenize = default_tokenize(self.forms)

    def __call__(self, text: str) -> Any:
        from spacy.tokens import Doc

        words, spaces = words_and_spaces(TokenizedText.of(text, self._tokenize))
        return Doc(self.vocab, words=words, spaces=spaces)

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Any]:
        for text in texts:
            yield self(text)

    # A trained pipeline saves and loads its tokenizer: the forms go with it.
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        import srsly

        packed: bytes = srsly.msgpack_dumps({"forms": self.forms})
        return packed

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> "ArabicSpacyTokenizer":
        import srsly

        self.forms = list(srsly.msgpack_loads(data).get("forms", []))
        self._tokenize = default_tokenize(self.forms)
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        Path(path).write_bytes(self.to_bytes())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> "ArabicSpacyTokenizer":
        return self.from_bytes(Path(path).read_bytes())


def create_arabic_tokenizer(forms: list[str] = []) -> Callable[[Any], ArabicSpacyTokenizer]:  # noqa: B006 - spaCy reads the default from the signature
    """The ``annotator.arabic_tokenizer.v1`` factory named in a config's ``[nlp.tokenizer]``."""

    def make(nlp: Any) -> ArabicSpacyTokenizer:
        return ArabicSpacyTokenizer(nlp.vocab, forms)

    return make
