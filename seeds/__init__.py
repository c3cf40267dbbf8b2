"""The sample article(s) a new default project is seeded with."""
