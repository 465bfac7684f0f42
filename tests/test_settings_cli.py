"""`meetingkit settings`, `official` and `init --name`, run through the CLI and read back from meetingkit.yaml."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import yaml

from toolkit.cli import main
from toolkit.store import Workspace


def run(capsys: pytest.CaptureFixture[str], ws: Path, *args: str) -> tuple[int, str, str]:
    code = main([*args, "--workspace", str(ws)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def on_disk(ws: Workspace) -> dict:
    return yaml.safe_load(ws.settings_path.read_text(encoding="utf-8"))


def test_set_a_name_per_language_a_list_and_a_number(capsys, ws):
    assert run(capsys, ws.root, "settings", "set", "languages", " en , es ")[0] == 0
    code, out, _ = run(
        capsys, ws.root, "settings", "set", "names.es.agency", "la Oficina del Sheriff del Condado de Example"
    )
    assert code == 0 and out == "names.es.agency: la Oficina del Sheriff del Condado de Example\n"
    assert run(capsys, ws.root, "settings", "set", "wpm", "140")[0] == 0
    assert run(capsys, ws.root, "settings", "set", "closures", "2026-12-24,2026-12-31")[0] == 0
    data = on_disk(ws)
    assert data["languages"] == ["en", "es"]
    assert data["names"] == {"es": {"agency": "la Oficina del Sheriff del Condado de Example"}}
    assert data["wpm"] == 140
    assert ws.settings().closures == [date(2026, 12, 24), date(2026, 12, 31)]
    code, out, _ = run(capsys, ws.root, "settings", "show")
    assert code == 0
    lines = out.splitlines()
    assert "group: Test Rights Coalition" in lines and "wpm: 140" in lines and "languages: en,es" in lines
    assert "names.es.agency: la Oficina del Sheriff del Condado de Example" in lines
    assert "names.es.body:" in lines  # what is still missing shows, ready to be set
    code, out, _ = run(capsys, ws.root, "settings", "show", "--json")
    assert json.loads(out)["names"]["es"]["agency"] == "la Oficina del Sheriff del Condado de Example"


def test_an_empty_value_clears_a_setting(capsys, ws):
    run(capsys, ws.root, "settings", "set", "names.es.body", "la Corte de Comisionados")
    run(capsys, ws.root, "settings", "set", "wpm", "150")
    assert run(capsys, ws.root, "settings", "set", "names.es.body", "")[0] == 0
    assert run(capsys, ws.root, "settings", "set", "website", "")[0] == 0
    code, out, _ = run(capsys, ws.root, "settings", "set", "wpm", "")
    assert code == 0 and out == "wpm: 130\n"  # back to its default
    data = on_disk(ws)
    assert not data.get("names") and data["website"] == "" and data["wpm"] == 130


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("wpm", "fast", "error: wpm: expected words per minute, a whole number 60-250, got 'fast'"),
        ("wpm", "400", "error: wpm: expected words per minute, a whole number 60-250, got '400'"),
        ("closures", "2026-12-24,tomorrow", "error: closures: expected a date YYYY-MM-DD, got 'tomorrow'"),
        ("languages", "en,english", "error: languages: expected a language code such as en or es"),
        ("names.e-s.agency", "x", "error: names.e-s.agency: "),
        ("agnecy", "x", "error: no setting 'agnecy'; did you mean `agency`?"),
        ("names.es.agnecy", "x", "error: no setting 'names.es.agnecy'; did you mean `names.es.agency`?"),
        ("officials", "x", "error: officials are changed with `meetingkit official add|remove`"),
    ],
)
def test_a_wrong_value_or_key_is_refused_and_nothing_changes(capsys, ws, key, value, message):
    before = ws.settings_path.read_bytes()
    code, out, err = run(capsys, ws.root, "settings", "set", key, value)
    assert code == 2 and out == ""
    assert err.startswith(message) and err.count("\n") == 1, err
    assert ws.settings_path.read_bytes() == before


def test_comments_and_unknown_keys_are_kept(capsys, ws):
    text = ws.settings_path.read_text(encoding="utf-8")
    text = text.replace("wpm: 130", "wpm: 130  # our chair speaks slowly") + "favourite_color: teal\n"
    ws.settings_path.write_text(text, encoding="utf-8")
    assert run(capsys, ws.root, "settings", "set", "group", "Eastside Neighbors")[0] == 0
    saved = ws.settings_path.read_text(encoding="utf-8")
    assert "wpm: 130  # our chair speaks slowly" in saved
    assert "favourite_color: teal" in saved
    assert "group: Eastside Neighbors" in saved


def test_a_file_changed_since_it_was_read_is_not_overwritten(ws):
    from toolkit.errors import ConflictError
    from toolkit.settings_keys import with_value

    mine = with_value(ws.settings(), "group", "Mine")
    theirs = with_value(ws.settings(), "group", "Theirs")
    ws.save_settings(theirs)
    with pytest.raises(ConflictError):
        ws.save_settings(mine)
    assert on_disk(ws)["group"] == "Theirs"


def test_officials_add_change_list_remove(capsys, ws):
    code, out, _ = run(
        capsys, ws.root, "official", "add", "Ed Gonzalez", "--title", "Sheriff", "--role", "sheriff"
    )
    assert code == 0 and out == "added Ed Gonzalez — Sheriff, sheriff\n"
    run(capsys, ws.root, "official", "add", "Lina Hidalgo", "--title", "County Judge")
    code, out, _ = run(capsys, ws.root, "official", "add", "ed  GONZALEZ", "--title", "Harris County Sheriff")
    assert code == 0 and out.startswith("changed Ed Gonzalez — Harris County Sheriff, sheriff")
    _, shown, _ = run(capsys, ws.root, "settings", "show")
    assert "officials: Ed Gonzalez, Lina Hidalgo (meetingkit official add|list|remove)" in shown.splitlines()
    code, out, _ = run(capsys, ws.root, "official", "list")
    assert out.splitlines() == ["Ed Gonzalez — Harris County Sheriff, sheriff", "Lina Hidalgo — County Judge"]
    code, out, _ = run(capsys, ws.root, "official", "list", "--json")
    assert json.loads(out)[1] == {"name": "Lina Hidalgo", "title": "County Judge", "role": ""}
    assert on_disk(ws)["officials"][0] == {
        "name": "Ed Gonzalez",
        "title": "Harris County Sheriff",
        "role": "sheriff",
    }
    code, _, err = run(capsys, ws.root, "official", "remove", "Lina Hidalog")
    assert code == 1 and err == "error: no official named 'Lina Hidalog'; did you mean 'Lina Hidalgo'?\n"
    assert run(capsys, ws.root, "official", "remove", "Lina Hidalgo")[0] == 0
    assert [o["name"] for o in on_disk(ws)["officials"]] == ["Ed Gonzalez"]


def test_an_official_needs_a_name(capsys, ws):
    code, _, err = run(capsys, ws.root, "official", "add", "  ")
    assert code == 2 and err.startswith("error: NAME must name the official")
    assert on_disk(ws)["officials"] == []


def test_init_takes_names_per_language(capsys, tmp_path):
    root = tmp_path / "harris"
    code, _, err = run(
        capsys,
        root,
        "init",
        "--agency",
        "the Harris County Sheriff's Office",
        "--languages",
        "en,es",
        "--name",
        "es.agency=la Oficina del Sheriff del Condado de Harris",
        "--name",
        "es.body=la Corte de Comisionados del Condado de Harris",
    )
    assert code == 0, err
    data = yaml.safe_load((root / "meetingkit.yaml").read_text(encoding="utf-8"))
    assert data["languages"] == ["en", "es"]
    assert data["names"] == {
        "es": {
            "agency": "la Oficina del Sheriff del Condado de Harris",
            "body": "la Corte de Comisionados del Condado de Harris",
        }
    }


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("es.agency", "error: --name takes LANG.FIELD=TEXT"),
        ("es.agncy=x", "error: no setting 'names.es.agncy'; did you mean `names.es.agency`?"),
    ],
)
def test_init_refuses_a_wrong_name_and_makes_nothing(capsys, tmp_path, given, message):
    root = tmp_path / "harris"
    code, _, err = run(capsys, root, "init", "--name", given)
    assert code == 2 and err.startswith(message)
    assert not root.exists()
