"""`annotator suggest`: pre-annotate documents with suggested spans, headless."""

from __future__ import annotations

import json

import click

from annotator.arabic.suggest import Source
from annotator.cli.context import project_from
from annotator.cli.output import utf8_stdout
from annotator.core.errors import EditError
from annotator.storage.suggestions import compute_suggestions, store_suggestions

SOURCE_CHOICE = click.Choice([*(source.value for source in Source), "all"])


@click.command("suggest")
@click.option(
    "--source",
    "sources",
    type=SOURCE_CHOICE,
    multiple=True,
    default=("all",),
    show_default=True,
    help="Where suggestions come from (repeatable): numbers, occurrences of accepted spans"
    " in their document, a gazetteer of the project's accepted spans, or all.",
)
@click.option("--doc", "document_ids", type=int, multiple=True, help="Only this document id.")
@click.option(
    "--print",
    "print_only",
    is_flag=True,
    help="Write Prodigy-style JSONL to stdout (one document a line) instead of storing.",
)
@click.pass_context
def suggest_command(ctx, sources, document_ids, print_only):
    """Propose spans (numbers with values, names already accepted) in the project."""
    project = project_from(ctx)
    chosen = set(Source) if "all" in sources else {Source(s) for s in sources}
    known = set(project.document_ids())
    missing = [str(d) for d in document_ids if d not in known]
    if missing:
        raise EditError(f"no document {', '.join(missing)} in the project")
    results = compute_suggestions(project, chosen, document_ids or None)
    if print_only:
        out = utf8_stdout()
        for document_id, text, suggestions in results:
            spans = []
            for s in suggestions:
                span = {
                    "start": s.start,
                    "end": s.end,
                    "label": s.label,
                    "text": text[s.start : s.end],
                }
                if s.value is not None:
                    span["value"] = s.value
                if s.kind is not None:
                    span["kind"] = s.kind
                if s.unit is not None:
                    span["unit"] = s.unit
                spans.append(span)
            record = {"id": document_id, "text": text, "spans": spans}
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        out.flush()
        return
    proposals = {document_id: suggestions for document_id, _, suggestions in results}
    stored = store_suggestions(project, proposals)
    documents = sum(1 for suggestions in proposals.values() if suggestions)
    click.echo(f"stored {stored} suggestion(s) in {documents} document(s)", err=True)
