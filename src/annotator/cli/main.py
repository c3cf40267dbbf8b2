"""The `annotator` command: thin click commands over the same services as the window."""

from __future__ import annotations

import importlib
from typing import Any

import click

from annotator.core.errors import AnnotatorError

# Each subcommand's module is imported only when that subcommand runs (or --help lists
# it): `annotator stats` does not load the importers, the Arabic tools or Qt.
COMMANDS = {
    "import": "annotator.cli.commands:import_command",
    "export": "annotator.cli.export:export_command",
    "stats": "annotator.cli.browse:stats_command",
    "docs": "annotator.cli.browse:docs_command",
    "show": "annotator.cli.browse:show_command",
    "labels": "annotator.cli.labels:labels_command",
    "roles": "annotator.cli.events:roles_command",
    "event-types": "annotator.cli.events:event_types_command",
    "link": "annotator.cli.events:link_command",
    "unlink": "annotator.cli.events:unlink_command",
    "attribute": "annotator.cli.events:attribute_command",
    "attributes": "annotator.cli.events:attributes_command",
    "suggest": "annotator.cli.suggest:suggest_command",
    "delete": "annotator.cli.documents:delete_command",
    "rename": "annotator.cli.documents:rename_command",
}


class AnnotatorGroup(click.Group):
    """Loads subcommands when used; turns every AnnotatorError, and a stored text that
    is not UTF-8, into one line on stderr and exit code 1."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.commands and name in COMMANDS:
            module, attribute = COMMANDS[name].split(":")
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
