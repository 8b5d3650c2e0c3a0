"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint over the store.

HTTP is waitress's (a well-kept WSGI server); SPARQL is Oxigraph's, through pyoxigraph, which reads
the store directly. The Oxigraph server binary would do both, but version 0.5 neither stops a
running query at its ``--timeout-s`` (a five-way join ran past 12 s with a 1 s timeout) nor
refuses ``SERVICE`` (it calls any address: server-side request forgery). So queries run in a small
pool of worker processes, each holding the store open read-only, and a worker that overruns the
timeout is killed and replaced. The gateway refuses updates, ``LOAD`` and ``SERVICE``, request
bodies over a size limit, and results over a size cap; it negotiates JSON, XML, CSV and TSV results
and Turtle, N-Triples, JSON-LD and RDF/XML graphs.
"""

from __future__ import annotations

import ipaddress
import multiprocessing
import os
import queue
import shutil
import socket
import sys
import sysconfig
import threading
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from kg.errors import KgError, StoreError

QUERY_PATHS = ("/query", "/sparql")


@dataclass(frozen=True)
class Limits:
    """What one request may cost. Defaults are documented in the README."""

    timeout_s: int = 30
    max_result_bytes: int = 50 * 1024 * 1024
    max_request_bytes: int = 1024 * 1024
    workers: int = 4


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


class _CappedBuffer:
    """A binary sink that refuses to grow past ``limit`` bytes."""

    def __init__(self, limit: int):
        self.limit, self.parts, self.size, self.overflowed = limit, [], 0, False

    def write(self, data) -> int:
        self.size += len(data)
        if self.size > self.limit:
            self.overflowed = True
            raise OSError("result too large")
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass

    def getvalue(self) -> bytes:
        return b"".join(self.parts)


def _negotiate(accept: str, kind: str):
    import pyoxigraph as ox

    wanted = [part.split(";")[0].strip().lower() for part in (accept or "").split(",")]
    for media in wanted:
        if media in ("*/*", ""):
            continue
        try:
            found = (ox.QueryResultsFormat if kind == "results" else ox.RdfFormat).from_media_type(
                media)
        except (ValueError, TypeError):
            continue
        if found is not None:
            return found
    return ox.QueryResultsFormat.JSON if kind == "results" else ox.RdfFormat.TURTLE


def execute(store, query: str, accept: str, max_bytes: int) -> tuple[int, str, bytes]:
    """Run one query on a pyoxigraph store and serialise it as the client accepts."""
    import pyoxigraph as ox

    try:
        result = store.query(query)
    except SyntaxError as error:
        return 400, "text/plain; charset=utf-8", f"SPARQL syntax error: {error}\n".encode()
    sink = _CappedBuffer(max_bytes)
    try:
        if isinstance(result, (ox.QuerySolutions, ox.QueryBoolean)):
            fmt = _negotiate(accept, "results")
            result.serialize(sink, format=fmt)
        else:
            fmt = _negotiate(accept, "graph")
            ox.serialize(result, sink, format=fmt)
    except (OSError, ValueError) as error:
        if sink.overflowed:
            return 413, "text/plain; charset=utf-8", (
                f"result is larger than {max_bytes} bytes; add a LIMIT\n".encode())
        return 500, "text/plain; charset=utf-8", f"query failed: {error}\n".encode()
    return 200, f"{fmt.media_type}; charset=utf-8", sink.getvalue()


def _worker_main(connection, store_path: str, max_bytes: int) -> None:
    import pyoxigraph as ox

    store = ox.Store.read_only(store_path)
    while True:
        message = connection.recv()
        if message is None:
            return
        query, accept = message
        try:
            connection.send(execute(store, query, accept, max_bytes))
        except Exception as error:  # noqa: BLE001 - a worker answers, it never dies on a query
            connection.send((500, "text/plain; charset=utf-8", f"query failed: {error}\n".encode()))


class _Worker:
    def __init__(self, store: Path, limits: Limits):
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=_worker_main,
                                       args=(child, str(store), limits.max_result_bytes),
                                       daemon=True)
        self.process.start()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)


class WorkerPool:
    """Query workers that each hold the store open read-only; an overrunning one is replaced."""

    def __init__(self, store: Path, limits: Limits):
        if not (store / "CURRENT").exists():
            raise StoreError(f"{store}: no store here; run 'kg build' first or pass --store")
        self.store, self.limits = store, limits
        self.idle: queue.Queue[_Worker] = queue.Queue()
        self.lock = threading.Lock()
        self.workers: list[_Worker] = []
        for _ in range(limits.workers):
            self._add(_Worker(store, limits))

    def _add(self, worker: _Worker) -> None:
        with self.lock:
            self.workers.append(worker)
        self.idle.put(worker)

    def run(self, query: str, accept: str) -> tuple[int, str, bytes]:
        try:
            worker = self.idle.get(timeout=self.limits.timeout_s)
        except queue.Empty:
            return 503, "text/plain; charset=utf-8", b"all query workers are busy; try again\n"
        worker.connection.send((query, accept))
        if worker.connection.poll(self.limits.timeout_s):
            try:
                answer = worker.connection.recv()
            except EOFError:
                answer = (500, "text/plain; charset=utf-8", b"query worker failed\n")
            if worker.process.is_alive():
                self.idle.put(worker)
            else:
                self._replace(worker)
            return answer
        self._replace(worker)
        return 504, "text/plain; charset=utf-8", (
            f"query stopped after the timeout of {self.limits.timeout_s} s\n".encode())

    def _replace(self, worker: _Worker) -> None:
        worker.stop()
        with self.lock:
            self.workers.remove(worker)
        self._add(_Worker(self.store, self.limits))

    def close(self) -> None:
        with self.lock:
            workers, self.workers = self.workers, []
        for worker in workers:
            worker.stop()


#: rdflib's SPARQL grammar (pyparsing) is not thread-safe: the gateway's threads parse in turn.
_PARSER_LOCK = threading.Lock()


def refusal(query: str) -> str | None:
    """Why a query text is refused (an update, LOAD, or SERVICE), or None if it may run.

    >>> refusal("SELECT * WHERE { SERVICE <http://10.0.0.1/> { ?s ?p ?o } }")
    'SERVICE is not allowed: this endpoint makes no requests of its own'
    >>> refusal("INSERT DATA { <a:b> <a:c> <a:d> }")
    'updates are refused: this endpoint is read-only'
    >>> refusal("SELECT * WHERE { ?s ?p ?o }") is None
    True
    """
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        with _PARSER_LOCK:
            tree = parseQuery(query)
    except ParseException:
        try:
            with _PARSER_LOCK:
                parseUpdate(query)
        except ParseException:
            # Not SPARQL 1.1 as rdflib knows it: let Oxigraph judge it, but never let a
            # SERVICE keyword through unparsed.
            return _service_refusal() if "service" in query.lower() else None
        return "updates are refused: this endpoint is read-only"
    return _service_refusal() if _has_service(tree) else None


def _service_refusal() -> str:
    return "SERVICE is not allowed: this endpoint makes no requests of its own"


def _has_service(node) -> bool:
    if getattr(node, "name", None) == "ServiceGraphPattern":
        return True
    if isinstance(node, dict):
        return any(_has_service(v) for v in node.values())
    if isinstance(node, (list, tuple)) or type(node).__name__ == "ParseResults":
        return any(_has_service(v) for v in node)
    return False


class Gateway:
    """The WSGI application: SPARQL protocol parameters and policy; queries go to the pool."""

    def __init__(self, pool: WorkerPool, limits: Limits):
        self.pool = pool
        self.limits = limits

    def __call__(self, environ, start_response):
        method = environ["REQUEST_METHOD"]
        path = environ.get("PATH_INFO", "")
        if path in ("/update", "/store") or path.startswith("/store"):
            return self._error(start_response, 403, "updates are refused: this endpoint is read-only")
        if path not in QUERY_PATHS:
            if path == "/" and method == "GET":
                return self._reply(start_response, 200, "text/plain; charset=utf-8",
                                   b"kg SPARQL endpoint (read-only): GET or POST /query\n")
            return self._error(start_response, 404, f"no such endpoint {path}; use /query")
        try:
            query = self._read_query(environ, method)
        except _Refused as refused:
            return self._error(start_response, refused.status, refused.message)
        reason = refusal(query)
        if reason:
            return self._error(start_response, 403, reason)
        return self._forward(query, environ.get("HTTP_ACCEPT") or "application/sparql-results+json",
                             start_response)

    def _read_query(self, environ, method: str) -> str:
        if method == "GET":
            params = urllib.parse.parse_qs(environ.get("QUERY_STRING", ""))
            if "update" in params:
                raise _Refused(403, "updates are refused: this endpoint is read-only")
            if "query" not in params:
                raise _Refused(400, "missing 'query' parameter")
            return params["query"][0]
        if method != "POST":
            raise _Refused(405, f"method {method} not allowed; use GET or POST")
        length = int(environ.get("CONTENT_LENGTH") or 0)
        if length > self.limits.max_request_bytes:
            raise _Refused(413, f"request body of {length} bytes is over the limit of "
                                f"{self.limits.max_request_bytes} bytes")
        body = environ["wsgi.input"].read(length) if length else b""
        kind = (environ.get("CONTENT_TYPE") or "").split(";")[0].strip().lower()
        if kind == "application/sparql-update":
            raise _Refused(403, "updates are refused: this endpoint is read-only")
        if kind == "application/sparql-query":
            return body.decode("utf-8", errors="replace")
        if kind == "application/x-www-form-urlencoded":
            params = urllib.parse.parse_qs(body.decode("utf-8", errors="replace"))
            if "update" in params:
                raise _Refused(403, "updates are refused: this endpoint is read-only")
            if "query" in params:
                return params["query"][0]
            raise _Refused(400, "missing 'query' parameter")
        raise _Refused(415, f"unsupported content type {kind or '(none)'}")

    def _forward(self, query: str, accept: str, start_response):
        status, content_type, body = self.pool.run(query, accept)
        return self._reply(start_response, status, content_type, body)

    @staticmethod
    def _reply(start_response, status: int, content_type: str, body: bytes):
        start_response(f"{status} {_REASONS.get(status, 'OK')}",
                       [("Content-Type", content_type), ("Content-Length", str(len(body)))])
        return [body]

    def _error(self, start_response, status: int, message: str):
        return self._reply(start_response, status, "text/plain; charset=utf-8",
                           (message + "\n").encode("utf-8"))


class _Refused(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status, self.message = status, message


_REASONS = {200: "OK", 400: "Bad Request", 403: "Forbidden", 404: "Not Found",
            405: "Method Not Allowed", 413: "Payload Too Large", 415: "Unsupported Media Type",
            500: "Internal Server Error", 503: "Service Unavailable", 504: "Gateway Timeout"}


def serve(store: Path, host: str = "127.0.0.1", port: int = 7878, limits: Limits = Limits(),
          announce=print) -> None:
    """Serve the store until interrupted (blocking)."""
    from waitress import serve as waitress_serve

    pool = WorkerPool(store, limits)
    try:
        if not is_loopback(host):
            announce(f"warning: listening on {host}, reachable from other machines")
        announce(f"kg SPARQL endpoint on http://{host}:{port}/query (read-only; store {store}; "
                 f"timeout {limits.timeout_s} s, results ≤ {limits.max_result_bytes} bytes)")
        waitress_serve(Gateway(pool, limits), host=host, port=port, threads=max(8, limits.workers),
                       max_request_body_size=limits.max_request_bytes, _quiet=True)
    finally:
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
