"""What only the benchmarks need: the machine they ran on and where their results are kept. What they share
with the tests (Chromium, a loopback server, Material's search worker, copies of the project) is in
tests/helpers/, which the tests keep working; the benchmarks put tests/ on their path to import it."""

from __future__ import annotations

import json
import os
import platform
from importlib.metadata import version
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"  # about the site, not the article: kept apart from data/


def machine() -> dict[str, str]:
    return {
        "cpus": str(os.cpu_count()),
        "python": platform.python_version(),
        "mkdocs": version("mkdocs"),
        "mkdocs-material": version("mkdocs-material"),
        "platform": platform.platform(terse=True),
    }


def save_results(name: str, report: dict[str, Any], quick: bool) -> Path:
    """Keep a benchmark's results in bench/results/, only when asked (--save). A quick run goes to its own file,
    so it never replaces a full one."""

    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / (f"{name}-quick.json" if quick else f"{name}.json")
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path
