"""Importers and exporters, one small class per format, found through a registry."""
