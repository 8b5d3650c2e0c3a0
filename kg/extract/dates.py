"""Date expressions in a sentence, resolved against the article's publication date.

>>> import datetime as dt
>>> published = dt.date(2021, 5, 13)  # a Thursday
>>> resolve_date("spoke on Wednesday night with", published, planned=False)
datetime.date(2021, 5, 12)
>>> resolve_date("will meet on Monday", published, planned=True)
datetime.date(2021, 5, 17)
>>> resolve_date("met on 10 March 2022", published, planned=False)
datetime.date(2022, 3, 10)
"""

from __future__ import annotations

import datetime as dt
import re

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
# Month names are matched capitalised only, so that the verb "may" is no month.
_MONTH = r"(?P<month>" + "|".join(m.title() for m in sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?:,?\s+(?P<year>(?:19|20)\d\d))?"
EXPLICIT = [
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}"),
]
YEAR_SHIFT = re.compile(r",?\s+(?P<way>last|next)\s+year\b", re.IGNORECASE)
WEEKDAY_JOINER = re.compile(r"[,\s]+(?:the\s+)?")
ISO = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
WEEKDAY = re.compile(r"\b(?P<weekday>" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
RELATIVE = {
    "today": 0,
    "this morning": 0,
    "this afternoon": 0,
    "this evening": 0,
    "tonight": 0,
    "yesterday": -1,
    "last night": -1,
    "tomorrow": 1,
    "the day before yesterday": -2,
}
RELATIVE_RE = re.compile(
    r"\b(?P<relative>" + "|".join(sorted(RELATIVE, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
# A month or year named without a day, e.g. "in October" or "in 2019": the sentence is not about
# the publication week, so a weekday elsewhere in it must not be trusted either ("since 2019"
# only compares with another time).
OTHER_PERIOD = re.compile(
    r"\b(?:in|last|early|late|mid-?)\s+(?:(?:early|late|mid-?)\s*)?(?:"
    + "|".join(m for m in MONTHS if len(m) > 3)
    + r"|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)


def find_dates(
    text: str, published: dt.date | None, planned: bool
) -> list[tuple[int, dt.date | None]]:
    """All dated expressions in ``text`` as ``(offset, date)``; date is None when it cannot be fixed.

    A weekday is the most recent such day on or before ``published`` for what occurred, and the
    next one after it for what is planned. Relative words need ``published``.
    """
    found: list[tuple[int, dt.date | None]] = []
    taken: list[range] = []

    def claim(match: re.Match) -> bool:
        if any(match.start() in r for r in taken):
            return False
        taken.append(range(match.start(), match.end()))
        return True

    for match in ISO.finditer(text):
        if claim(match):
            found.append((match.start(), _safe_date(*map(int, match.group("year", "month", "day")))))
    for pattern in EXPLICIT:
        for match in pattern.finditer(text):
            if not claim(match):
                continue
            month = MONTHS[match.group("month").lower()]
            day = int(match.group("day"))
            year = int(match.group("year")) if match.group("year") else None
            shift = YEAR_SHIFT.match(text, match.end())
            if year is None and shift and published:
                # "on July 7 last year", "on 3 May next year"
                year = published.year + (1 if shift.group("way").lower() == "next" else -1)
            found.append((match.start(), _with_year(year, month, day, published, planned)))
    for match in RELATIVE_RE.finditer(text):
        if claim(match) and published:
            offset = RELATIVE[match.group("relative").lower()]
            found.append((match.start(), published + dt.timedelta(days=offset)))
    explicit_starts = {offset for offset, _ in found}
    for match in WEEKDAY.finditer(text):
        joined = WEEKDAY_JOINER.match(text, match.end())
        if joined and joined.end() in explicit_starts:
            continue  # "Saturday, 17 December 2016": the weekday only names the date's day
        if claim(match):
            weekday = WEEKDAYS.index(match.group("weekday").lower())
            found.append((match.start(), _weekday(weekday, published, planned)))
    return sorted(found, key=lambda item: item[0])


def resolve_date(text: str, published: dt.date | None, planned: bool) -> dt.date | None:
    """The first fixed date in ``text``, or None (see :func:`find_dates`)."""
    for _, date in find_dates(text, published, planned):
        if date:
            return date
    return None


def mentions_other_period(text: str) -> bool:
    """Whether ``text`` places something in a month or year rather than on a day.

    >>> mentions_other_period("the two met in October")
    True
    """
    return OTHER_PERIOD.search(text) is not None


def _weekday(weekday: int, published: dt.date | None, planned: bool) -> dt.date | None:
    if published is None:
        return None
    if planned:
        # Wire style names the publication day by its weekday too ("talks on Wednesday").
        delta = (weekday - published.weekday()) % 7
        return published + dt.timedelta(days=delta)
    delta = (published.weekday() - weekday) % 7
    return published - dt.timedelta(days=delta)


def _with_year(
    year: int | None, month: int, day: int, published: dt.date | None, planned: bool
) -> dt.date | None:
    if year is not None:
        return _safe_date(year, month, day)
    if published is None:
        return None
    candidate = _safe_date(published.year, month, day)
    if candidate is None:
        return None
    # "on 28 December" in a January article is last year's, unless it is announced ahead.
    if not planned and (candidate - published).days > 31:
        return _safe_date(published.year - 1, month, day)
    if planned and (published - candidate).days > 31:
        return _safe_date(published.year + 1, month, day)
    return candidate


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


DATELINE = re.compile(rf"\A\s*[A-Z][A-Z .’'-]{{1,40}}(?:\([\w .]+\))?,\s+{_MONTH}\s+{_DAY}{_YEAR}"
                      r"\s*(?:\([\w .]+\)\s*)?[—–-]")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def dateline_date(text: str) -> dt.date | None:
    """The day a wire report's dateline gives ("BEIJING, June 19 —"); without a year there, the
    latest year the text names.

    >>> dateline_date("BEIJING, June 19 (Reuters) — Talks began in 2021 and went on.")
    datetime.date(2021, 6, 19)
    >>> dateline_date("Talks began on June 19.") is None
    True
    """
    match = DATELINE.match(text)
    if not match:
        return None
    year = match.group("year") or max(YEAR.findall(text), default=None)
    if year is None:
        return None
    return _safe_date(int(year), MONTHS[match.group("month").lower()], int(match.group("day")))

