"""`meetingkit report`: the accountability report as Markdown and CSV, checked
the way a reader or a spreadsheet would see it."""

from __future__ import annotations

import csv
import io
import stat
from datetime import date

from conftest import TODAY

from toolkit import tracker
from toolkit.bank import load
from toolkit.exports import md_text, report_csv, report_markdown
from toolkit.model import Meeting
from toolkit.report_columns import CSV_COLUMNS, csv_columns
from toolkit.store import Workspace

AS_OF = TODAY.isoformat()
PRIVATE_BITS = ("off the record", "laughed")
PROMISES = (
    "Provide the written data-sharing policy",
    "Send a copy of the signed 287(g) agreement to the board",
    "Post the Byrne JAG award conditions on the county website",
)


def _rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text, newline="")))


def _table_after(markdown: str, heading: str) -> list[list[str]]:
    """The cells of the first table under a heading, split the way a renderer would."""
    lines = markdown.split(f"{heading}\n", 1)[1].lstrip("\n").splitlines()
    table = []
    for line in lines:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").replace("\\|", "\0").split("|")]
        table.append([c.replace("\0", "|") for c in cells])
    return table


def test_markdown_report_of_the_demo(cli, demo_ws: Workspace):
    r = cli("report", "--as-of", AS_OF, workspace=demo_ws.root)
    assert r.code == 0, r.err
    md = r.out
    assert md.startswith("# On the record: the Alder County Sheriff's Office\n")
    assert "As of November 27, 2026." in md
    overdue = _table_after(md, "## Overdue promises (1)")
    assert overdue[0] == ["Promise", "Official", "Promised", "Due", "Days overdue"]
    assert overdue[2] == [
        "Provide the written data-sharing policy",
        "Chair Luis Ortega",
        "2026-11-06",
        "2026-11-20",
        "7",
    ]
    promises = _table_after(md, "## All promises")
    assert [row[0] for row in promises[2:]] == list(PROMISES)
    assert [row[4] for row in promises[2:]] == ["open, 7 days overdue", "kept", "open"]
    answers = {row[0]: row[1:] for row in _table_after(md, "## Answers by official")[2:]}
    # Answered, Partly, Deflected, Declined
    assert answers == {
        "Dana Whitfield (Sheriff)": ["0", "1", "1", "0"],
        "Luis Ortega (Chair, Board of Commissioners)": ["0", "1", "0", "0"],
        "Priya Raman (County Attorney)": ["0", "0", "0", "1"],
    }
    promised = {row[0]: row[1:] for row in _table_after(md, "## Promises by official")[2:]}
    # Kept, Partly kept, Broken, Withdrawn, Open, Overdue, No date given
    assert promised["Dana Whitfield (Sheriff)"] == ["1", "0", "0", "0", "0", "0", "0"]
    assert promised["Luis Ortega (Chair, Board of Commissioners)"] == ["0", "0", "0", "0", "1", "1", "0"]
    assert promised["Priya Raman (County Attorney)"] == ["0", "0", "0", "0", "1", "0", "0"]
    assert "> We follow all applicable federal and state laws." in md
    assert "Source: Meeting video, <https://example.org/alder-board/2026-11-06> at 1:14:05" in md
    assert "### 2. Detainers and release notifications" in md
    assert "Asked 1 time; latest: **deflected**." in md
    assert "2026-11-11 kept: PDF of the MOA emailed to the clerk (evidence: 287g-moa-2025.pdf" in md
    assert "Next meeting: December 9, 2026, 18:30" in md
    for bit in PRIVATE_BITS:
        assert bit not in md
    assert "private notes are left out" in md


def test_include_private_puts_the_notes_in_and_warns(cli, demo_ws: Workspace):
    r = cli("report", "--as-of", AS_OF, "--include-private", workspace=demo_ws.root)
    assert r.code == 0, r.err
    for bit in PRIVATE_BITS:
        assert bit in r.out
    assert "do not share" in r.out and "private notes" in r.err


def test_csv_report_reads_back_with_the_csv_module(cli, demo_ws: Workspace):
    r = cli("report", "--format", "csv", "--as-of", AS_OF, workspace=demo_ws.root)
    assert r.code == 0, r.err
    rows = _rows(r.out)
    assert list(rows[0]) == [name for name, _ in CSV_COLUMNS]
    answers = [row for row in rows if row["record"] == "answer"]
    promises = [row for row in rows if row["record"] == "promise"]
    assert len(rows) == 7 and len(answers) == 4 and len(promises) == 3
    assert {a["question"]: a["status"] for a in answers} == {
        "287g-participation": "partial",
        "detainers-release-notification": "deflected",
        "data-sharing": "partial",
        "federal-grant-conditions": "declined",
    }
    grant = next(a for a in answers if a["question"] == "federal-grant-conditions")
    assert grant["said"] == "I can't discuss grant terms in public comment; submit a records request."
    assert grant["official"] == "County Attorney Priya Raman" and grant["meeting_date"] == "2026-11-06"
    late = next(p for p in promises if p["overdue"] == "yes")
    assert (late["promised"], late["due"], late["days_overdue"], late["status"]) == (
        PROMISES[0],
        "2026-11-20",
        "7",
        "open",
    )
    kept = next(p for p in promises if p["status"] == "kept")
    assert kept["evidence"] == "287g-moa-2025.pdf (board packet)" and kept["last_change"] == "2026-11-11"
    assert all(row["as_of"] == AS_OF for row in rows)
    for bit in PRIVATE_BITS:
        assert bit not in r.out


def test_csv_with_private_notes_has_the_notes_column(cli, demo_ws: Workspace, tmp_path):
    out = tmp_path / "private.csv"
    r = cli("report", "-o", str(out), "--as-of", AS_OF, "--include-private", workspace=demo_ws.root)
    assert r.code == 0, r.err
    assert r.out.strip() == str(out)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    raw = out.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") == len(raw.decode("utf-8").splitlines())
    assert not raw.startswith(b"\xef\xbb\xbf"), "UTF-8 without a byte-order mark"
    rows = _rows(raw.decode("utf-8"))
    assert list(rows[0]) == csv_columns(True) and list(rows[0])[-1] == "notes"
    deflected = next(row for row in rows if row["status"] == "deflected")
    assert "laughed" in deflected["notes"]


def _hostile_workspace(ws: Workspace) -> None:
    meeting = Meeting(id="2026-10-01-board", body="Board | of <b>Things</b>", date=date(2026, 10, 1))
    ws.save_meeting(meeting)

    def hostile(answer):  # type: ignore[no-untyped-def]
        tracker.log_answer(
            answer,
            "declined",
            'Chief "Ray" | Ortiz, Jr.',
            '# Not a heading\n\n| a | b |\n=HYPERLINK("x")\n<script>alert(1)</script> *bold* [link](http://x)',
            "minutes, p. 4; see https://example.org/minutes?a=1&b=2.",
        )
        tracker.add_promise(
            answer, 'Send the <policy> & the "MOU" | all of it,\nby mail', None, "", meeting.date
        )

    ws.update_answer(meeting.id, "data-sharing", hostile)


def test_hostile_text_prints_as_itself(ws: Workspace):
    _hostile_workspace(ws)
    summary = tracker.summarize(
        ws.meetings().records, ws.answers().records, load(ws.bank_dir), ws.settings(), date(2026, 12, 1)
    )
    md = report_markdown(summary, ws.settings())
    promises = _table_after(md, "## All promises")
    assert all(len(row) == 6 for row in promises), "a | in user text must not add a column"
    assert promises[2][0] == 'Send the \\<policy\\> & the "MOU" | all of it, by mail'
    assert promises[2][3] == "no date given"
    assert "<script>" not in md and "\n# Not a heading" not in md
    assert "<https://example.org/minutes?a=1&b=2>." in md
    rows = _rows(report_csv(summary))
    answer = next(r for r in rows if r["record"] == "answer")
    assert answer["said"].startswith("# Not a heading\n\n| a | b |\n=HYPERLINK")
    assert answer["official"] == 'Chief "Ray" | Ortiz, Jr.'
    promise = next(r for r in rows if r["record"] == "promise")
    assert promise["due"] == "" and promise["overdue"] == "no" and "\nby mail" in promise["promised"]


def test_md_text_escapes_markup_but_keeps_links_clickable():
    assert md_text("a_b *c* [d] <e> | f # g") == r"a\_b \*c\* \[d\] \<e\> \| f \# g"
    assert md_text("- not a list\n1. nor this") == r"\- not a list 1. nor this"
    assert md_text("see https://example.org/a_b, then") == "see <https://example.org/a_b>, then"


def test_report_as_of_a_day_before_any_meeting(cli, demo_ws: Workspace):
    r = cli("report", "--as-of", "2026-01-01", workspace=demo_ws.root)
    assert r.code == 0, r.err
    assert "from 0 meetings held" in r.out and "## Overdue" not in r.out and "## Questions" not in r.out


def test_report_format_comes_from_the_file_name(cli, demo_ws: Workspace, tmp_path):
    out = tmp_path / "report.csv"
    r = cli("report", "-o", str(out), "--as-of", AS_OF, workspace=demo_ws.root)
    assert r.code == 0, r.err
    assert out.read_text(encoding="utf-8").startswith("record,meeting,")


def test_pdf_needs_a_file_and_bad_input_is_one_line(cli, demo_ws: Workspace, tmp_path):
    r = cli("report", "--format", "pdf", workspace=demo_ws.root)
    assert r.code == 2 and r.err.startswith("error:") and "-o report.pdf" in r.err
    r = cli("report", "--as-of", "next week", workspace=demo_ws.root)
    assert r.code == 2 and r.err.startswith("error:") and "YYYY-MM-DD" in r.err
    r = cli("report", "-o", str(tmp_path), workspace=demo_ws.root)
    assert r.code == 2 and "is a folder" in r.err and "Traceback" not in r.err


def test_a_broken_answer_file_is_skipped_with_a_warning(cli, demo_ws: Workspace):
    folder = next((demo_ws.root / "answers").iterdir())
    (folder / "data-sharing.yaml").write_text("meeting: [oops\n")
    r = cli("report", "--as-of", AS_OF, workspace=demo_ws.root)
    assert r.code == 1
    assert "warning: skipped" in r.err and "data-sharing.yaml" in r.err
    assert "Send a copy of the signed 287(g) agreement" in r.out
    assert "Provide the written data-sharing policy" not in r.out
