"""The records the stages pass along: mentions of officials, an article's cast, and mentions of
communications before the mentions of one event are merged.

>>> names_of([Mention(0, 5, "Putin", "name"), "Emmanuel Macron",
...           Mention(9, 11, "Putin", "pronoun")])
['Putin', 'Emmanuel Macron']
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property

from kg.model import Communication, Mode, Official


@dataclass(frozen=True)
class Mention:
    """One place in the text that points at an official."""

    start: int
    end: int
    official: str
    how: str  # "titled", "name", "title", "pronoun", "first_person"


@dataclass(frozen=True)
class Cast:
    """The officials of one article and the mentions that point at them, in text order."""

    officials: tuple[Official, ...]
    mentions: tuple[Mention, ...]
    quote_speakers: dict[tuple[int, int], str]
    #: officials the text gives only as former (or late) holders of their posts ("former
    #: Presidents Bush and Carter sat among the guests"): officials only if they take part
    former: frozenset[str] = frozenset()

    def official(self, name: str) -> Official | None:
        """The official called ``name``."""
        return self._by_name.get(name)

    @cached_property
    def _by_name(self) -> dict[str, Official]:
        return {o.name: o for o in self.officials}


@dataclass(frozen=True)
class EventMention:
    """One report of a communication, before mentions of the same event are merged."""

    communication: Communication
    offset: int
    #: the sentence places it in another month or year ("spoke by telephone in October")
    elsewhere: bool = False
    #: an event one official hosts or chairs whose other participants the text names after it
    #: ("X hosted a summit on Monday. A and B attended."): dropped unless they are found
    open_to_attendees: bool = False
    #: its day is only the narrative's, carried over from an earlier paragraph: a day the text
    #: gives the same event elsewhere wins ("X said in a statement that …" two paragraphs on)
    carried_day: bool = False
    #: for a bare remark, the mode of the occasion its clause names ("X thanked them in a video
    #: statement"), which it takes when it stands as a statement of its own
    occasion: Mode | None = None


def mention_starts(mentions: list[Mention]) -> list[int]:
    """Where each mention starts: the keys :func:`mentions_between` bisects."""
    return [m.start for m in mentions]


def mentions_between(mentions: list[Mention], starts: list[int], begin: int,
                     end: int) -> list[Mention]:
    """The mentions (sorted by start) that start in [begin, end)."""
    return mentions[bisect.bisect_left(starts, begin) : bisect.bisect_left(starts, end)]


def names_of(mentions: list) -> list[str]:
    """The officials of ``mentions`` (mentions or names), each once, in order."""
    names: list[str] = []
    for mention in mentions:
        name = mention.official if isinstance(mention, Mention) else mention
        if name not in names:
            names.append(name)
    return names
