"""Governments: which government each official represents, and which take part unnamed.

What this stage adds: each official's government, from the strongest evidence the text gives
about that person (see :func:`assign_governments`); and, for a contact, the counterpart
governments whose representatives go unnamed ("Israeli and Palestinian leaders"), whose
country an official visits ("Pelosi visited Taiwan") or whose ministry summons an envoy ("was
summoned to the Russian foreign ministry").

>>> from kg.knowledge import load_knowledge
>>> text = "Blinken met Israeli and Palestinian leaders."
>>> find_counterparts(text, 11, len(text), load_knowledge(), {"United States"})
['Israel', 'Palestinian Authority']
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from itertools import pairwise

from kg.extract.cast import Cast, Mention, mention_starts, mentions_between
from kg.extract.names import alternation, is_title_only
from kg.extract.sentences import sentence_at
from kg.knowledge import Knowledge, Trigger
from kg.model import Mode


def assign_governments(people, text, sentences, mentions, quote_speakers, patterns,
                       knowledge, published=None, readout=False) -> dict[str, str | None]:
    """The government each official represents, from the strongest signal the text gives.

    In order: the organisation an official chairs; the government an office-holder served on
    the publication day (the gazetteer); a government or demonym attached to a post; the default
    government of a post that only one government has ("Secretary of State"); what the text says
    around the person (an owner, "of Iran", the side, list or group they are named in, whom they
    accompany); a former holder's last government in the gazetteer (a future holder's first);
    for staff, the side a readout is told from; the speaker's own government when a quotation
    names the official ("on behalf of President Biden"); a country in the sentence that
    introduces them; in a ``readout``, the government of its principal (the official it names
    first); else the government the article mentions most, leaving out those of the officials
    named beside this one (their counterparts).
    """
    chosen: dict[str, str | None] = {}
    # the gazetteer's government of each holder: the term on the day, or the latest begun
    gazetteer: dict[str, str] = {}
    organisations = {g.name for g in knowledge.governments if g.kind == "organisation"}
    # "Macky Sall, who currently chairs the African Union": the organisation an official chairs
    chaired: dict[str, list[str]] = {}
    for mention in mentions:
        chair = CHAIRS_AFTER.match(text, mention.end) if mention.how in ("titled", "name") else None
        organisation = chair and _country(chair.group("org"), knowledge)
        if organisation and organisation[0] in organisations:
            chaired.setdefault(mention.official, []).append(organisation[0])
    for person in people:
        term = person.holder.term_on(published) if person.holder else None
        if term is not None:
            gazetteer[person.name] = term.government
        elif person.holder and person.holder.terms:
            # "Prince Charles" in 2019: a holder whose first term is yet to come is already of
            # that country
            gazetteer[person.name] = min(person.holder.terms, key=lambda t: t.start).government
        chairs = [g for g in person.governments + chaired.get(person.name, [])
                  if g in organisations and g != (term and term.government)]
        if chairs:
            # "Macky Sall, the African Union chairman": acting for the organisation he chairs
            # (SCHEMA convention 10), whatever state he heads.
            chosen[person.name] = chairs[0]
        elif term is not None and (published is None or term.covers(published)):
            # In office, the gazetteer knows best; out of office, the text does, and the
            # gazetteer only when the text says nothing about the person (below).
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
    starts = mention_starts(mentions)
    # Who is named beside whom: each official's neighbours over the sentences naming them.
    beside_of: dict[str, set[str]] = {}
    for s in sentences:
        names = {m.official for m in mentions_between(mentions, starts, s.start, s.end)}
        for name in names:
            beside_of.setdefault(name, set()).update(names - {name})
    quoted: dict[str, list[str]] = {}
    for (start, end), speaker in quote_speakers.items():
        for mention in mentions_between(mentions, starts, start, end):
            if mention.official != speaker:
                quoted.setdefault(mention.official, []).append(speaker)
    for person in people:
        for offset in person.owners:
            owner = mentions_between(mentions, starts, offset, offset + 1)
            owner_government = owner and (chosen.get(owner[0].official)
                                          or gazetteer.get(owner[0].official))
            if person.name not in chosen and owner_government:
                chosen[person.name] = owner_government
        # "The UAE was more reserved. Its minister of state, Anwar Gargash": a post a country
        # owns by "its" is that country's, the one named last before.
        owned_by_it = [span.start for _, span in person.posts
                       if re.search(r"\b[Ii]ts\s+$", text[max(0, span.start - 5) : span.start])]
        if person.name not in chosen and owned_by_it:
            government = _government_before(text, owned_by_it[0], sentences, patterns, knowledge)
            if government:
                chosen[person.name] = government
    # What the text says right around an untitled name: "Ali Tabar of Iran", "the Iranian
    # diplomat Ali Tabar", "Ali Tabar, who leads the Iranian delegation".
    around = _affiliation_patterns(knowledge)
    for mention in mentions:
        if mention.how not in ("titled", "name") or mention.official in chosen:
            continue
        found = (around[0].match(text, mention.end) or around[1].match(text, mention.end)
                 or around[2].search(text, max(0, mention.start - 40), mention.start))
        if found:
            chosen[mention.official] = knowledge.government_by_surface[found.group("gov")]
    # "…and the national security adviser, John R. Bolton, on the American side": the side an
    # official sits on is their government, and that of everyone listed with them ("A and B on
    # the North Korean side"). Of a list whose placed members all represent one government
    # ("Pompeo, Mulvaney and the national security adviser, John Bolton"), the others do too.
    including = _group_including(knowledge)
    # Officials listed together ("Tembe met A and B") sit on one side, unless the list names
    # the two sides ("the two Foreign Secretaries, A and B").
    listed_with: dict[str, set[str]] = {}
    for members in _lists(text, mentions, knowledge):
        if not TWO_SIDES_BEFORE.search(text, max(0, members[0].start - 60), members[0].start):
            for member in members:
                listed_with.setdefault(member.official, set()).update(
                    m.official for m in members if m.official != member.official)
        side = SIDE_AFTER.match(text, members[-1].end) \
            or SIDE_BEFORE.search(text, max(0, members[0].start - 160), members[0].start)
        government = side and knowledge.government_by_surface.get(side.group("gov"))
        # "the Russian top brass, including the Defence Minister, A, and …, B": members of a
        # group its demonym places
        group = including.search(text, max(0, members[0].start - 200), members[0].start)
        government = government or (group and knowledge.government_by_surface[group.group("gov")])
        placed = {chosen[m.official] for m in members if chosen.get(m.official)}
        # "a delegation led by A and including B": one placed member is enough
        including_others = any("including" in text[a.end : b.start] for a, b in pairwise(members))
        placed_members = sum(1 for m in {m.official for m in members} if chosen.get(m))
        if not government and len(placed) == 1 and (including_others or placed_members >= 2):
            government = next(iter(placed))
        for member in members:
            if government and member.official not in chosen:
                chosen[member.official] = government
    # "Ri Yong Ho, flanked by Vice Foreign Minister Choe Son Hui": a companion is on the side
    # of the official it accompanies.
    for index, mention in enumerate(mentions):
        lead = mentions[index - 1] if index else None
        if mention.official in chosen or lead is None or lead.official == mention.official:
            continue
        gap = text[lead.end : mention.start]
        companion = COMPANION_GAP.fullmatch(gap)
        lead_government = chosen.get(lead.official) or gazetteer.get(lead.official)
        if companion and is_title_only(companion.group(1)) and lead_government:
            chosen[mention.official] = lead_government
    for name, government in gazetteer.items():
        chosen.setdefault(name, government)  # out of office, and the text says no more
    home = _home_government(text, mentions, chosen, knowledge)
    # A readout places foreign officials by their titles and leaves its own side's unplaced.
    principal = readout and next((chosen[m.official] for m in mentions
                                  if m.how in ("titled", "name") and chosen.get(m.official)), None)
    for person in people:
        if person.name in chosen:
            continue
        styled = next((government for m in mentions
                       if m.official == person.name and m.how != "pronoun"
                       and (government := _honorific_government(text, m.start, knowledge))), None)
        if styled:
            # "Official Spokesperson Shri Arindam Bagchi", "Datuk Seri Mohamed Azmin Ali": an
            # honorific only one state's officials bear
            chosen[person.name] = styled
            continue
        if home and person.posts and all(STAFF.search(post) for post, _ in person.posts):
            # "Spokesman of the Ministry of Foreign Affairs", "the national security adviser":
            # staff speak for the leader the article calls plain "the President".
            chosen[person.name] = home
            continue
        from_quote = [chosen.get(speaker) for speaker in quoted.get(person.name, [])]
        from_quote = [g for g in from_quote if g]
        if from_quote:
            chosen[person.name] = from_quote[0]
            continue
        # (an official listed with this one, "met A and B", sits on the same side)
        beside = {chosen.get(n) for n in beside_of.get(person.name, set())
                  - listed_with.get(person.name, set())}
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
                     and not PLACE_BEFORE.search(sentence.text, 0, m.start())
                     and not POSTED_IN.search(sentence.text, 0, m.start())
                     and not _titles_another(text, sentence.start + m.end(), person.name,
                                             mentions, starts)
                     and not (sentence.start + m.start() != first.start
                              and patterns.title_ahead.match(sentence.text, m.end()))]
            local = sorted((d, g) for d, g in local if g and g not in beside)
            if local:
                chosen[person.name] = local[0][1]
                continue
        if principal:
            chosen[person.name] = principal
            continue
        ranked = [g for g, _ in salience.most_common() if g not in beside and g not in titling]
        chosen[person.name] = ranked[0] if ranked else None
    return chosen


#: the two words right before a name, where its honorifics stand ("Shri", "Datuk Seri")
WORDS_BEFORE = re.compile(r"(?:(?<![\w'’])([\w'’.]+)[^\S\n]+)?([\w'’.]+)[^\S\n]+$")


def _honorific_government(text: str, start: int, knowledge: Knowledge) -> str | None:
    """The state whose honorific stands right before the name at ``start``, past a second
    style word ("Datuk Seri Mohamed Azmin Ali" is Malaysian).

    >>> from kg.knowledge import load_knowledge
    >>> _honorific_government("Spokesperson Shri A. Bagchi", 18, load_knowledge())
    'India'
    """
    before = WORDS_BEFORE.search(text, max(0, start - 30), start)
    words = [word for word in reversed(before.groups()) if word] if before else []
    return next((knowledge.government_by_honorific[word] for word in words
                 if word in knowledge.government_by_honorific), None)


#: a list of the two sides after a plural post: "the two Foreign Secretaries, "
TWO_SIDES_BEFORE = re.compile(r"\btwo\s+(?:[\w'’-]+\s+){0,3}?[\w'’-]+s,?\s*$", re.IGNORECASE)


# News writes "the president"; a government's own readout writes "the President".
READOUT_TITLE = re.compile(r"(?:the[^\S\n]+)?[A-Z][\w-]*(?:[^\S\n]+[A-Z][\w-]*)*")
STAFF = re.compile(r"spokes|advis[eo]r|\baide\b|press secretary|chief of staff", re.IGNORECASE)


def _home_government(text: str, mentions: list[Mention], chosen: dict[str, str | None],
                     knowledge: Knowledge) -> str | None:
    """The government of the official a readout calls by a plain, capitalised title most often
    ("the President", "Prime Minister addressed…"): the side the readout is told from."""
    plain = Counter(chosen.get(m.official) for m in mentions if m.how == "title"
                    and READOUT_TITLE.fullmatch(text, m.start, m.end)
                    and not any(word.strip("'’s,") in knowledge.government_by_surface
                                for word in text[m.start : m.end].split()))
    plain.pop(None, None)
    return plain.most_common(1)[0][0] if plain else None


@lru_cache(maxsize=4)
def _affiliation_patterns(knowledge: Knowledge) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """After a name: "of Iran" and "who leads the Iranian delegation"; before it: a demonym and
    a role ("the Iranian diplomat ")."""
    gov = alternation(knowledge.government_by_surface)
    of_country = re.compile(rf"[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?(?P<gov>{gov})(?![\w'’-])")
    leads = re.compile(
        rf",?[^\S\n]+(?:who[^\S\n]+)?(?:(?:leads|led|heads|headed|is[^\S\n]+leading)[^\S\n]+|"
        rf"(?:the[^\S\n]+)?(?:head|leader|chief)[^\S\n]+of[^\S\n]+)(?:the[^\S\n]+)?"
        rf"(?P<gov>{gov})(?:['’]s)?[^\S\n]+(?:delegation|team|negotiators|side)\b")
    # a demonym, not a country's name: "trip to Egypt was Benjamin Netanyahu" names no role
    demonyms = alternation({d for g in knowledge.governments for d in g.demonyms})
    role_before = re.compile(
        rf"(?<![\w-])(?P<gov>{demonyms})[^\S\n]+(?:[a-z][\w-]*[^\S\n]+){{1,2}}$")
    return of_country, leads, role_before


def _lists(text: str, mentions: list[Mention], knowledge: Knowledge) -> list[list[Mention]]:
    """Runs of officials named in one list ("A, B and the national security adviser, C"): names
    joined by commas or "and", each maybe after its title; a single name is a list of one."""
    separator = _list_separator(knowledge)
    runs: list[list[Mention]] = []
    for mention in mentions:
        if mention.how not in ("titled", "name"):
            continue
        if runs and separator.fullmatch(text, runs[-1][-1].end, mention.start):
            runs[-1].append(mention)
        else:
            runs.append([mention])
    return runs


@lru_cache(maxsize=4)
def _list_separator(knowledge: Knowledge) -> re.Pattern:
    posts = alternation(knowledge.post_by_surface)
    return re.compile(rf"[^\S\n]*(?:,[^\S\n]*(?:and[^\S\n]+)?|[^\S\n]+and[^\S\n]+)"
                      # "a delegation led by A and including B"
                      rf"(?:including[^\S\n]+)?"
                      # the title of the next name: "the national security adviser, ", "US "
                      rf"(?:(?:(?:the|his|her)[^\S\n]+(?:[\w'’-]+[^\S\n]+){{0,3}}?"
                      rf"|(?:[A-Z][\w'’.-]*[^\S\n]+){{0,3}}?)(?:{posts}),?[^\S\n]+)?")


@lru_cache(maxsize=4)
def _group_including(knowledge: Knowledge) -> re.Pattern:
    """A group a demonym places, then "including" and maybe the title of the first member,
    ending where the member's name starts."""
    demonyms = alternation({d for g in knowledge.governments for d in g.demonyms})
    posts = alternation(knowledge.post_by_surface)
    return re.compile(rf"(?<![\w-])(?P<gov>{demonyms})[^\S\n]+(?:[a-z][\w-]*[^\S\n]+){{0,3}}"
                      rf"[a-z][\w-]*,?[^\S\n]+(?:including|among[^\S\n]+them|such[^\S\n]+as)"
                      rf"[^\S\n]+(?:(?:the|a)[^\S\n]+)?(?:(?:[\w'’-]+[^\S\n]+){{0,3}}?(?:{posts}),?[^\S\n]+)?\Z")


def _government_before(text: str, offset: int, sentences, patterns, knowledge) -> str | None:
    """The government named last before ``offset`` in its sentence or the one before."""
    sentence = sentence_at(sentences, offset)
    begin = sentences[max(0, sentence.number - 1)].start if sentence is not None else offset
    named = [m.group() for m in patterns.government.finditer(text, begin, offset)]
    if not named:
        return None
    return knowledge.government_by_surface.get(named[-1]) or knowledge.government_by_capital[named[-1]]


CHAIRS_AFTER = re.compile(r"(?:,[^\S\n]+the[^,.;\n]{1,50},)?"  # "X, the Finnish foreign minister,"
                          r",?[^\S\n]+(?:who[^\S\n]+)?(?:(?:is|was)[^\S\n]+)?"
                          r"(?:(?:currently|also|now|there)[^\S\n]+)?"
                          r"(?:chairs|heads|holds[^\S\n]+the[^\S\n]+(?:rotating[^\S\n]+)?"
                          r"(?:chairmanship|presidency)[^\S\n]+of|"
                          # "who was there as chairman of the OSCE"
                          r"as[^\S\n]+(?:the[^\S\n]+)?(?:current[^\S\n]+|rotating[^\S\n]+)?"
                          r"(?:chair(?:man|woman|person)?|president)[^\S\n]+of)[^\S\n]+(?:the[^\S\n]+)?"
                          r"(?P<org>[A-Z][\w'’-]*(?:[^\S\n]+(?:(?:for|of|and|in|on)[^\S\n]+)?"
                          r"[A-Z][\w'’-]*){0,6})")
COMPANION_GAP = re.compile(r"[^.;:]{0,60}?\b(?:flanked|accompanied|joined)\s+by\s+(?:his|her|their)?\s*(.{0,60})")
SIDE_AFTER = re.compile(r"['’]?,?[^\S\n]+(?:for|on)[^\S\n]+the[^\S\n]+(?P<gov>[A-Z][\w’'-]+(?:[^\S\n]+"
                        r"[A-Z][\w’'-]+)?)[^\S\n]+(?:side|delegation|team)\b")
#: ... and before it: "Present from the Russian side were (Foreign Minister) "
SIDE_BEFORE = re.compile(r"\b(?:from|on|for)[^\S\n]+the[^\S\n]+(?P<gov>[A-Z][\w’'-]+(?:[^\S\n]+"
                         r"[A-Z][\w’'-]+)?)[^\S\n]+(?:side|delegation|team)[^\S\n]+(?:were|was|"
                         r"included)[^\S\n]+(?:[\w'’-]+[^\S\n]+){0,8}?\Z")
OTHER_SIDE_AFTER = re.compile(r"\s+(?:side|sides|delegation|delegations|team|officials|leaders|"
                              r"counterparts?|delegates|negotiators|diplomats|speakers?|"
                              r"language|"
                              # "a Russian newspaper report that Foreign Minister X…": a country's
                              # newspapers, troops or people are no affiliation of an official
                              r"(?:newspapers?|reports?|troops|forces|army|soldiers|company|"
                              r"companies|firms?|citizens|nationals|people|opposition|"
                              r"community))\b|-speaking\b")


# Where an official is or goes is no evidence of whom they represent: "told reporters in
# Nairobi", "visited Taiwan", "travelled to Brussels"; where an office sits is: "a foreign
# ministry spokesman in Berlin", "the embassy in Kyiv".
#: where an envoy serves ("the ambassador in Caracas"), not whom they represent
POSTED_IN = re.compile(r"\b(?:ambassador|envoy|commissioner)[^\S\n]+in[^\S\n]+\Z", re.IGNORECASE)
PLACE_BEFORE = re.compile(r"(?<!spokesman)(?<!spokeswoman)(?<!spokesperson)(?<!ministry)"
                          r"(?<!embassy)(?<!officials)(?<!official)(?<!government)(?<!ambassador)"
                          r"[^\S\n]+(?:in|to|from|at|into|visit(?:s|ed|ing)?|toured|touring)[^\S\n]+"
                          r"(?:the[^\S\n]+)?\Z", re.IGNORECASE)


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
    following = mentions_between(mentions, starts, end, end + 70)[:1]
    return bool(following) and following[0].official != name and \
        is_title_only(text[end : following[0].start])


GROUP_NOUNS = (
    r"leaders?|officials?|counterparts?|government|authorities|ministers?|delegation|"
    r"representatives|diplomats|negotiators|president|prime minister|foreign minister|side"
)
PLURAL_GROUP_NOUNS = (r"leaders|officials|counterparts|ministers|representatives|diplomats|"
                      r"negotiators|delegations")


@lru_cache(maxsize=4)
def _government_patterns(knowledge: Knowledge) -> tuple[re.Pattern, re.Pattern]:
    surfaces = alternation(knowledge.government_by_surface)
    # "Israeli and Palestinian leaders"; "his counterparts from the GCC, Egypt and Iraq" (not
    # "ministers from Afghanistan's neighbours")
    listed = rf"(?:(?:the\s+)?(?:{surfaces})(?![\w'’-])(?:\s*,\s*|\s*,?\s+and\s+)?)+"
    group = re.compile(rf"((?:(?:{surfaces})(?:\s*,\s*|\s+and\s+)?)+)\s+(?:{GROUP_NOUNS})\b"
                       rf"|\b(?:{PLURAL_GROUP_NOUNS})\s+(?:from|of)\s+({listed})"
                       # "lodged a protest with a senior official of the South Korean Embassy"
                       rf"|\b(?:officials?|diplomats?|representatives?)\s+(?:of|from|at)\s+the\s+"
                       rf"((?:{surfaces}))\s+(?:[Ee]mbassy|[Mm]ission)\b")
    single = re.compile(rf"(?<![\w-])(?:{surfaces})(?![\w-])")
    return group, single


def find_counterparts(text: str, end: int, clause_end: int, knowledge: Knowledge,
                      represented: set[str | None]) -> list[str]:
    """Governments whose unnamed representatives take part ("Israeli and Palestinian leaders");
    a single title of a government a named participant represents is that participant ("a
    meeting with Putin at the Kremlin, across the Russian leader's table")."""
    group_pattern, single = _government_patterns(knowledge)
    group = group_pattern.search(text, end, clause_end)
    while group and ON_THE_SIDE.search(text, max(0, group.start() - 12), group.start()) \
            and group.group().endswith("side"):
        # "by A, and, on the Brazilian side, by B": whose side the named are on
        group = group_pattern.search(text, group.end(), clause_end)
    if not group:
        return []
    found = list(dict.fromkeys(knowledge.government_by_surface[s]
                               for s in single.findall(group.group(1) or group.group(2)
                                                              or group.group(3))))
    if not re.search(r"(?:s|authorities|government|side|delegation)$", group.group()):
        found = [g for g in found if g not in represented]
    return found


ON_THE_SIDE = re.compile(r"\b(?:on|from)\s+the\s+$", re.IGNORECASE)
PLACE = r"(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
PLACE_AFTER = re.compile(rf"\s+(?:to\s+|of\s+|in\s+)?(?:the\s+)?{PLACE}")
NEXT_PLACE = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+){PLACE}")


def host_countries(text: str, end: int, trigger: Trigger, subjects, names: list[str], cast: Cast,
                   knowledge: Knowledge) -> list[str]:
    """The country an official visits stands for its unnamed hosts ("Pelosi visited Taiwan",
    "arrived in Amman"): a counterpart government, unless the official represents it."""
    if trigger.initiator != "subject" or trigger.mode != Mode.MEETING.value or len(names) != 1 \
            or not subjects:
        return []
    visitor = cast.official(names[0])
    countries: list[str] = []
    place = PLACE_AFTER.match(text, end)
    # "will visit Mauritania and Senegal": every country of the list.
    while place and (country := _country(place.group("place"), knowledge)):
        if not (visitor and visitor.government == country[0]) and not _venue_of_other_hosts(
                text, place.start("place"), country, cast, knowledge):
            countries.append(country[0])
        place = NEXT_PLACE.match(text, place.start("place") + country[1])
    return list(dict.fromkeys(countries))


def summoning_country(text: str, end: int, summoned: bool, names: list[str], cast: Cast,
                      knowledge: Knowledge) -> list[str]:
    """The government an envoy is summoned to ("was summoned to the Russian foreign ministry",
    "called in to the Foreign Office in Islamabad"): its unnamed officials are the other side."""
    if not summoned or len(names) != 1:
        return []
    place = SUMMONED_TO.match(text, end)
    if place is None:
        return []
    envoy = cast.official(names[0])
    _, single = _government_patterns(knowledge)
    found = [knowledge.government_by_surface[m.group()] for m in single.finditer(place.group("place"))]
    found += [knowledge.government_by_capital[word] for word in re.findall(r"[A-Z][\w'’-]+", place.group("place"))
              if word in knowledge.government_by_capital]
    return [g for g in found if not (envoy and envoy.government == g)][:1]


def body_government(subject: str, names: list[str], cast: Cast, knowledge: Knowledge) -> list[str]:
    """The government whose body acts as the subject ("Iran's foreign ministry summoned X",
    "the Indian government called in Y"): its unnamed officials are the other side of X.
    ``[None]`` where the body is X's own government's, ``[]`` where the text does not say whose
    it is ("the Foreign Office summoned X")."""
    _, single = _government_patterns(knowledge)
    named = [knowledge.government_by_surface[m.group()] for m in single.finditer(subject)]
    others = {o.government for o in map(cast.official, names) if o}
    return [g if g not in others else None for g in named[-1:]]


@lru_cache(maxsize=4)
def _institution_patterns(knowledge: Knowledge) -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """A government, by name, as a clause's whole subject ("China had called Anami in"); a
    government's body as the object right after the verb ("telephoned the Chinese Foreign
    Ministry", "met officials at the Maldivian foreign ministry")."""
    names = alternation({s for g in knowledge.governments for s in (g.name, *g.aliases)})
    surfaces = alternation(knowledge.government_by_surface)
    subject = re.compile(rf"(?:^|(?<=[^\w'’-]))(?:the[^\S\n]+)?(?P<gov>{names})"
                         rf"(?:[^\S\n]+(?:also|then|later|has|had|have))*[^\S\n]*$")
    body = re.compile(
        rf"[^\S\n]+(?:(?:with|to|at)[^\S\n]+)?(?:(?:a|the)[^\S\n]+)?(?:(?:senior|top)[^\S\n]+)?"
        rf"(?:(?:officials?|diplomats?|representatives?)[^\S\n]+(?:of|at|from|in)[^\S\n]+)?"
        rf"(?:the[^\S\n]+)?(?P<gov>{surfaces})(?:['’]s)?[^\S\n]+(?:[Ff]oreign[^\S\n]+)?"
        rf"(?:[Mm]inistry|[Gg]overnment|[Aa]uthorities|[Ee]mbassy|[Oo]ffice)\b")
    # "brief the Security Council", "inform the IAEA Board of Governors", "join other Pacific
    # Islands Forum foreign ministers": an organisation's members together
    organisations = alternation({s for g in knowledge.governments if g.kind == "organisation"
                                 for s in (g.name, *g.aliases)})
    members = re.compile(
        rf"[^\S\n]+(?:(?:with|to)[^\S\n]+)?(?:(?:the|his|her|their|fellow|other)[^\S\n]+)*"
        rf"(?P<gov>{organisations})(?:['’]s)?(?:[^\S\n]+(?:Board[^\S\n]+of[^\S\n]+Governors|"
        rf"[Cc]ouncil|members|member[^\S\n]+states|leaders|(?:foreign[^\S\n]+)?ministers|"
        rf"counterparts|partners|allies|ambassadors))?(?![\w'’-])")
    return subject, body, members


#: verbs whose object may be an organisation's members together (not "spoke to the UN", a speech)
TO_MEMBERS = re.compile(r"(?:brief|inform|join|consult)(?:s|ed|ing)?\b|meets?\b|met\b|"
                        r"notif(?:y|ies|ied)\b", re.IGNORECASE)
#: a preposition before a country: "talks with China had…" is no country acting
COUNTRY_AS_OBJECT = re.compile(r"\b(?:of|to|with|from|in|for|by|at|on|against|about|into|"
                                r"towards?)[^\S\n]+$", re.IGNORECASE)


def institution_government(text: str, clause_start: int | None, start: int, end: int,
                           names: list[str], cast: Cast, knowledge: Knowledge) -> list[str]:
    """The government that, by its name or one of its bodies, is the other side of one named
    official ("China had called Anami in", "Anami telephoned the Chinese Foreign Ministry");
    ``clause_start`` is None where the official is the subject."""
    subject_pattern, body_pattern, members_pattern = _institution_patterns(knowledge)
    subject = None if clause_start is None else subject_pattern.search(text[clause_start:start])
    if subject and COUNTRY_AS_OBJECT.search(text, clause_start, clause_start + subject.start()):
        subject = None
    found = subject or body_pattern.match(text, end)
    if found is None and TO_MEMBERS.match(text, start) \
            and (members := members_pattern.match(text, end)):
        # (the members of an official's own organisation are another side: the Secretary-
        # General briefs the Security Council)
        return [knowledge.government_by_surface[members.group("gov")]]
    if found is None:
        return []
    government = knowledge.government_by_surface[found.group("gov")]
    others = {o.government for o in map(cast.official, names) if o}
    return [] if government in others else [government]


#: where a summoned envoy is called to, after the day or time it happened
SUMMONED_TO = re.compile(r"(?:[^\S\n]+(?:on|late|early|yesterday|today|this|last)\b[^,;.\n]{0,30}?)?"
                         r"[^\S\n]+to[^\S\n]+(?:the[^\S\n]+)?(?P<place>[^,;.\n]{3,60})")


def _venue_of_other_hosts(text: str, at: int, country: tuple[str, int], cast: Cast,
                          knowledge: Knowledge) -> bool:
    """Whether a capital visited is only where the visitor meets others the sentence names
    ("travelled to Brussels for a lunch with Mr Juncker"): a city that is the seat of an
    organisation (or a venue) stands for no host government then."""
    place = text[at : at + country[1]]
    if knowledge.government_by_capital.get(place) != country[0] or \
            knowledge.government_by_surface.get(place):
        return False  # a country named as such is visited
    stop = len(text)
    for mark in (".", "\n", ";"):
        found = text.find(mark, at + country[1])
        stop = min(stop, found) if found >= 0 else stop
    purpose = re.search(r"\bwith\b", text[at + country[1] : stop])
    if purpose is None:
        return False
    after = at + country[1] + purpose.end()
    for mention in cast.mentions:
        if after <= mention.start < stop:
            official = cast.official(mention.official)
            if official and official.government and official.government != country[0]:
                return True
    return False


def _country(words: str, knowledge: Knowledge) -> tuple[str, int] | None:
    """The government the leading words of ``words`` name, and how many characters name it."""
    tokens = words.split()
    for size in range(len(tokens), 0, -1):
        surface = " ".join(tokens[:size]).rstrip(".,")
        country = (knowledge.government_by_surface.get(surface)
                   or knowledge.government_by_capital.get(surface))
        if country:
            return country, len(surface)
    return None
