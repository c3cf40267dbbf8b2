"""import, export, stats, docs, show."""

from __future__ import annotations

import sys

import click

from annotator.cli.context import project_from
from annotator.cli.labels import labels_command
from annotator.cli.output import Printer, utf8_stdout
from annotator.core.model import Status
from annotator.core.render import bracketed
from annotator.io.exporting import export_project
from annotator.io.importing import import_paths
from annotator.io.registry import exporter_names, importer_names

SHOWN = 20
STATUS_CHOICE = click.Choice([s.value for s in Status])


def _progress_printer():
    if not sys.stderr.isatty():
        return None

    def show(count: int) -> None:
        if count % 200 == 0:
            click.echo(f"\r{count} records read", err=True, nl=False)

    return show


@click.command("import")
@click.option(
    "--format",
    "fmt",
    default="auto",
    show_default=True,
    type=click.Choice(["auto", *importer_names()]),
    help="auto: .jsonl/.json by their fields (doccano, prodigy, ours), anything else as text.",
)
@click.option("--encoding", default=None, help="Encoding of text files without BOM, e.g. cp1256.")
@click.option("--add-labels", is_flag=True, help="Add labels the project does not know yet.")
@click.option("--skip-invalid", is_flag=True, help="Import the valid records, list the rest.")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.pass_context
def import_command(ctx, fmt, encoding, add_labels, skip_invalid, paths):
    """Import text files, folders (recursively) or JSONL files into the project."""
    project = project_from(ctx)
    result = import_paths(
        project,
        paths,
        fmt=fmt,
        encoding=encoding,
        add_labels=add_labels,
        skip_invalid=skip_invalid,
        progress=_progress_printer(),
    )
    report = result.report
    for problem in result.skipped:
        click.echo(f"skipped {problem}", err=True)
    for note in result.repeated[:SHOWN]:
        click.echo(str(note), err=True)
    if len(result.repeated) > SHOWN:
        click.echo(f"... and {len(result.repeated) - SHOWN} more repeated spans", err=True)
    for notice in result.not_read:
        click.echo(f"skipped {notice}", err=True)
    for duplicate in report.duplicates[:SHOWN]:
        click.echo(f"already in the project, not added again: {duplicate}", err=True)
    if len(report.duplicates) > SHOWN:
        click.echo(f"... and {len(report.duplicates) - SHOWN} more already present", err=True)
    if report.labels_added:
        click.echo(f"labels added: {', '.join(report.labels_added)}", err=True)
    click.echo(
        f"imported {report.documents_added} document(s) with {report.spans_added} span(s)"
        + (f"; {len(report.duplicates)} already present" if report.duplicates else "")
        + (f"; {len(result.repeated)} repeated span(s) imported once" if result.repeated else "")
        + (f"; {len(result.skipped)} invalid record(s) skipped" if result.skipped else "")
        + (f"; {len(result.not_read)} file(s) not read" if result.not_read else ""),
        err=True,
    )


@click.command("export")
@click.option(
    "--format",
    "fmt",
    default="native",
    show_default=True,
    type=click.Choice(exporter_names()),
    help="brat and hf write a folder; spacy a binary file (needs spaCy).",
)
@click.option(
    "--status",
    "statuses",
    multiple=True,
    type=STATUS_CHOICE,
    help="Only documents with this status (repeatable).",
)
@click.option("--label", "labels", multiple=True, help="Only spans with this label (repeatable).")
@click.option(
    "--annotator",
    "annotators",
    multiple=True,
    help="Only spans by this annotator, and documents where they made one (repeatable).",
)
@click.option(
    "--since",
    default=None,
    help="Only documents with a span created or changed at or after this date/time (UTC).",
)
@click.option(
    "--until",
    default=None,
    help="... and at or before this date (the whole day) or time (UTC).",
)
@click.option(
    "--split",
    default=None,
    help="Split by document into train,dev,test shares, e.g. 0.8,0.1,0.1 (-o is then a folder).",
)
@click.option("--seed", default=13, show_default=True, type=int, help="Seed of the split.")
@click.option(
    "-o",
    "--output",
    type=click.Path(allow_dash=True),
    default="-",
    help="Output file or folder (default: standard output, for one-stream formats).",
)
@click.pass_context
def export_command(ctx, fmt, statuses, labels, annotators, since, until, split, seed, output):
    """Export documents and spans as training data.

    Formats: native, doccano, prodigy (with tokens), labelstudio, iob2 (one file);
    spacy (.spacy file); brat, hf (a folder). What a format cannot hold (overlapping
    spans in IOB2, spans cut inside a token, values) is listed on stderr.
    """
    project = project_from(ctx)
    destination = utf8_stdout() if output == "-" else output
    report = export_project(
        project,
        destination,
        fmt=fmt,
        statuses=[Status(s) for s in statuses] or None,
        labels=labels or None,
        progress=_progress_printer(),
        split=split,
        seed=seed,
        annotators=annotators or None,
        since=since,
        until=until,
    )
    for message in report.messages():
        click.echo(message, err=True)
    parts = ", ".join(f"{part} {count}" for part, count in report.parts.items())
    where = "" if output == "-" else f" to {output}"
    click.echo(
        f"exported {report.documents} document(s) with {report.spans_written} span(s){where}"
        + (f" ({parts})" if parts else ""),
        err=True,
    )


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
@click.pass_context
def show_command(ctx, document_id):
    """Print a document with each span bracketed and labelled."""
    project = project_from(ctx)
    out = Printer(ctx.obj["bidi"])
    document = project.get_document(document_id)
    spans = project.spans(document_id, include_suggested=False)
    out.line(f"# {document.id}: {document.title} ({document.status.value}, {len(spans)} spans)")
    out.line(bracketed(document.text, spans))


COMMANDS = (
    import_command,
    export_command,
    stats_command,
    docs_command,
    show_command,
    labels_command,
)
