"""The command line's share of issue 11, section 3: topics by name, a report
that says what it left out, and output files that are not silently misplaced."""

from __future__ import annotations

from pathlib import Path

from conftest import TODAY

from toolkit.store import Workspace

AS_OF = TODAY.isoformat()


def test_questions_list_takes_the_topic_name_as_the_list_shows_it(demo_ws: Workspace, cli) -> None:  # type: ignore[no-untyped-def]
    by_key = cli("questions", "list", "--topic", "287g", workspace=demo_ws.root)
    by_name = cli("questions", "list", "--topic", "287(g) agreements", workspace=demo_ws.root)
    assert by_name.code == 0, by_name.err
    assert by_name.out == by_key.out and "287g-participation" in by_name.out
    wrong = cli("questions", "list", "--topic", "no such topic", workspace=demo_ws.root)
    assert wrong.code == 2 and wrong.err.startswith("error:")


def _break_an_answer(ws: Workspace) -> str:
    held = ws.meetings().records[0]
    path = ws.answer_path(held.id, held.agenda[2].question)
    path.write_text("status: [oops\n")
    return ws.relative(path)


def test_the_report_names_in_its_body_the_files_it_left_out(demo_ws: Workspace, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = _break_an_answer(demo_ws)
    md = cli("report", "--as-of", AS_OF, workspace=demo_ws.root)
    assert md.code == 1 and broken in md.err
    assert "Left out of this report: 1 file could not be read" in md.out
    assert broken in md.out
    csv = cli("report", "--format", "csv", "--as-of", AS_OF, workspace=demo_ws.root)
    assert any(line.startswith("left-out,") and broken in line for line in csv.out.splitlines())
    pdf = tmp_path / "report.pdf"
    cli("report", "-o", str(pdf), "--as-of", AS_OF, workspace=demo_ws.root)
    from pypdf import PdfReader

    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Left out of this report" in text and "data-sharing.yaml" in text


def test_a_report_of_a_whole_record_says_nothing_was_left_out(demo_ws: Workspace, cli) -> None:  # type: ignore[no-untyped-def]
    md = cli("report", "--as-of", AS_OF, workspace=demo_ws.root)
    assert md.code == 0 and "Left out" not in md.out


def test_an_output_folder_that_does_not_exist_is_refused_not_made(
    demo_ws: Workspace, cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    target = tmp_path / "no" / "such" / "r.md"
    r = cli("report", "-o", str(target), "--as-of", AS_OF, workspace=demo_ws.root)
    assert r.code == 2 and r.err.startswith("error:") and "no folder" in r.err
    assert not (tmp_path / "no").exists()


def test_a_pdf_named_txt_is_refused(demo_ws: Workspace, cli, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    held = demo_ws.meetings().records[0]
    out = tmp_path / "out.txt"
    r = cli("handout", held.id, "-o", str(out), "--lang", "en", workspace=demo_ws.root)
    assert r.code == 2 and r.err.startswith("error:") and ".pdf" in r.err
    assert not out.exists()
    report = cli("report", "--format", "pdf", "-o", str(out), workspace=demo_ws.root)
    assert report.code == 2 and not out.exists()
