"""Text structure: sentences, paragraphs and quotations, with character offsets into the text.

What this module adds: the article split into sentences (a newline always ends one; the dot of
an abbreviation or an initial does not), each with its paragraph; the quotations; and where a
paragraph begins.

>>> [s.text for s in split_sentences("Mr. Blinken met Wang Yi. They spoke on Friday.")]
['Mr. Blinken met Wang Yi.', 'They spoke on Friday.']
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

# Words after which a full stop does not end a sentence.
ABBREVIATIONS = frozenset(
    ["mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "lt", "maj", "capt", "sgt", "gov", "sen", "rep", "rev", "prof", "no", "vs", "etc", "inc", "co", "corp", "ltd", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.u", "a.m", "p.m",
     "smt", "hon", "adm", "brig", "sra", "mme", "amb", "pres"]
)
_BOUNDARY = re.compile(r"(?<=[.!?…])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9À-ÖØ-Þ])|\n\s*")
_QUOTE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


@dataclass(frozen=True)
class Sentence:
    """A sentence: its text, its offset in the article, and its paragraph number."""

    start: int
    text: str
    paragraph: int
    #: its place in the article (0 for the first sentence)
    number: int = 0

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences; newlines always end a sentence (headlines, captions)."""
    sentences: list[Sentence] = []
    paragraph = 0
    start = 0
    for boundary in _BOUNDARY.finditer(text):
        if boundary.group().strip() == "" and "\n" not in boundary.group() \
                and _ends_with_abbreviation(text[start : boundary.start()]):
            continue
        _append(sentences, text, start, boundary.start(), paragraph)
        if "\n" in boundary.group():
            paragraph += 1
        start = boundary.end()
    _append(sentences, text, start, len(text), paragraph)
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int, paragraph: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        offset = start + chunk.index(stripped)
        sentences.append(Sentence(offset, stripped, paragraph, len(sentences)))


def _ends_with_abbreviation(chunk: str) -> bool:
    words = chunk.rstrip(".").split()
    if not words:
        return False
    last = words[-1].lower().strip("(\"“")
    # A single capital followed by a full stop is an initial ("Antony J. Blinken"), and dotted
    # capitals an initialism ("H.E.", "U.A.E.", "A.V. Grushko").
    return last in ABBREVIATIONS or (len(last) == 1 and last.isalpha()) or \
        re.fullmatch(r"(?:[a-z]\.)+[a-z]", last) is not None


def sentence_at(sentences: list[Sentence], offset: int) -> Sentence | None:
    """The sentence that holds character ``offset``.

    >>> sentence_at(split_sentences("One. Two."), 6).text
    'Two.'
    """
    index = bisect.bisect_right(sentences, offset, key=lambda s: s.start) - 1
    if index >= 0 and sentences[index].start <= offset < sentences[index].end:
        return sentences[index]
    return None


def find_quotes(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every quotation in ``text`` (marks included).

    >>> find_quotes('He said: "We will talk." Then left.')
    [(9, 24)]
    """
    return [(match.start(), match.end()) for match in _QUOTE.finditer(text)]


def paragraph_start(text: str, offset: int) -> int:
    """Where the paragraph holding ``offset`` begins."""
    return text.rfind("\n", 0, offset) + 1
