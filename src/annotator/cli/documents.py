"""delete, rename: correcting which documents a project holds and what they are called."""

from __future__ import annotations

import click

from annotator.cli.context import project_from
from annotator.cli.output import Printer
from annotator.core.edits import Batch, DeleteDocument, RenameDocument
from annotator.core.errors import EditError


@click.command("delete")
@click.argument("document_ids", nargs=-1, required=True, type=int)
@click.pass_context
def delete_command(ctx, document_ids):
    """Delete documents (by id, as `docs` lists them) with their spans and suggestions."""
    project = project_from(ctx)
    wanted = list(dict.fromkeys(document_ids))
    summaries = project.summaries(wanted)
    unknown = [str(doc_id) for doc_id in wanted if doc_id not in summaries]
    if unknown:
        raise EditError(f"no document {', '.join(unknown)}; nothing was deleted")
    edits = tuple(DeleteDocument(doc_id) for doc_id in wanted)
    project.apply(Batch(edits, f"Delete {len(edits)} documents"))
    out = Printer(ctx.obj["bidi"])
    for doc_id in wanted:
        summary = summaries[doc_id]
        out.line(f"deleted {doc_id}\t{summary.span_count} span(s)\t{summary.title}")


@click.command("rename")
@click.argument("document_id", type=int)
@click.argument("title")
@click.pass_context
def rename_command(ctx, document_id, title):
    """Give a document a new title."""
    project = project_from(ctx)
    old = project.get_document(document_id).title
    project.apply(RenameDocument(document_id, title.strip()))
    Printer(ctx.obj["bidi"]).line(f"renamed {document_id}: {old} -> {title.strip()}")
