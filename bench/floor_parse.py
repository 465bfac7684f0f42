"""The floor: parse a workspace's files with ``yaml.CSafeLoader`` and nothing else.

    python bench/floor_parse.py DIR answers   # the files `promise list` reads
    python bench/floor_parse.py DIR all       # the files `check` reads

No validation, no records, no output: the least work any YAML-based command
can do to read the same files. Deliberately standalone (it imports nothing of
meetingkit), so its start-up is Python's and PyYAML's alone.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import yaml


def files(root: Path, which: str) -> list[Path]:
    if which == "answers":
        return sorted((root / "answers").glob("*/*.yaml"))
    shipped = Path(__file__).resolve().parent.parent / "questions"
    found = [root / "meetingkit.yaml", *sorted(shipped.glob("*.yaml"))]
    for folder in ("questions", "meetings", "answers", "testimony"):
        for dirpath, _, names in os.walk(root / folder):
            found += [Path(dirpath) / n for n in sorted(names) if n.endswith((".yaml", ".md"))]
    return found


def parse(path: Path) -> object:
    data = path.read_bytes()
    if path.suffix == ".md":  # a testimony: only its `---` header is YAML
        data = data.split(b"\n---\n", 1)[0].removeprefix(b"---\n") if data.startswith(b"---\n") else b""
    return yaml.load(data, Loader=yaml.CSafeLoader)


def main() -> None:
    root, which = Path(sys.argv[1]), sys.argv[2]
    count = sum(1 for path in files(root, which) if parse(path) is not None)
    print(count)


if __name__ == "__main__":
    main()
