"""Opening the project a command works on."""

from __future__ import annotations

import click

from annotator.storage import Project, open_project
from annotator.storage.location import resolve_project_path


def project_from(ctx: click.Context) -> Project:
    path, is_default = resolve_project_path(ctx.obj.get("project_path"))
    if is_default:
        path.parent.mkdir(parents=True, exist_ok=True)
    project = open_project(path)
    ctx.obj["opened_project"] = path  # named if a row turns out unreadable (AnnotatorGroup)
    ctx.call_on_close(project.close)
    if is_default:
        from annotator.io.seed import ensure_seeded  # the sample article: the default only

        ensure_seeded(project)
    return project
