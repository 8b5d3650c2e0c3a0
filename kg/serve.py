"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the store, and a query page.

HTTP is waitress's (a well-kept WSGI server); SPARQL is Oxigraph's, through pyoxigraph, which reads
the store directly. The Oxigraph server binary would do both, but version 0.5 neither stops a
running query at its ``--timeout-s`` (a five-way join ran past 12 s with a 1 s timeout) nor
refuses ``SERVICE`` (it calls any address: server-side request forgery).

How a request is answered:

- **Policy, in linear time.** :func:`scan_query` reads the query once with a small SPARQL lexer
  (strings, IRIs, comments and prefixed names skipped): updates and ``LOAD`` are refused (403),
  ``SERVICE`` is refused (403), nesting deeper than :attr:`Limits.max_depth` is a 400. The
  grammar itself is Oxigraph's, in the worker: a syntax error is a 400. (An earlier gateway
  parsed every query with rdflib's pyparsing grammar under a lock: 19–108 s for queries under
  1 MiB, outside the timeout, with every other request queued behind it.)
- **A pool of worker processes** holds the store open read-only. Each query runs in a worker
  thread with a large stack (Oxigraph recurses on deep queries) and is streamed back in pieces.
  The whole request, from arrival, is under the timeout: a worker still busy at the deadline is
  killed and replaced (504).
- **Light queries are not starved by heavy ones**: at most ``workers - 1`` queries may work
  longer than :attr:`Limits.long_query_s` (of their worker's CPU time, so a quick query slowed
  by a busy machine is not taken for a heavy one); a further long one is stopped (503), so one
  worker always turns over quickly.
- **Streaming under a cap**: a result is sent as soon as its first 64 KiB are ready (chunked), so
  large results need not be held in memory. The cap still holds: a result that passes
  ``max_result_bytes`` before anything was sent is a 413 ("add a LIMIT"); one that passes it
  while streaming is cut off (the chunked response never completes, which clients report).
- **Rebuilt stores are noticed**: the store folder is checked at most once a second; once a
  change has settled, workers are replaced by ones that open the new store.
"""

from __future__ import annotations

import base64
import hashlib
import html
import ipaddress
import json
import logging
import multiprocessing
import os
import queue
import re
import shutil
import signal
import socket
import sys
import sysconfig
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError, StoreError
from kg.sparql_scan import UPDATE_KEYWORDS, QueryShape, scan_query  # noqa: F401 (re-exported)

QUERY_PATHS = ("/query", "/sparql")
#: Results up to this size are sent whole, with a Content-Length; larger ones are streamed.
STREAM_AFTER = 64 * 1024
#: Stack of the thread that runs a query in a worker: Oxigraph's parser and planner recurse.
QUERY_STACK_BYTES = 256 * 1024 * 1024
#: How often the store folder is looked at for a rebuild.
STORE_CHECK_S = 1.0


@dataclass(frozen=True)
class Limits:
    """What one request may cost. Defaults are documented in the README."""

    timeout_s: int = 30
    max_result_bytes: int = 50 * 1024 * 1024
    max_request_bytes: int = 1024 * 1024
    workers: int = 4
    #: Queries running longer than this are "long": at most ``workers - 1`` at once.
    long_query_s: float = 1.0
    #: Deepest nesting of ``{``, ``(`` and ``[`` a query may have.
    max_depth: int = 32


def oxigraph_binary() -> str:
    """The Oxigraph server executable installed with the ``oxigraph`` package."""
    candidates = [Path(sys.executable).parent / "oxigraph",
                  Path(sysconfig.get_path("scripts")) / "oxigraph"]
    for candidate in candidates:
        if candidate.exists():
            return str(candidate)
    found = shutil.which("oxigraph")
    if not found:
        raise KgError("the Oxigraph server is not installed (pip install oxigraph)")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on ``host`` right now."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return probe.getsockname()[1]


def is_loopback(host: str) -> bool:
    """Whether ``host`` only accepts connections from this machine."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


# --- Policy: a SPARQL lexer ------------------------------------------------------------------

def refusal(query: str, max_depth: int = Limits.max_depth) -> tuple[int, str] | None:
    """Why a query text is refused, as (HTTP status, message), or None if it may run.

    >>> refusal("SELECT * WHERE { SERVICE <http://10.0.0.1/> { ?s ?p ?o } }")
    (403, 'SERVICE is not allowed: this endpoint makes no requests of its own')
    >>> refusal("INSERT DATA { <a:b> <a:c> <a:d> }")
    (403, 'updates are refused: this endpoint is read-only')
    >>> refusal("SELECT * WHERE " + "{" * 50 + "}" * 50)[0]
    400
    >>> refusal("SELECT * WHERE { ?s ?p ?o }") is None
    True
    """
    shape = scan_query(query, max_depth)
    if shape.depth > max_depth:
        return 400, (f"the query is nested more than {max_depth} deep, the most this endpoint "
                     "allows")
    if shape.first_keyword in UPDATE_KEYWORDS:
        return 403, "updates are refused: this endpoint is read-only"
    if shape.has_service:
        return 403, "SERVICE is not allowed: this endpoint makes no requests of its own"
    return None


# --- Content negotiation ------------------------------------------------------------------------

#: What each kind of result can be sent as, in the server's order of preference.
RESULT_TYPES = ("application/sparql-results+json", "application/sparql-results+xml", "text/csv",
                "text/tab-separated-values", "application/json")
GRAPH_TYPES = ("text/turtle", "application/n-triples", "application/ld+json",
               "application/rdf+xml", "application/n-quads", "application/trig")


def parse_accept(header: str) -> list[tuple[str, float]]:
    """The media ranges of an ``Accept`` header with their quality.

    >>> parse_accept("text/csv;q=0.5, application/json, */*;q=0")
    [('text/csv', 0.5), ('application/json', 1.0), ('*/*', 0.0)]
    """
    ranges = []
    for part in (header or "").split(","):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        quality = 1.0
        for field in fields[1:]:
            key, _, value = field.partition("=")
            if key.strip().lower() == "q":
                try:
                    quality = min(1.0, max(0.0, float(value)))
                except ValueError:
                    quality = 0.0
        ranges.append((fields[0].lower(), quality))
    return ranges


def negotiate(header: str, offers: tuple[str, ...]) -> str | None:
    """The offered media type the client accepts best (q > 0; the most specific range that
    matches decides an offer's quality, ties go to the server's order), or None (406).

    >>> negotiate("application/sparql-results+json;q=0, */*", RESULT_TYPES)
    'application/sparql-results+xml'
    >>> negotiate("text/html", RESULT_TYPES) is None
    True
    >>> negotiate("", RESULT_TYPES)
    'application/sparql-results+json'
    """
    ranges = parse_accept(header)
    if not ranges:
        return offers[0]
    best, best_quality = None, 0.0
    for offer in offers:
        kind = offer.split("/")[0]
        quality, specificity = None, -1
        for media, q in ranges:
            level = 2 if media == offer else 1 if media == f"{kind}/*" else \
                0 if media == "*/*" else -1
            if level > specificity:
                quality, specificity = q, level
        if quality is not None and quality > best_quality:
            best, best_quality = offer, quality
    return best


def content_type(media_type: str) -> str:
    """``media_type`` with exactly one ``charset=utf-8`` (Oxigraph's CSV type carries its own).

    >>> content_type("text/csv; charset=utf-8")
    'text/csv; charset=utf-8'
    """
    return f"{media_type.split(';')[0].strip()}; charset=utf-8"


# --- Workers ------------------------------------------------------------------------------------

class _Sink:
    """Where a worker serialises a result: pieces of :data:`STREAM_AFTER` bytes go to the
    gateway as they fill (the pipe blocks when the gateway is behind), up to ``limit`` bytes."""

    def __init__(self, connection, limit: int):
        self.connection, self.limit = connection, limit
        self.parts: list[bytes] = []
        self.pending = self.total = 0
        self.overflowed = False

    def write(self, data) -> int:
        self.total += len(data)
        if self.total > self.limit:
            self.overflowed = True
            raise OSError("result too large")
        self.parts.append(bytes(data))
        self.pending += len(data)
        if self.pending >= STREAM_AFTER:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self.parts:
            self.connection.send(("data", b"".join(self.parts)))
            self.parts, self.pending = [], 0


def _answer(store, connection, query: str, accept: str, max_bytes: int) -> None:
    """Run one query and send its answer as messages: ``("head", status, type)``, then
    ``("data", bytes)`` pieces, then ``("end",)`` or, past the cap, ``("over",)``."""
    import pyoxigraph as ox

    def plain(status: int, message: str) -> None:
        connection.send(("head", status, "text/plain; charset=utf-8"))
        connection.send(("data", (message + "\n").encode("utf-8")))
        connection.send(("end",))

    try:
        result = store.query(query)
    except SyntaxError as error:
        return plain(400, f"SPARQL syntax error: {error}")
    except OSError as error:
        return plain(500, f"the store could not be read: {error}")
    is_graph = not isinstance(result, (ox.QuerySolutions, ox.QueryBoolean))
    offers = GRAPH_TYPES if is_graph else RESULT_TYPES
    chosen = negotiate(accept, offers)
    if chosen is None:
        return plain(406, f"none of the accepted types fits this query's result; it can be sent "
                          f"as {', '.join(offers)}")
    fmt = (ox.RdfFormat if is_graph else ox.QueryResultsFormat).from_media_type(chosen)
    connection.send(("head", 200, content_type(fmt.media_type)))
    sink = _Sink(connection, max_bytes)
    try:
        if is_graph:
            ox.serialize(result, sink, format=fmt)
        else:
            result.serialize(sink, format=fmt)
        sink.flush()
    except (OSError, ValueError) as error:
        if sink.overflowed:
            connection.send(("over",))
            return None
        connection.send(("fail", f"query failed: {error}"))
        return None
    connection.send(("end",))
    return None


def _worker_main(connection, store_path: str, max_bytes: int) -> None:
    import pyoxigraph as ox

    parent = os.getppid()
    threading.stack_size(QUERY_STACK_BYTES)
    try:
        store = ox.Store.read_only(store_path)
    except OSError as error:
        connection.send(("broken", f"{store_path}: cannot open the store: {error}"))
        return
    connection.send(("ready",))
    while True:
        try:
            message = connection.recv()
        except EOFError:  # the server closed its end: it is shutting down
            return
        if message is None:
            return
        query, accept = message
        runner = threading.Thread(target=_answer_safely,
                                  args=(store, connection, query, accept, max_bytes),
                                  daemon=True)
        runner.start()
        while runner.is_alive():
            runner.join(0.5)
            # A server killed outright (SIGKILL) cannot stop its workers: one in the middle of
            # a long query would run on alone, so it stops once it has lost its parent.
            if os.getppid() != parent:
                os._exit(1)


def _answer_safely(store, connection, query, accept, max_bytes) -> None:
    try:
        _answer(store, connection, query, accept, max_bytes)
    except Exception as error:  # noqa: BLE001 - a worker answers, it never dies on a query
        connection.send(("fail", f"query failed: {error}"))


class _Worker:
    def __init__(self, store: Path, limits: Limits, generation: int):
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.generation = generation
        self.process = context.Process(target=_worker_main,
                                       args=(child, str(store), limits.max_result_bytes),
                                       daemon=True)
        self.process.start()
        child.close()

    def wait_ready(self, timeout: float = 60.0) -> str | None:
        """None once the worker has opened the store, else why it could not."""
        try:
            if self.connection.poll(timeout):
                message = self.connection.recv()
                return None if message == ("ready",) else str(message[-1])
        except (EOFError, OSError):
            pass
        return "the query worker did not start"

    def cpu_seconds(self) -> float | None:
        """The CPU time (user and system) the worker has used, or None where ``/proc`` does
        not say."""
        try:
            with open(f"/proc/{self.process.pid}/stat", encoding="ascii") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        except (OSError, ValueError, IndexError):
            return None

    def stop(self) -> None:
        # The connection stays open: a request thread may be polling it right now, and closing
        # it would let the next pipe reuse its descriptor. Once the process is dead, the poll
        # sees the end of the pipe; the connection is closed when the worker is collected.
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)


def store_fingerprint(store: Path) -> tuple | None:
    """What changes when a store is rebuilt: the folder's identity and its files' names, sizes
    and times (RocksDB's own log files aside). None if the folder is gone."""
    try:
        folder = os.stat(store)
        files = sorted((entry.name, entry.stat().st_size, entry.stat().st_mtime_ns)
                       for entry in os.scandir(store)
                       if entry.is_file() and not entry.name.startswith(("LOG", "LOCK")))
    except OSError:
        return None
    return folder.st_dev, folder.st_ino, tuple(files)


class _Ended(Exception):
    """A lease ended before the answer did: ``reason`` is timeout, long, or crashed."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class _IdleWorkers:
    """Idle workers and the requests waiting for one. A worker that comes free goes to the
    request that has waited *least* (last in, first out): under a flood of heavy queries, a
    quick query that arrives later is not queued behind them all (each would hold the one free
    worker for :attr:`Limits.long_query_s`). Every request still ends at its deadline."""

    def __init__(self):
        self.lock = threading.Lock()
        self.workers: list[_Worker] = []
        self.waiting: list[dict] = []
        self.closed = False

    def put(self, worker: _Worker) -> None:
        with self.lock:
            if self.waiting:
                waiter = self.waiting.pop()
                waiter["worker"] = worker
                waiter["ready"].set()
            else:
                self.workers.append(worker)

    def close(self) -> None:
        """Wake every waiting request (it gets no worker)."""
        with self.lock:
            self.closed = True
            for waiter in self.waiting:
                waiter["ready"].set()

    def get(self, timeout: float) -> _Worker:
        """An idle worker; raises :class:`queue.Empty` if none comes within ``timeout``."""
        with self.lock:
            if self.closed:
                raise queue.Empty
            if self.workers:
                return self.workers.pop()
            waiter = {"worker": None, "ready": threading.Event()}
            self.waiting.append(waiter)
        waiter["ready"].wait(timeout)
        with self.lock:
            if waiter["worker"] is None:
                self.waiting.remove(waiter)
                raise queue.Empty
            return waiter["worker"]


class Lease:
    """One query on one worker, from its sending to its last message, with its deadline."""

    def __init__(self, pool: WorkerPool, worker: _Worker, deadline: float):
        self.pool, self.worker, self.deadline = pool, worker, deadline
        self.lock = threading.Lock()
        self.done = False
        self.reason: str | None = None
        self.holds_long_slot = False
        self.cpu_at_start = worker.cpu_seconds()
        now = time.monotonic()
        self.timers = [threading.Timer(max(0.0, deadline - now), self._expire),
                       threading.Timer(pool.limits.long_query_s, self._turn_long)]
        for timer in self.timers:
            timer.daemon = True
            timer.start()

    def send(self, query: str, accept: str) -> None:
        self.worker.connection.send((query, accept))

    def receive(self) -> tuple:
        """The worker's next message; raises :class:`_Ended` if the worker was stopped or died."""
        remaining = self.deadline - time.monotonic()
        try:
            if remaining > 0 and self.worker.connection.poll(remaining):
                return self.worker.connection.recv()
        except (EOFError, OSError):
            pass
        if self.reason is None and time.monotonic() >= self.deadline:
            self.kill("timeout")
        else:
            self.kill("shutdown" if self.pool.closed else "crashed")
        raise _Ended(self.reason or "crashed")

    def _expire(self) -> None:
        self.kill("timeout")

    def _turn_long(self) -> None:
        # Long means working long, not waiting: a quick query held back by heavy ones on a
        # busy machine has used little of its worker's CPU, so it is looked at again later
        # rather than stopped (where the CPU time is unknown, the wall clock decides).
        now = self.worker.cpu_seconds()
        limit = self.pool.limits.long_query_s
        with self.lock:
            if self.done:
                return
            if None not in (now, self.cpu_at_start) and now - self.cpu_at_start < limit / 2:
                again = threading.Timer(limit, self._turn_long)
                again.daemon = True
                self.timers.append(again)
                again.start()
                return
            self.holds_long_slot = self.pool.long_slots.acquire(blocking=False)
            if self.holds_long_slot:
                return
        self.kill("long")

    def finish(self) -> None:
        """The answer is complete: the worker takes the next query."""
        if self._close():
            self.pool.give_back(self.worker)

    def kill(self, reason: str) -> None:
        """Stop the worker (it may be mid-query) and start a new one."""
        with self.lock:
            if self.reason is None and not self.done:
                self.reason = reason
        if self._close():
            self.pool.replace(self.worker)

    def _close(self) -> bool:
        with self.lock:
            if self.done:
                return False
            self.done = True
            for timer in self.timers:
                timer.cancel()
            if self.holds_long_slot:
                self.pool.long_slots.release()
                self.holds_long_slot = False
            return True


class WorkerPool:
    """Query workers that each hold the store open read-only; an overrunning one is replaced,
    and all are replaced once the store on disk has been rebuilt."""

    def __init__(self, store: Path, limits: Limits):
        if not (store / "CURRENT").exists():
            raise StoreError(f"{store}: no store here; run 'kg build' first or pass --store")
        self.store, self.limits = store, limits
        self.idle = _IdleWorkers()
        self.lock = threading.Lock()
        self.workers: set[_Worker] = set()
        self.long_slots = threading.BoundedSemaphore(max(1, limits.workers - 1))
        self.generation = 0
        self.closed = False
        self.fingerprint = store_fingerprint(store)
        self.seen, self.checked = self.fingerprint, time.monotonic()
        starting = [self._spawn() for _ in range(limits.workers)]
        for worker in starting:  # serve only once every worker has the store open
            problem = worker.wait_ready()
            if problem:
                self.close()
                raise StoreError(problem)
            self.idle.put(worker)
        # A started spare takes the place of a stopped worker at once: starting one takes about
        # a second on a loaded machine, a second in which quick queries would wait.
        self.spare: queue.Queue[_Worker] = queue.Queue(maxsize=1)
        self._start(spare=True)

    def _spawn(self) -> _Worker:
        worker = _Worker(self.store, self.limits, self.generation)
        with self.lock:
            self.workers.add(worker)
        return worker

    def _start(self, spare: bool = False) -> None:
        """Start a worker (or the spare) in the background; it takes queries once it has the
        store open (a store being rebuilt may not open at once: it is tried every second)."""
        def start() -> None:
            while not self.closed:
                worker = self._spawn()
                if worker.wait_ready() is None:
                    (self.spare if spare else self.idle).put(worker)
                    return
                with self.lock:
                    self.workers.discard(worker)
                worker.stop()
                time.sleep(1.0)

        threading.Thread(target=start, daemon=True).start()

    def lease(self, deadline: float) -> Lease | None:
        """A worker for one query, or None if none came free before ``deadline``."""
        self._notice_rebuild()
        while True:
            try:
                worker = self.idle.get(timeout=max(0.0, deadline - time.monotonic()))
            except queue.Empty:
                return None
            if worker.generation != self.generation or not worker.process.is_alive():
                self.replace(worker)
                continue
            return Lease(self, worker, deadline)

    def give_back(self, worker: _Worker) -> None:
        if worker.generation != self.generation:
            self.replace(worker)
        else:
            self.idle.put(worker)

    def replace(self, worker: _Worker) -> None:
        with self.lock:
            self.workers.discard(worker)
        worker.stop()
        try:
            spare = self.spare.get_nowait()
        except queue.Empty:
            self._start()
            return
        self._start(spare=True)
        if spare.generation == self.generation:
            self.idle.put(spare)
        else:
            self.replace(spare)  # opened the store before a rebuild

    def _notice_rebuild(self) -> None:
        """Adopt a rebuilt store once its files have stopped changing for one check."""
        with self.lock:
            now = time.monotonic()
            if now - self.checked < STORE_CHECK_S:
                return
            self.checked = now
            current = store_fingerprint(self.store)
            settled = current == self.seen
            self.seen = current
            if current is None or current == self.fingerprint or not settled:
                return
            self.fingerprint = current
            self.generation += 1

    def close(self) -> None:
        self.closed = True
        self.idle.close()
        with self.lock:
            workers, self.workers = self.workers, set()
        for worker in workers:
            worker.stop()


# --- The WSGI application -----------------------------------------------------------------------

class _Refused(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


class _StreamCut(Exception):
    """A streamed answer cannot be completed: the connection is closed without its last chunk,
    so the client knows the result is incomplete."""


_REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
            405: "Method Not Allowed", 406: "Not Acceptable", 413: "Payload Too Large",
            415: "Unsupported Media Type", 500: "Internal Server Error",
            503: "Service Unavailable", 504: "Gateway Timeout"}
_UPDATES_REFUSED = "updates are refused: this endpoint is read-only"


class Gateway:
    """The WSGI application: SPARQL protocol parameters and policy; queries go to the pool."""

    def __init__(self, pool: WorkerPool, limits: Limits):
        self.pool = pool
        self.limits = limits
        self.page = query_page()

    def __call__(self, environ, start_response):
        deadline = time.monotonic() + self.limits.timeout_s
        method = environ["REQUEST_METHOD"]
        path = environ.get("PATH_INFO", "")
        if path == "/update":
            return self._error(start_response, 403, _UPDATES_REFUSED)
        if path == "/" and method in ("GET", "HEAD"):
            return self._reply(start_response, 200, "text/html; charset=utf-8", self.page,
                               [("Content-Security-Policy", PAGE_POLICY)])
        if path not in QUERY_PATHS:
            return self._error(start_response, 404,
                               f"not found: {path}; SPARQL queries go to /query")
        try:
            query = self._read_query(environ, method)
        except _Refused as refused:
            return self._error(start_response, refused.status, refused.message)
        refused = refusal(query, self.limits.max_depth)
        if refused:
            return self._error(start_response, *refused)
        accept = environ.get("HTTP_ACCEPT") or ""
        return self._answer(query, accept, deadline, start_response)

    def _read_query(self, environ, method: str) -> str:
        url = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""), keep_blank_values=True)
        if "update" in url:
            raise _Refused(403, _UPDATES_REFUSED)
        if method == "GET":
            return _one_query(url)
        if method != "POST":
            raise _Refused(405, f"method {method} not allowed; use GET or POST")
        length = int(environ.get("CONTENT_LENGTH") or 0)
        if length > self.limits.max_request_bytes:
            raise _Refused(413, f"request body of {length} bytes is over the limit of "
                                f"{self.limits.max_request_bytes} bytes")
        body = environ["wsgi.input"].read(length) if length else b""
        kind = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
        if kind == "application/sparql-update":
            raise _Refused(403, _UPDATES_REFUSED)
        if kind == "application/sparql-query":
            if "query" in url:
                raise _Refused(400, "the query is given twice: in the body and as a parameter")
            return body.decode("utf-8", errors="replace")
        if kind == "application/x-www-form-urlencoded":
            form = urllib.parse.parse_qs(body.decode("utf-8", errors="replace"),
                                         keep_blank_values=True)
            if "update" in form:
                raise _Refused(403, _UPDATES_REFUSED)
            return _one_query({"query": url.get("query", []) + form.get("query", [])})
        raise _Refused(415, f"unsupported content type {kind or '(none)'}")

    def _answer(self, query: str, accept: str, deadline: float, start_response):
        lease = self.pool.lease(deadline)
        if lease is None:
            return self._error(start_response, 503, "all query workers are busy; try again")
        try:
            try:
                lease.send(query, accept)
            except OSError:  # the worker died while idle (killed from outside, out of memory)
                lease.kill("crashed")
                return self._error(start_response, 503, "the query worker failed; try again")
            message = lease.receive()
            if message[0] != "head":  # the worker failed before it had an answer
                lease.finish()
                return self._error(start_response, 500, str(message[-1]))
            _, status, kind = message
            buffered, size = [], 0
            while size < STREAM_AFTER:
                message = lease.receive()
                if message[0] == "data":
                    buffered.append(message[1])
                    size += len(message[1])
                    continue
                lease.finish()
                if message[0] == "over":
                    return self._error(start_response, 413, (
                        f"result is larger than {self.limits.max_result_bytes} bytes; "
                        "add a LIMIT"))
                if message[0] == "fail":
                    return self._error(start_response, 500, message[1])
                return self._reply(start_response, status, kind, b"".join(buffered))
        except _Ended as ended:
            return self._error(start_response, *self._ended(ended.reason))
        except BaseException:
            lease.kill("crashed")
            raise
        start_response(f"{status} {_REASONS.get(status, 'OK')}", [("Content-Type", kind)])
        return _Stream(lease, buffered)

    def _ended(self, reason: str) -> tuple[int, str]:
        if reason == "timeout":
            return 504, f"query stopped after the timeout of {self.limits.timeout_s} s"
        if reason == "shutdown":
            return 503, "the endpoint is shutting down"
        if reason == "long":
            return 503, (f"{self.limits.workers - 1} long queries are running already; "
                         "try again later (one worker is kept for quick queries)")
        return 400, ("the SPARQL engine failed on this query (too large or too deeply nested "
                     "for it)")

    @staticmethod
    def _reply(start_response, status: int, kind: str, body: bytes, extra=()):
        start_response(f"{status} {_REASONS.get(status, 'OK')}",
                       [("Content-Type", kind), ("Content-Length", str(len(body))),
                        ("X-Content-Type-Options", "nosniff"), *extra])
        return [body]

    def _error(self, start_response, status: int, message: str):
        return self._reply(start_response, status, "text/plain; charset=utf-8",
                           (message + "\n").encode("utf-8"))


def _one_query(params: dict) -> str:
    queries = params.get("query", [])
    if not queries:
        raise _Refused(400, "missing 'query' parameter")
    if len(queries) > 1:
        raise _Refused(400, f"{len(queries)} 'query' parameters; the SPARQL protocol takes one")
    return queries[0]


class _Stream:
    """The rest of a streamed answer, read from the worker as the client takes it."""

    def __init__(self, lease: Lease, buffered: list[bytes]):
        self.lease, self.buffered = lease, buffered

    def __iter__(self):
        yield from self.buffered
        self.buffered = []
        while True:
            try:
                message = self.lease.receive()
            except _Ended as ended:
                raise _StreamCut(f"answer stopped: {ended.reason}") from None
            if message[0] == "data":
                yield message[1]
            elif message[0] == "end":
                self.lease.finish()
                return
            else:  # over the cap, or failed half-way
                self.lease.finish()
                raise _StreamCut(f"answer stopped: {message[0]}")

    def close(self) -> None:
        """Called by waitress when the answer is done or the client went away."""
        if not self.lease.done:
            self.lease.kill("client gone")


class _QuietCuts(logging.Filter):
    """A cut stream is expected (timeout, cap, client gone): no traceback in the server log."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        return not isinstance(error, _StreamCut)


# --- The query page -----------------------------------------------------------------------------

def example_queries() -> dict[str, str]:
    """The shipped queries with the PREFIX lines they need, so they run on any endpoint."""
    from kg.namespaces import PREFIXES
    from kg.ontology_files import shipped_query, shipped_query_names

    examples = {}
    for name in shipped_query_names():
        text = shipped_query(name)
        used = [p for p in PREFIXES if re.search(rf"(?<![\w?$]){re.escape(p)}:", text)]
        declared = {m.group(1) for m in re.finditer(r"PREFIX\s+(\w*):", text, re.IGNORECASE)}
        lines = [f"PREFIX {p}: <{PREFIXES[p]}>" for p in used if p not in declared]
        examples[name] = "\n".join([*lines, text]) if lines else text
    return examples


_PAGE_SCRIPT = """
const examples = JSON.parse(document.getElementById('examples').textContent);
const text = document.getElementById('query'), output = document.getElementById('output');
const status = document.getElementById('status');
for (const [name, query] of Object.entries(examples)) {
  const button = document.createElement('button');
  button.type = 'button'; button.textContent = name; button.className = 'example';
  button.addEventListener('click', () => { text.value = query; });
  document.getElementById('examples-bar').appendChild(button);
}
function cell(term) {
  if (!term) return '';
  if (term.type === 'literal' && term['xml:lang']) return term.value + ' @' + term['xml:lang'];
  return term.value;
}
function table(head, rows) {
  const t = document.createElement('table'), tr = t.insertRow();
  head.forEach(h => {
    const th = document.createElement('th'); th.textContent = h; tr.appendChild(th);
  });
  rows.forEach(r => {
    const row = t.insertRow(); r.forEach(v => { row.insertCell().textContent = v; });
  });
  return t;
}
document.getElementById('form').addEventListener('submit', async (event) => {
  event.preventDefault();
  output.textContent = ''; status.textContent = 'running…';
  const started = performance.now();
  try {
    const response = await fetch('query', {
      method: 'POST', body: new URLSearchParams({query: text.value}),
      headers: {'Accept': 'application/sparql-results+json, text/turtle;q=0.9'}});
    const kind = response.headers.get('Content-Type') || '';
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    if (!response.ok) {
      status.textContent = 'HTTP ' + response.status + ' (' + seconds + ' s)';
      const pre = document.createElement('pre'); pre.className = 'error';
      pre.textContent = await response.text(); output.appendChild(pre); return;
    }
    if (kind.startsWith('application/sparql-results+json')) {
      const data = await response.json();
      if ('boolean' in data) {
        output.textContent = String(data.boolean); status.textContent = seconds + ' s'; return;
      }
      const vars = data.head.vars, rows = data.results.bindings.map(b => vars.map(v => cell(b[v])));
      output.appendChild(table(vars, rows));
      status.textContent = rows.length + ' row(s), ' + seconds + ' s';
    } else {
      const pre = document.createElement('pre'); pre.textContent = await response.text();
      output.appendChild(pre); status.textContent = seconds + ' s';
    }
  } catch (error) { status.textContent = 'failed: ' + error; }
});
"""

_PAGE_STYLE = """
body { font-family: system-ui, sans-serif; margin: 16px 24px; color: #222; }
textarea { width: 100%; height: 16em; font: 13px/1.4 ui-monospace, monospace; }
button { margin: 4px 6px 4px 0; }
.example { font-size: 12px; }
table { border-collapse: collapse; margin-top: 10px; font-size: 13px; }
th, td { border: 1px solid #ccc; padding: 3px 8px; text-align: left; vertical-align: top; }
th { background: #f3f3f3; position: sticky; top: 0; }
pre.error { color: #a00; white-space: pre-wrap; }
#status { margin-left: 10px; color: #555; }
"""


def _source_hash(source: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode() + "'"


#: The page may run only its own script and style and talk only to this endpoint.
PAGE_POLICY = (f"default-src 'none'; script-src {_source_hash(_PAGE_SCRIPT)}; "
               f"style-src {_source_hash(_PAGE_STYLE)}; connect-src 'self'; base-uri 'none'; "
               "form-action 'self'; frame-ancestors 'none'")


def query_page() -> bytes:
    """The HTML query page served at ``/``: a text area, the shipped queries as examples, and
    the results as a table. Self-contained: no request leaves for another site."""
    examples = json.dumps(example_queries(), ensure_ascii=False)
    examples = examples.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    first = next(iter(example_queries().values()), "SELECT * WHERE { ?s ?p ?o } LIMIT 10")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>kg SPARQL endpoint</title>
<style>{_PAGE_STYLE}</style>
</head>
<body>
<h1>kg SPARQL endpoint</h1>
<p>Read-only SPARQL 1.1 over the knowledge graph. Clients send queries to <code>/query</code>
(GET or POST); this page does the same.</p>
<div id="examples-bar">Examples: </div>
<form id="form">
<textarea id="query" name="query" spellcheck="false">{html.escape(first)}</textarea>
<div><button type="submit" id="run">Run</button><span id="status"></span></div>
</form>
<div id="output"></div>
<script type="application/json" id="examples">{examples}</script>
<script>{_PAGE_SCRIPT}</script>
</body>
</html>
""".encode()


# --- Serving ------------------------------------------------------------------------------------

def serve(store: Path, host: str = "127.0.0.1", port: int = 7878, limits: Limits = Limits(),
          announce=print) -> None:
    """Serve the store until interrupted (blocking)."""
    from waitress import serve as waitress_serve

    pool = WorkerPool(store, limits)
    logging.getLogger("waitress").addFilter(_QuietCuts())
    def stop(signum, frame) -> None:
        # Workers first: requests waiting on them end at once instead of holding up waitress's
        # shutdown; then SIGTERM ends the server like Ctrl-C.
        pool.close()
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        if not is_loopback(host):
            announce(f"warning: listening on {host}, reachable from other machines")
        announce(f"kg SPARQL endpoint on http://{host}:{port}/query, query page on "
                 f"http://{host}:{port}/ (read-only; store {store}; timeout {limits.timeout_s} s, "
                 f"results ≤ {limits.max_result_bytes} bytes; a rebuilt store is picked up)")
        waitress_serve(Gateway(pool, limits), host=host, port=port,
                       threads=4 * max(2, limits.workers),
                       max_request_body_size=limits.max_request_bytes, _quiet=True)
    finally:
        signal.signal(signal.SIGTERM, previous)
        pool.close()


def environment_limits() -> Limits:
    """Limits from ``KG_QUERY_TIMEOUT``, ``KG_MAX_RESULT_BYTES`` and ``KG_MAX_REQUEST_BYTES``."""
    defaults = Limits()

    def number(name: str, default: int) -> int:
        value = os.environ.get(name, "")
        return int(value) if value.isdigit() and int(value) > 0 else default

    return Limits(number("KG_QUERY_TIMEOUT", defaults.timeout_s),
                  number("KG_MAX_RESULT_BYTES", defaults.max_result_bytes),
                  number("KG_MAX_REQUEST_BYTES", defaults.max_request_bytes))
