"""Read data/*.yml into one dataset, remembering which file and line each value came from.

Only regular `*.yml`/`*.yaml` files whose names start with neither `.` nor `#` are data; editors' lock files
and backups beside them are named and left alone. Limits keep a hostile or broken file from eating the
machine: a size cap per file, a cap on how far YAML aliases may multiply a document, on how deep values nest
and on how long a number is. Each is checked on the parsed nodes, before any Python value is made; so are the
numbers that are none (.nan, .inf). The files must hold the collections the schema names (check_collections).

The checks that follow name the entry that is wrong (EntryError); the dataset, which alone knows files and
lines, places it (Dataset.placing): calls go one way, from the pipeline down through each step.
"""

from __future__ import annotations

import contextlib
import gc
import math
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import DIRECTION_CONTROLS, UNPRINTABLE, DataError, EntryError, shown

PathPart = str | int
# libyaml's parser when PyYAML was built with it (the wheels are): the same results, many times faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

MAX_FILE_BYTES = 32 * 1024 * 1024  # ~300x today's largest data file, far above the 100x the benchmarks use
# Editors' leftovers beside the data: Emacs locks (.#x) and autosaves (#x#), ~ backups, Vim swap files.
LEFTOVER = re.compile(r"^(?:\.#.*|#.*#|.*~|\..*\.sw[a-p])$")
DATA_SUFFIXES = (".yml", ".yaml")
MAX_DEPTH = 100  # the data nests 6 levels; the checks and pages walk values recursively
MAX_NUMBER = 30  # characters of a number: Python refuses to read integers of more than 4,300 digits
# Control characters other than tab and line feed, and what is not text at all: invisible in an editor, and
# a page's front matter holding one no longer parses (YAML lets the C1 controls through in escapes, "\x85").
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
NO_CONTROL = "text without control characters (they are invisible and can break pages)"
TAG = "tag:yaml.org,2002:"
STR = TAG + "str"
TOO_DEEP = (f"values nested more than {MAX_DEPTH} levels deep", f"at most {MAX_DEPTH} levels of lists and keys")
KINDS = {"int": "a whole number", "float": "a number", "bool": "true or false", "null": "empty", "timestamp": "a date"}
PLAIN = {"str", "seq", "map", "merge", *KINDS}  # YAML's other types (!!set, !!binary, "=") have no place in the data


@dataclass
class Dataset:
    """The merged data: each file holds one top-level key (``figures:``), and so one collection."""

    values: dict[str, Any] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # top-level key → file name
    # file name → its text (NFC, LF, no BOM) as UTF-8: what the downloads publish, half the memory of a str of
    # Vietnamese (~100 MB at 1000x data); decoded again only when an error needs a line
    texts: dict[str, bytes] = field(default_factory=dict)
    ignored: list[str] = field(default_factory=list)  # editor leftovers in the data folder, by name
    _nodes: dict[str, dict[str, yaml.Node]] = field(default_factory=dict, repr=False)  # parsed on demand

    def node(self, key: str) -> yaml.Node | None:
        """The YAML node of a collection; parsed again only when an error needs a line number."""
        file = self.files.get(key)
        if file not in self.texts:
            return None
        if file not in self._nodes:
            self._nodes[file] = {name.value: value for name, value in top_level_nodes(self.text(file))}
        return self._nodes[file].get(key)

    def place(self, path: tuple[PathPart, ...]) -> tuple[str, str]:
        """The file and a readable place (line and entry path) of a value, for error messages."""
        key = str(path[0]) if path else ""
        file = self.files.get(key, "data")
        dotted = format_path(path)
        found = node_at(self.node(key), path[1:])
        return file, f"line {found.start_mark.line + 1}, {dotted}" if found is not None else dotted

    def error(self, path: tuple[PathPart, ...], problem: str, expected: str = "") -> DataError:
        """The one error for a value of the data: its file and place, what is wrong, what is expected."""
        return DataError(*self.place(path), problem, expected)

    @contextlib.contextmanager
    def placing(self) -> Iterator[None]:
        """The checks within name the entry that is wrong (EntryError); here it gets its file and line."""
        try:
            yield
        except EntryError as error:
            raise self.error(error.path, error.problem, error.expected) from None

    def written(self, path: tuple[PathPart, ...]) -> str | None:
        """A scalar exactly as the file writes it ("01" for a value YAML read as the number 1)."""
        key = str(path[0]) if path else ""
        found = node_at(self.node(key), path[1:], exact=True)
        if not isinstance(found, yaml.ScalarNode):
            return None
        text = self.text(self.files[key])
        return text[found.start_mark.index : found.end_mark.index]

    def text(self, file: str) -> str:
        return self.texts[file].decode("utf-8")


def format_path(path: tuple[PathPart, ...]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text


def node_at(node: yaml.Node | None, path: tuple[PathPart, ...], exact: bool = False) -> yaml.Node | None:
    """The node at ``path`` (or, unless ``exact``, its nearest parent that exists)."""
    if node is None:
        return None
    for part in path:
        child = None
        if isinstance(node, yaml.MappingNode):
            child = next((value for key, value in node.value if key.value == part), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            child = node.value[part]
        if child is None:
            return None if exact else node
        node = child
    return node


def nfc(value: Any) -> Any:
    """Normalise every string to NFC, so NFD input gives the same pages."""
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list):
        return [nfc(item) for item in value]
    if isinstance(value, dict):
        return {nfc(key): nfc(item) for key, item in value.items()}
    return value


class _Loader(Loader):  # type: ignore[misc, valid-type]
    """PyYAML's loader, with two changes: two equal keys in one entry are an error (PyYAML keeps the last without a
    word, and a maintainer's typo must not vanish), and each text is a string of its own (construct_text)."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self.texts: dict[str, str] = {}

    def construct_text(self, node: yaml.ScalarNode) -> str:
        """A text as a new string, one per distinct text. The node's own string was made among the node tree's
        objects, all gone once the values are made: kept as a value it would pin their memory, which Python then
        cannot give back (1000x data: 737 → 381 MiB after reading). Equal texts share one string (a district's
        name, written a thousand times)."""
        value = self.construct_scalar(node)  # PyYAML's own check: `!!str {a: 1}` is no text
        text = self.texts.get(value)
        if text is None:
            text = self.texts[value] = value.encode("utf-8", "surrogatepass").decode("utf-8", "surrogatepass")
        return text

    def construct_mapping(self, node: yaml.Node, deep: bool = False) -> dict[Any, Any]:
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key, _ in node.value:
                if key.value in seen:
                    raise DataError(
                        self.name,
                        f"line {key.start_mark.line + 1}",
                        f"the key {key.value!r} appears twice in one entry",
                        "each key once",
                    )
                seen.add(key.value)
        return super().construct_mapping(node, deep=deep)


_Loader.add_constructor(STR, _Loader.construct_text)


def top_level_nodes(text: str) -> list[tuple[yaml.Node, yaml.Node]]:
    """(key node, value node) of each top-level key of a YAML text already known to parse."""
    node = yaml.compose(text, Loader=Loader)
    return list(node.value) if isinstance(node, yaml.MappingNode) else []


def key_line(text: str, key: str) -> int:
    """The line of a top-level key, for an error about the collection it names."""
    return next(name.start_mark.line + 1 for name, _ in top_level_nodes(text) if name.value == key)


def character(char: str) -> str:
    """A character CONTROL finds, named: "an invisible control character (U+0085)"."""
    what = "a character that is not text" if ord(char) > 0x9F else "an invisible control character"
    if re.fullmatch(f"[{DIRECTION_CONTROLS}]", char):
        what = "an invisible text-direction control"
    return f"{what} (U+{ord(char):04X})"


def path_to(root: yaml.Node, target: yaml.Node) -> tuple[PathPart, ...]:
    """The entry path of a node (("figures", 0, "date")), for an error message: searched only then."""
    stack: list[tuple[yaml.Node, tuple[PathPart, ...]]] = [(root, ())]
    seen: set[int] = set()
    while stack:
        node, path = stack.pop()
        if node is target:
            return path
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack.extend((value, path + (key.value,)) for key, value in node.value if isinstance(key, yaml.ScalarNode))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, path + (index,)) for index, item in enumerate(node.value))
    return ()


def _scalar_problem(loader: Any, node: yaml.ScalarNode) -> tuple[str, str] | None:
    """What is wrong with one scalar, before Python makes a value of it (or a ValueError): (problem, expected)."""
    kind = node.tag.removeprefix(TAG)
    if kind not in PLAIN:
        return _tag_problem(node)
    if kind in ("int", "float") and len(node.value) > MAX_NUMBER:
        return (
            f"a number {len(node.value):,} characters long; the limit is {MAX_NUMBER}",
            f"a number of at most {MAX_NUMBER} digits, or text in quotes",
        )
    if kind in ("int", "float", "timestamp", "bool"):
        # PyYAML reads 2024-02-30 and 0x_ as a date and a number, then fails making them, with a ValueError (or a
        # KeyError, an AttributeError for a tag such as !!bool on other words). Made now, they are made once.
        try:
            loader.construct_object(node)
        except (ValueError, KeyError, AttributeError):
            if kind == "timestamp":  # 2024-02-30, 0000-01-01 (valid dates are refused later: written year first)
                return f"{node.value[:60]} is not a real day", "a date written day/month/year, like 26/4/2024"
            return f"{shown(node.value)} is not {KINDS[kind]}", "text in quotes, or a value written as YAML writes one"
    if node.style == '"':  # only escapes ("\x80") bring in characters the text check has not seen
        control = CONTROL.search(node.value)
        if control:
            return f"{shown(node.value)} holds {character(control.group())}", NO_CONTROL
    return None


def _infinite(loader: Any, node: yaml.ScalarNode) -> tuple[str, str] | None:
    """YAML's .nan and .inf: numbers to a schema, none to a reader."""
    if node.tag == TAG + "float" and not math.isfinite(loader.construct_object(node)):  # made once, then looked up
        return f"{node.value} is not a finite number", "a number written with digits, such as 100 or 7.5"
    return None


def _tag_problem(node: yaml.Node) -> tuple[str, str]:
    what = shown(node.value) if isinstance(node, yaml.ScalarNode) else "this"
    return f"{what} is read as YAML's type {node.tag.replace(TAG, '!!')}", "text (in quotes if need be), a number, a list or keys"


def _key_problem(loader: Any, key: yaml.Node) -> tuple[str, str] | None:
    """A key must be a name: text, not a list (``? [a, b]``), a number or a date (sorting and lookups need text)."""
    if not isinstance(key, yaml.ScalarNode):
        return "a key that is a list or a group of keys", "a name before the colon"
    kind = key.tag.removeprefix(TAG)
    problem = _scalar_problem(loader, key)
    if problem is None and kind not in ("str", "merge"):
        hint = f': "{key.value}"' if len(key.value) <= MAX_NUMBER else ""
        return f"the key {shown(key.value)} is read as {KINDS.get(kind, kind)}, not as a name", f"a name; in quotes{hint}"
    return problem


def check_nodes(loader: Any, root: yaml.Node, text_size: int) -> None:
    """Every check of the parsed nodes, in one walk without recursion: keys are names, numbers short and finite,
    dates real and text free of control characters; no value nests more than MAX_DEPTH levels or holds itself (``&a [*a]``);
    aliases do not multiply the document far beyond its text (the "billion laughs": without aliases a document
    has fewer values than characters, so that is the measure)."""

    def fail(node: yaml.Node, at: yaml.Node, problem: str, expected: str) -> DataError:
        path = path_to(root, at)
        dotted = format_path(path[:12]) + ("…" if len(path) > 12 else "")  # deep nesting: its start is enough
        return DataError(loader.name, f"line {node.start_mark.line + 1}" + (f", {dotted}" if dotted else ""), problem, expected)

    limit = text_size + 10_000
    done: dict[int, tuple[int, int]] = {}  # list or mapping → (values in it, levels of it); a scalar is (1, 1)
    open_nodes: set[int] = set()  # the lists and mappings whose children are being walked: the path from the root
    stack: list[tuple[yaml.Node, list[yaml.Node] | None]] = [(root, None)]  # None: children not walked yet
    if isinstance(root, yaml.ScalarNode):  # a file of one value: refused later, unless it cannot even be made
        problem = _scalar_problem(loader, root)
        if problem:
            raise fail(root, root, *problem)
        return
    while stack:
        node, nested = stack.pop()
        if id(node) in done:
            continue
        children = [part for pair in node.value for part in pair] if isinstance(node, yaml.MappingNode) else node.value
        if nested is not None:  # its children are done
            open_nodes.discard(id(node))
            size = 1 + len(children) - len(nested) + sum(done[id(child)][0] for child in nested)
            depth = 1 + max((done[id(child)][1] for child in nested), default=1 if children else 0)
            done[id(node)] = (size, depth)
            if size > limit:
                raise fail(
                    node,
                    node,
                    f"its aliases (*name) repeat values into more than {limit:,} values",
                    "data written out, or aliases that repeat only a little",
                )
            if depth > MAX_DEPTH:
                raise fail(node, node, *TOO_DEEP)
            continue
        if id(node) in open_nodes:
            raise fail(node, node, "an alias (*name) inside the value it names", "aliases to values written before them")
        if node.tag.removeprefix(TAG) not in PLAIN:
            raise fail(node, node, *_tag_problem(node))
        if isinstance(node, yaml.MappingNode):
            for key, _ in node.value:
                problem = None if key.tag == STR and key.style != '"' else _key_problem(loader, key)  # most keys
                if problem:
                    raise fail(key, node, *problem)
        nested = []
        for child in children:
            if not isinstance(child, yaml.ScalarNode):
                nested.append(child)
            elif child.tag != STR or child.style == '"':  # plain text needs no look (most values)
                problem = _scalar_problem(loader, child) or _infinite(loader, child)
                if problem:
                    raise fail(child, child, *problem)
        open_nodes.add(id(node))
        stack.append((node, nested))
        stack.extend((child, None) for child in reversed(nested) if id(child) not in done)  # the first error first


def _yaml_problem(error: yaml.MarkedYAMLError) -> tuple[str, str, str]:
    """Where a YAML error is (the line of the mistake), what it is and what is expected, in a maintainer's words."""
    problem = " ".join(str(part) for part in (error.context, error.problem) if part)
    # An unclosed bracket or quote is noticed lines later; the mistake is where it opened.
    opened = str(error.context or "").startswith(("while parsing a flow", "while scanning a quoted"))
    mark = (opened and error.context_mark) or error.problem_mark or error.context_mark
    where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else ""
    if "maximum nesting depth" in problem:  # libyaml's own limit (1,000 levels), far above MAX_DEPTH
        return where, *TOO_DEEP
    expected = "YAML as in the other data files (indent with spaces; check colons, brackets and quotes)"
    if "'\\t'" in problem or "tab character" in problem:
        return where, "a tab character (YAML indents with spaces only)", expected
    return where, f"this is not valid YAML ({problem})", expected


def _parse(name: str, text: str) -> Any:
    try:
        loader = _Loader(text)
        loader.name = name
        try:
            root = loader.get_single_node()
            if root is None:
                return None
            check_nodes(loader, root, len(text))
            value = loader.construct_document(root)
        finally:
            loader.dispose()
    except RecursionError:  # PyYAML without libyaml composes recursively: deep nesting ends here
        raise DataError(name, "", *TOO_DEEP) from None
    except yaml.MarkedYAMLError as error:
        raise DataError(name, *_yaml_problem(error)) from None
    except yaml.YAMLError as error:
        raise DataError(name, "", f"this is not valid YAML ({' '.join(str(error).split())})", "valid YAML") from None
    # The text was normalised before parsing; only YAML escapes ("\u0301") can make a string NFD again.
    return nfc(value) if "\\" in text else value


def read_file(path: Path, limit: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of a regular file, or one DataError saying in plain words why it cannot be read."""
    name = path.name
    try:
        info = path.stat()
    except FileNotFoundError:
        problem = "is a link that points to nothing" if path.is_symlink() else "does not exist"
        raise DataError(name, "", problem, "a data file, or no file of that name") from None
    except OSError as error:
        raise DataError(name, "", f"cannot be read ({(error.strerror or str(error)).lower()})", "a readable file") from None
    if stat.S_ISDIR(info.st_mode):
        raise DataError(name, "", "is a folder, not a file", "YAML files directly in the data folder")
    if not stat.S_ISREG(info.st_mode):
        raise DataError(name, "", "is not a regular file (a device, pipe or socket)", "an ordinary text file")
    if info.st_size > limit:
        raise DataError(
            name,
            "",
            f"is too large ({info.st_size / 2**20:.0f} MB; the limit is {limit // 2**20} MB)",
            "a smaller file (is it the right file?)",
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise DataError(name, "", f"cannot be read ({(error.strerror or str(error)).lower()})", "a readable file") from None


def decode(raw: bytes, name: str) -> str:
    """UTF-8 text (a byte order mark is accepted), with LF line ends and NFC: CRLF, CR (an old Mac editor's) and
    NFD files read the same."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise DataError(name, f"line {line}", "the file is not UTF-8 text", "a file saved as UTF-8") from None
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _entry_at(text: str, index: int) -> str:
    """The entry path at a character of a text YAML will not read: found in a copy with control characters as
    spaces (same places), by descending into the value that holds it; "" if even the copy does not parse."""
    try:
        node = yaml.compose(CONTROL.sub(" ", text), Loader=Loader)
    except yaml.YAMLError:
        return ""
    path: tuple[PathPart, ...] = ()
    while isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        named = node.value if isinstance(node, yaml.MappingNode) else list(enumerate(node.value))
        inside = [(key, value) for key, value in named if value.start_mark.index <= index < value.end_mark.index]
        if not inside:
            break
        key, node = inside[0]
        path += (key.value if isinstance(key, yaml.Node) else key,)
    return format_path(path)


def check_characters(text: str, name: str) -> None:
    """No control characters in a data file (YAML refuses most of them, but in words without a line)."""
    found = CONTROL.search(text)
    if found:
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - text.rfind("\n", 0, found.start())
        entry = _entry_at(text, found.start())
        where = f"line {line}, column {column}" + (f", {entry}" if entry else "")
        raise DataError(name, where, character(found.group()), NO_CONTROL)


def read_yaml(path: Path) -> tuple[Any, str]:
    """The value of a data file and its text; one DataError if it is not a YAML mapping."""
    name = path.name
    text = decode(read_file(path), name)
    check_characters(text, name)
    value = _parse(name, text)
    if value is None:
        raise DataError(name, "line 1", "the file is empty", f"a mapping with one key, such as '{path.stem}:'")
    if not isinstance(value, dict):
        raise DataError(name, "line 1", "the file does not start with a key", f"a mapping with one key, such as '{path.stem}:'")
    return value, text


def data_files(data_dir: Path) -> tuple[list[Path], list[str]]:
    """The data files of a folder, and the names of the editor leftovers beside them."""
    try:
        entries = sorted(data_dir.iterdir())
    except OSError as error:
        raise DataError(
            str(data_dir), "", f"the data folder cannot be read ({error.strerror})", "a folder of YAML files"
        ) from None
    files, leftovers = [], []
    for path in entries:
        if LEFTOVER.match(path.name) or (path.name.startswith((".", "#")) and path.name.endswith(DATA_SUFFIXES)):
            leftovers.append(path.name)
        elif path.name.endswith(DATA_SUFFIXES):
            unprintable = UNPRINTABLE.search(path.name)  # a line break in a name would split every message in two
            if unprintable:
                char = unprintable.group()
                problem = "is not UTF-8" if "\ud800" <= char <= "\udfff" else f"holds {character(char)}"
                raise DataError(
                    path.name, "", f"the file name {problem}", "a name of letters, digits and hyphens, such as figures.yml"
                )
            files.append(path)
    return files, leftovers


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # read_yaml says what is wrong with it
        return 0


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Reading and generation make many small objects that all live until it ends; the cyclic garbage collector would
    only rescan them again and again (~20 % of the time on large data). Nothing here makes cycles to free."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def load_dataset(data_dir: Path) -> Dataset:
    dataset = Dataset()
    files, dataset.ignored = data_files(data_dir)
    if not files:
        raise DataError(str(data_dir), "", "no data files found", "YAML files (*.yml) in the data folder")
    # The largest file is read first: PyYAML holds a file's whole node tree while it makes its values (at 1000x
    # data, ~30 times the text), and the values of the files read before it are held too. Merged, and any error
    # raised, in the folder's order all the same.
    read: dict[Path, tuple[Any, str] | DataError] = {}
    with collector_paused():  # ~1.0 s of 1.5 s reading 100x data: nothing read makes cycles
        for path in sorted(files, key=_size, reverse=True):
            try:
                read[path] = read_yaml(path)
            except DataError as error:
                read[path] = error
    for path in files:
        outcome = read.pop(path)
        if isinstance(outcome, DataError):
            raise outcome
        value, text = outcome
        dataset.texts[path.name] = text.encode("utf-8")
        for key in value:
            if key in dataset.files:
                raise DataError(
                    path.name,
                    f"line {key_line(text, key)}",
                    f"the key {key!r} is already given in {dataset.files[key]}",
                    "each collection in one file",
                )
            dataset.values[key] = value[key]
            dataset.files[key] = path.name
    return dataset


def check_collections(dataset: Dataset, schema: dict[str, Any]) -> None:
    """Each file holds a collection that the schema names, and each collection it requires has its file."""
    known = schema["properties"]
    extra = next((key for key in dataset.values if key not in known), None)
    if extra is not None:
        file = dataset.files[extra]
        raise DataError(
            file,
            f"line {key_line(dataset.text(file), extra)}",
            f"unknown collection {extra!r}",
            "one of: " + ", ".join(sorted(known)),
        )
    missing = next((name for name in schema["required"] if name not in dataset.values), None)
    if missing is not None:
        raise DataError(f"{missing}.yml", "", "this data file is missing", f"a file {missing}.yml with the key '{missing}:'")
