"""The benchmark scripts start and read their arguments; the benchmarks themselves run outside the suite
(README: benchmarks), so no timing is asserted here and no result is written."""

from __future__ import annotations

import subprocess
import sys

import pytest

from helpers.project import ROOT

SCRIPTS = ["bench.py", "bench_search.py", "bench_lighthouse.py"]


@pytest.mark.parametrize("script", SCRIPTS)
def test_script_explains_itself(script):
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / script), "--help"], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "--json" in run.stdout


@pytest.mark.parametrize("script", SCRIPTS)
def test_script_refuses_an_unknown_option_in_one_line(script):
    run = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / script), "--no-such-option"], capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 2
    assert "unrecognized arguments: --no-such-option" in run.stderr
    assert "Traceback" not in run.stderr
