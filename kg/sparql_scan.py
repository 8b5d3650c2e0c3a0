"""Reading a SPARQL text once, in linear time, for what it asks: the policy of ``kg query`` and
``kg serve`` (updates, ``SERVICE``, nesting) without parsing the whole grammar.

The lexer skips strings, IRIs, comments, variables and the local part of prefixed names, so a
keyword there does not count; it follows Oxigraph's parser where it is lenient ("SERVICE:x",
"trueSERVICE<…>" are a SERVICE clause to it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"""
    (?P<space>\s+)
  | (?P<comment>\#[^\n\r]*)
  | (?P<iri><[^<>"{}|^`\\\x00-\x20]*>)
  | (?P<string>'''(?:[^'\\]|\\.|'(?!''))*'''|\"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
              |'(?:[^'\\\n\r]|\\.)*'|"(?:[^"\\\n\r]|\\.)*")
  | (?P<variable>[?$][^\s{}()\[\],;.<>"'=!&|+*/^-]*)
  | (?P<name>[^\W\d][\w.\-]*:[^\s{}()\[\],;"'<>]*|:[^\s{}()\[\],;"'<>]*|_:[^\s{}()\[\],;"'<>]*)
  | (?P<word>[^\W\d]\w*)
  | (?P<open>[{(\[])
  | (?P<close>[})\]])
  | (?P<other>[\d!%&*+,\-./;=>@\\^`|~]+|.)
""", re.VERBOSE | re.DOTALL)

#: The first keyword of every SPARQL 1.1 Update operation.
UPDATE_KEYWORDS = frozenset({"insert", "delete", "load", "clear", "create", "drop", "copy", "move",
                             "add", "with"})


@dataclass(frozen=True)
class QueryShape:
    """What the lexer saw: the first keyword after the prologue, whether ``SERVICE`` occurs as a
    keyword, and the deepest bracket nesting."""

    first_keyword: str
    has_service: bool
    depth: int


def scan_query(query: str, max_depth: int | None = None) -> QueryShape:
    """Read a query's tokens once, in linear time, for the endpoint's policy.

    Keywords inside strings, IRIs, comments, variables and the local part of prefixed names do
    not count. With ``max_depth``, reading stops as soon as the nesting passes it.

    >>> scan_query('PREFIX s: <http://x/> SELECT ?service WHERE { ?s s:service "SERVICE" }')
    QueryShape(first_keyword='select', has_service=False, depth=1)
    >>> scan_query("select * { { service <http://x/> { ?s ?p ?o } } }").has_service
    True
    """
    first, service, depth, deepest = "", False, 0, 0
    expect_prologue = 0  # tokens still belonging to a PREFIX / BASE declaration
    for match in _TOKEN.finditer(query):
        kind = match.lastgroup
        if kind in ("space", "comment"):
            continue
        if kind == "open":
            depth += 1
            deepest = max(deepest, depth)
            if max_depth is not None and deepest > max_depth:
                break
        elif kind == "close":
            depth -= 1
        if kind in ("word", "name"):
            # Oxigraph's parser has no tokenizer: "SERVICE:x" is SERVICE then the name ":x",
            # and "trueSERVICE<…>" the literal true then SERVICE. So any word, or any prefix of
            # a prefixed name, that contains "service" counts.
            service = service or "service" in match.group().split(":")[0].lower()
        if kind == "word":
            word = match.group().lower()
            if not first and not expect_prologue:
                if word in ("prefix", "base"):
                    expect_prologue = 2 if word == "prefix" else 1
                    continue
                first = word
        if expect_prologue:
            expect_prologue -= 1
    return QueryShape(first, service, deepest)
