"""Printing text for people: Arabic lines in visual order on terminals that do not reorder."""

from __future__ import annotations

import re
import sys
from typing import TextIO

import click

# A pattern, compiled (and cached by re) when a terminal first needs it: compiling it took
# a fiftieth of a 1,000-document import's start-up, which prints no Arabic line.
_RTL = "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]"


class Printer:
    def __init__(self, mode: str = "auto", stream: TextIO | None = None):
        self.stream = stream or sys.stdout
        if mode == "auto":
            self.visual = _is_terminal(self.stream)
        else:
            self.visual = mode == "on"

    def line(self, text: str = "") -> None:
        if self.visual:
            from bidi import get_display  # for a terminal only: not loaded by an import

            text = "\n".join(
                get_display(part) if re.search(_RTL, part) else part for part in text.split("\n")
            )
        click.echo(text, file=self.stream)


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


def utf8_stdout() -> TextIO:
    """Data goes out as UTF-8 whatever the locale says."""
    stream = sys.stdout
    if hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8", newline="\n")
    return stream


def progress_printer():
    """A running count of records on stderr, when it is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(count: int) -> None:
        if count % 200 == 0:
            click.echo(f"\r{count} records read", err=True, nl=False)

    return show
