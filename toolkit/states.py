"""US states, DC and territories: postal code ↔ name, so ``TX``, ``Texas`` and ICE's ``TEXAS`` agree."""

from __future__ import annotations

STATES = {
    "AL": "Alabama",
    "AK": "Alaska",
    "AZ": "Arizona",
    "AR": "Arkansas",
    "CA": "California",
    "CO": "Colorado",
    "CT": "Connecticut",
    "DE": "Delaware",
    "DC": "District of Columbia",
    "FL": "Florida",
    "GA": "Georgia",
    "HI": "Hawaii",
    "ID": "Idaho",
    "IL": "Illinois",
    "IN": "Indiana",
    "IA": "Iowa",
    "KS": "Kansas",
    "KY": "Kentucky",
    "LA": "Louisiana",
    "ME": "Maine",
    "MD": "Maryland",
    "MA": "Massachusetts",
    "MI": "Michigan",
    "MN": "Minnesota",
    "MS": "Mississippi",
    "MO": "Missouri",
    "MT": "Montana",
    "NE": "Nebraska",
    "NV": "Nevada",
    "NH": "New Hampshire",
    "NJ": "New Jersey",
    "NM": "New Mexico",
    "NY": "New York",
    "NC": "North Carolina",
    "ND": "North Dakota",
    "OH": "Ohio",
    "OK": "Oklahoma",
    "OR": "Oregon",
    "PA": "Pennsylvania",
    "RI": "Rhode Island",
    "SC": "South Carolina",
    "SD": "South Dakota",
    "TN": "Tennessee",
    "TX": "Texas",
    "UT": "Utah",
    "VT": "Vermont",
    "VA": "Virginia",
    "WA": "Washington",
    "WV": "West Virginia",
    "WI": "Wisconsin",
    "WY": "Wyoming",
    "AS": "American Samoa",
    "GU": "Guam",
    "MP": "Northern Mariana Islands",
    "PR": "Puerto Rico",
    "VI": "U.S. Virgin Islands",
}
"""Postal code → name: the 50 states, the District of Columbia and the five inhabited territories."""

_ALIASES = {
    "washington dc": "DC",
    "washington d.c.": "DC",
    "d.c.": "DC",
    "virgin islands": "VI",
    "us virgin islands": "VI",
    "united states virgin islands": "VI",
    "commonwealth of the northern mariana islands": "MP",
    "commonwealth of puerto rico": "PR",
}

_BY_NAME = {name.lower(): code for code, name in STATES.items()} | _ALIASES


def state_code(text: str) -> str | None:
    """The postal code for a code or a name in any case (``tx``, ``Texas``, ``TEXAS``); None if unknown."""
    cleaned = " ".join(text.replace("\xa0", " ").split()).strip(" .,")
    if cleaned.upper() in STATES:
        return cleaned.upper()
    return _BY_NAME.get(cleaned.lower()) or _BY_NAME.get(cleaned.lower().removeprefix("state of "))


def state_name(text: str) -> str:
    """The state's name as people write it (``Texas``), or the text itself when it is not a known state."""
    code = state_code(text)
    return STATES[code] if code else text.strip()
