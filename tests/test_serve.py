"""The SPARQL endpoint with real clients, its read-only and safety limits, and remote stores."""

from __future__ import annotations

import http.server as http_server
import json
import os
import re
import signal
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

import pytest
from click.testing import CliRunner

from kg.build import build
from kg.cli import cli
from kg.queries import run_query
from kg.remote import RemoteError, RemoteStore
from kg.store import GraphStore
from tests.browser import CHROMEDRIVER, CHROMIUM
from tests.conftest import ROOT, folder_digest
from tests.servers import kg_endpoint, oxigraph_server

needs_browser = pytest.mark.skipif(not (CHROMIUM and CHROMEDRIVER),
                                   reason="Debian chromium and chromium-driver are not installed")

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def seed_store_path(tmp_path_factory):
    path = tmp_path_factory.mktemp("served") / "store"
    build([ROOT / "seeds"], path, None)
    return path


@pytest.fixture(scope="module")
def endpoint(seed_store_path):
    with kg_endpoint(seed_store_path) as url:
        yield url


def http(url, data=None, headers=None, method=None):
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get("Content-Type"), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type"), error.read().decode()


def get(url, query, accept="application/sparql-results+json"):
    return http(f"{url}?{urllib.parse.urlencode({'query': query})}", headers={"Accept": accept})


def test_serve_answers_sparqlwrapper(endpoint):
    from SPARQLWrapper import JSON, SPARQLWrapper

    client = SPARQLWrapper(endpoint)
    client.setQuery("PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
                    "SELECT ?name WHERE { ?o foaf:name ?name } ORDER BY ?name")
    client.setReturnFormat(JSON)
    names = [b["name"]["value"] for b in client.query().convert()["results"]["bindings"]]
    assert names[:2] == ["Antony Blinken", "Benjamin Netanyahu"] and len(names) == 5


def test_serve_answers_rdflib_sparqlstore(endpoint):
    from rdflib import Graph
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    graph = Graph(store=SPARQLStore(endpoint))
    rows = list(graph.query("SELECT ?g WHERE { ?g <http://www.w3.org/2004/02/skos/core#prefLabel> "
                            "\"Israel\" }"))
    assert len(rows) == 1


@pytest.mark.parametrize(("accept", "marker"), [
    ("application/sparql-results+json", '"bindings"'),
    ("application/sparql-results+xml", "<sparql"),
    ("text/csv", "n\r\n"),
    ("text/tab-separated-values", "?n"),
])
def test_serve_negotiates_result_formats(endpoint, accept, marker):
    status, content_type, body = get(endpoint, COUNT, accept)
    assert status == 200 and accept in content_type and marker in body
    assert content_type.lower().count("charset") == 1


@pytest.mark.parametrize(("accept", "marker"), [
    ("text/turtle", "foaf:name"), ("application/n-triples", "<http://xmlns.com/foaf/0.1/name>"),
    ("application/ld+json", "@id"),
])
def test_serve_negotiates_graph_formats(endpoint, accept, marker):
    query = ("PREFIX foaf: <http://xmlns.com/foaf/0.1/> "
             "CONSTRUCT { ?o foaf:name ?n } WHERE { ?o foaf:name ?n }")
    status, content_type, body = get(endpoint, query, accept)
    assert status == 200 and accept in content_type
    assert marker in body or "xmlns.com/foaf/0.1/name" in body


def test_serve_post_forms_and_direct_bodies(endpoint):
    form = urllib.parse.urlencode({"query": COUNT}).encode()
    assert http(endpoint, form, {"Content-Type": "application/x-www-form-urlencoded"})[0] == 200
    assert http(endpoint, COUNT.encode(), {"Content-Type": "application/sparql-query"})[0] == 200


@pytest.mark.parametrize("attempt", ["get", "form", "body", "update-type", "update-path", "load"])
def test_serve_refuses_updates_and_the_store_is_unchanged(endpoint, seed_store_path, attempt):
    insert = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    before = get(endpoint, COUNT)[2]
    base = endpoint.rsplit("/", 1)[0]
    status = {
        "get": lambda: http(f"{endpoint}?{urllib.parse.urlencode({'update': insert})}")[0],
        "form": lambda: http(endpoint, urllib.parse.urlencode({"update": insert}).encode(),
                             {"Content-Type": "application/x-www-form-urlencoded"})[0],
        "body": lambda: http(endpoint, insert.encode(), {"Content-Type": "application/sparql-query"})[0],
        "update-type": lambda: http(endpoint, insert.encode(),
                                    {"Content-Type": "application/sparql-update"})[0],
        "update-path": lambda: http(f"{base}/update", insert.encode(),
                                    {"Content-Type": "application/sparql-update"})[0],
        "load": lambda: get(endpoint, "LOAD <http://127.0.0.1:9/x>")[0],
    }[attempt]()
    assert 400 <= status < 500
    assert get(endpoint, COUNT)[2] == before


def test_serve_refuses_service_and_makes_no_request(endpoint):
    hits = []

    class Listener(http_server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args):
            pass

    server = http_server.HTTPServer(("127.0.0.1", 0), Listener)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        target = f"http://127.0.0.1:{server.server_port}/sparql"
        for query in (f"SELECT * WHERE {{ SERVICE <{target}> {{ ?s ?p ?o }} }}",
                      f"select * where {{ service silent <{target}> {{ ?s ?p ?o }} }}"):
            status, _, body = get(endpoint, query)
            assert status == 403 and "SERVICE is not allowed" in body
    finally:
        server.shutdown()
    assert hits == []


def test_serve_times_out_caps_results_and_limits_bodies(seed_store_path):
    slow = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . "
            "?m ?n2 ?o }")
    with kg_endpoint(seed_store_path, "--timeout", "1", "--max-result-bytes", "2000",
                     "--max-request-bytes", "5000") as url:
        started = time.monotonic()
        status, _, body = get(url, slow)
        assert status == 504 and "stopped after the timeout of 1 s" in body
        assert time.monotonic() - started < 5
        status, _, body = get(url, "SELECT * WHERE { ?s ?p ?o }")
        assert status == 413 and "add a LIMIT" in body
        big = ("SELECT * WHERE { ?s ?p ?o } #" + "x" * 6000).encode()
        assert http(url, big, {"Content-Type": "application/sparql-query"})[0] == 413
        assert get(url, COUNT)[0] == 200  # still up and answering


def test_serve_warns_when_not_on_loopback(seed_store_path):
    from kg.serve import is_loopback

    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.10")


def test_push_then_query_and_metrics_from_the_remote_store(seed_store_path, tmp_path):
    runner = CliRunner()
    digest = folder_digest(seed_store_path)
    with oxigraph_server(tmp_path / "remote") as base:
        result = runner.invoke(cli, ["push", "--store", str(seed_store_path),
                                     "--endpoint", f"{base}/store"], catch_exceptions=False)
        assert result.output.startswith("pushed 2 named graph(s)")
        again = runner.invoke(cli, ["push", "--store", str(seed_store_path), "--endpoint",
                                    f"{base}/update", "--protocol", "update"])
        assert again.exit_code == 0
        remote = RemoteStore(f"{base}/query")
        local = GraphStore.open(seed_store_path, create=False, read_only=True)
        named = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
        assert remote.select(named)[0]["n"] == local.quad_count() - local.triple_count()
        assert remote.select(COUNT)[0]["n"] == local.triple_count()
        endpoint = f"{base}/query"
        rows = run_query(RemoteStore(endpoint), "contacts", name="Blinken").rows
        assert [r["counterpart"] for r in rows] == ["Benjamin Netanyahu", "Mahmoud Abbas"]
        out = runner.invoke(cli, ["query", "dyads", "--endpoint", endpoint, "-f", "json"])
        assert json.loads(out.output)[0]["government1"] == "Israel"
        metrics = runner.invoke(cli, ["metrics", "--endpoint", endpoint, "-f", "json"])
        assert json.loads(metrics.output)[0]["name"] == "Antony Blinken"
    assert folder_digest(seed_store_path) == digest


@pytest.mark.parametrize("args", [
    ["push", "--endpoint", "http://127.0.0.1:9/store"],
    ["query", "officials", "--endpoint", "http://127.0.0.1:9/query"],
])
def test_remote_errors_are_one_line(seed_store_path, args):
    result = CliRunner().invoke(cli, [*args, "--store", str(seed_store_path)])
    assert result.exit_code == 7
    assert len(result.stderr.splitlines()) == 1 and "failed" in result.stderr


def test_remote_http_error_is_reported(endpoint):
    with pytest.raises(RemoteError, match="HTTP 403"):
        RemoteStore(endpoint).select("SELECT * WHERE { SERVICE <http://x/> { ?s ?p ?o } }")


@pytest.mark.parametrize(("query", "accept", "expected"), [
    (COUNT, "application/sparql-results+json;q=0, application/sparql-results+xml",
     (200, "application/sparql-results+xml")),
    (COUNT, "application/sparql-results+json;q=0", (406, "text/plain")),
    (COUNT, "text/html", (406, "text/plain")),
    (COUNT, "text/*;q=0.2, text/tab-separated-values;q=0.9, */*;q=0",
     (200, "text/tab-separated-values")),
    ("CONSTRUCT WHERE { ?s ?p ?o }", "text/turtle;q=0, application/n-triples;q=0.5",
     (200, "application/n-triples")),
])
def test_serve_honours_accept_qualities(endpoint, query, accept, expected):
    status, content_type, _ = get(endpoint, query, accept)
    assert (status, content_type.split(";")[0]) == expected


def test_serve_protocol_errors(endpoint):
    base = endpoint.rsplit("/", 1)[0]
    twice = urllib.parse.urlencode([("query", COUNT), ("query", "ASK {}")])
    assert http(f"{endpoint}?{twice}")[0] == 400
    assert http(endpoint, twice.encode(), {"Content-Type": "application/x-www-form-urlencoded"}
                )[0] == 400
    assert http(f"{endpoint}?{urllib.parse.urlencode({'query': COUNT})}", b"ASK {}",
                {"Content-Type": "application/sparql-query"})[0] == 400
    status, _, body = http(f"{base}/store")
    assert status == 404 and "not found" in body and "update" not in body
    for malformed in ("SELECT WHERE {", "SELECT * WHERE " + "{" * 50 + "}" * 50,
                      "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 40 + "1" + ")" * 40 + ") }"):
        status, content_type, body = get(endpoint, malformed)
        assert status == 400 and content_type.startswith("text/plain"), (status, body)
    assert get(endpoint, COUNT)[0] == 200


#: Runs until the timeout on the seed store (a five-way cross join).
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . ?m ?n2 ?o }"
#: ~900 KB of query text, cheap to read: rdflib's grammar took minutes on such queries.
BIG = "SELECT * WHERE { ?s ?p ?o FILTER(?o IN (" + ",".join(map(str, range(150_000))) + ")) }"


def test_serve_heavy_queries_do_not_starve_light_ones(seed_store_path):
    results: dict[str, list] = {"slow": [], "big": []}

    def send(kind, query):
        request = urllib.request.Request(url, query.encode(), {
            "Content-Type": "application/sparql-query"})
        try:
            with urllib.request.urlopen(request, timeout=120) as response:
                results[kind].append(response.status)
        except urllib.error.HTTPError as error:
            results[kind].append(error.code)
        except OSError:
            results[kind].append("closed")

    with kg_endpoint(seed_store_path, "--timeout", "60") as url:
        threads = [threading.Thread(target=send, args=(kind, query), daemon=True)
                   for kind, query in [("slow", SLOW)] * 5 + [("big", BIG)] * 3]
        for thread in threads:
            thread.start()
        time.sleep(1)  # let the heavy ones take the workers
        request = urllib.request.Request(f"{url}?{urllib.parse.urlencode({'query': 'ASK {}'})}")
        with urllib.request.urlopen(request, timeout=30) as response:
            light = response.status, response.read()
        slow_done = list(results["slow"])
    assert light == (200, b'{"head":{},"boolean":true}')
    # The light query was answered while three long queries were still running (they run to
    # the 60 s timeout); the long queries past those three were stopped, not queued for a minute.
    assert len(slow_done) <= 2 and set(slow_done) <= {503}


def test_serve_a_quick_query_held_back_by_a_busy_machine_is_not_stopped_as_long(
        seed_store_path):
    from kg.serve import Limits, WorkerPool

    pool = WorkerPool(seed_store_path, Limits(workers=2, long_query_s=0.3))
    try:
        heavy = pool.lease(time.monotonic() + 30)
        heavy.send(SLOW, "application/sparql-results+json")
        time.sleep(1)  # it has worked past the limit: it holds the only long slot
        quick = pool.lease(time.monotonic() + 30)
        # A stopped process uses no CPU: as if other work held the machine for a second.
        os.kill(quick.worker.process.pid, signal.SIGSTOP)
        quick.send("ASK {}", "application/sparql-results+json")
        time.sleep(1)
        os.kill(quick.worker.process.pid, signal.SIGCONT)
        answer = [quick.receive() for _ in range(3)]
        quick.finish()
        assert [m[0] for m in answer] == ["head", "data", "end"] and answer[0][1] == 200
        assert b"true" in answer[1][1]
        heavy.kill("test over")
    finally:
        pool.close()


def test_serve_streams_large_results_and_cuts_them_at_the_timeout(seed_store_path):
    from http.client import HTTPConnection, IncompleteRead

    cross = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"  # 572³ rows: never finishes
    with kg_endpoint(seed_store_path, "--timeout", "3") as url:
        parts = urllib.parse.urlsplit(url)
        connection = HTTPConnection(parts.hostname, parts.port, timeout=30)
        connection.request("GET", f"{parts.path}?{urllib.parse.urlencode({'query': cross})}",
                           headers={"Accept": "text/csv"})
        response = connection.getresponse()
        assert response.status == 200 and response.getheader("Content-Length") is None
        first = response.read(256 * 1024)  # the first rows, long before the last exists
        assert first.startswith(b"a,b,c,d,e,f,g,h,i\r\n") and len(first) == 256 * 1024
        with pytest.raises(IncompleteRead):  # cut at the timeout, never "complete"
            while response.read(1024 * 1024):
                pass
        connection.close()
        started = time.monotonic()
        status, _, body = http(url, BIG.encode(), {"Content-Type": "application/sparql-query"})
        assert status == 504 and "timeout of 3 s" in body
        assert time.monotonic() - started < 15  # reading the query is inside the timeout
        assert get(url, COUNT)[0] == 200


def test_serve_streamed_result_over_the_cap_is_cut(seed_store_path):
    from http.client import HTTPConnection, IncompleteRead

    with kg_endpoint(seed_store_path, "--max-result-bytes", "300000") as url:
        parts = urllib.parse.urlsplit(url)
        connection = HTTPConnection(parts.hostname, parts.port, timeout=30)
        query = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } LIMIT 20000"
        connection.request("GET", f"{parts.path}?{urllib.parse.urlencode({'query': query})}",
                           headers={"Accept": "text/csv"})
        response = connection.getresponse()
        assert response.status == 200
        with pytest.raises(IncompleteRead) as cut:
            response.read()
        assert len(cut.value.partial) <= 300000
        connection.close()
        assert get(url, COUNT)[0] == 200


def test_serve_notices_a_rebuilt_store(tmp_path):
    from tests.conftest import DEV

    store = tmp_path / "store"
    build([ROOT / "seeds"], store, None)
    with kg_endpoint(store) as url:
        before = json.loads(get(url, COUNT)[2])["results"]["bindings"][0]["n"]["value"]
        build([DEV / "dev-01.txt"], store, None)  # a second article into the served store
        expected = str(GraphStore.open(store, create=False, read_only=True).triple_count())
        assert expected != before
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            now = json.loads(get(url, COUNT)[2])["results"]["bindings"][0]["n"]["value"]
            if now != before:
                break
            time.sleep(0.3)
        assert now == expected


def test_serve_query_page(endpoint):
    base = endpoint.rsplit("/", 1)[0]
    request = urllib.request.Request(f"{base}/")
    with urllib.request.urlopen(request, timeout=30) as response:
        page = response.read().decode()
        policy = response.headers["Content-Security-Policy"]
        assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    assert "<textarea" in page and "<title>kg SPARQL endpoint</title>" in page
    for name in ("officials", "contacts", "dyads", "timeline", "evidence"):
        assert f'"{name}"' in page
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy
    assert re.findall(r"(?:src|href)\s*=\s*[\"']?(?:https?:)?//", page) == []


@needs_browser
def test_serve_query_page_runs_an_example_in_chromium(endpoint):
    from selenium.webdriver.common.by import By

    from tests.browser import console_errors, headless_chromium, requested_urls

    base = endpoint.rsplit("/", 1)[0]
    with headless_chromium() as driver:
        driver.get_log("performance")
        driver.get(f"{base}/")
        example = next(b for b in driver.find_elements(By.CSS_SELECTOR, "button.example")
                   if b.text == "officials")
        example.click()
        assert "SELECT" in driver.find_element(By.ID, "query").get_attribute("value")
        driver.find_element(By.ID, "run").click()
        deadline = time.monotonic() + 20
        rows = []
        while time.monotonic() < deadline and not rows:
            rows = [r.text for r in driver.find_elements(By.CSS_SELECTOR, "#output tr")]
            time.sleep(0.2)
        assert any("Antony Blinken" in row for row in rows)
        assert "row(s)" in driver.find_element(By.ID, "status").text
        assert console_errors(driver) == []  # no CSP violation either
        assert all(u.startswith((base, "data:", "chrome", "about:"))
                   for u in requested_urls(driver))
