"""Names and titles, by knowledge: the gazetteer of office-holders as a name finder.

News names its best-known officials without a title ("Lula received him", "Mr. Putin said") and
spells them several ways ("Joseph R. Biden Jr.", "Joe Biden"). The gazetteer
(``kg/knowledge/office_holders/*.csv``: every head of state and government and foreign minister
since 1990, and the defence ministers, UN envoys, security advisers and spokespeople of the
main powers since 1995, each scope complete by construction, never a list of people from any
corpus; see ``kg/knowledge/README.md``) adds what the
text leaves out:

- *finding*: a full name or a listed alias of an office-holder is a person, titled or not; a
  bare surname counts only when exactly one holder carrying it was in office around the
  article's publication, and the text never writes it as an ordinary lower-case word
  ("May", "Brown", "Fox");
- *identity*: every form of one holder's name becomes the holder's canonical name;
- *government and post*: the holder's term on the publication day.

>>> from kg.knowledge import load_knowledge
>>> import datetime as dt
>>> index = holder_index(load_knowledge())
>>> identify(["Joseph", "R.", "Biden", "Jr."], dt.date(2022, 3, 1), index).name
'Joe Biden'
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from functools import lru_cache

from kg.extract.names import PATRONYMIC, alternation, normalise_name
from kg.knowledge import Knowledge, OfficeHolder, Term

#: governments whose people English news names family name first ("Qin Gang", "Moon Jae-in")
FAMILY_NAME_FIRST = frozenset({"China", "Taiwan", "North Korea", "South Korea"})
#: governments whose officials go by their given name alone ("Abiy", "Isaias", "Retno"): an
#: Ethiopian or Eritrean second name is the father's, an Icelandic one a patronymic, many
#: Indonesians and Thais are called by the first name
GIVEN_NAME_ALONE = frozenset({"Ethiopia", "Eritrea", "Iceland", "Indonesia", "Thailand"})
#: how far from a holder's term a bare surname still points at them
SURNAME_REACH = dt.timedelta(days=2 * 365)
NUMERALS = frozenset({"ii", "iii", "iv", "v", "vi", "vii", "ix", "x"})
SUFFIXES = frozenset({"jr", "sr"}) | NUMERALS
#: name particles that spellings keep or drop ("al-Sisi", "el-Sisi", "Sisi")
PARTICLES = frozenset({"al", "el", "ad", "as", "ash", "at", "bin", "ibn", "ben", "bint", "da", "de",
                       "del", "della", "der", "di", "do", "dos", "du", "la", "le", "van", "von"})


@dataclass(frozen=True)
class HolderIndex:
    """Every office-holder under each comparison key of their names."""

    #: key of a full name or a listed alias -> holders
    by_name: dict[str, tuple[OfficeHolder, ...]]
    #: key of a surname (the last word of a name) -> holders
    by_surname: dict[str, tuple[OfficeHolder, ...]]
    #: any written form of a name or alias, and every surname (case as written)
    surfaces: re.Pattern
    #: key of a given name (the first word of a name of two or more) -> holders: monarchs and
    #: Gulf rulers go by it after a style ("Sheikh Tamim", "King Abdullah")
    by_given: dict[str, tuple[OfficeHolder, ...]] = field(default_factory=dict)


def name_key(tokens) -> str:
    """The comparison key of a name: normalised, without initials and suffixes.

    >>> name_key(["Joseph", "R.", "Biden", "Jr."]), name_key(["Abdel", "Fattah", "el-Sisi"])
    ('joseph biden', 'abdel fattah sisi')
    """
    words = normalise_name(" ".join(tokens)).replace(",", " ").replace("-", " ").split()
    kept = [w for w in words if len(w) > 1 and w not in SUFFIXES and w not in PARTICLES]
    # A numeral after a single name is regnal and part of it ("Mohammed VI"); after a full
    # name, generational ("Lloyd J. Austin III").
    regnal = [w for w in words if w in NUMERALS or w.isdigit()]
    return " ".join(kept + regnal if len(kept) == 1 else kept)


@lru_cache(maxsize=4)
def holder_index(knowledge: Knowledge) -> HolderIndex:
    """Index the gazetteer of ``knowledge`` (cached per knowledge base)."""
    by_name: dict[str, list[OfficeHolder]] = {}
    by_surname: dict[str, list[OfficeHolder]] = {}
    surfaces: set[str] = set()
    # A word that names a place or organisation is no surname ("Muscat" is Oman's capital).
    places = (set(knowledge.government_by_surface) | set(knowledge.government_by_capital)
              | knowledge.words.get("stop", frozenset()))
    # nor is a post or a style before a name ("King Bhumibol", "Rama IX"), nor a word that
    # qualifies a post ("Queen Elizabeth the Second" is no "Second Prime Minister")
    titles = set(knowledge.post_by_surface) | knowledge.words.get("honorific", frozenset())
    places |= knowledge.words.get("modifier", frozenset())
    for holder in knowledge.office_holders:
        for written in _written_forms(holder):
            key = name_key(written.split())
            if not key:
                continue
            if holder not in by_name.setdefault(key, []):
                by_name[key].append(holder)
            surfaces.add(written)
            # "al-Sisi" is also written "Sisi"
            surname = re.sub(r"^(?:al|el|ad|as|ash|at)-", "", written.split()[-1])
            if len(surname) > 3 and surname[0].isupper() and surname not in places:
                by_surname.setdefault(name_key([surname]), []).append(holder)
                surfaces.add(surname)
            family = written.split()[0]
            if " " in written and any(t.government in FAMILY_NAME_FIRST | GIVEN_NAME_ALONE
                                      for t in holder.terms) \
                    and family not in places and family not in titles:
                # "Foreign Minister Qin" is Qin Gang, "Abiy" Abiy Ahmed; an untitled short
                # family name ("Li") is too common a word to name anyone alone.
                by_surname.setdefault(name_key([family]), []).append(holder)
                if len(family) > 3:
                    surfaces.add(family)
    pattern = re.compile(rf"(?<![\w’'-])(?:{alternation(surfaces)})(?![\w-]|['’](?!s\b))")
    by_given: dict[str, list[OfficeHolder]] = {}
    for holder in knowledge.office_holders:
        words = holder.name.split()
        if len(words) > 1:
            by_given.setdefault(name_key(words[:1]), []).append(holder)
    return HolderIndex({k: tuple(v) for k, v in by_name.items()},
                       {k: tuple(dict.fromkeys(v)) for k, v in by_surname.items()}, pattern,
                       {k: tuple(v) for k, v in by_given.items()})


def holder_by_post(post: str, governments: set[str], published: dt.date | None,
                   knowledge: Knowledge) -> OfficeHolder | None:
    """The one office-holder who held ``post`` for one of ``governments`` on ``published``, if
    exactly one did ("the Secretary-General" of the United Nations in April 2022).

    >>> from kg.knowledge import load_knowledge
    >>> holder_by_post("Secretary-General", {"United Nations", "Russia"}, dt.date(2022, 4, 26),
    ...                load_knowledge()).name
    'António Guterres'
    """
    if published is None:
        return None
    holders = {holder for holder, term in _terms_by_post(knowledge).get(post, ())
               if term.government in governments and term.covers(published)}
    return holders.pop() if len(holders) == 1 else None


@lru_cache(maxsize=4)
def _terms_by_post(knowledge: Knowledge) -> dict[str, list[tuple[OfficeHolder, Term]]]:
    by_post: dict[str, list[tuple[OfficeHolder, Term]]] = {}
    for holder in knowledge.office_holders:
        for term in holder.terms:
            by_post.setdefault(term.post, []).append((holder, term))
    return by_post


def identify_styled(given: str, published: dt.date | None, index: HolderIndex) -> OfficeHolder | None:
    """The one holder in office around ``published`` whose given name a style introduces
    ("Sheikh Tamim" in 2023 is Tamim bin Hamad Al Thani), if exactly one."""
    return _sole_holder_near(index.by_given.get(name_key([given]), ()), published) \
        if published is not None else None


def _written_forms(holder: OfficeHolder) -> list[str]:
    """The holder's name, aliases, and each of them cut after the father's name: Arabic names
    are written without the family name as often as with it ("Salman bin Abdulaziz" for
    "Salman bin Abdulaziz Al Saud")."""
    forms = [holder.name, *holder.aliases]
    for written in list(forms):
        words = written.split()
        for index, word in enumerate(words[1:-2], start=1):
            if word in PATRONYMIC and " ".join(words[: index + 2]) not in forms:
                forms.append(" ".join(words[: index + 2]))
                break
    return forms


def identify(tokens, published: dt.date | None, index: HolderIndex) -> OfficeHolder | None:
    """The office-holder that a person's name tokens name, or None.

    A full name or alias names its holder (of namesakes, the one in office when the article
    appeared); a lone word names the one holder with that surname in office around then.
    """
    key = name_key(tokens)
    if not key:
        return None
    named = index.by_name.get(key, ())
    if not named:
        named = index.by_name.get(name_key(family_last(tokens)), ())
    if not named and (shorter := without_grandfather(tokens)):
        # "Faisal bin Farhan bin Abdullah" is the gazetteer's Faisal bin Farhan (by that name,
        # not by a surname alone)
        named = index.by_name.get(name_key(shorter), ())
    if not named and len(tokens) >= 3 and published is not None:
        # "Miguel Díaz-Canel Bermúdez": the usual name and a second (maternal) surname, of a
        # holder in office then
        named = tuple(filter(None, [_sole_holder_near(index.by_name.get(name_key(tokens[:-1]), ()),
                                                      published)]))
    if len(named) == 1 and " " not in key:
        # A one-word alias ("al-Jaafari") is also another holder's surname: of them, the one in
        # office around the day, or on the day itself ("Obama" in March 2009 is the new
        # president, not a prime minister of that surname gone eight months before); if none
        # is, the alias's holder ("Lula" out of office).
        namesakes = tuple(dict.fromkeys(named + index.by_surname.get(key, ())))
        return named[0] if len(namesakes) == 1 else (
            _sole_holder_near(namesakes, published, on_the_day=True)
            or (None if _holders_near(namesakes, published) else named[0]))
    if len(named) == 1:
        return named[0]
    # "George W. Bush" is not George H. W. Bush: initials tell namesakes apart
    written = normalise_name(" ".join(tokens))
    exact = [h for h in named if any(normalise_name(w) == written for w in _written_forms(h))]
    if len(exact) == 1:
        return exact[0]
    if named:
        return _sole_holder_near(named, published)
    if " " in key:
        alike = [h for h in index.by_surname.get(key.split()[-1], ()) if is_name_of(tokens, h)]
        return alike[0] if len(alike) == 1 else None
    return _sole_holder_near(index.by_surname.get(key, ()), published)


def identify_by_post(tokens, posts: list[str], published: dt.date | None,
                     index: HolderIndex) -> OfficeHolder | None:
    """Of the office-holders a surname names, the one in office around ``published`` in one of
    ``posts`` the text gives them, if exactly one ("President Abbas" in 2023 is Mahmoud Abbas,
    not Syria's defence minister Ali Mahmoud Abbas)."""
    key = name_key(tokens)
    wanted = {post.lower() for post in posts}
    namesakes = tuple(dict.fromkeys(index.by_name.get(key, ()) + index.by_surname.get(key, ())))
    fitting = [holder for holder in _holders_near(namesakes, published)
               if any(term.post.lower() in wanted for term in holder.terms)]
    return fitting[0] if len(fitting) == 1 else None


def without_grandfather(tokens) -> list[str]:
    """An Arabic name cut before its second "bin" ("Mohammed bin Salman bin Abdulaziz Al
    Saud" → "Mohammed bin Salman"), or [] when it has no second one.

    >>> without_grandfather("Faisal bin Farhan bin Abdullah".split())
    ['Faisal', 'bin', 'Farhan']
    """
    particles = [i for i, token in enumerate(tokens) if token.lower() in ("bin", "ibn", "bint")]
    return list(tokens[: particles[1]]) if len(particles) > 1 else []


def family_last(tokens) -> list[str]:
    """The name with a family name written first in capitals moved last, as English writes it
    ("KISHIDA Fumio", "YOON Suk Yeol" in government readouts).

    >>> family_last(["KISHIDA", "Fumio"]), family_last(["Fumio", "Kishida"])
    (['Fumio', 'KISHIDA'], ['Fumio', 'Kishida'])
    """
    capitals = [t for t in tokens if len(t) > 1 and t.isupper() and t.isalpha()]
    if len(capitals) != 1 or len(tokens) < 2:
        return list(tokens)
    return [t for t in tokens if t not in capitals] + capitals


def is_name_of(tokens, holder: OfficeHolder) -> bool:
    """Whether ``tokens`` write the name of ``holder``: one of its names, or the rest of it after
    a given name with the same first letter ("Joseph Biden" for "Joe Biden").

    >>> from kg.knowledge import OfficeHolder
    >>> biden = OfficeHolder("Joe Biden", ("Joseph R. Biden Jr.",), ())
    >>> is_name_of(["Joseph", "Biden"], biden), is_name_of(["Hunter", "Biden"], biden)
    (True, False)
    """
    key = name_key(tokens)
    names = [name_key(w.split()) for w in _written_forms(holder)]
    if key in names or name_key(family_last(tokens)) in names:
        return True
    # Only the given name may differ, and only in its spelling: "Kim Yong Chol" is not Kim Il
    # Chol; or a middle name may be added: "Jakaya Mrisho Kikwete" is Jakaya Kikwete.
    words = key.split()
    return len(words) > 1 and any(
        (n.split()[1:] == words[1:] and _given_alike(n.split()[0], words[0], words[1:]))
        or (len(n.split()) == 2 and len(words) == 3 and n.split() == [words[0], words[-1]])
        for n in names if " " in n)


def _given_alike(one: str, other: str, rest: list[str]) -> bool:
    """Whether two given names before the same rest of a name can be one person's: "Joe" and
    "Joseph", "Mohammed" and "Mohamed"; not brothers, "Mansour bin Zayed" and "Mohamed bin Zayed"
    (after a patronymic, only a spelling may differ)."""
    least = 0.8 if any(word in PATRONYMIC for word in rest) else 0.5
    if least == 0.5 and one[:1] != other[:1]:
        return False
    matcher = SequenceMatcher(None, one, other)
    # (the quick upper bound first: most pairs are far apart)
    return matcher.quick_ratio() >= least and matcher.ratio() >= least


def _sole_holder_near(holders, published: dt.date | None,
                      on_the_day: bool = False) -> OfficeHolder | None:
    """The one holder among ``holders`` in office around ``published``, if exactly one; of
    several and ``on_the_day``, the one in office that day."""
    if published is None:
        return holders[0] if len(holders) == 1 else None
    near = _holders_near(holders, published)
    if len(near) > 1 and on_the_day:
        near = [h for h in near if any(t.start <= published and (t.end is None or published <= t.end)
                                       for t in h.terms)]
    return near[0] if len(near) == 1 else None


def _holders_near(holders, published: dt.date | None) -> list[OfficeHolder]:
    """The holders among ``holders`` in office around ``published`` (all of them without a day)."""
    if published is None:
        return list(holders)
    return [h for h in holders
            if any(t.start - SURNAME_REACH <= published
                   and (t.end is None or published <= t.end + SURNAME_REACH) for t in h.terms)]


def holder_mentions(text: str, published: dt.date | None, index: HolderIndex,
                    ordinary: set[str], name_word) -> list[tuple[int, int, OfficeHolder]]:
    """Where ``text`` names an office-holder: full names, aliases and surnames that
    :func:`identify` resolves. Left out: words the text also writes in lower case (``ordinary``:
    "May", "Brown"), and a surname that ends a longer name the gazetteer does not know ("Jane
    Smith" is not Kamina Johnson Smith) or a lone word that begins one ("Mohammed Abdulsalam");
    ``name_word`` says whether a capitalised word next to the match can belong to a name (not a
    title, a country or an honorific)."""
    found = []
    for match in index.surfaces.finditer(text):
        written = match.group()
        if " " not in written and written.lower() in ordinary:
            continue
        after = TRAILING_NAME.match(text, match.end())
        if " " not in written and after and name_word(after.group(1)):
            continue  # "Mohammed Abdulsalam": a given name of somebody the gazetteer does not know
        before = LEADING_NAME.search(text, max(0, match.start() - 60), match.start())
        leading = [t for t in (before.group().split() if before else []) if name_word(t)]
        tokens = written.split()
        if before and leading and leading == before.group().split()[-len(leading):]:
            tokens = leading + tokens
        holder = identify(tokens, published, index)
        if holder is None and len(tokens) > len(written.split()) and " " in written:
            # "Barbados' Freundel Stuart", "State Counsellor Aung San Suu Kyi": a word the
            # vocabulary lacks before a full name, not a longer name
            leading, tokens = [], written.split()
            holder = identify(tokens, published, index)
        if holder is not None and (len(tokens) == len(written.split())
                                   or identify(written.split(), published, index) is holder):
            start = match.start() - (len(" ".join(leading)) + 1 if len(tokens) > len(
                written.split()) else 0)
            found.append((start, match.end(), holder))
    return found


#: a capitalised word right after a match ("Abdulsalam" after "Mohammed")
TRAILING_NAME = re.compile(r"[^\S\n]+([A-Z][a-z][\w’'-]*)")
#: the capitalised words right before a match ("Jane " before "Smith")
LEADING_NAME = re.compile(r"(?:(?:[A-Z][\w’'-]*|[A-Z]\.)[^\S\n]+){1,3}$")
