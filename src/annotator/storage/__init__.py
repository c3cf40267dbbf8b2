"""The only package that speaks SQL: the project file, its schema and migrations."""

from annotator.storage.project import Project, open_project

__all__ = ["Project", "open_project"]
