"""The communications stage: contacts between officials and statements to the public.

:func:`find_communications` scans each sentence for trigger words (:mod:`kg.extract.triggers`)
and reads each trigger's mention (:func:`_read_mention`): its clause gives the participants (the
subject before it, the objects after it; :mod:`kg.extract.clauses`, with group phrases from
:mod:`kg.extract.reference`), its factuality (negated and hypothetical mentions are dropped;
planned ones kept), its date (:mod:`kg.extract.dates`), its counterpart governments
(:mod:`kg.extract.governments`) and its initiator. :mod:`kg.extract.events` then merges the
mentions of one event into one communication carrying every evidence span and adds what the
whole article says of them (companions, envoys, visitors, bare remarks).

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
from dataclasses import replace

from kg.extract.cast import Cast, EventMention, Mention, names_of
from kg.extract.clauses import (
    BLESSING,
    BY,
    CALLED_SOMETHING,
    CLAUSE_BREAK,
    FINITE_VERB,
    OPENING_PHRASE,
    PASSIVE,
    RELATIVE_ASIDE,
    REPORTED_THAT,
    SECOND_VERB,
    SPEECH_BREAK,
    SUMMONING,
    WITH_OPENING,
    clause_bounds,
    coordinated_run,
    find_initiator,
    find_objects,
    find_subjects,
    fronted_phrase_end,
    host_of_many_sides,
    is_lower_title,
    is_thing_of,
    is_title_owner,
    letter_sides,
    narrative_subject,
    officials_named_together,
    possessive_pronoun,
    relative_gap_start,
    relative_object,
    relative_subject,
    subject_across_relative,
    unnamed_subject,
)
from kg.extract.dates import (
    CONTINUATION,
    SAME_DAY,
    WEEKDAYS,
    NarrativeDay,
    advance_narrative_day,
    day_shift,
    event_date,
    find_dates,
    inherits_day,
    mentions_other_period,
)
from kg.extract.events import (
    IN_TURN,
    bilateral,
    find_location,
    find_topics,
    is_bare_remark,
    joint_appearance,
    merge_mentions,
    with_bare_remarks,
    with_companions,
    with_envoys,
    with_visitors,
    without_covered_visits,
    without_partial_statements,
)
from kg.extract.governments import (
    body_government,
    find_counterparts,
    host_countries,
    institution_government,
    summoning_country,
)
from kg.extract.names import is_title_only, title_patterns
from kg.extract.reference import COUNTS, GROUP, group_members, side_members
from kg.extract.sentences import (
    Sentence,
    find_quotes,
    paragraph_start,
    sentence_at,
    split_sentences,
)
from kg.extract.triggers import (
    INVERTED_CONDITION,
    MONTH_MAY,
    classify_factuality,
    compiled_triggers,
    refine_mode,
)
from kg.knowledge import Knowledge, Trigger, past_forms, present_forms
from kg.model import Communication, Kind, Mode, Span, Status

TOLD = re.compile(r"told", re.IGNORECASE)
#: a government body as the subject right before a verb: "India's foreign ministry summoned"
BODY_SUBJECT = re.compile(r"(?P<body>\b(?:ministry|government|embassy|department|presidency|"
                          r"cabinet|office)"
                          # "the Ministry of External Affairs", "the Department of State"
                          r"(?:[^\S\n]+(?:of|for)[^\S\n]+(?:the[^\S\n]+)?(?-i:[A-Z])[\w'’-]*"
                          r"(?:[^\S\n]+(?:and[^\S\n]+)?(?-i:[A-Z])[\w'’-]*)*)?)"
                          r"[^\S\n]+(?:(?:also|then|later|has|had)[^\S\n]+)?$|"
                          # "I called on the President": a writer the text does not name
                          r"(?-i:\b(?:I|[Ww]e))[^\S\n]+(?:(?:also|then|later|have|has|had|"
                          r"was|were)[^\S\n]+)?$",
                          re.IGNORECASE)
#: the envoys accredited to a government, met or briefed together
ENVOYS_TOGETHER = re.compile(r"[^\S\n]+(?:with[^\S\n]+)?(?:the[^\S\n]+)?(?:[\w'’-]+['’]s[^\S\n]+)?"
                             r"(?:heads[^\S\n]+of[^\S\n]+(?:(?:foreign|diplomatic)[^\S\n]+)*missions?|"
                             r"(?:foreign[^\S\n]+)?diplomatic[^\S\n]+corps|"
                             r"(?:foreign[^\S\n]+)?ambassadors[^\S\n]+accredited)\b", re.IGNORECASE)
JOINT = re.compile(r"\bjoint(?:ly)?\b", re.IGNORECASE)
#: a preposition right before an official: the object of a phrase, no verb's subject
PREPOSITION_BEFORE = re.compile(r"\b(?:of|for|with|from|about)[^\S\n]+$")
PLURAL_STATEMENTS = re.compile(r"\bstatements\b", re.IGNORECASE)
THAT = re.compile(r"\bthat\b")
# A trigger that is a journey ("travelled to Ukraine with…"): "with" names a companion.
MOTION = re.compile(r"(?:travel|flew|fly|arriv|trip|went|came|drove)", re.IGNORECASE)
INVITATION = re.compile(r"invit", re.IGNORECASE)
#: an invitation handed on by its verb: "extended an invitation", "conveyed to X an invitation"
EXTENDED = re.compile(r"\b(?:extend|convey|issu|renew|deliver|address)(?:ed|s|es|ing)?[^\S\n]+"
                      r"(?:(?:an?|his|her|the|their|its)[^\S\n]+(?:[\w-]+[^\S\n]+)?$|to[^\S\n]+|"
                      # ("conveyed her brother Kim Jong Un's invitation")
                      r"(?:(?:his|her|their|the)[^\S\n]+)?(?:[\w-]+[^\S\n]+){0,4}[\w-]+['’]s[^\S\n]+$)")
ACCEPTED = re.compile(r"\baccept(?:s|ed|ing)?\b")
#: between an invitation and the one it is of, perhaps titled: " of the Custodian of the Two
#: Holy Mosques King "
OF_OWNER = re.compile(r"[^\S\n]+of[^\S\n]+(?:the[^\S\n]+)?(?:[A-Z][\w'’-]*[^\S\n]+|of[^\S\n]+|the[^\S\n]+)*")
# Who speaks for an official without being named: "a spokesman for (President) X"
SPOKESMAN_FOR = re.compile(r"\b(?:spokes(?:man|woman|person)|aides?|office|ministry|officials?|"
                           r"adviser|advisor)\s+(?:for|of|to)\s+(?:(?:the\s+)?[A-Z][\w'’.-]*\s+)"
                           r"{0,4}$")
# "received X for (bilateral) talks": the purpose of the verb before
PURPOSE = re.compile(r"\bfor\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)
#: an event a mention follows: "after the meeting", "following their talks"
AFTER_EVENT = re.compile(r"\b(?:after|following)\s+(?:the|their|his|her|this|that)\s+(?:[\w-]+\s+)?"
                         r"(?P<noun>meeting|talks|call|conversation|summit|session|ceremony|"
                         r"signing|visit|discussions)\b", re.IGNORECASE)
#: "two days after the meeting": a day counted from the meeting's, not its day
DAYS_BEFORE = re.compile(r"\b(?:days?|weeks?|months?)\s+$", re.IGNORECASE)
#: how far back (in characters) the meeting a mention follows may have been reported
AFTER_REACH = 1500
#: the modes of the contacts a noun after "after" may name (any mode when not listed)
AFTER_NOUN_MODES = {"call": (Mode.PHONE,), "conversation": (Mode.PHONE, Mode.MEETING),
                    "meeting": (Mode.MEETING, Mode.UNSPECIFIED),
                    "talks": (Mode.MEETING, Mode.UNSPECIFIED, Mode.PHONE)}
#: a phrase before a visit on whose invitation it is made, and the words of such a visit
FRONTED_INVITATION = re.compile(r"\b(?:[Aa]t|[Uu]pon|[Oo]n)\s+the\s+invitation\s+of\s+")
VISIT_WORD = re.compile(r"(?:visit|travel|pay|paid|pays|arriv|come|came|go\b|went)", re.IGNORECASE)
# "a meeting between A, B and C, convened by D"
CONVENER = re.compile(r",?\s+(?:convened|chaired|hosted|brokered|mediated|organi[sz]ed) by\s+")
# "to attend the summit, which D is hosting": the convener as the subject of a relative clause
RELATIVE_CONVENER = re.compile(r",?\s+(?:which|that)\s+")
CONVENING = re.compile(r"\s+(?:is\s+|was\s+|will\s+)?(?:hosting|hosts|hosted|host|chairing|chairs|"
                       r"chaired|chair|convened|convenes|convene)\b")
# What may stand between a speaker and a bare speech verb: an apposition and adverbs.
REMARK_GAP = re.compile(r"(?:['’]s[^\S\n][^,.;:]{1,40})?"
                        # ("X, the envoy for climate, who was in Cairo, said": an apposition,
                        # then one more phrase)
                        r"(?:\s*,\s*(?:the|a|an|his|her|their)\s[^,.;:“”\"]{1,90})?"
                        r"(?:\s*,[^,.;:“”\"]{1,90})?,?\s*"
                        r"(?:(?:has|had|have|also|later|then|once|already|again|on \w+|\w+ly)\s+)*")

# A definite occasion opening a clause points back to one the text reported ("In Burundi, where
# X has won a third term, the speech will be read as…"); the official named before is no speaker.
RECALLED_OCCASION = re.compile(r"(?:^|[,;:\n]\s*|(?<=[.!?])\s+)(?:the|The)\s+$")

#: "X read out the final statement", "with X reading the joint statement": a text several
#: parties issued, and its reader is not the one who speaks in it.
READ_JOINT_TEXT = re.compile(
    r"\bread(?:s|ing)?(?:\s+out)?\s+(?:the|a|an|their)\s+(?:[\w-]+\s+)?"
    r"(?:joint|final|closing|concluding)\s+(?:[\w-]+\s+)?(?:statement|declaration|communiqu[eé])",
    re.IGNORECASE)

PAST_REMARK = re.compile(r"\b(?:once|previously|in the past|(?:said|told|warned) earlier)\b",
                         re.IGNORECASE)


def find_communications(text: str, published: dt.date | None, cast: Cast,
                        knowledge: Knowledge, check=None, readout: bool = False
                        ) -> list[Communication]:
    """Every distinct communication ``text`` reports, in order of first mention; ``check`` is
    called between sentences (it raises to stop a reading that takes too long). A government's
    ``readout`` reports the day it is published unless it says otherwise."""
    sentences = split_sentences(text)
    quotes = find_quotes(text)
    quote_starts = [s for s, _ in quotes]
    mentions = list(cast.mentions)
    starts = [m.start for m in mentions]
    found: list[EventMention] = []
    # The day the narrative is at, and the paragraph that set it.
    last_date = NarrativeDay(published, 0, published) if readout and published else None
    previous_mentions: list[Mention] = []
    previous_paragraph = -1
    # A word of a government's name is no trigger: "the Holy See Press Office" sees nobody.
    names = [range(*m.span()) for m in title_patterns(knowledge).government.finditer(text)]
    for sentence in sentences:
        if check is not None and sentence.number % 64 == 0:
            check()
        occupied: list[range] = [r for r in names if sentence.start <= r.start < sentence.end]
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
        triggers = sorted([(match.start(), rank, match.end(), trigger)
                           for rank, (pattern, trigger)
                           in enumerate(compiled_triggers(knowledge.triggers))
                           for match in pattern.finditer(sentence.text)]
                          + _compound_events(sentence.text))
        _date_recalled_event(sentence, published, found)
        for match_start, _, match_end, trigger in triggers:
            start = sentence.start + match_start
            end = sentence.start + match_end
            if any(start in r or end - 1 in r for r in occupied) \
                    or _convener_taken(text, start, sentence_mentions, found[count_before:]) \
                    or SETTING.search(text, max(sentence.start, start - 60), start):
                continue
            mentions_here = _read_mention(text, sentence, start, end, trigger,
                                          sentence_mentions, previous_mentions, cast,
                                          in_sentence, published, last_date, found, knowledge)
            if mentions_here:
                occupied.append(range(start, end))
                found.extend(_one_per_destination(text, sentence, start, mentions_here, cast))
        # The previous sentence's officials, while the paragraph goes on.
        previous_mentions = sentence_mentions
        previous_paragraph = sentence.paragraph
        last_date = advance_narrative_day(
            sentence, published, [m.communication for m in found[count_before:]], last_date)
    found = _with_attendees(found, text, sentences, mentions, starts)
    ordered = sorted(found, key=lambda m: m.offset)
    remarks = [m for m in ordered if is_bare_remark(m.communication)]
    merged = with_bare_remarks(
        merge_mentions([m for m in ordered if not is_bare_remark(m.communication)]), remarks)
    merged = with_envoys(with_companions(merged, text, cast, sentences), text, cast)
    merged = without_partial_statements(without_covered_visits(merged, cast))
    return with_visitors(merged, text, cast, knowledge)


#: a participle after the event it describes: "a luncheon hosted by X"
HOSTED_BY = re.compile(r"(?:hosted|given|offered|chaired|organi[sz]ed|held)\s+by\b", re.IGNORECASE)
#: a journey to places coordinated: "travels to Romania and Yugoslavia", "to travel on to Kyiv
#: and then Moscow"
DESTINATIONS = re.compile(
    r"\b(?:travel|travels|travelled|traveled|travelling|traveling|fly|flies|flew|flying|go|goes|"
    r"went|going|head|heads|headed|continue|continues|continued|proceed|proceeds|proceeded)"
    r"(?:\s+on)?\s+to\s+(?P<places>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?"
    r"(?:\s*,\s*[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)*,?\s+and\s+(?:then\s+)?"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\b")


def _one_per_destination(text: str, sentence, trigger_at: int, reported: list[EventMention],
                         cast: Cast) -> list[EventMention]:
    """A journey to several places for talks with as many officials of as many governments is
    a meeting with each in turn, not one of them all ("travels to Romania and Yugoslavia for
    talks with President Ceausescu and President Tito")."""
    journey = None
    for journey in DESTINATIONS.finditer(text, sentence.start, trigger_at):
        pass
    if journey is None:
        return reported
    places = len(re.split(r"\s*,\s*(?:and\s+)?|,?\s+and\s+(?:then\s+)?", journey.group("places")))
    travellers = {m.official for m in cast.mentions if sentence.start <= m.start < journey.start()}
    government = {o.name: o.government for o in cast.officials}
    split = []
    for mention in reported:
        communication = mention.communication
        partners = [p for p in communication.participants if p not in travellers]
        going = tuple(p for p in communication.participants if p in travellers)
        if communication.kind is not Kind.CONTACT or not going or len(partners) != places \
                or len({government.get(p) for p in partners}) != places:
            split.append(mention)
            continue
        split.extend(replace(mention, communication=replace(
            communication, participants=(*going, partner))) for partner in partners)
    return split


#: "talks on the sidelines of the trilateral meeting": the event named there is the setting of
#: another, not one of the clause's subjects
SETTING = re.compile(r"\b(?:on|at|in)\s+the\s+(?:sidelines?|margins?|fringes?)\s+of\s+(?:the|a|an|"
                     r"this|that|their|its)\s+(?:[\w'’-]+\s+){0,3}$")
#: a sentence opening on a contact just reported and its day: "The call on Thursday evening"
DATED_RECALL = re.compile(r"\s*(?:The|That|This)\s+(?:[\w-]+\s+)?(?P<noun>call|conversation|meeting|"
                          r"talks|visit)\s+(?:(?:late|early)\s+)?on\s+(?=\S)")
#: how far back (in characters) a recalled contact may have been reported
RECALL_REACH = 600
RECALLED_MODES = {"call": (Mode.PHONE,), "conversation": (Mode.PHONE, Mode.UNSPECIFIED),
                  "meeting": (Mode.MEETING,), "talks": (Mode.MEETING, Mode.UNSPECIFIED),
                  "visit": (Mode.MEETING,)}


def _date_recalled_event(sentence: Sentence, published: dt.date | None,
                         found: list[EventMention]) -> None:
    """Give a contact reported without a day the day the next sentence gives it when it
    opens by recalling it ("X telephoned Y. The call on Thursday evening came …")."""
    recall = DATED_RECALL.match(sentence.text)
    dates = find_dates(sentence.text[recall.end():recall.end() + 30], published, False) \
        if recall else []
    if not dates or dates[0][0] != 0 or dates[0][1] is None:
        return
    modes = RECALLED_MODES[recall.group("noun")]
    for index in range(len(found) - 1, -1, -1):
        mention = found[index]
        if mention.offset >= sentence.start:
            continue
        if mention.offset < sentence.start - RECALL_REACH:
            return
        communication = mention.communication
        if communication.kind is Kind.CONTACT and communication.mode in modes:
            if communication.date is None and communication.status is Status.OCCURRED:
                found[index] = replace(mention, communication=replace(communication,
                                                                      date=dates[0][1]))
            return


#: taking part in an event, whose convener the sentence may name after it
PARTICIPATION = re.compile(r"(?:attend|participat|t(?:ook|ake|akes|aking) part|join)",
                           re.IGNORECASE)


def _convener_taken(text: str, start: int, sentence_mentions: list[Mention],
                    earlier: list[EventMention]) -> bool:
    """Whether the trigger at ``start`` only names the convener or attendees of a contact the
    sentence has reported already ("talks between A and B, hosted by C": C joined those talks;
    "B, hosted by C" is no meeting of its own)."""
    convener = CONVENER.match(text, start - 2) or CONVENER.match(text, start - 1) \
        or CONVENER.match(text, start) or ATTENDED_BY.match(text, start)
    chair = convener and next((m for m in sentence_mentions if m.start >= convener.end()), None)
    return chair is not None and any(
        m.communication.kind is Kind.CONTACT and chair.official in m.communication.participants
        and len(m.communication.participants) > 2 for m in earlier)


#: hosting or chairing an event: "hosted a summit", "chaired the meeting of …"
HOSTED_EVENT = re.compile(r"(?:co-)?(?:chair|host|open|conven|presid\w*[^\S\n]+over)\w*[^\S\n]+"
                          r"(?:the|a|an|their|its)"
                          r"[^\S\n]+(?:[\w-]+[^\S\n]+){0,3}?(?:meeting|session|summit|conference|"
                          r"forum|retreat|consultations|dialogue)\b", re.IGNORECASE)
#: officials who attend, after them: "A and B attended", "… took part", "… were also present",
#: with no object of their own or only the event ("attended the summit in Algiers" is another)
ATTENDED = re.compile(r"[^\S\n]*,?[^\S\n]*(?:(?:also|both|all)[^\S\n]+)?(?:attended|took[^\S\n]+part|"
                      r"participated|joined|(?:was|were)[^\S\n]+(?:also[^\S\n]+)?(?:present|"
                      r"in[^\S\n]+attendance))(?:[^\S\n]+(?:it|in[^\S\n]+it|them|the[^\S\n]+"
                      r"(?:meeting|summit|talks|session|conference|retreat)))?(?=[^\S\n]*(?:[.,;]|$))")
AS_DID = re.compile(r"[^\S\n]*,?[^\S\n]+as[^\S\n]+did[^\S\n]+")
#: ... and before them: "Also present were A and B", "Among those attending were …", "Around
#: the table were …"
PRESENT_BEFORE = re.compile(r"\b(?:(?:[Aa]lso[^\S\n]+)?(?:[Pp]resent|[Aa]ttending|[Tt]aking[^\S\n]+part)"
                            r"[^\S\n]+(?:were|was)|"
                            r"(?:[Aa]round|[Aa]t)[^\S\n]+the[^\S\n]+table[^\S\n]+(?:were|was|sat)|"
                            r"[Aa]mong[^\S\n]+(?:those[^\S\n]+)?(?:present|attending|the[^\S\n]+"
                            r"participants)[^\S\n]+(?:were|was))[^\S\n]+")
#: an attendee named in a relative clause on the event: "a summit at which B accepted …"
AT_WHICH = re.compile(r"\b(?:at|during)[^\S\n]+which[^\S\n]+")
#: ... or a group: "a meeting with B, at which the two leaders discussed …"
RELATIVE_ON_EVENT = re.compile(r"\b(?:at|during)[^\S\n]+which[^\S\n]+$")


#: from one partner to the next met in turn: "… in the morning and later in the afternoon with
#: ", "… on Monday and, separately, ", "first with A and then with "
_TIME_OR_PLACE = r"(?:[^\S\n]+(?:in|on|at|during|over)[^\S\n]+(?:(?:the|a)[^\S\n]+)?[\w'’-]+)*"
PARTNER_IN_TURN = re.compile(rf"{_TIME_OR_PLACE},?[^\S\n]+and[^\S\n]*,?[^\S\n]+{IN_TURN}"
                             rf"{_TIME_OR_PLACE},?[^\S\n]+(?:(?:with|on|by|to|from)[^\S\n]+)?")


def _partner_in_turn(text: str, visible: list[Mention], after: int, sentence_end: int
                     ) -> list[Mention]:
    """The official met next, in turn, when the clause goes on without its verb ("met A in the
    morning and later in the afternoon with B", "is to meet A and, separately, B")."""
    following = next((m for m in visible if after < m.start < sentence_end), None)
    if following is None:
        return []
    gap = PARTNER_IN_TURN.match(text, after, following.start)
    return [following] if gap and is_title_only(text[gap.end() : following.start]) else []


def _after_opening_contact(text: str, sentence, previous: EventMention, group: re.Match) -> bool:
    """Whether ``group`` ("the two leaders") opens the main clause right after a sentence-opening
    phrase that reported the contact ``previous`` with as many sides ("During the talks with B,
    the two leaders …")."""
    if group.group("they"):
        return False
    count = group.group("count")
    sides = 2 if group.group("both") or not count else COUNTS[count.lower()]
    evidence = previous.communication.evidence[0]
    phrase = text.rfind(",", sentence.start, evidence.start) + 1 or sentence.start
    return (len(previous.communication.participants) == sides
            and sentence.start <= evidence.start and evidence.end <= group.start()
            and OPENING_PHRASE.match(text, phrase) is not None
            and re.fullmatch(r"[^.;:,]*,[^\S\n]*", text[evidence.end : group.start()]) is not None)


def _with_attendees(found: list[EventMention], text: str, sentences, mentions: list[Mention],
                    starts: list[int]) -> list[EventMention]:
    """Events one official hosts or chairs, with the attendees the two sentences after name
    ("X chaired the summit. A, B and C took part.", "Also present were A and B"): a meeting of
    all of them started by the host (SCHEMA conventions 1 and 9). Open events nobody named joins
    are dropped, unless unnamed governments do."""
    updated = []
    for mention in found:
        if not mention.open_to_attendees:
            joining = _relative_attendees(text, mention, sentences, mentions, starts)
            updated.append(replace(mention, communication=replace(
                mention.communication, participants=tuple(dict.fromkeys(
                    mention.communication.participants + tuple(joining))))) if joining else mention)
            continue
        at = next(s.number for s in sentences if s.start <= mention.offset < s.end)
        attendees: list[str] = []
        # "chaired a summit at which B accepted the role": B was there
        which = AT_WHICH.search(text, mention.offset, sentences[at].end)
        if which:
            here = mentions[bisect.bisect_left(starts, which.end()):
                            bisect.bisect_left(starts, sentences[at].end)]
            attendees += [m.official for m in here[:1]
                          if is_title_only(text[which.end() : m.start])
                          or is_lower_title(text[which.end() : m.start])]
        for sentence in sentences[at + 1 : at + 3]:
            if sentence.paragraph != sentences[at].paragraph or any(
                    d for _, d in find_dates(sentence.text, None, False)):
                break  # another paragraph, or a day of its own: another occasion
            here = mentions[bisect.bisect_left(starts, sentence.start):
                            bisect.bisect_left(starts, sentence.end)]
            for verb in ATTENDED.finditer(text, sentence.start, sentence.end):
                named = [m for m in here if m.end <= verb.start()]
                if named and ATTENDED.fullmatch(text, named[-1].end, verb.end()):
                    attendees += names_of(find_subjects(text, here, sentence.start, verb.start()))
                    # "A and B took part, as did C"
                    also = AS_DID.match(text, verb.end())
                    attendees += names_of(find_objects(text, here, also.end(), sentence.end)) \
                        if also else []
            for present in PRESENT_BEFORE.finditer(text, sentence.start, sentence.end):
                attendees += names_of(find_objects(text, here, present.end() - 1, sentence.end))
        communication = mention.communication
        joined = tuple(dict.fromkeys(communication.participants + tuple(attendees)))
        if len(joined) > len(communication.participants):
            updated.append(replace(mention, open_to_attendees=False, communication=replace(
                communication, participants=joined, initiator=communication.participants[0])))
        elif communication.counterpart_governments:  # "X chaired a summit of the GCC"
            updated.append(replace(mention, open_to_attendees=False))
    return updated


def _relative_attendees(text: str, mention: EventMention, sentences, mentions: list[Mention],
                        starts: list[int]) -> list[str]:
    """Those a relative clause on a contact's event says took part: "a meeting with X, which Y
    also attended", "a call from X, in which Y took part", "at which A and B were present"."""
    evidence = mention.communication.evidence[0]
    if mention.communication.kind is not Kind.CONTACT:
        return []
    which = WHICH_ATTENDED.match(text, evidence.end)
    sentence = sentence_at(sentences, evidence.start)
    if which is None or sentence is None or which.end() > sentence.end:
        return []
    here = mentions[bisect.bisect_left(starts, which.end()):bisect.bisect_left(starts, sentence.end)]
    verb = next(ATTENDED.finditer(text, which.end(), sentence.end), None)
    attendees = find_subjects(text, here, which.end(), verb.start()) if verb else []
    if not attendees or not ATTENDED.fullmatch(text, attendees[-1].end, verb.end()):
        return []
    return names_of(attendees)


#: a relative clause on the event just named, before those who attended it: ", which ",
#: ", at which " (after the rest of the partner's title: "X of the United States, in which")
WHICH_ATTENDED = re.compile(r"[^,;.\n]{0,60}?,[^\S\n]*(?:(?:at|in|during)[^\S\n]+)?which[^\S\n]+")
#: what comes before a verb of saying whose speaker follows it: a quotation or a comma
INVERTED_SPEECH = re.compile(r"(?:[\"”’']|,)[^\S\n]*$|^[^\S\n]*$")
#: the press a verb of speaking goes to: "spoke to reporters", "talked with journalists"
TO_THE_PRESS = re.compile(r"[^\S\n]+(?:(?:briefly|jointly|together|later)[^\S\n]+)?(?:to|with)[^\S\n]+"
                          r"(?:the[^\S\n]+)?(?:reporters|journalists|press|media|correspondents)\b")
#: an event named by its parties: "the Biden-Xi meeting", "Putin–Erdoğan talks"
COMPOUND_EVENT = re.compile(r"(?<![\w-])[A-Z][\w’']+[-–][A-Z][\w’']+\s+(?P<noun>meeting|summit|"
                            r"talks|phone call|telephone call|call|conversation)\b")
AFTER_EVERY_ROW = 1 << 30
COMPOUND_MODES = {"meeting": Mode.MEETING, "summit": Mode.MEETING, "talks": Mode.UNSPECIFIED,
                  "conversation": Mode.UNSPECIFIED}


def _group_object(text: str, end: int, subjects: list, cast: Cast) -> list[Mention]:
    """"Borrell hosted both leaders", "wrote to the two presidents": a group right after the
    trigger stands for the officials named last before it, other than the subject."""
    lead = GROUP_OBJECT_LEAD.match(text, end)
    group = GROUP.match(text, lead.end()) if lead else None
    if group is None or group.group("they"):
        return []
    own = set(names_of(subjects))
    before = [m for m in cast.mentions[: bisect.bisect_left([m.start for m in cast.mentions],
                                                             group.start())]
              # "Yemane, Isaias's adviser": the owner of a title is no member of the group
              if m.official not in own and text[m.end : m.end + 2] not in ("'s", "’s")
              and m.official not in cast.former]
    members = group_members(group, before, cast.official, paragraph_start(text, group.start()))
    return [Mention(group.start(), group.end(), name, "title") for name in members]


GROUP_OBJECT_LEAD = re.compile(r"[^\S\n]+(?:(?:with|to|from)[^\S\n]+)?")
BETWEEN_GROUP = re.compile(r"[^\S\n]+between(?=[^\S\n]+the[^\S\n]+two[^\S\n]+(?:on|in|at)\b)")


def _main_subject_of_participle(text: str, visible: list[Mention], sentence, start: int
                               ) -> list[Mention]:
    """The subject of the main clause a participle after a comma hangs on ("Macron arrived,
    telling reporters that …"; "Ruto flew home on Friday, saying …")."""
    # (the participle is the trigger, or opens the phrase it ends: ", saying in a statement")
    participle = PARTICIPLE_AFTER_COMMA.search(text, max(sentence.start, start - 20), start + 12)
    if participle is None or re.search(r"[,;]", text[participle.end() : start]):
        return []
    first = next((m for m in visible if sentence.start <= m.start < start), None)
    return [first] if first and is_title_only(text[sentence.start : first.start]) else []


def _subject_of_coordinated_verb(text: str, visible: list[Mention], sentence, start: int
                                 ) -> list[Mention]:
    """"Rice flew in from Tanzania, where Bush was on a state visit, and held talks with X": a
    verb coordinated after a subordinate clause shares the main clause's subject, not the
    clause's official."""
    if not COORDINATED_VERB.search(text, max(sentence.start, start - 40), start):
        return []
    first = next((m for m in visible if sentence.start <= m.start < start), None)
    if first is None or not is_title_only(text[sentence.start : first.start]) \
            or not VERB_AFTER_SUBJECT.match(text, first.end):
        return []
    inner = SUBORDINATE.search(text, first.end, start)
    if inner and any(inner.end() <= m.start < start for m in visible):
        return [first]
    # "He will hold talks with B on Wednesday, and is expected to meet C": an auxiliary after
    # the comma opens a verb phrase with no subject of its own
    return [first] if AUXILIARY_AFTER_AND.search(text, max(sentence.start, start - 40), start) \
        else []


def _subject_of_verb_series(text: str, visible: list[Mention], sentence, start: int,
                            found: list[EventMention]) -> list[Mention]:
    """"He met A in Bangkok, went on to Phnom Penh to see B, and ended the day with C": a
    finite verb after a comma that follows the object of a contact just told goes on with that
    contact's subject, not its object."""
    series = VERB_SERIES.search(text, max(sentence.start, start - 90), start)
    if series is None or not FINITE_VERB.match(text, series.end("and") if series.group("and")
                                               else series.start() + 1):
        return []
    previous = next((m for m in reversed(found) if sentence.start <= m.offset < series.start()
                     and m.communication.kind is Kind.CONTACT), None)
    last = [m for m in visible if m.end <= series.start()][-1:]
    if previous is None or not last or len(previous.communication.participants) < 2 \
            or last[0].official not in previous.communication.participants[1:]:
        return []
    subject = previous.communication.participants[0]
    return [m for m in visible if m.official == subject and m.start < previous.offset][-1:]


#: a comma, maybe "and", and a verb phrase with no comma of its own up to the trigger
VERB_SERIES = re.compile(r",(?P<and>[^\S\n]+and)?(?=[^\S\n]+[a-z])[^,;:]*$")
COORDINATED_VERB = re.compile(r",[^\S\n]+and[^\S\n]+(?:(?:then|later|also|is|are|was|were|will|"
                              r"would|expected|due|set|to)[^\S\n]+)*$")
AUXILIARY_AFTER_AND = re.compile(r",[^\S\n]+and[^\S\n]+(?:is|are|was|were|will|would|has|had)"
                                 r"[^\S\n]+(?:[a-z]+[^\S\n]+){0,3}$")
SUBORDINATE = re.compile(r",[^\S\n]+(?:where|when|while|as|after|which|who)\b")
#: a lower-case word right after the subject (and its "of Country"), its verb ("Rice flew in")
VERB_AFTER_SUBJECT = re.compile(r"(?:[^\S\n]+of(?:[^\S\n]+[A-Z][\w-]*)+)?"
                                r"[^\S\n]+(?!(?:and|or|of|for|in|at|to|with)\b)[a-z]+\b")


#: a participle opening a clause after a comma, at the trigger: ", telling reporters"
PARTICIPLE_AFTER_COMMA = re.compile(r",[^\S\n]+(?:telling|saying|adding|noting|writing|posting|"
                                    r"speaking|stressing|insisting|warning|inviting)\b")


#: a second event noun coordinated with the first one's phrase: "… and a separate meeting"
COORDINATED_EVENT = re.compile(r"[^\S\n]+and[^\S\n]+(?:then[^\S\n]+)?(?:a|an|another)[^\S\n]+"
                               r"(?:[\w-]+[^\S\n]+){0,3}$")


def _since(found: list[EventMention], offset: int):
    """The events found at or after ``offset``, latest first (``found`` is in text order)."""
    for mention in reversed(found):
        if mention.offset < offset:
            return
        yield mention


def _shared_subject(text: str, start: int, visible: list[Mention], found: list[EventMention],
                    sentence) -> list[Mention]:
    """"A held a meeting with B on Monday and a separate meeting with C": the second noun is
    the same verb's object, so A, not B, holds it."""
    # (found is in text order: the look back stops at the sentence, or long texts turn
    # quadratic)
    previous = next((m for m in _since(found, sentence.start) if m.offset < start
                     and m.communication.kind is Kind.CONTACT), None)
    if previous is None or len(previous.communication.participants) != 2:
        return []
    holder, met = previous.communication.participants
    named_met = [m for m in visible if m.official == met and previous.offset < m.start < start]
    if not named_met or not COORDINATED_EVENT.search(text, named_met[-1].end, start):
        return []
    return [m for m in visible if m.official == holder and m.start < previous.offset][-1:]


def _join(found: list[EventMention], index: int, names: list[str]) -> None:
    """Add ``names`` to the participants of the contact found at ``index``."""
    joined = found[index].communication
    found[index] = replace(found[index], communication=replace(
        joined, participants=tuple(dict.fromkeys(joined.participants + tuple(names)))))


def _verb_object_before(text: str, visible: list[Mention], clause_start: int, start: int,
                        subjects: list[Mention]) -> tuple[list[Mention], list[Mention]]:
    """"Blinken thanked Wang in a call", "urged him to act during talks": an event named in a
    phrase after a verb and its object is a contact of the verb's subject with that object;
    so is a letter given to someone ("Salman had sent Raisi a letter"), and each of several
    objects ("thanked A and B in separate calls")."""
    given = GIVEN_THING.fullmatch(text, subjects[-1].end, start)
    if not given and not OCCASION_AFTER_OBJECT.search(text, max(clause_start, start - 30), start) \
            and not OCCASION_OPENING.match(text, start):
        return subjects, []
    # (a possessive, "conveyed his views to", names no party)
    before = [m for m in visible if clause_start <= m.start and m.end <= subjects[0].start
              and not possessive_pronoun(text, m)]
    verb = before and (GIVING_VERB if given else VERB_GAP).match(text, before[-1].end,
                                                                 subjects[0].start)
    if verb and is_title_only(text[verb.end() : subjects[0].start]) \
            and before[-1].official != subjects[0].official:
        return [before[-1]], subjects
    return subjects, []


#: a relative clause without "that", after an event noun and its maker: "calls he made to"
REDUCED_RELATIVE = re.compile(r"[^\S\n]+(?:had[^\S\n]+|has[^\S\n]+)?(?:made|sent|wrote|held|had|"
                              r"paid|placed|received|exchanged)[^\S\n]+(?:to|with)[^\S\n]+")
#: ... or a passive participle: "calls made earlier in the day by X to …"
MADE_BY = re.compile(r"[^\S\n]+(?:made|sent|placed)[^\S\n]+(?:[^\S\n]*[\w-]+){0,5}?[^\S\n]+by[^\S\n]+"
                     r"(?:[A-Z][\w.'’-]*[^\S\n]+)*")
TO_OBJECT = re.compile(r"[^\S\n]+to[^\S\n]+")
#: a thing given right after its recipient: "sent Raisi a (personal) letter"
GIVEN_THING = re.compile(r"[^\S\n]+(?:a|an)[^\S\n]+(?:[\w-]+[^\S\n]+)?")
GIVING_VERB = re.compile(r"[^\S\n]+(?:(?:had|has|have)[^\S\n]+)?(?:[a-z]+ly[^\S\n]+)?(?:sent|handed|"
                         r"gave|given|delivered|passed|wrote|written)[^\S\n]+")
#: the preposition opening an occasion: "in a (phone) call", "during talks", "at a meeting"
OCCASION_AFTER_OBJECT = re.compile(r"\b(?:in|during|at|over)\s+(?:(?:a|an|the|their|his|her)\s+)?"
                                   r"(?:[\w-]+\s+)?$", re.IGNORECASE)
#: ... or a trigger that opens the phrase itself: "in a post on X", "on Twitter"
OCCASION_OPENING = re.compile(r"(?:in|during|at|over|on)\s", re.IGNORECASE)
#: one verb (and an adverb) between a subject and its object: "thanked", "warmly congratulated",
#: or a verb and what it passes to the object: "conveyed Türkiye's expectations to"
VERB_GAP = re.compile(r"[^\S\n]+(?:(?:had|has|have|also|then|later|[a-z]+ly)[^\S\n]+)*"
                      r"(?:[a-z]+(?:ed|d)|told)"
                      r"(?:[^\S\n]+(?:his|her|its|their|the|a|an|[A-Z][\w'’-]*['’]s)[^\S\n]+"
                      r"(?:[\w'’-]+[^\S\n]+){0,3}?(?:to|with))?[^\S\n]+")


def _phrase_end(text: str, end: int, time_end: int, sentence_end: int) -> int:
    """Where the phrase of a trigger ending at ``end`` ends: at the first comma after it
    ("Speaking to the press after the meeting, X said"), or where what it reports begins."""
    comma = text.find(",", end, sentence_end)
    return max(time_end, min(end + 40, comma if comma >= 0 else sentence_end))


def _past_tense(trigger_text: str) -> bool:
    """Whether a trigger opens with a verb in the simple past ("telephoned", "sat down").

    >>> _past_tense("sat down"), _past_tense("telephoned"), _past_tense("meeting with")
    (True, True, False)
    """
    word = trigger_text.split()[0].lower() if trigger_text.split() else ""
    return word.endswith("ed") or word in past_forms()


#: a day a present tense can schedule: a weekday the text names, not a past one ("last
#: Monday") nor a habit ("every Monday"), or the day of writing itself ("Putin meets Schröder
#: today", "the leaders meet again this afternoon": what a morning report announces)
COMING_DAY = re.compile(r"(?<!\blast )(?<!\bevery )(?<!\bsince )\b(?:"
                            + "|".join(day.title() for day in WEEKDAYS)
                            + r"|(?i:today|tonight|this\s+(?:morning|afternoon|evening)))\b")
PROGRESSIVE = re.compile(r"\b(?:is|are)\s+(?:(?:also|now|still|\w+ly)\s+)?$")
#: what a verb in the base form has before it when it is a plural's present tense ("Ruto and
#: Hassan meet", "the two leaders meet again", "they hold talks")
PLURAL_SUBJECT = re.compile(r"(?:\b(?:they|both|two|leaders|ministers|presidents|sides|"
                            r"delegations|envoys)|(?-i:[A-Z][\w'’-]+))\s+"
                            r"(?:(?:again|also|then|now|first|formally|finally)\s+)?$")


def _is_scheduled(text: str, start: int, end: int, clause_end: int) -> bool:
    """Whether a trigger in the present tense announces a schedule: a weekday or "today"
    follows it in its clause ("Ruto meets Hassan on Monday", "Ruto is also hosting Hassan on
    Friday", "the two meet today").

    >>> _is_scheduled("A meets B on Monday.", 2, 7, 19), _is_scheduled("A met B on Monday.", 2, 5, 18)
    (True, False)
    >>> _is_scheduled("The two meet today.", 8, 12, 18), _is_scheduled("a visit today", 2, 7, 13)
    (True, False)
    """
    word = text[start:end].split()[0].lower()
    if word not in present_forms():
        return False
    if word.endswith("ing") and not PROGRESSIVE.search(text, max(0, start - 20), start):
        return False  # "a meeting on Monday": a noun, no tense
    if not word.endswith(("s", "ing")) and not PLURAL_SUBJECT.search(text, max(0, start - 40),
                                                                      start):
        return False  # "a visit on Monday", "to meet on Monday": a noun or an infinitive
    return COMING_DAY.search(text, end, clause_end) is not None


#: a journey or programme in the present tense: news tells an itinerary ahead so ("travels on
#: to Dushanbe on Nov. 3 for talks with X", "the programme continues on Wednesday with
#: meetings with Y")
ITINERARY = re.compile(r"\b(?:(?:travels|flies|heads|goes|moves|proceeds|continues)\s+(?:on\s+)?"
                       r"(?:to|for)|arrives\s+(?:in|at)|(?:continues|begins|starts|resumes|ends|concludes|opens|closes)"
                       r"\s+(?:on|with|in)|wraps\s+up)\b")


def _on_itinerary(text: str, clause_start: int, start: int, clause_end: int,
                  dated: bool) -> bool:
    """Whether a contact is the purpose of a journey told in the present tense, with a day.

    >>> _on_itinerary("He flies to Lima on Monday for talks.", 0, 27, 36, False)
    True
    """
    return ITINERARY.search(text, clause_start, start) is not None and (
        dated or COMING_DAY.search(text, clause_start, clause_end) is not None)


def _compound_events(sentence: str) -> list[tuple[int, int, int, Trigger]]:
    """The nouns of events a compound of names introduces, as triggers (ranked after the
    table's rows): their parties are the names before them."""
    return [(match.start("noun"), AFTER_EVERY_ROW, match.end("noun"),
             Trigger(match.group("noun"), Kind.CONTACT.value,
                     COMPOUND_MODES.get(match.group("noun"), Mode.PHONE).value, ""))
            for match in COMPOUND_EVENT.finditer(sentence)]


def _in_opening_phrase(text: str, sentence, start: int, visible: list[Mention]) -> bool:
    """Whether the trigger at ``start`` stands in a phrase before the sentence's main clause,
    near its start or after other opening phrases with no official named before it ("Earlier
    on Tuesday, commenting at a news conference after his talks with X, Y said")."""
    if start - sentence.start < 40:
        return True
    if any(sentence.start <= m.start < start for m in visible):
        return False
    piece = text.rfind(",", sentence.start, start)
    return bool(OPENING_PHRASE.match(text, piece + 1 if piece >= 0 else sentence.start))



#: where reported speech begins after its verb: "that", a subject pronoun, a quotation, the
#: reason of "thanked X for"
CONTENT = re.compile(r"\bthat\b|\b(?:he|she|they|it|we|I|there)\b|[“\"]|\bfor\b")
#: what follows the one urged: "called on X to act", "… and Y to act" (not a second verb:
#: "called on X and discussed ways to take forward…")
URGED_TO = re.compile(r"(?:,[^,;.]{0,60},)?\s+(?:and\s+(?![a-z]+ed\b)[^;.]{0,60}?\s+)?to\s+[a-z]")
#: a quoted title after the broadcaster or paper that owns it, not quoted words: 'told NBC's
#: "Meet the Press" on Sunday'
QUOTED_TITLE = re.compile(r"(?:['’]s|\b[A-Z][\w.&-]*)[^\S\n]+[“\"][A-Z][\w’'-]*(?:[^\S\n]+"
                          r"(?:[A-Z][\w’'-]*|of|the|and|a|an|on|in|to|for|with|at)){0,5}"
                          r"[”\"](?=[^\S\n]+[a-z])")


def _content_start(text: str, end: int, clause_end: int, visible: list[Mention],
                   speakers: list) -> int:
    """Where the content of a statement starts after its trigger (a "that" clause, a clause
    with its own subject), or the clause's end."""
    titles = [title.span() for title in QUOTED_TITLE.finditer(text, end, clause_end)]
    content = next((found for found in CONTENT.finditer(text, end, clause_end)
                    if not any(start <= found.start() < stop for start, stop in titles)), None)
    # "issued a joint statement with X on Monday": one addressed or joined is no content
    # ("wrote on his Facebook page on Friday that": a possessive opens no content)
    named = [m.start for m in visible if end <= m.start < clause_end and m not in speakers
             and not ADDRESSEE_BEFORE.search(text, max(end, m.start - 60), m.start)
             and not possessive_pronoun(text, m)]
    # "said the two leaders would meet on Friday": content with no "that"
    said = SAID_CONTENT.match(text, end) if SAID.search(text, max(0, end - 6), end) else None
    return min([content.start() if content else clause_end] + named
               + ([said.end() - 1] if said and said.end() <= clause_end else []))


SAID = re.compile(r"\bsa(?:id|ys)$")
#: a lowercase word right after "said" that opens no adverbial ("said on Monday", "said in a
#: statement", "said late Tuesday") begins what was said
SAID_CONTENT = re.compile(
    r"[^\S\n]+(?!(?:on|in|at|during|after|before|while|when|late|early|earlier|later|last|this|"
    r"yesterday|today|tonight|to|via|through|afterwards|separately|also|then|from|of|by|with|"
    r"shortly|again|publicly|privately|repeatedly|recently|once|previously|only|as|and|but|or|"
    r"soon|just|following|over|upon|amid|according|\w+ly)\b)[a-z]")


ADDRESSEE_BEFORE = re.compile(r"\b(?:with|to|alongside|beside)\s+(?:(?:the|his|her)\s+)?"
                              r"(?:[A-Z][\w'’.-]*\s+|[a-z]+\s+){0,4}$")


#: a verb right after a name: the name is a clause's subject ("… said X had cancelled")
CONTENT_VERB = re.compile(r"\s+(?:had|has|have|would|will|was|were|is|are|could|should|may|might|"
                          r"must|did|does|do|[a-z]+ed)\b")
#: "that" opening reported content, not a day ("later that day")
CONTENT_THAT = re.compile(r"\bthat\b(?!\s+(?:day|morning|afternoon|evening|night|week|month|year)\b)")
#: a statement's speaker after it: "a video address by Ukrainian Prime Minister X"
SPOKEN_BY = re.compile(r"(?:[^\S\n]+(?:on|in|at)[^\S\n]+[^,;.\n]{1,25}?)?"  # "announced on 23 May by X"
                       r"[^\S\n]+(?:delivered[^\S\n]+)?by[^\S\n]+(?:(?:[A-Z][\w'’.-]*|of|the|for|and)"
                       r"[^\S\n]+)*")
#: a document reported as a source: "According to a statement from the ministry, …"
ACCORDING_TO = re.compile(r"\baccording\s+to\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)


#: a request to carry one's words: "asked Y to " before "convey his greetings to Z"
ASKED_TO_CONVEY = re.compile(r"\b(?:asked|requested|urged|entrusted)[^\S\n]+[^,;.\n]{1,80}?"
                             r"[^\S\n]+(?:with[^\S\n]+conveying|to)[^\S\n]+$")
#: a letter received: "received a (written) message from "
LETTER_OBJECT = re.compile(r"(?:,?[^\S\n]+(?:on|in|at)[^\S\n]+[\w'’-]+,?)*"  # "received on Monday, in Luanda, …"
                           r"[^\S\n]+(?:an?|the)[^\S\n]+(?:[\w-]+[^\S\n]+){0,2}?(?:message|letter|"
                           r"invitation|cable|note)(?:[^\S\n]+of[^\S\n]+[a-z]+)?[^\S\n]+from[^\S\n]+"
                           # ("from his counterpart of the Democratic Republic of Congo, X")
                           r"(?:(?:his|her|their)[^\S\n]+(?:[A-Z][\w'’-]*[^\S\n]+)?counterpart"
                           r"(?:[^\S\n]+of(?:[^\S\n]+(?:[A-Z][\w'’.-]*|of|the))+)?,?[^\S\n]+)?"
                           r"(?:(?:[A-Z][\w'’.-]*|of|the)[^\S\n]+)*")
#: a letter's carrier named after it: ", delivered by X", "which was carried by X"
CARRIED_BY = re.compile(r",?[^\S\n]+(?:(?:which|that)[^\S\n]+was[^\S\n]+)?(?:delivered|handed"
                        r"(?:[^\S\n]+over)?|conveyed|carried|brought|passed[^\S\n]+on)[^\S\n]+"
                        r"(?:to[^\S\n]+(?:him|her)[^\S\n]+)?by[^\S\n]+", re.IGNORECASE)
#: ... and before it: "X delivered (R) a message from S", "who handed over a letter from S"
CARRIER_VERB = re.compile(r"\b(?:deliver(?:s|ed|ing)?|hand(?:s|ed|ing)?(?:\s+over)?|"
                          r"convey(?:s|ed|ing)?|carr(?:y|ies|ied|ying)|br(?:ing|ings|ought|inging)|"
                          r"bearing|pass(?:es|ed|ing)?\s+on|present(?:s|ed|ing)?)"
                          r"\s+(?P<between>[^,;.]{0,80}?)\s*$", re.IGNORECASE)


def _carrier_after(text: str, visible: list[Mention], at: int, clause_end: int) -> Mention | None:
    """The official a letter ending at ``at`` was carried by (", delivered by X"), if named."""
    by = CARRIED_BY.match(text, at, clause_end)
    return next((m for m in visible if by and m.start >= by.end() and m.start - by.end() < 60
                 and is_title_only(text[by.end() : m.start])), None)


def _carried_letter(text, sentence, clause_start, start, subjects, objects, visible, found
                    ) -> tuple[list[str], list[Mention]] | None:
    """The carriers and recipients of a letter "from S" that a carrier hands over (SCHEMA
    convention 2): the one the carrier gives it ("X handed R a message from S", "… from S to
    R"), else the one the carrier was just reported meeting ("R received X, who delivered a
    message from S"), else nobody. None when no carrier verb governs the letter."""
    verb = CARRIER_VERB.search(text, max(clause_start, start - 90), start)
    # the carrier is the verb's subject (across a relative clause: "X, who delivered …")
    carrying = (find_subjects(text, visible, clause_start, verb.start()) or subjects) if verb else []
    if not carrying:
        return None
    carriers = names_of(carrying)
    sender = objects[0]
    if sender.official in carriers:
        return None  # "S delivered a message": the sender's own
    given = [m for m in visible if verb.start("between") <= m.start < start
             and m.official not in carriers and m.how != "pronoun"]
    # past the sender's apposition: "from S, Prime Minister of Cambodia, to R"
    aside = SENDER_ASIDE.match(text, objects[-1].end, sentence.end)
    to = LETTER_TO.match(text, aside.end() if aside and is_title_only(aside.group(1).strip() + " ")
                         else objects[-1].end, sentence.end)
    after = [m for m in visible if to and m.start >= to.end() and m.start - to.end() < 60
             and m.official not in carriers + [sender.official]
             and is_title_only(text[to.end() : m.start])][:1]
    recipients = given or after
    if not recipients:
        # (the meeting may be told first: "X called on R. During the meeting, X conveyed…")
        met = next((m.communication for m in reversed(found)
                    if m.offset >= paragraph_start(text, sentence.start)
                    and m.communication.kind is Kind.CONTACT
                    and set(carriers) & set(m.communication.participants)), None)
        names = [n for n in (met.participants if met else ()) if n not in carriers
                 and n != sender.official]
        recipients = [Mention(start, start, n, "title") for n in names]
    return carriers, recipients


FROM_SENDER = re.compile(r"[^\S\n]+(?:from|of)[^\S\n]+")  # "a letter of President X"
SENDER_ASIDE = re.compile(r",([^,;.]{1,120}),(?=[^\S\n]+to[^\S\n])")
#: the way from a letter's sender to its recipient: "… was delivered to", "… to"
LETTER_TO = re.compile(r"(?:[^\S\n]+(?:was|were|is|has[^\S\n]+been|had[^\S\n]+been))?[^\S\n]+"
                       r"(?:(?:delivered|handed|sent|passed|addressed|given|conveyed|forwarded)"
                       r"[^\S\n]+(?:over[^\S\n]+)?)?to[^\S\n]+")


def _is_spokesperson(cast: Cast, name: str) -> bool:
    """Whether the official ``name`` speaks for others (a spokesman reports talks, not holds
    them)."""
    official = cast.official(name)
    return official is not None and bool(re.match(r"spokes", official.post or "", re.IGNORECASE))


#: a remark made after a contact, right before the contact's trigger
REMARK_AFTER_CONTACT = re.compile(
    r"\b(?:said|says|told\s+(?:reporters|journalists|the\s+press|a\s+news\s+conference)|added|"
    r"stressed|noted|wrote|tweeted)\s+(?:(?:on|late\s+on|early\s+on)\s+\w+\s+)?"
    r"(?:after|following|during)\s+(?:(?:his|her|their|the|a|an)\s+)?(?:[\w-]+\s+)?$")


#: a plan said after the event's noun phrase: "a meeting between A and B is planned for …"
PLANNED_AFTER = re.compile(r"(?:\s+(?:in|at|on)\s+[^,;.]{1,30}?)?\s+(?:is|are)\s+(?:now\s+)?"
                           r"(?:planned|scheduled|expected|due|set|slated)\b")


#: what calls an occasion off
CALLED_OFF = r"(?:cancell?ed|called\s+off|scrapped|shelved)"
#: ... or called off: "a meeting between A and B was cancelled"
CANCELLED_AFTER = re.compile(r"(?:\s+(?:in|at|on)\s+(?:(?!\b(?:that|which|who)\b)[^,;.]){1,30}?)?"
                             r"\s+(?:is|are|was|were|has\s+been|have\s+been|had\s+been)\s+"
                             rf"{CALLED_OFF}\b")
#: ... or called off before it: "called off his meeting with X"
CANCELLED_BEFORE = re.compile(rf"\b{CALLED_OFF}\s+(?:(?:his|her|their|its|the|a|an|this|next|"
                              r"planned|scheduled|upcoming)\s+)*(?:[\w-]+\s+)?$", re.IGNORECASE)


ATTENDED_BY = re.compile(r"attended\s+by\b", re.IGNORECASE)
#: a companion in talks just reported: "was accompanied in the talks by …"
ACCOMPANIED_IN = re.compile(r"\baccompanied\s+(?:in|at|during|on)\s+(?:the|these|those|his|her|"
                            r"their)\s+(?:[\w-]+\s+)?$")
RECALLED_BY = re.compile(r"(?:attended|hosted|chaired|co-chaired|convened)\s+by\b", re.IGNORECASE)
AND_ATTENDED_BY = re.compile(r"[^\S\n]*,?[^\S\n]+and[^\S\n]+attended[^\S\n]+by[^\S\n]+(?:leaders[^\S\n]+"
                             r"including[^\S\n]+)?")
#: a definite event noun opening a sentence recalls one just reported: "The meeting, …"
RECALLED_EVENT = re.compile(
    r"\s*(?:\(?\d+[.)]\s+)?(?:(?:At|In|During)\s+the\s+(?:(?:beginning|start|outset|end|course)\s+of\s+the\s+)?"
    r"|(?:The|This|That)\s+|(?=[A-Z]))(?:[\w-]+\s+)?(?i:meeting|talks|session|summit|dinner|lunch|"
    r"luncheon|call|conversation|audience|reception|discussions|consultations)"
    r"(?:\s*,\s*(?:(?:which|that)\s+(?:was|were)\s+(?:also\s+)?)?|\s+(?:was|were)\s+(?:also\s+)?)$")


#: a journey called off, with what was to happen on it after it
CANCELLED_JOURNEY = re.compile(rf"\b(?:{CALLED_OFF}|postponed)\s+(?:(?:his|her|"
                               r"their|its|a|an|the|planned|scheduled)\s+)*(?:[\w-]+\s+)?(?:trip|"
                               r"visit|journey|tour)\b(?:(?!,\s*but\b|\binstead\b)[^.;])*?"
                               r"(?:,\s*where\b|\bto\s+(?:meet|see|hold|visit)\b)"
                               r"(?:(?!,\s*but\b|\binstead\b)[^.;])*$", re.IGNORECASE)


#: speaking in turn at an event, no conversation: "both spoke on", "spoke first, followed by"
SPOKE = re.compile(r"spoke|speaks?", re.IGNORECASE)
EACH_SPOKE = re.compile(r"\b(?:both|each|all)[^\S\n]+$")
IN_TURN = re.compile(r"[^\S\n]+(?:first|last|next|in[^\S\n]+turn)\b|,?[^\S\n]+followed[^\S\n]+by\b")
#: a journey's purpose done with someone: "… to Tashkent to finalise the text with "
PURPOSE_WITH = re.compile(r"[^,;.]*?[^\S\n]to[^\S\n]+(?!meet|see|visit)[a-z]+[^,;.]*?[^\S\n]with"
                          r"[^\S\n]+(?:(?:his|her|their|the)[^\S\n]+)?(?:[\w'’-]+[^\S\n]+){0,4}?")
#: a body that speaks for itself: "the ministry", "his office", "the presidency"
BODY = re.compile(r"\b(?:ministry|office|presidency|government|embassy|agency|cabinet|palace|"
                  r"secretariat|commission|council|mission|spokes(?:man|woman|person)|statement|"
                  r"sources?|officials?|diplomats?|media|television|radio|newspaper)\b",
                  re.IGNORECASE)


def _is_body_speaking(gap: str, knowledge: Knowledge) -> bool:
    """Whether ``gap``, between the official named last and a speech verb, is a new subject: a
    government, an organisation or an office after a comma, not an apposition titling the
    official ("…, the AU said", "…, his office said"; not "…, the AU envoy, said").

    >>> from kg.knowledge import load_knowledge
    >>> _is_body_speaking(", the AU ", load_knowledge()), _is_body_speaking(", the AU envoy, ", load_knowledge())
    (True, False)
    """
    match = re.fullmatch(r"\s*,\s*((?:the|his|her|its|their)\s+)?([^,;:.“”\"]{1,40}?)\s*", gap)
    if not match:
        return False
    phrase = match.group(2)
    words = phrase.replace("'s", "").replace("’s", "")
    named_body = words in knowledge.government_by_surface or bool(BODY.search(words))
    return named_body and not re.search(r"\b(?:envoy|ambassador|minister|president|chief|head|"
                                        r"leader|chairman|chair|secretary)\b", words,
                                        re.IGNORECASE)


def _cue_text(text: str, start: int, end: int, mentions: list[Mention],
              quotes: list[tuple[int, int]]) -> str:
    """``text[start:end]`` with the officials named in it and the quotations closed in it
    blanked out: a name ("Theresa May", "Will Hurd") is no factuality cue, nor are a quotation's
    words ("“We will not accept it,” Lavrov said": he said it).

    >>> _cue_text('"We will not go," X said', 0, 19, [], [(0, 17)])
    '_________________ X'
    """
    pieces = list(text[start:end])
    # (nor a blessing: "King Mohammed VI, may God assist Him, held talks" held them)
    spans = [(m.start, m.end) for m in mentions if m.how != "pronoun"] + list(quotes) + [
        blessing.span() for blessing in BLESSING.finditer(text, start, end)]
    for first, last in spans:
        if start <= first and last <= end:
            pieces[first - start : last - start] = "_" * (last - first)
    return "".join(pieces)


def _read_mention(text, sentence, start, end, trigger, sentence_mentions, previous_mentions, cast,
                  quotes, published, last_date, found, knowledge) -> list[EventMention]:
    kind = Kind(trigger.kind)
    in_quote = next(((s, e) for s, e in quotes if s <= start < e), None)
    visible = [m for m in sentence_mentions
               if (in_quote is None) == (not any(s <= m.start < e for s, e in quotes))
               or (in_quote and in_quote[0] <= m.start < in_quote[1])]
    breaks = (CLAUSE_BREAK,) if kind is Kind.STATEMENT else (CLAUSE_BREAK, SPEECH_BREAK,
                                                             REPORTED_THAT)
    clause_start, clause_end = clause_bounds(sentence, start, end, breaks)
    # "May, whom he had received earlier, …": the relative clause ends at its comma, and the
    # official it hangs on is the object of the verbs inside it.
    antecedent = relative_object(text, visible, clause_start)
    comma = text.find(",", clause_start, clause_end)
    if antecedent and comma >= 0:
        antecedent = antecedent if start < comma else []
        clause_end = comma if start < comma else clause_end
    # "Erdoğan, who has offered to host Putin, said": the official the relative clause hangs
    # on, not one named inside it, is the subject, and the clause's words are not its verb's.
    across = subject_across_relative(text, visible, start)
    gap = None if across else relative_gap_start(text, start)
    if gap is not None and gap > sentence.start:
        # "Brennan, who led the CIA under President Obama, wrote": the clause's antecedent is
        # no official, and an official named inside the clause is not the subject either.
        visible = [m for m in visible if not gap <= m.start < start]
    subjects = across or _main_subject_of_participle(text, visible, sentence, start) \
        or _subject_of_coordinated_verb(text, visible, sentence, start) \
        or _subject_of_verb_series(text, visible, sentence, start, found) \
        or _shared_subject(text, start, visible, found, sentence) \
        or find_subjects(text, visible, clause_start, start) \
        or relative_subject(text, visible, clause_start)
    if trigger.mode == Mode.CORRESPONDENCE.value and (
            asked := ASKED_TO_CONVEY.search(text, clause_start, start)):
        # "X asked Y to convey his greetings to Z": the greetings are X's, Y only carries them
        subjects = find_subjects(text, visible, clause_start, asked.start()) or subjects
    cue_start = across[0].end if across else clause_start
    objects = antecedent + find_objects(text, visible, end, clause_end,
                                        possessives=trigger.mode == Mode.CORRESPONDENCE.value)
    if kind is Kind.CONTACT and objects and isinstance(objects[-1], Mention):
        objects += _partner_in_turn(text, visible, objects[-1].end, sentence.end)
    if kind is Kind.CONTACT and objects and isinstance(objects[0], Mention):
        made = REDUCED_RELATIVE.match(text, objects[0].end) \
            if not text[end : objects[0].start].strip() else None
        made = made or (MADE_BY.fullmatch(text, end, objects[0].start)
                        and TO_OBJECT.match(text, objects[0].end))
        if made:
            # "the calls he made to A and B", "calls made by X to A", "the letter she sent
            # to C": the official right after the noun made them, the verb's objects received
            # them
            subjects = [objects[0]]
            objects = find_objects(text, visible, made.end(), clause_end,
                                   possessives=trigger.mode == Mode.CORRESPONDENCE.value)
            trigger = Trigger(trigger.pattern, trigger.kind, trigger.mode, "subject")
    if kind is Kind.CONTACT and objects and isinstance(objects[0], Mention) \
            and is_thing_of(text[end : objects[0].start]):
        objects = []  # "received support from X": what X gave, not X, is the verb's object
    if kind is Kind.CONTACT and subjects and (
            not objects or GIVEN_THING.fullmatch(text, subjects[-1].end, start)):
        before, after = _verb_object_before(text, visible, clause_start, start, subjects)
        if after:  # "sent Raisi a letter inviting him": Raisi is the recipient, "him" too
            subjects, objects = before, after + [m for m in objects
                                                 if m.official != after[0].official]
    elif kind is Kind.STATEMENT and len(subjects) == 1:
        # "X thanked his host in a post on X": the verb's subject posted, not its object
        subjects = _verb_object_before(text, visible, clause_start, start, subjects)[0]
    if trigger.mode == Mode.MEETING.value and not objects \
            and (letter := LETTER_OBJECT.match(text, end)):
        # "received on Wednesday, in Luanda, a message from his counterpart …, X": the letter's
        # sender is within reach of its "from"
        objects = find_objects(text, visible, text.index(" from", end, letter.end()) + 5,
                               clause_end, possessives=False)
    if trigger.mode == Mode.MEETING.value and objects and isinstance(objects[0], Mention) \
            and LETTER_OBJECT.fullmatch(text, end, objects[0].start):
        carrier = _carrier_after(text, visible, objects[-1].end, clause_end)
        if carrier:
            # "received a message from S, delivered by X": the one received was the carrier
            objects = [carrier]
    # "X delivered a message from S to R": R received it, and met X
    # ("a written message from S": the one after "from" sent it, whatever the noun)
    from_sender = trigger.initiator == "object" or bool(
        objects and (sender_from := FROM_SENDER.match(text, end))
        and is_title_only(text[sender_from.end() : objects[0].start]))
    handed = _carried_letter(text, sentence, clause_start, start, subjects, objects, visible,
                             found) if trigger.mode == Mode.CORRESPONDENCE.value \
        and from_sender and objects else None
    if handed and not handed[1]:
        return []  # "X delivers a message from S" to nobody named: the carrier received nothing
    if handed:
        subjects = handed[1]
        trigger = Trigger(trigger.pattern, trigger.kind, trigger.mode, "object")  # the sender
    elif trigger.mode == Mode.CORRESPONDENCE.value:
        subjects, objects = letter_sides(text, visible, start, clause_start, subjects, objects,
                                         sender_first=trigger.initiator == "subject")
        if not subjects and objects:
            # "A letter from X was delivered to Y", "a letter by X to Y": Y received it
            sent = LETTER_TO.match(text, objects[-1].end, clause_end)
            recipient = next((m for m in visible if m.start >= sent.end()
                              and m.official not in names_of(objects)
                              and is_title_only(text[sent.end() : m.start])), None) \
                if sent else None
            if recipient is not None:
                subjects, objects = (([recipient], objects) if trigger.initiator == "object"
                                     else (objects, [recipient]))
    if objects and re.match(r"call(?:ed|s|ing)? on\b", text[start:end], re.IGNORECASE) \
            and URGED_TO.match(text, objects[-1].end):
        return []  # "called on X to release the prisoners": urging, no courtesy call
    if kind is Kind.CONTACT and SPOKE.fullmatch(text, start, end) and (
            (EACH_SPOKE.search(text, max(sentence.start, start - 12), start) and not objects)
            or IN_TURN.match(text, end)):
        return []  # "A and B both spoke on security", "A spoke first, followed by B": speeches
    called = objects and re.match(r"call(?!\w* on)", text[start:end], re.IGNORECASE)
    if called and CALLED_SOMETHING.match(text, objects[0].end):
        # "Ban called him 'a giant for justice'": a remark about X, no call to X
        kind, objects = Kind.STATEMENT, []
        trigger = Trigger(trigger.pattern, Kind.STATEMENT.value, Mode.UNSPECIFIED.value, "")
    elif called and re.match(r"\s+(?:a|an|the)\s", text[end : objects[0].start]) \
            and not is_lower_title(text[end : objects[0].start]):
        return []  # "called a snap election, criticised by X"
    if kind is Kind.CONTACT and subjects and not objects and PURPOSE.search(
            text, max(clause_start, start - 40), start) and set(names_of(subjects)) <= {
            name for m in found if sentence.start <= m.offset < start
            and m.communication.kind is Kind.CONTACT for name in m.communication.participants}:
        # "Putin received A and B separately for bilateral talks": the talks are what the
        # verb's contact was for, and its objects are no pair of their own.
        return []
    if MOTION.match(text, start):
        # "travelled to Ukraine with the EU's foreign policy chief": a companion, not a host.
        # "flew to Dodoma and is due to meet X": X is the second verb's object; "arrived carrying
        # a message from X": X sent it
        # But "travelled to Tashkent to finalise the text with X": what the journey was for
        # was done with X, its host.
        objects = [m for m in objects
                   if not re.search(r"\bwith\b|,|\band\b|\bfrom\b", text[end : m.start])
                   or PURPOSE_WITH.fullmatch(text, end, m.start)]
    if not subjects:
        # "after talks with his Japanese counterpart": the owner of the title is the other side.
        owners = [m for i, m in enumerate(visible) if end <= m.start < clause_end
                  and is_title_owner(text, visible, i)][:1]
        subjects = owners if owners and objects and owners[0].official not in names_of(
            objects) else []
    if kind is Kind.CONTACT and objects and not subjects:
        # "Blinken said after talks with X that…", "told reporters after meeting X": the
        # speaker held the talks their words follow
        remark = REMARK_AFTER_CONTACT.search(text, max(sentence.start, start - 60), start)
        if remark:
            # (a spokesman who speaks after talks reports them: he did not hold them)
            subjects = [m for m in find_subjects(text, visible, sentence.start, remark.start())
                        if m.official not in names_of(objects)
                        and not _is_spokesperson(cast, m.official)]
    if kind is Kind.CONTACT and objects and not subjects and _in_opening_phrase(
            text, sentence, start, visible):
        # "After meeting X in Cairo, Blinken flew on": the main clause's subject met X.
        comma = fronted_phrase_end(text, end, sentence.end)
        main = [m for m in visible if comma >= 0 and m.start > comma][:1]
        subjects = [m for m in main if is_title_only(text[comma + 1 : m.start])
                    and m.official not in names_of(objects)]
    if kind is Kind.CONTACT and subjects and not objects:
        # "With Afghan President Hamid Karzai he discussed the attack": the partner fronted
        opening = WITH_OPENING.match(text, sentence.start)
        partner = next((m for m in visible if opening and opening.end() <= m.start
                        and m.end <= subjects[0].start
                        and is_title_only(text[opening.end() : m.start])), None)
        if partner is not None and partner.official not in names_of(subjects):
            objects = [partner]
    told = kind is Kind.STATEMENT and subjects and TOLD.fullmatch(text[start:end])
    told_by = BY.match(text, end) if told and PASSIVE.search(
        text, max(sentence.start, start - 20), start) else None
    addressee = [m for m in objects if m.start >= told_by.end()
                 and is_title_only(text[told_by.end() : m.start])][:1] if told_by else [
        m for m in objects if is_title_only(text[end : m.start])
        or is_lower_title(text[end : m.start])][:1] if told else []
    if addressee and addressee[0].official not in names_of(subjects):
        # "Erdoğan told him that the war must end": telling an official is a contact with them
        # (the passive "X was told by Y" too: Y told X)
        kind, objects = Kind.CONTACT, addressee
        trigger = Trigger(trigger.pattern, Kind.CONTACT.value, Mode.UNSPECIFIED.value, "")
    if kind is Kind.STATEMENT:
        if objects and SPOKEN_BY.fullmatch(text, end, objects[0].start):
            # "a video address by X", "a joint statement by X and Y": who it is by speaks,
            # whoever chairs
            subjects, objects = objects, []
        elif ACCORDING_TO.search(text, max(sentence.start, start - 40), start):
            return []  # "According to a statement from Putrajaya, X called Y": no speaker named
        # Only an inverted speaker ("tweeted Blinken") follows a statement's trigger, or the
        # subject after an opening phrase ("In a post on Twitter, X wrote").
        objects = [m for m in objects if is_title_only(text[end : m.start])
                   and not (m.how == "pronoun" and trigger.mode == Mode.UNSPECIFIED.value)
                   # "the government said Prime Minister X had cancelled": X's verb follows, so
                   # X is what was said, not who said it
                   and not (trigger.mode == Mode.UNSPECIFIED.value
                            and CONTENT_VERB.match(text, m.end))]
        if not subjects and not objects and _in_opening_phrase(text, sentence, start, visible):
            # "In a post on Twitter, X wrote": the speaker follows the opening phrase's comma,
            # not a "that" clause ("said in a statement that Putin…").
            comma = fronted_phrase_end(text, end, sentence.end)
            following = [m for m in visible if comma >= 0 and m.start > comma][:1]
            objects = [m for m in following if "," in text[end : m.start]
                       and not CONTENT_THAT.search(text, end, m.start)
                       and is_title_only(text[end : m.start].rsplit(",", 1)[1])]
            if objects:
                # "In a joint statement, A and B said": every speaker coordinated
                objects = coordinated_run(text, visible, objects[0])
        if trigger.mode == Mode.UNSPECIFIED.value and subjects and subjects[-1].end <= start \
                and not REMARK_GAP.fullmatch(text, subjects[-1].end, start):
            subjects = []  # "The Secretary emphasized …, the statement added": not his remark
        if trigger.mode == Mode.UNSPECIFIED.value and subjects and PREPOSITION_BEFORE.search(
                text, max(clause_start, subjects[0].start - 12), subjects[0].start):
            subjects = []  # "the visit of the French leader confirmed …": the visit did
        if subjects and _is_body_speaking(text[subjects[-1].end : start], knowledge):
            subjects = []  # "… received by President Nur, the AU said in a statement"
        if len(subjects) == 1 and re.match(r"['’]s\b", text[subjects[0].end : subjects[0].end + 2]) \
                and (trigger.mode == Mode.UNSPECIFIED.value
                     or BODY.search(text, subjects[0].end, start)):
            # "Erdoğan's office had warned": an unnamed office speaks; "Zelaya's opening speech"
            # is his own
            subjects = []
        if subjects and SPOKESMAN_FOR.search(text, max(0, subjects[0].start - 60), subjects[0].start):
            subjects = []  # "A spokesman for Lavrov wrote": the unnamed spokesman speaks
        if any(m.start() < end and m.end() > start for m in READ_JOINT_TEXT.finditer(
                text, max(sentence.start, start - 60), min(sentence.end, end + 60))):
            return []  # "X read out the final statement": the reader is not its speaker
        if RECALLED_OCCASION.search(text, max(sentence.start, start - 6), start):
            return []  # "…, the speech will be read as…": one reported already, spoken by no subject here
    # "…, the two men telephoned X": the group, not an official named before it, is the subject.
    group = GROUP.search(text, subjects[-1].end if subjects else clause_start, end)
    side = knowledge.government_by_surface.get(
        (group.group("side") or group.group("count_side") or "") if group else "")
    group = group if group and group.start() < start and not (
        kind is Kind.CONTACT and group.group("definite") and side is None) else None
    if group is None and subjects and SECOND_VERB.match(text, subjects[-1].end) \
            and SECOND_VERB.match(text, subjects[-1].end).end() <= end:
        # "The two flew to Kyiv to see X and travelled on for talks with Y": X is the first
        # verb's object; the group before it is the subject of both verbs.
        group = GROUP.search(text, clause_start, subjects[0].start)
    if group and kind is Kind.STATEMENT and trigger.mode == Mode.UNSPECIFIED.value:
        return []  # "the spokesman said the two presidents had stressed…": reported content
    if group:
        # "the two leaders met", "the two men telephoned X together": the officials named last
        # ("the two leaders" are no former ones: "the extradition of former prime minister X")
        before_group = [m for m in cast.mentions[:bisect.bisect_left(
            [m.start for m in cast.mentions], group.start())] if m.official not in cast.former]
        members = side_members(group, side, before_group, cast.official) if side else \
            group_members(group, before_group, cast.official, paragraph_start(text, group.start()))
        previous = next((m for m in reversed(found[-20:])
                         if m.communication.kind is Kind.CONTACT), None)
        together = officials_named_together(
            text, sorted((m for m in previous_mentions + visible if m.end <= group.start()),
                         key=lambda m: m.start),
            paragraph_start(text, group.start())) if group.group("they") else []
        if previous is not None and previous.offset >= sentence.start and (
                RELATIVE_ON_EVENT.search(text, max(sentence.start, group.start() - 20),
                                         group.start())
                or _after_opening_contact(text, sentence, previous, group)):
            # "a meeting with B, at which the two leaders discussed …", "During the talks with B,
            # the two leaders discussed …": the sides of that meeting
            subjects = list(previous.communication.participants)
        elif together and (previous is None
                           or together[-1].end > previous.communication.evidence[0].end):
            # "A, B and C flew to Kyiv, where they met X": those named together since the
            # last contact reported, not its sides
            subjects = together
        elif members or side:
            subjects = members
        else:
            subjects = list(previous.communication.participants) if previous else []
            if kind is Kind.CONTACT and objects and group.group("they") \
                    and not re.search(r"\bjoin", text[start:end], re.IGNORECASE):
                # "In the afternoon they met X": the side that met the last contact's other
                # side meets X, not X's own side
                other = {cast.official(n).government for n in names_of(objects)
                         if cast.official(n) is not None} - {None}
                subjects = [n for n in subjects if cast.official(n) is None
                            or cast.official(n).government not in other] or subjects
        if kind is Kind.STATEMENT and subjects:
            # "the two leaders made statements to the press": one statement, all its speakers
            return [EventMention(Communication(
                kind, Mode(trigger.mode), Status.OCCURRED, tuple(names_of(subjects)),
                (Span(group.start(), end, text[group.start():end], sentence.text),),
                date=event_date(text, sentence, published, False, last_date, False, clause_start,
                                clause_end)), start)]
    # "a call between the two": with no subject, the group after "between" holds both sides
    between = None if subjects else BETWEEN_GROUP.match(text, end)
    if kind is Kind.CONTACT and not objects and (subjects or between):
        objects = _group_object(text, between.end() if between else end, subjects, cast)
    if kind is Kind.CONTACT and trigger.initiator == "object" and not objects and not group \
            and len(subjects) > 1:
        # "A and B welcomed the deal", "A and B were welcomed at the airport": a contact is with
        # whom one welcomes or hosts, not among those who welcome or are welcomed
        return []
    if kind is Kind.CONTACT and not objects and not group and TO_THE_PRESS.match(text, end):
        return []  # "A and B spoke to reporters": to the press, not to each other
    # "On May 26": the month is no modal "may"; nor is a name ("Theresa May held talks").
    factuality = classify_factuality(
        RELATIVE_ASIDE.sub(",", MONTH_MAY.sub(
            "", _cue_text(text, cue_start, start, sentence_mentions, quotes))).lower(),
        text[start:end].lower(), knowledge)
    if factuality == "occurred" and (
            re.search(r"\band\s+(?:then\s+|also\s+)?$", text[max(sentence.start, start - 16) : start])
            or HOSTED_BY.match(text, start)):
        # "Xi will hold talks with Kaeua and host a banquet for him": a verb coordinated with a
        # planned one shares its auxiliary, as does a participle describing what is planned
        # ("is to attend a luncheon hosted by X")
        earlier = next((m.communication for m in reversed(found)
                        if sentence.start <= m.offset < start), None)
        if earlier is not None and earlier.status is Status.PLANNED:
            factuality = "planned"
    if kind is Kind.CONTACT and subjects and objects and ACCOMPANIED_IN.search(
            text, max(sentence.start, start - 40), start) and re.match(r"\s+by\b", text[end:]):
        # "The Secretary was accompanied in the talks by B": B joins the subject's talks just
        # reported
        index = next((i for i in range(len(found) - 1, -1, -1)
                      if found[i].communication.kind is Kind.CONTACT
                      and names_of(subjects)[0] in found[i].communication.participants), None)
        if index is not None:
            _join(found, index, names_of(objects))
            return []
    if kind is Kind.CONTACT and objects and ATTENDED_BY.match(text, start) \
            and re.search(r",[^\S\n]*$", text[sentence.start : start]):
        # "X gave a banquet in Y's honour, attended by A and B": A and B were at that banquet
        index = next((i for i in range(len(found) - 1, -1, -1)
                      if found[i].offset >= sentence.start
                      and found[i].communication.kind is Kind.CONTACT), None)
        if index is not None:
            _join(found, index, names_of(objects))
            return []
    if kind is Kind.CONTACT and not subjects and objects and RECALLED_BY.match(text, start) \
            and RECALLED_EVENT.match(text, sentence.start, start):
        # "The meeting, attended by A and B, focused on …", "The meeting was hosted by C":
        # those who attended or hosted join the meeting just reported, which the definite noun
        # recalls: the paragraph's last contact, or the last meeting of the paragraphs before
        # (a readout lists the attendance a paragraph or two after the meeting)
        opening = paragraph_start(text, sentence.start)
        index = next((i for i in range(len(found) - 1, -1, -1)
                      if found[i].communication.kind is Kind.CONTACT
                      and (found[i].offset >= opening or found[i].communication.mode is Mode.MEETING)),
                     None)
        if index is not None:
            recalled = found[index].communication
            # (an event opened by its host is no longer waiting for its attendees)
            found[index] = replace(found[index], open_to_attendees=False, communication=replace(
                recalled, participants=tuple(dict.fromkeys(
                    recalled.participants + tuple(names_of(objects)))),
                initiator=recalled.initiator or (recalled.participants[0]
                                                 if found[index].open_to_attendees else None)))
            return []
    if trigger.initiator == "chair":
        # "The retreat, chaired by X, ran long", "met under the chairmanship of X", "under X's
        # chairmanship": X opens an event the sentences after name the attendees of, unless a
        # contact this sentence reported has X already ("talks between A and B, chaired by X")
        chair = (subjects[-1:] if text[start:end].lower().endswith("chairmanship")
                 else objects[:1])
        if not chair or any(chair[0].official in m.communication.participants
                            for m in found if m.offset >= sentence.start):
            return []
        subjects, objects = chair, []
    # (not one conveyed "from" someone else: a messenger's)
    extended = EXTENDED.search(text, max(clause_start, start - 90), start) \
        if text.startswith("invitation", start) and not text.startswith(" from", end) else None
    if extended:
        # "A extended an invitation to B to visit", "A extended to B an invitation to visit": as
        # "A invited B", a planned meeting that B starts (SCHEMA convention 7)
        invitees = find_objects(text, visible, extended.end() - 1, start) \
            if extended.group().endswith("to ") else objects
        # "conveyed X's invitation to B", "renewed the invitation of X to B": X invites, whoever
        # carries it is a messenger
        owner = next((m for m in visible if re.fullmatch(r"['’]s[^\S\n]+", text[m.end:start])),
                     None) or next((m for m in invitees[:1] if OF_OWNER.fullmatch(
                         text, end, m.start)), None)
        invitees = [m for m in invitees if m is not owner]
        if owner is not None and not invitees and (to := re.match(r"[^\S\n]+to[^\S\n]+",
                                                                 text[owner.end:])):
            invitees = find_objects(text, visible, owner.end + to.end() - 1, clause_end)
        if not invitees:
            return []
        subjects = [owner] if owner else \
            find_subjects(text, visible, clause_start, extended.start()) or subjects
        objects = invitees
        trigger = Trigger(trigger.pattern, trigger.kind, trigger.mode, "object")
    elif text.startswith("invitation", start):
        # An invitation counts once accepted ("accepted X's invitation to visit"); one extended
        # is the inviting verb's, one taken up ("at the invitation of") the visit's.
        if not ACCEPTED.search(text, clause_start, start):
            return []
        inviter = next((m for m in visible if re.fullmatch(r"['’]s[^\S\n]+", text[m.end:start])),
                       None)
        if inviter is not None:  # "A accepted B's invitation": A accepted it, B invited
            subjects = [m for m in subjects if m is not inviter] or find_subjects(
                text, visible, clause_start, inviter.start)
            objects = [inviter, *objects]
    if kind is Kind.CONTACT and not objects and VISIT_WORD.match(text, start) and (
            invited := FRONTED_INVITATION.search(text, sentence.start, start)):
        # "At the invitation of X, Y will visit …", "said that at the invitation of X, Y will
        # visit": X hosts the visit
        host = next((m for m in visible if invited.end() <= m.start < invited.end() + 60
                     and is_title_only(text[invited.end():m.start])), None)
        if host is not None and host.official not in names_of(subjects):
            objects = [host]
    if kind is Kind.CONTACT and CANCELLED_JOURNEY.search(text, sentence.start, start):
        return []  # "cancelled a planned trip to Brussels, where he had been due to meet X"
    if factuality in ("negated", "hypothetical") or INVERTED_CONDITION.match(sentence.text) or (
            kind is Kind.CONTACT and not _past_tense(text[start:end]) and (
                CANCELLED_BEFORE.search(text, max(clause_start, start - 50), start)
                or (objects and CANCELLED_AFTER.match(text, objects[-1].end, clause_end)))):
        return []
    # An invitation to meet is a planned meeting (SCHEMA convention 7), not the one it follows.
    itinerary = kind is Kind.CONTACT and _on_itinerary(
        text, clause_start, start, clause_end, any(
            clause_start <= sentence.start + offset < clause_end
            for offset, _ in find_dates(sentence.text, published, True)))
    planned = factuality == "planned" or bool(INVITATION.match(text, start)) or itinerary or (
        kind is Kind.CONTACT and _is_scheduled(text, start, end, clause_end)) or bool(
        kind is Kind.CONTACT and objects and PLANNED_AFTER.match(text, objects[-1].end, clause_end))
    # "Erdoğan once said", "who had said earlier": a remark from before the events reported.
    # "On Monday X flew to Sochi, like the first trip in October 2015": a day of its own wins.
    # What a statement reports ("said that talks would resume on Friday") has days of its own.
    time_end = _content_start(text, end, clause_end, visible, objects) \
        if kind is Kind.STATEMENT else clause_end
    own_day = any(clause_start <= sentence.start + offset < time_end
                  for offset, d in find_dates(sentence.text, published, planned) if d)
    elsewhere = not own_day and (mentions_other_period(text[clause_start:time_end]) or (
        kind is Kind.STATEMENT and bool(PAST_REMARK.search(text, clause_start, time_end))))
    date = event_date(text, sentence, published, planned, last_date, elsewhere, clause_start,
                      clause_end, trigger_at=start,
                      content_at=time_end if kind is Kind.STATEMENT else None,
                      invited=planned and bool(INVITATION.match(text, start)),
                      # "“…,” tweeted Blinken": a quotation carries no day from the narrative
                      carry=kind is Kind.CONTACT
                      or not text.startswith(("“", '"'), paragraph_start(text, sentence.start)))
    if not own_day and not planned and not elsewhere and date is not None and (
            after := AFTER_EVENT.search(text, sentence.start, _phrase_end(text, end, time_end,
                                                                          sentence.end))) \
            and not DAYS_BEFORE.search(text, max(0, after.start() - 12), after.start()):
        # "Speaking to the press after the meeting, Zuma said": the day of the meeting, not of
        # the background the narrative went through since; of the meetings reported in the
        # passage before, the latest (a background one lies further back)
        met = max((m.communication.date for m in found
                   if m.offset >= sentence.start - AFTER_REACH
                   and m.communication.kind is Kind.CONTACT and m.communication.date
                   and m.communication.status is Status.OCCURRED
                   and m.communication.date <= (published or m.communication.date)
                   and AFTER_NOUN_MODES.get(after.group("noun").lower(), (m.communication.mode,))
                   .count(m.communication.mode)), default=None)
        date = met or date
    if date and published and date > published + dt.timedelta(days=7) and not planned \
            and own_day and date.year == published.year and _past_tense(text[start:end]):
        # "on April 11 the two sat down" in a March article: a verb in the past tense reports
        # what happened, so a day without a year that would lie ahead is last year's (not a
        # weekday of the coming week: "a meeting next Thursday hosted by X").
        date = date.replace(year=date.year - 1) if (date.month, date.day) != (2, 29) else None
    if date and published and date > published:
        planned = True
    elif itinerary and date and published and date < published:
        planned = False  # an itinerary told in the historic present: its day has passed
    status = Status.PLANNED if planned else Status.OCCURRED
    evidence_start = min([start] + [m.start for m in subjects + objects if isinstance(m, Mention)])
    evidence_end = max([end] + [m.end for m in subjects + objects if isinstance(m, Mention)])
    evidence = Span(evidence_start, evidence_end, text[evidence_start:evidence_end], sentence.text)
    names = names_of(subjects) + [n for n in names_of(objects) if n not in names_of(subjects)]
    if kind is Kind.STATEMENT and planned and trigger.mode == Mode.UNSPECIFIED.value:
        return []  # "X is expected to urge…", "will announce": a forecast of words, no occasion
    if kind is Kind.STATEMENT:
        # The speaker after a bare verb of saying only in inverted speech ("…," said X): "Japanese
        # officials said no meeting was arranged with X" is not X's word
        inverted = trigger.mode != Mode.UNSPECIFIED.value \
            or INVERTED_SPEECH.search(text, max(sentence.start, start - 4), start) is not None
        speaker = names_of(subjects)[:1] or (names_of(objects)[:1] if inverted else [])
        if len(subjects + objects) > 1 and (JOINT.search(text, max(clause_start, start - 8), end)
                                            or PLURAL_STATEMENTS.search(text, start, end)):
            # "A and B made joint statements to the press", "A and B then made statements for
            # the press", "In a joint statement, A and B said": all of them speak
            speaker = names_of(subjects) or names_of(objects)
        if trigger.mode == Mode.PRESS_BRIEFING.value:
            speaker = joint_appearance(text, start, end, sentence, speaker, subjects, visible,
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
        occasion = _occasion_mode(text, clause_start, time_end, start, knowledge) \
            if is_bare_remark(communication) else None
        return [EventMention(communication, start, elsewhere, carried_day=bool(date)
                             and inherits_day(text, sentence, published, last_date, time_end),
                             occasion=occasion)]
    convener = CONVENER.search(text, end, sentence.end)
    chair = next((m for m in visible if convener and convener.end() <= m.start
                  and m.start - convener.end() < 60 and is_title_only(text[convener.end():m.start])),
                 None) if len(names) >= 2 or PARTICIPATION.match(text, start) else None
    if chair is None and PARTICIPATION.match(text, start):
        relative = RELATIVE_CONVENER.search(text, end, sentence.end)
        chair = next((m for m in visible if relative and relative.end() <= m.start
                      and m.start - relative.end() < 60
                      and is_title_only(text[relative.end():m.start])
                      and CONVENING.match(text, m.end)), None)
    if chair and chair.official not in names:
        # "a meeting between A, B and C, convened by D", "X attended the session, chaired by
        # D": the convener takes part and starts it.
        names.append(chair.official)
    attended = AND_ATTENDED_BY.match(text, chair.end) if chair else None
    if attended:  # "X took part in the session, chaired by D and attended by A and B"
        names += [n for n in names_of(find_objects(text, visible, attended.end(), sentence.end))
                  if n not in names]
    represented = {o.government for o in map(cast.official, names) if o}
    counterparts = find_counterparts(text, end, clause_end, knowledge, represented) or \
        host_countries(text, end, trigger, subjects, names, cast, knowledge) or \
        summoning_country(text, end, SUMMONING.match(text, start) is not None, names, cast,
                          knowledge)
    body = BODY_SUBJECT.search(text, clause_start, start) \
        if len(names) == 1 and not subjects and kind is Kind.CONTACT else None
    acting_body = bool(body and body.group("body"))
    if not counterparts and acting_body:
        # "Iran's foreign ministry summoned X": the body's government is the other side (and
        # "the Chinese government briefed…, through a message from Xi" has none)
        counterparts = body_government(text[clause_start : body.end()], names, cast, knowledge)
        acting_body = counterparts != [None]
        counterparts = [g for g in counterparts if g]
    if not counterparts and len(names) == 1 and kind is Kind.CONTACT:
        counterparts = institution_government(text, None if subjects else clause_start, start,
                                              end, names, cast, knowledge)
        # "met the heads of diplomatic missions accredited in Minsk": envoys of governments
        # the text does not name are the other side
        acting_body = acting_body or bool(ENVOYS_TOGETHER.match(text, end))
    unnamed = None if subjects or len(names) != 1 or counterparts else unnamed_subject(
        text, clause_start, start, title_patterns(knowledge).title_only)
    if unnamed:
        # "The Queen received X": X met someone the text does not name; of a title with a
        # government ("the Saudi king"), that government's unnamed representative
        counterparts = [government for government in (knowledge.government_by_surface.get(
            unnamed.group(group) or "") for group in ("gov", "owner_gov")) if government][:1]
    elif len(names) == 1 and not counterparts and not subjects \
            and not BODY_SUBJECT.search(text, clause_start, start):
        # "The main event was an hour-long meeting with Vladimir Putin": the narrative's subject
        # is the other side (not where a body acts: "India's foreign ministry summoned X").
        narrator = narrative_subject(sentence_mentions, previous_mentions, names[0],
                                     clause_start, clause_end, found,
                                     text[sentence.start:clause_start])
        names = [narrator, names[0]] if narrator else names
        subjects = [narrator] if narrator else subjects
    # "X hosted a summit on Monday": open to the attendees the next sentences name
    open_event = kind is Kind.CONTACT and len(names) == 1 and bool(subjects) \
        and (bool(HOSTED_EVENT.match(text, start)) or trigger.initiator == "chair")
    if len(names) < 2 and not (names and (counterparts or acting_body)) and not open_event:
        # (a body acting, "the Ministry of External Affairs summoned X", is another side too,
        # even where the text does not say whose)
        return []
    if MOTION.match(text, start) and not objects and not counterparts:
        return []  # "the two flew on to Moscow": travelling together, the travellers are one side
    if date and CONTINUATION.search(sentence.text) and not SAME_DAY.search(sentence.text) \
            and day_shift(sentence.text) is None \
            and not any(d for _, d in find_dates(sentence.text, published, planned)):
        # "he also had conversations there with…" continues the last contact of its parties,
        # not whatever day the narrative reached since (which "on the same day" or "a day
        # earlier" name), unless this paragraph set that day ("The conference was preceded on
        # Monday by meetings. X received Y in the morning").
        since = paragraph_start(text, sentence.start) \
            if last_date and last_date.paragraph == sentence.paragraph else 0
        date = next((m.communication.date for m in reversed(found[-10:])
                     if m.communication.kind is Kind.CONTACT and m.communication.date
                     and m.offset >= since
                     and set(m.communication.participants) & set(names)), date)
    # What the verb reports after "that" ("told Trump that … offices in Rabat") is no sign of
    # how they spoke.
    content = THAT.search(text, end, sentence.end)
    mode = refine_mode(Mode(trigger.mode), text[sentence.start : content.start() if content
                                                 else sentence.end], text[start:end], knowledge)
    initiator = chair.official if chair else find_initiator(
        trigger, text, start, subjects, objects, names, sentence.text, sentence.start)
    communication = Communication(
        kind=kind, mode=mode, status=status, participants=tuple(names), evidence=(evidence,),
        counterpart_governments=tuple(counterparts), initiator=initiator, date=date,
        # Only a meeting has a place; "the situation in Jerusalem" is a topic, not a venue.
        location=(find_location(text, clause_start, clause_end, knowledge)
                  if mode is Mode.MEETING else None),
        topics=find_topics(text, start, sentence.end),
    )
    pairs = bilateral(communication, subjects, objects, trigger, text, sentence, clause_start,
                      clause_end)
    if pairs == [communication] and initiator is None and mode is Mode.MEETING and (
            host := host_of_many_sides(trigger, text, start, subjects, objects,
                                       lambda name: getattr(cast.official(name), "government",
                                                            None))):
        pairs = [replace(communication, initiator=host)]
    if handed and not any(m.communication.kind is Kind.CONTACT
                          and {*handed[0], *names_of(handed[1])} <= set(m.communication.participants)
                          for m in found if m.offset >= sentence.start):
        pairs.append(replace(communication, mode=Mode.MEETING, initiator=handed[0][0],
                             participants=tuple(dict.fromkeys(handed[0] + names_of(handed[1])))))
    pairs += _gapped_objects(text, sentence, visible, subjects, objects, communication, published,
                             planned)
    return [EventMention(c, start, elsewhere, open_to_attendees=open_event) for c in pairs]


def _occasion_mode(text: str, clause_start: int, content_start: int, at: int,
                   knowledge: Knowledge) -> Mode | None:
    """The mode of the occasion a bare remark's clause names before what it reports ("Speaking
    at a regular press briefing, X said", "X thanked them in a video statement", "told
    broadcaster SABC"): the statement trigger of a definite mode nearest the remark's verb."""
    occasions = [(abs(found.start() - at), Mode(trigger.mode))
                 for pattern, trigger in compiled_triggers(knowledge.triggers)
                 if trigger.kind == Kind.STATEMENT.value and trigger.mode != Mode.UNSPECIFIED.value
                 for found in pattern.finditer(text, clause_start, content_start)]
    return min(occasions, key=lambda o: o[0])[1] if occasions else None


#: "received A in the morning and B in the afternoon": what lies between a verb's object and
#: the object of its elided repetition (a place or time phrase, then "and")
GAP_BEFORE = re.compile(r"(?:[^\S\n]+(?:in|on|at|during|over)[^\S\n]+[^,;.:\n]{1,40}?)+"
                        r",?[^\S\n]+and[^\S\n]+(?:then[^\S\n]+|later[^\S\n]+)?"
                        r"(?:with[^\S\n]+)?(?:(?:[A-Z][\w'’-]*|of|the)[^\S\n]+)*")
#: ... and the parallel phrase after that object
GAP_AFTER = re.compile(r"[^\S\n]+(?:in|on|at|during|over)[^\S\n]+(?:the[^\S\n]+)?\w+")


def _gapped_objects(text, sentence, visible, subjects, objects, communication, published,
                    planned) -> list[Communication]:
    """The contacts of a verb repeated by ellipsis with a new object and a parallel phrase
    ("Bush received Olmert in the morning and Abbas in the afternoon", "met A on Monday and B
    on Tuesday"): the subject with each further object, on its own day when it names one."""
    if not subjects or not objects or not isinstance(objects[-1], Mention):
        return []
    own = [s for s in names_of(subjects)]
    found = []
    last = objects[-1]
    for mention in visible:
        if mention.start <= last.end or mention.official in own + names_of(objects):
            continue
        gap = GAP_BEFORE.fullmatch(text, last.end, mention.start)
        if not gap or not GAP_AFTER.match(text, mention.end):
            break
        phrase = text[mention.end : sentence.end]
        day = next((d for _, d in find_dates(phrase[:40], published, planned) if d), None)
        found.append(replace(
            communication, participants=(*own, mention.official), initiator=(
                communication.initiator if communication.initiator in own else
                mention.official if communication.initiator else None),
            date=day or communication.date,
            evidence=(Span(mention.start, mention.end, text[mention.start:mention.end],
                           sentence.text),)))
        last = mention
    return found
