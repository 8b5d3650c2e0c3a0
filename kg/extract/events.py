"""Events: from the mentions of communications to the communications an article reports.

What this stage adds, per mention: where a meeting took place and what it was about; one contact
per counterpart where an official meets or calls several in turn; everyone who holds a joint
news conference. Over the whole article: mentions of one event merged into one communication
with every evidence span; bare remarks ("X said") folded into their speaker's reported occasion;
those who sat in on or came along to a meeting; letters carried by envoys given to their
senders; visits dropped where the meetings of the visit are named; and the visitor as the
initiator of a meeting.

>>> import datetime as dt
>>> from kg.model import Communication, Kind, Mode, Span, Status
>>> said = Span(0, 4, "said")
>>> call = Communication(Kind.CONTACT, Mode.PHONE, Status.OCCURRED, ("A", "B"), (said,),
...                      date=dt.date(2022, 3, 7))
>>> spoke = Communication(Kind.CONTACT, Mode.UNSPECIFIED, Status.OCCURRED, ("B", "A"),
...                       (Span(9, 14, "spoke"),))
>>> [(c.mode.value, len(c.evidence)) for c in merge_mentions(
...     [EventMention(call, 0), EventMention(spoke, 9)])]
[('phone', 2)]
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace
from itertools import pairwise, takewhile

from kg.extract.cast import Cast, EventMention, Mention, names_of
from kg.extract.clauses import (
    BY,
    COORDINATION,
    FINITE_VERB,
    FRONTED_PHRASE,
    RELATIVE_ASIDE,
    find_objects,
    find_subjects,
    is_title_gap,
)
from kg.extract.dates import find_dates
from kg.extract.names import is_title_only
from kg.extract.sentences import Sentence, sentence_at
from kg.knowledge import Knowledge, Trigger
from kg.model import Communication, Kind, Mode, Span, Status

LOCATION = re.compile(r"\b(?:in|at)\s+(?P<place>(?:the\s+)?[A-Z][\w\-’']+(?:\s+[A-Z][\w\-’']+){0,2})")


def find_location(text: str, clause_start: int, clause_end: int,
                  knowledge: Knowledge) -> str | None:
    """The capital or country a clause names after "in" or "at" ("talks in Ankara"), if any."""
    for match in LOCATION.finditer(text, clause_start, clause_end):
        place = match.group("place").removeprefix("the ")
        if place in knowledge.government_by_capital or place in knowledge.government_by_surface:
            return place
    return None


TOPIC = re.compile(r"\b(?:about|discussed|on the (?:issue|question|situation) of|over)\s+"
                   r"(?P<topic>[^,.;:“”\"]{4,80})")


def find_topics(text: str, start: int, sentence_end: int) -> tuple[str, ...]:
    """What a communication was about ("discussed the grain deal"), from the trigger on."""
    match = TOPIC.search(text, start, sentence_end)
    return (match.group("topic").strip(),) if match else ()


#: (not "each other": "recognize each other's borders" is what they agreed, not how they met)
SEPARATE = re.compile(r"\b(?:separate(?:ly)?|each(?![^\S\n]+other\b)|respectively|individually|"
                      r"one by one|in turn|first and then)\b", re.IGNORECASE)
#: the adverbs that put a second partner after the first: "A and then B"
IN_TURN = r"(?:then|later|afterwards|subsequently|separately)\b"
#: between two partners met one after the other
SEQUENCE = re.compile(rf"\band\b[^\S\n]*,?[^\S\n]+(?:\w+[^\S\n]+)?{IN_TURN}")
#: a single call held with several: "held a call on Saturday with"
ONE_CALL = re.compile(r"\b(?:held|hold|holds|holding|had|has|have)[^\S\n]+an?[^\S\n]+(?:[\w-]+[^\S\n]+)?call\b"
                      r"(?![^\S\n]+(?:each|separately))[^,;.]{0,40}?[^\S\n]with\b")
AGAIN_WITH = re.compile(r"\band[^\S\n]+with\b")
JOINT = re.compile(r"\b(?:together|jointly|joint|conference call|three-way|trilateral|four-way)\b",
                   re.IGNORECASE)


def bilateral(communication: Communication, subjects, objects, trigger: Trigger, text: str,
              sentence: Sentence, clause_start: int, clause_end: int) -> list[Communication]:
    """One contact per counterpart where one official meets or calls several in turn ("held
    separate meetings with Kuleba and with Lavrov", "received calls from A, B and C"); calls and
    letters are two-sided unless the text says they were joint."""
    own = names_of(subjects)
    others = [n for n in names_of(objects) if n not in own]
    # ("A and B, who had flown in separately, met C": how they came is not how they met)
    clause = text[clause_start:clause_end]
    if RELATIVE_CLAUSE_OPENS.search(text, max(0, clause_start - 8), clause_start):
        clause = clause.split(",", 1)[-1]
    apart = SEPARATE.search(RELATIVE_ASIDE.sub(",", clause))
    # "met A and then B", "first with A and later with B": one after the other
    # ("spoke with A and with B": the preposition said again for each, a contact each)
    in_turn = any(SEQUENCE.search(text, a.end, b.start) or AGAIN_WITH.search(text, a.end, b.start)
                  for a, b in pairwise([m for m in objects if isinstance(m, Mention)]))
    separate = apart or in_turn or re.search(
        r"(?:conversations|meetings|calls|letters|messages)\b", communication.evidence[0].text) or (
        communication.mode in (Mode.PHONE, Mode.CORRESPONDENCE) and not JOINT.search(sentence.text)
        # ("held a call with A, B and C": one call of them all)
        and not ONE_CALL.search(communication.evidence[0].text))
    first = next((m for m in objects if isinstance(m, Mention)), None)
    if not own and len(others) > 1 and apart \
            and first is not None \
            and not re.search(r"\bbetween\s", text[max(clause_start, first.start - 60):first.start]):
        # "in separate conversations with A and B", "the leaders met separately with A and B":
        # each met someone the clause does not name, not each other (but "an exchange between
        # A and B, and a separate one …" is theirs)
        return []
    if len(own) > 1 and len(others) > 1 and apart:
        # "The two envoys saw A and B separately": one meeting of the whole side with each
        return [replace(communication, participants=(*own, other),
                        initiator=communication.initiator if communication.initiator in own
                        else None)
                for other in others]
    if len(own) > 1 and len(others) == 1 and apart \
            and _coordinated(text, subjects):
        # "A and B met Pompeo separately": each of them with the one they met (not "A,
        # accompanied by B, met X separately": B goes with A to each meeting)
        own, others = others, own
    if len(own) > 1 and others and communication.mode is Mode.CORRESPONDENCE \
            and LETTERS.search(communication.evidence[0].text) and not JOINT.search(sentence.text):
        # "A and B sent cables of condolence to C and D": a letter from each to each
        return [replace(communication, participants=(sender, other), initiator=sender)
                for sender in own for other in others]
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


#: letters in the plural, one from each sender
LETTERS = re.compile(r"\b(?:messages|letters|cables|telegrams|notes)\b", re.IGNORECASE)
RELATIVE_CLAUSE_OPENS = re.compile(r"\b(?:who|whom|which)[^\S\n]*$")


def _coordinated(text: str, mentions) -> bool:
    """Whether ``mentions`` are named as a coordination ("A and B", "A, B and C") or as a
    group ("both ministers")."""
    named = [m for m in mentions if isinstance(m, Mention)]
    if len(named) < len(mentions):
        return True
    return len(named) > 1 and all(COORDINATION.match(text[a.end:b.start])
                                  or is_title_gap(text[a.end:b.start])
                                  for a, b in pairwise(named))


SHARED_STAGE = re.compile(r"\b(?:joint|same|together)\b|\bbeside\b|\balongside\b|\bwith his host\b",
                          re.IGNORECASE)
THEIR = re.compile(r"\btheir\s+(?:[\w-]+\s+)?$", re.IGNORECASE)
WITH_AFTER = re.compile(r"\s+(?:with|alongside|beside)\s+")
BESIDE_HIM = re.compile(r"[^,;.]*?\s(?:(?:beside|alongside|next\s+to)\s+(?:him|her)|"
                        r"at\s+(?:his|her)\s+side)\b")


def joint_appearance(text: str, start: int, end: int, sentence: Sentence, speaker: list[str],
                     subjects: list, visible: list[Mention], found: list[EventMention],
                     date: dt.date | None) -> list[str]:
    """Everyone who holds a joint news conference (SCHEMA convention 3): the speakers named
    together ("Zelensky and Guterres"), whoever it is held with ("a news conference with Kuleba"),
    and, after a meeting ("At a joint news conference after the meeting"), the parties of the
    meeting of that day."""
    near = text[max(sentence.start, start - 40) : min(sentence.end, end + 40)]
    # "at their news conference": those who held the talks just reported hold it together.
    owned = THEIR.search(text, max(sentence.start, start - 30), start)
    # "a news conference on Friday with Prime Minister May", "with X and Y"
    partner = WITH_AFTER.search(text, end, min(sentence.end, end + 40))
    # (", with Mr Kristersson beside him": the one beside him stands with him)
    beside = partner and BESIDE_HIM.match(text, partner.end(), min(sentence.end,
                                                                    partner.end() + 60))
    if partner and not beside and re.search(r"[,;]|\b(?:after|before|following)\b|"
                                            r"\b(?:travell?ing|flying|accompanying)$",
                                            text[end : partner.start()]):
        partner = None  # (nor are "reporters travelling with the president" on the stage)
    # "A and B told a news conference", "A, flanked by B, told a news conference": both hold it.
    if not SHARED_STAGE.search(near) and not owned and not partner and len(subjects) < 2:
        return speaker
    holders = list(dict.fromkeys(speaker + names_of(subjects)))
    if partner:
        beside_whom = find_objects(text, visible, partner.end() - 1, sentence.end)
        holders.extend(names_of(beside_whom[:1] if beside else beside_whom))
    # The meeting it follows: named in the sentence ("after his talks with Orbán"), else the
    # largest recent contact of its speakers.
    talks = FOLLOWED_TALKS.search(text, end, sentence.end)
    if talks:
        return list(dict.fromkeys(
            holders + names_of(find_objects(text, visible, talks.end() - 1, sentence.end))))
    # (Those who joined the talks later, "They were joined for lunch by A", are aides: the
    # talks' own sides hold the news conference.)
    recent = [m.communication for m in found[-10:] if m.communication.kind is Kind.CONTACT
              and (not holders or set(holders) & set(m.communication.participants))
              and not JOINED_LATER.match(m.communication.evidence[0].text)]
    # The meeting of the news conference's own day, where the text dates both.
    recent = [c for c in recent if c.date == date] or recent
    # Only when the text names fewer than two holders does the meeting supply them.
    if recent and (SHARED_STAGE.search(near) or owned) and len(holders) < 2:
        holders.extend(max(reversed(recent), key=lambda c: len(c.participants)).participants)
    return list(dict.fromkeys(holders))


JOINED_LATER = re.compile(r"(?:were|was)\s+(?:then\s+|later\s+)?joined\b")
FOLLOWED_TALKS = re.compile(r"\b(?:after|following)\s+(?:his|her|their|the)\s+(?:[\w-]+\s+)?"
                            r"(?:talks|meeting|call|conversation|session)\s+with\s")


def merge_mentions(mentions: list[EventMention]) -> list[Communication]:
    """One communication per event: mentions with the same kind, status and participants and
    compatible dates and modes are one event; the merge keeps every evidence span. A mention
    placed in another month or year only joins others placed there ("they met in Moscow in
    2020" is not this week's meeting); one whose day is only carried over from the narrative
    joins its event whatever day that has."""
    merged: list[Communication] = []
    elsewhere: list[bool] = []
    carried: list[bool] = []
    # Evidence gathers apart (a list and a set per event), so that an event reported a
    # thousand times costs a thousand appends, not a thousand copies.
    evidence: list[dict[Span, None]] = []
    by_parties: dict[tuple, list[int]] = {}
    for mention in mentions:
        communication = mention.communication
        key = _parties(communication)
        for index in by_parties.get(key, []):
            if elsewhere[index] == mention.elsewhere and _same_event(
                    merged[index], communication, carried[index] or mention.carried_day):
                if carried[index] and not mention.carried_day:
                    merged[index] = replace(merged[index], date=communication.date)
                    carried[index] = False
                merged[index] = _combine(merged[index], replace(communication, evidence=()))
                evidence[index].update(dict.fromkeys(communication.evidence))
                break
        else:
            by_parties.setdefault(key, []).append(len(merged))
            merged.append(communication)
            elsewhere.append(mention.elsewhere)
            carried.append(mention.carried_day)
            evidence.append(dict.fromkeys(communication.evidence))
    return [replace(c, evidence=tuple(spans)) for c, spans in zip(merged, evidence)]


def _same_event(a: Communication, b: Communication, carried_day: bool = False) -> bool:
    return (
        a.kind is b.kind
        and a.status is b.status
        and set(a.participants) == set(b.participants)
        # "will travel to Israel" and "to meet Israeli and Palestinian leaders": one trip
        and (set(a.counterpart_governments) <= set(b.counterpart_governments)
             or set(b.counterpart_governments) <= set(a.counterpart_governments))
        and (a.date is None or b.date is None or a.date == b.date or carried_day)
        and (a.mode is b.mode or Mode.UNSPECIFIED in (a.mode, b.mode))
        # a letter and the reply to it: two letters
        and not (Mode.CORRESPONDENCE in (a.mode, b.mode) and a.initiator and b.initiator
                 and a.initiator != b.initiator)
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


def _parties(communication: Communication) -> tuple:
    return communication.kind, communication.status, frozenset(communication.participants)


def _joined(evidence: tuple[Span, ...], more: tuple[Span, ...]) -> tuple[Span, ...]:
    """``evidence`` and the spans of ``more`` it lacks, in order."""
    known = set(evidence)
    return evidence + tuple(span for span in more if span not in known)


def is_bare_remark(communication: Communication) -> bool:
    """A report of speech with no occasion ("X said"): the weakest evidence of a statement."""
    return communication.kind is Kind.STATEMENT and communication.mode is Mode.UNSPECIFIED


def with_bare_remarks(communications: list[Communication],
                      remarks: list[EventMention]) -> list[Communication]:
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
        dated_here = _dated_in_own_words(sentence or "", remark.evidence[0].text)
        apart = mention.elsewhere or (dated_here and remark.date is not None
                                      and remark.date not in own_days)
        # (undated in its own words, a remark has only the narrative's day: no day of its own)
        own_dated = remark if dated_here else replace(remark, date=None)
        same = sorted((result[i].date != remark.date, i)
                      for i in by_parties.get(_parties(remark), [])
                      if _same_event(result[i], own_dated) and (
                          not apart or is_bare_remark(result[i])
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
            result.append(replace(remark, mode=mention.occasion) if mention.occasion else remark)
    return [replace(c, evidence=_joined(c.evidence, tuple(added[i]))) if i in added else c
            for i, c in enumerate(result)]


def _dated_in_own_words(sentence: str, evidence: str) -> bool:
    """Whether ``sentence`` gives a day to the speaking in ``evidence`` itself, not only the
    narrative's day: a day before the remark or right after its verb ("On Monday Geng said",
    "Geng said on Monday that"), but none in the words it reports ("Wang called Qureshi on
    Monday, Geng said", "Geng said the talks were held on July 17") or in a quotation."""
    at = sentence.find(evidence)
    if at < 0:
        return False
    end = at + len(evidence)
    # (the words before a closing comma are reported ones unless they open on a phrase before
    # the main clause: "On Monday, Geng said …")
    postposed = at > 0 and SENTENCE_TAIL.fullmatch(sentence, end) and (
        QUOTE_BEFORE.search(sentence, 0, at)
        or (COMMA_BEFORE.search(sentence, 0, at) and not FRONTED_PHRASE.match(sentence)))
    unquoted = QUOTATION.sub(lambda quotation: " " * len(quotation.group()), sentence)
    # (any anchor will do: whether a day is given matters, not which)
    return any((at if postposed else 0) <= offset <= end + VERB_REACH
               for offset, _ in find_dates(unquoted, ANCHOR, planned=False))


ANCHOR = dt.date(2000, 1, 1)
#: how far after a speech verb a day may stand and still be its own ("said late on Monday")
VERB_REACH = 12
#: (a quotation may run past the end of the sentence that opens it)
QUOTATION = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)")
#: the end of words reported before their speaker: "…,”" or "…”", or "…,"
QUOTE_BEFORE = re.compile(r",?[”\"]\s*$")
COMMA_BEFORE = re.compile(r",\s*$")
#: what may follow a remark that closes a sentence: a day or a place, no words reported
SENTENCE_TAIL = re.compile(r"[^,;:“”\"]{0,40}")

#: what a meeting is called when attendance at it is reported ("the expanded talks")
MEETING_NOUN = (r"(?:meeting|talks|session|discussions?|lunch|dinner|reception|negotiations|"
                r"consultations|audience)\b")
JOINED = re.compile(
    r"(?:,[^.;:]{0,80}?)?,?\s*(?:who\s+)?(?:(?:was|were)\s+)?(?:also\s+)?"
    r"(?:(?:sat in on|joined|took part in|attended|present at|in attendance at)\s+"
    rf"(?:the|their|that|his|her)\s+(?:[\w-]+\s+){{0,2}}?{MEETING_NOUN}"
    r"(?P<with>\s+with\s+)?"
    # "Mutua accompanied him": a companion of the one just reported meeting
    r"|accompanied\s+(?:him|her|them)\b)")


def _coordinated_before(text: str, mentions: list[Mention], index: int) -> list[Mention]:
    """``mentions[index]`` with the officials coordinated right before it ("A, B and C")."""
    chosen = [mentions[index]]
    for mention in reversed(mentions[:index]):
        # "A, B and C", titles and appositions between ("Wang Yi, Director of …, and Foreign
        # Minister Qin Gang")
        gap = text[mention.end : chosen[-1].start]
        pieces = COORDINATED.split(gap)
        if mention.how == "pronoun" or len(pieces) < 2 or not all(
                is_title_only(piece.strip() and piece.strip() + " ") for piece in pieces):
            break
        chosen.append(mention)
    return list(reversed(chosen))


COORDINATED = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
ACCOMPANIED_THEM = re.compile(r".{0,120}?\baccompanied\s+(?:him|her|them)\b")


def _sentences_between(sentences: list[Sentence], start: int, end: int) -> int:
    """How many sentence breaks lie between offsets ``start`` and ``end``."""
    first, last = sentence_at(sentences, start), sentence_at(sentences, end)
    return last.number - first.number if first and last else 0

AT_SIDE = re.compile(r"\s+(?:(?:at|by)\s+(?:his|her|their)\s+side\b|(?:also\s+)?present\b|"
                     r"in\s+attendance\b|looking\s+on\b|joining\s+(?:them|him|her)\b)")
WITH_BEFORE = re.compile(r"\bwith\s+")
ACCOMPANIED = re.compile(r"\b(?:was|were)\s+(?:also\s+)?accompanied\s+by\s+")
#: a phrase of its own, opening the sentence or set off by commas: "Accompanied by A, X met B"
ACCOMPANYING = re.compile(r"(?:^|(?<=[,:;\n])|(?<=[,:;.]\s))[^\S\n]*[Aa]ccompanied[^\S\n]+by[^\S\n]+",
                          re.MULTILINE)
#: after a name: "was joined by", "were later joined in the Cabinet Room for talks by"
JOINED_BY = re.compile(r"[^\S\n]+(?:was|were)[^\S\n]+(?:(?:later|also|then)[^\S\n]+)?joined"
                       r"(?:[^\S\n]+(?:in|at|for|on)[^\S\n]+[^.;:]{0,80}?)?[^\S\n]+by[^\S\n]+")
#: a meeting recalled as attended by those named after: "The talks were attended by A", "On
#: the Mexican side, the meeting was attended by A, B and C", "it was attended by A"
ATTENDED_BY_AFTER = re.compile(rf"\b(?:(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+){{0,2}}?{MEETING_NOUN}"
                               # ("The audience, held at the Palace, was attended by A"; "The
                               # talks between the two leaders were attended by A")
                               r"(?:,[^,.;]{1,80},|\s+(?:between|with|of)\s+[^,.;]{1,60}?)?"
                               r"|[Ii]t)\s+(?:was|were)\s+(?:also\s+)?"
                               r"attended\s+by\s+"
                               # the members of the sides at a meeting just reported: "The
                               # Senegalese delegation included A", "joined by their delegations,
                               # including A and B", "together with senior officials of both
                               # governments, among them A and B"
                               r"|\b(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:(?-i:[A-Z])[\w-]+\s+)?"
                               r"(?:delegation|side)\s+(?:also\s+)?(?:included|comprised)\s+"
                               r"|\b(?:joined|accompanied)\s+by\s+(?:their|the|both)\s+[^.;:]{0,60}?"
                               r"\b(?:delegations|officials|members)\b[^.;:]{0,60}?,?\s+"
                               r"(?:including|among\s+them|among\s+whom)\s+"
                               r"|\b(?:together|along)\s+with\s+[^.;:]{0,60}?"
                               r"\b(?:delegations|officials|members)\b[^.;:]{0,60}?,\s+"
                               r"(?:including|among\s+them|among\s+whom)\s+"
                               # "Taking part in the talks was A"
                               rf"|\b(?:[Tt]aking\s+part|[Pp]articipating|[Pp]resent)\s+(?:in|at)\s+"
                               rf"(?:the|these|those)\s+(?:[\w-]+\s+){{0,2}}?{MEETING_NOUN}\s+"
                               r"(?:was|were)\s+(?:also\s+)?"
                               # "an expanded meeting in which A and B took part"
                               rf"|\b{MEETING_NOUN}\s+in\s+which\s+(?=[^.;]*?\b(?:took\s+part|"
                               r"participated)\b)")


def with_companions(communications: list[Communication], text: str, cast: Cast,
                    sentences: list[Sentence]) -> list[Communication]:
    """Add those who sat in on a meeting or came along to it ("Shoukry sat in on the meeting",
    "Sall was accompanied by Faki") to the meeting nearest before that place; "who joined the
    talks with Zelensky" picks the talks with Zelensky. Joining is no contact of its own."""
    mentions = list(cast.mentions)
    # (who, where, with whom, who joins together)
    joins: list[tuple[str, int, str | None, frozenset[str]]] = []
    for index, mention in enumerate(mentions):
        joined = JOINED.match(text, mention.end)
        if joined and mention.how != "pronoun":
            partner = next((m.official for m in mentions[index + 1 :]
                            if joined.group("with") and m.start >= joined.end()
                            and is_title_only(text[joined.end() : m.start])), None)
            # "Wang Yi and Qin Gang were present at the talks": all who are coordinated join
            group = _coordinated_before(text, mentions, index)
            for joiner in group:
                joins.append((joiner.official, group[0].start, partner,
                              frozenset(names_of(group))))
    starts = [m.start for m in mentions]
    for index, mention in enumerate(mentions):
        # "Sarkozy, with Kouchner at his side, spent three hours with Medvedev", "received him,
        # with A and B present": all coordinated after "with" join the lead's meeting
        if not AT_SIDE.match(text, mention.end) or mention.how == "pronoun":
            continue
        company = _coordinated_before(text, mentions, index)
        first = mentions.index(company[0])
        with_ = WITH_BEFORE.search(text, max(0, company[0].start - 60), company[0].start)
        if with_ and is_title_only(text[with_.end() : company[0].start]) and first:
            lead = mentions[first - 1]
            if lead.official not in names_of(company) \
                    and "." not in text[lead.end : company[0].start]:
                # the meeting follows in the sentence: look back from its end
                stop = re.compile(r"[.!?](?:\s|$)|\n").search(text, mention.end)
                joins.extend((who.official, stop.start() if stop else len(text), lead.official,
                              frozenset(names_of(company))) for who in company)
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
            joins.append((companion[0].official, accompanied.start(), before[0].official,
                          frozenset({companion[0].official})))
    for accompanying in ACCOMPANYING.finditer(text):
        # "Accompanied by A and B, the Head of State met C"; "X, accompanied by A, met C": the
        # companions join the meetings the one they accompany has in that sentence
        sentence = sentence_at(sentences, accompanying.start())
        if sentence is None:
            continue
        here = mentions[bisect.bisect_left(starts, sentence.start):
                        bisect.bisect_left(starts, sentence.end)]
        # (a list of names: "Accompanied by A, she…" ends before the pronoun, and "Accompanied
        # by A, B met C" before the one whose verb follows)
        company = list(takewhile(lambda m: m.how != "pronoun", find_objects(
            text, here, accompanying.end() - 1, sentence.end)))
        lead = next((m for m in reversed(here) if m.end <= accompanying.start()), None)
        if lead is None or not re.fullmatch(r",\s*", text[lead.end : accompanying.start()]):
            if company and FINITE_VERB.match(text, company[-1].end):
                company.pop()
            lead = next((m for m in here if company and m.start > company[-1].end
                         and m.official not in names_of(company)), None)
        # (a meeting with someone else reported in the sentence that lacks the companions)
        party = {lead.official, *names_of(company)} if lead else set()
        if lead is not None and company and any(
                c.kind is Kind.CONTACT and lead.official in c.participants
                and set(c.participants) - party and not party <= set(c.participants)
                and any(sentence.start <= s.start < sentence.end for s in c.evidence)
                for c in communications):
            joins.extend((who.official, sentence.end, lead.official, frozenset(names_of(company)))
                         for who in company if who.official != lead.official)
    for mention in mentions:
        # "Xi was joined by Qin Gang and Wang Yi": those named after join Xi's meeting
        joined_by = JOINED_BY.match(text, mention.end)
        if joined_by is None or mention.how == "pronoun":
            continue
        company = _named_after(text, mentions, starts, sentences, joined_by.end())
        # "A was joined by B, and C by D": a second clause with its verb left out
        sentence = sentence_at(sentences, joined_by.end())
        gap = next((m for m in mentions[bisect.bisect_left(starts, joined_by.end()):]
                    if sentence and m.start < sentence.end and BY.match(text, m.end)
                    and re.search(r"\band[^\S\n]+$", text[max(0, m.start - 8) : m.start])),
                   None)
        if gap is not None and gap.official != mention.official:
            company = [who for who in company if who != gap.official]
            gapped = _named_after(text, mentions, starts, sentences,
                                  BY.match(text, gap.end).end())
            joins.extend((who, gap.end, gap.official, frozenset(gapped))
                         for who in gapped if who != gap.official)
        joins.extend((who, joined_by.end(), mention.official, frozenset(company))
                     for who in company if who != mention.official)
    for attended in ATTENDED_BY_AFTER.finditer(text):
        attendees = _named_after(text, mentions, starts, sentences, attended.end())
        if any(set(attendees) < set(c.participants) for c in communications
               if c.kind is Kind.CONTACT and c.status is Status.OCCURRED
               # (not one read off these very words)
               and not any(s.start <= attended.end() and attended.start() <= s.end
                           for s in c.evidence)):
            continue  # a meeting that has them all and others already: the one they attended
        joins.extend((who, attended.end(), None, frozenset(attendees)) for who in attendees)
    updated = list(communications)
    joined: set[str] = set()
    for who, where, partner, together in joins:
        if who in joined:
            continue  # "accompanied by Elkin, who sat in on the meeting": one meeting
        # "X accompanied them" follows the sentence that reports the meeting, not any before it
        joiner_sentence = sentence_at(sentences, where)
        reach = 1 if joiner_sentence and ACCOMPANIED_THEM.match(text, where, joiner_sentence.end) \
            else len(text)
        # (how far back the meeting was last told: one told again since is near)
        meetings = [(where - max(s.start for s in c.evidence if s.start <= where), i)
                    for i, c in enumerate(updated)
                    if c.kind is Kind.CONTACT and c.mode in (Mode.MEETING, Mode.UNSPECIFIED)
                    and c.status is Status.OCCURRED and c.evidence[0].start <= where
                    and _sentences_between(sentences, c.evidence[0].end, where) <= reach
                    and who not in c.participants and not set(c.participants) <= together
                    and (partner is None or partner in c.participants)]
        if not meetings:
            continue
        # A meeting of named sides before a visit known only by its country.
        index = min((len(updated[i].participants) < 2, distance, i) for distance, i in meetings)[2]
        meeting = updated[index]
        # The joiner's own "talks with Zelensky" were these talks.
        updated = [c for c in updated if not (
            c is not meeting and c.kind is Kind.CONTACT and who in c.participants
            and set(c.participants) <= set(meeting.participants) | together
            and any(s.start <= where < s.end + 80 for s in c.evidence))]
        index = updated.index(meeting)
        if who not in meeting.participants:
            updated[index] = replace(meeting, participants=meeting.participants + (who,))
        joined.add(who)
    return updated


def _named_after(text: str, mentions: list[Mention], starts: list[int],
                 sentences: list[Sentence], at: int) -> list[str]:
    """The officials named from ``at`` on in its sentence, the first and those coordinated
    with it ("… joined by A, B and C")."""
    sentence = sentence_at(sentences, at)
    if sentence is None:
        return []
    here = mentions[bisect.bisect_left(starts, at) : bisect.bisect_left(starts, sentence.end)]
    return names_of(find_objects(text, here, at - 1, sentence.end))


ENVOY_OF = re.compile(r"['’]s\s+(?:special\s+|personal\s+)?(?:envoy|emissary|messenger)\b")
DELIVERED = re.compile(r"\b(?:deliver\w*|hand\w*|gave|given|brought|carried|conveyed|presented)\b",
                       re.IGNORECASE)


def with_envoys(communications: list[Communication], text: str,
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


def without_covered_visits(communications: list[Communication], cast: Cast) -> list[Communication]:
    """Drop "X (and Y) visited Z-land" where the article names whom they met there: those
    meetings are the communication; the visit alone stands for them only when its hosts go
    unnamed."""
    government_of = {o.name: o.government for o in cast.officials}
    met: dict[str, set[str | None]] = {}
    for communication in communications:
        if communication.kind is Kind.CONTACT and len(communication.participants) > 1:
            for name in communication.participants:
                met.setdefault(name, set()).update(
                    government_of.get(other) for other in communication.participants
                    if other != name)
    # "The two flew to Moscow for talks with Putin": travelling together is no contact of its
    # own between the travellers when the article names whom they met there.
    return [c for c in communications if not (
        c.kind is Kind.CONTACT and c.counterpart_governments
        and all(set(c.counterpart_governments) <= met.get(name, set())
                for name in c.participants))]


def without_partial_statements(communications: list[Communication]) -> list[Communication]:
    """Drop a statement whose speakers are some of another's of the same mode and status, read
    only from words that overlap the other's: "At a news conference after the signing, A, B and
    C answered questions" is one appearance of all three, not also one of A's alone."""
    statements = [c for c in communications if c.kind is Kind.STATEMENT]

    def partial(c: Communication) -> bool:
        return any(set(c.participants) < set(other.participants) and other.status is c.status
                   and c.mode is other.mode
                   and all(any(a.start < b.end and b.start < a.end for b in other.evidence)
                           for a in c.evidence)
                   for other in statements)

    return [c for c in communications if c.kind is not Kind.STATEMENT or not partial(c)]


VISIT = re.compile(r"\b(?:is visiting|was visiting|visiting|visited|visit to|trip to|tour of|"
                   r"travell?ed to|flew to|flew on to|drove to|arrived in|arrived from|in \w+ on a "
                   r"visit)\b[^.;]{0,30}?\b(?P<place>[A-Z][\w-]+(?: [A-Z][\w-]+)?)")


def with_visitors(communications: list[Communication], text: str, cast: Cast,
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
        # the travellers: the official right before, with those named together with them
        before = find_subjects(text, mentions[max(0, bisect.bisect_left(starts, match.start()) - 8):
                                              bisect.bisect_left(starts, match.start())],
                               0, match.start())
        # "X drafted a plan. The two flew to Riga": not across a sentence's end
        if country and before and match.start() - before[-1].end < 40 \
                and not re.search(r"[.;!?]\s", text[before[-1].end : match.start()]):
            for traveller in before:
                visits.setdefault(traveller.official, set()).add(country)
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
