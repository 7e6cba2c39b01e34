"""Implementations of `assistant.store.IndexStore`: the SQLite catalog, and one file per vector engine."""
