"""Where the default project lives: the user's data folder (platformdirs)."""

from __future__ import annotations

import os
from pathlib import Path

PROJECT_ENV = "ANNOTATOR_PROJECT"
DEFAULT_NAME = "default.annotator"


def default_project_path() -> Path:
    from platformdirs import user_data_path  # only when no project is named

    return user_data_path("annotator", appauthor=False) / DEFAULT_NAME


def resolve_project_path(explicit: str | os.PathLike[str] | None) -> tuple[Path, bool]:
    """The project to open and whether it is the default one (which is seeded on first run)."""
    if explicit:
        return Path(explicit).expanduser(), False
    from_env = os.environ.get(PROJECT_ENV)
    if from_env:
        return Path(from_env).expanduser(), False
    return default_project_path(), True
