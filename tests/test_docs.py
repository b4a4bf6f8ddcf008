"""The developer docs (README.md, docs-dev/*.md) name only what exists: every repository path in backticks or in
a link, every script a command runs and the options it is given, every pytest marker. A renamed or deleted
file, a dropped option or a marker that was never declared fails here instead of misleading a reader."""

from __future__ import annotations

import fnmatch
import re
import shlex
import subprocess
from pathlib import Path

import pytest

from helpers.project import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs-dev").glob("*.md"))]
DOC_ID = lambda doc: doc.relative_to(ROOT).as_posix()  # README.md, docs-dev/design.md, ...
SUFFIXES = (".py", ".md", ".yml", ".json", ".js", ".mjs", ".html", ".css", ".j2", ".toml", ".txt", ".png")

# Named in the docs but not in the repository, on purpose. Folders a build, a cache or an install makes (git
# ignores them; ~ is the user's home; .sitegen-* are a build's working files inside docs/ and site/):
MADE_ELSEWHERE = ("docs/", "site/", ".cache/", ".venv/", "tests/node_modules/", "~/", ".sitegen-")
# and names that stand for files made elsewhere: a generated page in each edition and where Zensical puts it,
# an editor's lock file, the built site's search files, a quick benchmark's results, the cache's cards.
EXAMPLES = {"page.md", "page.en.md", "page.en/", ".#figures.yml", "search_index.json", "lunr.vi_en.min.js"}
EXAMPLES |= {"*-quick.json", "cards/"}

FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.M | re.S)
CODE = re.compile(r"`([^`\n]+)`")
LINK = re.compile(r"\]\(([^)\s]+)\)")


def repository() -> list[str]:
    """Every file of the checkout that git does not ignore, and every folder above one ("scripts/sitegen/")."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    folders = {"/".join(path.split("/")[:i]) + "/" for path in listed for i in range(1, path.count("/") + 1)}
    return listed + sorted(folders)


FILES = repository()


def commands(text: str) -> list[str]:
    """The code a doc shows: its `inline code`, and its fenced blocks of shell commands (not pictures in text)."""
    spans = CODE.findall(FENCE.sub("", text))
    blocks = [line for lang, body in FENCE.findall(text) if lang in ("sh", "bash", "console") for line in body.splitlines()]
    return spans + [line for line in blocks if not line.lstrip().startswith("#")]


def words(code: str) -> list[str]:
    try:
        return shlex.split(code)
    except ValueError:  # an unbalanced quote in prose-like code: whitespace will do
        return code.split()


def path_like(word: str) -> str | None:
    """``word`` as a repository path, if it looks like one: with a / or a file's suffix; not an address in the
    site (/en/) or elsewhere (https://), nor a number the article writes (102/102, 12/01/2024, 93/HD)."""
    word = word.strip("[](),;:").split("#")[0].split("?")[0]
    if not word or ("/" not in word and not word.endswith(SUFFIXES)):
        return None
    if word.startswith("/") or "://" in word or "=" in word or word[0].isdigit() or word.startswith("@"):
        return None
    return word


def exists(path: str) -> bool:
    """At the repository's root (a folder with or without its final /), or (for a name written inside its folder's
    description: `plugin.py` under scripts/sitegen/, `figures.yml` under data/) at the end of a repository path.
    `*` and `<slug>` are wildcards."""
    if path in EXAMPLES or path.startswith(MADE_ELSEWHERE):
        return True
    pattern = re.sub(r"<[^>]+>", "*", path)
    patterns = (pattern, "*/" + pattern) if pattern.endswith("/") else (pattern, "*/" + pattern, pattern + "/")  # cd a/b
    return any(fnmatch.fnmatchcase(file, each) for file in FILES for each in patterns)


def script(path: str) -> Path | None:
    """The script of scripts/ that a command runs: `python scripts/bench.py`, or `bench.py` in a table of them."""
    name = path.removeprefix("scripts/")
    return ROOT / "scripts" / name if "/" not in name and (ROOT / "scripts" / name).is_file() else None


@pytest.mark.parametrize("doc", DOCS, ids=DOC_ID)
def test_every_path_named_exists(doc):
    text = doc.read_text(encoding="utf-8")
    named = {path for code in commands(text) for word in words(code) if (path := path_like(word))}
    linked = {
        (doc.parent / path).resolve().relative_to(ROOT).as_posix()  # a link is relative to its doc
        for target in LINK.findall(text)
        if (path := path_like(target))
    }
    missing = [path for path in sorted(named | linked) if not exists(path)]
    assert not missing, f"named in {doc.name}, not in the repository: {missing}"


@pytest.mark.parametrize("doc", DOCS, ids=DOC_ID)
def test_every_script_run_exists_and_reads_the_options_given(doc):
    wrong = []
    for code in commands(doc.read_text(encoding="utf-8")):
        running = None  # the script this piece of code runs, once named
        for word in words(code):
            path = path_like(word) or ""
            if re.fullmatch(r"(scripts/)?[\w-]+\.py", path) and (path.startswith("scripts/") or script(path)):
                running = script(path)
                if running is None:
                    wrong.append(path)
            elif running and (option := word.strip("[]").split("=")[0]).startswith("--"):
                if f'"{option}"' not in running.read_text(encoding="utf-8"):  # as argparse declares it
                    wrong.append(f"{running.name} {option}")
    assert not wrong, f"no such script in scripts/, or an option it does not declare: {wrong}"


@pytest.mark.parametrize("doc", DOCS, ids=DOC_ID)
def test_every_pytest_marker_named_is_declared(doc, pytestconfig):
    declared = {line.split(":")[0].strip() for line in pytestconfig.getini("markers")}
    named = set()
    for code in commands(doc.read_text(encoding="utf-8")):
        parts = words(code)
        for i, (option, expression) in enumerate(zip(parts, parts[1:])):
            if option == "-m" and not (i and parts[i - 1].endswith(("python", "python3"))):  # pytest's -m, not python's
                named |= set(re.findall(r"\w+", expression)) - {"and", "or", "not"}
    assert named <= declared, f"not in pyproject.toml's markers: {named - declared}"
