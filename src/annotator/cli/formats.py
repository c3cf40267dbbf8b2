"""The format lists of `annotator import --help` and `export --help`, read from the registry."""

from __future__ import annotations

from annotator.io.registry import Holds, export_formats, import_formats

NAME_WIDTH = 14


def _holds(holds: frozenset[Holds]) -> str:
    return ", ".join(h.value for h in Holds if h in holds) or "text only"


def import_formats_help() -> str:
    # "\b": click prints the paragraph as it is, one format a line.
    lines = ["\b", "Formats (--format; auto picks one by suffix and content):"]
    for declared in import_formats():
        suffixes = " ".join(s for s in declared.suffixes if s)
        lines.append(
            f"  {declared.name:<{NAME_WIDTH}}{declared.description}"
            f" [{suffixes}; {_holds(declared.holds)}]"
        )
    return "\n".join(lines)


def export_formats_help() -> str:
    lines = ["\b", "Formats (--format):"]
    for declared in export_formats():
        lines.append(
            f"  {declared.name:<{NAME_WIDTH}}{declared.description}"
            f" [{declared.output.value}; {_holds(declared.holds)}]"
        )
    return "\n".join(lines)
