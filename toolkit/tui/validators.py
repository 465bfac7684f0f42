"""Form fields checked by the same rules the store uses when it reads a file,
so the app never saves what ``meetingkit check`` would reject."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual.validation import ValidationResult, Validator

from .. import codec
from ..model import Meeting, Settings


def parse_date(value: str) -> date:
    return codec.field(Meeting, "date", value)


def parse_time(value: str) -> str:
    return codec.field(Meeting, "time", value)


def parse_minutes(value: str) -> float:
    return codec.field(Meeting, "minutes", value)


def parse_wpm(value: str) -> int:
    return codec.field(Settings, "wpm", value)


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
        except codec.Invalid as error:
            return self.failure(error.message)
        return self.success()
