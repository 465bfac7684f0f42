"""Three-way merge of an answer: what both editors did survives, overlaps are named."""

from __future__ import annotations

import copy
from datetime import date

import pytest

from toolkit import tracker
from toolkit.merge import MergeConflict, merge_answer
from toolkit.model import Answer

DAY = date(2026, 11, 6)


@pytest.fixture
def base() -> Answer:
    answer = Answer(
        meeting="2026-11-06-board", question="data-sharing", status="partial", official="Chair", said="Later."
    )
    tracker.add_promise(answer, "Send the policy", date(2026, 12, 1), "Chair", DAY)
    return answer


def test_different_fields_both_land(base: Answer) -> None:
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mine.said = "We will send the policy."
    theirs.source = "video 1:12:40"
    theirs.promises[0].due = date(2026, 12, 15)
    merged = merge_answer(base, mine, theirs)
    assert (merged.said, merged.source) == ("We will send the policy.", "video 1:12:40")
    assert merged.promises[0].due == date(2026, 12, 15)


def test_promises_added_on_both_sides_are_both_kept_with_distinct_ids(base: Answer) -> None:
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    tracker.add_promise(mine, "Publish the minutes", None, "Chair", DAY)
    tracker.add_promise(theirs, "Release detainer counts", None, "Sheriff", DAY)
    merged = merge_answer(base, mine, theirs)
    assert [p.what for p in merged.promises] == [
        "Send the policy",
        "Release detainer counts",
        "Publish the minutes",
    ]
    assert [p.id.rsplit("-", 1)[-1] for p in merged.promises] == ["1", "2", "3"]


def test_history_steps_from_both_sides_are_kept(base: Answer) -> None:
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    tracker.set_status(mine.promises[0], "open", date(2026, 11, 20), "reminder sent")
    tracker.set_status(theirs.promises[0], "open", date(2026, 11, 21), "clerk says next week")
    merged = merge_answer(base, mine, theirs)
    notes = [c.note for c in merged.promises[0].history]
    assert notes == ["promise made", "clerk says next week", "reminder sent"]


def test_the_same_change_on_both_sides_is_no_conflict(base: Answer) -> None:
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mine.status = theirs.status = "answered"
    assert merge_answer(base, mine, theirs).status == "answered"


def test_overlapping_changes_are_named(base: Answer) -> None:
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mine.official, theirs.official = "Sheriff", "County Attorney"
    tracker.set_status(mine.promises[0], "kept", date(2026, 11, 20))
    tracker.set_status(theirs.promises[0], "broken", date(2026, 11, 20))
    with pytest.raises(MergeConflict) as caught:
        merge_answer(base, mine, theirs)
    assert caught.value.fields == ["official", f"promise {base.promises[0].id} status"]


def test_removing_a_promise_the_other_side_changed_is_a_conflict(base: Answer) -> None:
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mine.promises.clear()
    theirs.promises[0].what = "Send the written policy"
    with pytest.raises(MergeConflict, match="removed here, changed there"):
        merge_answer(base, mine, theirs)


def test_a_promise_removed_on_one_side_and_untouched_on_the_other_is_gone(base: Answer) -> None:
    mine, theirs = copy.deepcopy(base), copy.deepcopy(base)
    mine.promises.clear()
    theirs.said = "Next month."
    merged = merge_answer(base, mine, theirs)
    assert merged.promises == [] and merged.said == "Next month."
