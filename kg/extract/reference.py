"""Reference, by structure: group phrases that stand for officials named before them.

"The two leaders held talks", "both men", "the three presidents", "the two sat down": the group
is the last officials the text named before the phrase, as many as the number says and of the
kind the noun says (presidents are presidents; leaders head a state or government). Counting
back over mentions rather than reusing the previous contact's pair lets a group that a sentence
introduces ("A welcomed B; the two leaders…") resolve on its own.

>>> from kg.extract.officials import Mention
>>> from kg.model import Official
>>> officials = {"A": Official("A", post="President"), "B": Official("B", post="Foreign Minister"),
...              "C": Official("C", post="Prime Minister")}
>>> before = [Mention(0, 1, "A", "name"), Mention(5, 6, "B", "name"), Mention(9, 10, "C", "name")]
>>> text = "A, B and C met. The two leaders talked."
>>> group_members(GROUP.search(text), before, officials.get)
['C', 'A']
"""

from __future__ import annotations

import re
from collections import Counter

GROUP = re.compile(
    r"\b(?:(?:the|both|all)\s+(?P<count>two|three|four|five)|(?P<both>both))\s+"
    r"(?:(?P<noun>leaders|heads of state|presidents|prime ministers|foreign ministers|ministers|"
    r"sides|men|women|officials|counterparts|envoys|delegations|chiefs|diplomats)\b|"
    # "the two sat down", "the two held talks": no noun, a verb follows
    r"(?=(?:then\s+|later\s+|also\s+|had\s+|have\s+|were\s+|will\s+|would\s+)?"
    r"(?:held|met|meet|sat|spoke|speak|talked|discussed|signed|agreed|shook|embraced|"
    r"appeared|exchanged|hold|had|have)\b))",
    re.IGNORECASE)
COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}
HEADS = frozenset({"President", "Prime Minister", "Chancellor", "King", "Queen", "Emir", "Sultan",
                   "Crown Prince", "Supreme Leader", "Chairman", "Vice President"})


def _fits(noun: str, post: str | None) -> bool:
    """Whether an official holding ``post`` is one of the group ``noun`` names."""
    noun = noun.lower()
    if noun in ("leaders", "heads of state"):
        return post is None or post in HEADS
    if noun == "presidents":
        return post is None or "President" in post
    if noun == "prime ministers":
        return post is None or post == "Prime Minister"
    if noun in ("ministers", "foreign ministers"):
        return post is None or "Minister" in post or "Secretary" in post
    return True


def group_members(group: re.Match, before, official, paragraph_start: int = 0) -> list[str]:
    """The officials a group phrase stands for: counting back over the mentions ``before`` it
    (in text order), distinct officials of the kind its noun names, nearest first.

    A group that opens a paragraph with nobody named yet in it ("The two leaders had first met
    in Singapore") stands for the article's protagonists: the fitting officials named most
    often so far. ``official`` looks an official up by name (for the post). Fewer officials
    than the number says means the group cannot be resolved: the result is empty.
    """
    count = 2 if group.group("both") or not group.group("count") else COUNTS[
        group.group("count").lower()]
    noun = group.group("noun") or ""

    def fitting(mention) -> bool:
        record = official(mention.official)
        return record is not None and _fits(noun, record.post)

    if not any(m.start >= paragraph_start for m in before):
        named = Counter(m.official for m in before if fitting(m) and m.how != "pronoun")
        ranked = [name for name, _ in named.most_common(count)]
        return ranked if len(ranked) == count else []
    members: list[str] = []
    for mention in reversed(before):
        if len(members) == count:
            break
        if mention.official not in members and fitting(mention):
            members.append(mention.official)
    return members if len(members) == count else []
