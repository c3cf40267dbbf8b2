"""A project: documents, spans and labels in one SQLite database.

``Project`` is assembled from one part per owner, each a class of its own module
that builds only on the parts it needs (see "Storage: who owns which table and
statement" in docs/architecture.md). ``storage.opening.open_project`` opens a file.
"""

from __future__ import annotations

from annotator.storage.connection import ProjectConnection
from annotator.storage.document_import import DocumentImport
from annotator.storage.document_removal import DocumentRemoval
from annotator.storage.documents import DocumentTable
from annotator.storage.info import InfoTable
from annotator.storage.labels import LabelTable
from annotator.storage.links import LinkTable
from annotator.storage.spans import SpanTable


class Project(
    DocumentImport,
    DocumentRemoval,
    LinkTable,
    SpanTable,
    DocumentTable,
    InfoTable,
    LabelTable,
    ProjectConnection,
):
    """A project file: storage for ``core.edits`` (its ``SpanStore``) and the source of
    change notices.

    - ``ProjectConnection``: the connection, transactions, change notices, labels as read
    - ``LabelTable``: adding and changing labels
    - ``InfoTable``: ``project_info`` by key
    - ``DocumentTable``: reading documents, status, counts and summaries
    - ``SpanTable``: span rows and their ids, accepted span texts
    - ``DocumentImport``: adding documents with their spans
    - ``DocumentRemoval``: deleting documents with their spans, and putting them back
    - ``LinkTable``: links between spans, roles, event types and attribute keys
    """
