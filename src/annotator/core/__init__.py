"""Pure domain code: documents, spans, labels, edits. Never imports Qt or SQL."""
