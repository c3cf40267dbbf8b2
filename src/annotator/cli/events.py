"""`annotator roles`, `event-types`, `attributes`, `link`, `unlink`, `attribute`: events with their
participants, from the command line (span ids as `show --ids` prints them)."""

from __future__ import annotations

import click

from annotator.cli.context import project_from
from annotator.cli.output import Printer
from annotator.core.edits import Batch
from annotator.core.errors import EditError
from annotator.core.events import AttributeKey, AttributeKind, EventType, Role
from annotator.core.link_edits import AddLink, RemoveLink, SetAttribute
from annotator.core.model import parse_value


def _labels(accepts: str | None) -> list[str] | None:
    if accepts is None:
        return None
    return [name for name in accepts.replace(",", " ").split() if name]


@click.group("roles", invoke_without_command=True)
@click.pass_context
def roles_command(ctx):
    """List the project's roles (name, key, labels accepted, display name)."""
    if ctx.invoked_subcommand is None:
        out = Printer(ctx.obj["bidi"])
        for role in project_from(ctx).event_schema().roles:
            accepts = ",".join(sorted(role.accepts)) or "-"
            out.line(f"{role.name}\t{role.key or '-'}\t{accepts}\t{role.display_name}")


@roles_command.command("add")
@click.argument("name")
@click.option("--accepts", required=True, help="Labels of its arguments: actor,weapon.")
@click.option("--display", "display_name", default=None, help="Name shown in the window.")
@click.option("--key", default="", help="Key that gives a link this role.")
@click.pass_context
def add_role(ctx, name, accepts, display_name, key):
    """Add a role."""
    role = Role(name, display_name or name, frozenset(_labels(accepts) or ()), key)
    project_from(ctx).add_role(role)
    click.echo(f"added role {role.name} ({','.join(sorted(role.accepts))})", err=True)


@roles_command.command("rename")
@click.argument("old")
@click.argument("new")
@click.option("--display", "display_name", default=None, help="New display name too.")
@click.pass_context
def rename_role(ctx, old, new, display_name):
    """Rename a role; its links follow."""
    project_from(ctx).update_role(old, new_name=new, display_name=display_name)
    click.echo(f"renamed role {old} to {new}", err=True)


@roles_command.command("set")
@click.argument("name")
@click.option("--display", "display_name", default=None, help="Name shown in the window.")
@click.option("--key", default=None, help="Key that gives a link this role.")
@click.option("--accepts", default=None, help="Labels of its arguments: actor,weapon.")
@click.pass_context
def set_role(ctx, name, display_name, key, accepts):
    """Change a role's display name, key or the labels it accepts."""
    role = project_from(ctx).update_role(
        name, display_name=display_name, key=key, accepts=_labels(accepts)
    )
    click.echo(
        f"role {role.name}: {','.join(sorted(role.accepts))}, key {role.key or '-'}", err=True
    )


@roles_command.command("remove")
@click.argument("name")
@click.pass_context
def remove_role(ctx, name):
    """Remove a role no link has."""
    project_from(ctx).remove_role(name)
    click.echo(f"removed role {name}", err=True)


@click.group("event-types", invoke_without_command=True)
@click.pass_context
def event_types_command(ctx):
    """List the project's event types (name, display name)."""
    if ctx.invoked_subcommand is None:
        out = Printer(ctx.obj["bidi"])
        for event_type in project_from(ctx).event_schema().event_types:
            out.line(f"{event_type.name}\t{event_type.display_name}")


@event_types_command.command("add")
@click.argument("name")
@click.option("--display", "display_name", default=None, help="Name shown in the window.")
@click.pass_context
def add_event_type(ctx, name, display_name):
    """Add an event type."""
    project_from(ctx).add_event_type(EventType(name, display_name or name))
    click.echo(f"added event type {name}", err=True)


@event_types_command.command("rename")
@click.argument("old")
@click.argument("new")
@click.option("--display", "display_name", default=None, help="New display name too.")
@click.pass_context
def rename_event_type(ctx, old, new, display_name):
    """Rename an event type; the events of that type follow."""
    project_from(ctx).update_event_type(old, new_name=new, display_name=display_name)
    click.echo(f"renamed event type {old} to {new}", err=True)


@event_types_command.command("set")
@click.argument("name")
@click.option("--display", "display_name", required=True, help="Name shown in the window.")
@click.pass_context
def set_event_type_display(ctx, name, display_name):
    """Change an event type's display name."""
    project_from(ctx).update_event_type(name, display_name=display_name)
    click.echo(f"event type {name} is shown as {display_name}", err=True)


@event_types_command.command("remove")
@click.argument("name")
@click.pass_context
def remove_event_type(ctx, name):
    """Remove an event type no event has."""
    project_from(ctx).remove_event_type(name)
    click.echo(f"removed event type {name}", err=True)


@click.command("link")
@click.argument("event_id", type=int)
@click.argument("argument_id", type=int)
@click.argument("role")
@click.pass_context
def link_command(ctx, event_id, argument_id, role):
    """Link an event span to an argument span in a role (ids as `show --ids` prints)."""
    project = project_from(ctx)
    project.apply(AddLink(event_id, argument_id, role))
    link = project.find_link(event_id, argument_id, role)
    assert link is not None
    click.echo(f"linked #{argument_id} as {role} of #{event_id} (link {link.id})", err=True)


@click.command("unlink")
@click.argument("event_id", type=int)
@click.argument("argument_id", type=int)
@click.argument("role", required=False)
@click.pass_context
def unlink_command(ctx, event_id, argument_id, role):
    """Remove the links from an event span to an argument span (in one role, or all)."""
    project = project_from(ctx)
    links = [
        link
        for link in project.links_of_span(event_id)
        if link.event == event_id
        and link.argument == argument_id
        and (role is None or link.role == role)
    ]
    if not links:
        raise EditError(
            f"no link from #{event_id} to #{argument_id}"
            + (f" as {role}" if role else "")
            + "; nothing was changed"
        )
    assert all(link.id is not None for link in links)
    project.apply(Batch(tuple(RemoveLink(link.id or 0) for link in links), "Remove links"))
    roles = ", ".join(link.role for link in links)
    click.echo(f"unlinked #{argument_id} from #{event_id} ({roles})", err=True)


@click.command("attribute")
@click.argument("span_id", type=int)
@click.argument("name")
@click.argument("value", required=False)
@click.pass_context
def attribute_command(ctx, span_id, name, value):
    """Set a span's attribute (a number when it reads as one); without VALUE, clear it.
    An event's type is the attribute `type`."""
    project = project_from(ctx)
    project.apply(SetAttribute(span_id, name, parse_value(value or "")))
    shown = value if value else "(cleared)"
    click.echo(f"#{span_id} {name} = {shown}", err=True)


@click.group("attributes", invoke_without_command=True)
@click.pass_context
def attributes_command(ctx):
    """List the attributes each label's spans may carry (label, name, kind, spans with it)."""
    if ctx.invoked_subcommand is None:
        out = Printer(ctx.obj["bidi"])
        project = project_from(ctx)
        counts = project.attribute_counts()
        for key in project.event_schema().attribute_keys:
            out.line(f"{key.label}\t{key.name}\t{key.kind.value}\t{counts[key.label, key.name]}")


_DECLARABLE = [AttributeKind.TEXT.value, AttributeKind.NUMBER.value, AttributeKind.VALUE.value]


@attributes_command.command("add")
@click.argument("label")
@click.argument("name")
@click.option(
    "--kind",
    type=click.Choice(_DECLARABLE),
    default=AttributeKind.TEXT.value,
    show_default=True,
    help="text, number, or value (a number or text, as typed).",
)
@click.pass_context
def add_attribute_key(ctx, label, name, kind):
    """Let spans of LABEL carry the attribute NAME."""
    project_from(ctx).add_attribute_key(AttributeKey(label, name, AttributeKind(kind)))
    click.echo(f"added attribute {name} ({kind}) to label {label}", err=True)


@attributes_command.command("remove")
@click.argument("label")
@click.argument("name")
@click.pass_context
def remove_attribute_key(ctx, label, name):
    """Remove an attribute no span of LABEL carries."""
    project_from(ctx).remove_attribute_key(label, name)
    click.echo(f"removed attribute {name} from label {label}", err=True)
