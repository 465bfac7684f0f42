"""A records request's due date, counted by hand and by meetingkit.

Every expected date below was worked out on a calendar, day by day. Texas
holidays are those the ``holidays`` package lists for TX (checked against the
Comptroller's state holiday schedule and Tex. Gov't Code § 662.003: Texas
Independence Day March 2, San Jacinto Day April 21, the Friday after
Thanksgiving, December 24 and 26). Day 0 is the day the request is received;
day 1 is the next business day.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import msgspec
import pytest

from toolkit.errors import NotFound
from toolkit.laws import read_law
from toolkit.model import Law, Request
from toolkit.model import RequestChange as Change
from toolkit.requests import STATUSES, RefusedChange, add_change, clock, find_law

LAWS = Path(__file__).parent / "laws"


def law(law_id: str) -> Law:
    return read_law(LAWS / f"{law_id}.yaml")


def filed(on: date, law_id: str = "tx", *later: Change) -> Request:
    return Request(
        id="r",
        agency="the Example County Sheriff's Office",
        law=law_id,
        drafted=on,
        history=[Change(on=on, status="filed"), *later],
    )


def due(request: Request, as_of: date = date(2028, 6, 1), **kw) -> date | None:
    return clock(request, law(request.law), as_of, **kw).due


def test_business_days_skip_weekends():
    # Mon May 3, 2027: 4 5 6 7 | 10 11 12 13 14 | 17 -> the 10th business day is Mon May 17.
    assert due(filed(date(2027, 5, 3))) == date(2027, 5, 17)


def test_a_request_filed_on_saturday_counts_from_monday():
    assert due(filed(date(2027, 5, 1))) == date(2027, 5, 17)


def test_a_state_holiday_is_not_a_business_day():
    # Fri Feb 26, 2027; Tue Mar 2 is Texas Independence Day: 1 (Mar 1), 3 4 5, 8 9 10 11 12, 15.
    assert due(filed(date(2027, 2, 26))) == date(2027, 3, 15)
    # Counted on the federal holidays (id `us`), which lack Texas Independence Day: one day earlier.
    federal = msgspec.structs.replace(law("tx"), id="us")
    assert clock(filed(date(2027, 2, 26)), federal, date(2027, 6, 1)).due == date(2027, 3, 12)


def test_san_jacinto_day_moves_the_deadline():
    # Wed Apr 7, 2027: 8 9, 12 13 14 15 16, 19 20, (21 San Jacinto Day), 22.
    assert due(filed(date(2027, 4, 7))) == date(2027, 4, 22)


def test_a_holiday_on_a_weekend_is_skipped_on_its_observed_day():
    # July 4, 2027 is a Sunday, observed Monday July 5. Thu Jul 1: 2, (5), 6 7 8 9, 12 13 14 15 16.
    assert due(filed(date(2027, 7, 1))) == date(2027, 7, 16)


def test_across_the_year_end():
    # Mon Dec 20, 2027: 21 22, (23 and 24: Christmas observed and Christmas Eve; 25, 26 weekend),
    # 27 28 29 30, (31: New Year's Day 2028 observed), Jan 3 4 5 6.
    assert due(filed(date(2027, 12, 20))) == date(2028, 1, 6)


def test_closure_days_from_the_settings_are_skipped():
    assert due(filed(date(2027, 5, 3)), closures=[date(2027, 5, 10)]) == date(2027, 5, 18)


def test_calendar_days_count_every_day():
    # California: 10 calendar days. Mon May 3, 2027 -> Thu May 13.
    assert due(filed(date(2027, 5, 3), "ca")) == date(2027, 5, 13)


def test_a_calendar_deadline_on_a_weekend_or_holiday_moves_to_the_next_business_day():
    assert due(filed(date(2027, 5, 5), "ca")) == date(2027, 5, 17), "Sat May 15 -> Mon May 17"
    assert due(filed(date(2027, 5, 21), "ca")) == date(2027, 6, 1), "Mon May 31 is Memorial Day"


def test_waiting_on_us_pauses_the_clock_and_it_resumes_where_it_stopped():
    # Mon May 3: 4 5 6 counted (3); the agency asks for a fee on Fri May 7; we pay on Wed May 12.
    # Not counted: 7, 10, 11. From the 12th: 12 13 14 17 18 19 20 -> day 10 is Thu May 20.
    request = filed(
        date(2027, 5, 3),
        "tx",
        Change(on=date(2027, 5, 7), status="waiting-on-us", note="fee estimate $40"),
        Change(on=date(2027, 5, 12), status="acknowledged", note="fee paid"),
    )
    assert due(request) == date(2027, 5, 20)
    during = clock(request, law("tx"), date(2027, 5, 10))
    assert during.status == "waiting-on-us" and during.paused_since == date(2027, 5, 7)
    assert during.used == 3 and not during.overdue
    assert during.due == date(2027, 5, 19), "projected as if the clock resumed on Tue May 11"


def test_overdue_and_days_overdue_in_business_days():
    request = filed(date(2027, 5, 3), "tx", Change(on=date(2027, 5, 5), status="acknowledged"))
    on_the_day = clock(request, law("tx"), date(2027, 5, 17))
    assert not on_the_day.overdue and on_the_day.used == 10
    later = clock(request, law("tx"), date(2027, 5, 22))  # a Saturday: 18 19 20 21
    assert later.overdue and later.days_overdue == 4


def test_an_answered_request_is_never_overdue():
    request = filed(date(2027, 5, 3), "tx", Change(on=date(2027, 6, 1), status="fulfilled"))
    assert not clock(request, law("tx"), date(2027, 7, 1)).overdue
    assert clock(request, law("tx"), date(2027, 5, 31)).overdue, "as of May 31 it was still owed"


def test_a_law_with_no_deadline_is_never_overdue_and_suggests_a_follow_up():
    c = clock(filed(date(2027, 5, 3), "al"), law("al"), date(2029, 1, 1))
    assert c.due is None and not c.overdue and c.days_overdue == 0
    assert c.follow_up == date(2027, 5, 18), "15 calendar days, as the law file says"
    assert c.past_follow_up


def test_a_draft_has_no_due_date():
    draft = Request(id="r", agency="x", law="tx", drafted=date(2027, 5, 3))
    c = clock(draft, law("tx"), date(2027, 6, 1))
    assert c.status == "draft" and c.due is None and not c.overdue


def test_a_change_before_the_filing_is_refused():
    request = filed(date(2027, 5, 3))
    with pytest.raises(RefusedChange, match=r"2027-05-01 is before request r was filed \(2027-05-03\)"):
        add_change(request, "acknowledged", date(2027, 5, 1))
    assert len(request.history) == 1


def test_a_withdrawn_request_refuses_any_change():
    request = filed(date(2027, 5, 3), "tx", Change(on=date(2027, 5, 4), status="withdrawn"))
    with pytest.raises(RefusedChange, match="withdrawn on 2027-05-04; nothing was changed"):
        add_change(request, "filed", date(2027, 5, 5))
    assert request.status == "withdrawn" and len(request.history) == 2


def test_a_draft_must_be_filed_before_anything_else():
    draft = Request(id="r", agency="x", law="tx", drafted=date(2027, 5, 3))
    with pytest.raises(RefusedChange, match="has not been filed yet"):
        add_change(draft, "acknowledged", date(2027, 5, 4))
    add_change(draft, "filed", date(2027, 5, 4))
    assert draft.filed == date(2027, 5, 4) and draft.status == "filed"


def test_a_state_the_table_lacks_names_the_state_and_the_folder_for_a_law_by_hand():
    with pytest.raises(NotFound) as err:
        find_law({"tx": law("tx")}, "Oregon", "/home/ana/eastside")
    message = str(err.value)
    assert "'Oregon'" in message and "/home/ana/eastside/laws/<id>.yaml" in message and "tx" in message


def test_the_settings_name_the_state_in_full_or_by_code():
    laws = {"tx": law("tx")}
    assert find_law(laws, "Texas", "ws").id == "tx"
    assert find_law(laws, "TX", "ws").id == "tx"


def test_the_command_line_offers_exactly_the_record_statuses():
    from toolkit.commands import request as command

    assert command.STATUSES == STATUSES
