"""`annotator labels`: list, add, rename and recolour a project's labels."""

from __future__ import annotations

import click

from annotator.cli.context import project_from
from annotator.cli.output import Printer
from annotator.core.labels import Label


@click.group("labels", invoke_without_command=True)
@click.pass_context
def labels_command(ctx):
    """List the project's labels (name, key, colour, display name)."""
    if ctx.invoked_subcommand is None:
        project = project_from(ctx)
        out = Printer(ctx.obj["bidi"])
        for label in project.labels():
            out.line(f"{label.name}\t{label.key or '-'}\t{label.color}\t{label.display_name}")


@labels_command.command("add")
@click.argument("name")
@click.option("--display", "display_name", default=None, help="Name shown in the window.")
@click.option("--color", default=None, help="#RRGGBB (default: the next free colour).")
@click.option("--key", default=None, help="Key 1-9 (default: the next free one).")
@click.pass_context
def add_label(ctx, name, display_name, color, key):
    """Add a label."""
    project = project_from(ctx)
    schema = project.labels()
    label = Label(
        name,
        display_name or name,
        color or schema.next_free_color(),
        key if key is not None else schema.next_free_key(),
    )
    project.add_label(label)
    click.echo(f"added label {label.name} (key {label.key or '-'}, {label.color})", err=True)


@labels_command.command("rename")
@click.argument("old")
@click.argument("new")
@click.option("--display", "display_name", default=None, help="New display name too.")
@click.pass_context
def rename_label(ctx, old, new, display_name):
    """Rename a label; its spans follow."""
    project = project_from(ctx)
    project.update_label(old, new_name=new, display_name=display_name)
    click.echo(f"renamed label {old} to {new}", err=True)


@labels_command.command("recolor")
@click.argument("name")
@click.argument("color")
@click.pass_context
def recolor_label(ctx, name, color):
    """Give a label another colour (#RRGGBB)."""
    project_from(ctx).update_label(name, color=color)
    click.echo(f"label {name} is now {color}", err=True)
