"""Dates: date expressions resolved against the article's publication date, and the day of
each reported event.

What this module adds: the dates a sentence names (weekdays, "yesterday", "10 March 2022"),
resolved against ``published``; a wire report's dateline; and, for a mention of a
communication, its day: a date in its clause or sentence, else the day the narrative is at
(:func:`advance_narrative_day` carries that day across the sentences and paragraphs of one
narrative, never from a background event or a remark placed in another period).

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
from typing import NamedTuple

from kg.extract.sentences import Sentence, paragraph_start
from kg.model import Communication, Status

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
_TO_DAY = r"\s*(?:-|–|to|and)\s*[0-3]?\d(?:st|nd|rd|th)?"
# "from 25 to 27 February", "February 25-27": an event over several days takes its first
DATE_RANGES = [
    re.compile(rf"\b{_DAY}{_TO_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}{_TO_DAY}\b{_YEAR}"),
]
EXPLICIT = [
    *DATE_RANGES,
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}{_YEAR}\b"),
    re.compile(rf"\b{_MONTH}\s+{_DAY}\b{_YEAR}"),
]
YEAR_SHIFT = re.compile(r",?\s+(?P<way>last|next)\s+year\b", re.IGNORECASE)
NEXT_OR_LAST = re.compile(r"\b(next|last|this coming)\s+$", re.IGNORECASE)
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
# "two days ago": counted back from publication
COUNT_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
DAYS_AGO = re.compile(r"\b(?P<count>a|one|two|three|four|five|six|[1-6])\s+days?\s+ago\b",
                      re.IGNORECASE)
# A month or year named without a day, e.g. "in October" or "in 2019": the sentence is not about
# the publication week, so a weekday elsewhere in it must not be trusted either ("since 2019"
# only compares with another time).
OTHER_PERIOD = re.compile(
    r"\b(?:in|last|early|late|mid-?)\s+(?:(?:early|late|mid-?)\s*)?(?:"
    + "|".join(m for m in MONTHS if len(m) > 3)
    + r"|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
#: a stretch of days, not one: "last week", "over the preceding weekend", "earlier this month"
VAGUE_PERIOD = re.compile(
    r"\b(?:(?:last|previous|preceding|past)\s+(?:week|weekend|month)|(?:over|during)\s+the\s+"
    r"(?:(?:preceding|previous|past)\s+)?weekend|earlier\s+this\s+(?:week|month|year)|"
    r"in\s+recent\s+(?:days|weeks|months))\b", re.IGNORECASE)


def find_dates(
    text: str, published: dt.date | None, planned: bool, era: int | None = None
) -> list[tuple[int, dt.date | None]]:
    """All dated expressions in ``text`` as ``(offset, date)``; date is None when it cannot be fixed.

    A weekday is the most recent such day on or before ``published`` for what occurred, and the
    next one after it for what is planned. Relative words need ``published``. A day and month
    without a year are of the ``era`` a retrospective tells of, if given, else of the year
    around ``published``. A dateline opening ``text`` dates nothing in it.
    """
    found: list[tuple[int, dt.date | None]] = []
    # A wire report's dateline ("BEIJING, June 19 —") dates the report, not what it tells.
    dateline = DATELINE.match(text)
    taken: list[range] = [range(dateline.end())] if dateline else []

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
            found.append((match.start(), _with_year(year or era, month, day, published, planned)))
    for match in RELATIVE_RE.finditer(text):
        if claim(match) and published:
            offset = RELATIVE[match.group("relative").lower()]
            found.append((match.start(), published + dt.timedelta(days=offset)))
    for match in DAYS_AGO.finditer(text):
        if claim(match) and published:
            days = COUNT_WORDS.get(match.group("count").lower()) or int(match.group("count"))
            found.append((match.start(), published - dt.timedelta(days=days)))
    explicit_starts = {offset for offset, _ in found}
    for match in WEEKDAY.finditer(text):
        joined = WEEKDAY_JOINER.match(text, match.end())
        if joined and joined.end() in explicit_starts:
            continue  # "Saturday, 17 December 2016": the weekday only names the date's day
        if claim(match):
            weekday = WEEKDAYS.index(match.group("weekday").lower())
            way = NEXT_OR_LAST.search(text, max(0, match.start() - 14), match.start())
            if way and published:
                # "next Thursday" lies ahead of publication, "last Thursday" behind it, whatever
                # the verb's tense.
                ahead = way.group(1).lower() != "last"
                delta = ((weekday - published.weekday()) % 7 or 7) if ahead \
                    else -((published.weekday() - weekday) % 7 or 7)
                found.append((match.start(), published + dt.timedelta(days=delta)))
                continue
            found.append((match.start(), _weekday(weekday, published, planned)))
    return sorted(found, key=lambda item: item[0])


#: a time a narrative moves to, a month with its year: "In September 1989", "on 2 August
#: 1990" (a year alone, "in 2011", is background more often than a scene, and so are "since
#: October 2020" and "the Declaration of 17 February 1995")
ERA = re.compile(rf"\b(?:[Ii]n|[Oo]n)\s+(?:{_DAY.replace('?P<day>', '?:')}\s+)?"
                 rf"{_MONTH.replace('?P<month>', '?:')}(?:\s+{_DAY.replace('?P<day>', '?:')},?)?"
                 r"\s+(?P<year>(?:19|20)\d\d)\b")
#: a past month and year named in passing ("The October 1973 war"), and a day of a month
#: without a year
MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+(?P<year>(?:19|20)\d\d)\b")
DAY_OF_MONTH = re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s+(?:19|20)\d\d)"
                          rf"|\b{_DAY.replace('?P<day>', '?:')}\s+(?:of\s+)?"
                          rf"{_MONTH.replace('?P<month>', '?P<month_after>')}(?!,?\s+(?:19|20)\d\d)")
#: ... and back to the time of writing: "in April last year"
NOW_AGAIN = re.compile(r"\b(?:last|this|next)\s+year\b|\b(?:19|20)\d\d\b")


def narrative_year(text: str, sentence: Sentence, published: dt.date | None) -> int | None:
    """The past year the narrative has moved to in ``sentence`` or the one before it in its
    paragraph ("In September 1989 Baker hosted him at Jackson Hole on 22 September"), if any.

    >>> from kg.extract.sentences import split_sentences
    >>> text = "The war ended on 20 August 1988. The ministers met in Geneva on 25 August."
    >>> narrative_year(text, split_sentences(text)[1], dt.date(2020, 3, 5))
    1988
    """
    paragraph = text.rfind("\n", 0, sentence.start) + 1
    stop = text.rfind(". ", 0, max(0, sentence.start - 2))
    previous = max(stop + 2, paragraph) if stop >= 0 else paragraph
    eras = list(ERA.finditer(text, previous, sentence.end))
    if not eras:
        # "The October 1973 war brought … Late on October 24": a day of the month just named
        # with its year is of that year
        days = {(day.group("month") or day.group("month_after")).lower()[:3]
                for day in DAY_OF_MONTH.finditer(sentence.text)}
        eras = [era for era in MONTH_YEAR.finditer(text, previous, sentence.end)
                if era.group("month").lower()[:3] in days]
    if not eras or published is None or NOW_AGAIN.search(text, eras[-1].end(), sentence.end):
        return None
    year = int(eras[-1].group("year"))
    return year if year < published.year else None


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


def dateline_date(text: str, today: dt.date) -> dt.date | None:
    """The day a wire report's dateline gives ("BEIJING, June 19 —"); without a year there, the
    latest year the text names, and without one anywhere, the latest such day up to ``today``
    (a dateline is written the day the wire sends it).

    >>> today = dt.date(2026, 3, 1)
    >>> dateline_date("BEIJING, June 19 (Reuters) — Talks began in 2021 and went on.", today)
    datetime.date(2021, 6, 19)
    >>> dateline_date("BEIJING, June 19 (Reuters) — Talks went on.", today)
    datetime.date(2025, 6, 19)
    >>> dateline_date("Talks began on June 19.", today) is None
    True
    """
    match = DATELINE.match(text)
    if not match:
        return None
    month, day = MONTHS[match.group("month").lower()], int(match.group("day"))
    year = match.group("year") or max(YEAR.findall(text), default=None)
    if year is not None:
        return _safe_date(int(year), month, day)
    # February 29 waits for the latest leap year.
    return next((date for year in range(today.year, today.year - 8, -1)
                 if (date := _safe_date(year, month, day)) is not None and date <= today), None)


#: days from publication within which a date can be the narrative's day (news reports the
#: days just past; a date further back is background, "the deadline of June 30, 2014")
NARRATIVE_REACH = 60

class NarrativeDay(NamedTuple):
    """Where a narrative is in time: its day, the paragraph that set it, and the latest day it
    has reached (the lead's, to which it returns after going back)."""

    day: dt.date
    paragraph: int
    lead: dt.date


SOURCE_CONNECTIVES = re.compile(
    r"^(?:before that|after that|afterwards?|later|later that day|then|earlier|shortly after|"
    r"soon after|the same day|that day|subsequently)\b",
    re.IGNORECASE,
)
CONTINUATION = re.compile(
    r"\b(?:after|before|following) (?:the|their|his|her) (?:meeting|talks|call|summit|visit|"
    r"conversation|session|ceremony|signing)|\bafter signing\b|\bafterwards?\b|"
    r"\b(?:at|during) the same (?:ceremony|meeting|event|session|summit|dinner|banquet)\b|"
    r"\blater\b|\bthe same (?:day|evening|morning|night)\b|"
    r"\bduring (?:his|her|their|the) (?:stay|visit|trip)\b|\b(?:before|after) leaving\b|"
    r"\b(?:in the|that|the same) (?:morning|afternoon|evening)\b|\balso\b|"
    r"\b(?:a separate|meanwhile|at the same time)\b",
    re.IGNORECASE)

SINCE = re.compile(r"\bsince\b[^,;.]*", re.IGNORECASE)
NAMING_OF = re.compile(r"(?<=[a-z])" + "".join(rf"(?<!\b{word})" for word in (
    "night", "evening", "morning", "afternoon", "day", "dawn", "eve", "end", "week", "weekend",
    "beginning", "start", "middle")) + " of $")

GAP_BEFORE = re.compile(r"\b(?P<count>a|one|two|three) days? (?P<way>after|before)\s*$",
                        re.IGNORECASE)

#: the narrative's own day named again: "On the same day", "later that day"
SAME_DAY = re.compile(r"\b(?:the same|that|later that) (?:day|morning|afternoon|evening|night)\b",
                      re.IGNORECASE)
SEVERAL_DAYS = re.compile(r"\b(?:two|three|four|five|six|seven|eight|ten|[2-9])-day\b|\bweek-?long\b",
                          re.IGNORECASE)
JOURNEY = re.compile(r"\b(?:visit|trip|tour|stay|journey)\b", re.IGNORECASE)
DURING_SPAN = re.compile(r"\bduring (?:his|her|their|the) (?:[\w-]+ )?(?:stay|visit|trip|tour)\b",
                         re.IGNORECASE)
DAY_SHIFT = re.compile(r"\b(?:(?P<earlier>a day earlier|the day before|the previous day)|"
                       r"a day later|the (?:next|following) (?:day|morning|afternoon|evening))\b",
                       re.IGNORECASE)
_EVENT = (r"[^\S\n]+(?:the|that|their|his|her)[^\S\n]+(?:[\w-]+[^\S\n]+)?(?:meeting|talks|call|"
          r"visit|summit|session|conversation)\b")
#: "two days later", "two days after the meeting": days counted from the narrative's day
COUNTED_SHIFT = re.compile(
    r"\b(?P<count>a|one|two|three|four|five|[2-5])[^\S\n]+days?[^\S\n]+(?:(?P<later>later)|"
    r"(?P<earlier>earlier)|(?P<after>after)(?=" + _EVENT + r")|(?P<before>before)(?=" + _EVENT
    + r"))", re.IGNORECASE)


AND = re.compile(r"\band\b")


def day_shift(text: str, start: int = 0, end: int | None = None) -> int | None:
    """The days a phrase in ``text[start:end]`` moves the narrative by ("the next day": 1, "two
    days after the meeting": 2, "a day earlier": -1), or None.

    >>> day_shift("Two days after the meeting, he left."), day_shift("A day earlier, he met X.")
    (2, -1)
    """
    end = len(text) if end is None else end
    counted = COUNTED_SHIFT.search(text, start, end)
    if counted:
        days = COUNT_WORDS.get(counted.group("count").lower()) or int(counted.group("count"))
        return -days if counted.group("earlier") or counted.group("before") else days
    shift = DAY_SHIFT.search(text, start, end)
    if shift:
        return -1 if shift.group("earlier") else 1
    return None

NESTED_CLAUSE = re.compile(r"\b(?:which|who|whom|whose|including)\b"
                           # ("a peace mission that takes them to Putin on Saturday")
                           r"|\bthat\s+(?:will|would|takes|brings|leads|continues)\b")
RELATIVE_CLAUSE = re.compile(r"\s*(?:who|which|whom|whose)\b", re.IGNORECASE)
# Background: what happened before the narrative's day, or happens habitually ("had met", but
# not "had a telephone conversation", which is the simple past).
BACKGROUND = re.compile(r"\b(?:had(?!\s+(?:a|an|the|talks|their|his|her|its)\b)|has|have|"
                        r"previously|earlier|once|ago|former(?:ly)?|last|since|"
                        r"(?:19|20)\d\d|often|usually|regularly|years?|months?|weeks?)\b",
                        re.IGNORECASE)


#: a reporting verb right before a day: the day is the report's ("the ministry said on Friday")
REPORTED_ON = re.compile(r"\b(?:said|says|announced|announces|confirmed|confirms|"
                         r"told(?:\s+[\w'’-]+){0,5}?)\s+(?:late\s+|early\s+)?(?:on\s+)?$")


#: what follows the day of a remark before its content: "on Thursday that", "on Monday he"
CONTENT_AFTER_DAY = re.compile(r"(?:on\s+)?\w+(?:\s+(?:\d{1,2}|morning|afternoon|evening|night))?"
                               r"(?:,\s+\w+\s+\d{1,2})?,?\s+(?:that|he|she|they|we)\b")


def _journey_over_days(text: str, before: int) -> bool:
    """Whether a sentence before offset ``before`` gives a journey several days ("paid a visit
    from 7 to 9 March", "a three-day visit").

    >>> _journey_over_days("He paid a visit from 7 to 9 March. During it…", 35)
    True
    """
    for pattern in (*DATE_RANGES, SEVERAL_DAYS):
        for found in pattern.finditer(text, 0, before):
            opening = text.rfind(". ", 0, found.start()) + 1
            closing = text.find(". ", found.end())
            if JOURNEY.search(text, opening, closing if closing >= 0 else len(text)):
                return True
    return False


#: a contact recalled as the latest before now ("last met", "had last spoken"), not "at last"
LAST_TIME = re.compile(r"(?<!\bat )\blast[^\S\n]+$", re.IGNORECASE)


def event_date(text, sentence: Sentence, published, planned, last_date, elsewhere: bool,
               clause_start: int, clause_end: int, trigger_at: int | None = None,
               carry: bool = True, content_at: int | None = None,
               invited: bool = False) -> dt.date | None:
    """The day a mention happened: a date in its clause, else in its sentence (counted from the
    sentence's day after "a day after"); else the narrative's day when the sentence continues it
    ("before that", "after the meeting", "the same evening"), shifted by "a day earlier" / "the
    next day", or when it stays in the paragraph that set that day. What an official is
    ``invited`` to takes only a day named after the invitation (at ``trigger_at``)."""
    if elsewhere:
        return None
    found = [(sentence.start + offset, d) for offset, d in find_dates(
        sentence.text, published, planned, narrative_year(text, sentence, published)) if d]
    # "X met Netanyahu, who had flown in on Sunday": a relative clause's day is not the event's.
    found = [(offset, d) for offset, d in found if offset < clause_end
             or not RELATIVE_CLAUSE.match(text, clause_end)]
    # "briefed him on …, including a call that Putin initiated on Thursday": a day inside a
    # clause nested after the trigger is that clause's.
    found = [(offset, d) for offset, d in found if trigger_at is None or offset < trigger_at
             or not NESTED_CLAUSE.search(text, trigger_at, offset)]
    # "said that talks would resume on Friday": a day in what a statement reports is not its own.
    found = [(offset, d) for offset, d in found if content_at is None or offset < content_at]
    # "wrote to him on Thursday, inviting him to visit": the day before an invitation is the
    # inviting's, not the visit's
    found = [(offset, d) for offset, d in found if not invited or offset > trigger_at]
    if planned:
        # "X will visit next month, the White House said on Friday": the day of the announcement
        # is not the day of what it announces.
        found = [(offset, d) for offset, d in found
                 if not REPORTED_ON.search(text, max(sentence.start, offset - 40), offset)]
    elif trigger_at is not None:
        # "Ruto said on Thursday that he had met Hassan": the day of the words, not of the
        # meeting they report
        found = [(offset, d) for offset, d in found if offset > trigger_at
                 or not REPORTED_ON.search(text, max(sentence.start, offset - 40), offset)
                 or not CONTENT_AFTER_DAY.match(text, offset, trigger_at)]
    if trigger_at is not None and content_at is None \
            and not any(offset > trigger_at for offset, _ in found) \
            and VAGUE_PERIOD.search(text, trigger_at, clause_end):
        return None  # "on May 16, after calls he made over the preceding weekend": no one day
    if found:
        # "After talks on Monday, X began Tuesday with a meeting": the clause's own day.
        # Of several, the one after the trigger ("flew on Tuesday and will hold talks on
        # Wednesday"), else the nearest before it.
        in_clause = [(offset, d) for offset, d in found if clause_start <= offset < clause_end]
        after = [d for offset, d in in_clause if trigger_at is not None and offset >= trigger_at]
        own = after[0] if after else in_clause[-1][1] if in_clause and trigger_at is not None \
            else in_clause[0][1] if in_clause else None
        if own and after:
            return own
        # "met on June 25, and the following day hosted him": counted from the date before.
        dated_at, day = max((o, d) for o, d in in_clause) if own else found[0]
        # (and "On May 26 he crossed to meet X, and told a news conference the following day
        # that…": the shift after the trigger, before what is reported or another verb's "and")
        if trigger_at and dated_at < trigger_at:
            own_end = min(clause_end, content_at or clause_end)
            coordinated = AND.search(text, trigger_at, own_end)
            shift = day_shift(text, dated_at, trigger_at) or day_shift(
                text, trigger_at, coordinated.start() if coordinated else own_end)
        else:
            shift = None
        if shift:
            return day + dt.timedelta(days=shift)
        if own:
            return own
        # "held talks on Thursday, a day after meeting Zelensky": counted from the sentence's day.
        gap = GAP_BEFORE.search(text, max(sentence.start, clause_start - 30), clause_start)
        if not gap:
            return found[0][1]
        days = {"a": 1, "one": 1, "two": 2, "three": 3}[gap.group("count").lower()]
        return found[0][1] + dt.timedelta(days=-days if gap.group("way") == "after" else days)
    if not planned and published and LIVE_ENTRY.match(text, paragraph_start(text, sentence.start)) \
            and not (last_date and last_date.paragraph == sentence.paragraph) \
            and day_shift(sentence.text) is None and not SOURCE_CONNECTIVES.match(sentence.text) \
            and not CONTINUATION.search(sentence.text) and not ENTRY_BACKGROUND.search(sentence.text) \
            and not mentions_other_period(sentence.text):
        # "10:37 BST — Juncker has tweeted": an entry of a live report happens on its day (the
        # present perfect is today's news there)
        return published
    if last_date is None or planned:
        return None  # a plan announced on the narrative's day happens some other day
    if DURING_SPAN.search(sentence.text) and _journey_over_days(text, sentence.start):
        # "a visit from 7 to 9 March … During the visit, X met Y": no one day
        return None
    if trigger_at is not None and LAST_TIME.search(text, max(sentence.start, trigger_at - 30),
                                                   trigger_at):
        return None  # "The two ministers last met in Riga": some earlier day, not the narrative's
    day, paragraph, lead = last_date
    shift = day_shift(sentence.text)
    if shift:
        return day + dt.timedelta(days=shift)
    if SOURCE_CONNECTIVES.match(sentence.text) or CONTINUATION.search(sentence.text):
        return day
    if sentence.paragraph == paragraph:
        return day
    # A later paragraph goes on with the narrative's day unless it steps back into background
    # (what a statement reports may: "X said in a statement that he had instructed Y").
    own = sentence.text if content_at is None else text[sentence.start:content_at]
    if not carry or BACKGROUND.search(own) or mentions_other_period(own):
        return None
    # After a paragraph that went back in time ("The announcement followed a call on
    # Tuesday"), a new one returns to the lead's day.
    return max(day, lead)


#: what puts an entry's event before its day
ENTRY_BACKGROUND = re.compile(r"\b(?:had|previously|once|ago|former(?:ly)?|last|since|(?:19|20)\d\d|"
                              r"often|usually|regularly|years?|months?|weeks?)\b", re.IGNORECASE)
#: the clock time opening an entry of a live report: "10:37 BST —", "14:05:"
LIVE_ENTRY = re.compile(r"[^\S\n]*\d{1,2}[:.]\d{2}(?:[^\S\n]*(?:[ap]\.?m\.?|[A-Z]{2,4}))?[^\S\n]*[—–:-]")


def inherits_day(text: str, sentence: Sentence, published: dt.date | None,
                 last_date: NarrativeDay | None, before: int) -> bool:
    """Whether a mention in ``sentence`` takes the narrative's day only because its paragraph
    goes on after the one that set it: no day named before offset ``before`` (where what a
    statement reports begins), no connective ("afterwards", "the same day") tying it to that
    day. The weakest way to date an event.

    >>> day = NarrativeDay(dt.date(2014, 12, 17), 1, dt.date(2014, 12, 17))
    >>> kerry = Sentence(0, "Kerry said in a statement that talks would be held on Monday.", 3)
    >>> inherits_day(kerry.text, kerry, None, day, 30)
    True
    """
    return last_date is not None and sentence.paragraph != last_date.paragraph \
        and not any(d for offset, d in find_dates(sentence.text, published, planned=False)
                    if sentence.start + offset < before) \
        and not SOURCE_CONNECTIVES.match(sentence.text) \
        and not CONTINUATION.search(sentence.text) and day_shift(sentence.text) is None


def advance_narrative_day(sentence: Sentence, published: dt.date | None,
                          reported: list[Communication],
                          last_date: NarrativeDay | None) -> NarrativeDay | None:
    """The day the narrative is at after ``sentence`` (which ``reported`` these communications),
    and the paragraph that set it; ``last_date`` is where it was before the sentence.

    >>> sentence = Sentence(0, "Blinken met Wang Yi on Tuesday.", 2)
    >>> advance_narrative_day(sentence, dt.date(2021, 5, 13), [], None).day
    datetime.date(2021, 5, 11)
    """
    moved = _advance(sentence, published, reported, last_date)
    if moved is None or moved is last_date:
        return moved
    day, paragraph = moved
    return NarrativeDay(day, paragraph, max(day, last_date.lead) if last_date else day)


def _advance(sentence: Sentence, published: dt.date | None, reported: list[Communication],
             last_date: NarrativeDay | None) -> tuple[dt.date, int] | NarrativeDay | None:
    """The day and paragraph the sentence moves the narrative to, or ``last_date`` unmoved."""
    # ("the attacks of September 11": a date naming an event is no time of the narrative)
    dated = [d for at, d in find_dates(sentence.text, published, planned=False) if d
             and (published is None or 0 <= (published - d).days <= NARRATIVE_REACH)
             and not NAMING_OF.search(sentence.text, max(0, at - 4), at)]
    # The narrative is at the day of what this sentence reported, if it dated that; else
    # at its last day ("Netanyahu, who had flown in on Sunday, met Trump on Tuesday").
    days = [c.date for c in reported
            if c.date and c.status is Status.OCCURRED and c.date in dated]
    if days:
        return (days[-1], sentence.paragraph)
    # "…on Thursday, the first since Russia invaded in February": a comparison, not its day.
    if dated and not mentions_other_period(SINCE.sub("", sentence.text)):
        return (dated[-1], sentence.paragraph)
    if last_date and (SOURCE_CONNECTIVES.match(sentence.text)
                      or CONTINUATION.search(sentence.text)):
        # "X appeared before reporters after the talks. He said…": the paragraph goes on
        # with the day it continues.
        return (last_date.day, sentence.paragraph)
    return last_date
