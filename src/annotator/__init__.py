"""annotator: annotate Arabic news articles and export training data."""

__version__ = "0.1.0"
