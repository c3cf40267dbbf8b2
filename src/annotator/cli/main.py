"""The `annotator` command: thin click commands over the same services as the window."""

from __future__ import annotations

import importlib
from typing import Any

import click

from annotator.core.errors import AnnotatorError

# Each subcommand's module is imported only when that subcommand runs (or its own --help
# shows it): `annotator stats` does not load the importers, the Arabic tools or Qt. Beside
# each, the first paragraph of its help, which `annotator --help` lists (tests check that
# they agree with the commands).
COMMANDS = {
    "import": (
        "annotator.cli.commands:import_command",
        "Import text files, folders (recursively) or JSONL files into the project.",
    ),
    "export": (
        "annotator.cli.export:export_command",
        "Export documents and spans as training data.",
    ),
    "stats": ("annotator.cli.browse:stats_command", "Documents by status and spans per label."),
    "docs": ("annotator.cli.browse:docs_command", "List documents: id, status, span count, title."),
    "show": (
        "annotator.cli.browse:show_command",
        "Print a document with each span bracketed and labelled, events with their links.",
    ),
    "labels": (
        "annotator.cli.labels:labels_command",
        "List the project's labels (name, key, colour, display name).",
    ),
    "roles": (
        "annotator.cli.events:roles_command",
        "List the project's roles (name, key, labels accepted, display name).",
    ),
    "event-types": (
        "annotator.cli.events:event_types_command",
        "List the project's event types (name, display name).",
    ),
    "link": (
        "annotator.cli.events:link_command",
        "Link an event span to an argument span in a role (ids as `show --ids` prints).",
    ),
    "unlink": (
        "annotator.cli.events:unlink_command",
        "Remove the links from an event span to an argument span (in one role, or all).",
    ),
    "attribute": (
        "annotator.cli.events:attribute_command",
        "Set a span's attribute (a number when it reads as one); without VALUE, clear it."
        " An event's type is the attribute `type`.",
    ),
    "attributes": (
        "annotator.cli.events:attributes_command",
        "List the attributes each label's spans may carry (label, name, kind, spans with it).",
    ),
    "suggest": (
        "annotator.cli.suggest:suggest_command",
        "Propose spans (numbers with values, names already accepted) in the project.",
    ),
    "delete": (
        "annotator.cli.documents:delete_command",
        "Delete documents (by id, as `docs` lists them) with their spans and suggestions.",
    ),
    "rename": ("annotator.cli.documents:rename_command", "Give a document a new title."),
}


class AnnotatorGroup(click.Group):
    """Loads subcommands when used; turns every AnnotatorError, and a stored text that
    is not UTF-8, into one line on stderr and exit code 1."""

    _listing = False

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # The list shows each command's summary: a stand-in holding it will do, so
        # `annotator --help` does not import every command's module (the Arabic tools too).
        self._listing = True
        try:
            super().format_commands(ctx, formatter)
        finally:
            self._listing = False

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in COMMANDS:
            where, summary = COMMANDS[name]
            if self._listing:
                return click.Command(name, help=summary)
            module, attribute = where.split(":")
            self.add_command(getattr(importlib.import_module(module), attribute), name)
        return self.commands.get(name)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except AnnotatorError as exc:
            click.echo(f"annotator: error: {exc}", err=True)
            ctx.exit(1)
        except Exception as exc:
            from annotator.storage.undecodable import undecodable_text_error

            problem = undecodable_text_error(exc, (ctx.obj or {}).get("opened_project"))
            if problem is None:
                raise
            click.echo(f"annotator: error: {problem}", err=True)
            ctx.exit(1)


@click.group(cls=AnnotatorGroup, invoke_without_command=True)
@click.option(
    "--project",
    "project_path",
    type=click.Path(dir_okay=False),
    envvar="ANNOTATOR_PROJECT",
    help="Project file (default: the project in your data folder; env ANNOTATOR_PROJECT).",
)
@click.option("--lang", type=click.Choice(["en", "ar"]), default=None, help="Interface language.")
@click.option(
    "--bidi",
    type=click.Choice(["auto", "on", "off"]),
    default="auto",
    show_default=True,
    help="Print Arabic lines in visual order (auto: only when writing to a terminal).",
)
@click.version_option(package_name="annotator")
@click.pass_context
def cli(ctx: click.Context, project_path: str | None, lang: str | None, bidi: str) -> None:
    """Annotate Arabic news articles. With no command, opens the window."""
    ctx.ensure_object(dict)
    ctx.obj["project_path"] = project_path
    ctx.obj["bidi"] = bidi
    if ctx.invoked_subcommand is None:
        from annotator.qt.app import run_app

        ctx.exit(run_app(project_path, lang))


def main() -> None:
    cli(prog_name="annotator")


if __name__ == "__main__":
    main()  # click exits with the command's status
