"""Check the data alone: its shape by JSON Schema (schema.json) with this project's keyword x-ref, each error in a
maintainer's words, then what a schema cannot say: real days, unique ids, the computed figures' references and
inputs. (Its truth against the article is checked next: truth.py.) Every check takes time in proportion to the
data: uniqueItems is checked here by hashing, not by jsonschema's comparison of every pair.

Every check raises one EntryError: the entry, what is wrong and what is expected (the dataset names the file and
line). Which collections the files hold is the loader's check (check_collections), made before.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .dates import date_fields, parse_date
from .errors import DataError, EntryError, shown
from .loader import CONTROL, Dataset, character
from .pages import PAGE_TOPICS

SCHEMA_FILE = Path(__file__).with_name("schema.json")  # the schema of the data the generator reads


def load_schema(path: Path = SCHEMA_FILE) -> dict[str, Any]:
    schema = json.loads(path.read_text(encoding="utf-8"))
    misplaced = next(_keyword_places(schema, "x-verbatim", ("properties", "*", "items")), None)
    if misplaced is not None:  # anywhere else truth.check_verbatim would never read it
        raise DataError(
            path.name,
            ".".join(misplaced),
            "x-verbatim is read only on the entries of a list collection",
            "x-verbatim under properties.<collection>.items",
        )
    for name, sub in schema["properties"].items():  # a misspelt field would switch truth.py's check off unseen
        entry = sub.get("items", {}) if isinstance(sub, dict) else {}
        unknown = [field for field in entry.get("x-verbatim", []) if field not in entry.get("properties", {})]
        if unknown:
            raise DataError(
                path.name,
                f"properties.{name}.items.x-verbatim",
                f"{unknown[0]!r} is not a field of {name} entries",
                "names of the entry's fields: " + ", ".join(entry.get("properties", {})),
            )
    return schema


def _keyword_places(node: Any, keyword: str, allowed: tuple[str, ...], path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    """The places of ``keyword`` in a schema other than ``allowed`` (a path, "*" for any name)."""
    if isinstance(node, dict):
        fits = len(path) == len(allowed) and all(want in ("*", part) for want, part in zip(allowed, path))
        if keyword in node and not fits:
            yield path or ("(the top)",)
        for key, value in node.items():
            yield from _keyword_places(value, keyword, allowed, (*path, str(key)))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _keyword_places(value, keyword, allowed, (*path, str(index)))


# --- shape --------------------------------------------------------------------------------------

TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list (lines starting with -)",
    "object": "a group of keys",
    "null": "nothing",
}


def describe(value: Any) -> str:
    """A YAML value's kind in a maintainer's words, never a Python repr."""
    kinds: dict[type, str] = {type(None): "empty", bool: "true or false", int: "a whole number", float: "a number"}
    kinds |= {dt.date: "a date", str: "text", list: "a list"}  # in this order: a bool is an int too
    return next((word for kind, word in kinds.items() if isinstance(value, kind)), "a group of keys")


def _missing_key(error: Any) -> str:
    """The first key a `required` or `dependentRequired` error finds missing, from the error itself."""
    present = error.instance if isinstance(error.instance, dict) else {}
    if error.validator == "required":
        wanted = list(error.validator_value)
    else:  # {key: [keys that must come with it]}: those of the keys present
        wanted = [need for key, needs in error.validator_value.items() if key in present for need in needs]
    return next((key for key in wanted if key not in present), "")


def _describe(error, written: str | None = None) -> tuple[str, str]:
    """A maintainer's wording for a schema error: (what is wrong, what is expected)."""
    kind, sub = error.validator, error.schema
    if kind == "additionalProperties":
        allowed = sorted(sub.get("properties", {}))
        extra = [key for key in error.instance if key not in allowed]
        hint = difflib.get_close_matches(extra[0], allowed, n=1) if extra else []
        problem = f"unknown key {extra[0]!r}" + (f" (did you mean {hint[0]!r}?)" if hint else "")
        return problem, "one of: " + ", ".join(allowed)
    if kind in ("required", "dependentRequired"):
        key = _missing_key(error)
    if kind == "required" and error.relative_schema_path and "then" in error.relative_schema_path:
        return f"the key {key!r} is missing", "it goes with the key before it (date_words with date)"
    if kind in ("required", "dependentRequired"):
        if key.endswith("_en"):
            return (
                f"the key {key!r} is missing",
                f"the English beside {key.removesuffix('_en')!r} (every fact, label and glossary entry carries both languages)",
            )
        if kind == "dependentRequired":
            return f"the key {key!r} is missing", f"the Vietnamese beside {key + '_en'!r}"
        return f"the key {key!r} is missing", "every required key: " + ", ".join(error.validator_value)
    if kind == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        expected = " or ".join(TYPE_NAMES.get(str(w), str(w)) for w in wanted)
        if isinstance(error.instance, dt.date):
            return (
                f"{error.instance.isoformat()} is a date written year first",
                'a date written day/month/year, like 26/4/2024 (in quotes if it has leading zeros: "05/02/2024")',
            )
        if "string" in wanted and written and not isinstance(error.instance, (dict, list)):
            if "pattern" in sub and not re.search(sub["pattern"], written):  # quoting it would not do: say what would
                return f"{written} is read as {describe(error.instance)}, not as text", sub.get("description", "text")
            return (
                f"{written} is read as {describe(error.instance)}, not as text",
                f'text; to keep it as written, put it in quotes: "{written}"',
            )
        return f"{shown(written) if written else 'this'} is {describe(error.instance)}", expected
    if kind == "enum":
        return f"{shown(error.instance)} is not allowed here", "one of: " + ", ".join(map(str, error.validator_value))
    if kind == "pattern":
        if "control characters" in sub.get("description", ""):
            if not str(error.instance).strip():
                return "this is empty or only spaces", "some text"
            control = CONTROL.search(str(error.instance))
            if not control:  # only characters that show nothing: zero-width spaces, joiners, direction marks
                return f"{shown(error.instance)} shows nothing (only invisible characters)", "some text to see"
            return f"{shown(error.instance)} holds {character(control.group())}", sub["description"]
        return f"{shown(error.instance)} is not in the right form", sub.get(
            "description", f"text matching {error.validator_value}"
        )
    if kind == "minItems" and error.validator_value > 1:
        return f"this list has {len(error.instance)} item(s)", f"at least {error.validator_value}"
    if kind == "minItems":
        return "this list is empty", "at least one entry"
    if kind == "minLength":
        return "this is empty", "a value"
    if kind == "maxLength":
        return (
            f"{shown(error.instance, 40)} is {len(error.instance):,} characters long; the limit is {error.validator_value}",
            f"at most {error.validator_value} characters",
        )
    if kind == "uniqueItems":
        return error.message, "each item once"
    if kind in ("minimum", "maximum", "maxItems"):
        return f"{error.instance} is out of range", f"{kind} {error.validator_value}"
    return error.message, ""


def check_shape(dataset: Dataset, schema: dict[str, Any]) -> None:
    """The data alone: its schema, then what a schema cannot say (real days, unique ids, references, the computed
    figures' inputs). Its truth against the article is checked next (truth.py)."""
    ids = collection_ids(dataset, schema)
    check_schema(dataset, schema, ids)
    check_dates(dataset, schema)  # first: an impossible date is impossible, whatever else is wrong
    check_unique_ids(dataset)
    check_references(dataset, ids)
    check_loops(dataset, schema)
    check_computed(dataset)
    check_successors(dataset)


def check_successors(dataset: Dataset) -> None:
    """Units with successors say from when: the Places table heads their column with that day."""
    units = dataset.values.get("units") or {}
    if "successor_from" in units:
        return
    for index, unit in enumerate(units.get("list", [])):
        if "successor" in unit:
            raise EntryError(
                ("units", "list", index, "successor"),
                "the unit has a successor, but units has no successor_from",
                "successor_from: the day the successors took over, such as 1/7/2025, beside published",
            )


def check_schema(dataset: Dataset, schema: dict[str, Any], ids: dict[str, set[str]]) -> None:
    if _passes(dataset.values, schema, ids):
        return
    import jsonschema  # here, not at the top: data that passes never needs it

    error = jsonschema.exceptions.best_match(schema_errors(dataset.values, schema, ids), key=_first_of_equals)
    if error is None:
        return
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties":
        path = path + (next(key for key in error.instance if key not in error.schema.get("properties", {})),)
    problem, expected = _describe(error, dataset.written(path))
    if error.validator == "x-ref":
        hint = difflib.get_close_matches(error.instance, sorted(ids.get(error.validator_value, ())), n=1)
        problem += f" (did you mean {hint[0]!r}?)" if hint else ""
        expected = f"the id of an entry in {dataset.files.get(error.validator_value, error.validator_value)}"
    raise EntryError(path, problem, expected)


def schema_errors(values: dict[str, Any], schema: dict[str, Any], ids: dict[str, set[str]]) -> Iterator[Any]:
    """jsonschema's errors for the data, which check_schema words (the judge wherever jsonschema-rs says no)."""
    return _validator_class(ids)(inlined(schema)).iter_errors(values)


class _XRef:
    """jsonschema-rs's form of the keyword x-ref (see _validator_class): built once per place in the schema."""

    ids: dict[str, set[str]] = {}

    def __init__(self, parent_schema: dict[str, Any], value: str, schema_path: list) -> None:
        self.known = self.ids.get(value, set())

    def validate(self, instance: Any) -> None:
        if isinstance(instance, str) and instance not in self.known:
            raise ValueError(instance)


def _passes(values: dict[str, Any], schema: dict[str, Any], ids: dict[str, set[str]]) -> bool:
    """Whether the data passes the schema, by jsonschema-rs (compiled: 0.05 s where jsonschema takes 1.4 s on 100x
    data). Only a yes is taken from it: data it refuses, or holds values it cannot read (a date), goes to jsonschema,
    whose errors this module words; so the rules stay jsonschema's wherever the two could read a rule apart (a
    pattern's $ lets a final line feed through in Python, not in Rust: the stricter one refuses, and is asked again)."""
    import jsonschema_rs

    keyword = type("XRef", (_XRef,), {"ids": ids})  # a class per call: the ids are this data's
    try:  # offline: a $ref to the web is never fetched (jsonschema, asked next, does not fetch either)
        return jsonschema_rs.Draft202012Validator(schema, keywords={"x-ref": keyword}, offline=True).is_valid(values)
    except (ValueError, jsonschema_rs.ReferencingError):  # a value JSON has no type for (a date); jsonschema names it
        return False


def _first_of_equals(error: Any) -> tuple:
    """jsonschema's relevance without its order among sibling errors, which names the last of several bad entries:
    of equally relevant errors, best_match (max) then keeps the first, so a file's errors are named from its top."""
    from jsonschema.exceptions import relevance

    return tuple(part for part in relevance(error) if part is not error.path)


def collection_ids(dataset: Dataset, schema: dict[str, Any]) -> dict[str, set[str]]:
    """The ids of every list collection, for the x-ref keyword (an id that is not text is the schema's to name)."""
    return {
        name: {
            entry["id"] for entry in dataset.values.get(name, []) if isinstance(entry, dict) and isinstance(entry.get("id"), str)
        }
        for name, sub in schema["properties"].items()
        if sub.get("type") == "array" and isinstance(dataset.values.get(name, []), list)
    }


def _validator_class(ids: dict[str, set[str]]) -> Any:
    """JSON Schema (draft 2020-12) with this project's keyword x-ref: the value is the id of an entry in the
    named collection. (x-verbatim needs the article: truth.check_verbatim checks it once the article is read.)"""
    import jsonschema  # only when the data changed: its import is a third of a small build's own time

    def x_ref(validator: Any, target: str, instance: Any, schema: dict[str, Any]) -> Iterator[Any]:
        if isinstance(instance, str) and instance not in ids.get(target, set()):
            yield jsonschema.ValidationError(f"there is no {target} entry with the id {instance!r}")

    def unique_items(validator: Any, unique: bool, instance: Any, schema: dict[str, Any]) -> Iterator[Any]:
        """uniqueItems in linear time: jsonschema compares every pair of items that cannot be sorted (60,000
        items of text and numbers: minutes); here each item's canonical JSON is hashed. 1.0 is 1, as JSON Schema says."""
        if not unique or not isinstance(instance, list):
            return
        first: dict[str, int] = {}
        for index, item in enumerate(instance):
            key = json.dumps(int(item) if isinstance(item, float) and item.is_integer() else item, sort_keys=True, default=repr)
            if key in first:
                yield jsonschema.ValidationError(
                    f"{shown(item)} is in this list twice (first as [{first[key]}])", path=(index,), instance=item
                )
                return
            first[key] = index

    return jsonschema.validators.extend(jsonschema.Draft202012Validator, {"x-ref": x_ref, "uniqueItems": unique_items})


def inlined(schema: dict[str, Any]) -> dict[str, Any]:
    """The schema with each local reference ("$ref": "#/$defs/text") written out in full: jsonschema resolves a
    reference every time it meets one, a third of the time it takes over large data. The keywords beside a $ref
    stay (both apply); the definition's description wins, as messages quote it. A $ref whose keywords clash with
    its definition's, or that refers to itself, stays as it is."""
    defs = schema.get("$defs", {})

    def inline(node: Any, within: tuple[str, ...] = ()) -> Any:
        if isinstance(node, list):
            return [inline(item, within) for item in node]
        if not isinstance(node, dict):
            return node
        node = {key: inline(value, within) for key, value in node.items()}
        name = str(node.get("$ref", "")).removeprefix("#/$defs/")
        if name in defs and name not in within:
            target = inline(defs[name], within + (name,))
            if not (node.keys() & target.keys()) - {"$ref", "description"}:
                node = {**{key: value for key, value in node.items() if key != "$ref"}, **target}
        return node

    return inline(schema)


# --- what a schema cannot say -------------------------------------------------------------------


def _entries(dataset: Dataset) -> Iterator[tuple[str, int, dict[str, Any]]]:
    """(collection, index, entry) for every list collection (the schema has made each a list of entries)."""
    for name, entries in dataset.values.items():
        if isinstance(entries, list):
            for index, entry in enumerate(entries):
                yield name, index, entry


def check_unique_ids(dataset: Dataset) -> None:
    seen: dict[tuple[str, str], int] = {}
    for name, index, entry in _entries(dataset):
        key = (name, entry["id"])
        if key in seen:
            raise EntryError(
                (name, index, "id"), f"the id {entry['id']!r} is already used by {name}[{seen[key]}]", "a new, unique id"
            )
        seen[key] = index


def check_references(dataset: Dataset, ids: dict[str, set[str]]) -> None:
    """The computed figures' inputs ("events/<id>") name entries that exist, and each statement's topic is one of
    the data's topics or one a page shows (x-ref values are a schema keyword)."""
    topics = ids.get("topics", set()) | set(PAGE_TOPICS)
    for index, statement in enumerate(dataset.values.get("statements", [])):
        if statement["topic"] not in topics:
            hint = difflib.get_close_matches(statement["topic"], sorted(topics), n=1)
            raise EntryError(
                ("statements", index, "topic"),
                f"there is no topic {statement['topic']!r}" + (f" (did you mean {hint[0]!r}?)" if hint else ""),
                f"the id of a topic under topics: in {dataset.files.get('statements', 'statements.yml')}, or one of "
                + ", ".join(PAGE_TOPICS),
            )
    for name, index, entry in _entries(dataset):
        for position, ref in enumerate(entry.get("inputs", [])):
            collection, _, target_id = ref.partition("/")
            if target_id not in ids[collection]:
                raise EntryError(
                    (name, index, "inputs", position),
                    f"there is no {collection} entry with the id {target_id!r}",
                    f"the id of an entry in {dataset.files.get(collection, collection)}",
                )


def check_loops(dataset: Dataset, schema: dict[str, Any]) -> None:
    """An entry that names another of its own collection (a place's parent) does not lead back to itself: the
    pages follow such names up to the top (a place's province), and a loop has none."""
    for name, sub in schema["properties"].items():
        properties = sub.get("items", {}).get("properties", {}) if sub.get("type") == "array" else {}
        for field in [field for field, prop in properties.items() if prop.get("x-ref") == name]:
            entries = dataset.values.get(name, [])
            up = {entry["id"]: entry[field] for entry in entries if field in entry}
            for index, entry in enumerate(entries):
                chain = [entry["id"]]
                while chain[-1] in up and up[chain[-1]] not in chain:
                    chain.append(up[chain[-1]])
                if chain[-1] in up:  # its next is already in the chain: a loop
                    raise EntryError(
                        (name, index, field),
                        f"the {field}s go round in a loop: {' → '.join([*chain, up[chain[-1]]])}",
                        f"a {field} higher up, and at the top an entry without {field}",
                    )


def check_dates(dataset: Dataset, schema: dict[str, Any]) -> None:
    """Every date the schema types as one is a day that exists (30/2/2024 has the right form, and is no day)."""
    for name, sub in schema["properties"].items():
        value = dataset.values.get(name)
        dated: list[tuple[tuple[str | int, ...], dict[str, Any]]]
        if value is None:
            continue
        if sub.get("type") == "array":  # the entries of a list; or an entry of its own (the article's publication date)
            fields, dated = date_fields(sub["items"]["properties"]), [((name, index), entry) for index, entry in enumerate(value)]
        else:
            fields, dated = date_fields(sub.get("properties", {})), [((name,), value)]
        for path, entry in dated if fields else []:
            for field in fields:
                if field not in entry:
                    continue
                try:
                    parse_date(entry[field])
                except ValueError:
                    raise EntryError(
                        (*path, field), f"the date {entry[field]} does not exist", "a real day, written day/month/year"
                    ) from None


def check_computed(dataset: Dataset) -> None:
    collections = {name: {e["id"]: e for e in dataset.values.get(name, [])} for name in ("events", "figures")}
    arity = {"days_between": 2, "ratio": 2, "percent_of": 1}
    for index, item in enumerate(dataset.values.get("computed", [])):

        def fail(problem: str, expected: str, index: int = index) -> None:
            raise EntryError(("computed", index, "inputs"), problem, expected)

        if len(item["inputs"]) != arity[item["op"]]:
            fail(f"{item['op']} takes {arity[item['op']]} input(s), not {len(item['inputs'])}", f"{arity[item['op']]} input(s)")
        if len(set(item["inputs"])) != len(item["inputs"]):  # 0 days, a ratio of 1: a figure that says nothing
            fail(f"{item['inputs'][0]} is given twice", f"{arity[item['op']]} different inputs")
        kinds = {ref.partition("/")[0] for ref in item["inputs"]}
        if item["op"] == "days_between" and kinds != {"events"}:
            fail("days_between counts days between two events", "two events/<id> inputs")
        if item["op"] in ("ratio", "percent_of") and kinds != {"figures"}:
            fail(f"{item['op']} works on figures", "figures/<id> inputs")
        if item["op"] == "percent_of":
            figure = collections["figures"][item["inputs"][0].partition("/")[2]]
            if "total" not in figure:
                fail(f"the figure {figure['id']!r} has no total", "a figure with value and total")
