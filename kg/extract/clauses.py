"""Clause structure: who does what around a trigger word.

What this module adds to a trigger: the clause it stands in (bounded by clause-breaking words);
its subjects (the officials right before it, with those coordinated with them, across
appositive titles: "A and Chinese President B"); its objects (the first official within reach
after it, with those coordinated or held by "between"); the official a relative clause hangs on;
a possessive that only owns a title ("her Russian counterpart, X"); the sides of a letter; the
narrative's subject where a contact names only its other side; and the initiator, by voice and
by who travelled.

>>> from kg.extract.cast import Mention
>>> text = "Putin and Chinese President Xi Jinping met Macron."
>>> mentions = [Mention(0, 5, "Putin", "name"), Mention(28, 38, "Xi Jinping", "titled"),
...             Mention(43, 49, "Emmanuel Macron", "name")]
>>> names_of(find_subjects(text, mentions, 0, 39)), names_of(find_objects(text, mentions, 42, 50))
(['Putin', 'Xi Jinping'], ['Emmanuel Macron'])
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

from kg.extract.cast import EventMention, Mention, names_of
from kg.extract.names import is_title_only
from kg.extract.sentences import ABBREVIATIONS, Sentence
from kg.extract.triggers import SPEECH_VERBS
from kg.knowledge import Trigger, past_forms
from kg.model import Kind

# Words that end the stretch of text a trigger's subject or objects can come from.
CLAUSE_BREAK = re.compile(
    # a full stop ends a clause, not the dots of "U.S.", "S. Jaishankar" or "Mr."
    # nor the dot of an abbreviation the sentence splitter knows ("Gen.", "on Feb. 5")
    # (nor the colon of a clock time, "from 10:00 a.m.")
    r";|(?<!\d):(?!\d)|(?<!\b[A-Z])" + "".join(rf"(?<!\b{a})" for a in sorted(ABBREVIATIONS) if "." not in a)
    + r"\.\s|"
    r"\b(?:after|before|while|whereas|which|who|whom|but|because|although|when|where|"
    r"(?<!the )following|amid|(?-i:than)|since)\b|\baccording to\b[^,;.]*,?",
    re.IGNORECASE,
)
# Reported speech also ends a contact's clause ("X said Y met Z"), though not a statement's.
# ("Omani Foreign Minister Said Al Harthy": a capitalised "Said" mid-sentence is a name)
SPEECH_BREAK = re.compile(r"\b(?:(?-i:said)|says|announced|added|according|told)\b", re.IGNORECASE)
#: a speech verb and the "that" opening what it reports ("wrote on his Telegram channel that"):
#: who speaks is no party to a contact the report names
REPORTED_THAT = re.compile(rf"\b(?:{SPEECH_VERBS})\b(?:[^\S\n]+(?!that\b)[\w'’-]+){{0,6}}?"
                           r"[^\S\n]+that\b")
SECOND_VERB = re.compile(r"\s*,?\s*and\s+(?:(?:was|were|had|has|then|later|also|afterwards)\s+)*\w+")
SECOND_VERB_AHEAD = re.compile(r"\s(?:and|then)\s+(?:(?:was|were|had|has|then|later|also|afterwards)\s+)*$")
COORDINATION = re.compile(r"^(?:\s*,\s*|\s+and\s+|\s*,\s*and\s+|\s+as well as\s+|\s+or\s+|[-–])$")


#: a sentence opening that is no subject: a participle or a preposition
FRONTED_WORDS = (r"After|Before|During|At|In|On|With|Alongside|Beside|Ahead|Prior|Upon|Since|"
                 r"Despite|Amid|Over|Throughout")
FRONTED_PHRASE = re.compile(rf"[A-Z][a-z]+ing\b|(?:{FRONTED_WORDS})\b")
#: the opening of a phrase before the main clause, after a comma too: a participle or a preposition
OPENING_PHRASE = re.compile(rf"\s*(?:[A-Za-z]+ing|{FRONTED_WORDS})\b", re.IGNORECASE)
#: a finite verb, after adverbs and auxiliaries ("the Secretary-General also said")
FINITE_VERB = re.compile(r"[^\S\n]+(?:(?:has|had|have|also|later|then|\w+ly)[^\S\n]+)*"
                         r"(?:said|says|told|added|announced|stressed|noted|[a-z]+ed|"
                         + "|".join(sorted(past_forms())) + r")\b")


def fronted_phrase_end(text: str, start: int, end: int) -> int:
    """The comma after ``start`` that closes a sentence-opening phrase, past any relative clause
    inside it ("At a news conference with May, whom he had received, Mr. Trump said"), or -1."""
    comma = text.find(",", start, end)
    while comma >= 0 and re.match(r",\s*(?:who|whom|which)\b", text[comma:comma + 12]):
        comma = text.find(",", comma + 1, end)
    return comma


def closes_fronted_phrase(text: str, sentence: Sentence, comma: int, after: int) -> bool:
    """Whether the comma at ``comma`` closes a phrase that opens ``sentence`` (a participle or a
    preposition) and what follows it up to ``after`` is the main clause's subject, a verb next
    ("Speaking with Mr. Griffiths, the Secretary-General said": no apposition).

    >>> from kg.extract.sentences import split_sentences
    >>> text = "Speaking with Mr. Griffiths, the Secretary-General said so."
    >>> closes_fronted_phrase(text, split_sentences(text)[0], 27, 50)
    True
    """
    return ("," not in text[sentence.start : comma]
            and bool(FRONTED_PHRASE.match(text, sentence.start))
            and bool(FINITE_VERB.match(text, after)))


#: a list of names going on after a comma: ", British Prime Minister Boris Johnson and …"
LIST_GOES_ON = re.compile(r",[^\S\n]+(?:and[^\S\n]+)?(?!(?:who|which|whom)\b)[A-Z]")
NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*$")


#: words announcing a list after a colon
LIST_ANNOUNCED = re.compile(r"\b(?:the\s+following|as\s+follows)\b[^.;:]{0,100}$")


#: the blessing an agency's house style sets after a ruler's name
BLESSING = re.compile(r",[^\S\n]*may[^\S\n]+(?:God|Allah)[^\S\n]+(?:[a-z]+[^\S\n]+){1,2}?(?:Him|Her|him|her)"
                      r"(?:[^\S\n]+[a-z]+){0,2}[^\S\n]*,")


#: the pronoun a blessing ends with ("may God assist Him"): its ruler, named before it
BLESSED = re.compile(r"\b(?:God|Allah)[^\S\n]+(?:[a-z]+[^\S\n]+){1,2}$")


def clause_bounds(sentence: Sentence, start: int, end: int,
                  breaks: tuple[re.Pattern, ...]) -> tuple[int, int]:
    """The stretch of the sentence around a trigger, bounded by clause-breaking words."""
    # ("King Mohammed VI, may God assist Him, held talks": a blessing is no clause of its own)
    before = BLESSING.sub(lambda blessing: " " * len(blessing.group()),
                          sentence.text[: start - sentence.start])
    after = sentence.text[end - sentence.start :]
    for aside in RELATIVE_ASIDE.finditer(after):
        if LIST_GOES_ON.match(after, aside.end() - 1):
            # "with A, who had flown in for the occasion, B and C": an aside inside a list
            after = after[: aside.start()] + " " * len(aside.group()) + after[aside.end() :]
    cuts = [m for b in breaks for m in b.finditer(before)]
    cut_before = max([m.end() for m in cuts], default=0)
    cut_after = min([m.start() for b in breaks for m in [b.search(after)] if m], default=len(after))
    if after[cut_after : cut_after + 1] == ":" and LIST_ANNOUNCED.search(after, 0, cut_after):
        # "attended by the following heads of state: A, President of X; B, …": the list the
        # colon opens runs to the sentence's end, its semicolons part of it
        cut_after = len(after)
    last = max(cuts, key=lambda m: m.end(), default=None)
    if last is not None and re.fullmatch(r"who|which", last.group().lower()) \
            and re.search(r",\s*$", before[: last.start()]) and "," not in before[last.end():]:
        # "X, who arrived on Tuesday, is due to meet Y": a relative clause set off by commas
        # ends at its closing comma, not at one inside a list of names ("which was attended by
        # A, B and C, ran long")
        comma = next((c.start() for c in re.finditer(",", after)
                      if not (LIST_GOES_ON.match(after, c.start())
                              and NAME_BEFORE.search(after, 0, c.start()))), -1)
        cut_after = min(cut_after, comma) if comma >= 0 else cut_after
    return sentence.start + cut_before, end + cut_after


def find_subjects(text: str, mentions: list[Mention], clause_start: int,
                  start: int) -> list[Mention]:
    """The officials right before the trigger, with those coordinated with them ("A and B")."""
    before = [m for m in mentions if clause_start <= m.start and m.end <= start
              and not BLESSED.search(text, max(0, m.start - 30), m.start)]
    # "Lamamra, travelling as Tebboune's special envoy, was received": the owner of a title in
    # an apposition is not the subject ("Biden's meeting with…" is Biden's).
    before = [m for m in before if not (re.match(r"['’]s\b", text[m.end : m.end + 2])
                                        and "," in text[m.end : start])]
    # "X, in a meeting with President Y, handed over…": a partner after "with" is no subject
    # while someone is named before it (a companion is: "X, together with Y, met Z")
    before = before[:1] + [m for m in before[1:] if not (
        (partner := WITH_PARTNER.search(text, max(0, m.start - 60), m.start))
        and not re.search(r"\b(?:together|along)$", text[max(0, partner.start() - 9):partner.start()]))]
    if not before:
        return []
    gap = text[before[-1].end : start]
    if SECOND_VERB.match(gap) or (len(before) > 1 and SECOND_VERB_AHEAD.search(gap)):
        # "She met X and was received by Y", "Li held a ceremony for Abe at the Great Hall and
        # held talks with him": the second verb shares the first one's subject, the officials
        # named together first ("A, B and C flew to Cairo and met X", "A and B then met").
        run = before[:1]
        for mention in before[1:]:
            between = text[run[-1].end : mention.start]
            if not (COORDINATION.match(between) or is_title_gap(between)
                    or _opens_title(text, run[-1], between)):
                break
            run.append(mention)
        before = run
    chosen = [before[-1]]
    opening = chosen[-1].start  # where the last name chosen begins, with an owned title
    for mention in reversed(before[:-1]):
        gap = text[mention.end : chosen[-1].start]
        if _opens_title(text, mention, gap):
            opening = mention.start
            continue  # "A and his Greek counterpart B met": "his" belongs to B's title
        gap = text[mention.end : opening]
        if COORDINATION.match(gap) or is_title_gap(gap) or _is_companion_gap(gap):
            chosen.append(mention)
            opening = mention.start
        else:
            break
    gaps = [text[a.end : b.start] for a, b in pairwise(reversed(chosen))]
    joined = [bool(re.search(r"\band\b|\bas well as\b|&|^\s*[-–]\s*$", gap)
                   or _is_companion_gap(gap)) for gap in gaps]
    if gaps and not joined[-1] and (len(gaps) == 1 or any(joined)):
        # "at the invitation of Premier Li, Foreign Minister Tau told reporters": two names
        # joined by a comma alone are no list, nor is a name after a list that named its last
        # with "and" ("letters to A and B, spokesman C told reporters": C alone); "A, B, C met"
        # is one
        chosen = chosen[:1]
    return list(reversed(chosen))


def officials_named_together(text: str, mentions: list[Mention], since: int) -> list[Mention]:
    """The last officials named together after ``since`` ("A, B and C travelled to Kyiv"): what
    a later "they" stands for when no contact was reported since.

    >>> text = "A and B arrived. They met C."
    >>> names_of(officials_named_together(text, [Mention(0, 1, "A", "name"),
    ...                                   Mention(6, 7, "B", "name")], 0))
    ['A', 'B']
    """
    run: list[Mention] = []
    for mention in reversed(mentions):
        if mention.start < since:
            break
        gap = text[mention.end : run[0].start] if run else ""
        if run and not (COORDINATION.match(gap) or is_title_gap(gap) or _is_companion_gap(gap)):
            if len({m.official for m in run}) >= 2:
                break
            run = []
        run.insert(0, mention)
    return run if len({m.official for m in run}) >= 2 else []


def coordinated_run(text: str, mentions: list[Mention], first: Mention) -> list[Mention]:
    """``first`` and the officials coordinated after it, with their titles ("A, B and C said").

    >>> text = "A and B said C had left."
    >>> names_of(coordinated_run(text, [Mention(0, 1, "A", "name"), Mention(6, 7, "B", "name"),
    ...                                 Mention(13, 14, "C", "name")], Mention(0, 1, "A", "name")))
    ['A', 'B']
    """
    run = [first]
    for mention in (m for m in mentions if m.start > first.start):
        gap = text[run[-1].end : mention.start]
        if not (COORDINATION.match(gap) or is_title_gap(gap)):
            break
        run.append(mention)
    return run


#: a role owned by the official before it: "his Kyrgyz host", "her guests"
OWNED_ROLE = re.compile(r"(?:[A-Z][\w'’-]*\s+)?(?:host|guest|visitor)s?")


def _opens_title(text: str, mention: Mention, gap: str) -> bool:
    """Whether ``mention`` is a possessive pronoun that opens the title of the name after it
    (``gap`` up to that name: "his Greek counterpart"), not a party of its own.

    >>> text = "A and his Greek counterpart B"
    >>> _opens_title(text, Mention(6, 9, "A", "pronoun"), text[9:28])
    True
    >>> text = "A and his Kyrgyz host, President B"
    >>> _opens_title(text, Mention(6, 9, "A", "pronoun"), text[9:33])
    True
    """
    if text[mention.start : mention.end].lower() not in ("his", "her", "their"):
        return False
    # "his Kyrgyz host, President B", "his counterpart, Foreign Minister B": the owned title
    # and an apposition titling the name
    owned, _, title = gap.strip().rstrip(",").partition(",")
    return (is_lower_title(f" {owned} ") or bool(OWNED_ROLE.fullmatch(owned))) \
        and (not title.strip() or is_title_only(title.strip() + " "))


def is_lower_title(gap: str) -> bool:
    """Whether ``gap`` is only a title, written in lower case or not ("Chinese counterpart",
    "Japan's prime minister"), possibly owned ("his Chinese counterpart").

    >>> is_lower_title(" his Chinese counterpart "), is_lower_title(" the talks with ")
    (True, False)
    """
    gap = re.sub(r"^\s*(?:his|her|their)\s+", " ", gap, flags=re.IGNORECASE)
    return bool(gap.strip()) and _names_a_post(gap) \
        and is_title_only(LOWER_TITLE.sub(lambda w: w.group().title(), gap))


def _names_a_post(words: str) -> bool:
    """Whether the lower-case words of a title name a post, not only a body or portfolio
    ("the prime minister", "the EU's foreign policy chief"; not "the cabinet").

    >>> _names_a_post(" the cabinet Tanzanian President "), _names_a_post(" the trade minister ")
    (False, True)
    """
    lower = " ".join(w for w in words.split() if w[:1].islower()
                     and w not in ("the", "his", "her", "their", "its", "of", "and", "for", "with",
                                   "former", "then", "acting", "new"))
    return not lower or LOWER_POST.search(lower) is not None


def _is_companion_gap(gap: str) -> bool:
    """Whether ``gap`` opens a parenthesis naming a companion ("Ri, flanked by Vice Foreign
    Minister Choe, told"): both act.

    >>> _is_companion_gap(", flanked by Vice Foreign Minister "), _is_companion_gap(" met ")
    (True, False)
    """
    match = COMPANION_GAP.fullmatch(gap)
    title = match and next((group for group in match.groups() if group is not None), "")
    return bool(match) and (not title.strip() or is_title_only(
        LOWER_TITLE.sub(lambda w: w.group().title(), title)))


COMPANION_GAP = re.compile(r"\s*,\s*(?:flanked|accompanied|joined)\s+by\s+(.{0,60})"
                           # "Solana would travel to Belgrade, accompanied by Clark, for talks"
                           r"|[^\S\n]+(?:would|will|is\s+to|was\s+to)\s+(?:travel|fly|go|return|head)\b"
                           r"[^,;.]{0,50},\s*(?:flanked|accompanied)\s+by\s+(.{0,60})"
                           # "Blinken, together with Austin, met", "hosted A along with B"
                           r"|\s*,?\s+(?:together|along)\s+with\s+(.{0,60})"
                           # "Scholz joined Macron for talks with Xi": both hold the talks
                           r"|\s+(?:joined|accompanied)\s+(.{0,60})"
                           # "Blinken will be accompanied by Mayorkas": they travel together
                           r"|\s+(?:(?:will|would)\s+be|was|were|is|are)\s+(?:also\s+)?"
                           r"accompanied\s+by\s+(.{0,60})")


#: right after a title's abbreviation ("Gen.", "Dr."): its dot ends no clause
_ABBREVIATED = "|".join(rf"(?<=\b{word})" for word in (
    "Gen", "Lt", "Col", "Maj", "Adm", "Brig", "Capt", "Dr", "Mr", "Mrs", "Ms", "Sen", "Rep", "Gov",
    "Prof", "Jr", "Sr"))

# "Rhodes, (the deputy national security adviser) who led the talks, told reporters"; a
# participle's parenthesis too: "Jaiswal, asked about the visit at his briefing, said"; and up
# to three lower-case words of the verb's own before the event ("…, delivered a 10-minute eulogy")
RELATIVE_GAP = re.compile(r",\s+(?:the\s+[^,;:.]{1,60}?\s+)?(?:who|which|whose|(?:when\s+|while\s+)?"
                          r"(?:asked|speaking|responding|replying|answering|commenting|"
                          r"writing|referring|talking))\b"
                          r"(?:[^;:“”\",.]|,(?=\d)|\.(?=\d)|(?<=\b[A-Z])\.|"
                          # "who came in place of Gen. Abacha, had…": a title's abbreviation
                          rf"(?:{_ABBREVIATED})\.)*,\s*"
                          r"(?:(?:also|later|then|again|\w+ly)\s+)*(?:[a-z0-9][\w'’-]*\s+){0,3}$")


#: an apposition between an official and a relative clause: ", the special envoy for climate"
APPOSITION = re.compile(r",[^\S\n]+(?:the|a|an|his|her|their)[^\S\n][^,;.()\n\"“”]{1,100}")


def subject_across_relative(text: str, mentions: list[Mention], start: int) -> list[Mention]:
    """The official a comma-closed relative clause separates from its verb ("Mills, who took
    office in January after winning a run-off by fewer than 50,000 votes, told reporters"),
    with those coordinated before it ("A and B, who had flown in separately, met C"), also when
    the event is a noun its verb takes ("Clinton, who flew in overnight, delivered a eulogy")."""
    gap = RELATIVE_GAP.search(text, max(0, start - 240), start)
    if gap is None:
        return []
    before = [m for m in mentions if m.end <= gap.start()]
    # ("Kerry, the special envoy for climate, who has been in Egypt all week, said": the
    # relative clause may follow the official's apposition)
    if not before or (before[-1].end != gap.start()
                      and not APPOSITION.fullmatch(text, before[-1].end, gap.start())):
        return []
    sentence_start = max(text.rfind(". ", 0, gap.start()) + 2, text.rfind("\n", 0, gap.start()) + 1)
    return find_subjects(text, before, sentence_start, gap.start()) or before[-1:]


def relative_gap_start(text: str, start: int) -> int | None:
    """Where a comma-closed relative clause before ``start`` opens, if one does ("Brennan, who
    led the CIA under President Obama, wrote"): whoever it names is not the verb's subject."""
    gap = RELATIVE_GAP.search(text, max(0, start - 240), start)
    return gap.start() if gap else None


def relative_subject(text: str, mentions: list[Mention], clause_start: int) -> list[Mention]:
    """The official a relative clause hangs on ("Lavrov, who had said earlier…")."""
    return _antecedent(text, mentions, clause_start, "who")


def relative_object(text: str, mentions: list[Mention], clause_start: int) -> list[Mention]:
    """The official an object relative clause hangs on ("May, whom he had received …")."""
    return _antecedent(text, mentions, clause_start, "whom")


def _antecedent(text: str, mentions: list[Mention], clause_start: int, pronoun: str) -> list[Mention]:
    if not re.search(rf"\b{pronoun}\s*$", text[max(0, clause_start - 8) : clause_start]):
        return []
    before = [m for m in mentions if m.end <= clause_start]
    if before and re.fullmatch(rf"{TITLE_SCOPE}{pronoun}\s*", text[before[-1].end : clause_start]):
        return before[-1:]
    return []


#: what may stand between a name and its relative pronoun: "(Theresa May) of Britain, (whom)"
TITLE_SCOPE = r"(?:\s+of\s+[^,.;]{1,30})?,?\s*"


POSSESSIVE = re.compile(r"['’]s\b")


def possessive_pronoun(text: str, mention: Mention) -> bool:
    """Whether ``mention`` is a possessive determiner ("received in his office today the
    ambassador"): it owns a noun and is no party of its own.

    >>> possessive_pronoun("in his office", Mention(3, 6, "X", "pronoun"))
    True
    >>> possessive_pronoun("sent her a letter", Mention(5, 8, "X", "pronoun"))
    False
    >>> possessive_pronoun("with my friend", Mention(5, 7, "X", "first_person"))
    True
    """
    word = text[mention.start : mention.end].lower()
    if mention.how == "first_person":
        return word == "my"  # "with my friend Prime Minister X"
    return mention.how == "pronoun" and (word in ("his", "their") or bool(
        # ("sent her a letter": a determiner after "her" opens the thing given, not her own)
        word == "her" and re.match(r"\s+(?!(?:in|on|at|to|for|with|and|about|by|again|later|"
                                   r"there|that|as|after|before|a|an|the|his|their|its)\b)[a-z]",
                                   text[mention.end:])))
#: one received after another: "received A first and then, in turn, B, C and D"
SEQUENCE = re.compile(r"(?:\s+first)?,?\s+(?:and\s+)?(?:then|later|afterwards)(?:,?\s+in\s+turn)?,?\s+")


def _sequence_gap(gap: str) -> bool:
    """Whether ``gap`` goes on from one name to the next of a sequence, perhaps titled."""
    sequence = SEQUENCE.match(gap)
    return sequence is not None and is_title_only(gap[sequence.end():])


#: a relative clause set off by commas ("Erdoğan, who has offered to host them, said"): its
#: cues are its own verb's, not the trigger's
RELATIVE_ASIDE = re.compile(r",\s*(?:who|which|whose|whom)\b[^,;:.]*,")
#: the agent's preposition after a passive: "was told by Y", "and C by D"
BY = re.compile(r"[^\S\n]+by[^\S\n]+")
#: a sentence opening on its partner: "With X he discussed…", "On Tuesday, with X, she…"
WITH_OPENING = re.compile(r"(?:[A-Z][\w ]{0,25},[^\S\n]+)?[Ww]ith[^\S\n]+")
#: the guest a meal is given for: "a banquet in Putin's honour"
IN_HONOUR = re.compile(r"['’]s[^\S\n]+honou?r\b")
#: the preposition naming a contact's partner, right before the partner's title and name
WITH_PARTNER = re.compile(r"[^\S\n]with[^\S\n]+(?:(?:[A-Z][\w.'’-]*|of|the|and|for)[^\S\n]+)*"
                          # "with the Chairman of the Council of the Sudan, General X"
                          r"(?:[A-Z][\w.'’-]*,[^\S\n]+(?:[A-Z][\w.'’-]*[^\S\n]+)+)?$")
#: "called Putin a war criminal": a name and what it is called, no telephone call
CALLED_SOMETHING = re.compile(r"[^\S\n]+(?:a|an|one[^\S\n]+of)[^\S\n]|[^\S\n]+[\"“‘]")


def find_objects(text: str, mentions: list[Mention], end: int, clause_end: int,
                 possessives: bool = True) -> list[Mention]:
    """The officials after the trigger: the first within reach, and those coordinated with it;
    without ``possessives``, a possessive pronoun is none ("received in his office the
    ambassador"; a letter's "message on his re-election" names its recipient)."""
    # "talks with her Russian counterpart, Sergei Lavrov": the possessive only owns the title;
    # "Lavrov, …, his spokeswoman, X, said": the reporter of a remark is no party to it.
    # "calling Isaias's arrival a day of joy": what an official owns is no official.
    after = [m for i, m in enumerate(mentions) if end <= m.start < clause_end
             and not is_title_owner(text, mentions, i)
             and not REPORTER.match(text, m.end)
             and (not POSSESSIVE.match(text, m.end) or IN_HONOUR.match(text, m.end))
             and (possessives or not possessive_pronoun(text, m))]
    if re.match(r"\s*[,—–]", text[end : end + 3]) and not ASIDE_THEN_PARTNER.match(text, end):
        return []  # "after the talks, the ministers…": a new phrase, not the trigger's object
    # Within reach: 90 characters, not counting the title right before the name; a partner
    # named by "with" may come later ("held talks for an hour at the Residence with X").
    if not after:
        return []
    gap = text[end : after[0].start]
    if PARTICIPLE_OPENS.search(gap):
        return []  # "began talks on Monday, taking over from their deputies, A and B": A and B
        # belong to the participle's clause
    reach = len(gap) - len(_trailing_title(gap))
    if reach > 180 or (reach > 90 and not WITH_PARTNER.search(gap, max(0, len(gap) - 120))):
        return []
    if re.search(r",[^\S\n]+and\b", text[end:after[0].start]) and FINITE_VERB.match(text, after[0].end):
        return []  # "A and B met in Bangkok, and on Dec. 9 C travelled…": C opens a new clause
    chosen = [after[0]]
    # "talks between the EU's coordinator, Enrique Mora, and Iran's chief negotiator, Ali
    # Bagheri Kani": "between" holds every side named up to the clause's end.
    between = BETWEEN.search(text[end : after[0].start]) or BETWEEN.search(text, end - 8, end)
    for mention in after[1:]:
        # "with A, who had flown in for the occasion, B and C": the aside is no list's end
        gap = RELATIVE_ASIDE.sub(",", text[chosen[-1].end : mention.start], count=1)
        if COORDINATION.match(gap) or is_title_gap(gap) or _apposition_then_and(gap) \
                or (_semicolon_item(gap) and not FINITE_VERB.match(text, mention.end)) \
                or re.fullmatch(r"\s+(?:with|and\s+(?:with|to))\s+", gap) or _sequence_gap(gap) \
                or _other_side_next(gap) or _including_gap(gap) or _presence_gap(gap) \
                or _is_companion_gap(gap) or _made_to_gap(text, chosen[-1], gap) \
                or (between and re.match(r",?\s+and\b", gap) and not re.search(r"[;:]", gap)
                    and not BETWEEN.search(gap)):  # "…, and a separate exchange between C and D"
            chosen.append(mention)
        else:
            break
    return chosen


BETWEEN = re.compile(r"\bbetween\b", re.IGNORECASE)
#: an aside between a verb and its partner: "met, also at the airport, with X"
ASIDE_THEN_PARTNER = re.compile(r"\s*,[^,;.\n]{1,60},\s+(?:with|to)\s")
#: a relative clause of the trigger's noun going on to its other side: "the telephone call
#: that A made to B", "the letter A had sent to B"
MADE_TO = re.compile(r"[^\S\n]+(?:had[^\S\n]+)?(?:made|paid|sent|wrote|placed|addressed|delivered)"
                     r"[^\S\n]+to[^\S\n]+(?P<title>[^,;.]{0,60})")


def _made_to_gap(text: str, before: Mention, gap: str) -> bool:
    """Whether ``gap`` carries a relative clause whose subject is ``before`` on to the other
    side ("that President A made to President B")."""
    match = MADE_TO.fullmatch(gap)
    return match is not None and is_title_only(match.group("title")) \
        and re.search(r"\bthat[^\S\n]+(?:[^\s,;.]+[^\S\n]+){0,4}$",
                      text[max(0, before.start - 40) : before.start]) is not None
#: a comma, then a participle opening a clause of its own ("…, taking over from …")
PARTICIPLE_OPENS = re.compile(r",\s+(?:[a-z]+ly\s+)?(?!including\b)[a-z]{3,}ing\b")
#: a list going on with the other side's: "by A and B on the American side, and, on the
#: Russian side, by C"
OTHER_SIDE_NEXT = re.compile(r"(?:,?\s+(?:on|from)\s+the\s+[\w-]+\s+side)?,?\s+and,?\s+"
                             r"(?:(?:on|from)\s+the\s+[\w-]+\s+side,?\s+(?:by\s+)?|by\s+)")


#: those in whose presence something was done took part: "signed by A and B, in the
#: presence of C and D"
PRESENCE = re.compile(r",?\s+in\s+the\s+presence(?:\s+of(?:\s+the)?)?")


def _presence_gap(gap: str) -> bool:
    """Whether ``gap`` adds those in whose presence the listed officials acted.

    >>> _presence_gap(", in the presence of Prime Minister "), _presence_gap(", and met ")
    (True, False)
    """
    # (the title's "of" may be read as the phrase's: "presence of Prime Minister ")
    return PRESENCE.fullmatch(gap[: len(gap) - len(_trailing_title(gap))].rstrip()) is not None


def _including_gap(gap: str) -> bool:
    """Whether ``gap`` adds a member to a group led by the name before ("the delegation, led by
    A and including presidential adviser B").

    >>> _including_gap(" and including presidential adviser "), _including_gap(" and met ")
    (True, False)
    """
    match = INCLUDING.fullmatch(gap)
    return bool(match) and (not match.group("title").strip()
                            or is_lower_title(f" {match.group('title')} "))


INCLUDING = re.compile(r",?\s+and\s+(?:also\s+)?including\s+(?P<title>[^,;.]{0,40}?)\s*")


def _other_side_next(gap: str) -> bool:
    """Whether ``gap`` goes on from one side's list to the other's (see OTHER_SIDE_NEXT), the
    title of the next name aside."""
    match = OTHER_SIDE_NEXT.match(gap)
    return bool(match) and (match.end() == len(gap) or is_title_only(gap[match.end():]))


#: a thing between a verb and an official, the thing's source or owner: "received support
#: from X", "met with criticism from X", "welcomed the decision of X"
THING_OF = re.compile(r"[^\S\n]+(?:with[^\S\n]+)?(?:(?:a|an|the|his|her|their|its)[^\S\n]+)?"
                      # (not a place the meeting is at: "welcomed at the station by X")
                      r"(?!(?:at|in|on|to|for|after|before|during|outside|inside)[^\S\n])"
                      r"(?P<thing>(?:[a-z][\w'’-]*[^\S\n]+){0,2}?(?P<head>[a-z][\w'’-]*))"
                      r"[^\S\n]+(?:from|of|by)[^\S\n]+")
#: the head of such a thing: an abstract noun (by its suffix or as one of the common ones)
#: "a delegation", "the residence" or "an invitation from X" stay contacts, and so does "a
#: letter from X", whose carrier the recipient may have met (:func:`kg.extract.events.with_envoys`)
ABSTRACT_NOUN = re.compile(
    r"(?!(?:delegation|invitation|residence|presence|audience|conference|session|mission|"
    r"commission)$)"
    r"(?:\w+(?:tion|sion|ment|ism|ance|ence|ity|ness|cy)s?|support|praise|backing|news|plans?|"
    r"offers?|decisions?|words|remarks|comments|statements?|warnings?|threats?|pressure|"
    r"repl(?:y|ies)|responses?|requests?|appeals?|aid|help|pledges?|promises?|congratulations|"
    r"condolences|greetings)$")


def is_thing_of(gap: str) -> bool:
    """Whether ``gap``, between a verb of meeting and the official after it, holds a thing the
    official gives or owns rather than the official as the verb's object.

    >>> is_thing_of(" strong support from Canadian Prime Minister "), is_thing_of(" the head of ")
    (True, False)
    >>> is_thing_of(" at the station by Foreign Minister ")
    False
    """
    match = THING_OF.match(gap)
    if not match or not ABSTRACT_NOUN.match(match.group("head")):
        return False
    rest = gap[match.end():]
    return not rest.strip() or is_title_only(rest) or is_lower_title(rest)

REPORTER = re.compile(r",?\s+(?:said|says|added|told)\b")


def is_title_owner(text: str, mentions: list[Mention], index: int) -> bool:
    """Whether mention ``index`` is a possessive before the title of the next official."""
    mention = mentions[index]
    return (mention.how == "pronoun" and text[mention.start:mention.end].lower() in ("his", "her")
            and index + 1 < len(mentions)
            and _owns_title(text[mention.end : mentions[index + 1].start]))


# "President of the Democratic Republic of the Congo (DRC) ": an acronym in brackets included
TRAILING_TITLE = re.compile(r"(?:(?:[A-Z][\w'’-]*|of|and|for|the|\([A-Z]{2,8}\))\s+)+$")


def _trailing_title(gap: str) -> str:
    """The capitalised title that ends ``gap`` ("South African Minister of … Cooperation ")."""
    match = TRAILING_TITLE.search(gap)
    return match.group() if match else ""


SCOPE_OF = re.compile(r"\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of|the|and|[A-Z][\w'’-]*))*\s*,?\s*$")


def _owns_title(gap: str) -> bool:
    """Whether ``gap`` is a short title owned by a possessive ("her Russian counterpart, ").

    >>> _owns_title(" Russian counterpart, "), _owns_title(" and then met ")
    (True, False)
    >>> _owns_title(" counterpart of the Republic of Angola, ")
    True
    """
    # (the body the title is of: "counterpart of the Democratic Republic of the Congo, ")
    gap = SCOPE_OF.sub(" ", gap)
    words = gap.replace(",", " ").split()
    return 0 < len(words) <= 4 and not re.search(r"[.;:]|\b(?:and|or|with|to|met|and)\b", gap)


#: a post in apposition after a name, then the next name: "A, the secretary of Iran's Supreme
#: National Security Council, and B"
APPOSITION_THEN_AND = re.compile(r"\s*,\s*(?P<post>(?:(?:the|a|an|[A-Z][\w’'-]*['’]s)\s|(?=[a-z]))"
                                 r"[^,;:.()]{1,90}?),"
                                 r"(?P<rest>\s+and\s+.*)", re.DOTALL)


def _apposition_then_and(gap: str) -> bool:
    """Whether ``gap`` is a post in apposition to the name before and "and" with the next name's
    title (coordination with an apposition inside it).

    >>> _apposition_then_and(", the secretary of the council, and Saudi Arabia's ")
    True
    >>> _apposition_then_and(", director-general of the Asian Affairs Bureau, and Russian ")
    True
    >>> _apposition_then_and(", who met him, and ")
    False
    """
    match = APPOSITION_THEN_AND.fullmatch(gap)
    return bool(match) and LOWER_POST.search(match.group("post").lower()) is not None and (
        COORDINATION.match(match.group("rest")) is not None or is_title_gap(match.group("rest"))
        or match.group("rest").strip() == "and")


def _semicolon_item(gap: str) -> bool:
    """Whether ``gap`` ends one item of a list whose items are separated by semicolons, each a
    name and perhaps its post, before the next name's title.

    >>> _semicolon_item(", Deputy Ruler of Abu Dhabi; H.H. Sheikh ")
    True
    >>> _semicolon_item(", the UAE's vice president and prime minister; Bahrain's Crown Prince ")
    True
    >>> _semicolon_item("; and ")
    True
    >>> _semicolon_item(", who met him; then ")
    False
    """
    match = SEMICOLON_ITEM.fullmatch(gap)
    if not match:
        return False
    post = match.group("post") or ""
    return all(w[0].isupper() or w in ("of", "the", "for", "and", "to", "on")
               for w in match.group("title").replace(",", " ").split()) and (
        all(w[0].isupper() or w in ("of", "the", "for", "and", "to", "on")
            for w in post.replace(",", " ").split())
        or LOWER_POST.search(post.lower()) is not None and is_title_only(
            LOWER_TITLE.sub(lambda w: w.group().title(), post)))


#: ", Minister of Foreign Affairs; and H.H. Sheikh ", "; Bahrain's Crown Prince "
SEMICOLON_ITEM = re.compile(r"\s*(?:,\s*(?P<post>[^;.]{1,120}))?;\s*(?:and\s+)?(?P<title>[^;]{0,60})")


def is_title_gap(gap: str) -> bool:
    """Whether ``gap`` is only "and" and a title between two names ("…, and Chinese President …"),
    not a new clause ("… and was received by …").

    >>> is_title_gap(" and Chinese President "), is_title_gap(" and was received by ")
    (True, False)
    """
    if OWNED_AIDE.match(gap):
        return False  # "Clinton, his press secretary, Joe Lockhart": the owner's aide
    # "A, the alliance's commander in Europe, and Gen. B": the first name's post in apposition
    apposed = APPOSED_THEN_AND.fullmatch(gap)
    if apposed and _names_a_post(apposed.group("post")) and (
            not apposed.group("title").strip() or is_title_gap(" and " + apposed.group("title"))):
        return True
    # (a preposition may repeat: "letters to A and to President B", "with President A of
    # Ukraine and with President B")
    match = re.fullmatch(r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*(?=\s*,?\s+and\s))?"
                         r"\s*,?\s*(?:and\s+)?(?:(?:with|to|by)\s+)?(.{0,90})", gap) \
        if "," in gap or " and " in gap else None
    if not match:
        return False
    # "…, and Japan's prime minister, Shinzo Abe": a title written in lower case counts too,
    # when it names a post ("…, the cabinet, …" does not).
    if not _names_a_post(match.group(1)):
        return False
    title = LOWER_TITLE.sub(lambda w: w.group().title(), match.group(1))
    return is_title_only(title)


#: a post in apposition to a name, then "and" and the next name's title
APPOSED_THEN_AND = re.compile(r"\s*,\s*(?P<post>(?!(?:who|which|whom|whose)\b)[^,;()“”\"]{1,80}?"
                              # ("…, Vice President, Prime Minister and Ruler of Dubai, and …")
                              r"(?:,\s*(?!(?:who|which|whom|whose|and)\b)[^,;()“”\"]{1,60}?){0,2}),"
                              r"\s*and\s+(?P<title>[^,;()]{0,60})")
#: an aide's title owned by the official before it ("…, his press secretary, …")
OWNED_AIDE = re.compile(r"\s*,\s*(?:his|her|their)\s+(?:[\w-]+\s+)?(?:press\s+secretary|"
                        r"spokes(?:man|woman|person)|advis[eo]r|aide|chief\s+of\s+staff|"
                        r"deputy|assistant)\b", re.IGNORECASE)
#: lower-case words that make a title a person's: a post, not only its portfolio ("the cabinet")
LOWER_POST = re.compile(
    r"\b(?:minister|ministers|president|secretary|counterpart|chancellor|leader|king|queen|"
    r"emir|sultan|sheikh|spokes(?:man|woman|person)|envoy|ambassador|adviser|advisor|chief|head|"
    r"representative|general|premier|prince|negotiator|aide|commissioner|director|diplomat|"
    r"governor|mayor|speaker|chair|chairman|chairperson|commander)\b")
#: lower-case words of titles ("Japan's prime minister", "his Chinese counterpart")
LOWER_TITLE = re.compile(
    r"\b(?:the|his|her|their|its|then|former|prime|minister|ministers|president|foreign|secretary|"
    r"counterpart|chancellor|leader|king|queen|emir|deputy|vice|defen[cs]e|spokes(?:man|woman)|"
    r"envoy|ambassador|adviser|advisor|chief|head|state|affairs|national|security|special|"
    r"representative|general|premier|crown|prince|negotiator|aide|commissioner|director|"
    # the portfolio of a post: "EU foreign policy chief", "the trade minister"
    r"policy|trade|finance|economy|interior|justice|health|energy|commerce|development|"
    r"intelligence|relations|cooperation|refugee|aid|humanitarian|rights|military|army|"
    r"cabinet|presidential|press|top|diplomat|high|executive|senior|acting|interim|parliament|"
    r"parliamentary|speaker|chair|chairman|chairwoman|chairperson|governor|mayor|sultan|sheikh|"
    # the owner named before: "…, and the country's foreign minister, X"
    r"country|nation|kingdom)\b")

OWNED_LETTER = re.compile(r"['’]s\s+(?:[\w-]+\s+){0,2}")
GIVEN_TO = re.compile(r"\b(?:gave|handed|delivered|passed|presented|brought)\s+$")


def letter_sides(text: str, visible: list[Mention], start: int, clause_start: int,
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
    givers = find_subjects(text, [m for m in visible if m.official != receiver.official],
                           clause_start, verb_start)
    return givers, [receiver] + [m for m in objects if m.official != receiver.official]


FRONTED = re.compile(r"\W*(?:after|before|following|while|when|since|during)\W*", re.IGNORECASE)


def narrative_subject(sentence_mentions: list[Mention], previous_mentions: list[Mention],
                      other: str, clause_start: int, clause_end: int, found: list[EventMention],
                      sentence_text_before: str) -> str | None:
    """Who the narrative is about where a contact names only its other side: the first official
    of the sentence before the trigger's clause (or after a fronted one), else the first of the
    sentence before, else whoever took part in most of the contacts read so far (the traveller
    of a trip report)."""
    outside = [m for m in sentence_mentions if m.start < clause_start]
    if FRONTED.fullmatch(sentence_text_before):
        # "After talks with Erdoğan, Guterres flew on": the main clause's subject.
        outside += [m for m in sentence_mentions if m.start >= clause_end]
    sentence_start = clause_start - len(sentence_text_before)
    for mention in outside + previous_mentions[:1]:
        # "Peskov told reporters that the visit …": the reporter of a contact is no side of it
        # ("… wrote on his channel that": a possessive inside the report's verb phrase too)
        reports = mention.start >= sentence_start and any(
            found.end() > mention.end - sentence_start
            for cue in (SPEECH_BREAK, REPORTED_THAT) for found in cue.finditer(sentence_text_before))
        if mention.official != other and mention.how != "first_person" and not reports:
            return mention.official
    counts = Counter(name for mention in found if mention.communication.kind is Kind.CONTACT
                     for name in mention.communication.participants if name != other)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) == 2 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


#: between a subject and its verb: auxiliaries and adverbs ("The Queen later received")
SUBJECT_TO_VERB = re.compile(r"(?:[^\S\n]+(?:also|then|later|first|has|had|have|was|were|"
                             r"[a-z]+ly))*[^\S\n]+")


def unnamed_subject(text: str, clause_start: int, start: int, title_only: re.Pattern
                    ) -> re.Match | None:
    """The title that is the whole subject of a trigger's clause when no official it names
    stands there ("The Queen received President Macron" with no queen named): someone the text
    does not name, so the narrative's subject is not the other side. ``title_only`` is
    :attr:`kg.extract.names.TitlePatterns.title_only`.

    >>> title = re.compile(r"[Tt]he (?P<post>Queen)")
    >>> unnamed_subject("The Queen later received him.", 0, 16, title).group("post")
    'Queen'
    >>> unnamed_subject("The talks received him.", 0, 10, title) is None
    True
    """
    opening = len(text[clause_start:start]) - len(text[clause_start:start].lstrip())
    title = title_only.match(text, clause_start + opening, start)
    return title if title and SUBJECT_TO_VERB.fullmatch(text, title.end(), start) else None


PASSIVE = re.compile(r"\b(?:was|were|been|being|be|is|are)\s+(?:(?:then|later|also|first|\w+ly)\s+)?$",
                     re.IGNORECASE)

TRAVEL = re.compile(r"\b(?:visit|visited|visiting|travel(?:s|l?ed|l?ing)?(?: on)? to|"
                    r"arriv(?:ed|es|ing) in|landed in|trip to|go to|went to|came to|"
                    r"head(?:s|ing|ed)(?: on)? to|(?:due|expected) (?:back )?in|flew|flown|flies|drove)\b",
                    re.IGNORECASE)


#: a journey a clause happened on, after its comma (", on the first state visit"), or a verb
#: of its subject's ("held talks with Y and travels on to Z")
JOURNEY_OF_CLAUSE = re.compile(r",[^\S\n]+(?:on|during)[^\S\n]+(?:[\w'’-]+[^\S\n]+){0,6}?$|"
                               r"(?<!,)[^\S\n]+and[^\S\n]+$")


LED_BY = re.compile(r"\bled\s+by\s+(?:[\w'’.-]+\s+){0,4}$")


def find_initiator(trigger: Trigger, text, start, subjects, objects, names, sentence,
                   sentence_start: int = 0) -> str | None:
    """Who started a contact: the trigger's subject or object side (turned round by the
    passive voice), else the traveller, else its only named participant."""
    subject_names, object_names = names_of(subjects), names_of(objects)
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
        traveller = max(named, key=lambda m: m.end) if named else None
        if traveller is not None and JOURNEY_OF_CLAUSE.search(
                text, max(sentence_start, travel.start() - 80), travel.start()):
            # "X held talks with Y on Friday, on the first state visit by …": the main clause's
            # journey, its subject's
            traveller = next((m for m in subjects if isinstance(m, Mention)), traveller)
        if traveller is None:
            who = subject_names
        elif traveller in subjects and len(set(subject_names)) > 1:
            who = []  # "A, B and C travelled to Kyiv": a side of several has no one initiator
        else:
            who = [traveller.official]
    else:
        who = []
    if len(who) > 1:
        # "the delegation, led by A and including B": a side of several started by its leader
        leaders = [m.official for m in [*subjects, *objects] if isinstance(m, Mention)
                   and m.official in who and LED_BY.search(text, max(0, m.start - 40), m.start)]
        who = leaders[:1] or who
    if len(who) == 1:
        return who[0]
    if len(names) == 1 and trigger.initiator in ("subject", "") and not SUMMONING.match(text, start):
        return names[0]  # (an envoy summoned by no one named started nothing)
    return None


#: a summons: the envoy called in meets the officials of the government that summons them
SUMMONING = re.compile(r"summon|called\s+in\b", re.IGNORECASE)


def host_of_many_sides(trigger: Trigger, text: str, start: int, subjects, objects,
                       side) -> str | None:
    """The host of a meeting of three or more sides, who is its initiator even where the guests
    travelled ("A hosted B and C" of two states); ``side`` gives an official's government."""
    passive = PASSIVE.search(text[max(0, start - 20) : start])
    hosts, guests = (objects, subjects) if passive else (subjects, objects)
    hosts, guests = names_of(hosts), names_of(guests)
    if trigger.initiator == "object" and len(set(hosts)) == 1 \
            and len({side(name) for name in guests} - {None, side(hosts[0])}) > 1:
        return hosts[0]
    return None
