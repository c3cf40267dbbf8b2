"""import."""

from __future__ import annotations

import gc

import click

from annotator.cli.context import project_from
from annotator.cli.formats import import_formats_help
from annotator.cli.output import progress_printer
from annotator.io.importing import import_paths
from annotator.io.registry import importer_names

SHOWN = 20


@click.command("import", epilog=import_formats_help())
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
@click.option(
    "--offsets",
    default="auto",
    show_default=True,
    type=click.Choice(["auto", "codepoints", "utf16"]),
    help="How doccano / Label Studio spans count: utf16 converts offsets counted in UTF-16"
    " units (their editors, after an emoji); auto refuses a document whose spans line up only so.",
)
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.pass_context
def import_command(ctx, fmt, encoding, add_labels, skip_invalid, offsets, paths):
    """Import text files, folders (recursively) or JSONL files into the project."""
    # What start-up made lives as long as the process: the collections the import's many
    # small objects set off need not walk it again (a sixtieth of a 1,000-document import).
    gc.freeze()
    project = project_from(ctx)
    result = import_paths(
        project,
        paths,
        fmt=fmt,
        encoding=encoding,
        add_labels=add_labels,
        skip_invalid=skip_invalid,
        progress=progress_printer(),
        offsets=offsets,
    )
    report = result.report
    for problem in result.skipped:
        click.echo(f"skipped {problem}", err=True)
    if result.skipped_count > len(result.skipped):
        click.echo(f"... and {result.skipped_count - len(result.skipped)} more skipped", err=True)
    for note in result.repeated[:SHOWN]:
        click.echo(str(note), err=True)
    if result.repeated_count > SHOWN:
        click.echo(f"... and {result.repeated_count - SHOWN} more repeated spans", err=True)
    for notice in result.not_read:
        click.echo(f"skipped {notice}", err=True)
    for duplicate in report.duplicates[:SHOWN]:
        click.echo(f"already in the project, not added again: {duplicate}", err=True)
    if report.duplicate_count > SHOWN:
        click.echo(f"... and {report.duplicate_count - SHOWN} more already present", err=True)
    if report.labels_added:
        click.echo(f"labels added: {', '.join(report.labels_added)}", err=True)
    click.echo(
        f"imported {report.documents_added} document(s) with {report.spans_added} span(s)"
        + (f"; {report.duplicate_count} already present" if report.duplicate_count else "")
        + (
            f"; {result.repeated_count} repeated span(s) imported once"
            if result.repeated_count
            else ""
        )
        + (f"; {result.skipped_count} invalid record(s) skipped" if result.skipped_count else "")
        + (f"; {len(result.not_read)} file(s) not read" if result.not_read else ""),
        err=True,
    )
