"""`meetingkit ice import|show|changes`, and ICE's list where it is used (questions, testimony)."""

from __future__ import annotations

import json
import os
import stat
from datetime import date
from pathlib import Path

import pytest
import yaml
from ice_sheets import (
    JULY_PARTICIPATING,
    JULY_PENDING,
    PARTICIPATING,
    PENDING,
    july_rows,
    shared_sheets,
    write_sheet,
)

from toolkit.cli import main
from toolkit.model import AgendaEntry, Meeting, Settings
from toolkit.store import Workspace


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def colbert(tmp_path: Path) -> Workspace:
    workspace = Workspace(tmp_path / "colbert")
    workspace.create(
        Settings(
            group="Shoals Neighbors",
            agency="Colbert County Sheriff's Office",
            jurisdiction="Colbert County",
            state="AL",
            languages=["en", "es"],
        )
    )
    return workspace


def files_of(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and ".meetingkit" not in p.parts
    }


def august_sheet(tmp_path: Path) -> Path:
    """ICE's July list two weeks later: Crenshaw gone, Lee County new, Madison's pending agreement signed."""
    rows = [
        r
        for r in july_rows(shared_sheets(), JULY_PARTICIPATING)
        if r[1] != "Crenshaw County Sheriff's Office"
    ]
    rows += [
        [
            "ALABAMA",
            "Lee County Sheriff's Office",
            "County",
            "Lee County",
            "Warrant Service Officer",
            date(2025, 7, 28),
            "link pending",
            "",
        ],
        [
            "ALABAMA",
            "Madison County Sheriff's Office",
            "County",
            "Madison County",
            "Task Force Model",
            date(2025, 7, 30),
            "link pending",
            "",
        ],
        [
            "ALABAMA",
            "Colbert County Sheriff's Office",
            "County",
            "Colbert County",
            "Jail Enforcement Model",
            date(2025, 5, 8),
            "link",
            "link",
        ],
    ]
    rows = [
        r
        for r in rows
        if not (r[1] == "Colbert County Sheriff's Office" and r[4] == "Jail Enforcement Model" and not r[7])
    ]
    return write_sheet(tmp_path / "participatingAgencies08012025am.xlsx", rows, PARTICIPATING)


def test_show_the_workspaces_agency_from_the_snapshot(capsys, colbert: Workspace) -> None:
    code, out, err = run(capsys, "ice", "show", "--workspace", str(colbert.root), "--as-of", "2025-08-01")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0] == f"ICE's 287(g) list as of 2025-07-18 ({JULY_PARTICIPATING}, {JULY_PENDING})"
    assert lines[1] == "Colbert County Sheriff's Office, Alabama (County; Colbert County)"
    assert lines[2].split()[:5] == ["Jail", "Enforcement", "Model", "signed", "2025-05-08"]
    assert (
        "MOA linked: https://www.ice.gov/doclib/287gMOA/ColbertCoSheriffsOfficeAL_JEM_MOA_05.08.2025.pdf"
        in lines[2]
    )
    assert (
        "Task Force Model" in lines[4] and "signed 2025-07-02" in lines[4] and "MOA link pending" in lines[4]
    )
    assert lines[5] == "Pending (list of 2025-07-18): none"
    assert "days old" not in out


def test_an_old_list_says_where_to_get_the_current_one(capsys, colbert: Workspace) -> None:
    code, out, _ = run(capsys, "ice", "show", "--workspace", str(colbert.root), "--as-of", "2026-12-01")
    assert code == 0
    assert out.splitlines()[-1] == (
        "note: ICE's list of 2025-07-18 is 501 days old; download the current sheets from "
        "https://www.ice.gov/identify-and-arrest/287g and run `meetingkit ice import FILE.xlsx`"
    )


def test_show_any_agency_as_json_without_a_workspace(capsys, tmp_path: Path) -> None:
    args = [
        "ice",
        "show",
        "Harris County Sheriff's Office",
        "--state",
        "Georgia",
        "--json",
        "--as-of",
        "2025-08-01",
    ]
    code, out, err = run(capsys, *args, "--workspace", str(tmp_path / "none"))
    assert code == 0, err
    data = json.loads(out)
    assert (data["how"], data["agency"], data["state"], data["as_of"], data["stale"]) == (
        "name",
        "Harris County Sheriff's Office",
        "Georgia",
        "2025-07-18",
        False,
    )
    assert [(r["model"], r["signed"], r["moa"]) for r in data["signed"]] == [
        ("Warrant Service Officer", "2025-05-22", "linked")
    ]


def test_no_match_names_the_closest_and_says_absence_is_no_proof(capsys, tmp_path: Path) -> None:
    code, out, _ = run(
        capsys, "ice", "show", "Harris County Sheriff's Office", "--state", "TX", "--workspace", str(tmp_path)
    )
    assert code == 0
    assert "ICE's list does not name \"Harris County Sheriff's Office\" in Texas." in out
    assert "Closest names it lists in Texas: Harrison County Sheriff's Office" in out
    assert "Not being on ICE's list is not proof of no agreement" in out


def test_no_match_as_json_carries_the_caveat(capsys, tmp_path: Path) -> None:
    code, out, _ = run(
        capsys,
        "ice",
        "show",
        "Harris County Sheriff's Office",
        "--state",
        "TX",
        "--json",
        "--workspace",
        str(tmp_path),
    )
    data = json.loads(out)
    assert (code, data["how"], data["signed"], data["closest"][0]) == (
        0,
        "none",
        [],
        "Harrison County Sheriff's Office",
    )
    assert data["note"].startswith("Not being on ICE's list is not proof of no agreement")


def test_a_county_fallback_is_labelled(capsys, tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws")
    workspace.create(Settings(agency="Office of the Sheriff", jurisdiction="Colbert County", state="Alabama"))
    code, out, _ = run(capsys, "ice", "show", "--workspace", str(workspace.root))
    assert code == 0
    assert out.splitlines()[1:3] == [
        "Colbert County Sheriff's Office, Alabama (County; Colbert County)",
        "  matched by county and agency type, not by name ('Office of the Sheriff'): check it is your agency",
    ]


def test_show_needs_a_known_state(capsys, tmp_path: Path) -> None:
    code, _, err = run(
        capsys,
        "ice",
        "show",
        "Harris County Sheriff's Office",
        "--state",
        "Tejas",
        "--workspace",
        str(tmp_path),
    )
    assert code == 2
    assert err == "error: unknown state 'Tejas'; give a postal code (TX) or a name (Texas)\n"


def test_import_is_dated_private_and_idempotent(capsys, colbert: Workspace) -> None:
    folder = shared_sheets()
    code, out, err = run(
        capsys,
        "ice",
        "import",
        str(folder / JULY_PARTICIPATING),
        str(folder / JULY_PENDING),
        "--workspace",
        str(colbert.root),
    )
    assert code == 0, err
    assert out.splitlines() == [
        "imported: ICE's participating sheet of 2025-07-18 (832 rows) → data/ice-287g/2025-07-18-participating.yaml",
        "imported: ICE's pending sheet of 2025-07-18 (26 rows) → data/ice-287g/2025-07-18-pending.yaml",
    ]
    saved = colbert.root / "data" / "ice-287g" / "2025-07-18-participating.yaml"
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert stat.S_IMODE(saved.parent.stat().st_mode) == 0o700
    stored = yaml.safe_load(saved.read_text())
    assert (stored["source"], stored["as_of"], len(stored["rows"])) == (
        JULY_PARTICIPATING,
        date(2025, 7, 18),
        832,
    )
    before, mtime = files_of(colbert.root), saved.stat().st_mtime_ns
    code, out, _ = run(
        capsys, "ice", "import", str(folder / JULY_PARTICIPATING), "--workspace", str(colbert.root)
    )
    assert code == 0 and out.startswith("unchanged: ICE's participating sheet of 2025-07-18")
    assert files_of(colbert.root) == before and saved.stat().st_mtime_ns == mtime


def test_an_older_sheet_is_kept_and_the_newest_is_used(capsys, colbert: Workspace, tmp_path: Path) -> None:
    folder = shared_sheets()
    august = august_sheet(tmp_path)
    assert run(capsys, "ice", "import", str(august), "--workspace", str(colbert.root))[0] == 0
    code, out, err = run(
        capsys, "ice", "import", str(folder / JULY_PARTICIPATING), "--workspace", str(colbert.root)
    )
    assert code == 0
    assert "older than the 2025-08-01 sheet already imported; it is kept" in err
    assert sorted(p.name for p in (colbert.root / "data" / "ice-287g").iterdir()) == [
        "2025-07-18-participating.yaml",
        "2025-08-01-participating.yaml",
    ]
    code, out, _ = run(capsys, "ice", "show", "--workspace", str(colbert.root), "--json")
    data = json.loads(out)
    assert data["as_of"] == "2025-08-01" and data["pending_as_of"] == "2025-07-18"
    jem = next(r for r in data["signed"] if r["model"] == "Jail Enforcement Model")
    assert jem["addendum"] == "linked"


def test_changes_for_the_workspaces_state(capsys, colbert: Workspace, tmp_path: Path) -> None:
    assert run(capsys, "ice", "import", str(august_sheet(tmp_path)), "--workspace", str(colbert.root))[0] == 0
    code, out, err = run(capsys, "ice", "changes", "--workspace", str(colbert.root))
    assert code == 0, err
    assert out.splitlines() == [
        "Changes in ICE's 287(g) list for AL, 2025-07-18 → 2025-08-01:",
        "  new agreement     Lee County Sheriff's Office, ALABAMA: Warrant Service Officer (signed 2025-07-28)",
        "  pending → signed  Madison County Sheriff's Office, ALABAMA: Task Force Model (signed 2025-07-30)",
        "  agency removed    Crenshaw County Sheriff's Office, ALABAMA: Warrant Service Officer",
    ]
    code, out, _ = run(capsys, "ice", "changes", "--state", "TX", "--json", "--workspace", str(colbert.root))
    assert json.loads(out) == {"from": "2025-07-18", "to": "2025-08-01", "state": "TX", "changes": []}


def test_changes_need_two_lists(capsys, colbert: Workspace, tmp_path: Path) -> None:
    code, _, err = run(capsys, "ice", "changes", "--workspace", str(colbert.root))
    assert code == 2 and "only one of ICE's lists to compare (of 2025-07-18)" in err
    assert run(capsys, "ice", "import", str(august_sheet(tmp_path)), "--workspace", str(colbert.root))[0] == 0
    code, _, err = run(capsys, "ice", "changes", "--since", "2025-07-01", "--workspace", str(colbert.root))
    assert (
        code == 2
        and "only one of ICE's lists to compare (of 2025-08-01, none of 2025-07-01 or before)" in err
    )
    code, out, _ = run(capsys, "ice", "changes", "--since", "2025-07-31", "--workspace", str(colbert.root))
    assert code == 0 and out.startswith("Changes in ICE's 287(g) list for AL, 2025-07-18 → 2025-08-01:")


def test_a_different_sheet_of_the_same_day_needs_replace(capsys, colbert: Workspace, tmp_path: Path) -> None:
    row = ["ALABAMA", "Lee County Sheriff's Office", "County", "Lee County", "Task Force Model"]
    first = write_sheet(tmp_path / "pendingAgencies08012025am.xlsx", [row], PENDING)
    second = write_sheet(
        tmp_path / "pendingAgencies08012025pm.xlsx", [row, [*row[:4], "Warrant Service Officer"]], PENDING
    )
    assert run(capsys, "ice", "import", str(first), "--workspace", str(colbert.root))[0] == 0
    before = files_of(colbert.root)
    code, _, err = run(capsys, "ice", "import", str(second), "--workspace", str(colbert.root))
    assert code == 1
    assert err == (
        "error: a different pending sheet of 2025-08-01 is already imported (from pendingAgencies08012025am.xlsx); "
        "add --replace to keep pendingAgencies08012025pm.xlsx instead\n"
    )
    assert files_of(colbert.root) == before
    code, out, _ = run(capsys, "ice", "import", str(second), "--replace", "--workspace", str(colbert.root))
    assert code == 0 and out.startswith("replaced: ICE's pending sheet of 2025-08-01 (2 rows)")


def test_a_bad_file_among_several_touches_nothing(capsys, colbert: Workspace, tmp_path: Path) -> None:
    good = write_sheet(
        tmp_path / "pendingAgencies08012025.xlsx",
        [["ALABAMA", "Lee County Sheriff's Office", "County", "Lee County", "Task Force Model"]],
        PENDING,
    )
    bad = tmp_path / "participatingAgencies08012025.xlsx"
    bad.write_text("STATE,LAW ENFORCEMENT AGENCY\n")
    before = files_of(colbert.root)
    code, out, err = run(capsys, "ice", "import", str(good), str(bad), "--workspace", str(colbert.root))
    assert (code, out) == (1, "")
    assert err.startswith(f"error: {bad}: not an .xlsx workbook") and err.count("\n") == 1
    assert files_of(colbert.root) == before and not (colbert.root / "data").exists()


def test_a_huge_file_is_refused_before_it_is_read(capsys, colbert: Workspace, tmp_path: Path) -> None:
    huge = tmp_path / "participatingAgencies08012025.xlsx"
    with huge.open("wb") as out:
        out.write(b"PK\x03\x04")
        out.truncate(50_000_000)
    code, _, err = run(capsys, "ice", "import", str(huge), "--workspace", str(colbert.root))
    assert code == 1 and "is 50 MB, too large for ICE's 287(g) sheet" in err


def test_a_missing_date_asks_for_as_of(capsys, colbert: Workspace, tmp_path: Path) -> None:
    sheet = write_sheet(
        tmp_path / "agencies.xlsx",
        [["ALABAMA", "Lee County Sheriff's Office", "County", "Lee County", "Task Force Model"]],
        PENDING,
    )
    code, _, err = run(capsys, "ice", "import", str(sheet), "--workspace", str(colbert.root))
    assert code == 2 and "--as-of YYYY-MM-DD" in err
    code, out, _ = run(
        capsys, "ice", "import", str(sheet), "--as-of", "2025-08-01", "--workspace", str(colbert.root)
    )
    assert code == 0 and "data/ice-287g/2025-08-01-pending.yaml" in out


def test_sheet_text_is_escaped_in_the_terminal(capsys, tmp_path: Path) -> None:
    workspace = Workspace(tmp_path / "ws")
    workspace.create(Settings(agency="Lee County Sheriff's Office", state="Alabama"))
    # "_x001B_" is how an .xlsx stores an escape character: the reader hands back the real one
    row = [
        "ALABAMA",
        "Lee County Sheriff's Office",
        "County",
        "Lee County_x001B_[2J",
        "<b>Task</b> [red]Force",
    ]
    sheet = write_sheet(tmp_path / "pendingAgencies08012025.xlsx", [row], PENDING)
    assert run(capsys, "ice", "import", str(sheet), "--workspace", str(workspace.root))[0] == 0
    code, out, _ = run(capsys, "ice", "show", "--workspace", str(workspace.root))
    assert code == 0
    assert "\x1b" not in out and "(County; Lee County\\x1b[2J)" in out
    assert "Pending (list of 2025-08-01): <b>Task</b> [red]Force" in out


def test_a_broken_import_is_reported_and_the_rest_still_works(capsys, colbert: Workspace) -> None:
    folder = colbert.root / "data" / "ice-287g"
    folder.mkdir(parents=True)
    (folder / "2025-08-01-participating.yaml").write_text("kind: participating\nrows: [\n")
    code, out, err = run(capsys, "ice", "show", "--workspace", str(colbert.root))
    assert code == 1
    assert "warning: skipped" in err and "2025-08-01-participating.yaml" in err
    assert "Colbert County Sheriff's Office, Alabama" in out


def test_the_287g_question_shows_ices_line(capsys, colbert: Workspace) -> None:
    code, out, _ = run(capsys, "questions", "show", "287g-participation", "--workspace", str(colbert.root))
    assert code == 0
    line = next(x for x in out.splitlines() if x.startswith("ICE's list as of"))
    assert line.startswith(
        "ICE's list as of 2025-07-18: Colbert County Sheriff's Office, Alabama: Jail Enforcement Model (signed 2025-05-08)"
    )
    code, out, _ = run(
        capsys, "questions", "show", "287g-participation", "--no-ice", "--workspace", str(colbert.root)
    )
    assert "ICE's list" not in out
    code, out, _ = run(capsys, "questions", "show", "data-sharing", "--workspace", str(colbert.root))
    assert "ICE's list" not in out


def test_no_line_when_the_agency_is_not_listed(capsys, ws: Workspace) -> None:
    code, out, _ = run(capsys, "questions", "show", "287g-participation", "--workspace", str(ws.root))
    assert code == 0 and "ICE's list" not in out


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "ICE's own 287(g) list of July 18, 2025 shows that the Colbert County Sheriff's Office signed",
        ),
        ("es", "La propia lista 287(g) de ICE del 18 de julio de 2025 muestra que la agencia Colbert County"),
    ],
)
def test_testimony_offers_the_fact_in_the_speakers_language(
    capsys, colbert: Workspace, lang: str, expected: str
) -> None:
    meeting = Meeting(
        id="2027-01-10-commission",
        body="Colbert County Commission",
        date=date(2027, 1, 10),
        language=lang,
        agenda=[AgendaEntry(question="287g-participation")],
    )
    colbert.save_meeting(meeting)
    code, out, err = run(
        capsys, "testimony", "draft", meeting.id, "--speaker", "Ana", "--workspace", str(colbert.root)
    )
    assert code == 0, err
    text = Path(out.strip()).read_text()
    assert expected in text
    assert text.index(expected) < text.index("1. ")  # before the questions it backs


def test_testimony_without_the_287g_question_leaves_it_out(capsys, colbert: Workspace) -> None:
    meeting = Meeting(
        id="2027-01-10-commission",
        body="Colbert County Commission",
        date=date(2027, 1, 10),
        agenda=[AgendaEntry(question="data-sharing")],
    )
    colbert.save_meeting(meeting)
    code, out, _ = run(
        capsys, "testimony", "draft", meeting.id, "--speaker", "Ana", "--workspace", str(colbert.root)
    )
    assert code == 0 and "ICE's own" not in Path(out.strip()).read_text()


def test_the_error_contract_as_a_process(cli, tmp_path: Path) -> None:
    bad = tmp_path / "participatingAgencies07182025pm.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    root = tmp_path / "ws"
    assert cli("init", workspace=root).code == 0
    result = cli("ice", "import", str(bad), workspace=root)
    assert result.code == 1
    assert (
        result.err
        == f"error: {bad}: a damaged .xlsx (the zip archive is incomplete or corrupt; download it again)\n"
    )
    assert os.listdir(root / "data") == [] if (root / "data").exists() else True
