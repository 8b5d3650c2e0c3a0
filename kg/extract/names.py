"""Names and titles, as written: comparison keys of names, and word lists compiled to patterns.

>>> normalise_name("Sergey LAVROV") == normalise_name("sergey lavrov")
True
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)
def normalise_name(name: str) -> str:
    """The comparison key of a person's name: case-folded, accents and dots removed.

    >>> normalise_name("Recep Tayyip Erdoğan") == normalise_name("Recep Tayyip Erdogan")
    True
    """
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().replace(".", " ").replace("ı", "i").split())


def alternation(words) -> str:
    """A regular expression matching any of ``words``, longest first, built as a trie: Python's
    engine tries a flat alternation of hundreds of names one by one at every position of the
    text, a trie only along the letters that match.

    >>> pattern = re.compile(alternation(["Iran", "Iraq", "Iraqi"]))
    >>> pattern.pattern, [m.group() for m in pattern.finditer("Iraqi and Iranian")]
    ('Ira(?:n|q(?:i)?)', ['Iraqi', 'Iran'])
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(char) + build(child) for char, child in sorted(node.items()) if char]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" in node:  # a word ends here: the longer words are tried first
            return (body if len(branches) > 1 else f"(?:{body})") + "?"
        return body

    return build(trie)
