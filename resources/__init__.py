"""Files the application ships (icons, translations), read through importlib.resources."""
