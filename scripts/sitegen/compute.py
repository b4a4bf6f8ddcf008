"""Figures the site derives from the data. Each result records the inputs it was computed from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Computed:
    id: str
    label: str
    value: float
    digits: int
    unit: str
    approximate: bool
    bound: str | None  # "at-most" / "at-least" when an input is an "as of" date
    op: str
    inputs: tuple[dict[str, Any], ...]  # the events or figures it was computed from, with their sources
    translated: dict[str, str]  # label_en, unit_en, ...: the label and unit in each other language the data gives

    def __getattr__(self, name: str) -> str:
        """item.label_en, as the data's other entries have it."""
        translated = self.__dict__.get("translated", {})
        if name in translated:
            return translated[name]
        raise AttributeError(name)

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
                **{key: item[key] for key in ("id", "label", "digits", "unit", "approximate", "op")},
                translated={key: text for key, text in item.items() if key.startswith(("label_", "unit_"))},
                value=OPERATIONS[item["op"]](*inputs),
                bound=item.get("bound"),
                inputs=inputs,
            )
        )
    return tuple(results)
