"""Run SPARQL over the store: shipped queries by name, ``.rq`` files, or query text.

Values are passed as bindings (SPARQL substitution), never pasted into the query text.

>>> from kg.articles import read_article
>>> from kg.build import build_in_memory
>>> store = build_in_memory([read_article("seeds/blinken-abbas-netanyahu-2021-05-12.txt")])
>>> result = run_query(store, "contacts", name="Blinken")
>>> sorted({row["counterpart"] for row in result.rows})
['Benjamin Netanyahu', 'Mahmoud Abbas']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError
from kg.ontology_files import shipped_query, shipped_query_names
from kg.store import GraphStore, to_python

PARAM = re.compile(r"^#\s*param\s+(?P<name>\w+)\s*:\s*(?P<help>.*)$", re.MULTILINE)


@dataclass(frozen=True)
class QueryResult:
    """Rows of a SELECT (column names in order), or the triples of a CONSTRUCT, or a boolean."""

    columns: tuple[str, ...]
    rows: tuple[dict[str, object], ...]
    triples: tuple | None = None
    boolean: bool | None = None


def resolve_query(query: str) -> str:
    """The SPARQL text for ``query``: a shipped query's name, a path to a ``.rq`` file, or text.

    Raises:
        QueryError: the name is unknown or the file cannot be read.
    """
    if re.fullmatch(r"[\w-]+", query):
        return shipped_query(query.replace("-", "_"))
    if query.endswith((".rq", ".sparql")) and "\n" not in query:
        path = Path(query)
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise QueryError(f"{path}: cannot read query ({error})") from None
    return query


def query_parameters(sparql: str) -> dict[str, str]:
    """The parameters a query declares in ``# param NAME: help`` comments.

    >>> query_parameters("# param name: who\\nSELECT ?name WHERE {}")
    {'name': 'who'}
    """
    return {m.group("name"): m.group("help").strip() for m in PARAM.finditer(sparql)}


def run_query(store: GraphStore, query: str, **bindings: object) -> QueryResult:
    """Run ``query`` (see :func:`resolve_query`) with ``bindings`` as variable values.

    Raises:
        QueryError: unknown query, missing or unknown parameter, or a SPARQL syntax error.
    """
    sparql = resolve_query(query)
    declared = query_parameters(sparql)
    missing = [name for name in declared if name not in bindings]
    if missing:
        raise QueryError(f"query needs --param {missing[0]}=VALUE ({declared[missing[0]]})")
    unknown = [name for name in bindings if name not in declared
               and not re.search(rf"[?$]{re.escape(name)}\b", sparql)]
    if unknown:
        raise QueryError(f"query has no variable ?{unknown[0]} to bind")
    result = store.query(sparql, bindings)
    if isinstance(result, ox.QuerySolutions):
        columns = tuple(v.value for v in result.variables)
        rows = tuple({c: to_python(solution[c]) for c in columns} for solution in result)
        return QueryResult(columns, rows)
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(("result",), ({"result": bool(result)},), boolean=bool(result))
    return QueryResult((), (), triples=tuple(result))


__all__ = ["QueryResult", "query_parameters", "resolve_query", "run_query", "shipped_query_names"]
