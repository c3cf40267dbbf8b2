"""The label schema: names, Arabic display names, colours and keys."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from typing import Final

from annotator.core.errors import EditError
from annotator.core.values import Value, replace

_NAME = re.compile(r"^[^\s\x00-\x1f\x7f]{1,64}$")
_COLOR = re.compile(r"^#[0-9A-Fa-f]{6}$")


class Label(Value):
    __slots__ = ("name", "display_name", "color", "key")
    name: Final[str]
    display_name: Final[str]
    color: Final[str]
    key: Final[str]

    def __init__(self, name: str, display_name: str, color: str, key: str = "") -> None:
        if not _NAME.match(name):
            raise EditError(f"label name {name!r} must be 1-64 characters without spaces")
        if not _COLOR.match(color):
            raise EditError(f"label colour {color!r} must look like #RRGGBB")
        self.name = name
        self.display_name = display_name
        self.color = color
        self.key = key


# Okabe-Ito colours: told apart by readers with any common colour-vision deficiency.
DEFAULT_LABELS: tuple[Label, ...] = (
    Label("actor", "فاعل", "#0072B2", "1"),
    Label("weapon", "سلاح", "#D55E00", "2"),
    Label("number", "عدد", "#009E73", "3"),
    Label("event", "حدث", "#CC79A7", "4"),
)

# Colours offered to labels a project adds, continuing the same palette.
EXTRA_COLORS: tuple[str, ...] = ("#E69F00", "#56B4E9", "#F0E442", "#000000", "#999999")


def _spread_colors() -> Iterator[str]:
    """Endless colours, each hue far from the last (the golden angle), in three lightnesses
    dark enough for white text and light enough to tell from black."""
    import colorsys  # only once the palette's own colours are used up

    for number in itertools.count():
        hue = (number * 137.508) % 360 / 360
        lightness = (0.45, 0.35, 0.55)[number % 3]
        red, green, blue = colorsys.hls_to_rgb(hue, lightness, 0.7)
        yield f"#{round(red * 255):02X}{round(green * 255):02X}{round(blue * 255):02X}"


class LabelSchema:
    """An ordered set of labels; the order is the palette's and the keys'."""

    def __init__(self, labels: Iterable[Label] = DEFAULT_LABELS):
        self._labels: dict[str, Label] = {}
        for label in labels:
            if label.name in self._labels:
                raise EditError(f"label {label.name!r} is defined twice")
            self._labels[label.name] = label

    def __iter__(self) -> Iterator[Label]:
        return iter(self._labels.values())

    def __len__(self) -> int:
        return len(self._labels)

    def __contains__(self, name: object) -> bool:
        return name in self._labels

    def names(self) -> list[str]:
        return list(self._labels)

    def get(self, name: str) -> Label:
        try:
            return self._labels[name]
        except KeyError:
            raise EditError(f"unknown label {name!r}") from None

    def by_key(self, key: str) -> Label | None:
        return next((label for label in self if label.key == key), None)

    def next_free_color(self) -> str:
        """The first of the palette not in use, then colours of their own, all distinct."""
        used = {label.color.upper() for label in self}
        candidates = itertools.chain(EXTRA_COLORS, _spread_colors())
        return next(c for c in candidates if c.upper() not in used)

    def next_free_key(self) -> str:
        used = {label.key for label in self}
        return next((str(k) for k in range(1, 10) if str(k) not in used), "")

    def with_added(self, name: str) -> Label:
        """The label a project adds for an unknown name met on import."""
        return Label(name, name, self.next_free_color(), self.next_free_key())

    def renamed(self, old: str, new_display_name: str) -> Label:
        return replace(self.get(old), display_name=new_display_name)
