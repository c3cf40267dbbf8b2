"""stats, docs, show: what a project holds, for people."""

from __future__ import annotations

import click

from annotator.cli.context import project_from
from annotator.cli.output import Printer
from annotator.core.model import Status
from annotator.core.render import bracketed

STATUS_CHOICE = click.Choice([s.value for s in Status])


@click.command("stats")
@click.pass_context
def stats_command(ctx):
    """Documents by status and spans per label."""
    project = project_from(ctx)
    out = Printer(ctx.obj["bidi"])
    statuses = project.status_counts()
    out.line(f"documents: {sum(statuses.values())}")
    for status, count in statuses.items():
        out.line(f"  {status.value}: {count}")
    labels = project.label_counts()
    out.line(f"spans: {sum(labels.values())}")
    schema = project.labels()
    for name, count in labels.items():
        display = schema.get(name).display_name if name in schema else name
        out.line(f"  {name} ({display}): {count}")
    events = project.event_schema()
    roles = project.role_counts()
    out.line(f"links: {sum(roles.values())}")
    for role in events.roles:
        out.line(f"  {role.name} ({role.display_name}): {roles.get(role.name, 0)}")
    types = project.event_type_counts()
    out.line(f"events by type: {sum(types.values())}")
    for event_type in events.event_types:
        out.line(f"  {event_type.name} ({event_type.display_name}): {types[event_type.name]}")
    if types.get(""):
        out.line(f"  (no type): {types['']}")


@click.command("docs")
@click.option("--status", "status", type=STATUS_CHOICE, default=None)
@click.pass_context
def docs_command(ctx, status):
    """List documents: id, status, span count, title."""
    project = project_from(ctx)
    out = Printer(ctx.obj["bidi"])
    ids = project.document_ids(Status(status) if status else None)
    summaries = project.summaries(ids)
    for doc_id in ids:
        summary = summaries[doc_id]
        out.line(f"{summary.id}\t{summary.status.value}\t{summary.span_count}\t{summary.title}")


@click.command("show")
@click.argument("document_id", type=int)
@click.option("--ids", is_flag=True, help="Show every span's id (linked spans always show it).")
@click.pass_context
def show_command(ctx, document_id, ids):
    """Print a document with each span bracketed and labelled, events with their links."""
    project = project_from(ctx)
    out = Printer(ctx.obj["bidi"])
    document = project.get_document(document_id)
    spans = project.spans(document_id, include_suggested=False)
    out.line(f"# {document.id}: {document.title} ({document.status.value}, {len(spans)} spans)")
    out.line(bracketed(document.text, spans, project.links_of_document(document_id), ids=ids))
