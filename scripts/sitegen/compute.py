"""Figures the site derives from the data. Each result records the inputs it was computed from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Computed:
    id: str
    label: str
    label_en: str
    value: float
    digits: int
    unit: str
    unit_en: str
    approximate: bool
    bound: str | None  # "at-most" / "at-least" when an input is an "as of" date
    op: str
    inputs: tuple[dict[str, Any], ...]  # the events or figures it was computed from, with their sources

    @property
    def rounded(self) -> float:
        return round(self.value, self.digits)


def _days_between(first: dict[str, Any], second: dict[str, Any]) -> float:
    return (second["date"] - first["date"]).days  # dates.Date, read once by the model


def _ratio(first: dict[str, Any], second: dict[str, Any]) -> float:
    return first["value"] / second["value"]


def _percent_of(figure: dict[str, Any]) -> float:
    return 100 * figure["value"] / figure["total"]


OPERATIONS: dict[str, Callable[..., float]] = {"days_between": _days_between, "ratio": _ratio, "percent_of": _percent_of}


def compute_all(values: dict[str, Any]) -> tuple[Computed, ...]:
    """The computed figures of the model's values (their dates already read)."""
    lookup = {(name, entry["id"]): entry for name in ("events", "figures") for entry in values[name]}
    results = []
    for item in values["computed"]:
        inputs = tuple(lookup[tuple(ref.split("/", 1))] for ref in item["inputs"])
        results.append(
            Computed(
                **{key: item[key] for key in ("id", "label", "label_en", "digits", "unit", "unit_en", "approximate", "op")},
                value=OPERATIONS[item["op"]](*inputs),
                bound=item.get("bound"),
                inputs=inputs,
            )
        )
    return tuple(results)
