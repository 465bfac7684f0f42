"""The CSV report's columns and what each holds.

This is a contract with spreadsheet users (formulas and pivot tables name
columns), so it lives apart from the code that fills it, and
``meetingkit report --help`` prints it without loading that code.
"""

from __future__ import annotations

CSV_COLUMNS = (
    (
        "record",
        "answer, promise, request (a records request), ice-list (ICE's list contradicts an answer), "
        "or left-out (an unreadable file, named in source)",
    ),
    ("meeting", "meeting id"),
    ("meeting_date", "YYYY-MM-DD"),
    ("body", "the council or board"),
    ("question", "question id"),
    ("topic", "the question's topic"),
    ("official", "who answered, or who promised"),
    ("status", "answer status, or promise status as of the date"),
    ("said", "answers: what was said (quote or paraphrase); ice-list: what ICE's 287(g) list still shows"),
    ("source", "answers: where it is on the record; ice-list: where ICE publishes the list"),
    ("promise_id", "promises: the id for `meetingkit promise update`"),
    ("promised", "promises: what was promised"),
    ("made_on", "promises: YYYY-MM-DD"),
    ("due", "promises and requests: YYYY-MM-DD, empty when no date was given or the law sets none"),
    ("overdue", "promises and requests: yes or no"),
    ("days_overdue", "promises: whole days past due; requests: in the law's days (business or calendar)"),
    ("last_change", "promises: date of the latest change"),
    ("last_note", "promises: what the latest change says; ice-list: a list over 90 days old, said so"),
    ("evidence", "promises: link or document name of the latest change"),
    ("request_id", "requests: the id for `meetingkit request update`"),
    ("agency", "requests: the agency asked"),
    ("law", "requests: the public records law it was filed under"),
    ("filed", "requests: YYYY-MM-DD"),
    ("as_of", "the day statuses are judged by"),
)
PRIVATE_COLUMN = ("notes", "private notes: only with --include-private")


def csv_columns(include_private: bool) -> list[str]:
    """Column names in order; the private notes column only when asked for."""
    return [name for name, _ in (*CSV_COLUMNS, *([PRIVATE_COLUMN] if include_private else []))]
