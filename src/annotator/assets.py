"""Files shipped inside the package (fonts come from their own dependency)."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(name: str) -> Traversable:
    return files("annotator.resources").joinpath(name)


def seed_files() -> list[Traversable]:
    return sorted(
        (entry for entry in files("annotator.seeds").iterdir() if entry.name.endswith(".txt")),
        key=lambda entry: entry.name,
    )
