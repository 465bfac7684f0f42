"""meetingkit: get local cooperation with ICE on the public record."""

import sys

__version__ = "0.1.0"


def _import_msgspec_lean() -> None:
    """Import msgspec without typing_extensions, which Textual installs beside it.

    msgspec takes ``get_type_hints`` from typing_extensions when it is there,
    and importing it (with ``inspect``, ``ast`` and ``dis`` behind it) costs
    a fifth of a bare Python start-up on every command; on Python >= 3.11 the
    standard ``typing`` has everything the record model uses. Textual still
    imports typing_extensions when the app needs it.
    """
    if "msgspec" in sys.modules or "typing_extensions" in sys.modules:
        return
    sys.modules["typing_extensions"] = None  # type: ignore[assignment]  # makes its import fail
    try:
        import msgspec  # noqa: F401
    finally:
        del sys.modules["typing_extensions"]


_import_msgspec_lean()
