"""Smoke test of the benchmark script: it runs and reports every measure. No timing is asserted here."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT

pytestmark = pytest.mark.browser  # its live-reload measure drives Chromium


def test_quick_benchmark_reports_every_measure(browser, tmp_path):
    results = tmp_path / "benchmarks.json"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "bench.py"), "--quick", "--json", "--results", str(results)],
                         capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr
    report = json.loads(run.stdout)
    assert report == json.loads(results.read_text(encoding="utf-8"))
    assert {"machine", "build", "growth", "live_reload", "weight"} <= report.keys()
    assert report["build"]["ratio_median"] > 0
    assert [row["factor"] for row in report["growth"]["rows"]] == [1, 10, 100]
    assert [row["synthetic"] for row in report["growth"]["rows"]] == [False, True, True]
    assert report["live_reload"]["s_median"] > 0
    assert report["weight"]["search_index_gzip"] > 0
    assert "index.html" not in report["weight"]["pages"] and "/" in report["weight"]["pages"]
