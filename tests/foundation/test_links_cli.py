"""The command line on events: roles and event types managed like labels, spans linked
and unlinked by id, links shown and counted."""

from __future__ import annotations

from click.testing import CliRunner
from tests.seed_events import tag, tag_dispatch

from annotator.cli.main import cli
from annotator.storage import open_project


def run(path, *args, code=0):
    result = CliRunner().invoke(cli, ["--project", str(path), *args], catch_exceptions=False)
    assert result.exit_code == code, result.output + result.stderr
    return result


def test_the_troop_dispatch_linked_shown_counted_and_unlinked(project_file, seed_text):
    with open_project(project_file) as project:
        tagged = tag_dispatch(project, seed_text)
    ids = {"بيونغ يانغ": tagged["agent"], "أرسلت": tagged["event"]}
    ids |= {"1500": tagged["quantity"], "روسيا": tagged["target"]}
    event, agent = ids["أرسلت"], ids["بيونغ يانغ"]

    linked = run(project_file, "link", str(event), str(agent), "agent")
    assert f"linked #{agent} as agent of #{event}" in linked.stderr
    run(project_file, "link", str(event), str(ids["1500"]), "quantity")
    run(project_file, "link", str(event), str(ids["روسيا"]), "target")
    run(project_file, "attribute", str(event), "type", "deployment")
    refused = run(project_file, "link", str(event), str(ids["1500"]), "agent", code=1)
    assert "role 'agent' takes actor, not a span labelled 'number'" in refused.stderr

    shown = run(project_file, "show", "1").stdout
    assert (
        f"[أرسلت|event:deployment #{event} agent=#{agent} quantity=#{ids['1500']}"
        f" target=#{ids['روسيا']}]" in shown
    )
    assert f"[بيونغ يانغ|actor #{agent}]" in shown
    assert "[1500|number #" in shown

    stats = run(project_file, "stats").stdout
    assert "links: 3\n" in stats and "  agent (منفذ): 1\n" in stats
    assert "  deployment (نشر قوات): 1\n" in stats

    run(project_file, "unlink", str(event), str(agent))
    with open_project(project_file) as project:
        assert {link.role for link in project.links_of_document(1)} == {"quantity", "target"}
    missing = run(project_file, "unlink", str(event), str(agent), code=1)
    assert "no link from" in missing.stderr


def test_roles_and_event_types_are_managed_like_labels(project_file):
    listed = run(project_file, "roles").stdout.splitlines()
    assert listed[0] == "agent\ta\tactor\tمنفذ"
    assert listed[3] == "quantity\tq\tnumber\tكمية"
    run(project_file, "roles", "add", "location", "--accepts", "actor", "--display", "مكان")
    run(project_file, "roles", "set", "location", "--accepts", "actor,weapon", "--key", "l")
    run(project_file, "roles", "rename", "location", "place")
    assert run(project_file, "roles").stdout.splitlines()[-1] == "place\tl\tactor,weapon\tمكان"
    refused = run(project_file, "roles", "add", "site", "--accepts", "town", code=1)
    assert "unknown label 'town'" in refused.stderr
    run(project_file, "roles", "remove", "place")
    assert len(run(project_file, "roles").stdout.splitlines()) == 4

    run(project_file, "event-types", "add", "ceasefire", "--display", "وقف إطلاق النار")
    run(project_file, "event-types", "rename", "ceasefire", "truce")
    types = run(project_file, "event-types").stdout.splitlines()
    assert types[0] == "attack\tهجوم" and types[-1] == "truce\tوقف إطلاق النار"
    run(project_file, "event-types", "remove", "truce")
    assert "truce" not in run(project_file, "event-types").stdout


def test_two_roles_never_share_a_key_and_a_key_is_one_letter(project_file):
    before = run(project_file, "roles").stdout
    taken = run(project_file, "roles", "add", "site", "--accepts", "actor", "--key", "T", code=1)
    assert "role key 'T' is already the key of role 'target'" in taken.stderr
    moved = run(project_file, "roles", "set", "quantity", "--key", "a", code=1)
    assert "already the key of role 'agent'" in moved.stderr
    digit = run(project_file, "roles", "set", "quantity", "--key", "2", code=1)
    assert "must be one letter" in digit.stderr
    assert run(project_file, "roles").stdout == before  # nothing was changed
    run(project_file, "roles", "set", "agent", "--key", "a")  # its own key stays its own
    run(project_file, "roles", "add", "site", "--accepts", "actor", "--key", "م")
    assert run(project_file, "roles").stdout.splitlines()[-1] == "site\tم\tactor\tsite"


def test_attributes_are_declared_per_label_and_removed_only_when_unused(project_file, seed_text):
    listed = run(project_file, "attributes").stdout.splitlines()
    assert "actor\tcountry\ttext\t0" in listed and "event\ttype\tevent_type\t0" in listed
    run(project_file, "attributes", "add", "weapon", "calibre_mm", "--kind", "number")
    with open_project(project_file) as project:
        weapon = tag(project, seed_text, "weapon", "قذائف المدفعية")
    words = run(project_file, "attribute", str(weapon), "calibre_mm", "عيار", code=1)
    assert "takes number" in words.stderr
    run(project_file, "attribute", str(weapon), "calibre_mm", "152")
    assert "weapon\tcalibre_mm\tnumber\t1" in run(project_file, "attributes").stdout
    held = run(project_file, "attributes", "remove", "weapon", "calibre_mm", code=1)
    assert "1 spans have it" in held.stderr
    again = run(project_file, "attributes", "add", "weapon", "calibre_mm", code=1)
    assert "already has attribute 'calibre_mm'" in again.stderr
    built_in = run(project_file, "attributes", "remove", "number", "value", code=1)
    assert "built in" in built_in.stderr
    run(project_file, "attribute", str(weapon), "calibre_mm")  # cleared
    run(project_file, "attributes", "remove", "weapon", "calibre_mm")
    assert "calibre_mm" not in run(project_file, "attributes").stdout
