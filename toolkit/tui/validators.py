"""Form fields checked by the same rules the store uses when it reads a file,
so the app never saves what ``meetingkit check`` would reject."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual.validation import ValidationResult, Validator

from .. import schema


def parse_date(value: str) -> date:
    return schema.a_date(value, ("date",))


def parse_time(value: str) -> str:
    return schema.a_time(value, ("time",))


def _number(value: str, what: str) -> float | int:
    try:
        number = float(value.strip())
    except ValueError:
        raise schema.Invalid((what,), f"expected a number, got {value.strip()!r}") from None
    return int(number) if number.is_integer() else number


def parse_minutes(value: str) -> float:
    return schema.minutes(_number(value, "minutes"), ("minutes",))


def parse_wpm(value: str) -> int:
    return schema.wpm(_number(value, "wpm"), ("wpm",))


class Checked(Validator):
    """A Textual validator around one of the store's field checks."""

    def __init__(self, parse: Callable[[str], Any], optional: bool = False) -> None:
        super().__init__()
        self.parse = parse
        self.optional = optional

    def validate(self, value: str) -> ValidationResult:
        if self.optional and not value.strip():
            return self.success()
        try:
            self.parse(value)
        except schema.Invalid as error:
            return self.failure(error.message)
        return self.success()
