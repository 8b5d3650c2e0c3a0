"""Find communications: contacts between officials and statements to the public.

Each sentence is scanned for trigger words from ``communication_triggers.csv``. A trigger's clause
gives the participants (the subject before it, the objects after it), its status (occurred, planned;
negated and hypothetical mentions are dropped), its date and its initiator. Mentions of one event
are then merged into one communication carrying every evidence span.

>>> import datetime as dt
>>> from kg.knowledge import load_knowledge
>>> from kg.extract.officials import find_officials
>>> text = "Russian President Vladimir Putin phoned French President Emmanuel Macron on Monday."
>>> knowledge = load_knowledge()
>>> cast = find_officials(text, knowledge)
>>> [(c.kind.value, c.mode.value, c.participants, c.initiator, str(c.date))
...  for c in find_communications(text, dt.date(2022, 3, 9), cast, knowledge)]
[('contact', 'phone', ('Vladimir Putin', 'Emmanuel Macron'), 'Vladimir Putin', '2022-03-07')]
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

from kg.extract.dates import find_dates, mentions_other_period
from kg.extract.officials import Cast, Mention, alternation, is_title_only
from kg.extract.reference import GROUP, group_members
from kg.extract.sentences import Sentence, find_quotes, split_sentences
from kg.knowledge import Knowledge, Trigger
from kg.model import Communication, Kind, Mode, Span, Status

# Words that end the stretch of text a trigger's subject or objects can come from.
CLAUSE_BREAK = re.compile(
    # a full stop ends a clause, not the dots of "U.S.", "S. Jaishankar" or "Mr."
    r"[;:]|(?<!\b[A-Z])(?<!\bMrs)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bGen)(?<!\bSt)(?<!\bJr)\.\s|"
    r"\b(?:after|before|while|whereas|which|who|whom|but|because|although|when|where|"
    r"following|amid|than|since)\b|\baccording to\b[^,;.]*,?",
    re.IGNORECASE,
)
# Reported speech also ends a contact's clause ("X said Y met Z"), though not a statement's.
SPEECH_BREAK = re.compile(r"\b(?:said|says|announced|added|according|told)\b", re.IGNORECASE)
SECOND_VERB = re.compile(r"\s*,?\s*and\s+(?:(?:was|were|had|has|then|later|also|afterwards)\s+)*\w+")
COORDINATION = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+as well as\s+|\s+or\s+)$")
SOURCE_CONNECTIVES = re.compile(
    r"^(?:before that|after that|afterwards|later|later that day|then|earlier|shortly after|"
    r"soon after|the same day|that day|subsequently)\b",
    re.IGNORECASE,
)
CONTINUATION = re.compile(
    r"\b(?:after|before|following) (?:the|their|his|her) (?:meeting|talks|call|summit|visit|"
    r"conversation|session)|\bafterwards\b|\blater\b|\bthe same (?:day|evening|morning|night)\b|"
    r"\bduring (?:his|her|their|the) (?:stay|visit|trip)\b|\b(?:before|after) leaving\b|"
    r"\b(?:in the|that|the same) (?:morning|afternoon|evening)\b|\balso\b|"
    r"\b(?:a separate|meanwhile|at the same time)\b",
    re.IGNORECASE)
GAP_BEFORE = re.compile(r"\b(?P<count>a|one|two|three) days? (?P<way>after|before)\s*$",
                        re.IGNORECASE)
# "Should he decide to travel, he and Tebboune would meet": a condition, however far back.
INVERTED_CONDITION = re.compile(r"\W*(?:should|were)\s+(?:he|she|they|the\s+\w+)\s+\w+",
                                re.IGNORECASE)
#: days from publication within which a date can be the narrative's day (news reports the
#: days just past; a date further back is background, "the deadline of June 30, 2014")
NARRATIVE_REACH = 60
# Background: what happened before the narrative's day, or happens habitually.
RELATIVE_CLAUSE = re.compile(r"\s*(?:who|which|whom|whose)\b", re.IGNORECASE)
BACKGROUND = re.compile(r"\b(?:had|has|have|previously|earlier|once|ago|former(?:ly)?|last|since|"
                        r"(?:19|20)\d\d|often|usually|regularly|years?|months?|weeks?)\b",
                        re.IGNORECASE)
SINCE = re.compile(r"\bsince\b[^,;.]*", re.IGNORECASE)
DAY_SHIFT = re.compile(r"\b(?:(?P<earlier>a day earlier|the day before|the previous day)|"
                       r"a day later|the next day|the following day)\b", re.IGNORECASE)
PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
GROUP_NOUNS = (
    r"leaders?|officials?|counterparts?|government|authorities|ministers?|delegation|"
    r"representatives|diplomats|negotiators|president|prime minister|foreign minister|side"
)
TOPIC = re.compile(r"\b(?:about|discussed|on the (?:issue|question|situation) of|over)\s+"
                   r"(?P<topic>[^,.;:“”\"]{4,80})")
LOCATION = re.compile(r"\b(?:in|at)\s+(?P<place>(?:the\s+)?[A-Z][\w\-’']+(?:\s+[A-Z][\w\-’']+){0,2})")


@dataclass(frozen=True)
class _Mention:
    """One report of a communication, before mentions of the same event are merged."""

    communication: Communication
    offset: int
    #: the sentence places it in another month or year ("spoke by telephone in October")
    elsewhere: bool = False


@lru_cache(maxsize=4)
def _compiled(triggers: tuple[Trigger, ...]) -> list[tuple[re.Pattern, Trigger]]:
    # Case-insensitive, so that a trigger opening a sentence ("Speaking to reporters, …") counts.
    return [(re.compile(rf"(?<![\w-])(?:{t.pattern})(?![\w-])", re.IGNORECASE), t) for t in triggers]


def find_communications(text: str, published: dt.date | None, cast: Cast,
                        knowledge: Knowledge, check=None) -> list[Communication]:
    """Every distinct communication ``text`` reports, in order of first mention; ``check`` is
    called between sentences (it raises to stop a reading that takes too long)."""
    sentences = split_sentences(text)
    quotes = find_quotes(text)
    quote_starts = [s for s, _ in quotes]
    mentions = list(cast.mentions)
    starts = [m.start for m in mentions]
    found: list[_Mention] = []
    # The day the narrative is at, and the paragraph that set it.
    last_date: tuple[dt.date, int] | None = None
    previous_mentions: list[Mention] = []
    previous_paragraph = -1
    for sentence in sentences:
        if check is not None and sentence.number % 64 == 0:
            check()
        occupied: list[range] = []
        if sentence.paragraph != previous_paragraph:
            previous_mentions = []
        count_before = len(found)
        sentence_mentions = mentions[bisect.bisect_left(starts, sentence.start):
                                     bisect.bisect_left(starts, sentence.end)]
        in_sentence = [(s, e) for s, e in quotes[max(0, bisect.bisect_right(
            quote_starts, sentence.start) - 1):bisect.bisect_left(quote_starts, sentence.end)]
            if e > sentence.start]
        # Triggers in text order, so that "the two men" can look back at the talks just read;
        # at one place the table's earlier row wins.
        triggers = sorted((match.start(), rank, match.end(), trigger)
                          for rank, (pattern, trigger) in enumerate(_compiled(knowledge.triggers))
                          for match in pattern.finditer(sentence.text))
        for match_start, _, match_end, trigger in triggers:
            start = sentence.start + match_start
            end = sentence.start + match_end
            if any(start in r or end - 1 in r for r in occupied):
                continue
            mentions_here = _read_mention(text, sentence, start, end, trigger,
                                          sentence_mentions, previous_mentions, cast,
                                          in_sentence, published, last_date, found, knowledge)
            if mentions_here:
                occupied.append(range(start, end))
                found.extend(mentions_here)
        # The previous sentence's officials, while the paragraph goes on.
        previous_mentions = sentence_mentions
        previous_paragraph = sentence.paragraph
        dated = [d for _, d in find_dates(sentence.text, published, planned=False) if d
                 and (published is None or 0 <= (published - d).days <= NARRATIVE_REACH)]
        # The narrative is at the day of what this sentence reported, if it dated that; else
        # at its last day ("Netanyahu, who had flown in on Sunday, met Trump on Tuesday").
        reported = [m.communication.date for m in found[count_before:]
                    if m.communication.date and m.communication.status is Status.OCCURRED
                    and m.communication.date in dated]
        if reported:
            last_date = (reported[-1], sentence.paragraph)
        # "…on Thursday, the first since Russia invaded in February": a comparison, not its day.
        elif dated and not mentions_other_period(SINCE.sub("", sentence.text)):
            last_date = (dated[-1], sentence.paragraph)
        elif last_date and (SOURCE_CONNECTIVES.match(sentence.text)
                            or CONTINUATION.search(sentence.text)):
            # "X appeared before reporters after the talks. He said…": the paragraph goes on
            # with the day it continues.
            last_date = (last_date[0], sentence.paragraph)
    ordered = sorted(found, key=lambda m: m.offset)
    remarks = [m for m in ordered if _is_bare_remark(m.communication)]
    merged = _with_bare_remarks(
        _merge([m for m in ordered if not _is_bare_remark(m.communication)]), remarks)
    merged = _with_envoys(_with_companions(merged, text, cast), text, cast)
    return _with_visitors(_without_covered_visits(merged, cast), text, cast, knowledge)


def _read_mention(text, sentence, start, end, trigger, sentence_mentions, previous_mentions, cast,
                  quotes, published, last_date, found, knowledge) -> list[_Mention]:
    kind = Kind(trigger.kind)
    in_quote = next(((s, e) for s, e in quotes if s <= start < e), None)
    visible = [m for m in sentence_mentions
               if (in_quote is None) == (not any(s <= m.start < e for s, e in quotes))
               or (in_quote and in_quote[0] <= m.start < in_quote[1])]
    breaks = (CLAUSE_BREAK,) if kind is Kind.STATEMENT else (CLAUSE_BREAK, SPEECH_BREAK)
    clause_start, clause_end = _clause(sentence, start, end, breaks)
    subjects = _subjects(text, visible, clause_start, start) or _relative_subject(
        text, visible, clause_start)
    objects = _objects(text, visible, end, clause_end)
    if trigger.mode == Mode.CORRESPONDENCE.value:
        subjects, objects = _letter_sides(text, visible, start, clause_start, subjects, objects,
                                          sender_first=trigger.initiator == "subject")
    if MOTION.match(text, start):
        # "travelled to Ukraine with the EU's foreign policy chief": a companion, not a host.
        objects = [m for m in objects if not re.search(r"\bwith\b", text[end : m.start])]
    if not subjects:
        # "after talks with his Japanese counterpart": the owner of the title is the other side.
        owners = [m for i, m in enumerate(visible) if end <= m.start < clause_end
                  and _is_title_owner(text, visible, i)][:1]
        subjects = owners if owners and objects and owners[0].official not in _names(objects) else []
    if kind is Kind.STATEMENT:
        # Only an inverted speaker ("tweeted Blinken") follows a statement's trigger, or the
        # subject after an opening phrase ("In a post on Twitter, X wrote").
        objects = [m for m in objects if is_title_only(text[end : m.start])
                   and not (m.how == "pronoun" and trigger.mode == Mode.UNSPECIFIED.value)]
        if not subjects and not objects and start - sentence.start < 40:
            # "In a post on Twitter, X wrote": the speaker follows the opening phrase's comma,
            # not a "that" clause ("said in a statement that Putin…").
            comma = text.find(",", end, sentence.end)
            following = [m for m in visible if comma >= 0 and m.start > comma][:1]
            objects = [m for m in following if "," in text[end : m.start]
                       and not re.search(r"\bthat\b", text[end : m.start])
                       and is_title_only(text[end : m.start].rsplit(",", 1)[1])]
        if trigger.mode == Mode.UNSPECIFIED.value and subjects and not REMARK_GAP.fullmatch(
                text, subjects[-1].end, start):
            subjects = []  # "The Secretary emphasized …, the statement added": not his remark
        if len(subjects) == 1 and re.match(r"['’]s\b", text[subjects[0].end : subjects[0].end + 2]):
            subjects = []  # "Erdoğan's office had warned": an unnamed office speaks
    # "…, the two men telephoned X": the group, not an official named before it, is the subject.
    group = GROUP.search(text, subjects[-1].end if subjects else clause_start, end)
    group = group if group and group.start() < start else None
    if group and kind is Kind.STATEMENT and trigger.mode == Mode.UNSPECIFIED.value:
        return []  # "the spokesman said the two presidents had stressed…": reported content
    if group:
        # "the two leaders met", "the two men telephoned X together": the officials named last
        members = group_members(group, cast.mentions[:bisect.bisect_left(
            [m.start for m in cast.mentions], group.start())], cast.official,
            _paragraph_start(text, group.start()))
        previous = next((m.communication for m in reversed(found[-20:])
                         if m.communication.kind is Kind.CONTACT), None)
        subjects = members or (list(previous.participants) if previous else [])
        if kind is Kind.STATEMENT and subjects:
            # "the two leaders made statements to the press": one statement, all its speakers
            return [_Mention(Communication(
                kind, Mode(trigger.mode), Status.OCCURRED, tuple(_names(subjects)),
                (Span(group.start(), end, text[group.start():end], sentence.text),),
                date=_date(text, sentence, published, False, last_date, False, clause_start,
                           clause_end)), start)]
    # "On May 26": the month is no modal "may"
    factuality = _factuality(MONTH_MAY.sub("", text[clause_start:start]).lower(),
                             text[start:end].lower(), knowledge)
    if factuality in ("negated", "hypothetical") or INVERTED_CONDITION.match(sentence.text):
        return []
    planned = factuality == "planned"
    # "Erdoğan once said", "who had said earlier": a remark from before the events reported.
    # "On Monday X flew to Sochi, like the first trip in October 2015": a day of its own wins.
    own_day = any(clause_start <= sentence.start + offset < clause_end
                  for offset, d in find_dates(sentence.text, published, planned) if d)
    elsewhere = not own_day and (mentions_other_period(text[clause_start:clause_end]) or (
        kind is Kind.STATEMENT and bool(PAST_REMARK.search(text, clause_start, clause_end))))
    date = _date(text, sentence, published, planned, last_date, elsewhere, clause_start, clause_end,
                 trigger_at=start,
                 # "“…,” tweeted Blinken": a quotation carries no day from the narrative
                 carry=kind is Kind.CONTACT
                 or not text.startswith(("“", '"'), _paragraph_start(text, sentence.start)))
    if date and published and date > published:
        planned = True
    status = Status.PLANNED if planned else Status.OCCURRED
    evidence_start = min([start] + [m.start for m in subjects + objects if isinstance(m, Mention)])
    evidence_end = max([end] + [m.end for m in subjects + objects if isinstance(m, Mention)])
    evidence = Span(evidence_start, evidence_end, text[evidence_start:evidence_end], sentence.text)
    names = _names(subjects) + [n for n in _names(objects) if n not in _names(subjects)]
    if kind is Kind.STATEMENT:
        speaker = _names(subjects)[:1] or _names(objects)[:1]
        if trigger.mode == Mode.PRESS_BRIEFING.value:
            speaker = _joint_appearance(text, start, end, sentence, speaker, subjects, visible,
                                        found, date)
        if not speaker:
            return []
        if date is None and not elsewhere and not planned and published:
            # A post or briefing with no day of its own reacting to its speaker's contact of
            # the publication day takes that day (SCHEMA convention 5).
            date = next((published for m in reversed(found[-10:])
                         if m.communication.kind is Kind.CONTACT
                         and m.communication.date == published
                         and speaker[0] in m.communication.participants), None)
        communication = Communication(kind, Mode(trigger.mode), status, tuple(speaker),
                                      (evidence,), date=date)
        return [_Mention(communication, start, elsewhere)]
    convener = CONVENER.search(text, end, sentence.end)
    chair = next((m for m in visible if convener and convener.end() <= m.start
                  and m.start - convener.end() < 60 and is_title_only(text[convener.end():m.start])),
                 None) if len(names) >= 2 else None
    if chair and chair.official not in names:
        # "a meeting between A, B and C, convened by D": the convener takes part and starts it.
        names.append(chair.official)
    represented = {o.government for o in map(cast.official, names) if o}
    counterparts = _counterparts(text, end, clause_end, knowledge, represented) or _host_country(
        text, end, trigger, subjects, names, cast, knowledge)
    if len(names) == 1 and not counterparts and not subjects:
        # "The main event was an hour-long meeting with Vladimir Putin": the narrative's subject
        # is the other side.
        narrator = _narrative_subject(sentence_mentions, previous_mentions, names[0],
                                      clause_start, clause_end, found,
                                      text[sentence.start:clause_start])
        names = [narrator, names[0]] if narrator else names
        subjects = [narrator] if narrator else subjects
    if len(names) < 2 and not (names and counterparts):
        return []
    if date and CONTINUATION.search(sentence.text) and not any(
            d for _, d in find_dates(sentence.text, published, planned)):
        # "he also had conversations there with…" continues the last contact of its parties,
        # not whatever day the narrative reached since.
        date = next((m.communication.date for m in reversed(found[-10:])
                     if m.communication.kind is Kind.CONTACT and m.communication.date
                     and set(m.communication.participants) & set(names)), date)
    mode = _mode(Mode(trigger.mode), sentence.text, text[start:end], knowledge)
    initiator = chair.official if chair else _initiator(trigger, text, start, subjects, objects,
                                                          names, sentence.text, sentence.start)
    communication = Communication(
        kind=kind, mode=mode, status=status, participants=tuple(names), evidence=(evidence,),
        counterpart_governments=tuple(counterparts), initiator=initiator, date=date,
        # Only a meeting has a place; "the situation in Jerusalem" is a topic, not a venue.
        location=_location(text, clause_start, clause_end, knowledge) if mode is Mode.MEETING else None,
        topics=_topics(text, start, sentence.end),
    )
    pairs = _bilateral(communication, subjects, objects, trigger, text, sentence, clause_start,
                       clause_end)
    return [_Mention(c, start, elsewhere) for c in pairs]


SEPARATE = re.compile(r"\b(?:separate(?:ly)?|each|respectively|individually|one by one)\b",
                      re.IGNORECASE)
JOINT = re.compile(r"\b(?:together|jointly|joint|conference call|three-way|trilateral|four-way)\b",
                   re.IGNORECASE)


def _bilateral(communication: Communication, subjects, objects, trigger: Trigger, text: str,
               sentence: Sentence, clause_start: int, clause_end: int) -> list[Communication]:
    """One contact per counterpart where one official meets or calls several in turn ("held
    separate meetings with Kuleba and with Lavrov", "received calls from A, B and C"); calls are
    two-sided unless the text says they were joint."""
    own = _names(subjects)
    others = [n for n in _names(objects) if n not in own]
    separate = SEPARATE.search(text, clause_start, clause_end) or re.search(
        r"(?:conversations|meetings|calls)\b", communication.evidence[0].text) or (
        communication.mode is Mode.PHONE and not JOINT.search(sentence.text))
    if not separate or len(own) != 1 or len(others) < 2:
        return [communication]
    pairs = []
    for other in others:
        if communication.initiator in (own[0], other):
            initiator = communication.initiator
        else:
            initiator = {"subject": own[0], "object": other}.get(trigger.initiator)
        pairs.append(replace(communication, participants=(own[0], other), initiator=initiator))
    return pairs


OWNED_LETTER = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}")
GIVEN_TO = re.compile(r"\b(?:gave|handed|delivered|passed|presented|brought)\s+$")


def _letter_sides(text: str, visible: list[Mention], start: int, clause_start: int,
                  subjects: list, objects: list, sender_first: bool) -> tuple[list, list]:
    """Sender and receivers of a letter: named by its owner ("gave him the Algerian leader's
    written invitation"), the owner sent it and whoever it was given to received it; else the
    one who gave it sent it ("was received by Sisi and gave him a letter")."""
    owner = next((m for m in reversed(visible) if m.end <= start
                  and OWNED_LETTER.fullmatch(text, m.end, start)), None)
    if owner is None and not sender_first:
        return subjects, objects  # "a message from X": X sent it
    given = [(m, verb) for m in visible if clause_start <= m.start and m.end <= start
             for verb in [GIVEN_TO.search(text[max(clause_start, m.start - 12) : m.start])] if verb]
    if owner is not None:
        receivers = objects or [m for m, _ in given if m.start < owner.start
                                and m.official != owner.official]
        return [owner], receivers
    # "… and gave him a letter": given to the one named after the verb, by the verb's subject.
    near = [(m, verb) for m, verb in given if start - m.end <= 25]
    if not near:
        return subjects, objects
    receiver, verb = near[-1]
    verb_start = max(clause_start, receiver.start - 12) + verb.start()
    givers = _subjects(text, [m for m in visible if m.official != receiver.official],
                       clause_start, verb_start)
    return givers, [receiver] + [m for m in objects if m.official != receiver.official]


def _clause(sentence: Sentence, start: int, end: int,
            breaks: tuple[re.Pattern, ...]) -> tuple[int, int]:
    """The stretch of the sentence around a trigger, bounded by clause-breaking words."""
    before = sentence.text[: start - sentence.start]
    after = sentence.text[end - sentence.start :]
    cut_before = max([m.end() for b in breaks for m in b.finditer(before)], default=0)
    cut_after = min([m.start() for b in breaks for m in [b.search(after)] if m], default=len(after))
    return sentence.start + cut_before, end + cut_after


def _subjects(text: str, mentions: list[Mention], clause_start: int, start: int) -> list[Mention]:
    """The officials right before the trigger, with those coordinated with them ("A and B")."""
    before = [m for m in mentions if clause_start <= m.start and m.end <= start]
    # "Lamamra, travelling as Tebboune's special envoy, was received": the owner of a title in
    # an apposition is not the subject ("Biden's meeting with…" is Biden's).
    before = [m for m in before if not (re.match(r"['’]s\b", text[m.end : m.end + 2])
                                        and "," in text[m.end : start])]
    if not before:
        return []
    if SECOND_VERB.match(text[before[-1].end : start]):
        # "She met X and was received by Y": the second verb shares the first one's subject.
        before = before[:1]
    chosen = [before[-1]]
    for mention in reversed(before[:-1]):
        gap = text[mention.end : chosen[-1].start]
        if COORDINATION.match(gap) or _is_title_gap(gap):
            chosen.append(mention)
        else:
            break
    return list(reversed(chosen))


SHARED_STAGE = re.compile(r"\b(?:joint|same|together)\b|\bbeside\b|\balongside\b|\bwith his host\b",
                          re.IGNORECASE)
WITH_AFTER = re.compile(r"\s+(?:with|alongside|beside)\s+")


def _joint_appearance(text: str, start: int, end: int, sentence: Sentence, speaker: list[str],
                      subjects: list, visible: list[Mention], found: list[_Mention],
                      date: dt.date | None) -> list[str]:
    """Everyone who holds a joint news conference (SCHEMA convention 3): the speakers named
    together ("Zelensky and Guterres"), whoever it is held with ("a news conference with Kuleba"),
    and, after a meeting ("At a joint news conference after the meeting"), the parties of the
    meeting of that day."""
    near = text[max(sentence.start, start - 40) : min(sentence.end, end + 40)]
    # "a news conference on Friday with Prime Minister May", "with X and Y"
    partner = WITH_AFTER.search(text, end, min(sentence.end, end + 40))
    if partner and re.search(r"[,;]|\b(?:after|before|following)\b", text[end : partner.start()]):
        partner = None
    if not SHARED_STAGE.search(near) and not partner:
        return speaker
    holders = list(dict.fromkeys(speaker + _names(subjects)))
    if partner:
        holders.extend(_names(_objects(text, visible, partner.end() - 1, sentence.end)))
    # The meeting it follows: named in the sentence ("after his talks with Orbán"), else the
    # largest recent contact of its speakers.
    talks = FOLLOWED_TALKS.search(text, end, sentence.end)
    if talks:
        return list(dict.fromkeys(holders + _names(_objects(text, visible, talks.end() - 1,
                                                            sentence.end))))
    recent = [m.communication for m in found[-10:] if m.communication.kind is Kind.CONTACT
              and (not holders or set(holders) & set(m.communication.participants))]
    # The meeting of the news conference's own day, where the text dates both.
    recent = [c for c in recent if c.date == date] or recent
    # Only when the text names fewer than two holders does the meeting supply them.
    if recent and SHARED_STAGE.search(near) and len(holders) < 2:
        holders.extend(max(reversed(recent), key=lambda c: len(c.participants)).participants)
    return list(dict.fromkeys(holders))


FOLLOWED_TALKS = re.compile(r"\b(?:after|following)\s+(?:his|her|their|the)\s+(?:[\w-]+\s+)?"
                            r"(?:talks|meeting|call|conversation|session)\s+with\s")


FRONTED = re.compile(r"\W*(?:after|before|following|while|when|since|during)\W*", re.IGNORECASE)


def _narrative_subject(sentence_mentions: list[Mention], previous_mentions: list[Mention],
                       other: str, clause_start: int, clause_end: int, found: list[_Mention],
                       sentence_text_before: str) -> str | None:
    """Who the narrative is about where a contact names only its other side: the first official
    of the sentence before the trigger's clause (or after a fronted one), else the first of the
    sentence before, else whoever took part in most of the contacts read so far (the traveller
    of a trip report)."""
    outside = [m for m in sentence_mentions if m.start < clause_start]
    if FRONTED.fullmatch(sentence_text_before):
        # "After talks with Erdoğan, Guterres flew on": the main clause's subject.
        outside += [m for m in sentence_mentions if m.start >= clause_end]
    for mention in outside + previous_mentions[:1]:
        if mention.official != other and mention.how != "first_person":
            return mention.official
    counts = Counter(name for mention in found if mention.communication.kind is Kind.CONTACT
                     for name in mention.communication.participants if name != other)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _relative_subject(text: str, mentions: list[Mention], clause_start: int) -> list[Mention]:
    """The official a relative clause hangs on ("Lavrov, who had said earlier…")."""
    if not re.search(r"\b(?:who|whom)\s*$", text[max(0, clause_start - 8) : clause_start]):
        return []
    before = [m for m in mentions if m.end <= clause_start]
    if before and re.fullmatch(r",?\s*(?:who|whom)\s*", text[before[-1].end : clause_start]):
        return before[-1:]
    return []


def _objects(text: str, mentions: list[Mention], end: int, clause_end: int) -> list[Mention]:
    """The officials after the trigger: the first within reach, and those coordinated with it."""
    # "talks with her Russian counterpart, Sergei Lavrov": the possessive only owns the title;
    # "Lavrov, …, his spokeswoman, X, said": the reporter of a remark is no party to it.
    after = [m for i, m in enumerate(mentions) if end <= m.start < clause_end
             and not _is_title_owner(text, mentions, i)
             and not REPORTER.match(text, m.end)]
    if re.match(r"\s*[,—–]", text[end : end + 3]):
        return []  # "after the talks, the ministers…": a new phrase, not the trigger's object
    # Within reach: 90 characters, not counting the title right before the name.
    if not after or after[0].start - end - len(_trailing_title(text[end:after[0].start])) > 90:
        return []
    chosen = [after[0]]
    # "talks between the EU's coordinator, Enrique Mora, and Iran's chief negotiator, Ali
    # Bagheri Kani": "between" holds every side named up to the clause's end.
    between = BETWEEN.search(text[end : after[0].start]) or BETWEEN.search(text, end - 8, end)
    for mention in after[1:]:
        gap = text[chosen[-1].end : mention.start]
        if COORDINATION.match(gap) or _is_title_gap(gap) \
                or re.fullmatch(r"\s+(?:with|and with)\s+", gap) \
                or (between and re.match(r",?\s+and\b", gap) and not re.search(r"[;:]", gap)):
            chosen.append(mention)
        else:
            break
    return chosen


# What may stand between a speaker and a bare speech verb: an apposition and adverbs.
CONVENER = re.compile(r",?\s+(?:convened|chaired|hosted|brokered|mediated|organi[sz]ed) by\s+")
REMARK_GAP = re.compile(r"(?:['’]s[^\S\n][^,.;:]{1,40})?(?:\s*,[^,.;:“”\"]{1,90})?,?\s*"
                        r"(?:(?:has|had|have|also|later|then|once|already|again|on \w+|\w+ly)\s+)*")
MOTION = re.compile(r"(?:travel|flew|fly|arriv|trip|went|came|drove)", re.IGNORECASE)
BETWEEN = re.compile(r"\bbetween\b", re.IGNORECASE)
PAST_REMARK = re.compile(r"\b(?:once|previously|in the past|(?:said|told|warned) earlier)\b",
                         re.IGNORECASE)
REPORTER = re.compile(r",?\s+(?:said|says|added|told)\b")


def _is_title_owner(text: str, mentions: list[Mention], index: int) -> bool:
    """Whether mention ``index`` is a possessive before the title of the next official."""
    mention = mentions[index]
    return (mention.how == "pronoun" and text[mention.start:mention.end].lower() in ("his", "her")
            and index + 1 < len(mentions)
            and _owns_title(text[mention.end : mentions[index + 1].start]))


TRAILING_TITLE = re.compile(r"(?:(?:[A-Z][\w'’-]*|of|and|for|the)\s+)+$")


def _trailing_title(gap: str) -> str:
    """The capitalised title that ends ``gap`` ("South African Minister of … Cooperation ")."""
    match = TRAILING_TITLE.search(gap)
    return match.group() if match else ""


def _owns_title(gap: str) -> bool:
    """Whether ``gap`` is a short title owned by a possessive ("her Russian counterpart, ").

    >>> _owns_title(" Russian counterpart, "), _owns_title(" and then met ")
    (True, False)
    """
    words = gap.replace(",", " ").split()
    return 0 < len(words) <= 4 and not re.search(r"[.;:]|\b(?:and|or|with|to|met|and)\b", gap)


def _is_title_gap(gap: str) -> bool:
    """Whether ``gap`` is only "and" and a title between two names ("…, and Chinese President …"),
    not a new clause ("… and was received by …").

    >>> _is_title_gap(" and Chinese President "), _is_title_gap(" and was received by ")
    (True, False)
    """
    match = re.fullmatch(r"\s*,?\s*(?:and\s+)?(?:with\s+)?(.{0,60})", gap) \
        if "," in gap or " and " in gap else None
    if not match:
        return False
    # "…, and Japan's prime minister, Shinzo Abe": a title written in lower case counts too.
    title = LOWER_TITLE.sub(lambda w: w.group().title(), match.group(1))
    return is_title_only(title)


#: lower-case words of titles ("Japan's prime minister", "his Chinese counterpart")
LOWER_TITLE = re.compile(
    r"\b(?:the|his|her|their|its|prime|minister|ministers|president|foreign|secretary|"
    r"counterpart|chancellor|leader|king|queen|emir|deputy|vice|defen[cs]e|spokes(?:man|woman)|"
    r"envoy|ambassador|adviser|advisor|chief|head|state|affairs|national|security|special|"
    r"representative|general|premier|crown|prince)\b")


def _paragraph_start(text: str, offset: int) -> int:
    """Where the paragraph holding ``offset`` begins."""
    return text.rfind("\n", 0, offset) + 1


def _names(mentions: list) -> list[str]:
    names: list[str] = []
    for mention in mentions:
        name = mention.official if isinstance(mention, Mention) else mention
        if name not in names:
            names.append(name)
    return names


@lru_cache(maxsize=4)
def _cue_patterns(knowledge: Knowledge) -> dict[str, re.Pattern]:
    def cue_pattern(cues) -> re.Pattern:
        return re.compile(rf"(?<![\w’'])(?:{alternation(cues)})(?![\w’'])")

    return {effect: cue_pattern(c for c in cues if c != "to")
            for effect, cues in knowledge.factuality.items()}


INFINITIVE = re.compile(r"\bto\s+$")
MOTION_TO = re.compile(r"\b(?:went|came|travelled|traveled|flew|arrived|returned)\s+to\s+$")


MONTH_MAY = re.compile(r"\bMay\b(?=\.?\s+\d)|(?<=\d)\s+May\b|\b(?:in|of|early|late|mid-?)\s+May\b")


def _factuality(before: str, trigger: str, knowledge: Knowledge) -> str:
    """``negated``, ``hypothetical``, ``planned`` or ``occurred`` from the cues before a trigger."""
    cues = _cue_patterns(knowledge)
    window = before[-70:]
    for effect in ("negated", "hypothetical"):
        if effect in cues and cues[effect].search(window):
            return effect
    near = before[-40:]
    # "to meet", "to visit": an infinitive right before the trigger word.
    if INFINITIVE.search(near) and not MOTION_TO.search(near):
        return "planned"
    if "planned" in cues and cues["planned"].search(near):
        return "planned"
    return "occurred"


def _date(text, sentence: Sentence, published, planned, last_date, elsewhere: bool,
          clause_start: int, clause_end: int, trigger_at: int | None = None,
          carry: bool = True) -> dt.date | None:
    """The day a mention happened: a date in its clause, else in its sentence (counted from the
    sentence's day after "a day after"); else the narrative's day when the sentence continues it ("before that", "after the meeting", "the same evening"), shifted by
    "a day earlier" / "the next day", or when it stays in the paragraph that set that day."""
    if elsewhere:
        return None
    found = [(sentence.start + offset, d)
             for offset, d in find_dates(sentence.text, published, planned) if d]
    # "X met Netanyahu, who had flown in on Sunday": a relative clause's day is not the event's.
    found = [(offset, d) for offset, d in found if offset < clause_end
             or not RELATIVE_CLAUSE.match(text, clause_end)]
    if found:
        # "After talks on Monday, X began Tuesday with a meeting": the clause's own day.
        # Of several, the one after the trigger ("flew on Tuesday and will hold talks on
        # Wednesday"), else the nearest before it.
        in_clause = [(offset, d) for offset, d in found if clause_start <= offset < clause_end]
        after = [d for offset, d in in_clause if trigger_at is not None and offset >= trigger_at]
        own = after[0] if after else in_clause[-1][1] if in_clause and trigger_at is not None \
            else in_clause[0][1] if in_clause else None
        if own:
            return own
        # "held talks on Thursday, a day after meeting Zelensky": counted from the sentence's day.
        gap = GAP_BEFORE.search(text, max(sentence.start, clause_start - 30), clause_start)
        if not gap:
            return found[0][1]
        days = {"a": 1, "one": 1, "two": 2, "three": 3}[gap.group("count").lower()]
        return found[0][1] + dt.timedelta(days=-days if gap.group("way") == "after" else days)
    if last_date is None or planned:
        return None  # a plan announced on the narrative's day happens some other day
    day, paragraph = last_date
    shift = DAY_SHIFT.search(sentence.text)
    if shift:
        return day + dt.timedelta(days=-1 if shift.group("earlier") else 1)
    if SOURCE_CONNECTIVES.match(sentence.text) or CONTINUATION.search(sentence.text):
        return day
    if sentence.paragraph == paragraph:
        return day
    # A later paragraph goes on with the narrative's day unless it steps back into background.
    if not carry or BACKGROUND.search(sentence.text) or mentions_other_period(sentence.text):
        return None
    return day


def _mode(mode: Mode, sentence: str, trigger_text: str, knowledge: Knowledge) -> Mode:
    """A contact's mode, refined by words elsewhere in the sentence ("by phone", "in Ankara")."""
    lowered = sentence.lower()
    if mode is Mode.MEETING and re.match(r"receiv", trigger_text.lower()) and re.search(
            r"\b(?:calls?|telephone|phone)\b", lowered):
        return Mode.PHONE  # "received calls from"
    if mode is Mode.UNSPECIFIED:
        if re.search(r"\b(?:phone|telephone|phoned|called)\b", lowered):
            return Mode.PHONE
        if re.search(r"\b(?:video|virtual|virtually)\b", lowered):
            return Mode.VIDEO
        if re.search(r"\b(?:visit|visited|visiting|travell?ed|arrived|hosted|received|flew|drove|"
                     r"in-person|face-to-face|sidelines|margins|lunch|dinner|delegation-level|"
                     r"palace|kremlin|residence|there)\b", lowered):
            return Mode.MEETING
        # Talks held in a named capital are held in person; "the violence in Jerusalem" is a topic.
        for capital in knowledge.government_by_capital:
            place = re.search(rf"\b(?:in|to|at) {re.escape(capital)}\b", sentence)
            if place and not re.search(r"\b(?:about|discuss\w*|situation|violence|crisis|war|"
                                       r"conflict|fighting|attacks?)\b",
                                       sentence[: place.start()], re.IGNORECASE):
                return Mode.MEETING
    return mode


TRAVEL = re.compile(r"\b(?:visit|visited|visiting|travell?ed to|arrived in|trip to|go to|"
                    r"went to|came to|flew|flown|drove)\b", re.IGNORECASE)


def _initiator(trigger: Trigger, text, start, subjects, objects, names, sentence,
               sentence_start: int = 0) -> str | None:
    subject_names, object_names = _names(subjects), _names(objects)
    passive = PASSIVE.search(text[max(0, start - 20) : start])
    if trigger.initiator == "subject":
        who = object_names if passive else subject_names
    elif trigger.initiator == "object":
        who = subject_names if passive else object_names
    elif (travel := TRAVEL.search(text, sentence_start, sentence_start + len(sentence))):
        # The traveller is the official named last before the travel words ("X met Y, who is on
        # a state visit": Y), else the subject.
        named = [m for m in [*subjects, *objects]
                 if isinstance(m, Mention) and m.end <= travel.start()]
        who = [max(named, key=lambda m: m.end).official] if named else subject_names
    else:
        who = []
    if len(who) == 1:
        return who[0]
    if len(names) == 1 and trigger.initiator in ("subject", ""):
        return names[0]
    return None


@lru_cache(maxsize=4)
def _government_patterns(knowledge: Knowledge) -> tuple[re.Pattern, re.Pattern]:
    surfaces = alternation(knowledge.government_by_surface)
    group = re.compile(rf"((?:(?:{surfaces})(?:\s*,\s*|\s+and\s+)?)+)\s+(?:{GROUP_NOUNS})\b")
    single = re.compile(rf"(?<![\w-])(?:{surfaces})(?![\w-])")
    return group, single


def _counterparts(text: str, end: int, clause_end: int, knowledge: Knowledge,
                  represented: set[str | None]) -> list[str]:
    """Governments whose unnamed representatives take part ("Israeli and Palestinian leaders");
    a single title of a government a named participant represents is that participant ("a
    meeting with Putin at the Kremlin, across the Russian leader's table")."""
    group_pattern, single = _government_patterns(knowledge)
    group = group_pattern.search(text, end, clause_end)
    if not group:
        return []
    found = list(dict.fromkeys(knowledge.government_by_surface[s]
                               for s in single.findall(group.group(1))))
    if not re.search(r"(?:s|authorities|government|side|delegation)$", group.group()):
        found = [g for g in found if g not in represented]
    return found


PLACE = r"(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
PLACE_AFTER = re.compile(rf"\s+(?:to\s+|of\s+|in\s+)?(?:the\s+)?{PLACE}")
NEXT_PLACE = re.compile(rf"(?:\s*,\s*(?:and\s+)?|\s+and\s+){PLACE}")


def _host_country(text: str, end: int, trigger: Trigger, subjects, names: list[str], cast: Cast,
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
        if not (visitor and visitor.government == country[0]):
            countries.append(country[0])
        place = NEXT_PLACE.match(text, place.start("place") + country[1])
    return list(dict.fromkeys(countries))


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


def _location(text: str, clause_start: int, clause_end: int, knowledge: Knowledge) -> str | None:
    for match in LOCATION.finditer(text, clause_start, clause_end):
        place = match.group("place").removeprefix("the ")
        if place in knowledge.government_by_capital or place in knowledge.government_by_surface:
            return place
    return None


def _topics(text: str, start: int, sentence_end: int) -> tuple[str, ...]:
    match = TOPIC.search(text, start, sentence_end)
    return (match.group("topic").strip(),) if match else ()


VISIT = re.compile(r"\b(?:is visiting|was visiting|visiting|visited|visit to|trip to|tour of|"
                   r"travell?ed to|flew to|flew on to|drove to|arrived in|arrived from|in \w+ on a "
                   r"visit)\b[^.;]{0,30}?\b(?P<place>[A-Z][\w-]+(?: [A-Z][\w-]+)?)")


def _with_visitors(communications: list[Communication], text: str, cast: Cast,
                   knowledge: Knowledge) -> list[Communication]:
    """The visitor starts a meeting (SCHEMA convention 1): when the article says an official
    travels to a country, their meetings with that country's officials take them as initiator
    unless the sentence said otherwise."""
    government_of = {o.name: o.government for o in cast.officials}
    visits: dict[str, set[str]] = {}
    mentions = list(cast.mentions)
    starts = [m.start for m in mentions]
    for match in VISIT.finditer(text):
        place = match.group("place")
        country = (knowledge.government_by_surface.get(place)
                   or knowledge.government_by_capital.get(place))
        before = mentions[max(0, bisect.bisect_left(starts, match.start()) - 1):
                          bisect.bisect_left(starts, match.start())]
        if country and before and match.start() - before[0].end < 40:
            visits.setdefault(before[0].official, set()).add(country)
    updated = []
    for communication in communications:
        if (communication.kind is Kind.CONTACT and communication.mode is Mode.MEETING
                and communication.initiator is None and len(communication.participants) >= 2):
            # The one who travelled to another participant's country; several travellers, or
            # none, give no initiator.
            guests = [x for x in communication.participants
                      if any(government_of.get(host) in visits.get(x, ())
                             for host in communication.participants if host != x)]
            if len(guests) == 1:
                communication = replace(communication, initiator=guests[0])
        updated.append(communication)
    return updated


JOINED = re.compile(
    r"(?:,[^.;:]{0,80}?)?,?\s*(?:who\s+)?(?:also\s+)?(?:sat in on|joined|took part in|attended)\s+"
    r"(?:the|their|that|his|her)\s+(?:meeting|talks|session|discussions?|lunch|dinner)\b"
    r"(?P<with>\s+with\s+)?")
ACCOMPANIED = re.compile(r"\b(?:was|were)\s+(?:also\s+)?accompanied\s+by\s+")


def _with_companions(communications: list[Communication], text: str,
                     cast: Cast) -> list[Communication]:
    """Add those who sat in on a meeting or came along to it ("Shoukry sat in on the meeting",
    "Sall was accompanied by Faki") to the meeting nearest before that place; "who joined the
    talks with Zelensky" picks the talks with Zelensky. Joining is no contact of its own."""
    mentions = list(cast.mentions)
    joins: list[tuple[str, int, str | None]] = []  # (who, where, with whom)
    for index, mention in enumerate(mentions):
        joined = JOINED.match(text, mention.end)
        if joined and mention.how != "pronoun":
            partner = next((m.official for m in mentions[index + 1 :]
                            if joined.group("with") and m.start >= joined.end()
                            and is_title_only(text[joined.end() : m.start])), None)
            joins.append((mention.official, mention.start, partner))
    starts = [m.start for m in mentions]
    for accompanied in ACCOMPANIED.finditer(text):
        # "The Senegalese leader travelled …, and was accompanied by Moussa Faki": the
        # sentence's subject comes with the one named after "by".
        sentence_start = max(text.rfind(". ", 0, accompanied.start()) + 2,
                             text.rfind("\n", 0, accompanied.start()) + 1)
        before = mentions[bisect.bisect_left(starts, sentence_start):
                          bisect.bisect_left(starts, accompanied.start())]
        companion = mentions[bisect.bisect_left(starts, accompanied.end()):][:1]
        if before and companion and before[0].official != companion[0].official \
                and is_title_only(text[accompanied.end() : companion[0].start]):
            joins.append((companion[0].official, accompanied.start(), before[0].official))
    updated = list(communications)
    joined: set[str] = set()
    for who, where, partner in joins:
        if who in joined:
            continue  # "accompanied by Elkin, who sat in on the meeting": one meeting
        meetings = [(where - c.evidence[0].start, i) for i, c in enumerate(updated)
                    if c.kind is Kind.CONTACT and c.mode in (Mode.MEETING, Mode.UNSPECIFIED)
                    and c.status is Status.OCCURRED and c.evidence[0].start <= where
                    and who not in c.participants
                    and (partner is None or partner in c.participants)]
        if not meetings:
            continue
        # A meeting of named sides before a visit known only by its country.
        index = min((len(updated[i].participants) < 2, distance, i) for distance, i in meetings)[2]
        meeting = updated[index]
        # The joiner's own "talks with Zelensky" were these talks.
        updated = [c for c in updated if not (
            c is not meeting and c.kind is Kind.CONTACT and who in c.participants
            and set(c.participants) <= set(meeting.participants) | {who}
            and any(s.start <= where < s.end + 80 for s in c.evidence))]
        index = updated.index(meeting)
        if who not in meeting.participants:
            updated[index] = replace(meeting, participants=meeting.participants + (who,))
        joined.add(who)
    return updated


ENVOY_OF = re.compile(r"['’]s\s+(?:special\s+|personal\s+)?(?:envoy|emissary|messenger)\b")
DELIVERED = re.compile(r"\b(?:deliver\w*|hand\w*|gave|given|brought|carried|conveyed|presented)\b",
                       re.IGNORECASE)


def _with_envoys(communications: list[Communication], text: str,
                 cast: Cast) -> list[Communication]:
    """A letter carried by an envoy is the sender's (SCHEMA convention 2): where the text makes
    an official someone's envoy ("Lamamra, travelling as Tebboune's special envoy"), the letters
    the envoy carries go from the principal to the receiver, and delivering one in person is a
    meeting between envoy and receiver."""
    mentions = list(cast.mentions)
    principal_of: dict[str, str] = {}
    for index, mention in enumerate(mentions):
        if not ENVOY_OF.match(text, mention.end):
            continue
        envoy = next((m for m in reversed(mentions[:index]) if m.how != "pronoun"
                      and m.official != mention.official and mention.start - m.end <= 80
                      and "." not in text[m.end : mention.start]), None)
        if envoy:
            principal_of.setdefault(envoy.official, mention.official)
    if not principal_of:
        return communications
    updated: list[Communication] = []
    for communication in communications:
        envoys = [n for n in communication.participants if n in principal_of
                  and principal_of[n] not in communication.participants]
        if communication.mode is not Mode.CORRESPONDENCE or len(envoys) != 1:
            updated.append(communication)
            continue
        envoy = envoys[0]
        principal = principal_of[envoy]
        receivers = tuple(n for n in communication.participants if n != envoy)
        updated.append(replace(communication, participants=(principal,) + receivers,
                               initiator=principal))
        met = any(c.mode is Mode.MEETING and {envoy, *receivers} <= set(c.participants)
                  for c in communications)
        if receivers and not met and any(DELIVERED.search(s.sentence or s.text)
                                         for s in communication.evidence):
            updated.append(replace(communication, mode=Mode.MEETING,
                                   participants=(envoy,) + receivers, initiator=envoy))
    return updated


def _without_covered_visits(communications: list[Communication], cast: Cast) -> list[Communication]:
    """Drop "X visited Y-land" where the article names whom X met there: those meetings are the
    communication; the visit alone stands for them only when its hosts go unnamed."""
    government_of = {o.name: o.government for o in cast.officials}
    met: dict[str, set[str | None]] = {}
    for communication in communications:
        if communication.kind is Kind.CONTACT and len(communication.participants) > 1:
            for name in communication.participants:
                met.setdefault(name, set()).update(
                    government_of.get(other) for other in communication.participants
                    if other != name)
    return [c for c in communications if not (
        c.kind is Kind.CONTACT and len(c.participants) == 1 and c.counterpart_governments
        and set(c.counterpart_governments) <= met.get(c.participants[0], set()))]


def _is_bare_remark(communication: Communication) -> bool:
    """A report of speech with no occasion ("X said"): the weakest evidence of a statement."""
    return communication.kind is Kind.STATEMENT and communication.mode is Mode.UNSPECIFIED


def _with_bare_remarks(communications: list[Communication],
                       remarks: list[_Mention]) -> list[Communication]:
    """Add what officials said outside any reported occasion.

    A remark by someone who also took part in a reported communication most likely belongs to
    it (SCHEMA convention 3: remarks inside a meeting belong to the meeting; a press conference's
    quotes are that press conference), so it only adds evidence there. An official heard nowhere
    else gets a statement of their own, and so does a remark the text sets apart from the events
    reported: placed in the past ("Erdoğan once said", "who had said earlier", "in February") or
    on a day none of its speaker's communications has.
    """
    result = list(communications)
    days_of: dict[str, set] = {}
    for communication in communications:
        for name in communication.participants:
            days_of.setdefault(name, set()).add(communication.date)
    # Candidates by parties, so that each remark looks only at its speaker's statements.
    by_parties: dict[tuple, list[int]] = {}
    for index, communication in enumerate(result):
        by_parties.setdefault(_parties(communication), []).append(index)
    added: dict[int, dict[Span, None]] = {}  # evidence each statement gains, gathered apart
    for mention in remarks:
        remark = mention.communication
        speaker = remark.participants[0]
        own_days = days_of.get(speaker, set())
        sentence = remark.evidence[0].sentence
        # Only a day the remark's own sentence gives sets it apart, not the narrative's day.
        dated_here = bool(find_dates(sentence or "", None, planned=False))
        apart = mention.elsewhere or (dated_here and remark.date is not None
                                      and remark.date not in own_days)
        same = sorted((result[i].date != remark.date, i)
                      for i in by_parties.get(_parties(remark), [])
                      if _same_event(result[i], remark) and (
                          not apart or _is_bare_remark(result[i])
                          or any(span.sentence == sentence for span in result[i].evidence)))
        if same:
            # A bare remark dates the statement only from the statement's own sentence: a
            # remark further on may not belong to it.
            index = same[0][1]
            statement = result[index]
            own_sentence = {s.sentence for s in statement.evidence} & {
                s.sentence for s in remark.evidence}
            result[index] = replace(
                statement, date=statement.date or (remark.date if own_sentence else None))
            added.setdefault(index, {}).update(dict.fromkeys(remark.evidence))
        elif apart or speaker not in days_of:
            by_parties.setdefault(_parties(remark), []).append(len(result))
            result.append(remark)
    return [replace(c, evidence=_joined(c.evidence, tuple(added[i]))) if i in added else c
            for i, c in enumerate(result)]


def _parties(communication: Communication) -> tuple:
    return communication.kind, communication.status, frozenset(communication.participants)


def _joined(evidence: tuple[Span, ...], more: tuple[Span, ...]) -> tuple[Span, ...]:
    """``evidence`` and the spans of ``more`` it lacks, in order."""
    known = set(evidence)
    return evidence + tuple(span for span in more if span not in known)


def _merge(mentions: list[_Mention]) -> list[Communication]:
    """One communication per event: mentions with the same kind, status and participants and
    compatible dates and modes are one event; the merge keeps every evidence span. A mention
    placed in another month or year only joins others placed there ("they met in Moscow in
    2020" is not this week's meeting)."""
    merged: list[Communication] = []
    elsewhere: list[bool] = []
    # Evidence gathers apart (a list and a set per event), so that an event reported a
    # thousand times costs a thousand appends, not a thousand copies.
    evidence: list[dict[Span, None]] = []
    by_parties: dict[tuple, list[int]] = {}
    for mention in mentions:
        communication = mention.communication
        key = _parties(communication)
        for index in by_parties.get(key, []):
            if elsewhere[index] == mention.elsewhere and _same_event(merged[index], communication):
                merged[index] = _combine(merged[index], replace(communication, evidence=()))
                evidence[index].update(dict.fromkeys(communication.evidence))
                break
        else:
            by_parties.setdefault(key, []).append(len(merged))
            merged.append(communication)
            elsewhere.append(mention.elsewhere)
            evidence.append(dict.fromkeys(communication.evidence))
    return [replace(c, evidence=tuple(spans)) for c, spans in zip(merged, evidence)]


def _same_event(a: Communication, b: Communication) -> bool:
    return (
        a.kind is b.kind
        and a.status is b.status
        and set(a.participants) == set(b.participants)
        # "will travel to Israel" and "to meet Israeli and Palestinian leaders": one trip
        and (set(a.counterpart_governments) <= set(b.counterpart_governments)
             or set(b.counterpart_governments) <= set(a.counterpart_governments))
        and (a.date is None or b.date is None or a.date == b.date)
        and (a.mode is b.mode or Mode.UNSPECIFIED in (a.mode, b.mode))
    )


def _combine(a: Communication, b: Communication) -> Communication:
    return replace(
        a,
        mode=a.mode if a.mode is not Mode.UNSPECIFIED else b.mode,
        counterpart_governments=tuple(dict.fromkeys(a.counterpart_governments
                                                    + b.counterpart_governments)),
        date=a.date or b.date,
        initiator=a.initiator or b.initiator,
        location=a.location or b.location,
        topics=tuple(dict.fromkeys(a.topics + b.topics)),
        evidence=_joined(a.evidence, b.evidence),
    )
