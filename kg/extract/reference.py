"""Reference: what points at an official without naming them, resolved to the official.

What this stage adds to the mentions of named officials:

- *title-only mentions* ("the Secretary", "Turkey's foreign minister"): the most salient official
  holding that title, or an untitled person the title gives a post;
- *pronouns* ("he", "her"), resolved with gender (a gendered honorific or the pronouns that follow
  a name) and syntax (an object pronoun is not its clause's subject; a possessive in a fronted
  phrase points forward to the subject after its comma);
- *quotation speakers*, and the *first person* inside a quotation ("I", "my") as its speaker;
- *group phrases* ("the two leaders held talks", "both men", "the three presidents"), which
  :mod:`kg.extract.communications` resolves with :func:`group_members`.

A group is the last officials the text named before the phrase, as many as the number says and of
the kind the noun says (presidents are presidents; leaders head a state or government). Counting
back over mentions rather than reusing the previous contact's pair lets a group that a sentence
introduces ("A welcomed B; the two leaders…") resolve on its own.

>>> from kg.extract.cast import Mention
>>> from kg.model import Official
>>> officials = {"A": Official("A", post="President"), "B": Official("B", post="Foreign Minister"),
...              "C": Official("C", post="Prime Minister")}
>>> before = [Mention(0, 1, "A", "name"), Mention(5, 6, "B", "name"), Mention(9, 10, "C", "name")]
>>> text = "A, B and C met. The two leaders talked."
>>> group_members(GROUP.search(text), before, officials.get)
['C', 'A']
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from itertools import pairwise

from kg.extract.cast import Mention, mention_starts, mentions_between
from kg.extract.clauses import (
    CLAUSE_BREAK,
    COORDINATION,
    FINITE_VERB,
    FRONTED_PHRASE,
    TITLE_SCOPE,
    WITH_OPENING,
    closes_fronted_phrase,
    fronted_phrase_end,
    is_title_gap,
    officials_named_together,
    possessive_pronoun,
)
from kg.extract.governments import STAFF
from kg.extract.names import LEADER_WORDS, Person, is_title_only, record_post
from kg.extract.sentences import Sentence, find_quotes, paragraph_start, sentence_at
from kg.extract.triggers import SPEECH_VERBS
from kg.knowledge import OfficeHolder

# Case as written: "HE" in a Gulf readout is "His Excellency"; nor is the possessive of a style
# before a name ("His Excellency Ratu X") a pronoun (a style alone is: "His Majesty received").
PRONOUNS = re.compile(r"\b(?:[Hh]e|[Ss]he|[Hh]im|[Hh]er|[Hh]is)\b(?![^\S\n]+(?:Royal[^\S\n]+)?"
                      r"(?:Excellency|Majesty|Highness|Holiness|Eminence)[^\S\n]+[A-Z])")
#: a ruler's style standing alone after "His" or "Her": "His Highness received", "His Majesty the King"
STYLE_ALONE = re.compile(r"[^\S\n]+(?:Royal[^\S\n]+)?(?:Highness|Majesty)\b")
FIRST_PERSON = re.compile(r"\b(?:I|me|my|I’ve|I've|I’m|I'm)\b")

#: words for the part an official plays ("the EU envoy", "the American negotiator"), which a
#: minister or a high representative sent on a mission plays as much as a titled envoy does
ROLE_WORDS = frozenset({"envoy", "special envoy", "negotiator", "chief negotiator", "mediator"})
# Posts too generic to give an untitled person ("at the head of the table", "his counterpart").
GENERIC_POSTS = frozenset({"head", "chief", "director", "counterpart", "counterparts", "adviser",
                           "advisor", "secretary", "minister", "official"})

#: the titles of monarchs: what "the monarch" can refer to
MONARCHS = ("king", "queen", "emir", "amir", "sultan", "emperor")
#: an official's partner named in a sentence's opening phrase: "After talks with X, …"
OPENING_ASIDES = re.compile(r"(?:[^\S\n]*(?:\w+ed|held|led)[^\S\n]+by[^\S\n][^,;:.]{1,60},)*\s*")
PARTNER_IN_OPENING = re.compile(r"\b(?:with|to|from|by)\s+(?:[\w.'’-]+\s+){0,4}$")
#: between a name and a title in apposition to it, perhaps after the name's postnominals
#: ("the Hon Sam Lui MP, the Deputy Prime Minister")
APPOSITION_GAP = re.compile(r"(?:[^\S\n]+[A-Z]{2,4})*,\s*(?:(?:then|now|at the time)\s+)?")
OTHER_PARTY_GAP = re.compile(r"\b(?:with|to|from|and|by|him|her|them|met|meet)\b", re.IGNORECASE)


#: what joins two coordinated officials: "Hague and him", "A, B and her"
COORDINATED_BEFORE = re.compile(r"\s*,?\s*(?:and|or)\s+")


def resolve_coreference(text, sentences, people, mentions, patterns, knowledge,
                        readout: bool = False) -> list[Mention]:
    """Add title-only and pronoun mentions, each resolved to the most salient fitting official
    (``people`` gain the posts and governments those titles give); a government's ``readout``
    calls its principal by a plain capitalised title ("The President met…")."""
    by_name = {p.name: p for p in people}
    extra: list[Mention] = []
    starts = mention_starts(mentions)
    for match in patterns.title_only.finditer(text):
        before = mentions[: bisect.bisect_left(starts, match.start())]
        sentence = sentence_at(sentences, match.start())
        if before and APPOSITION_GAP.fullmatch(text, before[-1].end, match.start()) and not (
                sentence and closes_fronted_phrase(text, sentence, before[-1].end, match.end())):
            # an apposition ("Wang Yi, China's foreign minister", "Petro Poroshenko, then
            # Ukraine's president-elect") titles its name
            continue
        if _names_next(text, mentions, starts, match.end()):
            # "the North Korean leader, Kim Jong Il", "his Saudi counterpart, Prince Faisal bin
            # Farhan": the title of the name after it
            continue
        of_country = OF_GOVERNMENT.match(text, match.end())
        if of_country and knowledge.government_by_surface.get(of_country.group("name")) \
                and _names_next(text, mentions, starts, of_country.end()):
            # "the President of Argentina, Cristina Fernández": the same, past the country
            named = mentions[bisect.bisect_left(starts, of_country.end())]
            extra.append(Mention(match.start(), match.end(), named.official, "title"))
            continue
        post_word = match.group("post").lower()
        # (with its rank: "the Deputy Prime Minister" is no prime minister)
        # (an initialism as its post's name: "EAM" is the External Affairs Minister)
        known = knowledge.post_by_surface.get(match.group("post")) \
            if match.group("post").isupper() else None
        titled_as = f"{match.group('mods') or ''}{known.name if known else post_word}".lower()
        # (a synonym names the post it stands for too: "the Indian premier" is a prime minister)
        synonym = knowledge.post_by_surface.get(match.group("post"))
        also_as = f"{match.group('mods') or ''}{synonym.name}".lower() \
            if synonym and post_word not in synonym.name.lower() \
            and not re.search(r"-(?:elect|designate)\b", post_word) else None
        government = knowledge.government_by_surface.get(
            match.group("gov") or match.group("owner_gov") or match.group("counterpart_gov") or "")
        target = None
        # "Prime Minister invited President X" in a readout: a title written bare, as readouts
        # write their principal's, stands for the first official it fits, not the latest; so
        # does a readout's capitalised "The President" that names no government.
        principal = match.group("bare") is not None or (
            readout and government is None and match.group("post")[:1].isupper())
        owner = by_name[before[-1].official] if before and sentence is not None \
            and before[-1].start >= sentence.start else None
        if post_word == "counterpart" and government is not None and owner is not None:
            # "co-chaired by the Head of Government, Mr. Akhannouch, and his Spanish
            # counterpart": of that government's officials, one of the owner's rank (a head of
            # government's counterpart is no foreign minister named since)
            target = next((by_name[m.official] for m in reversed(before[-200:])
                           if by_name[m.official] is not owner and not _late(by_name[m.official], text)
                           and _serves(by_name[m.official], government)
                           and _heads_a_government(by_name[m.official])
                           == _heads_a_government(owner)), None)
        for mention in ((before if principal else reversed(before[-200:]))
                        if target is None else ()):
            person = by_name[mention.official]
            if _late(person, text):
                continue  # "the late Amir Sabah": "His Highness the Amir" is his successor
            # A counterpart holds whatever post: only the government tells who it is.
            # ("their Cuban counterparts" are several: no one official the text named)
            # (staff lead nothing: "Press Secretary X wrote that the French leader…")
            leads = post_word in LEADER_WORDS and not any(STAFF.search(p) for p, _ in person.posts)
            if post_word.startswith("head of"):  # not the ambassador who called on him
                leads = _heads_a_government(person)
            if post_word in ("monarch", "sovereign"):  # a king, an emir, a sultan
                leads = any(_holds(person, title) for title in MONARCHS)
            fits_post = (leads or _holds(person, titled_as)
                         or (also_as is not None and _holds(person, also_as)) or (
                post_word == "counterpart" and government is not None)) and \
                not _other_scope(person, text, match.end())
            # "President Vladimir Putin at the Kremlin, across the Russian leader's table": an
            # official of no known government in the same sentence takes the title's.
            # Not across an exchange ("Macron briefed him on his talks with the Kremlin leader").
            unplaced_here = (not person.governments and sentence is not None
                             and mention.start >= sentence.start and mention.how != "pronoun"
                             and not OTHER_PARTY_GAP.search(text, mention.end, match.start())
                             # "Bush invited the Russian leader": a verb's object is another
                             and not FINITE_VERB.match(text, mention.end)
                             and match.start() - mention.end <= 60)
            # "President William Ruto … his Kenyan counterpart": the gazetteer places an
            # office-holder the text has not placed
            fits_government = government is None or _serves(person, government)
            if fits_post and (fits_government or unplaced_here):
                target = person
                if not fits_government:
                    person.governments.append(government)
                break
        if target is not None and post_word == "leader" and not _heads_a_government(target):
            # "Xi … Wang Yi … the Chinese leader had told Mr. Trump": a head of state or
            # government before a minister of the same side
            target = next((by_name[m.official] for m in reversed(before[-200:])
                           if _heads_a_government(by_name[m.official])
                           and (government is None or _serves(by_name[m.official], government))),
                          target)
        if target is not None and post_word not in LEADER_WORDS and not principal:
            # Of two crown princes, "the crown prince" is the one the article is about: the
            # fitting official named most often so far, the latest of equals.
            counts = Counter(m.official for m in before if m.how in ("titled", "name"))
            rivals = [by_name[name] for name in counts if by_name[name] is not target
                      and _holds(by_name[name], titled_as)
                      and (government is None or government in by_name[name].governments)]
            best = max(rivals, key=lambda p: counts[p.name], default=None)
            # "Tomorrow the Prime Minister will travel…" opening a paragraph: of officials named
            # as often, the one named first, whom the article follows
            if best is not None and (counts[best.name] > counts[target.name] or (
                    counts[best.name] == counts[target.name]
                    and _first_in_new_paragraph(text, before, match.start(), best, target))):
                target = best
            # "X met Y. The minister later briefed the press": a title opening a sentence
            # continues the previous sentence's subject when that one fits too.
            opens = sentence is not None and not text[sentence.start : match.start()].strip()
            subject = _previous_subject(before, sentences, sentence, by_name) if opens else None
            if subject is not None and subject is not target and _holds(subject, titled_as) \
                    and (government is None or government in subject.governments):
                target = subject
        if target is None and government is not None and post_word in ROLE_WORDS:
            # "the European Union's High Representative, Javier Solana … The EU envoy later
            # held a session": a word for what an official of that government does there, not
            # their post
            target = next((by_name[m.official] for m in reversed(before[-200:])
                           if by_name[m.official].posts and _serves(by_name[m.official], government)
                           and not _heads_a_government(by_name[m.official])), None)
        if target is None:
            if post_word in GENERIC_POSTS or SCOPE.match(text, match.end()):
                continue  # ("the President of the Republic": someone not named yet)
            target = _untitled_for(match, before, by_name, sentences, government)
            if target is None:
                continue
            # "Turkey's foreign minister had brought…" gives the untitled Çavuşoğlu his post.
            if post_word not in LEADER_WORDS:
                record_post(target, match, knowledge, sentences)
            elif government:
                target.governments.append(government)
        extra.append(Mention(match.start(), match.end(), target.name, "title"))
    extra.extend(_other_side_mentions(text, sentences, mentions, starts, by_name, knowledge))
    combined = sorted(mentions + extra, key=lambda m: m.start)
    starts = mention_starts(combined)
    genders = _genders(text, sentences, combined, starts)
    pronouns: list[Mention] = []
    # The officials of each recent sentence (pronouns included), subject first: a pronoun with
    # no antecedent in its own sentence points at the subject of the sentences before.
    recent: list[tuple[int, list[str]]] = []
    protagonist = _protagonist(combined, sentences)
    for number, sentence in enumerate(sentences):
        named = mentions_between(combined, starts, sentence.start, sentence.end)
        found: list[Mention] = []
        for match in PRONOUNS.finditer(sentence.text):
            start = sentence.start + match.start()
            if any(m.start <= start < m.end for m in named):
                continue  # a word of a name ("Vice Premier Liu He") is no pronoun
            gender = "f" if match.group().lower() in ("she", "her") else "m"
            if STYLE_ALONE.match(text, start + len(match.group())):
                # "His Highness telephoned X", "His Majesty the King": the style of a ruler
                # stands for the royal last named, not for whoever else was named since
                royal = next((m.official for m in reversed(combined[: bisect.bisect_left(starts, start)])
                              if m.official in by_name and _royal(by_name[m.official])
                              and genders.get(m.official, gender) == gender), None)
                if royal is not None:
                    found.append(Mention(start, start + len(match.group()), royal, "pronoun"))
                    continue
            # "Mrs May … he": a pronoun only points at an official of its gender (or unknown).
            # "After talks with X, he appeared": the one he talked with is not "he"
            comma = fronted_phrase_end(text, sentence.start, sentence.end) \
                if match.group().lower() in ("he", "she") \
                and FRONTED_PHRASE.match(text, sentence.start) else -1
            # (past a participle's aside on the phrase: "In the session, chaired by X, she…")
            opening_subject = comma >= 0 and bool(
                OPENING_ASIDES.fullmatch(text, comma + 1, start))
            # "With Afghan President Hamid Karzai he discussed…": no comma, the partner again
            partner_opening = match.group().lower() in ("he", "she") and bool(
                PARTNER_THEN_PRONOUN.fullmatch(text, sentence.start, start))
            same = [m for m in named if m.start < start and genders.get(m.official, gender) == gender
                    # "May, whom he had received": whom "he" received is not "he"
                    and not re.fullmatch(rf"{TITLE_SCOPE}whom\s+", text[m.end : start])
                    and not (opening_subject
                             and PARTNER_IN_OPENING.search(text, sentence.start, m.start))
                    and not partner_opening]
            window = [name for n, names in reversed(recent[-3:]) if number - n <= 3
                      for name in names if genders.get(name, gender) == gender]
            # "hosted Hague and him": one coordinated with a name is someone else (not "Reagan
            # and his wife": a possessive is of that name)
            previous = next((m for m in reversed(named) if m.end <= start), None)
            if previous is not None and COORDINATED_BEFORE.fullmatch(text, previous.end, start) \
                    and not possessive_pronoun(text, Mention(start, start + len(match.group()), "",
                                                             "pronoun")):
                same = [m for m in same if m.official != previous.official]
                window = [name for name in window if name != previous.official]
            if protagonist and genders.get(protagonist, gender) == gender and not any(
                    number - n == 1 and any(genders.get(name, gender) == gender for name in names)
                    for n, names in recent[-1:]):
                # A profile's "he", with nobody to fit in the sentence before, is its subject
                # rather than someone named in passing further back
                window = [protagonist] + [name for name in window if name != protagonist]
            # Most officials in the news are men: "she" goes first to a woman the text has shown.
            earlier = next((name for name in window if gender == "f" and genders.get(name) == "f"),
                           window[0] if window else None)
            # "In his address to the conference, Mr Olmert told…": a possessive in a fronted
            # phrase points forward to the subject after its comma.
            object_pronoun = match.group().lower() == "him" or (
                match.group().lower() == "her"
                and not possessive_pronoun(text, Mention(start, start + 3, "", "pronoun")))
            # ("At the Assembly, where Speaker Chung greeted him, Trump spoke": an object in
            # the phrase's relative clause too, whoever is that clause's subject)
            fronted = (not same or (object_pronoun and FRONTED_RELATIVE.search(
                text, sentence.start, start))) and \
                match.group().lower() in ("his", "her", "he", "she", "him") and \
                _fronted_subject(sentence, start, named, genders, gender)
            bound = _object_reference(sentence, start, same, window) if object_pronoun else None
            if fronted:
                target = fronted
            elif bound:
                target = bound
            elif same:
                # "A met B, and C travelled to X, where she…": a subject pronoun after a clause's
                # opening stands for the latest subject before it (a pronoun too: "He flew to
                # Manila for talks with B, then to Hanoi, where he saw C"), else the sentence's
                # first
                subject = match.group().lower() in ("he", "she") and _latest_subject(
                    text, sorted(same + [m for m in found
                                         if genders.get(m.official, gender) == gender],
                                 key=lambda m: m.start))
                # "X announced that Y would pay his first visit": a possessive in a reported
                # clause is its subject's
                reported = None if object_pronoun else _reported_clause_subject(
                    text, sentence.start, start, same)
                target = subject or reported or same[0].official
            elif earlier:
                target = earlier
            else:
                continue
            found.append(Mention(start, start + len(match.group()), target, "pronoun"))
        here = sorted(named + found, key=lambda m: m.start)
        if here:
            officials = list(dict.fromkeys(m.official for m in here))
            subject = _main_subject(text, sentence, here)
            if subject is not None:  # "Speaking with Mahuta, Blinken said…": Blinken first
                officials.remove(subject)
                officials.insert(0, subject)
            recent.append((number, officials))
        pronouns.extend(found)
    return sorted(combined + pronouns, key=lambda m: m.start)


def _protagonist(mentions: list[Mention], sentences) -> str | None:
    """The official an article is about, if there is one: the only one its headline (its first
    sentence) names, and named more often than anyone else in it."""
    if not sentences:
        return None
    ranked = Counter(m.official for m in mentions if m.how in ("titled", "name")).most_common(2)
    headline = {m.official for m in mentions if m.start < sentences[0].end}
    if len(headline) != 1 or not ranked or ranked[0][0] not in headline \
            or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


#: a verb right after a name (an apposition between): the name is its clause's subject
SUBJECT_VERB = re.compile(r"(?:,[^,;:.]{1,90},)?[^\S\n]+(?:(?:has|had|have|was|is|also|then|later|"
                          r"again)[^\S\n]+)*(?:[a-z]+ed|met|said|told|spoke|went|flew|made|held|"
                          r"took|gave|saw|came|left|sent|wrote)\b")


#: a name's verb going straight on to an object pronoun ("received him", "spoke with her")
VERB_BEFORE_OBJECT = re.compile(SUBJECT_VERB.pattern + r"(?:[^\S\n]+(?:with|to|by|for))?[^\S\n]+")


#: a sentence opening on a partner and going straight on to its subject pronoun
PARTNER_THEN_PRONOUN = re.compile(WITH_OPENING.pattern + r"[^,.;:]{1,80}?[^\S\n]+")


def _latest_subject(text: str, named: list[Mention]) -> str | None:
    """The official named last among ``named`` as the subject of a verb, if any."""
    return next((m.official for m in reversed(named) if SUBJECT_VERB.match(text, m.end)), None)


def _reported_clause_subject(text: str, sentence_start: int, at: int,
                             named: list[Mention]) -> str | None:
    """The official who opens the "that" clause the word at ``at`` stands in, if any."""
    that = text.rfind(" that ", sentence_start, at)
    return next((m.official for m in named if that >= 0 and that < m.start < at), None)


def _main_subject(text: str, sentence, here: list[Mention]) -> str | None:
    """The official who is the main clause's subject of a sentence opening with a phrase
    ("Speaking at a news conference with X, Y said…": Y), if the sentence opens so."""
    if not FRONTED_PHRASE.match(text, sentence.start):
        return None
    comma = fronted_phrase_end(text, sentence.start, sentence.end)
    first = next((m for m in here if comma >= 0 and m.start > comma), None)
    return first.official if first is not None and is_title_only(text[comma + 1 : first.start]) \
        and FINITE_VERB.match(text, first.end) else None


#: a word opening a subordinate clause before the main one
SUBORDINATOR = re.compile(r"after|before|while|when|since|although|because|following|whereas",
                          re.IGNORECASE)
COMMA = re.compile(",")


def _object_reference(sentence, start: int, same: list[Mention], window: list[str]) -> str | None:
    """Whom an object pronoun at ``start`` stands for: not its own clause's subject (the first
    official named in the clause, which begins after the last clause-breaking word) but the
    latest other official of the clause, else of the sentence before the clause ("Macron had
    been in Dubai, where MBZ hosted him"), else of the sentences before."""
    breaks = list(CLAUSE_BREAK.finditer(sentence.text, 0, start - sentence.start))
    clause_start = sentence.start + (breaks[-1].end() if breaks else 0)
    if breaks and breaks[-1].start() == 0 and SUBORDINATOR.fullmatch(breaks[-1].group()):
        # "After Magufuli was re-elected, Xi sent him": the main clause begins after the comma
        # closing the opening clause, the last one before the pronoun with a name after it
        commas = [sentence.start + c.end() for c in COMMA.finditer(
            sentence.text, breaks[-1].end(), start - sentence.start)]
        clause_start = next((c for c in reversed(commas)
                             if any(c <= m.start < start for m in same)), clause_start)
    clause = [m for m in same if m.start >= clause_start]
    # "Baerbock's counterpart, Colonna, called her": the owner of a title is no subject
    owners = {id(m) for m in same
              if sentence.text[m.end - sentence.start :][:2] in ("'s", "’s")}
    subject = next((m for m in clause if id(m) not in owners), None) or (clause or same or [None])[0]
    if subject is None:
        return None
    # "where Kufuor and Chissano saw him off": those coordinated with the subject are subjects too
    subjects = {subject.official}
    # "A received the minister, and B received him": the one whose verb governs the pronoun
    # is not its referent either
    subjects |= {m.official for m in clause
                 if VERB_BEFORE_OBJECT.fullmatch(sentence.text, m.end - sentence.start,
                                                 start - sentence.start)}
    for before, after in pairwise(clause[clause.index(subject):] if subject in clause else []):
        gap = sentence.text[before.end - sentence.start : after.start - sentence.start]
        if not (COORDINATION.match(gap) or is_title_gap(gap)):
            break
        subjects.add(after.official)
    others = [m.official for m in clause if m.official not in subjects] or [
        m.official for m in same if m.start < clause_start and m.official not in subjects]
    if others:
        return others[-1]
    return next((name for name in window if name not in subjects), None)


def _first_in_new_paragraph(text: str, before: list[Mention], at: int, best: Person,
                            target: Person) -> bool:
    """Whether a title at ``at``, with no official named yet in its paragraph, stands for
    ``best`` rather than ``target`` as the one of the two the article named first."""
    opening = paragraph_start(text, at)
    if any(m.start >= opening for m in before):
        return False
    order = list(dict.fromkeys(m.official for m in before))
    return order.index(best.name) < order.index(target.name)


def _previous_subject(before: list[Mention], sentences, sentence, by_name) -> Person | None:
    """The first official named (not by a pronoun) in the nearest of the two sentences before
    ``sentence`` that names one."""
    for previous in sentences[max(0, sentence.number - 2) : sentence.number][::-1]:
        named = [m for m in before if previous.start <= m.start < previous.end
                 and m.how in ("titled", "name")]
        if named:
            return by_name[named[0].official]
    return None


def _late(person: Person, text: str) -> bool:
    """Whether the text gives ``person`` every post as one of the dead ("the late Amir X")."""
    return bool(person.posts) and all(
        LATE.search(text, max(0, span.start - 12), span.start) for _, span in person.posts)


#: before a dead holder's title
LATE = re.compile(r"\b[Ll]ate[^\S\n]+$")


def _served(person) -> list[str]:
    """The governments ``person`` serves: as the text places them, or, where it does not, as
    the gazetteer does."""
    return person.governments or [term.government for term in person.terms]


def _serves(person, government: str) -> bool:
    """Whether ``person`` serves ``government`` (see :func:`_served`)."""
    return government in _served(person)


def _other_side_mentions(text, sentences, mentions: list[Mention], starts: list[int], by_name,
                         knowledge) -> list[Mention]:
    """"Xi welcomed his guest", "held talks with the visiting leader", "A and B joined their
    host": of the officials named before the sentence who do not serve the government of those it
    names before the phrase, the one named most; "his Ukrainian guest" is the one of that
    government named most. The officials named together right before "their" are its owners,
    and the other side may be named earlier in the same sentence ("at a lunch hosted by C, A
    and B joined their host")."""
    found = []
    for match in OTHER_SIDE.finditer(text):
        sentence = sentence_at(sentences, match.start())
        government = knowledge.government_by_surface.get(match.group("gov") or "")
        if sentence is None or (match.group("gov") and government is None) \
                or _names_next(text, mentions, starts, match.end()):
            continue  # "talks with his host, Mr. Shoigu": the apposition names the host
        named_here = mentions_between(mentions, starts, sentence.start, match.start())
        owners = officials_named_together(text, named_here, sentence.start) \
            if match.group().lower().startswith("their") else []
        here = {m.official for m in owners or named_here}
        before = mentions[: bisect.bisect_left(starts, owners[0].start if owners
                                               else sentence.start)]
        hosts = {g for name in here for g in _served(by_name[name])}
        candidates = [m for m in reversed(before[-50:]) if m.how != "pronoun"
                      and m.official not in here
                      and not any(_serves(by_name[m.official], g) for g in hosts)
                      and (government is None or _serves(by_name[m.official], government))]
        # the official the article has named most (of that government, if it says so), the
        # latest of equals: a guest is the visit's subject, not whoever was named last
        named = Counter(m.official for m in before)
        candidates.sort(key=lambda m: -named[m.official])
        guest = next(iter(candidates), None)
        if guest is not None:
            found.append(Mention(match.start(), match.end(), guest.official, "title"))
    return found


OTHER_SIDE = re.compile(r"\b(?:his|her|their|the)\s+(?:(?P<gov>(?-i:[A-Z])[\w'’-]+)\s+)?"
                        r"(?:(?:distinguished|honou?red|illustrious|royal)\s+)?"
                        r"(?:visiting\s+(?:leader|president|prime minister|"
                        r"minister|foreign minister|premier|chancellor|king|emir|counterpart)|guest|"
                        # "joined their host in", not "the host" nor "his host country"
                        r"visitor|(?<!the\s)host(?!\s+(?!(?:in|at|on|and|for|with|who|during|after|"
                        r"as|by|from)\b)(?-i:[a-z])))\b", re.IGNORECASE)


def _names_next(text: str, mentions: list[Mention], starts: list[int], end: int) -> bool:
    """Whether an apposition right after ``end`` names the official a phrase refers to ("his
    host, Mr. Shoigu"; "his Saudi counterpart, Prince Faisal"; past the title's scope: "the
    President of the ECOWAS Commission, Omar Touray")."""
    scope = SCOPE.match(text, end)
    end = scope.end() if scope else end
    following = bisect.bisect_left(starts, end)
    gap = text[end : mentions[following].start] if following < len(mentions) else ""
    return bool(re.fullmatch(r",\s*", gap)) or (gap.startswith(",") and is_title_only(gap[1:]))


def _royal(person: Person) -> bool:
    """Whether ``person`` holds, by the text or the gazetteer, a monarch's or a royal's title."""
    posts = [post for post, _ in person.posts] + [term.post for term in person.terms]
    return any(word in post.lower() for post in posts for word in (*MONARCHS, "prince", "sheikh"))


def _heads_a_government(person: Person) -> bool:
    """Whether ``person`` holds, by the text or the gazetteer, a post that leads a government."""
    posts = [post for post, _ in person.posts] or [term.post for term in person.terms]
    return any(_head_title(post) in HEADS for post in posts)


def _holds(person: Person, post_word: str) -> bool:
    """Whether one of the posts of ``person``, without its scope, is the post a title names:
    "the Secretary-General" is not the Special Envoy of the Secretary-General."""
    posts = [post for post, _ in person.posts]
    if not posts and person.holder is not None:
        # "Trump … the president said": an office-holder named without a title holds the posts
        # the gazetteer knows
        posts = [term.post for term in person.terms]
    heads = [re.split(r" (?:of|for|to|on) ", post.lower())[0] for post in posts]
    if re.search(r"-(?:elect|designate)\b", post_word):
        return any(post_word in head for head in heads)  # "the president-elect": not the president
    # ("the Deputy Prime Minister" is not the prime minister, nor the other way round)
    return any((post_word in head or head in post_word)
               and bool(RANK_BELOW.search(post_word)) == bool(RANK_BELOW.search(head))
               for head in heads)


#: words that make a post one rank below the post they name
RANK_BELOW = re.compile(r"\b(?:deputy|vice|assistant|under|junior)\b|\bvice-")


#: the body a title is of: "the President of the Republic", "the President of the Senate"
SCOPE = re.compile(r"[^\S\n]+of[^\S\n]+the[^\S\n]+(?P<body>"
                   # ("the President of the 72nd session of the UN General Assembly")
                   r"(?:\d+(?:st|nd|rd|th)[^\S\n]+session[^\S\n]+of[^\S\n]+the[^\S\n]+)?"
                   r"[A-Z][\w-]+(?:[^\S\n]+[A-Z][\w-]+)*)")


#: the country a title is of, written after it: "the President of Argentina"
OF_GOVERNMENT = re.compile(r"[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?"
                           r"(?P<name>[A-Z][\w'’-]+(?:[^\S\n]+[A-Z][\w'’-]+)*)")


def _other_scope(person: Person, text: str, title_end: int) -> bool:
    """Whether the title ending at ``title_end`` names a body none of the posts of ``person``
    is of: "the President of the Republic" is not the President of the Senate."""
    scope = SCOPE.match(text, title_end)
    scoped = [post for post, _ in person.posts if " of the " in post]
    return scope is not None and bool(scoped) and not any(
        scope.group("body") in post for post in scoped)


#: a relative clause still open before a pronoun, in a sentence's opening phrase: "Speaking
#: with May, whom he…"; "At the Assembly, where Speaker Chung greeted him…"
FRONTED_RELATIVE = re.compile(r"(?:,\s+(?:whom|where|when)\s+[^,]*|\bwhom\s+)$")


def _fronted_subject(sentence, start: int, named: list[Mention], genders, gender) -> str | None:
    """The subject right after the comma of a sentence-opening phrase holding ``start``, when
    it is named and of the pronoun's gender; the phrase may end in an object relative clause
    ("Speaking with May, whom he had received, Mr. Trump said")."""
    comma = sentence.text.find(",", start - sentence.start)
    subordinate = SUBORDINATE_OPENING.match(sentence.text)
    opening = FRONTED_PHRASE.match(sentence.text) or subordinate
    relative = FRONTED_RELATIVE.search(sentence.text, 0, start - sentence.start)
    # ("where" or "when" in the opening phrase: nobody named, no pronoun, before the clause;
    # "On Monday, he flew to Manila, where he saw A, and then…" opened its main clause first)
    in_relative = opening and relative and ("whom" in relative.group() or not (
        re.search(r"\b(?:he|she|they)\b", sentence.text[: relative.start()], re.IGNORECASE)
        or any(m.start < sentence.start + relative.start() for m in named)))
    if comma < 0 or not opening or (
            not in_relative and (comma > 120 or "," in sentence.text[: start - sentence.start])):
        return None
    if not in_relative and sentence.text[start - sentence.start :][:3].lower() in ("he ", "she") \
            and not (subordinate and not OBJECT_PRONOUN.search(sentence.text, comma)):
        # "In May he hosted the Secretary-General, António Guterres": the main clause's subject
        # (not in a clause before it: "By the time he came, the General had made himself
        # President"; unless the main clause has him too: "When he landed, Putin greeted him")
        return None
    after = [m for m in named if m.start >= sentence.start + comma
             and m.how in ("titled", "name", "title")]
    if after and after[0].start - (sentence.start + comma) <= 40 and \
            (after[0].how != "title" and not in_relative  # ("…, Prime Minister thanked the President")
             or is_title_only(sentence.text[comma + 1 : after[0].start - sentence.start])) and \
            genders.get(after[0].official, gender) == gender:
        return after[0].official
    return None


#: a subordinate clause opening a sentence, with its subject a pronoun
SUBORDINATE_OPENING = re.compile(r"(?:When|After|Before|By the time|As soon as|Once|While|Although|"
                                 r"Though|Because|Until)\s+(?:he|she)\b")
OBJECT_PRONOUN = re.compile(r"\b(?:him|her)\b")


FEMININE_BEFORE = re.compile(r"\b(?:Mrs|Ms|Mme|Madame|Madam|Queen|Lady|Dame|Baroness|Princess|Smt|"
                             r"Shrimati|Sra|Señora|Ibu|Sheikha)\.?\s+$")
MASCULINE_BEFORE = re.compile(r"\b(?:Mr|M|King|Sir|Lord|Monsieur|Prince|Sheikh|Emir|Sultan|Shri|Sr|"
                              r"Señor|Pak|Bapak)\.?\s+$")


def _genders(text, sentences, mentions: list[Mention], starts: list[int]) -> dict[str, str]:
    """What the text says of each official's gender ("f" or "m"): a gendered honorific or
    style before their name ("Mrs May", "King Salman"), or the pronouns that follow them in
    sentences naming nobody else ("Merkel said she…"), when those all agree."""
    votes: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.how in ("titled", "name"):
            before = text[max(0, mention.start - 12) : mention.start]
            feminine = FEMININE_BEFORE.search(before)
            style = feminine or MASCULINE_BEFORE.search(before)
            # ("Sheikh Hasina": a style that is a word of the official's own name tells nothing)
            if style and style.group().split()[0].rstrip(".") not in mention.official.split():
                votes.setdefault(mention.official, set()).add("f" if feminine else "m")
    for sentence in sentences:
        here = mentions_between(mentions, starts, sentence.start, sentence.end)
        named = {m.official for m in here}
        if len(named) != 1:
            continue
        official = next(iter(named))
        first = here[0].end - sentence.start
        for match in PRONOUNS.finditer(sentence.text, first):
            word = match.group().lower()
            if word == "him" or (word == "her" and not possessive_pronoun(
                    text, Mention(sentence.start + match.start(),
                                  sentence.start + match.end(), official, "pronoun"))):
                continue  # "Putin sent her a letter": an object is someone else
            votes.setdefault(official, set()).add("f" if word in ("she", "her") else "m")
    return {name: next(iter(found)) for name, found in votes.items() if len(found) == 1}


def _untitled_for(match: re.Match, before: list[Mention], by_name: dict[str, Person],
                  sentences: list[Sentence], government: str | None) -> Person | None:
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


def find_quote_speakers(text: str, mentions: list[Mention]) -> dict[tuple[int, int], str]:
    """Who said each quotation: the official named or pronoun right after or before it."""
    speakers: dict[tuple[int, int], str] = {}
    after = re.compile(rf"^[,.!?]?\s*(?:[\"”’]\s*)?(?:(?:{SPEECH_VERBS})[^\S\n]+)?")
    starts = mention_starts(mentions)
    for start, end in find_quotes(text):
        tail = text[end : end + 80]
        lead = after.match(tail)
        position = end + (lead.end() if lead else 0)
        candidates = [m for m in mentions_between(mentions, starts, position, position + 80)
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
            before = mentions_between(mentions, starts, window_start - 80, window_start)
            if before:
                speakers[(start, end)] = before[-1].official
    return speakers


def resolve_first_person(text, mentions, quote_speakers, author: str | None = None
                         ) -> list[Mention]:
    """Add the first person inside each quotation ("I", "my") as a mention of its speaker;
    outside quotations, in a transcript's turn as one of the turn's speaker ("SECRETARY KERRY:
    … Tomorrow I travel to Jerusalem"), elsewhere as one of the ``author`` of an official's own
    release ("Today I held talks with…")."""
    extra = []
    for (start, end), speaker in quote_speakers.items():
        for match in FIRST_PERSON.finditer(text, start, end):
            extra.append(Mention(match.start(), match.end(), speaker, "first_person"))
    turns = transcript_turns(text, mentions)
    if not turns and author is None:
        return sorted(mentions + extra, key=lambda m: m.start)
    quotes = find_quotes(text)
    for match in FIRST_PERSON.finditer(text):
        if _quoted(quotes, match.start()):
            continue
        turn = next((t for t in turns if t[0] <= match.start() < t[1]), None)
        speaker = turn[2] if turn else author
        if speaker is not None:
            extra.append(Mention(match.start(), match.end(), speaker, "first_person"))
    return sorted(mentions + extra, key=lambda m: m.start)


#: a label opening a transcript's turn, at the start of a line: "SECRETARY KERRY:", "PRIME
#: MINISTER ALBANESE:", "Hua Chunying:", "Q:"
SPEAKER_LABEL = re.compile(r"^[^\S\n]*(?P<label>[A-Z][\w.'’ -]{0,50}?)[^\S\n]*:[^\S\n]+(?=\S)",
                           re.MULTILINE)
#: the labels of those who ask, not officials: their turns are nobody's first person
QUESTIONER = re.compile(r"Q|QUESTION|Question|JOURNALIST|Journalist|REPORTER|Reporter|"
                        r"MODERATOR|Moderator|PARTICIPANT|Participant|AUDIENCE MEMBER")


def transcript_turns(text: str, mentions: list[Mention]) -> list[tuple[int, int, str | None]]:
    r"""The turns of a transcript, (start, end, speaker), each from a speaker's label to the
    next: the speaker is the one official the label names, None for a questioner. A text
    with fewer than two labels is no transcript ("Trudeau: India must cooperate" heads a
    report).

    >>> text = "SECRETARY KERRY: I met him.\nQ: Did you?\nKERRY: I did."
    >>> names = [Mention(0, 15, "John Kerry", "name"), Mention(40, 45, "John Kerry", "name")]
    >>> transcript_turns(text, names)
    [(0, 28, 'John Kerry'), (28, 40, None), (40, 53, 'John Kerry')]
    """
    labels = []
    starts = mention_starts(mentions)
    for label in SPEAKER_LABEL.finditer(text):
        named = {m.official for m in mentions_between(mentions, starts, label.start("label"),
                                                      label.end("label"))
                 if m.end <= label.end("label") and m.how in ("name", "titled", "title")}
        if len(named) == 1:
            labels.append((label.start(), named.pop()))
        elif QUESTIONER.fullmatch(label.group("label")):
            labels.append((label.start(), None))
    if len(labels) < 2:
        return []
    ends = [start for start, _ in labels[1:]] + [len(text)]
    return [(start, end, speaker) for (start, speaker), end in zip(labels, ends)]


def _quoted(quotes: list[tuple[int, int]], offset: int) -> bool:
    return any(start <= offset < end for start, end in quotes)


#: what an author line holds besides the official's name: titles, styles and postnominals in
#: capitals, with the small words of a post ("The Hon Anthony Albanese MP, Prime Minister of
#: Australia")
AUTHOR_LINE_REST = re.compile(r"(?:[\s,]|[A-Z][\w'’.-]*|of|the|and|for)*")


def release_author(text: str, mentions: list[Mention]) -> str | None:
    """The official an official's own release is written by, if it names them in a line of its
    head alone ("Media release / 12 January 2023 / The Hon Anthony Albanese MP, Prime Minister
    of Australia") and speaks in the first person outside quotations; else None.

    The head is the lines before the first paragraph of prose (a line of over 150 characters).
    """
    body = next((m.start() for m in re.finditer(r"^.{150,}$", text, re.MULTILINE)), len(text))
    quotes = find_quotes(text)
    if all(_quoted(quotes, m.start()) for m in FIRST_PERSON.finditer(text, body)):
        return None
    for line in re.finditer(r"^.+$", text[:body], re.MULTILINE):
        named = [m for m in mentions if line.start() <= m.start and m.end <= line.end()]
        if len({m.official for m in named}) != 1:
            continue
        bounds = [line.start()] + [at for m in named for at in (m.start, m.end)] + [line.end()]
        rest = "".join(text[a:b] for a, b in zip(bounds[::2], bounds[1::2]))
        if AUTHOR_LINE_REST.fullmatch(rest):
            return named[0].official
    return None


GROUP = re.compile(
    # "They met again in New York": the sides of the contact just reported; "the delegation
    # will meet X": those named together before it; "the heads of government … made
    # statements for the press": a definite plural with no number is "they" (as speakers only:
    # "the leaders agreed to meet again" after a summit are not the last pair who met)
    # ("the EU leaders held a session with X": a side's officials, named before)
    r"\b(?P<they>[Tt]hey|[Tt]he\s+(?:[A-Z][\w.-]*\s+)?delegation|(?P<definite>[Tt]he\s+"
    r"(?:(?P<side>(?!(?:prime|foreign|heads)\b)(?-i:[A-Z])[\w.'’-]*)\s+)?(?:heads\s+"
    r"of\s+(?:state|government)|presidents|prime\s+ministers|(?:foreign\s+)?ministers|leaders)))\s+"
    r"(?=(?:(?:then|later|"
    r"also|had|have|were|will|would|jointly|first|last|again|previously|once|already|"
    r"earlier)\s+)*(?:"
    # "They are expected to meet again": a plan of the same sides
    r"(?:are|were)\s+(?:(?:also|now)\s+)?(?:expected|due|scheduled|set|likely)\s+to\s+|"
    r"(?:plan|agreed)\s+to\s+)?(?:held|met|meet|sat|spoke|speak|talked|signed|agreed|shook|embraced|"
    r"witnessed|made)\b"
    # "They were then joined for lunch by C"
    r"|were\s+(?:then\s+|later\s+)?joined\b)|"
    # "each prime minister": one of two, in turn
    r"\beach\s+(?P<one>leader|president|prime minister|foreign minister|minister|side|"
    r"delegation)\b|"
    # "the Presidents of Azerbaijan and Turkmenistan": one official of each state named
    r"\b[Tt]he\s+(?P<plural>[Pp]residents|[Pp]rime\s+[Mm]inisters|[Ff]oreign\s+[Mm]inisters|"
    r"[Ll]eaders|[Hh]eads\s+of\s+[Ss]tate|[Mm]inisters\s+of\s+[Ff]oreign\s+[Aa]ffairs)\s+of\s+"
    r"(?P<states>(?:the\s+)?(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*(?:\s*,\s*(?:the\s+)?"
    r"(?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*)*)*,?\s+and\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*"
    r"(?:\s+(?-i:[A-Z])[\w'’-]*)*)|"
    # "the chancellors of both countries": one of each side
    r"\b[Tt]he\s+(?P<noun_of>presidents|prime\s+ministers|foreign\s+ministers|chancellors|"
    r"ministers|leaders)\s+of\s+(?:both|the\s+two)\s+(?:countries|nations|states|sides)\b|"
    r"\b(?:(?:the|both|all)\s+(?P<count>two|three|four|five)|(?P<both>both))\s+"
    # (a side's word before the noun: "the two Chinese ministers", not the noun's "Prime")
    r"(?:(?:(?P<count_side>(?!(?:prime|foreign|defen[cs]e|finance|heads)\b)(?-i:[A-Z])[\w.'’-]*)"
    r"\s+)?(?P<noun>leaders|heads of state|presidents|prime ministers|foreign ministers|ministers|"
    r"foreign secretaries|defen[cs]e ministers|finance ministers|"
    r"sides|men|women|officials|counterparts|envoys|delegations|chiefs|diplomats)\b|"
    # "the two sat down", "the two held talks": no noun, a verb follows
    r"(?=(?:then\s+|later\s+|also\s+|had\s+|have\s+|were\s+|will\s+|would\s+)?"
    r"(?:held|met|meet|sat|spoke|speak|talked|discussed|signed|agreed|shook|embraced|"
    r"appeared|exchanged|hold|had|have|"
    # "the two flew to Kyiv", "the three visited Beijing": a journey the group makes together
    r"flew|fly|travell?ed|travel|visited|visit|went|arrived|received|hosted|welcomed|saw|"
    r"called|telephoned|phoned)\b|"
    # "a call between the two on Sunday": no noun, a preposition follows
    r"(?:on|in|at|over|about)\b))",
    re.IGNORECASE)
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
GROUP_REACH = 40  # mentions back: a group stands for officials of the passage, not the article
HEADS = frozenset({"President", "Prime Minister", "Premier", "Chancellor", "King", "Queen", "Emir", "Sultan",
                   "Crown Prince", "Supreme Leader", "Chairman", "Vice President", "Head of State",
                   "Head of Government"})


def _head_title(post: str) -> str:
    """The title a post is built on: "President of the Council of Ministers" and "Federal
    Chancellor" are a president's and a chancellor's posts, as leaders."""
    head = re.match(r"(?i:head of (?:state|government))\b", post)
    return head.group() if head else \
        re.sub(r"^(?:Federal|Interim|Acting|Transitional)\s+", "", post.split(" of ")[0])


def _group_admits(noun: str, post: str | None) -> bool:
    """Whether an official holding ``post`` is one of the group ``noun`` names."""
    noun = noun.lower()
    if noun in ("leaders", "heads of state"):
        return post is None or _head_title(post) in HEADS
    if noun == "presidents":
        return post is None or "President" in post
    if noun == "prime ministers":  # (China's "Premier" is its prime minister)
        return post is None or _head_title(post) in ("Prime Minister", "Premier")
    if noun == "chancellors":  # (in Latin America, the foreign minister is the chancellor)
        return post is None or "Chancellor" in post or "Foreign" in post
    if noun == "foreign secretaries":
        return post is None or "Secretary" in post
    if noun in ("ministers", "foreign ministers", "defence ministers", "defense ministers",
                "finance ministers"):
        # cabinet ranks named otherwise: the US Trade Representative, the EU's commissioners,
        # Britain's Chancellor of the Exchequer; not the prime minister they sit under
        return post is None or any(word in post for word in (
            "Minister", "Secretary", "Representative", "Commissioner", "Chancellor")) \
            and _head_title(post) not in ("Prime Minister", "Premier", "President")
    return True


def _members_of_states(group: re.Match, before, official) -> list[str]:
    """"The Foreign Ministers of India and China": for each state, the official of that state
    and post named latest before the phrase; nobody unless every state has one."""
    noun = re.sub(r"\s+", " ", group.group("plural").lower())
    noun = "foreign ministers" if noun == "ministers of foreign affairs" else noun
    members: list[str] = []
    for state in re.split(r"\s*,\s*(?:and\s+)?|,?\s+and\s+", group.group("states")):
        state = re.sub(r"^the\s+", "", state).lower()
        member = next((m.official for m in reversed(before[-GROUP_REACH:])
                       if (record := official(m.official)) is not None
                       and record.government is not None and record.government.lower() == state
                       and _group_admits(noun, record.post) and m.official not in members), None)
        if member is None:
            return []
        members.append(member)
    return members


def side_members(group: re.Match, government: str, before, official) -> list[str]:
    """The officials of ``government`` a group names by its side ("the EU leaders", "the two
    Chinese ministers"), nearest first: as many as its number says, else all of the passage's
    who fit its noun; empty when there are fewer than that."""
    noun = group.group("noun") or group.group("definite").split()[-1]
    wanted = COUNTS[group.group("count").lower()] if group.group("count") else None
    members: list[str] = []
    for mention in reversed(before[-GROUP_REACH:]):
        record = official(mention.official)
        if record is not None and record.government == government \
                and _group_admits(noun, record.post) and mention.official not in members:
            members.append(mention.official)
    if wanted is not None:
        return members[:wanted] if len(members) >= wanted else []
    return members if len(members) > 1 else []


def group_members(group: re.Match, before, official, paragraph_start: int = 0) -> list[str]:
    """The officials a group phrase stands for: counting back over the mentions ``before`` it
    (in text order), distinct officials of the kind its noun names, nearest first.

    A group that opens a paragraph with nobody named yet in it ("The two leaders had first met
    in Singapore") stands for the article's protagonists: the fitting officials named most
    often so far. ``official`` looks an official up by name (for the post). Fewer officials
    than the number says means the group cannot be resolved: the result is empty.
    """
    if group.group("they"):
        return []  # no number, no noun: the sides of the contact just reported
    if group.group("states"):
        return _members_of_states(group, before, official)
    count = 2 if group.group("both") or not group.group("count") else COUNTS[
        group.group("count").lower()]
    noun = group.group("noun") or group.group("noun_of") or (group.group("one") or "") + "s"

    def fitting(mention) -> bool:
        record = official(mention.official)
        return record is not None and _group_admits(noun, record.post)

    if not any(m.start >= paragraph_start for m in before):
        named = Counter(m.official for m in before if fitting(m) and m.how != "pronoun")
        ranked = [name for name, _ in named.most_common(count)]
        return ranked if len(ranked) == count else []
    # Officials the text gave a fitting post come first: "Ding Xuexiang, Yang Jiechi and Wang Yi
    # were present. The two leaders witnessed…" are not the leaders.
    titled = noun.lower() in ("leaders", "heads of state", "presidents", "prime ministers",
                              "ministers", "foreign ministers")
    # And officials of the main clauses come before one a relative clause names ("A, and B,
    # the envoy whom President C appointed. The two men…" are A and B).
    near = before[-GROUP_REACH:]
    main = [m for m in near if not _in_relative_clause(group.string, m)]
    for pool in (main, near):
        for admits in (lambda m: titled and fitting(m) and official(m.official).post is not None,
                       fitting):
            members: list[str] = []
            for mention in reversed(pool):
                if len(members) == count:
                    break
                if mention.official not in members and admits(mention):
                    members.append(mention.official)
            if len(members) == count:
                return members
    return []


#: from the comma opening a relative clause to a mention inside it
RELATIVE_OPENING = re.compile(r",\s+(?:[^,;.]*?\s)?(?:who|whom|whose|which)\s[^,;.]*$")


def _in_relative_clause(text: str, mention) -> bool:
    """Whether ``mention`` is named inside a relative clause ("B, whom President C appointed")."""
    comma = text.rfind(",", max(0, mention.start - 200), mention.start)
    return comma >= 0 and RELATIVE_OPENING.match(text, comma, mention.start) is not None
