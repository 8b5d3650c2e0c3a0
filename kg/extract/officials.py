"""Find the officials an article names, their posts and governments, and every mention of them.

Finding works in three passes over the text:

1. *titled mentions*: a post next to a name ("Russian President Vladimir Putin",
   "Wang Yi, China's foreign minister") introduce officials;
2. *name mentions*: later surnames and partial names ("Blinken") are linked to those officials;
3. *coreference*: title-only mentions ("the Secretary"), pronouns ("he") and the first person inside
   a quotation ("I") are resolved to the official they most likely point at.

>>> from kg.knowledge import load_knowledge
>>> cast = find_officials("Russian President Vladimir Putin met Wang Yi, China's foreign minister. "
...                       "Putin said he was pleased.", load_knowledge())
>>> [(o.name, o.post, o.government) for o in cast.officials]
[('Vladimir Putin', 'President', 'Russia'), ('Wang Yi', 'Foreign Minister', 'China')]
>>> [m.official for m in cast.mentions]
['Vladimir Putin', 'Wang Yi', 'Vladimir Putin', 'Vladimir Putin']
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from kg.extract.names import alternation, normalise_name
from kg.extract.office_holders import (
    HolderIndex,
    family_last,
    holder_index,
    holder_mentions,
    identify,
    is_name_of,
    name_key,
)
from kg.extract.sentences import Sentence, find_quotes, sentence_at, split_sentences
from kg.knowledge import Knowledge, OfficeHolder
from kg.model import Official, Span

UPPER = "".join(chr(c) for c in range(0x41, 0x250) if chr(c).isupper())
_NAME_TOKEN = rf"(?:[{UPPER}][\w’'\-]*[\w]|[{UPPER}]\.(?:\s?[{UPPER}]\.)*)"
PRONOUNS = re.compile(r"\b(?:he|she|him|her|his)\b", re.IGNORECASE)
FIRST_PERSON = re.compile(r"\b(?:I|me|my|I’ve|I've|I’m|I'm)\b")
SPEECH_VERBS = (
    r"said|says|added|adds|tweeted|wrote|posted|told|stressed|noted|declared|insisted|"
    r"warned|explained|continued|stated|emphasi[sz]ed|argued|recalled|concluded|remarked|asked"
)
PATRONYMIC = frozenset({"bin", "ibn", "bint", "ben", "ould"})
# Words that cannot stand for an official as a title-only mention ("the minister").
OFFICE_OWNER = re.compile(rf"[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?(?P<owner>{_NAME_TOKEN})['’]s[^\S\n]+"
                          r"(?:office|administration|cabinet|government|staff|team|chancellery)\b")
# Words that may follow a post ending an apposition ("X, the foreign minister, who…", "…said").
CLAUSE_WORDS = (r"(?:of|for|to|and|or|but|who|whose|which|said|says|told|tells|met|meets|has|had|"
                r"have|is|was|were|will|would|in|at|on|since|from|with|later|also|then|spoke|"
                r"called|added|wrote|warned|announced|urged|visited|arrived|held)")
ROYAL_STYLES = frozenset({"King", "Queen"})
LEADER_WORDS = ("leader", "head of state", "head of government", "monarch", "diplomat")
# Posts too generic to give an untitled person ("at the head of the table", "his counterpart").
GENERIC_POSTS = frozenset({"head", "chief", "director", "counterpart", "counterparts", "adviser",
                           "advisor", "secretary", "minister", "official"})


_HEADLINE_VERB = re.compile(r"(?:Meets|Says|Holds|Calls|Visits|Hosts|Speaks|Talks|Welcomes|Urges|"
                            r"Receives|Tells|Warns|Signs|Travels|Arrives|Discusses)")


@dataclass(frozen=True)
class Mention:
    """One place in the text that points at an official."""

    start: int
    end: int
    official: str
    how: str  # "titled", "name", "title", "pronoun", "first_person"


@dataclass
class _Person:
    tokens: list[str]
    posts: list[tuple[str, Span]] = field(default_factory=list)
    governments: list[str] = field(default_factory=list)
    post_governments: list[str] = field(default_factory=list)
    #: offsets of "his" / "Biden's" owning the post: the official works for the owner's government
    owners: list[int] = field(default_factory=list)
    #: where an untitled person takes part in a contact ("held talks with Vladimir Putin")
    contacts: list[Span] = field(default_factory=list)
    aliases: set[str] = field(default_factory=set)
    #: the gazetteer's entry for this person, when the name is an office-holder's
    holder: OfficeHolder | None = None
    #: where the gazetteer found the name (evidence for an official named without a title)
    named: list[Span] = field(default_factory=list)

    def absorb(self, other: _Person) -> None:
        """Take in what the text says of ``other``, another form of this person's name."""
        self.posts.extend(other.posts)
        self.governments.extend(other.governments)
        self.post_governments.extend(other.post_governments)
        self.owners.extend(other.owners)
        self.contacts.extend(other.contacts)
        self.aliases |= other.aliases
        self.named.extend(other.named)

    @property
    def name(self) -> str:
        return " ".join(self.tokens)


@dataclass(frozen=True)
class Cast:
    """The officials of one article and the mentions that point at them, in text order."""

    officials: tuple[Official, ...]
    mentions: tuple[Mention, ...]
    quote_speakers: dict[tuple[int, int], str]

    def official(self, name: str) -> Official | None:
        """The official called ``name``."""
        return self._by_name.get(name)

    @cached_property
    def _by_name(self) -> dict[str, Official]:
        return {o.name: o for o in self.officials}


def is_title_only(gap: str) -> bool:
    """Whether ``gap`` holds at most a title before a name ("Russian Foreign Minister ").

    >>> is_title_only(" Russian Foreign Minister "), is_title_only(" who met the ")
    (True, False)
    """
    words = gap.split()
    return len(gap) <= 70 and all(w[0].isupper() or w in ("of", "the", "for", "and", "'s")
                                  for w in words if w[0].isalpha())




@dataclass(frozen=True)
class _Patterns:
    owned: re.Pattern
    titled: re.Pattern
    titled_lower: re.Pattern
    appositive: re.Pattern
    title_only: re.Pattern
    government: re.Pattern
    #: "the foreign ministers — A of Turkey, B of Finland and C of Sweden"
    listed: re.Pattern
    listed_item: re.Pattern
    plural_posts: dict[str, str]
    #: after a country: the title of a named person ("South African leader F.W. de Klerk")
    title_ahead: re.Pattern


@lru_cache(maxsize=4)
def _patterns(knowledge: Knowledge) -> _Patterns:
    words = knowledge.words
    gov = alternation(knowledge.government_by_surface)
    post = alternation(knowledge.post_by_surface)
    modifier = alternation(words["modifier"])
    particle = alternation(words["particle"])
    honorific = alternation(words["honorific"])
    domain = alternation(words["domain"])
    name = (
        rf"(?:(?:{honorific})[^\S\n]+)?{_NAME_TOKEN}"
        # "J.Stoltenberg", "A.V.Grushko": no space after initials in some readouts
        rf"(?:(?:[^\S\n]+|-|(?<=\.))(?:(?:{particle})(?:[^\S\n]+|-))*{_NAME_TOKEN}){{0,4}}"
    )
    of_phrase = (
        rf"[^\S\n]+(?:of|for|to)[^\S\n]+(?:the[^\S\n]+)?(?:(?P<ofgov>{gov})\b|"
        rf"(?:[{UPPER}][\w\-]*[^\S\n]+(?:and[^\S\n]+)?){{0,3}}?(?:{domain})\b)"
    )
    # "Russian Deputy Foreign Minister", "Housing Minister": modifiers and portfolio words.
    lead = rf"(?:(?P<gov>{gov})(?:['’]s)?[^\S\n]+)?(?P<mods>(?:(?:{modifier}|{domain})[^\S\n]+)*)"
    titled = re.compile(
        rf"(?<![\w-]){lead}(?P<post>{post})(?P<of>{of_phrase})?(?:,[^\S\n]+|[^\S\n]+)(?P<name>{name})"
    )
    # "the European Union's coordinator for the nuclear negotiations, Enrique Mora"
    titled_lower = re.compile(
        rf"(?<![\w-]){lead}(?P<post>{post})(?P<of>[^\S\n]+(?:of|for|on)[^\S\n]+(?:the[^\S\n]+)?"
        rf"(?:[a-z][\w\-]*[^\S\n]+){{0,3}}[a-z][\w\-]*),[^\S\n]+(?P<name>{name})"
    )
    appositive = re.compile(
        rf"(?P<name>{name}),[^\S\n]+(?:(?:the|a|an)[^\S\n]+)?"
        rf"(?:(?P<gov>{gov})(?:['’]s)?[^\S\n]+|(?P<owner>{_NAME_TOKEN}['’]s)[^\S\n]+)?"
        rf"(?P<mods>(?:(?:{modifier})[^\S\n]+)*)(?P<post>{post})\b(?P<of>{of_phrase})?"
        # "Erdoğan, Finnish President Sauli Niinistö": that title is the next person's.
        rf"(?![^\S\n]+{_NAME_TOKEN})"
        # "the Shangri-La Dialogue, Asia's premier security forum": a post word as an adjective
        rf"(?![^\S\n]+(?!{CLAUSE_WORDS}\b)[a-z]+\b)"
    )
    title_only = re.compile(
        rf"(?:\b[Tt]he[^\S\n]+(?:(?P<gov>{gov})[^\S\n]+)?|(?<![\w-])(?P<owner_gov>{gov})['’]s[^\S\n]+)"
        rf"(?P<mods>(?:(?:{modifier})[^\S\n]+)*)"
        rf"(?P<post>{post}|{alternation(LEADER_WORDS)})\b(?![^\S\n]+{_NAME_TOKEN})"
    )
    # "Japan's chief cabinet secretary, Hirokazu Matsuno", "Russian foreign ministry spokeswoman
    # Maria Zakharova", "Biden's national security adviser, Jake Sullivan", "his spokesman, X":
    # after a government or an owner, up to two words of the post's scope before the post.
    owned = re.compile(
        rf"(?<![\w-])(?:(?P<gov>{gov})(?:['’]s)?|(?P<owner>[Hh]is|[Hh]er|{_NAME_TOKEN}['’]s))"
        rf"[^\S\n]+(?P<mods>(?:[a-z][\w-]*(?:['’]s)?[^\S\n]+){{0,2}})(?P<post>{post})"
        rf"(?P<of>)(?:,[^\S\n]+|[^\S\n]+)(?P<name>{name})"
    )
    government = re.compile(rf"(?<![\w-])(?:{gov}|{alternation(knowledge.government_by_capital)})"
                            rf"(?![\w-])")
    plural_posts = {f"{surface}s": surface for surface in knowledge.post_by_surface
                    if surface[-1:].isalpha() and not surface.endswith("s")}
    listed = re.compile(rf"(?<![\w-])(?P<post>{alternation(plural_posts)})[^\S\n]*[—–:][^\S\n]*")
    listed_item = re.compile(rf"(?P<name>{name})[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?(?P<gov>{gov})\b"
                             rf"(?P<next>[^\S\n]*,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)?")
    title_ahead = re.compile(rf"(?:['’]s)?[^\S\n]+(?:(?:{modifier})[^\S\n]+)*"
                             rf"(?:{post}|{alternation(LEADER_WORDS)})[^\S\n]+{_NAME_TOKEN}")
    return _Patterns(owned, titled, titled_lower, appositive, title_only, government, listed,
                     listed_item, plural_posts, title_ahead)


def find_officials(text: str, knowledge: Knowledge, published: dt.date | None = None) -> Cast:
    """Find the officials in ``text`` and every mention of them (see the module docstring);
    ``published`` places the article in time for the gazetteer of office-holders."""
    patterns = _patterns(knowledge)
    sentences = split_sentences(text)
    people = _People()
    spans: list[tuple[int, int, _Person, str]] = []

    taken: set[int] = set()
    for pattern in (patterns.owned, patterns.titled, patterns.titled_lower, patterns.appositive):
        for match in pattern.finditer(text):
            if pattern is patterns.owned and not match.group("post")[:1].islower():
                continue  # "Kuwait's emir telephoned King Salman": scope words end at the post
            tokens, name_start, name_end = _clean_name(match, knowledge)
            if not tokens:
                continue
            post = knowledge.post_by_surface[match.group("post")].name
            person = _person_for(people, tokens, create=True, post=post)
            _record_post(person, match, knowledge, sentences)
            if name_start not in taken:
                taken.update(range(name_start, name_end))
                spans.append((name_start, name_end, person, "titled"))
    _listed_people(text, people, spans, taken, patterns, knowledge, sentences)
    _acting_people(text, people, spans, taken, knowledge, sentences)
    index = holder_index(knowledge)
    _known_holders(text, published, people, spans, taken, index, sentences, knowledge)
    spans.extend(_name_mentions(text, people, spans, knowledge))
    spans.extend(_nickname_mentions(text, spans))
    spans.sort(key=lambda item: item[0])
    for person in people:
        # English writes monarchs with their style ("King Salman", "King Abdullah II").
        style = person.posts[0][0] if person.posts else None
        if style in ROYAL_STYLES and person.tokens[0] != style and person.holder is None:
            person.tokens = [style] + person.tokens
    spans = _united_by_holder(people, spans, published, index)
    mentions = [Mention(s, e, p.name, how) for s, e, p, how in spans]
    for s, e, person, _ in spans:
        person.aliases.add(text[s:e])
    mentions = _resolve_coreference(text, sentences, people, mentions, patterns, knowledge)
    quote_speakers = _quote_speakers(text, mentions)
    mentions = _resolve_first_person(text, mentions, quote_speakers)
    officials_ = [p for p in people if p.posts or p.contacts or _in_office(p, published)]
    governments = _assign_governments(officials_, text, sentences, mentions, quote_speakers,
                                      patterns, knowledge, published)
    _resolve_counterparts(officials_, sentences, mentions)
    first_named: dict[int, int] = {}
    for start, _, person, _ in sorted(spans, key=lambda item: item[0]):
        first_named.setdefault(id(person), start)
    # Reported in the order the text first names them.
    officials_.sort(key=lambda p: first_named.get(id(p), len(text)))
    officials = tuple(_to_official(p, governments[p.name], published) for p in officials_)
    names = {o.name for o in officials}
    mentions = [m for m in mentions if m.official in names]
    return Cast(officials, tuple(mentions), {k: v for k, v in quote_speakers.items() if v in names})


def _clean_name(match: re.Match, knowledge: Knowledge) -> tuple[list[str], int, int]:
    """The tokens of the name group, cut at the first word that cannot be part of a name."""
    words = knowledge.words
    raw = match.group("name")
    start = match.start("name")
    tokens: list[str] = []
    end = start
    for token_match in re.finditer(r"(?:[A-Z]\.)+(?=[A-Z][a-z])|[^\s]+", raw):
        token = token_match.group()
        if tokens and (token in words["stop"] or token in knowledge.government_by_surface
                       or token in knowledge.post_by_surface or token in words["domain"]
                       or _HEADLINE_VERB.fullmatch(token)):
            break  # "Secretary Blinken Meets South African…": a headline's verb ends the name
        leading_title = (not tokens and token in knowledge.post_by_surface and token[0].isupper()
                         and token_match.end() < len(raw))
        if not tokens and not leading_title and (
                token in words["stop"] or token in knowledge.government_by_surface
                or token in knowledge.post_by_surface or token in words["domain"]):
            return [], start, start
        if token in words["honorific"] or leading_title:
            # "Mr. X", and "Sheikh Tamim" after "Qatar's emir,": a title is no part of the name.
            start = start + token_match.end()
            while start < len(match.string) and match.string[start] == " ":
                start += 1
            continue
        tokens.append(token)
        end = match.start("name") + token_match.end()
    # Hyphenated particles ("al-Sisi") stay one token; trailing possessives are dropped.
    if tokens:
        tokens[-1] = re.sub(r"['’]s$", "", tokens[-1])
        end = start + len(" ".join(tokens)) if match.string[start:end].count(" ") == len(tokens) - 1 else end
    return tokens, start, end


def _content_tokens(tokens: list[str], knowledge: Knowledge) -> list[str]:
    return [normalise_name(t) for t in tokens
            if t not in knowledge.words["particle"] and not re.fullmatch(r"[A-Z]\.", t)]


class _People(list):
    """The people of an article, indexed by name word: looking a name up costs the people who
    share a word with it, not everyone named so far (a dense article names thousands)."""

    def __init__(self) -> None:
        super().__init__()
        self.by_word: dict[str, dict[int, _Person]] = {}
        self.order: dict[int, int] = {}

    def append(self, person: _Person) -> None:
        super().append(person)
        self.order[id(person)] = len(self.order)
        self.index(person)

    def index(self, person: _Person) -> None:
        """Register ``person`` under each word of their (possibly new) name."""
        for token in person.tokens:
            self.by_word.setdefault(normalise_name(token), {})[id(person)] = person

    def sharing(self, key: list[str]) -> list[_Person]:
        """The people whose name shares a word with ``key``, latest first."""
        found = {pid: p for word in key for pid, p in self.by_word.get(word, {}).items()}
        return sorted(found.values(), key=lambda p: self.order[id(p)], reverse=True)


def _person_for(people: list[_Person], tokens: list[str], create: bool,
                post: str | None = None) -> _Person | None:
    """The person these name tokens name: equal names, or one name contained in the other; of
    several, the one holding ``post`` ("King Salman" is the king, not Bahrain's Salman bin Hamad)."""
    key = [normalise_name(t) for t in tokens if not re.fullmatch(r"[A-Z]\.", t)]
    candidates = []
    for person in people.sharing(key) if isinstance(people, _People) else reversed(people):
        other = [normalise_name(t) for t in person.tokens if not re.fullmatch(r"[A-Z]\.", t)]
        if len(key) == 1 and key[0] in other and other.index(key[0]) > 0 and \
                other[other.index(key[0]) - 1] in PATRONYMIC:
            continue  # "Salman" is not "Mohammed bin Salman": after "bin" stands the father
        if _contains(other, key) or (create and _contains(key, other)):
            candidates.append((person, other))
    if post in ROYAL_STYLES and len(key) == 1:
        # "King Salman" is not Crown Prince Salman bin Hamad: a given name under another post.
        candidates = [(p, o) for p, o in candidates if o[-1] == key[0] or not p.posts
                      or any(post in held or held in post for held, _ in p.posts)]
    if candidates:
        person, other = next(((p, o) for p, o in candidates
                              if post and any(post in held for held, _ in p.posts)), candidates[0])
        if create and len(key) > len(other):
            person.tokens = list(tokens)
            if isinstance(people, _People):
                people.index(person)
        return person
    if not create:
        return None
    person = _Person(list(tokens))
    people.append(person)
    return person


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return n > 0 and any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def _title_case(words: str) -> str:
    """
    >>> _title_case("minister of foreign affairs")
    'Minister of Foreign Affairs'
    """
    small = {"of", "for", "the", "and", "on"}
    return " ".join(w if w in small or w[:1].isupper() else w[:1].upper() + w[1:]
                    for w in words.split())


def _record_post(person: _Person, match: re.Match, knowledge: Knowledge,
                 sentences: list[Sentence]) -> None:
    groups = match.groupdict()
    surface = groups["post"]
    post = knowledge.post_by_surface[surface]
    mods = " ".join(_title_case(m) for m in (groups.get("mods") or "").split()
                    if m.lower() not in {"former", "then", "new", "newly", "incoming", "outgoing",
                                          "top", "elected", "the", "a", "an"})
    if post.name == "Spokesperson":
        # Whose spokesperson is said apart ("Spokesman, Ministry of External Affairs").
        mods = ""
    of = groups.get("of") or ""
    ofgov = groups.get("ofgov")
    # The post as the text gives it ("Spokeswoman", "Minister of Foreign Affairs"), title-cased;
    # abbreviations ("FM", "PM") take the post's full name.
    written = post.name if surface.isupper() and len(surface) <= 3 else _title_case(surface)
    if of and not ofgov:
        normalised = f"{mods} {written}{of}".strip()
    else:
        normalised = f"{mods} {written}".strip()
    sentence = sentence_at(sentences, match.start())
    evidence = Span(match.start(), match.end(), match.group(), sentence.text if sentence else None)
    person.posts.append((normalised, evidence))
    for government in (groups.get("gov"), groups.get("owner_gov"), ofgov):
        if government:
            person.governments.append(knowledge.government_by_surface[government])
    if groups.get("owner"):
        person.owners.append(match.start("owner"))
    # "deputy head of Zelensky's office": the office's owner is whom the official works for.
    office = OFFICE_OWNER.match(match.string, match.end())
    if office:
        person.owners.append(office.start("owner"))
    if post.default_government:
        person.post_governments.append(post.default_government)


def _name_mentions(text, people, spans, knowledge) -> list[tuple[int, int, _Person, str]]:
    """Untitled mentions of known people: any run of name words that is part of a known name."""
    found = []
    particle = alternation(knowledge.words["particle"])
    run = re.compile(rf"{_NAME_TOKEN}(?:(?:[^\S\n]+|-)(?:(?:{particle})(?:[^\S\n]+|-))*{_NAME_TOKEN})*")
    titled = sorted((s, e) for s, e, _, _ in spans)
    starts = [s for s, _ in titled]
    index = _token_index(people)
    for match in run.finditer(text):
        i = bisect.bisect_left(starts, match.end())
        if i and titled[i - 1][1] > match.start():
            continue
        tokens = [re.sub(r"['’]s$", "", t) for t in match.group().split()]
        # The run may carry extra capitalised words ("Blinken State Department"): try every
        # contiguous sub-run, longest first, that names a known person.
        for size in range(len(tokens), 0, -1):
            hit = None
            for i in range(len(tokens) - size + 1):
                sub = tokens[i : i + size]
                if all(t in knowledge.words["stop"] or t in knowledge.government_by_surface
                       or t in knowledge.words["particle"] for t in sub):
                    continue
                person = _person_for(index.get(normalise_name(sub[0]), []), sub, create=False)
                if person is not None:
                    start = match.start() + len(" ".join(tokens[:i])) + (1 if i else 0)
                    hit = (start, start + len(" ".join(sub)), person, "name")
                    break
            if hit:
                found.append(hit)
                break
    return found


KNOWN_AS = re.compile(rf",?\s*\(?(?:(?:widely|better|popularly|commonly|also|universally)\s+)?"
                      rf"(?:known|referred to)\s+as\s+[“\"]?(?P<nickname>{_NAME_TOKEN})")


def _nickname_mentions(text, spans) -> list[tuple[int, int, _Person, str]]:
    """Mentions by a nickname the text introduces ("Joko Widodo, widely known as Jokowi").

    >>> people = [_Person(["Joko", "Widodo"], posts=[("President", None)])]
    >>> text = "Joko Widodo, widely known as Jokowi, arrived. Jokowi met Putin."
    >>> [(s, e, p.name) for s, e, p, _ in _nickname_mentions(text, [(0, 11, people[0], "titled")])]
    [(29, 35, 'Joko Widodo'), (46, 52, 'Joko Widodo')]
    """
    nicknames: dict[str, _Person] = {}
    for _, end, person, _ in spans:
        match = KNOWN_AS.match(text, end)
        if match and match.group("nickname") not in person.tokens:
            nicknames.setdefault(match.group("nickname"), person)
    if not nicknames:
        return []
    taken = sorted((s, e) for s, e, _, _ in spans)
    found = []
    for match in re.finditer(rf"(?<![\w-])(?:{alternation(nicknames)})(?![\w-])", text):
        if not any(s <= match.start() < e for s, e in taken):
            found.append((match.start(), match.end(), nicknames[match.group()], "name"))
    return found


def _token_index(people: list[_Person]) -> dict[str, list[_Person]]:
    """Each name word -> the people whose name holds it (a name is looked up by its first word)."""
    index: dict[str, list[_Person]] = {}
    for person in people:
        for token in person.tokens:
            index.setdefault(normalise_name(token), []).append(person)
    return index


def _starts(mentions: list[Mention]) -> list[int]:
    return [m.start for m in mentions]


def _between(mentions: list[Mention], starts: list[int], begin: int, end: int) -> list[Mention]:
    """The mentions (sorted by start) that start in [begin, end)."""
    return mentions[bisect.bisect_left(starts, begin) : bisect.bisect_left(starts, end)]


OTHER_PARTY_GAP = re.compile(r"\b(?:with|to|from|and|by|him|her|them|met|meet)\b", re.IGNORECASE)


def _resolve_coreference(text, sentences, people, mentions, patterns, knowledge) -> list[Mention]:
    """Add title-only and pronoun mentions, each resolved to the most salient fitting official."""
    by_name = {p.name: p for p in people}
    extra: list[Mention] = []
    starts = _starts(mentions)
    for match in patterns.title_only.finditer(text):
        before = mentions[: bisect.bisect_left(starts, match.start())]
        if before and re.fullmatch(r",\s*", text[before[-1].end : match.start()]):
            continue  # an apposition ("Wang Yi, China's foreign minister") titles its name
        post_word = match.group("post").lower()
        government = knowledge.government_by_surface.get(match.group("gov") or match.group("owner_gov")
                                                          or "")
        target = None
        sentence = sentence_at(sentences, match.start())
        for mention in reversed(before[-200:]):
            person = by_name[mention.official]
            fits_post = post_word in LEADER_WORDS or any(
                post_word in p.lower() or p.lower() in post_word for p, _ in person.posts
            )
            # "President Vladimir Putin at the Kremlin, across the Russian leader's table": an
            # official of no known government in the same sentence takes the title's.
            # Not across an exchange ("Macron briefed him on his talks with the Kremlin leader").
            unplaced_here = (not person.governments and sentence is not None
                             and mention.start >= sentence.start and mention.how != "pronoun"
                             and not OTHER_PARTY_GAP.search(text, mention.end, match.start())
                             and match.start() - mention.end <= 60)
            fits_government = government is None or government in person.governments
            if fits_post and (fits_government or unplaced_here):
                target = person
                if not fits_government:
                    person.governments.append(government)
                break
        if target is not None and post_word not in LEADER_WORDS:
            # Of two crown princes, "the crown prince" is the one the article is about: the
            # fitting official named most often so far, the latest of equals.
            counts = Counter(m.official for m in before if m.how in ("titled", "name"))
            rivals = [by_name[name] for name in counts if by_name[name] is not target
                      and any(post_word in p.lower() for p, _ in by_name[name].posts)
                      and (government is None or government in by_name[name].governments)]
            best = max(rivals, key=lambda p: counts[p.name], default=None)
            if best is not None and counts[best.name] > counts[target.name]:
                target = best
        if target is None:
            if post_word in GENERIC_POSTS:
                continue
            target = _untitled_for(match, before, by_name, sentences, government)
            if target is None:
                continue
            # "Turkey's foreign minister had brought…" gives the untitled Çavuşoğlu his post.
            if post_word not in LEADER_WORDS:
                _record_post(target, match, knowledge, sentences)
            elif government:
                target.governments.append(government)
        extra.append(Mention(match.start(), match.end(), target.name, "title"))
    combined = sorted(mentions + extra, key=lambda m: m.start)
    starts = _starts(combined)
    genders = _genders(text, sentences, combined, starts)
    pronouns: list[Mention] = []
    # The officials of each recent sentence (pronouns included), subject first: a pronoun with
    # no antecedent in its own sentence points at the subject of the sentences before.
    recent: list[tuple[int, list[str]]] = []
    for number, sentence in enumerate(sentences):
        named = _between(combined, starts, sentence.start, sentence.end)
        found: list[Mention] = []
        for match in PRONOUNS.finditer(sentence.text):
            start = sentence.start + match.start()
            gender = "f" if match.group().lower() in ("she", "her") else "m"
            # "Mrs May … he": a pronoun only points at an official of its gender (or unknown).
            same = [m for m in named if m.start < start and genders.get(m.official, gender) == gender]
            # "X was received by Y and gave him…": an object pronoun is not its clause's subject.
            others = [m for m in same if m.official != same[0].official]
            window = [name for n, names in reversed(recent[-3:]) if number - n <= 3
                      for name in names if genders.get(name, gender) == gender]
            # Most officials in the news are men: "she" goes first to a woman the text has shown.
            earlier = next((name for name in window if gender == "f" and genders.get(name) == "f"),
                           window[0] if window else None)
            # "In his address to the conference, Mr Olmert told…": a possessive in a fronted
            # phrase points forward to the subject after its comma.
            fronted = not same and match.group().lower() in ("his", "her") and _fronted_subject(
                sentence, start, named, genders, gender)
            if fronted:
                target = fronted
            elif same and match.group().lower() == "him" and others:
                target = others[-1].official
            elif same:
                target = same[0].official
            elif earlier:
                target = earlier
            else:
                continue
            found.append(Mention(start, start + len(match.group()), target, "pronoun"))
        here = sorted(named + found, key=lambda m: m.start)
        if here:
            recent.append((number, list(dict.fromkeys(m.official for m in here))))
        pronouns.extend(found)
    return sorted(combined + pronouns, key=lambda m: m.start)


def _fronted_subject(sentence, start: int, named: list[Mention], genders, gender) -> str | None:
    """The subject right after the comma of a sentence-opening phrase holding ``start``, when
    it is named and of the pronoun's gender."""
    comma = sentence.text.find(",", start - sentence.start)
    if comma < 0 or comma > 80 or "," in sentence.text[: start - sentence.start]:
        return None
    after = [m for m in named if m.start >= sentence.start + comma and m.how in ("titled", "name")]
    if after and after[0].start - (sentence.start + comma) <= 40 and \
            genders.get(after[0].official, gender) == gender:
        return after[0].official
    return None


FEMININE_BEFORE = re.compile(r"\b(?:Mrs|Ms|Mme|Madame|Madam|Queen|Lady|Dame|Baroness|Princess)\.?\s+$")
MASCULINE_BEFORE = re.compile(r"\b(?:Mr|M|King|Sir|Lord|Monsieur|Prince|Sheikh|Emir|Sultan)\.?\s+$")


def _genders(text, sentences, mentions: list[Mention], starts: list[int]) -> dict[str, str]:
    """What the text says of each official's gender ("f" or "m"): a gendered honorific or
    style before their name ("Mrs May", "King Salman"), or the pronouns that follow them in
    sentences naming nobody else ("Merkel said she…"), when those all agree."""
    votes: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.how in ("titled", "name"):
            before = text[max(0, mention.start - 12) : mention.start]
            if FEMININE_BEFORE.search(before):
                votes.setdefault(mention.official, set()).add("f")
            elif MASCULINE_BEFORE.search(before):
                votes.setdefault(mention.official, set()).add("m")
    for sentence in sentences:
        named = {m.official for m in _between(mentions, starts, sentence.start, sentence.end)}
        if len(named) != 1:
            continue
        official = next(iter(named))
        first = _between(mentions, starts, sentence.start, sentence.end)[0].end - sentence.start
        for match in PRONOUNS.finditer(sentence.text, first):
            votes.setdefault(official, set()).add(
                "f" if match.group().lower() in ("she", "her") else "m")
    return {name: next(iter(found)) for name, found in votes.items() if len(found) == 1}


def _untitled_for(match: re.Match, before: list[Mention], by_name: dict[str, _Person],
                  sentences: list[Sentence], government: str | None) -> _Person | None:
    """The untitled person a title-only mention introduces a post for: in its own sentence the
    first one named (the subject), else the last one named in the two sentences before."""
    sentence = sentence_at(sentences, match.start())
    if sentence is None:
        return None
    window_start = sentences[max(0, sentence.number - 2)].start
    fitting = [m for m in before if m.start >= window_start and m.how in ("titled", "name")
               and not by_name[m.official].posts
               and (not by_name[m.official].governments or government in by_name[m.official].governments)
               and _may_hold(by_name[m.official].holder, match.group("post"), government)]
    # "he had handed Putin a message from the Ukrainian president": the title names the other
    # party of an exchange, not the one named before it.
    last = before[-1] if before else None
    if last and match.start() - last.end <= 40 and OTHER_PARTY_GAP.search(
            match.string, last.end, match.start()):
        fitting = [m for m in fitting if m.official != last.official]
    own = [m for m in fitting if m.start >= sentence.start]
    chosen = own[0] if own else fitting[-1] if fitting else None
    return by_name[chosen.official] if chosen else None


def _may_hold(holder: OfficeHolder | None, post_word: str, government: str | None) -> bool:
    """Whether a title can name an office-holder the gazetteer knows: of their government, and
    (unless the title is a leader word) a post they held."""
    if holder is None:
        return True
    if government and all(term.government != government for term in holder.terms):
        return False
    return post_word.lower() in LEADER_WORDS or any(
        post_word.lower() in term.post.lower() or term.post.lower() in post_word.lower()
        for term in holder.terms)


def _quote_speakers(text: str, mentions: list[Mention]) -> dict[tuple[int, int], str]:
    """Who said each quotation: the official named or pronoun right after or before it."""
    speakers: dict[tuple[int, int], str] = {}
    after = re.compile(rf"^[,.!?]?\s*(?:[\"”’]\s*)?(?:(?:{SPEECH_VERBS})[^\S\n]+)?")
    starts = _starts(mentions)
    for start, end in find_quotes(text):
        tail = text[end : end + 80]
        lead = after.match(tail)
        position = end + (lead.end() if lead else 0)
        candidates = [m for m in _between(mentions, starts, position, position + 80)
                      if is_title_only(text[position : m.start])][:1]
        if candidates and re.search(rf"\b(?:{SPEECH_VERBS})\b", text[end : candidates[0].end + 25]):
            speaker = candidates[0]
            # "…," he added: the pronoun continues the previous quotation's speaker.
            previous = [who for (s, e), who in list(speakers.items())[-3:] if 0 < start - e < 600]
            speakers[(start, end)] = (
                previous[-1] if speaker.how == "pronoun" and previous else speaker.official
            )
            continue
        head = text[max(0, start - 120) : start]
        said = re.search(rf"(?:{SPEECH_VERBS})[^.\"“”]{{0,40}}[:,]?\s*$", head)
        if said:
            window_start = max(0, start - 120) + said.start()
            before = _between(mentions, starts, window_start - 80, window_start)
            if before:
                speakers[(start, end)] = before[-1].official
    return speakers


def _resolve_first_person(text, mentions, quote_speakers) -> list[Mention]:
    extra = []
    for (start, end), speaker in quote_speakers.items():
        for match in FIRST_PERSON.finditer(text, start, end):
            extra.append(Mention(match.start(), match.end(), speaker, "first_person"))
    return sorted(mentions + extra, key=lambda m: m.start)


def _assign_governments(people, text, sentences, mentions, quote_speakers, patterns,
                        knowledge, published=None) -> dict[str, str | None]:
    """The government each official represents, from the strongest signal the text gives.

    In order: the government an office-holder served on the publication day (the gazetteer);
    a government or demonym attached to a post; the default government of a post that
    only one government has ("Secretary of State"); the speaker's own government when a quotation
    names the official ("on behalf of President Biden"); else the government the article mentions
    most, leaving out those of the officials named beside this one (their counterparts).
    """
    chosen: dict[str, str | None] = {}
    for person in people:
        term = person.holder.term_on(published) if person.holder else None
        if term is not None and (published is None or term.covers(published)
                                 or not person.governments):
            # In office, the gazetteer knows best; out of office, the text's title does.
            chosen[person.name] = term.government
        elif person.governments:
            chosen[person.name] = Counter(person.governments).most_common(1)[0][0]
        elif person.post_governments:
            chosen[person.name] = person.post_governments[0]
    salience: Counter = Counter()
    uses: dict[bool, set[str]] = {True: set(), False: set()}
    for m in patterns.government.finditer(text):
        government = (knowledge.government_by_surface.get(m.group())
                      or knowledge.government_by_capital[m.group()])
        salience[government] += 1
        uses[bool(patterns.title_ahead.match(text, m.end()))].add(government)
    titling = uses[True] - uses[False]  # only ever in someone's title ("South African leader X")
    starts = _starts(mentions)
    # Who is named beside whom: each official's neighbours over the sentences naming them.
    beside_of: dict[str, set[str]] = {}
    for s in sentences:
        names = {m.official for m in _between(mentions, starts, s.start, s.end)}
        for name in names:
            beside_of.setdefault(name, set()).update(names - {name})
    quoted: dict[str, list[str]] = {}
    for (start, end), speaker in quote_speakers.items():
        for mention in _between(mentions, starts, start, end):
            if mention.official != speaker:
                quoted.setdefault(mention.official, []).append(speaker)
    for person in people:
        for offset in person.owners:
            owner = _between(mentions, starts, offset, offset + 1)
            if person.name not in chosen and owner and chosen.get(owner[0].official):
                chosen[person.name] = chosen[owner[0].official]
    # "…and the national security adviser, John R. Bolton, on the American side": the side an
    # official sits on is their government.
    for mention in mentions:
        side = SIDE_AFTER.match(text, mention.end) if mention.how in ("titled", "name") else None
        government = side and knowledge.government_by_surface.get(side.group("gov"))
        if government and mention.official not in chosen:
            chosen[mention.official] = government
    for person in people:
        if person.name in chosen:
            continue
        from_quote = [chosen.get(speaker) for speaker in quoted.get(person.name, [])]
        from_quote = [g for g in from_quote if g]
        if from_quote:
            chosen[person.name] = from_quote[0]
            continue
        beside = {chosen.get(n) for n in beside_of.get(person.name, ())}
        # A country, demonym or capital in the sentence that introduces the official and that no
        # official beside them holds ("in Paris, the Élysée said President Emmanuel Macron").
        first = (person.posts or person.contacts and [(None, person.contacts[0])]
                 or [(None, person.named[0])])[0][1]
        sentence = sentence_at(sentences, first.start)
        if sentence is not None:
            local = [(abs(m.start() + sentence.start - first.start),
                      knowledge.government_by_surface.get(m.group())
                      or knowledge.government_by_capital.get(m.group()))
                     for m in patterns.government.finditer(sentence.text)
                     if not _not_affiliation(sentence.text, m)
                     and not _titles_another(text, sentence.start + m.end(), person.name,
                                             mentions, starts)
                     and not (sentence.start + m.start() != first.start
                              and patterns.title_ahead.match(sentence.text, m.end()))]
            local = sorted((d, g) for d, g in local if g and g not in beside)
            if local:
                chosen[person.name] = local[0][1]
                continue
        ranked = [g for g, _ in salience.most_common() if g not in beside and g not in titling]
        chosen[person.name] = ranked[0] if ranked else None
    return chosen


SIDE_AFTER = re.compile(r"['’]?,?[^\S\n]+(?:for|on)[^\S\n]+the[^\S\n]+(?P<gov>[A-Z][\w’'-]+(?:[^\S\n]+"
                        r"[A-Z][\w’'-]+)?)[^\S\n]+(?:side|delegation|team)\b")
OTHER_SIDE_AFTER = re.compile(r"\s+(?:side|sides|delegation|delegations|team|officials|leaders|"
                              r"counterparts?|delegates|negotiators|diplomats|speakers?|"
                              r"language)\b|-speaking\b")


def _not_affiliation(sentence: str, match: re.Match) -> bool:
    """Whether a country named in a sentence stands for another party, not for what an official
    there represents ("the Chinese side had sought a call on Prime Minister Narendra Modi").

    >>> import re
    >>> text = "The Chinese side asked"
    >>> _not_affiliation(text, re.search("Chinese", text))
    True
    """
    return OTHER_SIDE_AFTER.match(sentence, match.end()) is not None


def _titles_another(text: str, end: int, name: str, mentions: list[Mention],
                    starts: list[int]) -> bool:
    """Whether the country ending at ``end`` opens the title of another official ("…between
    President Erdoğan, Finnish President Sauli Niinistö…": Finnish is Niinistö's)."""
    following = _between(mentions, starts, end, end + 70)[:1]
    return bool(following) and following[0].official != name and \
        is_title_only(text[end : following[0].start])


def _resolve_counterparts(people: list[_Person], sentences, mentions: list[Mention]) -> None:
    """"his Japanese counterpart Fumio Kishida" holds the post of the official whose counterpart
    he is: the first other official named earlier in the sentence."""
    by_name = {p.name: p for p in people}
    starts = _starts(mentions)
    for person in people:
        for index, (post, span) in enumerate(person.posts):
            if post.split()[-1] not in ("Counterpart", "Counterparts"):
                continue
            sentence = sentence_at(sentences, span.start)
            if sentence is None:
                continue
            for mention in _between(mentions, starts, sentence.start, span.start):
                other = by_name.get(mention.official)
                if other and other is not person and other.posts and \
                        "Counterpart" not in other.posts[0][0]:
                    person.posts[index] = (other.posts[0][0], span)
                    break


def _to_official(person: _Person, government: str | None, published: dt.date | None) -> Official:
    term = person.holder.term_on(published) if person.holder else None
    held = term.post if term is not None and published and term.covers(published) else None
    return Official(
        name=person.name,
        aliases=tuple(sorted(a for a in person.aliases if a != person.name)),
        post=person.posts[0][0] if person.posts else held,
        government=government,
        evidence=(tuple(span for _, span in person.posts) or tuple(person.contacts[:1])
                  or tuple(person.named[:1])),
    )


def _in_office(person: _Person, published: dt.date | None) -> bool:
    """Whether the gazetteer has ``person`` in office on the publication day."""
    term = person.holder.term_on(published) if person.holder and published else None
    return term is not None and term.covers(published)


def _known_holders(text, published, people, spans, taken, index: HolderIndex, sentences,
                   knowledge) -> None:
    """Office-holders the text names without a title ("Lula received him", "Mr. Putin")."""
    ordinary = set(re.findall(r"(?<![\w-])[a-z][\w'’-]*", text))
    words = knowledge.words

    def name_word(token: str) -> bool:
        return not (token in words["honorific"] or token in words["stop"]
                    or token in words["modifier"] or token in words["domain"]
                    or token in knowledge.post_by_surface or token in title_words
                    or re.sub(r"['’]s$", "", token) in knowledge.government_by_surface)

    title_words = _acting_patterns(knowledge)[3]
    for start, end, holder in holder_mentions(text, published, index, ordinary, name_word):
        if start in taken or end - 1 in taken:
            continue
        person = _holder_person(people, text[start:end].split(), holder, published, index)
        sentence = sentence_at(sentences, start)
        person.named.append(Span(start, end, text[start:end], sentence.text if sentence else None))
        taken.update(range(start, end))
        spans.append((start, end, person, "name"))


def _holder_person(people: list[_Person], tokens: list[str], holder: OfficeHolder,
                   published: dt.date | None, index: HolderIndex) -> _Person:
    """The person a holder's name points at: the one already known as that holder, else a
    person the name fits, else a new one. A namesake the text names in full stays apart
    ("Castro" in 2016 is Raúl, even after a mention of Fidel Castro)."""
    known = next((p for p in people if p.holder is holder), None) or next(
        (p for p in people if p.holder is None and len(p.tokens) > 1 and is_name_of(p.tokens, holder)),
        None)
    if known is not None:
        return known
    if len(tokens) == 1:
        # "Jaafari" after the text introduced Bashar al-Jaafari, whom the gazetteer does not
        # know: the article's own namesake, not the gazetteer's Ibrahim al-Jaafari.
        surname = name_key(tokens)
        namesake = next((p for p in reversed(people) if len(p.tokens) > 1
                         and name_key(p.tokens).split()[-1:] == [surname]
                         and identify(p.tokens, published, index) is None), None)
        if namesake is not None:
            return namesake
    person = _person_for(people, tokens, create=False)
    if person is not None and person.holder is None and _fits(person, holder):
        person.holder = holder
        return person
    person = _Person(list(tokens), holder=holder)
    people.append(person)
    return person


def _fits(person: _Person, holder: OfficeHolder) -> bool:
    """Whether the gazetteer's ``holder`` can be ``person``: a longer name the text gives is the
    holder's, and a surname alone needs no post the holder never held."""
    if len(person.tokens) > 1:
        return is_name_of(person.tokens, holder)
    posts = {post for post, _ in person.posts if post not in ("Counterpart", "Counterparts")}
    return not posts or any(term.post in posts for term in holder.terms)


def _written_name(person: _Person, other_forms: list[list[str]]) -> list[str]:
    """An office-holder's name as the article writes it in full ("Abdel Fattah al-Sisi"), the
    gazetteer's when the article writes that too or only a surname ("Putin")."""
    forms = [person.tokens, *other_forms]
    canonical = person.holder.name.split()

    def spelling(form):  # particles and styles count: "al-Sisi" is no "el-Sisi", "King Abdullah II"
        return [w for w in normalise_name(" ".join(form)).split() if len(w) > 1 and w != "jr"]

    if any(spelling(form) == spelling(canonical) or spelling(family_last(form)) == spelling(canonical)
           for form in forms):
        return canonical
    # A formal form with initials the gazetteer knows ("Joseph R. Biden") stands for the usual
    # name ("Joe Biden"); a spelling of the article's own ("Zelensky", "al-Sisi") is kept.
    known = [spelling(written.split()) for written in person.holder.aliases if " " in written]
    if any(spelling(form) in known and any(re.fullmatch(r"[A-Z]\.", t) for t in form)
           for form in forms):
        return canonical
    # "J. Stoltenberg", "A.V. Grushko": initials of the usual name's given names
    if any(len(form) > 1 and all(re.fullmatch(r"(?:[A-Z]\.)+", t) for t in form[:-1])
           and normalise_name(form[-1]) == normalise_name(canonical[-1])
           and "".join(form[:-1]).replace(".", "")[:1] == canonical[0][:1] for form in forms):
        return canonical
    full = [form for form in forms if len(form) > 1]
    return max(full, key=len) if full else canonical


def _united_by_holder(people, spans, published, index: HolderIndex):
    """Every form of an office-holder's name as one person under the gazetteer's name
    ("Joseph R. Biden Jr." and "Joe Biden"); returns the spans pointing at the survivors."""
    for person in people:
        if person.holder is None:
            holder = identify(person.tokens, published, index)
            if (holder is None or not _fits(person, holder)) and len(person.tokens) == 1:
                # "Crown Prince Abdullah", "King Abdullah": the style makes the name
                holder = next(filter(None, (identify([*post.split(), *person.tokens], published,
                                                     index) for post, _ in person.posts)), None)
            if holder is not None and _fits(person, holder):
                person.holder = holder
    survivor: dict[int, _Person] = {}
    first_of: dict[str, _Person] = {}
    absorbed: dict[int, list[list[str]]] = {}
    kept = []
    for person in people:
        if person.holder is None:
            kept.append(person)
            continue
        first = first_of.setdefault(person.holder.name, person)
        survivor[id(person)] = first
        if first is person:
            kept.append(person)
        else:
            first.absorb(person)
            absorbed.setdefault(id(first), []).append(person.tokens)
    for person in kept:
        if person.holder is not None:
            person.tokens = _written_name(person, absorbed.get(id(person), []))
    people[:] = kept
    return [(s, e, survivor.get(id(p), p), how) for s, e, p, how in spans]


def _listed_people(text, people, spans, taken, patterns, knowledge, sentences) -> None:
    """Officials listed after a plural post, each with their country ("the three countries'
    foreign ministers — Mevlüt Çavuşoğlu of Turkey, Pekka Haavisto of Finland and Ann Linde of
    Sweden")."""
    for listing in patterns.listed.finditer(text):
        surface = patterns.plural_posts[listing.group("post")]
        position = listing.end()
        while item := patterns.listed_item.match(text, position):
            tokens, name_start, name_end = _clean_name(item, knowledge)
            if not tokens or name_start in taken:
                break
            person = _person_for(people, tokens, create=True)
            post = knowledge.post_by_surface[surface]
            sentence = sentence_at(sentences, item.start())
            written = post.name if surface.isupper() else _title_case(surface)
            person.posts.append((written, Span(item.start(), item.end("gov"),
                                               text[item.start():item.end("gov")],
                                               sentence.text if sentence else None)))
            person.governments.append(knowledge.government_by_surface[item.group("gov")])
            taken.update(range(name_start, name_end))
            spans.append((name_start, name_end, person, "titled"))
            if not item.group("next"):
                break
            position = item.end()


# What an official does in the news: the verbs that make an untitled name an actor.
ACTION_VERBS = (
    SPEECH_VERBS + r"|met|meets|meet|spoke|speaks|phoned|telephoned|called|visited|visits|received|"
    r"hosted|welcomed|held|holds|wrote|announced|described|accused|rejected|urged|thanked|confirmed|"
    r"signed|travell?ed|arrived|reached|flew|chaired|convened|attended|invited|congratulated|"
    r"condemned|called for|pledged|promised|vowed|told|addressed|briefed|discussed|agreed"
)
# Where an untitled name is the other party of a contact ("talks with Vladimir Putin").
CONTACT_BEFORE = re.compile(
    r"(?:(?<!interview )(?<!interviews )\b(?:with|met|meet|meeting|meets|received by|hosted by|"
    r"welcomed by|greeted by|called|"
    r"phoned|telephoned|between|visit(?:ed)?|letter to|message to)|['’]s guest)[^\S\n]+$")
AUXILIARIES = (r"(?:(?:has|had|have|also|later|then|once|already|himself|herself|again|on \w+|"
               r"will|would|could|might|may|did|does|is|was|not|never)[^\S\n]+)*")


def _acting_people(text, people, spans, taken, knowledge, sentences) -> None:
    """People named without a title who act like officials: they speak, meet, call or visit
    ("Sergey Lavrov met…", "talks with Vladimir Putin", "Dmitry Peskov, Putin's spokesman, said").

    A name counts when it has at least two words none of which names a place, an organisation, a
    post or a day, and when no private role stands beside it: journalists and analysts speak too
    ("Mustafa Aydın, who teaches international relations, said").
    """
    words = knowledge.words
    run, private, acts_after, title_words = _acting_patterns(knowledge)
    # Where each word of the text stands, for its lower-case use and its uses as a surname.
    places_of: dict[str, list[tuple[int, int]]] = {}
    for word in re.finditer(r"[\w’'-]+", text):
        places_of.setdefault(word.group(), []).append(word.span())
    for match in run.finditer(text):
        tokens = match.group().split()
        start = match.start()
        # A capitalised word that opens a sentence ("When Sergey Lavrov") is no part of the name,
        # nor is the government that owns it ("Australia's Penny Wong"); an ordinary word is one
        # the text also writes in lower case.
        owner = None
        while tokens and (tokens[0] in words["stop"] or tokens[0] in words["honorific"]
                          or (tokens[0].lower() != tokens[0] and tokens[0].lower() in places_of)
                          or re.sub(r"['’]s$", "", tokens[0]) in knowledge.government_by_surface):
            owner = knowledge.government_by_surface.get(re.sub(r"['’]s$", "", tokens[0]), owner)
            start += len(tokens[0]) + 1
            tokens = tokens[1:]
        tokens[-1:] = [re.sub(r"['’]s$", "", t) for t in tokens[-1:]]
        written = " ".join(tokens)
        if len(tokens) < 2 or start in taken or written in knowledge.government_by_capital \
                or written in knowledge.government_by_surface or any(
                t in words["stop"] or t.lower() in words["private"]
                or t in knowledge.government_by_surface or t in title_words
                or t in knowledge.government_by_capital or t in words["domain"]
                or t in words["modifier"] or t in words["honorific"] for t in tokens):
            continue
        end = start + len(" ".join(tokens))
        if end != match.end() and text[end:end + 2] not in ("'s", "’s"):
            continue  # the run went on with a word this name cannot hold
        sentence = sentence_at(sentences, start)
        if sentence is None:
            continue
        # A private role next to the name: "analyst X", "X, a professor, said", "X, who teaches".
        if private.search(text, max(sentence.start, start - 40), start) or \
                private.search(text, end, min(len(text), end + 90)):
            continue
        # The person acts where the full name stands or wherever the surname stands alone.
        places = [(start, end)] + [(s, e) for s, e in places_of.get(tokens[-1], []) if s >= end]
        if not any(acts_after.match(text, e) or CONTACT_BEFORE.search(text, max(0, s - 40), s)
                   or _acts_with_partner(text, e, acts_after) for s, e in places):
            continue
        person = _person_for(people, tokens, create=True)
        person.contacts.append(Span(start, end, text[start:end], sentence.text))
        if owner:
            person.governments.append(owner)
        taken.update(range(start, end))
        spans.append((start, end, person, "titled"))


PARTNER = re.compile(r"[^\S\n]+and[^\S\n]+(?:(?:[A-Z][\w’'-]*|[A-Z]\.)(?:['’]s)?[^\S\n]+){0,5}"
                     r"(?:[A-Z][\w’'-]*|[A-Z]\.)")


def _acts_with_partner(text: str, end: int, acts_after: re.Pattern) -> bool:
    """Whether the name ending at ``end`` acts together with the name coordinated after it
    ("Russia's Sergei Shoigu and Ukraine's Oleksii Reznikov met")."""
    partner = PARTNER.match(text, end)
    return partner is not None and acts_after.match(text, partner.end()) is not None


@lru_cache(maxsize=4)
def _acting_patterns(knowledge: Knowledge) -> tuple[re.Pattern, re.Pattern, re.Pattern, frozenset]:
    words = knowledge.words
    particle = alternation(words["particle"])
    run = re.compile(rf"{_NAME_TOKEN}(?:[^\S\n]+(?:(?:{particle})[^\S\n]+|-)*{_NAME_TOKEN}){{1,4}}")
    private = re.compile(rf"\b(?:{alternation(words['private'])})\b", re.IGNORECASE)
    acts_after = re.compile(
        rf"(?:['’]s)?(?:,[^,.;:“”\"]{{1,90}},|,[^\S\n]*who)?[^\S\n]+{AUXILIARIES}(?:{ACTION_VERBS})\b")
    title_words = frozenset(w for alias in knowledge.post_by_surface for w in alias.split())
    return run, private, acts_after, title_words
