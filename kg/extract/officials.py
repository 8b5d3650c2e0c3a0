"""The officials stage: the officials an article names, their posts and governments, and every
mention of them.

:func:`find_officials` runs these passes over the text, each adding people or mentions:

1. *titled* (:mod:`kg.extract.names`): a post next to a name ("Russian President Vladimir Putin",
   "Wang Yi, China's foreign minister", "Biden's national security adviser, Jake Sullivan");
2. *listed*: names after a plural post, each with a country ("the foreign ministers — A of
   Turkey, B of Finland");
3. *acting*: untitled names that act like officials ("Sergey Lavrov met…", "talks with X");
4. *gazetteer holders* (:mod:`kg.extract.office_holders`): office-holders named without a title;
5. *name mentions*: later surnames and partial names ("Blinken") of the people found;
6. *nicknames* the text introduces ("Joko Widodo, widely known as Jokowi");
7. *identity by holder*: every form of an office-holder's name as one person;
8. *coreference* (:mod:`kg.extract.reference`): title-only mentions, pronouns, quotation
   speakers and the first person inside quotations;
9. *governments* (:mod:`kg.extract.governments`), then counterparts' posts ("his Japanese
   counterpart").

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
from collections.abc import Callable
from functools import lru_cache

from kg.extract.cast import Cast, Mention, mention_starts, mentions_between
from kg.extract.clauses import closes_fronted_phrase
from kg.extract.governments import assign_governments
from kg.extract.names import (
    HEADLINE_VERB,
    NAME_TOKEN,
    ROYAL_STYLES,
    People,
    Person,
    alternation,
    clean_name,
    is_place,
    normalise_name,
    person_for,
    record_post,
    title_case,
    title_patterns,
)
from kg.extract.office_holders import (
    HolderIndex,
    family_last,
    holder_by_post,
    holder_index,
    holder_mentions,
    identify,
    identify_by_post,
    identify_styled,
    is_name_of,
    name_key,
    without_grandfather,
)
from kg.extract.reference import (
    find_quote_speakers,
    release_author,
    resolve_coreference,
    resolve_first_person,
)
from kg.extract.sentences import sentence_at, split_sentences
from kg.extract.triggers import SPEECH_VERBS
from kg.knowledge import Knowledge, OfficeHolder
from kg.model import Official, Span

#: a kind of place or institution after a name, which it is named after
FACILITY = re.compile(r"[^\S\n]+(?:(?:International|Grand|National|Memorial|Royal)[^\S\n]+)?"
                      r"(?:Airport|Air[^\S\n]+Base|Mosque|University|Stadium|Street|Avenue|"
                      r"Boulevard|Bridge|Causeway|Hospital|Centre|Center|Square|Highway|Road|"
                      r"Foundation|Institute|Prize|Award|Museum|Library|School|College|Park|"
                      r"Port|Dam|Cathedral|Metro|Station|Expressway)\b")


def _title_matches(pattern: re.Pattern, text: str, knowledge: Knowledge):
    """The matches of a title pattern, each search going on after the last; where a match took
    a second title for the name ("Minister of Communication, Government Spokesperson, X"), from
    that title, which may title the name after it."""
    position = 0
    while (match := pattern.search(text, position)) is not None:
        yield match
        taken_title = match.group("name").split()[-1] in knowledge.post_by_surface
        position = match.start("name") if taken_title and match.start("name") > match.start() \
            else max(match.end(), match.start() + 1)


def _names_a_place(text: str, start: int, end: int) -> bool:
    """Whether the name at ``start:end`` is part of a place's ("King Abdulaziz International
    Airport") or is one ("Zayed Grand Mosque")."""
    return bool(FACILITY.match(text, end)) or any(
        found.end() == end for found in FACILITY.finditer(text, start, end))


def find_officials(text: str, knowledge: Knowledge, published: dt.date | None = None,
                   readout: bool = False, check: Callable[[], None] = lambda: None) -> Cast:
    """Find the officials in ``text`` and every mention of them (see the module docstring);
    ``published`` places the article in time for the gazetteer of office-holders; a
    government's ``readout`` speaks for the government of the official it names first;
    ``check`` is called between passes (it raises to stop an article taking too long)."""
    patterns = title_patterns(knowledge)
    sentences = split_sentences(text)
    people = People()
    spans: list[tuple[int, int, Person, str]] = []

    taken: set[int] = set()
    # "the Secretary General of the Organization of American States": no name begins inside a
    # government's own name
    # ("special envoy, South Korea's presidential office said": nor is a government's name one)
    government_spans = [match.span() for match in patterns.government.finditer(text)]
    inside_governments = {offset for start, end in government_spans for offset in range(start + 1, end)}
    government_ends = dict(government_spans)
    for pattern in (patterns.owned, patterns.titled, patterns.titled_lower, patterns.appositive):
        for match in _title_matches(pattern, text, knowledge):
            if match.start("name") in inside_governments \
                    or match.end("name") <= government_ends.get(match.start("name"), -1):
                continue
            if pattern is patterns.owned and not match.group("post")[:1].islower() \
                    and not match.group("relation"):
                continue  # "Kuwait's emir telephoned King Salman": scope words end at the post
            if pattern is patterns.owned and match.group("gov") and \
                    _owned_by_a_state_before(text, match.start(), patterns):
                continue  # "Syria's U.N. ambassador X": the titled pattern reads both
            if pattern is patterns.appositive and (
                    _closes_fronted_phrase(text, match, sentences)
                    # "On Tuesday 23 May, the Minister met…": a date, not Theresa May
                    or re.search(r"\d[^\S\n]+$", text[max(0, match.start("name") - 4):
                                                     match.start("name")])
                    # "Soon after arriving in Goa, the foreign minister…": a place
                    or PLACE_PREPOSITION.search(text, max(0, match.start("name") - 8),
                                                match.start("name"))):
                continue
            if pattern is patterns.titled and "," in text[match.end("post"):match.start("name")] \
                    and re.search(r"(?<!ed )(?<!ing )\b(?:for|of)[^\S\n]+(?:the[^\S\n]+)?$",
                                  text[max(0, match.start() - 14):match.start()]):
                # "the Spokesperson for the Secretary-General, X": a scope, no title (but a
                # list's "composed of the Secretary of Energy, X" is one)
                continue
            named_before = NAME_THEN_COMMA.search(text, max(0, match.start() - 40), match.start())
            if pattern is patterns.titled and "," in text[match.end("post"):match.start("name")] \
                    and named_before and named_before.group(1) not in knowledge.words["domain"]:
                # "Mr. A, Foreign Secretary, Mr. B, Ambassador": the post is A's (not after a
                # first title: "The Minister of Communication and Media, Government
                # Spokesperson, X")
                continue
            if pattern is patterns.titled and "," in text[match.end("post"):match.start("name")] \
                    and not match.group("gov") and not match.group("owner_gov") \
                    and text[max(0, match.start() - 1):match.start()] in ("", "\n"):
                continue  # a headline's "Chief Adviser, Modi hold talks": the comma joins two
            if pattern is patterns.appositive and _post_of_private_body(text, match.end("post"),
                                                                       knowledge):
                # "Dmitri Trenin, director of the Carnegie Moscow Center": no official post (nor
                # "deputy director of the Institute of Europe", a scope the post took in).
                taken.update(range(match.start("name"), match.end("name")))
                continue
            tokens, name_start, name_end = clean_name(match, knowledge)
            if not tokens:
                continue
            post = knowledge.post_by_surface[match.group("post")].name
            person = person_for(people, tokens, create=True, post=post)
            record_post(person, match, knowledge, sentences)
            if name_start not in taken:
                taken.update(range(name_start, name_end))
                spans.append((name_start, name_end, person, "titled"))
    check()
    _listed_people(text, people, spans, taken, patterns, knowledge, sentences)
    check()
    _acting_people(text, people, spans, taken, knowledge, sentences, government_ends)
    index = holder_index(knowledge)
    check()
    _known_holders(text, published, people, spans, taken, index, sentences, knowledge)
    check()
    _holders_by_title(text, published, people, spans, patterns, sentences, knowledge)
    spans.extend(_name_mentions(text, people, spans, knowledge))
    spans.extend(_nickname_mentions(text, spans))
    spans.sort(key=lambda item: item[0])
    for person in people:
        # English writes a monarch known by one name with the style ("King Salman"); a regnal
        # number or a full name needs none ("Abdullah II", "Carl XVI Gustaf", "Hamad bin Isa Al
        # Khalifa", as reference works head them).
        style = person.posts[0][0] if person.posts else None
        if style in ROYAL_STYLES and person.tokens[0] != style and person.holder is None \
                and len(person.tokens) == 1:
            person.tokens = [style] + person.tokens
    check()
    spans = _united_by_holder(text, people, spans, published, index)
    # "King Abdulaziz International Airport", "the Sheikh Zayed Grand Mosque": a place named
    # after someone is no mention of them, and whoever only such places name is no official
    places = [span for span in spans if _names_a_place(text, span[0], span[1])]
    spans = [span for span in spans if not _names_a_place(text, span[0], span[1])]
    only_places = {id(p) for _, _, p, _ in places} - {id(p) for _, _, p, _ in spans}
    mentions = [Mention(s, e, p.name, how) for s, e, p, how in spans]
    for s, e, person, how in spans:
        if how != "title":  # "the Secretary-General" is no name of Guterres
            person.aliases.add(text[s:e])
    check()
    for person in people:
        person.terms = person.holder.terms_near(published) if person.holder else ()
    # Counterparts of officials named before them take their posts before titles are resolved
    # ("his Lithuanian counterpart X … the Lithuanian minister"); those of a pronoun, after.
    _resolve_counterparts(people, sentences, mentions)
    mentions = resolve_coreference(text, sentences, people, mentions, patterns, knowledge,
                                   readout)
    check()
    quote_speakers = find_quote_speakers(text, mentions)
    mentions = resolve_first_person(text, mentions, quote_speakers,
                                    release_author(text, mentions) if readout else None)
    officials_ = [p for p in people if (p.posts or p.contacts or _is_in_office(p, published))
                  and id(p) not in only_places]
    governments = assign_governments(officials_, text, sentences, mentions, quote_speakers,
                                     patterns, knowledge, published, readout)
    _resolve_counterparts(officials_, sentences, mentions)
    first_named: dict[int, int] = {}
    for start, _, person, _ in sorted(spans, key=lambda item: item[0]):
        first_named.setdefault(id(person), start)
    # Reported in the order the text first names them.
    officials_.sort(key=lambda p: first_named.get(id(p), len(text)))
    officials = tuple(_to_official(p, governments[p.name], published) for p in officials_)
    names = {o.name for o in officials}
    mentions = [m for m in mentions if m.official in names]
    former = frozenset(p.name for p in officials_ if p.posts and not p.contacts and all(
        _given_as_former(text, p, post, span, knowledge) for post, span in p.posts))
    return Cast(officials, tuple(mentions), {k: v for k, v in quote_speakers.items() if v in names},
                former)


#: what makes a title a past one: "former President X", "the late King Y", "ex-premier Z"
FORMER = re.compile(r"\b(?:[Ff]ormer|[Ee]x-|the[^\S\n]+late)\b")
APPOSITION = re.compile(r"[^\S\n]*,[^\S\n]+(?P<title>[^,.;:\n]{3,60})[,.;]")
#: ... unless a relative clause gives the person a role today
NOW_SERVING = re.compile(r"[^\S\n]*,[^\S\n]+who[^\S\n]+(?:now[^\S\n]+)?(?:represents|leads|heads|"
                         r"chairs|serves|is[^\S\n]+(?:now|the|a|an)\b)")


def _given_as_former(text: str, person: Person, post: str, span: Span,
                     knowledge: Knowledge) -> bool:
    """Whether the title at ``span`` gives ``person`` ``post`` as one held before: "former" (or
    "the late", "ex-") opens the title, which names the post before the name, and only title
    words ("South African President"), commas and the names of a list ("former Presidents A, B
    and C") come between it and the name."""
    window_start = max(0, span.start - 60)
    at = text.rfind(person.tokens[0], window_start, span.end)
    if at < 0:
        return False
    before = text[window_start:at]
    openings = list(FORMER.finditer(before))
    opened = openings[-1] if openings else None
    if opened is None or post.split()[-1].lower() not in before[opened.end():].lower():
        return False
    ends = text.find(person.tokens[-1], at, at + 80)
    after = ends + len(person.tokens[-1])
    if ends >= 0 and NOW_SERVING.match(text, after):
        return False  # "former president Leonid Kuchma, who represents Kiev in the group"
    apposition = APPOSITION.match(text, after) if ends >= 0 else None
    if apposition and not FORMER.search(apposition.group("title")) and any(
            word.lower() in knowledge.post_by_surface or word in knowledge.post_by_surface
            for word in re.findall(r"[\w'’-]+", apposition.group("title"))):
        return False  # "Former President X, the African Union's envoy, …": a post today
    return all(word[:1].isupper() or word.lower() in _title_words(knowledge)
               for word in re.findall(r"[\w.'’-]+", before[opened.end():]))


@lru_cache(maxsize=4)
def _title_words(knowledge: Knowledge) -> frozenset[str]:
    """The lower-case words a title may be written with ("prime", "minister", "energy")."""
    return frozenset({"and", "of", "the", "for", "to"} | {w.lower() for w in knowledge.words["domain"]}
                     | {w.lower() for post in knowledge.post_by_surface for w in post.split()})


def _closes_fronted_phrase(text: str, match: re.Match, sentences) -> bool:
    sentence = sentence_at(sentences, match.start())
    comma = text.find(",", match.end("name"), match.end())
    return sentence is not None and comma >= 0 and closes_fronted_phrase(
        text, sentence, comma, match.end())


def _listed_people(text, people, spans, taken, patterns, knowledge, sentences) -> None:
    """Officials listed after a plural post, each with their country: after it ("the three
    countries' foreign ministers — Mevlüt Çavuşoğlu of Turkey, Pekka Haavisto of Finland and Ann
    Linde of Sweden", "the heads of the delegations — Russia's A, Iran's B"), or respectively
    before it ("his Australian and Japanese counterparts — A and B"); "the two Foreign
    Secretaries, A and B," lists them after a comma."""
    for listing in patterns.listed.finditer(text):
        surface = patterns.plural_posts[listing.group("post")]
        post = knowledge.post_by_surface[surface]
        items = []
        position = listing.end()
        while item := patterns.listed_item.match(text, position):
            items.append(item)
            if not item.group("next"):
                break
            position = item.end()
        if listing.group("sep") in (",", None) and len(items) < 2:
            # "the foreign ministers, who met": a comma or a space lists two names or more
            continue
        if any(_names_a_state(item.group("name"), knowledge) for item in items):
            continue  # "the Prime Ministers of Barbados, Saint Kitts and Nevis and …": states
        countries = patterns.government.findall(listing.group("govs") or "")
        respectively = countries if len(countries) == len(items) else [None] * len(items)
        for item, country in zip(items, respectively):
            if item.group("title"):
                continue  # "Iran's Deputy Foreign Minister X" is found by its own title
            tokens, name_start, name_end = clean_name(item, knowledge)
            if not tokens or name_start in taken:
                continue
            person = person_for(people, tokens, create=True)
            sentence = sentence_at(sentences, item.start())
            written = post.name if surface.isupper() else title_case(surface)
            end = item.end("gov") if item.group("gov") else name_end
            person.posts.append((written, Span(item.start(), end, text[item.start():end],
                                               sentence.text if sentence else None)))
            government = item.group("gov") or item.group("owner_gov") or country
            if government in knowledge.government_by_surface:
                person.governments.append(knowledge.government_by_surface[government])
            taken.update(range(name_start, name_end))
            spans.append((name_start, name_end, person, "titled"))


def _names_a_state(words: str, knowledge) -> bool:
    """Whether ``words`` name a state or a piece of a state's name joined by "and" ("Saint
    Kitts" of "Saint Kitts and Nevis")."""
    return words in knowledge.government_by_surface or any(
        words in surface.split(" and ") for surface in knowledge.government_by_surface
        if " and " in surface)


# What an official does in the news: the verbs that make an untitled name an actor.
ACTION_VERBS = (
    SPEECH_VERBS + r"|met|meets|meet|spoke|speaks|phoned|telephoned|called|visited|visits|received|"
    r"hosted|welcomed|held|holds|wrote|announced|described|accused|rejected|urged|thanked|confirmed|"
    r"signed|travell?ed|arrived|reached|flew|chaired|convened|attended|invited|congratulated|"
    r"condemned|called for|pledged|promised|vowed|told|addressed|briefed|discussed|agreed|"
    r"present|took part|participated"
)
# Where an untitled name is the other party of a contact ("talks with Vladimir Putin").
CONTACT_BEFORE = re.compile(
    r"(?:(?<!interview )(?<!interviews )\b(?:with|met|meet|meeting|meets|received by|hosted by|"
    r"welcomed by|greeted by|called|"
    r"phoned|telephoned|between|visit(?:ed)?|letter to|message to)|['’]s guest)[^\S\n]+$")
AUXILIARIES = (r"(?:(?:has|had|have|also|later|then|once|already|himself|herself|again|on \w+|"
               r"will|would|could|might|may|did|does|is|was|are|were|not|never)[^\S\n]+)*")


#: a name and the comma of its apposition, right before a post: "Mr. A, [Foreign Secretary]"
NAME_THEN_COMMA = re.compile(r"([A-Z][\w'’.-]+),[^\S\n]+$")
PRIVATE_BODY = re.compile(
    r"[^\S\n]+(?:of|at|for|with)[^\S\n]+(?:the[^\S\n]+)?"
    r"((?:[A-Z][\w'’.&-]*(?:[^\S\n]+(?:of|for|on|and|&)(?=[^\S\n]+[A-Z]))?[^\S\n]*){1,7})")


def _post_of_private_body(text: str, end: int, knowledge: Knowledge) -> bool:
    """Whether the post ending at ``end`` is held at a body that is no government: a think tank,
    a university, a foundation ("director of the Carnegie Moscow Center", "president of the
    Council on Foreign Relations", "director of the Asia programme at the International Crisis
    Group", "director of the UK in a Changing Europe think tank")."""
    stop = re.compile(r"[,;.](?:\s|$)").search(text, end, end + 120)
    rest = text[end : stop.start() if stop else end + 120]
    names = [body.group(1).strip() for body in PRIVATE_BODY.finditer(rest)]
    return any(re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", name)
               for name in names for word in knowledge.words.get("private_body", ())) \
        or any(re.search(rf"(?<!\bfor )\b{re.escape(word)}\b", rest, re.IGNORECASE)
               for word in knowledge.words["private"] if word[:1].islower())


def _acting_people(text, people, spans, taken, knowledge, sentences, government_ends) -> None:
    """People named without a title who act like officials: they speak, meet, call or visit
    ("Sergey Lavrov met…", "talks with Vladimir Putin", "Dmitry Peskov, Putin's spokesman, said").

    A name counts when it has at least two words none of which names a place, an organisation, a
    post or a day, and when no private role stands beside it: journalists and analysts speak too
    ("Mustafa Aydın, who teaches international relations, said").
    """
    words = knowledge.words
    run, private, acts_after, contact_before, title_words, scope_of_post = \
        _acting_patterns(knowledge)
    private_apposition = re.compile(rf",[^\S\n]+(?:a|an|the)[^\S\n]+[^,.;\n]{{0,60}}?"
                                    rf"{private.pattern}", re.IGNORECASE)
    scope_words = words["domain"] | words.get("scope", frozenset())
    # Where each word of the text stands, for its lower-case use and its uses as a surname.
    places_of: dict[str, list[tuple[int, int]]] = {}
    for word in re.finditer(r"[\w’'-]+", text):
        places_of.setdefault(word.group(), []).append(word.span())
    for match in run.finditer(text):
        tokens = match.group().split()
        start = match.start()
        if match.end() <= government_ends.get(start, -1):
            continue  # "hosted by St Vincent and the Grenadines Prime Minister X": a state
        if SCOPE_OPENS.search(text, max(0, start - 10), start) and scope_of_post.search(
                text, max(0, start - 80), start):
            continue  # "Pakistan's Commissioner for Indus Waters said": a post's scope, no name
        # A capitalised word that opens a sentence ("When Sergey Lavrov") is no part of the name,
        # nor is the government that owns it ("Australia's Penny Wong"); an ordinary word is one
        # the text also writes in lower case.
        owner = None
        while tokens and (tokens[0] in words["stop"] or tokens[0] in words["honorific"]
                          or tokens[0] in scope_words
                          or (tokens[0].lower() != tokens[0] and tokens[0].lower() in places_of)
                          or re.sub(r"['’]s$", "", tokens[0]) in knowledge.government_by_surface
                          or " ".join(tokens[:2]) in knowledge.government_by_surface):
            # "… for Refugees Elena Marchetti", "… of Viet Nam Nguyen Thanh Son": the end of a
            # post's scope is no part of the name
            skip = 2 if " ".join(tokens[:2]) in knowledge.government_by_surface else 1
            owner = knowledge.government_by_surface.get(
                re.sub(r"['’]s$", "", " ".join(tokens[:skip])), owner)
            start += len(" ".join(tokens[:skip])) + 1
            tokens = tokens[skip:]
        tokens[-1:] = [re.sub(r"['’]s$", "", t) for t in tokens[-1:]]
        while len(tokens) > 2 and tokens[-1] in words.get("postnominal", ()):
            tokens.pop()  # "the Hon Pat Conroy MP": letters after a name end it
        written = " ".join(tokens)
        # (a run that ends in a titled name is that name with words before it: "of the State of
        # California Gavin Newsom")
        if len(tokens) < 2 or not taken.isdisjoint(range(start, start + len(written))) \
                or is_place(written, knowledge) or any(
                t in words["stop"] or t.lower() in words["private"]
                or t in knowledge.government_by_surface or t in title_words
                # "the North Koreans agreed": a people, no person
                or (t.endswith("s") and (t[:-1] in knowledge.government_by_surface or " ".join(
                    tokens[:2])[:-1] in knowledge.government_by_surface))
                or t in knowledge.government_by_capital or t in words["domain"]
                or t in words["modifier"] or t in words["honorific"]
                or t in words["institution"] or t in words["private_body"] for t in tokens):
            continue
        end = start + len(" ".join(tokens))
        # (a run may go on with postnominals, after which the person acts: "X MP called on")
        postnominals = end != match.end() and all(
            t in words.get("postnominal", ()) for t in text[end:match.end()].split())
        if end != match.end() and text[end:end + 2] not in ("'s", "’s") and not postnominals:
            continue  # the run went on with a word this name cannot hold
        sentence = sentence_at(sentences, start)
        if sentence is None:
            continue
        # A private role next to the name: "analyst X", "X, a professor, said", "X, who teaches".
        # ("First Lady Jill Biden": the role may end in the run's first word)
        if private.search(text, max(sentence.start, start - 40), start + len(tokens[0])) or \
                private.search(text, end, min(len(text), end + 90)):
            continue
        # The person acts where the full name stands or wherever the surname stands alone.
        places = [(start, match.end() if postnominals else end)] + [
            (s, e) for s, e in places_of.get(tokens[-1], []) if s >= end]
        if any(private_apposition.match(text, e) for _, e in places[1:]):
            continue  # "Mr. Gross, a 65-year-old subcontractor, …": described later
        # (the owner of what is met is not met: "talks with Arafat's successor")
        if not any(acts_after.match(text, e) or _acts_with_partner(text, e, acts_after)
                   or (contact_before.search(text, max(0, s - 40), s)
                       and text[e : e + 2] not in ("'s", "’s")) for s, e in places):
            continue
        person = person_for(people, tokens, create=True)
        person.contacts.append(Span(start, end, text[start:end], sentence.text))
        if owner:
            person.governments.append(owner)
        taken.update(range(start, end))
        spans.append((start, end, person, "titled"))


#: the words between a post and its scope, right before the scope
SCOPE_OPENS = re.compile(r"[^\S\n]+(?:of|for)[^\S\n]+(?:the[^\S\n]+)?$")

_PARTNER_NAME = r"(?:(?:[A-Z][\w’'-]*|[A-Z]\.)(?:['’]s)?[^\S\n]+){0,5}(?:[A-Z][\w’'-]*|[A-Z]\.)"
#: the names coordinated after a name: "and B", ", B and C", ", B, and C"
PARTNER = re.compile(rf"(?:,[^\S\n]+{_PARTNER_NAME}){{0,4}},?[^\S\n]+and[^\S\n]+{_PARTNER_NAME}")


def _acts_with_partner(text: str, end: int, acts_after: re.Pattern) -> bool:
    """Whether the name ending at ``end`` acts together with the names coordinated after it
    ("Russia's Sergei Shoigu and Ukraine's Oleksii Reznikov met", "A, B and C were present")."""
    partner = PARTNER.match(text, end)
    return partner is not None and acts_after.match(text, partner.end()) is not None


@lru_cache(maxsize=4)
def _acting_patterns(knowledge: Knowledge) -> tuple[re.Pattern, re.Pattern, re.Pattern,
                                                    re.Pattern, frozenset, re.Pattern]:
    words = knowledge.words
    particle = alternation(words["particle"])
    run = re.compile(rf"{NAME_TOKEN}(?:[^\S\n]+(?:(?:{particle})[^\S\n]+|-)*{NAME_TOKEN}){{1,4}}")
    # (not a post's scope: "the special envoy for hostage affairs")
    private = re.compile(rf"(?<!\bfor )\b(?:{alternation(words['private'])})\b", re.IGNORECASE)
    # The verbs of the knowledge base whose object is the other party ("greeted", "hosts",
    # "invited"), in all their forms, act too: "X was greeted by", "welcomed X".
    receiving = "|".join(t.pattern for t in knowledge.triggers
                         if t.kind == "contact" and t.initiator == "object")
    acts_after = re.compile(
        rf"(?:['’]s)?(?:,[^,.;:“”\"]{{1,90}},|,[^\S\n]*who)?[^\S\n]+{AUXILIARIES}"
        rf"(?:{ACTION_VERBS}|{receiving})\b")
    contact_before = re.compile(rf"{CONTACT_BEFORE.pattern}|\b(?:{receiving})(?:[^\S\n]+by)?[^\S\n]+$")
    # "Presidents Ruto and Hassan": the plural of a post is a title word too
    title_words = frozenset(w for alias in (*knowledge.post_by_surface,
                                            *title_patterns(knowledge).plural_posts)
                            for w in alias.split())
    scope_of_post = re.compile(rf"\b(?:{alternation(knowledge.post_by_surface)})"
                               rf"{SCOPE_OPENS.pattern}")
    return run, private, acts_after, contact_before, title_words, scope_of_post


def _owned_by_a_state_before(text: str, start: int, patterns) -> bool:
    """Whether a government's possessive ends right before ``start`` ("Syria's ")."""
    possessive = re.search(r"['’]s[^\S\n]+$", text[max(0, start - 4) : start])
    return possessive is not None and any(
        found.end() == start - len(possessive.group())
        for found in patterns.government.finditer(text, max(0, start - 60), start))


def _known_holders(text, published, people, spans, taken, index: HolderIndex, sentences,
                   knowledge) -> None:
    """Office-holders the text names without a title ("Lula received him", "Mr. Putin")."""
    ordinary = set(re.findall(r"(?<![\w-])[a-z][\w'’-]*", text))
    words = knowledge.words

    def name_word(token: str) -> bool:
        # (a possessive ends whatever it belongs to: "Côte d'Ivoire's Alassane Ouattara")
        return not (token in words["honorific"] or token in words["stop"]
                    or token.endswith(("'s", "’s"))
                    or token in words["modifier"] or token in words["domain"]
                    or token in knowledge.post_by_surface or token in title_words
                    or re.sub(r"['’]s$", "", token) in knowledge.government_by_surface)

    title_words = _acting_patterns(knowledge)[4]
    for start, end, holder in holder_mentions(text, published, index, ordinary, name_word):
        if start in taken or end - 1 in taken:
            continue
        title = TITLE_WORD_BEFORE.search(text, max(0, start - 30), start)
        post = title and knowledge.post_by_surface.get(title.group(1))
        if post and not any(post.name in term.post or term.post in post.name
                            for term in holder.terms):
            continue  # "Prince Mohammed" is no foreign minister whose surname is Mohammed
        if not title and " " not in text[start:end].strip() \
                and is_place(text[start:end].strip(), knowledge):
            continue  # "the consular corps in Scotland": a place, not Patricia Scotland
        if " " not in text[start:end].strip() and any(
                person.holder is not holder for person in people.by_word.get(
                    normalise_name(text[start:end].strip()), {}).values()):
            continue  # "Pope Francis … Francis met": the article's own Francis, no namesake
        _add_holder_mention(text, start, end, holder, people, spans, taken, sentences,
                            published, index)
    # "Jaafari" where two holders of that surname were in office: the one the article has
    # named in full. (Where each holder is first named in full is found once: asking every
    # span before each surname made long articles quadratic.)
    first_named: dict[OfficeHolder, int] = {}
    holder_of: dict[int, OfficeHolder | None] = {}
    for start, _, person, _ in sorted(spans, key=lambda span: span[0]):
        if len(person.tokens) > 1:
            if id(person) not in holder_of:
                holder_of[id(person)] = person.holder or identify(person.tokens, published, index)
            if holder_of[id(person)] is not None:
                first_named.setdefault(holder_of[id(person)], start)
    for match in index.surfaces.finditer(text):
        if " " in match.group() or match.start() in taken or match.group().lower() in ordinary:
            continue
        given = GIVEN_BEFORE.search(text, max(0, match.start() - 30), match.start())
        if given and _given_name(given.group(1), people.by_word, knowledge):
            continue  # "Nancy Reagan": a namesake of the Reagan named in full
        key = name_key([match.group()])
        namesakes = set(index.by_name.get(key, ()) + index.by_surname.get(key, ()))
        named = {holder for holder in namesakes
                 if first_named.get(holder, len(text)) < match.start()}
        if len(named) == 1:
            _add_holder_mention(text, match.start(), match.end(), named.pop(), people, spans,
                                taken, sentences, published, index)
    # "the Biden-Xi meeting", "Putin–Erdoğan talks": the holders a compound joins meet
    for compound in EVENT_COMPOUND.finditer(text):
        parts = [(compound.start(i), compound.end(i)) for i in (1, 2)]
        holders = [identify([text[s:e]], published, index) for s, e in parts]
        if all(holders) and not any(s in taken for s, _ in parts):
            for (start, end), holder in zip(parts, holders):
                _add_holder_mention(text, start, end, holder, people, spans, taken, sentences,
                                    published, index)


#: the capitalised word right before a surname ("Nancy " before "Reagan")
GIVEN_BEFORE = re.compile(r"(?<![\w'’-])([A-Z][\w'’-]*)[^\S\n]+$")


def _holders_by_title(text, published, people, spans, patterns, sentences, knowledge) -> None:
    """Office-holders a readout names only by their title as a sentence's subject ("The
    Secretary-General met today with …" from the UN, "HH the Amir received …" from Qatar): the
    one person who held that post on the publication day for one of the governments the text
    names, when nobody the text names holds it. The title itself is resolved to them later,
    as any title is."""
    governments = {knowledge.government_by_surface.get(found.group())
                   or knowledge.government_by_capital.get(found.group())
                   for found in patterns.government.finditer(text)}
    for match in patterns.title_only.finditer(text):
        sentence = sentence_at(sentences, match.start())
        if sentence is None or not OPENING_STYLE.fullmatch(text, sentence.start, match.start()) \
                or re.match(r"[^\S\n]*,", text[match.end():]):
            continue
        post = knowledge.post_by_surface.get(match.group("post"))
        if post is None or OF_A_BODY.match(text, match.end()) \
                or any(_holds_post(person, post.name, knowledge) for person in people) \
                or any(SCOPE_BEFORE_NAME.fullmatch(text, match.end(), start)
                       for start, *_ in spans if match.end() < start <= match.end() + 40):
            continue  # "Minister for Foreign Affairs of Viet Nam X": the title of the name after
        named = match.group("gov") or match.group("owner_gov")
        holder = holder_by_post(post.name, {knowledge.government_by_surface[named]} if named
                                else governments, published, knowledge)
        if holder is None:
            continue
        person = next((p for p in people if p.holder is holder), None)
        if person is None:
            person = Person(holder.name.split(), holder=holder)
            people.append(person)
        person.named.append(Span(match.start("post"), match.end(), match.group("post"),
                                 sentence.text))
        spans.append((match.start("post"), match.end(), person, "title"))


#: a title of a body the post vocabulary does not know: "The First Secretary of the Central
#: Committee" is no Secretary of State
OF_A_BODY = re.compile(r"[^\S\n]+of[^\S\n]+the[^\S\n]+[A-Z]")
#: a post's scope that a name follows: " of Viet Nam "
SCOPE_BEFORE_NAME = re.compile(r"[^\S\n]+(?:of|for)[^\S\n]+(?:the[^\S\n]+)?(?:[A-Z][\w’'-]*[^\S\n]+)+")
#: a preposition of place right before a name: "in Goa, the foreign minister …"
PLACE_PREPOSITION = re.compile(r"\b(?:in|at|near|outside|inside|into|across)[^\S\n]+$")
#: what may stand before a title that opens a sentence: a style ("HH", "His Highness")
OPENING_STYLE = re.compile(r"(?:(?:HH|HE|H\.H\.|H\.E\.|His|Her)(?:[^\S\n]+(?:Highness|Majesty|"
                           r"Excellency))?[^\S\n]+)?")


def _holds_post(person: Person, post: str, knowledge: Knowledge) -> bool:
    held = [knowledge.post_by_surface[written].name if written in knowledge.post_by_surface
            else written for written, _ in person.posts]
    held += [term.post for term in person.holder.terms] if person.holder else []
    # ("the Special Representative of the Secretary-General" or a Deputy Secretary-General
    # holds another post)
    return any(written.lower().startswith(post.lower()) for written in held)


def _add_holder_mention(text, start, end, holder, people, spans, taken, sentences, published,
                        index) -> None:
    person = _holder_person(people, text[start:end].split(), holder, published, index)
    sentence = sentence_at(sentences, start)
    span = Span(start, end, text[start:end], sentence.text if sentence else None)
    person.named.append(span)
    if CONTACT_BEFORE.search(text, max(0, start - 40), start) \
            and text[end : end + 2] not in ("'s", "’s"):
        # "spent six hours with Hafez al-Assad" in an obituary: a holder out of office on the
        # day of publication acts as one where the text shows them in contact (not "talks with
        # Arafat's successor")
        person.contacts.append(span)
    taken.update(range(start, end))
    spans.append((start, end, person, "name"))


EVENT_COMPOUND = re.compile(r"(?<![\w-])([A-Z][\w’']+)[-–]([A-Z][\w’']+)(?=\s+(?:meeting|talks|"
                            r"summit|call|phone call|telephone call|conversation|encounter)\b)")
#: titles of rank that are no office
STYLES = frozenset({"Prince", "Sheikh", "Cardinal"})
#: styles English puts before a ruler's given name alone
GIVEN_NAME_STYLES = frozenset({"Sheikh", "Emir", "King", "Sultan", "Prince", "Crown Prince",
                               "Queen"})
TITLE_WORD_BEFORE = re.compile(r"\b([A-Z][a-z]+)[^\S\n]+$")


def _holder_person(people: list[Person], tokens: list[str], holder: OfficeHolder,
                   published: dt.date | None, index: HolderIndex) -> Person:
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
    person = person_for(people, tokens, create=False)
    if person is not None and person.holder is None and _holder_fits(person, holder):
        person.holder = holder
        return person
    surname = normalise_name(tokens[-1])
    titled = [p for p in (people.sharing([surname]) if isinstance(people, People) else people)
              if p.holder is None and len(p.tokens) == 1 and normalise_name(p.tokens[0]) == surname]
    if len(tokens) > 1 and len(titled) == 1 and published and any(
            term.start <= published and (term.end is None or term.end >= published)
            for term in holder.terms):
        # "the G8 foreign ministers, Mrs. Albright …" read before "among them Madeleine
        # Albright": the holder in office the text names in full is the one its surname named
        # (not where the holder has left office: "President Castro" in 2016 is no Fidel Castro)
        person = titled[0]
        person.tokens, person.holder = list(tokens), holder
        if isinstance(people, People):
            people.index(person)
        return person
    person = Person(list(tokens), holder=holder)
    people.append(person)
    return person


def _holder_fits(person: Person, holder: OfficeHolder) -> bool:
    """Whether the gazetteer's ``holder`` can be ``person``: a longer name the text gives is the
    holder's, and a surname alone needs no post the holder never held, nor a government the
    holder never served ("Somali President Hassan" is no Maldivian president Hassan)."""
    if len(person.tokens) > 1:
        # (with the grandfather's name and more: "Faisal bin Farhan bin Abdullah")
        tokens = _unstyled(person.tokens)
        # (and a second surname: "Miguel Díaz-Canel Bermúdez")
        return any(is_name_of(form, holder) for form in (
            tokens, without_grandfather(tokens) or tokens, tokens[:-1] if len(tokens) > 2 else []))
    if person.governments and not {term.government for term in holder.terms} & set(
            person.governments):
        return False
    def plain(post: str) -> str:  # "secretary general" is the "Secretary-General"
        return post.lower().replace("-", " ")

    posts = {plain(post) for post, _ in person.posts if post not in ("Counterpart", "Counterparts")}
    # "Secretary Blinken" is the Secretary of State: a shorter form of the post fits too; a
    # style fits a holder whose name opens with it ("Sheikh Hasina" is the prime minister).
    return not posts or any(plain(term.post) in post or post in plain(term.post)
                            for term in holder.terms for post in posts) or any(
        plain(name.split()[0]) in posts for name in (holder.name, *holder.aliases))


def _unstyled(tokens: list[str]) -> list[str]:
    """A monarch's name without the style English writes before it ("King Hamad bin Isa Al
    Khalifa" is the gazetteer's "Hamad bin Isa Al Khalifa"); a style and a given name alone
    ("King Salman") stay, as the gazetteer lists them so."""
    return tokens[1:] if tokens[0] in ROYAL_STYLES and len(tokens) > 2 else tokens


def _name_mentions(text, people, spans, knowledge) -> list[tuple[int, int, Person, str]]:
    """Untitled mentions of known people: any run of name words that is part of a known name."""
    found = []
    particle = alternation(knowledge.words["particle"])
    run = re.compile(rf"{NAME_TOKEN}(?:(?:[^\S\n]+|-)(?:(?:{particle})(?:[^\S\n]+|-))*"
                     rf"{NAME_TOKEN})*")
    titled = sorted((s, e) for s, e, _, _ in spans)
    starts = [s for s, _ in titled]
    index = _token_index(people)
    introduced: dict[int, int] = {}  # person -> where their full name first stands
    kept: dict[str, Person] = {}  # a short form -> whom it has stood for so far
    earlier = sorted(spans, key=lambda span: span[0])
    for start, end, person, how in earlier:
        introduced[id(person)] = min(start, introduced.get(id(person), start))
    seen = 0
    latest: dict[int, int] = {}  # person -> where the latest mention of them so far ends
    for match in run.finditer(text):
        i = bisect.bisect_left(starts, match.end())
        if i and titled[i - 1][1] > match.start():
            continue
        tokens = [re.sub(r"['’]s$", "", t) for t in match.group().split()]
        while seen < len(earlier) and earlier[seen][0] < match.start():  # short forms so far
            start, end, person, how = earlier[seen]
            seen += 1
            latest[id(person)] = end
            if how == "name":
                kept[" ".join(map(normalise_name, text[start:end].split()))] = person
        # The run may carry extra capitalised words ("Blinken State Department"): try every
        # contiguous sub-run, longest first, that names a known person.
        for size in range(len(tokens), 0, -1):
            hit = None
            for i in range(len(tokens) - size + 1):
                sub = tokens[i : i + size]
                if all(t in knowledge.words["stop"] or t in knowledge.government_by_surface
                       or t in knowledge.words["particle"] for t in sub):
                    continue
                person = person_for(index.get(normalise_name(sub[0]), []), sub, create=False)
                if person is not None and i and _given_name(tokens[i - 1], index, knowledge):
                    continue  # "Nancy Reagan", "Hunter Biden": a namesake, not the one known
                if person is not None:
                    person = _namesake_meant(text, sub, person, index, (introduced, latest),
                                             kept, match.start())
                    start = match.start() + len(" ".join(tokens[:i])) + (1 if i else 0)
                    hit = (start, start + len(" ".join(sub)), person, "name")
                    break
            if hit:
                found.append(hit)
                break
    return found


def _given_name(token: str, known_words, knowledge: Knowledge) -> bool:
    """Whether ``token`` before a known surname can only be another person's given name: a
    capitalised word that is no name word of the people found, no title, style, place, country
    or headline word ("Nancy" in "Nancy Reagan"; not "Mr", "Moscow", "Soviet", "Meets");
    ``known_words`` are the normalised name words of the people found."""
    words = knowledge.words
    return token[:1].isupper() and token[1:].islower() and normalise_name(token) not in known_words \
        and not any(token in words.get(role, ()) for role in (
            "stop", "honorific", "modifier", "domain", "institution", "particle", "place",
            "name_after_title", "name_inside", "private", "scope", "postnominal")) \
        and token not in knowledge.government_by_surface \
        and token not in knowledge.government_by_capital \
        and token not in knowledge.post_by_surface and token.lower() not in knowledge.post_by_surface \
        and not HEADLINE_VERB.fullmatch(token)


def _namesake_meant(text: str, short: list[str], found: Person, index,
                    positions: tuple[dict[int, int], dict[int, int]], kept: dict[str, Person],
                    at: int) -> Person:
    """Of the people a short form ("Wang") fits, the one it means at ``at``: one named in the
    same sentence before it ("met the leader, Kim Jong Il, when Kim said"); else whom the
    short form has stood for so far ("Wang Yi … Wang said … spokesman Wang Wenbin. Wang will
    fly on"); else the fitting person introduced first, whom the article follows, not a
    namesake named in passing. ``positions``: where each person is first named, and where
    their latest mention so far ends."""
    introduced, latest = positions
    key = [normalise_name(t) for t in short]
    fitting = [p for p in index.get(key[0], [])
               if introduced.get(id(p), at) < at and person_for([p], short, create=False) is p]
    if not fitting:
        return found
    nearest = max(fitting, key=lambda p: latest.get(id(p), -1))
    meant = kept.get(" ".join(key))
    if id(nearest) in latest and not SENTENCE_BREAK.search(text, latest[id(nearest)], at):
        meant = nearest
    elif meant not in fitting:
        meant = min(fitting, key=lambda p: introduced[id(p)])
    kept[" ".join(key)] = meant
    return meant


SENTENCE_BREAK = re.compile(r"[.!?][\"”’]?\s")


def _token_index(people: list[Person]) -> dict[str, list[Person]]:
    """Each name word -> the people whose name holds it (a name is looked up by its first word)."""
    index: dict[str, list[Person]] = {}
    for person in people:
        for token in person.tokens:
            index.setdefault(normalise_name(token), []).append(person)
    return index


KNOWN_AS = re.compile(rf",?\s*\(?(?:(?:widely|better|popularly|commonly|also|universally)\s+)?"
                      rf"(?:known|referred to)\s+as\s+[“\"]?(?P<nickname>{NAME_TOKEN})")


def _nickname_mentions(text, spans) -> list[tuple[int, int, Person, str]]:
    """Mentions by a nickname the text introduces ("Joko Widodo, widely known as Jokowi").

    >>> people = [Person(["Joko", "Widodo"], posts=[("President", None)])]
    >>> text = "Joko Widodo, widely known as Jokowi, arrived. Jokowi met Putin."
    >>> [(s, e, p.name) for s, e, p, _ in _nickname_mentions(text, [(0, 11, people[0], "titled")])]
    [(29, 35, 'Joko Widodo'), (46, 52, 'Joko Widodo')]
    """
    nicknames: dict[str, Person] = {}
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


#: a patronymic of the Russian pattern ("Vladimirovich", "Viktorovna", "Ilyich")
#: a generational suffix after a name
GENERATION = re.compile(r"(?:Jr|Sr)\.?")
#: a regnal number after a monarch's name ("Abdullah II")
REGNAL_NUMBER = re.compile(r"[IVX]+")
RUSSIAN_PATRONYMIC = re.compile(r"[A-Z][a-z]+(?:[oe]vich|[oe]vna|ichna|yich|ilich|ich)")


def _written_name(person: Person, other_forms: list[list[str]]) -> list[str]:
    """An office-holder's name as the article writes it in full ("Abdel Fattah al-Sisi"), the
    gazetteer's when the article writes that too or only a surname ("Putin")."""
    forms = [person.tokens, *other_forms]
    canonical = person.holder.name.split()
    if not any(GENERATION.fullmatch(t) for form in forms for t in form):
        # "Domingo Siazon" where the gazetteer has "Domingo Siazon Jr.": as the article writes it
        canonical = [t for t in canonical if not GENERATION.fullmatch(t)]

    def spelling(form):  # particles and styles count: "al-Sisi" is no "el-Sisi", "King Abdullah II"
        return [w for w in normalise_name(" ".join(form)).split() if len(w) > 1 and w != "jr"]

    if any(spelling(form) == spelling(canonical) or spelling(family_last(form)) == spelling(canonical)
           for form in forms):
        return canonical
    # "Al-Thani" in an agency's house style is the gazetteer's "Al Thani" (but "El Sisi" stays
    # the article's, not "el-Sisi": a hyphen only the gazetteer writes is a spelling of its own)
    unhyphenated = [w for w in normalise_name(" ".join(canonical)).split() if len(w) > 1]
    if "-" not in " ".join(canonical) and any(
            "-" in " ".join(form)
            and [w for w in normalise_name(" ".join(form)).replace("-", " ").split()
                 if len(w) > 1] == unhyphenated for form in forms):
        return canonical
    # "Miguel Díaz-Canel Bermúdez": a second (maternal) surname after the usual name
    if any(len(form) == len(canonical) + 1 and spelling(form[:-1]) == spelling(canonical)
           and form[-1][:1].isupper() for form in forms):
        return canonical
    # "Vladimir Vladimirovich Putin": a Russian patronymic, which English news leaves out
    if any(len(form) == len(canonical) + 1 and spelling(form[:1] + form[2:]) == spelling(canonical)
           and RUSSIAN_PATRONYMIC.fullmatch(form[1]) for form in forms):
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
    # "Faisal bin Farhan bin Abdullah": the name up to the father's, as the gazetteer has it
    cut = next((without_grandfather(form) for form in forms if without_grandfather(form)
                and not is_name_of(form, person.holder)
                and is_name_of(without_grandfather(form), person.holder)), None)
    if cut:
        return cut
    # "King Abdullah", "Queen Elizabeth": a style and the given name of a monarch the gazetteer
    # names with a regnal number ("Abdullah II")
    if any(REGNAL_NUMBER.fullmatch(t) for t in canonical[1:]) and any(
            len(form) == 2 and form[0] in ROYAL_STYLES
            and any(term.post == form[0] for term in person.holder.terms)  # not "Prince Charles"
            and normalise_name(form[1]) == normalise_name(canonical[0]) for form in forms):
        return canonical
    full = [form for form in forms if len(form) > 1]
    if full and _ends(spelling(max(full, key=len)), spelling(canonical)):
        return canonical  # "Tayyip Erdoğan": the usual name less a given name, in full
    if full:
        return max(full, key=len)
    # Only a surname, spelt as one of the holder's full aliases spells it ("Zelensky"): that
    # alias, not the canonical "Zelenskyy".
    surnames = {normalise_name(form[-1]) for form in forms}
    return next((written.split() for written in person.holder.aliases if " " in written
                 and written.split()[0] == canonical[0]
                 and normalise_name(written.split()[-1]) in surnames
                 and normalise_name(canonical[-1]) not in surnames), canonical)


def _ends(part: list[str], whole: list[str]) -> bool:
    """Whether ``part`` is ``whole`` less its first given name(s): "Tayyip Erdoğan" for Recep
    Tayyip Erdoğan, who goes by his second given name (a middle name left out is another
    matter: the usual name is then the shorter one).

    >>> _ends(["tayyip", "erdogan"], ["recep", "tayyip", "erdogan"])
    True
    >>> _ends(["sarah", "sanders"], ["sarah", "huckabee", "sanders"])
    False
    """
    return 1 < len(part) < len(whole) and whole[-len(part):] == part \
        and all(len(word) > 2 for word in whole[: -len(part)])  # no initials ("KP Sharma Oli")


def _united_by_holder(text, people, spans, published, index: HolderIndex):
    """Every form of an office-holder's name as one person under the gazetteer's name
    ("Joseph R. Biden Jr." and "Joe Biden"), written as the article writes it in full;
    returns the spans pointing at the survivors."""
    for person in people:
        if person.holder is None:
            holder = identify(_unstyled(person.tokens), published, index)
            if (holder is None or not _holder_fits(person, holder)) and len(person.tokens) == 1:
                # "Crown Prince Abdullah", "King Abdullah": the style makes the name
                holder = next(filter(None, (identify([*post.split(), *person.tokens], published,
                                                     index) for post, _ in person.posts)), None)
                if any(post in GIVEN_NAME_STYLES for post, _ in person.posts):
                    # "Sheikh Tamim", "Emir Tamim": a ruler known by the given name
                    styled = identify_styled(person.tokens[0], published, index)
                    if styled is not None:
                        person.holder = styled
                        continue
            if holder is None and len(person.tokens) == 1 and person.posts:
                # "President Abbas" in 2023: of the holders of that surname, the president
                holder = identify_by_post(person.tokens, [post for post, _ in person.posts],
                                          published, index)
            if holder is not None and _holder_fits(person, holder):
                person.holder = holder
    survivor: dict[int, Person] = {}
    first_of: dict[str, Person] = {}
    absorbed: dict[int, list[list[str]]] = {}
    for start, end, person, how in spans:
        if how == "name" and len(person.tokens) == 1:
            # one known by a surname ("Mr Assad said") whom the text also names in full
            # ("Bashar al-Assad took his seat")
            absorbed.setdefault(id(person), []).append(text[start:end].split())
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
            absorbed.setdefault(id(first), []).extend(
                [person.tokens, *absorbed.get(id(person), [])])
    for person in kept:
        if person.holder is not None:
            person.tokens = _written_name(person, absorbed.get(id(person), []))
    people[:] = kept
    return [(s, e, survivor.get(id(p), p), how) for s, e, p, how in spans]


def _resolve_counterparts(people: list[Person], sentences, mentions: list[Mention]) -> None:
    """"his Japanese counterpart Fumio Kishida" holds the post of the official whose counterpart
    he is: the first other official named earlier in the sentence."""
    by_name = {p.name: p for p in people}
    starts = mention_starts(mentions)
    for person in people:
        for index, (post, span) in enumerate(person.posts):
            if post.split()[-1] not in ("Counterpart", "Counterparts"):
                continue
            sentence = sentence_at(sentences, span.start)
            if sentence is None:
                continue
            for mention in mentions_between(mentions, starts, sentence.start, span.start):
                other = by_name.get(mention.official)
                if other and other is not person and other.posts and \
                        "Counterpart" not in other.posts[0][0]:
                    person.posts[index] = (other.posts[0][0], span)
                    break


def _to_official(person: Person, government: str | None, published: dt.date | None) -> Official:
    term = person.holder.term_on(published) if person.holder else None
    held = term.post if term is not None and published and term.covers(published) else None
    return Official(
        name=person.name,
        aliases=tuple(sorted(a for a in person.aliases if a != person.name)),
        # A style or a rank ("Prince Saud al-Faisal", "Cardinal Pietro Parolin") is the post only
        # when neither the text nor the gazetteer gives another.
        post=next((p for p, _ in person.posts if p not in STYLES), None)
        or held or (person.posts[0][0] if person.posts else None),
        government=government,
        evidence=(tuple(span for _, span in person.posts) or tuple(person.contacts[:1])
                  or tuple(person.named[:1])),
    )


def _is_in_office(person: Person, published: dt.date | None) -> bool:
    """Whether the gazetteer has ``person`` in office on the publication day."""
    term = person.holder.term_on(published) if person.holder and published else None
    return term is not None and term.covers(published)
