"""The site's language editions."""

from __future__ import annotations

LANGUAGES = ("vi", "en")  # the first is the default edition, at /; the others under /<lang>/
