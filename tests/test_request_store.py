"""Records requests on disk: one private file each, compare-and-swap saves, letters never overwritten."""

from __future__ import annotations

import stat
from datetime import date

import pytest

from toolkit.errors import ConflictError
from toolkit.request_store import RequestStore
from toolkit.requests import Request, add_change
from toolkit.store import Workspace


def _new(store: RequestStore) -> Request:
    request = Request(
        id=store.new_id("the Example County Sheriff's Office", date(2027, 1, 13)),
        agency="the Example County Sheriff's Office",
        law="tx",
        drafted=date(2027, 1, 13),
        records=["The 287(g) MOA"],
    )
    store.save(request)
    return request


def test_a_request_round_trips_in_a_private_file(ws: Workspace):
    store = RequestStore(ws)
    request = _new(store)
    assert request.id == "2027-01-13-example-county-sheriff-s-office"
    path = store.path(request.id)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert "drafted: 2027-01-13\n" in path.read_text(), "dates are written as dates, unquoted"
    store.update(request.id, lambda r: add_change(r, "filed", date(2027, 1, 14), "by email"))
    again = store.read(request.id)
    assert again.filed == date(2027, 1, 14) and again.records == ["The 287(g) MOA"]
    assert store.new_id("the Example County Sheriff's Office", date(2027, 1, 13)) == request.id + "-2"


def test_a_save_over_a_change_made_meanwhile_is_refused(ws: Workspace):
    store = RequestStore(ws)
    request = _new(store)
    mine = store.read(request.id)
    theirs = store.read(request.id)
    add_change(theirs, "filed", date(2027, 1, 14))
    store.save(theirs)
    add_change(mine, "withdrawn", date(2027, 1, 15))
    with pytest.raises(ConflictError, match="was changed by someone else"):
        store.save(mine)
    assert store.read(request.id).status == "filed", "their change is kept"


def test_an_existing_letter_is_never_overwritten(ws: Workspace):
    store = RequestStore(ws)
    request = _new(store)
    path = store.write_letter(request.id, "request", "Dear Custodian,\n")
    path.write_text("Dear Custodian, (edited)\n")
    with pytest.raises(ConflictError, match="already exists"):
        store.write_letter(request.id, "request", "a new draft\n")
    assert path.read_text() == "Dear Custodian, (edited)\n"
