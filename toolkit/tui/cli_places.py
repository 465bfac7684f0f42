"""Where each command-line command is in the app: the table the help screen
(F1) prints under "From the command line to the app".

Plain data (no Textual), kept once: a test walks the command line's parser
and fails when a command has no entry here, or an entry names a binding the
app does not have. Keys are never written here, only binding ids, so the help
shows the key as the workspace's keymap has moved it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    command: str
    """The command as typed after ``meetingkit`` (``promise update``)."""
    where: str
    """A mode's name (``promises``), the id of the binding that opens the place
    (``app.problems``), or the name of a screen no key opens (the welcome screen)."""
    binding: str | None
    """The key to press there, by binding id; None when the place itself shows it."""
    what: str
    """What the key does or what the place shows, in a few words."""
    option: str = ""
    """One option of the command that lives somewhere else (``--follow-up``)."""


WELCOME = "first run"
"""The welcome screen: shown when the folder holds no workspace yet, opened by no key."""

PLACES = (
    Place("init", WELCOME, "welcome.empty", "a new workspace, its settings"),
    Place("init", WELCOME, "welcome.demo", "the example workspace", "--demo"),
    Place("settings show", "app.settings", None, "every setting, in a form"),
    Place("settings set", "app.settings", None, "change any setting there"),
    Place("official add", "app.settings", None, "the officials, in the form"),
    Place("official list", "app.settings", None, "the officials, in the form"),
    Place("official remove", "app.settings", None, "the officials, in the form"),
    Place("questions list", "questions", None, "every question, by topic"),
    Place("questions list", "questions", None, "the topics, above the list", "--topic"),
    Place("questions show", "questions", None, "the highlighted one in full"),
    Place("questions show", "questions", "questions.language", "another language", "--lang"),
    Place("meeting new", "meeting", "meeting.new", "the new-meeting form"),
    Place("meeting list", "meeting", None, "every meeting, upcoming first"),
    Place("meeting show", "meeting", None, "the highlighted one, its agenda"),
    Place("meeting ask", "questions", "questions.toggle", "put it on the agenda"),
    Place("meeting ask", "questions", "questions.tailor", "its wording, per language", "--text"),
    Place("meeting ask", "meeting", "meeting.speaker", "who asks the question", "--speaker"),
    Place("meeting unask", "meeting", "meeting.remove", "take the question off"),
    Place("meeting set", "meeting", "meeting.edit", "the meeting form"),
    Place("meeting plan", "meeting", "meeting.planner", "the speaker planner"),
    Place("meeting delete", "meeting", "meeting.delete", "lists what goes, then asks"),
    Place("testimony draft", "testimony", "testimony.template", "the template"),
    Place("testimony draft", "testimony", "testimony.template", "then “Follow up”", "--follow-up"),
    Place("testimony draft", "testimony", "testimony.template", "then “Follow up as of a day”", "--as-of"),
    Place("testimony draft", "testimony", "testimony.new_speaker", "a speaker", "--neighbourhood"),
    Place("testimony draft", "testimony", "testimony.speaker", "a speaker already listed", "--neighbourhood"),
    Place("testimony time", "testimony", None, "each speaker's time in the list, beside the text"),
    Place("testimony print", "testimony", "testimony.print", "the speaker copy"),
    Place("testimony print", "print", "print.write", "choose “Written copy”", "--written"),
    Place("handout", "print", "print.write", "choose “Handout for the room”"),
    Place("handout", "print", "print.write", "choose “Promises on the record”", "--promises"),
    Place("answer", "answers", "answers.answered", "answered; each status has a key"),
    Place("promise add", "answers", "answers.promise", "a promise made in the answer"),
    Place("promise add", "answers", "answers.promise", "“Promised on” in the form", "--on"),
    Place("promise list", "promises", None, "every promise, overdue in red"),
    Place("promise list", "promises", "promises.overdue", "only the overdue ones", "--overdue"),
    Place("promise list", "promises", "promises.as_of", "overdue as of another day", "--as-of"),
    Place("promise list", "promises", "promises.status", "one status; again for the next", "--status"),
    Place("promise update", "promises", "promises.update", "status, date, note, evidence"),
    Place("promise delete", "promises", "promises.delete", "asks first"),
    Place("request draft", "requests", None, "public records requests"),
    Place("request list", "requests", None, "every request, due by law"),
    Place("request update", "requests", "requests.update", "status with a dated note"),
    Place("request show", "requests", None, "the highlighted request"),
    Place("request print", "requests", None, "the request letter"),
    Place("request followup", "requests", None, "the follow-up letter"),
    Place("request appeal", "requests", None, "the appeal letter"),
    Place("media", "requests", None, "the media inquiry"),
    Place("report", "print", "print.write", "choose “Accountability report”"),
    Place("calendar", "print", "print.write", "choose “Calendar” (.ics)"),
    Place("check", "app.problems", None, "every file with a problem"),
    Place("check", "app.problems", "problems.fix", "make files private", "--fix"),
    Place("ice import", "questions", "questions.ice_import", "a sheet from ice.gov"),
    Place("ice import", "questions", "questions.ice_import", "“Sheet dated” in the form", "--as-of"),
    Place("ice import", "questions", "questions.ice_import", "“Replace…” in the form", "--replace"),
    Place("ice show", "questions", "questions.ice_list", "look up any agency"),
    Place("ice changes", "questions", "questions.ice_list", "what changed between sheets"),
)
