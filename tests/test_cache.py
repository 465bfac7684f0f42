"""The derived cache only ever saves time: it never changes what a listing returns.

It is trusted only while a file's size, mtime, ctime and inode are unchanged,
thrown away when damaged or made by other code, kept private and out of git,
and a workspace whose cache cannot be written still lists.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from toolkit import cache, store
from toolkit.model import Answer
from toolkit.store import Workspace

pytestmark = pytest.mark.usefixtures("trust_at_once")


@pytest.fixture
def trust_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Files in a test are seconds old; let the cache remember them anyway."""
    monkeypatch.setattr(cache, "RACY_NS", 0)


def cache_file(ws: Workspace, listing: str = "answers") -> Path:
    return ws.private_dir / "cache" / f"{listing}.msgpack"


def parsed_files(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Which answer files the next listing actually parses."""
    seen: list[str] = []
    read = store.ANSWERS.read

    def spy(path: Path, data: bytes) -> Answer:
        seen.append(path.name)
        return read(path, data)

    monkeypatch.setattr(store.ANSWERS, "read", spy)
    return seen


def test_a_warm_listing_equals_a_cold_one_and_parses_nothing(demo_ws, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    cold, cold_meetings = demo_ws.answers(), demo_ws.meetings()
    assert cache_file(demo_ws).exists() and cache_file(demo_ws, "meetings").exists()
    parsed = parsed_files(demo_ws, monkeypatch)
    warm = demo_ws.answers()
    assert parsed == []
    assert warm.records == cold.records
    assert [a.revision for a in warm.records] == [a.revision for a in cold.records]
    assert demo_ws.meetings().records == cold_meetings.records


def test_only_the_changed_file_is_parsed_again(demo_ws, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    demo_ws.answers()
    first = demo_ws.answers().records[0]
    demo_ws.update_answer(first.meeting, first.question, lambda a: setattr(a, "said", "Changed on disk."))
    parsed = parsed_files(demo_ws, monkeypatch)
    listed = {a.question: a for a in demo_ws.answers().records}
    assert parsed == [f"{first.question}.yaml"]
    assert listed[first.question].said == "Changed on disk."


def test_an_edit_that_keeps_size_and_mtime_is_still_seen(demo_ws, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    demo_ws.answers()
    answer = demo_ws.answers().records[0]
    path = demo_ws.answer_path(answer.meeting, answer.question)
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    assert "said: We " in text
    path.write_text(text.replace("said: We ", "said: WE ", 1), encoding="utf-8")  # the same length
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # as an editor or rsync might
    assert path.stat().st_size == before.st_size and path.stat().st_mtime_ns == before.st_mtime_ns
    listed = {a.question: a for a in demo_ws.answers().records}
    assert listed[answer.question].said.startswith("WE ")  # the ctime moved: the cache was not trusted


def test_a_file_changed_in_the_last_seconds_is_not_remembered(demo_ws, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(cache, "RACY_NS", 60 * 10**9)
    count = len(demo_ws.answers().records)
    parsed = parsed_files(demo_ws, monkeypatch)
    demo_ws.answers()
    assert len(parsed) == count  # all written seconds ago: none trusted yet


@pytest.mark.parametrize("damage", [b"", b"garbage", b"meetingkit-cache\n\x00\x00\x00\x00\x01", None])
def test_a_damaged_cache_is_silently_rebuilt(demo_ws, damage: bytes | None) -> None:  # type: ignore[no-untyped-def]
    expected = demo_ws.answers().records
    blob = cache_file(demo_ws).read_bytes()
    cache_file(demo_ws).write_bytes(blob[: len(blob) // 2] if damage is None else damage)
    assert demo_ws.answers().records == expected
    assert cache_file(demo_ws).read_bytes() == blob  # rewritten whole


def test_a_cache_made_by_other_code_is_not_trusted(demo_ws, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    demo_ws.answers()
    monkeypatch.setattr(cache, "fingerprint", lambda: "another version of meetingkit")
    parsed = parsed_files(demo_ws, monkeypatch)
    demo_ws.answers()
    assert len(parsed) == len(demo_ws.answers().records)


def test_problems_are_remembered_with_their_file_and_line(demo_ws) -> None:  # type: ignore[no-untyped-def]
    answer = demo_ws.answers().records[0]
    path = demo_ws.answer_path(answer.meeting, answer.question)
    path.write_text("format: 1\nmeeting: [unclosed\n", encoding="utf-8")
    cold = demo_ws.answers().problems
    warm = demo_ws.answers().problems
    assert [str(p) for p in warm] == [str(p) for p in cold]
    assert str(path) in str(warm[0]) and warm[0].line == cold[0].line == 3


def test_the_cache_is_private_and_out_of_git(demo_ws) -> None:  # type: ignore[no-untyped-def]
    demo_ws.answers()
    demo_ws.meetings()
    for listing in ("answers", "meetings"):
        assert stat.S_IMODE(cache_file(demo_ws, listing).stat().st_mode) == 0o600
    assert stat.S_IMODE((demo_ws.private_dir / "cache").stat().st_mode) == 0o700
    assert (demo_ws.private_dir / ".gitignore").read_text().splitlines()[-1] == "*"


def test_a_workspace_whose_cache_cannot_be_written_still_lists(demo_ws) -> None:  # type: ignore[no-untyped-def]
    (demo_ws.private_dir / "cache").write_text("a file where the cache folder should be")
    assert len(demo_ws.answers().records) == 4 and not demo_ws.answers().problems


def test_listings_in_two_threads_at_once_agree(demo_ws) -> None:  # type: ignore[no-untyped-def]
    from concurrent.futures import ThreadPoolExecutor

    expected = demo_ws.answers().records

    def churn(_: int) -> bool:
        cache_file(demo_ws).unlink(missing_ok=True)  # both threads rebuild and write it, again and again
        return demo_ws.answers().records == expected

    with ThreadPoolExecutor(max_workers=2) as pool:
        assert all(pool.map(churn, range(40)))
    assert demo_ws.answers().records == expected
    assert list(demo_ws.leftover_temp_files()) == []
