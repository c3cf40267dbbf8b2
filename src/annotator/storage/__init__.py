"""The only package that speaks SQL: the project file, its schema and migrations."""

from annotator.storage.opening import open_project
from annotator.storage.project import Project

__all__ = ["Project", "open_project"]
