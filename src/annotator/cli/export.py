"""export."""

from __future__ import annotations

import click

from annotator.cli.context import project_from
from annotator.cli.formats import export_formats_help
from annotator.cli.output import progress_printer, utf8_stdout
from annotator.core.model import Status
from annotator.io.exporting import export_project
from annotator.io.registry import exporter_names

STATUS_CHOICE = click.Choice([s.value for s in Status])


@click.command("export", epilog=export_formats_help())
@click.option(
    "--format",
    "fmt",
    default="native",
    show_default=True,
    type=click.Choice(exporter_names()),
    help="See the list below: a folder format writes a folder (so does any split).",
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

    What a format cannot hold (overlapping spans in IOB2, spans cut inside a token,
    values) is listed on stderr.
    """
    project = project_from(ctx)
    destination = utf8_stdout() if output == "-" else output
    report = export_project(
        project,
        destination,
        fmt=fmt,
        statuses=[Status(s) for s in statuses] or None,
        labels=labels or None,
        progress=progress_printer(),
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
