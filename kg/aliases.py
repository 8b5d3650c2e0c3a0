"""Who is who across articles: identity keys and a user's alias table.

Articles spell one person several ways ("Sergei Lavrov", "Sergey Lavrov", "Antony J. Blinken").
:func:`identity_key` folds the spellings that only transliteration or a middle initial tell apart,
so the graph mints one node for them. Where that is not enough ("Salman" the king or the crown
prince?), a user keeps an alias table, a CSV file with the columns

``name``
    the canonical name the graph should use;
``aliases``
    other names of the person, separated by ``|``;
``wikidata``
    optional Wikidata ID (``Q7747``) or entity IRI, linked with ``owl:sameAs``;
``government``, ``post``
    optional: what the person represents and holds; the table's government wins over the
    article's guess, its post fills in where the article gives none.

:func:`resolve` applies the table to an extraction before it becomes RDF.

>>> identity_key("Sergei Lavrov") == identity_key("Sergey Lavrov")
True
>>> identity_key("Antony J. Blinken") == identity_key("Antony Blinken")
True
>>> identity_key("Mohammed bin Salman") == identity_key("Salman")
False
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from kg.errors import KgError
from kg.extract.names import normalise_name
from kg.model import Communication, Extraction, Official

WIKIDATA_ENTITY = "http://www.wikidata.org/entity/"
COLUMNS = ("name", "aliases", "wikidata", "government", "post")


class AliasTableError(KgError):
    """The alias table cannot be read: missing, not CSV, or a row without a name."""

    exit_code = 3


def identity_key(name: str) -> str:
    """The key under which spellings of one name meet: case, accents, dots, middle initials,
    a monarch's style and the word endings that transliteration spells differently do not count."""
    words = normalise_name(name).split()
    if len(words) > 1 and words[0] in ("king", "queen"):
        words = words[1:]  # "King Abdullah II" is "Abdullah II"
    words = [w for w in words if len(w) > 1] or words
    return " ".join(_fold(w) for w in words)


def _fold(word: str) -> str:
    # Zelenskyy/Zelensky/Zelenskiy, Sergey/Sergei: the endings transliteration schemes write
    # differently (the folded form only names an IRI).
    word = re.sub(r"(.)\1+$", r"\1", word)
    return re.sub(r"iy$", "y", re.sub(r"ey$", "ei", word))


@dataclass(frozen=True)
class Person:
    """One row of an alias table."""

    name: str
    aliases: tuple[str, ...] = ()
    wikidata: str | None = None
    government: str | None = None
    post: str | None = None

    @property
    def same_as(self) -> tuple[str, ...]:
        if not self.wikidata:
            return ()
        if self.wikidata.startswith("http"):
            return (self.wikidata,)
        return (WIKIDATA_ENTITY + self.wikidata,)


@dataclass(frozen=True)
class AliasTable:
    """People by the identity key of each of their names."""

    people: tuple[Person, ...]

    def person(self, name: str) -> Person | None:
        """The person ``name`` (or a spelling of it) stands for, or None.

        >>> table = AliasTable((Person("Mohammed bin Salman", ("MBS",)),))
        >>> table.person("MBS").name
        'Mohammed bin Salman'
        """
        key = identity_key(name)
        for person in self.people:
            if key in {identity_key(n) for n in (person.name, *person.aliases)}:
                return person
        return None


def load_aliases(path: str | Path, warn: Callable[[str], None] | None = None) -> AliasTable:
    """Read an alias table (see the module docstring). A UTF-8 byte order mark (Excel's
    "CSV UTF-8") is accepted.

    ``warn`` hears of what is likely a mistake but still readable (the message names the file and
    line): a quote left open (the lines after it become one cell), a row with more or fewer cells
    than the header, a government kg does not know (used as written; a known alias is read as the
    government's name), one name or alias given to two people (the first row keeps it).

    Raises:
        AliasTableError: the file is missing or unreadable, lacks the ``name`` column, or a row
            has no name or an ill-formed Wikidata ID (the message names the file and line).
    """
    path = Path(path)
    warnings: list[str] = []  # told only once the table has loaded: an error stands alone
    people: list[Person] = []
    owners: dict[str, tuple[str, int]] = {}
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = [cell.strip() for cell in next(reader, [])]
            if "name" not in header:
                raise AliasTableError(f"{path}:1: an alias table needs a 'name' column "
                                      f"(columns: {', '.join(COLUMNS)})")
            width = len(header)
            start = reader.line_num + 1
            for cells in reader:
                line, start = start, reader.line_num + 1
                if not cells:
                    continue
                row = dict(zip(header, cells))
                if reader.line_num > line:
                    warnings.append(f"{path}:{line}: a quote opened on this line runs to line "
                                    f"{reader.line_num}; those lines were read as one cell")
                elif len(cells) != width:
                    warnings.append(f"{path}:{line}: {len(cells)} cell(s) where the header has "
                                    f"{width}{' (the extra ones are ignored)' if len(cells) > width else ''}")
                person = _checked_government(_person(row, path, line), path, line,
                                             warnings.append)
                for name in (person.name, *person.aliases):
                    key = identity_key(name)
                    owner = owners.setdefault(key, (person.name, line))
                    if owner[0] != person.name:
                        warnings.append(f"{path}:{line}: {name!r} is also a name of {owner[0]!r} (line "
                             f"{owner[1]}); it stays {owner[0]!r}'s")
                people.append(person)
    except (OSError, UnicodeDecodeError, csv.Error) as error:
        raise AliasTableError(f"{path}: cannot read the alias table: {error}") from None
    for message in warnings if warn else ():
        warn(message)
    return AliasTable(tuple(people))


def _checked_government(person: Person, path: Path, line: int,
                        warn: Callable[[str], None]) -> Person:
    if not person.government:
        return person
    from kg.knowledge import load_knowledge

    knowledge = load_knowledge()
    if knowledge.government(person.government):
        return person
    known = knowledge.government_by_surface.get(person.government)
    if known:
        return replace(person, government=known)
    warn(f"{path}:{line}: government {person.government!r} is not one kg knows "
         f"(kg/knowledge/governments.csv); it is used as written")
    return person


def _person(row: dict, path: Path, line: int) -> Person:
    def cell(column: str) -> str | None:
        value = (row.get(column) or "").strip()
        return value or None

    name = cell("name")
    if name is None:
        raise AliasTableError(f"{path}:{line}: the row has no name")
    wikidata = cell("wikidata")
    if wikidata and not re.fullmatch(r"Q\d+|https?://\S+", wikidata):
        raise AliasTableError(f"{path}:{line}: {wikidata!r} is not a Wikidata ID (Q123) or IRI")
    aliases = tuple(a.strip() for a in (cell("aliases") or "").split("|") if a.strip())
    return Person(name, aliases, wikidata, cell("government"), cell("post"))


def resolve(extraction: Extraction, table: AliasTable) -> Extraction:
    """``extraction`` with its officials renamed to the table's canonical names (officials that
    turn out to be one person merge), their Wikidata links, and the table's government and post.

    >>> from kg.model import Article, Meta
    >>> table = AliasTable((Person("Vladimir Putin", ("Putin",), "Q7747", "Russia"),))
    >>> extraction = Extraction(Article(Meta("a"), "Putin met him."), officials=(Official("Putin"),))
    >>> official = resolve(extraction, table).officials[0]
    >>> official.name, official.government, official.same_as
    ('Vladimir Putin', 'Russia', ('http://www.wikidata.org/entity/Q7747',))
    """
    canonical: dict[str, str] = {}
    officials: dict[str, Official] = {}
    for official in extraction.officials:
        person = table.person(official.name)
        if person is None:
            canonical[official.name] = official.name
            officials.setdefault(official.name, official)
            continue
        canonical[official.name] = person.name
        renamed = replace(
            official,
            name=person.name,
            aliases=tuple(sorted({*official.aliases, official.name} - {person.name})),
            government=person.government or official.government,
            post=official.post or person.post,
            same_as=person.same_as,
        )
        earlier = officials.get(person.name)
        officials[person.name] = renamed if earlier is None else replace(
            earlier,
            aliases=tuple(sorted({*earlier.aliases, *renamed.aliases})),
            post=earlier.post or renamed.post,
            evidence=earlier.evidence + renamed.evidence,
        )

    def rename(names: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(canonical.get(n, n) for n in names))

    def renamed_communication(communication: Communication) -> Communication:
        initiator = communication.initiator
        return replace(communication, participants=rename(communication.participants),
                       initiator=canonical.get(initiator, initiator) if initiator else None)

    return replace(
        extraction,
        officials=tuple(replace(o, on_behalf_of=rename(o.on_behalf_of)) for o in officials.values()),
        communications=tuple(renamed_communication(c) for c in extraction.communications),
        quotes=tuple(replace(q, speaker=canonical.get(q.speaker, q.speaker))
                     for q in extraction.quotes),
    )
