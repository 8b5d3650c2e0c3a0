"""Run SPARQL over the store: shipped queries by name, ``.rq`` files, or query text.

Values are passed as bindings (SPARQL substitution), never pasted into the query text. The
shipped queries without parameters are answered from the result kept for the store's generation
when there is one (:mod:`kg.result_cache`).

>>> from kg.articles import read_article
>>> from kg.build import build_in_memory
>>> store = build_in_memory([read_article("seeds/blinken-abbas-netanyahu-2021-05-12.txt")])
>>> result = run_query(store, "contacts", name="Blinken")
>>> sorted({row["counterpart"] for row in result.rows})
['Benjamin Netanyahu', 'Mahmoud Abbas']
"""

from __future__ import annotations

import functools
import multiprocessing
import os
import re
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError, QueryTimeout, StoreError
from kg.ontology_files import shipped_query, shipped_query_names
from kg.result_cache import cached_solutions
from kg.sparql_scan import UPDATE_KEYWORDS, scan_query
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
    sparql = prepare_query(query, bindings)
    result = evaluate(store, sparql, bindings)
    if isinstance(result, ox.QuerySolutions):
        columns = tuple(v.value for v in result.variables)
        rows = tuple({c: to_python(solution[c]) for c in columns} for solution in result)
        return QueryResult(columns, rows)
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(("result",), ({"result": bool(result)},), boolean=bool(result))
    return QueryResult((), (), triples=tuple(result))


def evaluate(store, sparql: str, bindings: dict[str, object]):
    """``store.query(sparql, bindings)``; for a shipped query without parameters on a local store,
    the kept result of the store's generation (:func:`kg.result_cache.cached_solutions`)."""
    if not bindings and isinstance(store, GraphStore) and sparql in _parameterless_queries():
        return cached_solutions(store, sparql)
    return store.query(sparql, bindings)


@functools.cache
def _parameterless_queries() -> frozenset[str]:
    """The texts of the shipped queries that declare no parameter (their answers are kept)."""
    texts = (shipped_query(name) for name in shipped_query_names())
    return frozenset(text for text in texts if not query_parameters(text))


#: Seconds ``kg query`` waits for the engine by default (as ``kg serve``; ``$KG_QUERY_TIMEOUT``).
DEFAULT_TIMEOUT_S = 30

def default_timeout() -> int:
    """``$KG_QUERY_TIMEOUT`` when it is a positive number of seconds, else 30."""
    value = os.environ.get("KG_QUERY_TIMEOUT", "")
    return int(value) if value.isdigit() and int(value) > 0 else DEFAULT_TIMEOUT_S


def check_query(sparql: str, allow_service: bool = False) -> None:
    """Refuse what ``kg query`` does not run: updates (``LOAD`` among them), and ``SERVICE``
    (requests to other servers) unless ``allow_service``.

    >>> check_query("SELECT * WHERE { ?s ?p 'SERVICE' } # SERVICE")
    >>> check_query("PREFIX ex: <http://ex/> INSERT DATA { ex:a ex:b ex:c }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: updates are not allowed: kg query only reads the store (INSERT is an update)
    >>> check_query("SELECT * WHERE { SERVICE <http://10.0.0.1/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: SERVICE is not allowed: it sends requests to other servers (--allow-service runs it)
    >>> check_query("PREFIX : <http://h/> SELECT * { SERVICE:x { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.errors.QueryError: SERVICE is not allowed: it sends requests to other servers (--allow-service runs it)

    Raises:
        QueryError: the query is refused.
    """
    shape = scan_query(sparql)
    if shape.first_keyword in UPDATE_KEYWORDS:
        raise QueryError(f"updates are not allowed: kg query only reads the store "
                         f"({shape.first_keyword.upper()} is an update)")
    if not allow_service and shape.has_service:
        raise QueryError("SERVICE is not allowed: it sends requests to other servers "
                         "(--allow-service runs it)")


class IRI(str):
    """A result value that is an IRI (tables never cut it: users copy IRIs)."""

    __slots__ = ()


def _value(term) -> object:
    if isinstance(term, ox.NamedNode):
        return IRI(term.value)
    return to_python(term)


@dataclass
class QueryStream:
    """A running query's answer, read as it comes: ``kind`` is ``"select"`` (``columns`` and
    :meth:`rows`), ``"ask"`` (``boolean``) or ``"graph"`` (:meth:`triples`)."""

    kind: str
    columns: tuple[str, ...]
    _batches: Iterator[list]
    boolean: bool | None = None

    def rows(self) -> Iterator[dict[str, object]]:
        """The solutions, one dict per row, as the engine finds them."""
        for batch in self._batches:
            for values in batch:
                yield dict(zip(self.columns, values))

    def batches(self) -> Iterator[list[dict[str, object]]]:
        """The solutions in the groups they arrive in."""
        for batch in self._batches:
            yield [dict(zip(self.columns, values)) for values in batch]

    def triples(self) -> list[ox.Triple]:
        """The triples of a CONSTRUCT or DESCRIBE."""
        lines = [line for batch in self._batches for line in batch]
        data = "".join(f"{line} .\n" for line in lines).encode("utf-8")
        return list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES))


def _encode(result, limit: int | None, offset: int) -> tuple[str, tuple[str, ...], bool | None,
                                                             Iterator]:
    """The kind, columns, boolean and an iterator of encoded items of a pyoxigraph result."""
    import itertools

    if isinstance(result, ox.QueryBoolean):
        return "ask", ("result",), bool(result), iter([[(bool(result),)]])
    stop = None if limit is None else offset + limit
    if isinstance(result, ox.QuerySolutions):
        columns = tuple(v.value for v in result.variables)
        items = (tuple(_value(solution[c]) for c in columns)
                 for solution in itertools.islice(result, offset, stop))
        return "select", columns, None, items
    items = (str(triple) for triple in itertools.islice(result, offset, stop))
    return "graph", (), None, items


#: The child sends what it has at least this often (seconds) and in groups of at most ``_BATCH``.
_FLUSH_S = 0.05
_BATCH = 500


def _child(connection, store_path: str, sparql: str, bindings: dict, limit, offset) -> None:
    """Run one query in a child process and send its answer, in batches, through ``connection``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent answers Ctrl-C and stops the child
    _exit_with_parent()
    try:
        try:
            store = GraphStore(ox.Store.read_only(store_path), Path(store_path))
        except (OSError, RuntimeError) as error:
            connection.send(("error", "store", f"{store_path}: cannot open store ({_first(error)})"))
            return
        result = evaluate(store, sparql, bindings)
        kind, columns, boolean, items = _encode(result, limit, offset)
        connection.send(("head", kind, columns, boolean))
        batch: list = []
        lock = threading.Lock()
        done = threading.Event()

        def flush() -> None:
            with lock:
                if batch:
                    connection.send(("rows", list(batch)))
                    batch.clear()

        def flusher() -> None:
            # pyoxigraph releases the GIL while it looks for the next solution, so rows found
            # before a long search are sent while it searches.
            while not done.wait(_FLUSH_S):
                flush()

        thread = threading.Thread(target=flusher, daemon=True)
        thread.start()
        try:
            for item in items:
                with lock:
                    batch.append(item)
                    full = len(batch) >= _BATCH
                if full:
                    flush()
        finally:
            done.set()
            thread.join()
        flush()
        connection.send(("end",))
    except QueryError as error:
        connection.send(("error", "query", str(error)))
    except StoreError as error:
        connection.send(("error", "store", str(error)))
    except RuntimeError as error:  # RocksDB reports corruption and I/O failures so
        connection.send(("error", "store", f"{store_path}: read failed ({_first(error)})"))
    except Exception as error:  # noqa: BLE001 - SERVICE failures, evaluation errors
        connection.send(("error", "query", f"query failed: {_first(error)}"))


def _exit_with_parent(every: float = 0.2) -> None:
    """End this process when its parent is gone: a parent stopped by SIGTERM or SIGKILL cannot
    kill its child, and a query left running would search on for as long as it takes."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every)
        os._exit(1)

    threading.Thread(target=watch, daemon=True).start()


def _first(error: BaseException) -> str:
    lines = str(error).strip().splitlines()
    return (lines[0] if lines else type(error).__name__)[:300]


class QueryProcess:
    """A query running in a child process, stopped at once by :meth:`stop`, on Ctrl-C (the
    parent gets ``KeyboardInterrupt``) or after ``timeout`` seconds of waiting for it.

    Use it as a context manager; the child is killed on exit, whatever happened.
    """

    def __init__(self, store_path: str | Path, sparql: str, bindings: dict[str, object],
                 timeout: float, limit: int | None = None, offset: int = 0):
        path = Path(store_path)
        if not path.is_dir():
            raise StoreError(f"{path}: no store here; run 'kg build' first or pass --store")
        self.timeout = timeout
        self.waited = 0.0
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe(duplex=False)
        self.process = context.Process(
            target=_child, args=(child, str(path), sparql, dict(bindings), limit, offset),
            daemon=True)
        # The child starts with SIGINT blocked, so Ctrl-C in its first moments cannot print a
        # traceback from it; the parent handles Ctrl-C and kills it.
        old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
        try:
            self.process.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, old)
        child.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def stop(self) -> None:
        """Kill the child (if still running) and reap it."""
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.connection.close()

    def _receive(self):
        remaining = self.timeout - self.waited
        started = time.monotonic()
        ready = remaining > 0 and self.connection.poll(remaining)
        self.waited += time.monotonic() - started
        if not ready:
            self.stop()
            raise QueryTimeout(f"query stopped after the timeout of {self.timeout:g} s "
                               f"(--timeout or $KG_QUERY_TIMEOUT allow longer)")
        try:
            message = self.connection.recv()
        except EOFError:
            self.stop()
            raise QueryError(f"query failed: the query process ended with code "
                             f"{self.process.exitcode}") from None
        if message[0] == "error":
            self.stop()
            raise (StoreError if message[1] == "store" else QueryError)(message[2])
        return message

    def stream(self) -> QueryStream:
        """The answer's head (kind, columns) now, its rows as they come."""
        _, kind, columns, boolean = self._receive()

        def batches() -> Iterator[list]:
            while True:
                message = self._receive()
                if message[0] == "end":
                    return
                yield message[1]

        if kind == "ask":
            return QueryStream(kind, columns, iter([[(boolean,)]]), boolean)
        return QueryStream(kind, columns, batches())


def stream_remote(store, sparql: str, bindings: dict[str, object], limit: int | None = None,
                  offset: int = 0) -> QueryStream:
    """The same stream from a reader that runs in this process (a remote endpoint)."""
    try:
        result = store.query(sparql, bindings)
    except (OSError, RuntimeError) as error:
        raise QueryError(f"query failed: {_first(error)}") from None
    kind, columns, boolean, items = _encode(result, limit, offset)
    if kind == "ask":
        return QueryStream(kind, columns, iter([[(boolean,)]]), boolean)
    return QueryStream(kind, columns, iter([list(items)]))


def prepare_query(query: str, bindings: dict[str, object]) -> str:
    """The SPARQL text of ``query`` after checking its parameters against ``bindings``.

    Raises:
        QueryError: unknown query, missing or unknown parameter.
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
    return sparql



def query_notes(sparql: str) -> list[str]:
    """What a query says about its answer in ``# note: ...`` comments (printed with its rows).

    >>> query_notes("# note: counts occurred and planned contacts\\nSELECT * {}")
    ['counts occurred and planned contacts']
    """
    return [m.group(1).strip() for m in re.finditer(r"^#\s*note\s*:\s*(.*)$", sparql, re.MULTILINE)]


__all__ = [
    "IRI",
    "QueryProcess",
    "QueryResult",
    "QueryStream",
    "check_query",
    "default_timeout",
    "evaluate",
    "prepare_query",
    "query_notes",
    "query_parameters",
    "resolve_query",
    "run_query",
    "shipped_query_names",
    "stream_remote",
]
