"""F3, the settings form: every setting `meetingkit settings show` lists, edited in
the app and read back from meetingkit.yaml and through the command line."""

from __future__ import annotations

import pytest
import yaml
from test_tui_support import drive, keys, notices, screen_text, shown, until
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widgets import Input

from toolkit.cli import main
from toolkit.model import Official
from toolkit.settings_keys import keys as setting_keys
from toolkit.store import Workspace
from toolkit.tui.screens.base import ModeScreen
from toolkit.tui.screens.choice import Choice
from toolkit.tui.screens.official_form import OfficialForm
from toolkit.tui.screens.settings_form import SettingsForm, field_id

SMALL = (80, 24)


def on_disk(ws: Workspace) -> dict:
    return yaml.safe_load(ws.settings_path.read_text(encoding="utf-8"))


async def open_settings(pilot: Pilot) -> SettingsForm:
    pilot.app.action_settings()  # type: ignore[attr-defined]
    await until(pilot, lambda: isinstance(pilot.app.screen, SettingsForm) and pilot.app.screen.is_mounted)
    await pilot.pause()
    return pilot.app.screen  # type: ignore[return-value]


async def type_into(pilot: Pilot, wid: str, text: str) -> None:
    """Focus a field, clear it and type ``text`` as keys."""
    pilot.app.screen.query_one(f"#{wid}", Input).focus()
    await pilot.press("end", "ctrl+u")
    await keys(pilot, text)


async def saved(pilot: Pilot) -> None:
    """ctrl+s, then wait for the worker to write and the form to close."""
    await pilot.press("ctrl+s")
    await pilot.app.workers.wait_for_complete()
    await until(pilot, lambda: isinstance(pilot.app.screen, ModeScreen))


def test_names_in_spanish_and_an_official_are_saved_and_the_command_line_shows_them(
    ws: Workspace, capsys: pytest.CaptureFixture[str]
) -> None:
    async def steps(pilot: Pilot) -> None:
        form = await open_settings(pilot)
        assert not form.query("#names-es"), "a workspace in English only asks for no Spanish names"
        await type_into(pilot, "set-languages", "en,es")
        await until(pilot, lambda: bool(form.query("#names-es")) and form.query_one("#names-es").display)
        await type_into(pilot, "set-names-es-agency", "la Oficina del Sheriff")
        await type_into(pilot, "set-names-es-body", "la Corte de Comisionados")
        form.query_one("#set-officials").focus()
        await pilot.press("a")
        await until(pilot, lambda: isinstance(pilot.app.screen, OfficialForm))
        await type_into(pilot, "of-name", "Ana Reyes")
        await type_into(pilot, "of-title", "Sheriff")
        pilot.app.screen.query_one("#of-role").value = "sheriff"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: pilot.app.screen is form)
        assert "Ana Reyes — Sheriff, sheriff" in screen_text(pilot.app)
        assert on_disk(ws)["officials"] == [], "nothing is written before the form is saved"
        await saved(pilot)
        assert "Settings saved." in notices(pilot.app)
        assert pilot.app.session.settings.names["es"]["agency"] == "la Oficina del Sheriff"  # type: ignore[attr-defined]

    drive(ws.root, steps)
    data = on_disk(ws)
    assert data["languages"] == ["en", "es"]
    assert data["names"] == {"es": {"agency": "la Oficina del Sheriff", "body": "la Corte de Comisionados"}}
    assert data["officials"] == [{"name": "Ana Reyes", "title": "Sheriff", "role": "sheriff"}]
    assert data["group"] == "Test Rights Coalition", "what was not touched stays"
    capsys.readouterr()
    assert main(["settings", "show", "--workspace", str(ws.root)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "names.es.agency: la Oficina del Sheriff" in lines
    assert "names.es.body: la Corte de Comisionados" in lines
    assert "officials: Ana Reyes (meetingkit official add|list|remove)" in lines
    assert main(["official", "list", "--workspace", str(ws.root)]) == 0
    assert capsys.readouterr().out == "Ana Reyes — Sheriff, sheriff\n"


def test_an_official_is_changed_and_one_removed_after_a_question_that_names_them(demo_ws: Workspace) -> None:
    async def steps(pilot: Pilot) -> None:
        form = await open_settings(pilot)
        listing = form.query_one("#set-officials")
        listing.focus()
        await pilot.press("enter")  # the first: Dana Whitfield
        await until(pilot, lambda: isinstance(pilot.app.screen, OfficialForm))
        await type_into(pilot, "of-title", "County Sheriff")
        await pilot.press("enter")
        await until(pilot, lambda: pilot.app.screen is form)
        await pilot.press("down", "down", "delete")  # Priya Raman
        await until(pilot, lambda: isinstance(pilot.app.screen, Choice))
        question = screen_text(pilot.app)
        assert "Remove Priya Raman?" in question and "County Attorney" in question
        await pilot.press("n")
        await until(pilot, lambda: pilot.app.screen is form)
        assert "Priya Raman" in screen_text(pilot.app), "kept when the answer is no"
        await pilot.press("delete")
        await until(pilot, lambda: isinstance(pilot.app.screen, Choice))
        await pilot.press("y")
        await until(pilot, lambda: pilot.app.screen is form)
        await saved(pilot)

    drive(demo_ws.root, steps)
    officials = demo_ws.settings().officials
    assert [o.name for o in officials] == ["Dana Whitfield", "Luis Ortega"]
    assert officials[0] == Official(name="Dana Whitfield", title="County Sheriff", role="sheriff")


def test_an_official_named_twice_is_refused_in_the_dialog(demo_ws: Workspace) -> None:
    async def steps(pilot: Pilot) -> None:
        form = await open_settings(pilot)
        form.query_one("#set-officials").focus()
        await pilot.press("a")
        await until(pilot, lambda: isinstance(pilot.app.screen, OfficialForm))
        await type_into(pilot, "of-name", "dana  whitfield")
        await pilot.press("ctrl+s")
        await pilot.pause()
        dialog = pilot.app.screen
        assert isinstance(dialog, OfficialForm), "the dialog stays open"
        assert "'dana  whitfield' is listed already" in shown(dialog.query_one("#of-name-error"))

    drive(demo_ws.root, steps)


@pytest.mark.parametrize(
    ("wid", "typed", "message"),
    [
        ("set-wpm", "fast", "expected words per minute, a whole number 60-250, got 'fast'"),
        ("set-closures", "2026-12-24,tomorrow", "expected a date YYYY-MM-DD, got 'tomorrow'"),
        ("set-languages", "en,english", "expected a language code such as en or es"),
    ],
)
def test_a_wrong_value_shows_the_models_message_beside_the_field_and_writes_nothing(
    ws: Workspace, wid: str, typed: str, message: str
) -> None:
    before = ws.settings_path.read_bytes()

    async def steps(pilot: Pilot) -> None:
        form = await open_settings(pilot)
        await type_into(pilot, wid, typed)
        await pilot.pause()
        error = form.query_one(f"#{wid}-error")
        assert error.display and shown(error).startswith(message)
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        assert pilot.app.screen is form, "the form stays open"
        assert any("need fixing" in n for n in notices(pilot.app))

    drive(ws.root, steps)
    assert ws.settings_path.read_bytes() == before


def test_a_file_changed_on_disk_while_the_form_is_open_offers_reload_and_loses_nothing(ws: Workspace) -> None:
    async def steps(pilot: Pilot) -> None:
        form = await open_settings(pilot)
        await type_into(pilot, "set-group", "Mine")
        assert main(["settings", "set", "contact", "theirs@example.org", "--workspace", str(ws.root)]) == 0
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await until(pilot, lambda: isinstance(pilot.app.screen, Choice))
        assert "Changed on disk: nothing was written" in screen_text(pilot.app)
        assert on_disk(ws)["contact"] == "theirs@example.org" and on_disk(ws)["group"] != "Mine"
        await pilot.press("k")  # keep mine on screen
        await until(pilot, lambda: pilot.app.screen is form)
        assert form.query_one("#set-group", Input).value == "Mine"
        await pilot.press("ctrl+s")
        await pilot.app.workers.wait_for_complete()
        await until(pilot, lambda: isinstance(pilot.app.screen, Choice))
        await pilot.press("r")  # reload from disk
        await pilot.app.workers.wait_for_complete()
        await until(pilot, lambda: form.query(Input) and form.query_one("#set-contact", Input).value != "")
        assert form.query_one("#set-contact", Input).value == "theirs@example.org"
        await type_into(pilot, "set-group", "Mine")
        await saved(pilot)

    drive(ws.root, steps)
    data = on_disk(ws)
    assert data["group"] == "Mine" and data["contact"] == "theirs@example.org", "both changes are kept"


def test_the_names_follow_the_languages_field(demo_ws: Workspace) -> None:
    async def steps(pilot: Pilot) -> None:
        form = await open_settings(pilot)
        assert form.query_one("#names-en").display and form.query_one("#names-es").display
        await type_into(pilot, "set-languages", "en")
        await pilot.pause()
        assert not form.query_one("#names-es").display
        await type_into(pilot, "set-languages", "en,fr")
        await until(pilot, lambda: bool(form.query("#names-fr")))
        assert form.query_one("#names-fr").display and not form.query_one("#names-es").display
        await type_into(pilot, "set-names-fr-agency", "le Bureau du Shérif")
        await saved(pilot)

    drive(demo_ws.root, steps)
    settings = demo_ws.settings()
    assert settings.languages == ["en", "fr"]
    assert settings.names["fr"] == {"agency": "le Bureau du Shérif"}
    assert settings.names["es"]["agency"] == "la Oficina del Sheriff del Condado de Alder", (
        "hidden, not deleted"
    )


def test_every_key_settings_set_takes_has_a_field(demo_ws: Workspace) -> None:
    async def steps(pilot: Pilot) -> None:
        form = await open_settings(pilot)
        settings = demo_ws.settings()
        wanted = {
            field_id(key)
            for key in setting_keys(settings)
            if not key.startswith("names.") or key.split(".")[1] in settings.languages
        }
        missing = {wid for wid in wanted if not form.query(f"#{wid}")}
        assert missing == set()
        assert form.query_one("#set-ice").value is settings.ice

    drive(demo_ws.root, steps)


def in_view(form: SettingsForm, region: Region) -> bool:
    """On screen inside the form's box, and not under its docked title."""
    box = form.query_one(".form-box")
    title = form.query_one(".form-box > .dialog-title")
    return (
        region.area > 0
        and form.region.contains_region(region)
        and box.region.contains_region(region)
        and not title.region.overlaps(region)
    )


def test_at_80x24_tab_reaches_the_last_field_and_save_in_view(demo_ws: Workspace) -> None:
    async def steps(pilot: Pilot) -> None:
        form = await open_settings(pilot)
        seen = []
        while pilot.app.focused is not None and pilot.app.focused.id != "form-save":
            focused = pilot.app.focused
            seen.append(focused.id)
            assert in_view(form, focused.region), f"{focused.id} is out of view"
            assert len(seen) < 60
            await pilot.press("tab")
            await pilot.pause()
        assert seen[-1] == "set-ice", "the last field"
        assert in_view(form, form.query_one("#form-save").region)
        assert "Save (ctrl+s)" in screen_text(pilot.app) and "Close (esc)" in screen_text(pilot.app)
        assert {"set-names-es-agency", "set-officials", "set-closures"} <= set(seen)

    drive(demo_ws.root, steps, size=SMALL)


def test_save_and_quit_writes_the_settings_then_quits(ws: Workspace) -> None:
    async def steps(pilot: Pilot) -> None:
        await open_settings(pilot)
        await type_into(pilot, "set-wpm", "145")
        await pilot.press("ctrl+q")
        await until(pilot, lambda: isinstance(pilot.app.screen, Choice))
        await pilot.press("s")
        await pilot.app.workers.wait_for_complete()
        await until(pilot, lambda: pilot.app.return_code == 0)

    drive(ws.root, steps)
    assert ws.settings().wpm == 145


def test_an_officials_name_shows_as_typed_brackets_and_all(ws: Workspace) -> None:
    ws.save_settings(
        ws.settings().evolve(officials=[Official(name="Luz [East] Ortiz", title="[b]Alder[/b]")])
    )

    async def steps(pilot: Pilot) -> None:
        form = await open_settings(pilot)
        form.query_one("#set-officials").focus()
        await pilot.pause()
        assert "Luz [East] Ortiz — [b]Alder[/b]" in screen_text(pilot.app)
        await pilot.press("delete")
        await until(pilot, lambda: isinstance(pilot.app.screen, Choice))
        assert "Remove Luz [East] Ortiz?" in screen_text(pilot.app)

    drive(ws.root, steps)
