"""What several test modules share: reading built HTML, copying and breaking projects, running MkDocs.
Fixtures live in conftest.py; plain functions live here."""
