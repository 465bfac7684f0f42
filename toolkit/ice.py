"""ICE's 287(g) sheets: the records, matching an agency to them, and what changed between two.

ICE publishes one row per agency and model on a participating sheet (with
the date signed) and on a pending sheet. Matching must be right, not close:
an organizer who cites the list in public must not name the wrong sheriff.
So the state comes first, then the agency's name up to spelling that does not
change its meaning, and only then a county-and-kind fallback that says so.
No I/O here (reading a sheet file is ``ice_sheet``; the stored sheets are
``ice_store``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date
from typing import Any, Literal, get_args

import msgspec

from .locale import words
from .states import state_code, state_name

ICE_PAGE = "https://www.ice.gov/identify-and-arrest/287g"
"""Where ICE links the current sheets (the file links change with each update)."""

STALE_DAYS = 90
"""A list older than this is called out: ICE updates it several times a week."""

ICE_QUESTION = "287g-participation"
"""The bank question ICE's list partly answers."""

MODELS = ("Jail Enforcement Model", "Task Force Model", "Warrant Service Officer")
"""The three models ICE's list names."""

Kind = Literal["participating", "pending"]
Link = Literal["linked", "pending", "none"]


class Agreement(msgspec.Struct, kw_only=True, frozen=True, omit_defaults=True):
    """One row of a sheet: one agency, one model; a pending row has no date or links."""

    state: str
    agency: str
    type: str = ""
    county: str = ""
    model: str = ""
    signed: date | None = None
    signed_text: str = ""
    """The SIGNED cell as written when it could not be read as a date (never silently dropped)."""
    moa: Link = "none"
    moa_url: str = ""
    addendum: Link = "none"
    addendum_url: str = ""


class Sheet(msgspec.Struct, kw_only=True):
    """One sheet as ICE published it on a day, normalised."""

    kind: Kind
    as_of: date
    source: str
    """ICE's file name."""
    sha256: str
    url: str = ICE_PAGE
    rows: list[Agreement] = msgspec.field(default_factory=list)


MatchHow = Literal["name", "county", "none"]


class Match(msgspec.Struct, kw_only=True):
    """What ICE's newest sheets say about one agency (``how == "none"``: nothing found)."""

    query: str
    state: str
    how: MatchHow
    agency: str = ""
    county: str = ""
    type: str = ""
    signed: list[Agreement] = msgspec.field(default_factory=list)
    pending: list[Agreement] = msgspec.field(default_factory=list)
    as_of: date | None = None
    pending_as_of: date | None = None
    closest: list[str] = msgspec.field(default_factory=list)
    """When nothing matched, or the fallback found several: the nearest names ICE lists in the state."""

    @property
    def found(self) -> bool:
        return self.how != "none"


ChangeKind = Literal[
    "new-agreement", "new-model", "pending-signed", "removed", "model-removed", "new-pending"
]


class Change(msgspec.Struct, kw_only=True, frozen=True):
    kind: ChangeKind
    state: str
    agency: str
    model: str
    signed: date | None = None


# --- normalising ----------------------------------------------------------------

_TIDY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u02bc": "'",
        "\u00b4": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u200b": None,
        "\ufeff": None,
    }
)


def clean(text: str) -> str:
    """A cell as people read it: straight apostrophes, one space between words, none at the ends."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_TIDY).split())


_SAME_WORD = {"co": "county", "sheriffs": "sheriff", "&": "and", "st": "saint", "mt": "mount"}
_NOISE = {"office", "department", "dept", "ofc"}
"""Words that do not tell two agencies apart: "Sheriff's Office", "Sheriff's Department", "Sheriff"."""


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFKD", clean(text).lower())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = re.sub(r"'s\b", "", folded).replace("'", "")
    return re.findall(r"[a-z0-9&]+", folded)


def agency_key(name: str) -> str:
    """The name up to spelling: apostrophes, "'s", Office/Department/Dept., a leading "the", accents."""
    words = _words(name)
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(_SAME_WORD.get(w, w) for w in words if w not in _NOISE)


def county_key(text: str) -> str:
    """``Harris County`` → ``harris``: compared whole, so Harris never matches Harrison."""
    words = [_SAME_WORD.get(w, w) for w in _words(text.split(",")[0])]
    while words and words[-1] in ("county", "parish", "borough"):
        words.pop()
    return " ".join(words)


def state_key(text: str) -> str:
    """The postal code when known (``TX`` for ``TEXAS``, ``Texas``, ``tx``), else the cleaned text."""
    return state_code(text) or clean(text).upper()


def model_key(text: str) -> str:
    return " ".join(_words(text))


_KINDS = ("sheriff", "constable", "marshal", "police", "patrol", "corrections", "jail")
"""Words that say what kind of agency a name is, checked in this order."""


def _agency_kind(name: str) -> str | None:
    words = set(agency_key(name).split())
    return next((k for k in _KINDS if k in words), None)


def _ice_type(name: str) -> str | None:
    """The TYPE ICE would give an agency of this name, when its name says it."""
    words = set(agency_key(name).split())
    if words & {"sheriff", "constable", "jail"} or ("county" in words and "police" in words):
        return "County"
    if words & {"police", "city", "town", "village", "township", "marshal"}:
        return "Municipality"
    return None


_COUNTY_IN_NAME = re.compile(r"^(?:the\s+)?(.+?\s+(?:county|parish|borough))\b", re.IGNORECASE)


def county_of(agency: str, jurisdiction: str = "") -> str:
    """The county an agency serves, from its name (``Harris County Sheriff's Office``) or the jurisdiction."""
    for text in (clean(agency), clean(jurisdiction)):
        found = _COUNTY_IN_NAME.match(text)
        if found:
            return county_key(found.group(1))
    return ""


# --- matching ----------------------------------------------------------------------


def newest(sheets: Iterable[Sheet], kind: Kind) -> Sheet | None:
    """The sheet of this kind with the latest date (a later one in the list wins a tie)."""
    best: Sheet | None = None
    for sheet in sheets:
        if sheet.kind == kind and (best is None or sheet.as_of >= best.as_of):
            best = sheet
    return best


def match(sheets: Iterable[Sheet], agency: str, state: str, jurisdiction: str = "") -> Match:
    """What the newest participating and pending sheets list for an agency in a state."""
    sheets = list(sheets)
    signed_sheet, pending_sheet = newest(sheets, "participating"), newest(sheets, "pending")
    where = state_key(state)
    signed_rows = [r for r in signed_sheet.rows if state_key(r.state) == where] if signed_sheet else []
    pending_rows = [r for r in pending_sheet.rows if state_key(r.state) == where] if pending_sheet else []
    rows = signed_rows + pending_rows
    base: dict[str, Any] = {
        "query": agency,
        "state": state_name(state),
        "as_of": signed_sheet.as_of if signed_sheet else None,
        "pending_as_of": pending_sheet.as_of if pending_sheet else None,
    }
    key = agency_key(agency)
    how: MatchHow = "name"
    found = [r for r in rows if agency_key(r.agency) == key] if key else []
    if not found:
        how, found = "county", _by_county(rows, agency, jurisdiction)
    names = list(dict.fromkeys(r.agency for r in found))
    if len({agency_key(n) for n in names}) != 1:
        return Match(**base, how="none", closest=names or _closest(rows, agency))
    first = found[0]
    ident = agency_key(first.agency)
    return Match(
        **base,
        how=how,
        agency=first.agency,
        county=first.county,
        type=first.type,
        signed=_by_model(r for r in signed_rows if agency_key(r.agency) == ident),
        pending=_by_model(r for r in pending_rows if agency_key(r.agency) == ident),
    )


def _by_county(rows: list[Agreement], agency: str, jurisdiction: str) -> list[Agreement]:
    """The labelled fallback, for county agencies only (a county has one sheriff, many town police):
    same county, same kind of agency (sheriff, constable, jail…), ICE's type County."""
    county, kind = county_of(agency, jurisdiction), _agency_kind(agency)
    if not county or kind is None or _ice_type(agency) != "County":
        return []
    return [
        r
        for r in rows
        if county_key(r.county) == county and _agency_kind(r.agency) == kind and clean(r.type) == "County"
    ]


def _closest(rows: list[Agreement], agency: str, n: int = 5) -> list[str]:
    import difflib

    names = {agency_key(r.agency): r.agency for r in rows}
    keys = difflib.get_close_matches(agency_key(agency), list(names), n=n, cutoff=0.5)
    return [names[k] for k in keys]


def _by_model(rows: Iterable[Agreement]) -> list[Agreement]:
    return sorted(rows, key=lambda r: (r.signed or date.max, model_key(r.model)))


# --- changes between two sheets ------------------------------------------------------------

_Key = tuple[str, str, str]


def _keyed(sheet: Sheet | None, state: str | None) -> dict[_Key, Agreement]:
    if sheet is None:
        return {}
    where = state_key(state) if state else None
    return {
        (state_key(r.state), agency_key(r.agency), model_key(r.model)): r
        for r in sheet.rows
        if where is None or state_key(r.state) == where
    }


def changes(
    old: Sheet,
    new: Sheet,
    old_pending: Sheet | None = None,
    new_pending: Sheet | None = None,
    state: str | None = None,
) -> list[Change]:
    """What a group would want to hear between two participating sheets (and their pending ones):
    a new agency, a new model for an agency already listed, a pending agreement now signed,
    an agency or a model gone, a newly pending agreement."""
    before, after = _keyed(old, state), _keyed(new, state)
    was_pending, now_pending = _keyed(old_pending, state), _keyed(new_pending, state)
    agencies_before = {k[:2] for k in before}
    agencies_after = {k[:2] for k in after}
    found: list[Change] = []
    for key, row in after.items():
        if key in before:
            continue
        if key in was_pending:
            kind: ChangeKind = "pending-signed"
        elif key[:2] in agencies_before:
            kind = "new-model"
        else:
            kind = "new-agreement"
        found.append(
            Change(kind=kind, state=row.state, agency=row.agency, model=row.model, signed=row.signed)
        )
    for key, row in before.items():
        if key not in after:
            kind = "model-removed" if key[:2] in agencies_after else "removed"
            found.append(Change(kind=kind, state=row.state, agency=row.agency, model=row.model))
    if old_pending is not None:
        for key, row in now_pending.items():
            if key not in was_pending and key not in after:
                found.append(Change(kind="new-pending", state=row.state, agency=row.agency, model=row.model))
    order = {k: i for i, k in enumerate(get_args(ChangeKind))}
    return sorted(found, key=lambda c: (order[c.kind], state_key(c.state), agency_key(c.agency), c.model))


# --- what other screens and papers say ---------------------------------------------------


def is_stale(as_of: date, today: date) -> bool:
    return (today - as_of).days > STALE_DAYS


def stale_note(as_of: date, today: date, lang: str = "en") -> str:
    """Said wherever an old list is cited: how old it is and how to get the current one."""
    return (
        words(lang)
        .pgettext(
            "ICE list",
            "ICE's list of {date} is {days} days old; download the current sheets from {url} "
            "and run `meetingkit ice import FILE.xlsx`",
        )
        .format(date=as_of.isoformat(), days=(today - as_of).days, url=ICE_PAGE)
    )


def _models(rows: list[Agreement], lang: str) -> str:
    signed = words(lang).pgettext("ICE list", "{model} (signed {date})")
    return ", ".join(
        signed.format(model=r.model, date=r.signed.isoformat() if r.signed else r.signed_text or "?")
        for r in rows
    )


def ice_line(found: Match, today: date, lang: str = "en") -> str | None:
    """One line for the 287(g) question, in the reader's language: "ICE's list as of DATE: …";
    None when ICE lists nothing for it."""
    if not found.found or found.as_of is None:
        return None
    w = words(lang)
    parts = []
    if found.signed:
        parts.append(_models(found.signed, lang))
    if found.pending:
        pending = ", ".join(r.model for r in found.pending)
        parts.append(w.pgettext("ICE list", "pending: {models}").format(models=pending))
    line = w.pgettext("ICE list", "ICE's list as of {date}: {agency}, {state}: {agreements}").format(
        date=found.as_of.isoformat(), agency=found.agency, state=found.state, agreements="; ".join(parts)
    )
    if found.how == "county":
        line += " " + w.pgettext(
            "ICE list", "(matched by county and agency type, not by name: check it is your agency)"
        )
    if is_stale(found.as_of, today):
        old = w.pgettext("ICE list", "{days} days old; current sheets: {url}")
        line += " — " + old.format(days=(today - found.as_of).days, url=ICE_PAGE)
    return line


def contradicts(answer_status: str, found: Match) -> bool:
    """An official who ``answered`` or ``declined`` the 287(g) question while ICE lists a signed
    agreement for the agency by name: the report and the follow-up cite the list."""
    return answer_status in ("answered", "declined") and found.how == "name" and bool(found.signed)


def _join(items: list[str], word: str) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def _en_models(models: list[str]) -> str:
    return _join([f"a {m}" for m in models], "and") + " agreement"


def _es_models(models: list[str]) -> str:
    lead = "un acuerdo de tipo" if len(models) == 1 else "acuerdos de tipo"
    return f"{lead} {_join(models, 'y')}"


def _signed(found: Match, lang: str) -> str:
    """ "a Jail Enforcement Model and a Warrant Service Officer agreement on May 8, 2025, and a …" """
    from .testimony import format_day

    models = _es_models if lang == "es" else _en_models
    by_day: dict[date | None, list[str]] = {}
    for row in found.signed:
        by_day.setdefault(row.signed, []).append(row.model)
    groups = []
    for day, names in by_day.items():
        if day is None:
            when = " (sin fecha)" if lang == "es" else " (date not given)"
        else:
            when = (" el " if lang == "es" else " on ") + format_day(day, lang)
        groups.append(models(names) + when)
    and_ = "y" if lang == "es" else "and"
    return groups[0] if len(groups) == 1 else ", ".join(groups[:-1]) + f", {and_} " + groups[-1]


def _spoken(found: Match, as_of: date, lang: str) -> tuple[str, str, str]:
    """The language used (``en`` or ``es``; others get English), the list's date said aloud, the agency."""
    from .testimony import format_day

    lang = lang if lang in ("en", "es") else "en"
    return lang, format_day(as_of, lang), found.agency.removeprefix("The ").removeprefix("the ")


def ice_sentence(found: Match, lang: str) -> str | None:
    """The fact as a speaker says it, dated, in ``en`` or ``es``; only for a match by name:
    a county guess is not said aloud."""
    from .testimony import format_day

    if found.how != "name" or found.as_of is None:
        return None
    lang, day, agency = _spoken(found, found.as_of, lang)
    models = _es_models if lang == "es" else _en_models
    pending = models([r.model for r in found.pending]) if found.pending else ""
    if not found.signed:
        day = format_day(found.pending_as_of or found.as_of, lang)
        if lang == "es":
            return (
                f"La propia lista de ICE de acuerdos 287(g) pendientes del {day} "
                f"incluye a la agencia {agency}: {pending}."
            )
        return f"ICE's own list of pending 287(g) agreements of {day} includes the {agency}: {pending}."
    signed = _signed(found, lang)
    if lang == "es":
        text = f"La propia lista 287(g) de ICE del {day} muestra que la agencia {agency} firmó {signed}."
        return text + (f" También figura con {pending} pendiente." if pending else "")
    text = f"ICE's own 287(g) list of {day} shows that the {agency} signed {signed}."
    return text + (f" It also lists {pending} as pending." if pending else "")


def still_shows(found: Match, lang: str) -> str | None:
    """What the report and the follow-up cite when an answer ``contradicts`` the list."""
    if found.how != "name" or found.as_of is None or not found.signed:
        return None
    lang, day, agency = _spoken(found, found.as_of, lang)
    if lang == "es":
        return (
            f"La lista de ICE del {day} todavía muestra que la agencia {agency} firmó {_signed(found, lang)}."
        )
    return f"ICE's list of {day} still shows that the {agency} signed {_signed(found, lang)}."
