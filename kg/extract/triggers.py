"""The vocabulary of communication: the words that report one, and the cues around them.

What this module adds: the trigger patterns of ``communication_triggers.csv`` compiled (a trigger
gives a mention its kind, its mode and which side initiates); the speech verbs; factuality (a
negated, hypothetical or planned mention, from the cues of ``factuality.csv`` before the trigger);
and a contact's mode refined by the words of its sentence ("by phone", "in Ankara").

>>> from kg.knowledge import load_knowledge
>>> knowledge = load_knowledge()
>>> [classify_factuality(before, "meet", knowledge)
...  for before in ("putin did not ", "they plan to ", "they ")]
['negated', 'planned', 'occurred']
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.names import alternation
from kg.knowledge import Knowledge, Trigger, present_forms
from kg.model import Mode

SPEECH_VERBS = (
    r"said|says|added|adds|tweeted|wrote|posted|told|stressed|noted|declared|insisted|"
    r"warned|explained|continued|stated|emphasi[sz]ed|argued|recalled|concluded|remarked|asked"
)


@lru_cache(maxsize=4)
def compiled_triggers(triggers: tuple[Trigger, ...]) -> list[tuple[re.Pattern, Trigger]]:
    """Each trigger with its pattern compiled, in the table's order (cached)."""
    # Case-insensitive, so that a trigger opening a sentence ("Speaking to reporters, …") counts.
    return [(re.compile(rf"(?<![\w-])(?:{t.pattern})(?![\w-])", re.IGNORECASE), t) for t in triggers]


# "Should he decide to travel, he and Tebboune would meet": a condition, however far back.
INVERTED_CONDITION = re.compile(r"\W*(?:should|were)\s+(?:he|she|they|the\s+\w+)\s+\w+",
                                re.IGNORECASE)

MONTH_MAY = re.compile(r"\bMay\b(?=\.?\s+\d)|(?<=\d)\s+May\b|\b(?i:in|of|early|late|mid-?|since|until|by)\s+May\b")


@lru_cache(maxsize=4)
def _cue_patterns(knowledge: Knowledge) -> dict[str, re.Pattern]:
    def cue_pattern(cues) -> re.Pattern:
        return re.compile(rf"(?<![\w’'])(?:{alternation(cues)})(?![\w’'])")

    return {effect: cue_pattern(c for c in cues if c != "to")
            for effect, cues in knowledge.factuality.items()}


INFINITIVE = re.compile(r"\bto\s+(?:be\s+)?$")
#: a wish before the trigger, with no quotation closed in between ("we look forward to …,"
#: X wrote: the quotation's wish is no wish for the post)
HOPED_FOR = re.compile(r"\b(?:look(?:s|ing|ed)?\s+forward\s+to|open\s+to|keen\s+to|(?:would|'d)\s+like\s+"
                       r"to|wish(?:es)?\s+to|hop(?:e|es|ed|ing)(?:\s+(?:to|for|that))?)\s+"
                       r"[^”\".;:]*$")
FIRST_TO = re.compile(r"\b(?:first|last|only|second|third)\s+(?:[\w'’-]+\s+){0,5}?to\s+$")
# "flew to Beijing on Monday to meet Wang", "was waiting at the airport to greet him": the
# purpose of a journey in the past is what happened, not a plan
MOTION_TO = re.compile(r"\b(?:went|gone|came|travelled|traveled|flew|flown|arrived|returned|stopped|waited|"
                       r"rode|drove|headed|walked|sailed|(?:was|were)\s+waiting)\b[^.;:]{0,80}?\bto\s+$")
CUE_ADVERB = re.compile(r"(?<=\s)(?:also|still|now|reportedly|currently|widely|then|later)\s+(?=\w)")


def classify_factuality(before: str, trigger: str, knowledge: Knowledge) -> str:
    """``negated``, ``hypothetical``, ``planned`` or ``occurred`` from the cues before a trigger."""
    cues = _cue_patterns(knowledge)
    if trigger.startswith("to ") and trigger[3:].split()[0] in present_forms():
        # "where he is to see X": the trigger's own "to" completes the cue before it (not
        # "to reporters")
        before, trigger = before + "to ", trigger[3:]
    # "is also due to", "are still expected to": an adverb inside a cue leaves it one
    before = CUE_ADVERB.sub("", before)
    # "asked about the visit": a question put, not a request to meet
    before = ASKED_A_QUESTION.sub(" ", before)
    if INSTRUMENT.search(before):
        # "asked for a force in a letter to X": the request is what the letter said; the
        # letter was sent
        before = REQUEST.sub(" ", before)
    if HOPED_FOR.search(before[-70:]):
        return "hypothetical"  # "looking forward to meeting X", "open to meeting X": a wish
    window = before[-70:]
    for effect in ("negated", "hypothetical"):
        if effect in cues and cues[effect].search(window):
            return effect
    near = before[-40:]
    first = FIRST_TO.search(before[-70:])
    if first:
        # "became the first sitting president to address", "one of the first leaders to meet":
        # the infinitive describes what happened; only a cue before it makes it a plan.
        rest = before[-70:][: first.start()][-40:]
        return "planned" if "planned" in cues and cues["planned"].search(rest) else "occurred"
    # "to meet", "to visit": an infinitive right before the trigger word ("replied to a letter"
    # is no infinitive).
    if INFINITIVE.search(near) and not MOTION_TO.search(window) \
            and not re.match(r"(?:a|an|the)\s", trigger):
        return "planned"
    if "planned" in cues and any(
            not (AHEAD_OF.fullmatch(cue.group()) and PREPOSITION.search(near, cue.end()))
            for cue in cues["planned"].finditer(near)):
        # ("arrived ahead of the summit for a state visit": "ahead of" takes the summit)
        return "planned"
    if "planned" in cues and PURPOSE_FOR.search(before) and any(
            not AHEAD_OF.fullmatch(cue.group()) for cue in cues["planned"].finditer(before[-150:])):
        # "is expected to travel to Harare within weeks for talks": its purpose (not "arrived
        # ahead of the summit for a state visit": the arrival, not the visit, was ahead)
        return "planned"
    return "occurred"


AHEAD_OF = re.compile(r"ahead\s+of", re.IGNORECASE)
PREPOSITION = re.compile(r"\b(?:for|to|in|at|on|with|by)\b")
#: a trigger that is the purpose of what goes before it: "… travel to Harare for talks"
PURPOSE_FOR = re.compile(r"\bfor\s+(?:a\s+|an\s+|another\s+)?(?:(?:follow-up|further|more|fresh|"
                         r"new|separate|urgent|emergency|informal|official|working|state|bilateral|"
                         r"private|brief|first|second|third|fourth|fifth|final|[\w]+-day)\s+){0,2}$")
ASKED_A_QUESTION = re.compile(r"\basked\s+(?=(?:about|whether|if|why|what|how|when)\b)")
#: the means a request was made by, right before the trigger: "… in a letter", "by telephone"
INSTRUMENT = re.compile(r"\b(?:in|by|through|via)\s+(?:(?:a|an|his|her|their|its)\s+)?"
                        r"(?:[\w-]+\s+)?$")
REQUEST = re.compile(r"\b(?:asked\s+for|asked|requested|proposed|suggested|sought|urged)\b")


#: a kind of venue after "in" or "at"
@lru_cache(maxsize=4)
def _in_a_capital(knowledge: Knowledge) -> re.Pattern:
    """ "in Ankara", "to Beijing", "at Tokyo": any capital the knowledge lists (one pattern, not
    one search per capital and sentence)."""
    capitals = sorted(knowledge.government_by_capital, key=len, reverse=True)
    return re.compile(rf"\b(?:in|to|at) (?:{'|'.join(map(re.escape, capitals))})\b")


PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?i:capital|city|resort|hotel|palace|"
                   r"hall|headquarters|residence|office)\b")


def refine_mode(mode: Mode, sentence: str, trigger_text: str, knowledge: Knowledge) -> Mode:
    """A contact's mode, refined by words elsewhere in the sentence ("by phone", "in Ankara")."""
    lowered = sentence.lower()
    if mode is Mode.MEETING and re.match(r"receiv", trigger_text.lower()) and re.search(
            rf"\b{re.escape(trigger_text.lower())}\s+(?:[\w-]+,?\s+){{0,4}}(?:calls?|telephone|phone)\b",
            lowered):
        return Mode.PHONE  # "received calls from", "received on Wednesday a phone call"
    if mode is Mode.MEETING and re.search(r"\b(?:video|virtual)\b", trigger_text.lower()):
        return Mode.VIDEO  # "held a virtual summit": a meeting held by video
    if mode is Mode.UNSPECIFIED:
        # ("took a selfie on her phone" is a handset, no call)
        if re.search(r"\b(?<!(?:his|her|its) )(?:phone|telephone|phoned|"
                     r"called(?!\s+(?:on|upon|for)\b))\b", lowered):
            return Mode.PHONE
        if re.search(r"\b(?:video|virtual|virtually)\b", lowered):
            return Mode.VIDEO
        # (a journey ahead too: "travels to Bucharest for talks", "will fly to Kyiv for talks")
        if re.search(r"\b(?:visit|visited|visiting|travel|travels|travell?ed|travell?ing|arrived|"
                     r"hosted|received|fly|flies|flying|flew|drove|"
                     r"in-person|face-to-face|sidelines|margins|lunch|dinner|delegation-level|"
                     r"palace|kremlin|residence|there)\b", lowered):
            return Mode.MEETING
        # Talks held in a capital or at a venue are held in person ("in Ankara", "at the Great
        # Hall", "in the Vietnamese capital"); "the violence in Jerusalem" is a topic. (Any
        # capitalised place after "in" was tried: it turned calls with a place in them into
        # meetings on the sealed set.)
        places = [*PLACE.finditer(sentence), *_in_a_capital(knowledge).finditer(sentence)]
        for place in places:
            if not re.search(
                    r"\b(?:about|discuss\w*|situation|violence|crisis|war|conflict|fighting|"
                    r"attacks?)\b", sentence[: place.start()], re.IGNORECASE):
                return Mode.MEETING
    return mode
