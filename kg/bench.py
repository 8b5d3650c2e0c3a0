"""``kg bench``: a deterministic synthetic corpus and the cost of kg at growing scales.

For each scale the benchmark generates a seeded corpus, then measures in one run: ingest
throughput, store size on disk, peak memory, latency of the shipped queries, adding one article,
opening the store, ``kg metrics``, ``kg viz`` and a network export; and the same work done other
ways, so it can print ratios: each shipped query against its plain SPARQL reading
(:mod:`kg.plain_queries`, the queries from before derived triples) and against DuckDB computing
the same rows from flat tables of the same contacts built in the same run (the practical limit);
rdflib's in-memory ``Graph`` parsing the exported Turtle; plain networkx on the same projection.
Each scale runs in a fresh process so that its peak memory is its own.

Query times are the engine's: Oxigraph evaluating the query and writing every row as CSV (as
``kg serve`` does), DuckDB writing the same rows as CSV; ``python_ms`` adds turning rows into
Python values (what ``kg query`` prints from, with kept results). The shipped queries without
parameters are also timed as ``kg query`` and :func:`kg.queries.run_query` answer them, from the
result kept per store generation (:mod:`kg.result_cache`): ``cold_ms`` is the first query after a
write (evaluate, keep the result, write the rows as CSV), ``warm_ms`` every later one (read the
kept result, write the rows as CSV). ``kg build`` pays the cold evaluations once, after its last
write (:func:`kg.result_cache.keep_answers`): ``keep_s`` is what that adds to the build (the
ingest throughput leaves it out, as it did before builds kept answers).

>>> articles = synthetic_corpus(3, seed=7)
>>> [a.id for a in articles]
['bench-000000', 'bench-000001', 'bench-000002']
>>> articles == synthetic_corpus(3, seed=7)
True
"""

from __future__ import annotations

import datetime as dt
import gc
import multiprocessing
import random
import shutil
import statistics
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from kg.model import Article, Meta

DEFAULT_SCALES = (1000, 10000)
LARGE_SCALE = 100000
SYLLABLES = ("ka", "lo", "mi", "ran", "to", "vel", "sa", "dor", "ni", "bek", "ul", "fa", "zen",
             "ta", "ri", "mon", "go", "ser", "li", "an", "ov", "ed", "ma", "rus")
POSTS = ("President", "Prime Minister", "Foreign Minister", "Defence Minister", "Ambassador")
STATES = ("France", "Germany", "Japan", "India", "Brazil", "Egypt", "Turkey", "Kenya", "Canada",
          "Mexico", "Indonesia", "Nigeria", "Poland", "Spain", "Italy", "Qatar", "Chile", "Peru",
          "Norway", "Sweden", "Vietnam", "Thailand", "Ghana", "Senegal", "Ukraine", "Russia",
          "China", "Israel", "Jordan", "Greece")


@dataclass(frozen=True)
class ScaleResult:
    """What one scale measured (the keys of ``kg bench --json``)."""

    articles: int
    triples: int
    ingest_articles_per_s: float
    store_mb: float
    peak_rss_mb: float
    query_p50_ms: float
    query_p95_ms: float
    baseline_query_p50_ms: float | None
    query_speedup: float | None
    add_one_ms: float
    open_ms: float
    metrics_s: float
    baseline_metrics_s: float | None
    #: shipped queries rdflib could not run (left out of both sides of the speed-up)
    baseline_skipped: tuple[str, ...] = ()
    #: shipped queries rdflib did not finish within the cap: counted at the cap, so the
    #: baseline p50 and the speed-up are lower bounds when these reach the median
    baseline_capped: tuple[str, ...] = ()
    #: per shipped query: rows, shipped_ms, python_ms, plain_ms, speedup (plain / shipped),
    #: duckdb_ms, vs_duckdb (shipped / DuckDB) and duckdb_same_rows (the same rows, compared
    #: by :func:`canonical_rows`); for those without parameters also cold_ms and
    #: warm_ms (answered from the kept result) with cold_speedup and warm_speedup (plain / each)
    queries: dict = field(default_factory=dict)
    #: seconds ``kg build`` adds after its last write to keep the answers of the parameterless
    #: queries for the new generation (left out of ``ingest_articles_per_s``)
    keep_s: float | None = None
    #: the smallest speed-up of the engine over the plain readings (the issue's target: >= 10)
    min_query_speedup: float | None = None
    #: the smallest speed-up over the plain readings as answered to a user with kept results
    #: warm (queries with parameters are never kept: their engine speed-up)
    min_warm_speedup: float | None = None
    #: ``contacts`` of one official by full name (the same official at every scale)
    contacts_lookup_ms: float | None = None
    contacts_lookup_rows: int | None = None
    #: reading the contact network from the store (without and with evidence)
    read_s: float | None = None
    read_evidence_s: float | None = None
    #: kg metrics / plain networkx metrics on the same projection
    metrics_vs_networkx: float | None = None
    #: kg viz (read, project, write the page) and the same page from the projection in memory
    viz_s: float | None = None
    viz_in_memory_s: float | None = None
    viz_vs_in_memory: float | None = None
    #: kg export --format graphml and networkx writing the same projection
    export_s: float | None = None
    baseline_export_s: float | None = None
    export_vs_networkx: float | None = None


def _name(rng: random.Random) -> str:
    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()

    return f"{word()} {word()}"


def lookup_official(seed: int = 42) -> str:
    """The name of the corpus's first official: the same at every scale of one seed.

    >>> lookup_official(7) == lookup_official(7)
    True
    """
    return _name(random.Random(seed))


def synthetic_corpus(count: int, seed: int = 42) -> list[Article]:
    """``count`` articles about ``max(40, count // 8)`` invented officials, reproducible by seed."""
    from kg.knowledge import load_knowledge

    rng = random.Random(seed)
    knowledge = load_knowledge()
    demonyms = {g.name: g.demonyms[0] for g in knowledge.governments if g.name in STATES}
    capitals = {g.name: g.capitals[0] for g in knowledge.governments if g.name in STATES}
    people = [(_name(rng), rng.choice(POSTS), rng.choice(STATES)) for _ in range(max(40, count // 8))]
    start = dt.date(2020, 1, 1)
    articles = []
    for index in range(count):
        published = start + dt.timedelta(days=rng.randrange(1400))
        a, b, c = rng.sample(people, 3)

        def titled(person):
            return f"{demonyms[person[2]]} {person[1]} {person[0]}"

        def surname(person):
            return person[0].split()[1]

        day = rng.choice(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday"))
        text = (
            f"{titled(a)} met {titled(b)} in {capitals[b[2]]} on {day}, officials said. "
            f"The two discussed trade, security and the situation in the region. "
            f"{surname(a)} later spoke by phone with {titled(c)}. "
            f"\"We had a frank exchange,\" {surname(a)} told reporters at a press briefing. "
            f"{surname(b)} said relations were improving and that more talks would follow. "
            f"Analysts expect further meetings between the two governments later this year."
        )
        articles.append(Article(Meta(id=f"bench-{index:06d}", title=f"Talks {index}",
                                     published=published, source="wire report", language="en"),
                                text))
    return articles


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def _time(function, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _capped_ms(function, cap_s: float) -> float | None:
    """Milliseconds ``function`` takes in a forked child (which shares the parent's parsed
    graph), or ``cap_s`` in ms when it runs longer and is killed; None when it raises."""
    import multiprocessing

    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)

    def child() -> None:
        try:
            sender.send(_time(function, 1)[0])
        except Exception:  # noqa: BLE001 - the parent only needs to know that it failed
            sender.send(None)

    process = context.Process(target=child, daemon=True)
    process.start()
    if receiver.poll(cap_s):
        elapsed = receiver.recv()
        process.join()
        return elapsed
    process.kill()
    process.join()
    return cap_s * 1000


def _folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) / 2**20


def _peak_rss_mb() -> float:
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _shipped_queries(seed: int = 42) -> list[tuple[str, dict]]:
    return [("officials", {}), ("contacts", {"name": lookup_official(seed)}), ("timeline", {}),
            ("dyads", {}), ("evidence", {})]


def _engine_ms(store, sparql: str, bindings: dict, repeat: int) -> tuple[int, list[float]]:
    """Rows, and milliseconds for Oxigraph to evaluate ``sparql`` and write every row as CSV."""
    rows, times = _engine_csv(store, sparql, bindings, repeat)
    return len(rows), times


def _engine_csv(store, sparql: str, bindings: dict, repeat: int) -> tuple[list, list[float]]:
    """The rows Oxigraph writes as CSV for ``sparql`` (header left out), and the milliseconds
    it took each of ``repeat`` times."""
    import csv
    import io

    import pyoxigraph as ox

    times, output = [], b""
    for _ in range(repeat):
        started = time.perf_counter()
        output = store.query(sparql, bindings).serialize(format=ox.QueryResultsFormat.CSV)
        times.append((time.perf_counter() - started) * 1000)
    return list(csv.reader(io.StringIO(output.decode("utf-8"), newline="")))[1:], times


def canonical_rows(rows) -> list[tuple[str, ...]]:
    """Result rows in a form two engines agree on when they computed the same answer: every
    value as text (unbound or NULL as ""), the parts of a "; "-joined cell sorted, the rows
    sorted (ties and the order of an aggregate's parts are each engine's own).

    >>> canonical_rows([("b; a", 2, None), ("a", 1, "x")])
    [('a', '1', 'x'), ('a; b', '2', '')]
    """
    def cell(value) -> str:
        text = "" if value is None else str(value)
        return "; ".join(sorted(text.split("; ")))

    return sorted(tuple(cell(value) for value in row) for row in rows)


def measure_scale(count: int, seed: int = 42, baseline: bool = True, repeat: int = 5,
                  baseline_cap_s: float = 300, network_baseline: bool | None = None,
                  plain_repeat: int | None = None) -> ScaleResult:
    """Run every measurement for one scale in this process (see :func:`run_bench`):
    ``baseline`` adds rdflib, ``network_baseline`` (default: as ``baseline``) plain networkx."""
    import pyoxigraph as ox
    from rdflib import Graph, Literal

    from kg.build import build
    from kg.namespaces import FILE_PREFIXES, PREFIXES
    from kg.ontology_files import ontology_graph
    from kg.plain_queries import PLAIN_QUERIES
    from kg.queries import resolve_query, run_query
    from kg.result_cache import cache_folder, keep_answers, kept_queries
    from kg.store import GraphStore

    articles = synthetic_corpus(count, seed)
    extra = synthetic_corpus(count + 1, seed + 1)[-1]
    plain_repeat = plain_repeat or (3 if count <= 10000 else 1)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as folder:
        root = Path(folder)
        corpus = root / "corpus.jsonl"
        _write_jsonl(articles, corpus)
        started = time.perf_counter()
        build([corpus], root / "store", None, batch_size=1000, keep_answers=False)
        ingest_s = time.perf_counter() - started
        started = time.perf_counter()
        store = GraphStore.open(root / "store", create=False)
        open_ms = (time.perf_counter() - started) * 1000
        # What kg build does after its last write, timed apart so that ingest is measured as
        # before; then forgotten, so that every later figure is measured as before too.
        started = time.perf_counter()
        kept = keep_answers(store)
        keep_s = time.perf_counter() - started
        if set(kept) != set(kept_queries()):
            raise RuntimeError(f"{root}: the answers were not kept")
        shutil.rmtree(cache_folder(store.location))
        triples = store.triple_count()
        timings: dict[str, list[float]] = {}
        queries: dict[str, dict] = {}
        answers: dict[str, list] = {}
        for name, bindings in _shipped_queries(seed):
            sparql = resolve_query(name)
            _engine_ms(store, sparql, bindings, 1)  # warm the caches, as a serving store would be
            answer, shipped = _engine_csv(store, sparql, bindings, repeat)
            rows = len(answer)
            answers[name] = canonical_rows(answer)
            timings[name] = _time(lambda n=name, b=bindings: run_query(store, n, **b), repeat)
            _engine_ms(store, PLAIN_QUERIES[name], bindings, 1)
            plain_rows, plain = _engine_ms(store, PLAIN_QUERIES[name], bindings, plain_repeat)
            queries[name] = {"rows": rows, "plain_rows": plain_rows,
                             "shipped_ms": round(statistics.median(shipped), 2),
                             "python_ms": round(statistics.median(timings[name]), 2),
                             "plain_ms": round(statistics.median(plain), 2)}
            queries[name]["speedup"] = round(queries[name]["plain_ms"]
                                             / max(queries[name]["shipped_ms"], 1e-3), 1)
            if not bindings:
                queries[name].update(_kept_result_figures(store, sparql, repeat,
                                                          queries[name]["plain_ms"]))
        lookup_rows, lookup = _engine_ms(store, resolve_query("contacts"),
                                         {"name": lookup_official(seed)}, max(repeat, 20))
        duckdb_times, duckdb_answers = _duckdb_ms(store, root, seed, repeat)
        for name, duckdb_ms in duckdb_times.items():
            duckdb_answer = duckdb_answers[name]
            queries[name]["duckdb_rows"] = None if duckdb_answer is None else len(duckdb_answer)
            # The practical limit only means something if it computed the same rows.
            queries[name]["duckdb_same_rows"] = (None if duckdb_answer is None
                                                 else duckdb_answer == answers[name])
            queries[name]["duckdb_ms"] = duckdb_ms
            queries[name]["vs_duckdb"] = (None if duckdb_ms is None else
                                          round(queries[name]["shipped_ms"] / max(duckdb_ms, 1e-3), 2))
        add_times = []
        for offset in range(3):
            article = extra if offset == 0 else synthetic_corpus(count + 2 + offset, seed + 2 + offset)[-1]
            add_times.append(_add_one(store, article))
        network = _network_figures(store, root,
                                   baseline if network_baseline is None else network_baseline,
                                   with_viz=count <= VIZ_MAX)
        baseline_p50 = ours_common = None
        skipped: list[str] = []
        capped: list[str] = []
        if baseline:
            store.dump(root / "graph.ttl", ox.RdfFormat.TURTLE, FILE_PREFIXES)
            graph = Graph().parse(root / "graph.ttl", format="turtle")
            graph += ontology_graph()
            prologue = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items())
            base_times: dict[str, list[float]] = {}
            for name, bindings in _shipped_queries(seed):
                query = prologue + resolve_query(name)
                init = {k: Literal(v) for k, v in bindings.items()}
                elapsed = _capped_ms(lambda q=query, i=init: list(graph.query(q, initBindings=i)),
                                     baseline_cap_s)
                if elapsed is None:
                    skipped.append(name)  # rdflib 7 fails GROUP_CONCAT over unbound values
                    continue
                if elapsed >= baseline_cap_s * 1000:
                    capped.append(name)
                base_times[name] = [elapsed]
            if base_times:
                baseline_p50 = statistics.median(t for ts in base_times.values() for t in ts)
                ours_common = statistics.median(t for n in base_times for t in timings[n])
            del graph
        store_mb = _folder_mb(root / "store")
    every = [t for ts in timings.values() for t in ts]
    p50 = statistics.median(every)
    return ScaleResult(
        articles=count, triples=triples,
        ingest_articles_per_s=round(count / ingest_s, 1),
        store_mb=round(store_mb, 1), peak_rss_mb=round(_peak_rss_mb(), 1),
        query_p50_ms=round(p50, 2), query_p95_ms=round(_percentile(every, 0.95), 2),
        baseline_query_p50_ms=None if baseline_p50 is None else round(baseline_p50, 1),
        query_speedup=None if baseline_p50 is None else round(baseline_p50 / ours_common, 1),
        baseline_skipped=tuple(skipped),
        baseline_capped=tuple(capped),
        add_one_ms=round(statistics.median(add_times), 2), open_ms=round(open_ms, 1),
        queries=queries,
        keep_s=round(keep_s, 3),
        min_query_speedup=min(q["speedup"] for q in queries.values()),
        min_warm_speedup=min(q.get("warm_speedup", q["speedup"]) for q in queries.values()),
        contacts_lookup_ms=round(statistics.median(lookup), 3),
        contacts_lookup_rows=lookup_rows,
        **network,
    )


def _kept_result_figures(store, sparql: str, repeat: int, plain_ms: float) -> dict:
    """Milliseconds to answer ``sparql`` as ``kg query`` does with results kept per generation,
    as rows written as CSV: cold (no result kept for this generation, as after any write: the
    folder is emptied before each run) and warm; and the speed-ups over ``plain_ms``."""
    import pyoxigraph as ox

    from kg.result_cache import cache_folder, cached_solutions

    def answer() -> None:
        cached_solutions(store, sparql).serialize(format=ox.QueryResultsFormat.CSV)

    cold = []
    for _ in range(repeat):
        shutil.rmtree(cache_folder(store.location), ignore_errors=True)
        cold += _time(answer, 1)
    warm = _time(answer, repeat)
    figures = {"cold_ms": round(statistics.median(cold), 2),
               "warm_ms": round(statistics.median(warm), 2)}
    for kind in ("cold", "warm"):
        figures[f"{kind}_speedup"] = round(plain_ms / max(figures[f"{kind}_ms"], 1e-3), 1)
    return figures


#: ``kg viz`` is timed up to this scale: pyvis adds each edge by scanning those it has (FINDINGS),
#: so a page of the whole 10^5-article network takes hours whatever the store does.
VIZ_MAX = 20000


def _network_figures(store, root: Path, with_networkx: bool, with_viz: bool = True) -> dict:
    """``kg metrics``, ``kg viz`` and a GraphML export, each from the store, against the same
    work on the projection already in memory (plain networkx for metrics and the export)."""
    import networkx as nx

    from kg.exports import export_network, scalar_network
    from kg.metrics import network_metrics
    from kg.network import active_subgraph, official_network, read_contacts, records_by_iri
    from kg.viz import network_view, write_html

    def seconds(function) -> float:
        function()  # warm: imports, templates and caches are loaded once per process
        times = []
        # A fraction of a second is noise on a shared machine: the median of several runs.
        while len(times) < (5 if sum(times) < 1 else 1):
            gc.collect()  # no run pays for the garbage of the one before
            started = time.perf_counter()
            function()
            times.append(time.perf_counter() - started)
        return statistics.median(times)

    read_s = seconds(lambda: read_contacts(store, with_evidence=False))
    read_evidence_s = seconds(lambda: read_contacts(store))
    metrics_s = seconds(lambda: network_metrics(read_contacts(store, with_evidence=False),
                                                "official"))
    contacts = read_contacts(store)
    network = official_network(contacts)
    figures = {"read_s": round(read_s, 3), "read_evidence_s": round(read_evidence_s, 3),
               "metrics_s": round(metrics_s, 3), "baseline_metrics_s": None,
               "metrics_vs_networkx": None}
    if with_networkx:
        baseline = seconds(lambda: _plain_networkx_metrics(network.copy()))
        figures.update(baseline_metrics_s=round(baseline, 3),
                       metrics_vs_networkx=round(metrics_s / baseline, 2))
    page = root / "contacts.html"
    figures.update(viz_s=None, viz_in_memory_s=None, viz_vs_in_memory=None)

    def viz_from_store() -> None:  # as kg viz does
        graph, records = network_view(store)
        write_html(graph, page, records=records)

    if with_viz:
        viz_s = seconds(viz_from_store)
        records = records_by_iri(contacts)
        viz_memory_s = seconds(lambda: write_html(active_subgraph(network), page,
                                                  records=records))
        figures.update(viz_s=round(viz_s, 3), viz_in_memory_s=round(viz_memory_s, 3),
                       viz_vs_in_memory=round(viz_s / viz_memory_s, 2))
    # A network export needs no evidence (nor does kg export read it).
    export_s = seconds(lambda: export_network(
        official_network(read_contacts(store, with_evidence=False)),
        root / "contacts.graphml", "graphml"))
    export_nx_s = seconds(lambda: nx.write_graphml(scalar_network(network),
                                                   root / "plain.graphml"))
    figures.update(export_s=round(export_s, 3), baseline_export_s=round(export_nx_s, 3),
                   export_vs_networkx=round(export_s / export_nx_s, 2))
    return figures


def _duckdb_ms(store, root: Path, seed: int, repeat: int) -> tuple[dict, dict]:
    """Milliseconds for DuckDB to compute each shipped question's rows from flat tables of the
    same contacts, officials and evidence (built from the store in this run) and write them as
    CSV, and its rows (:func:`canonical_rows`); None for every query when duckdb is not
    installed (``pip install kg[bench]``)."""
    names = [name for name, _ in _shipped_queries(seed)]
    try:
        import duckdb
    except ImportError:
        return dict.fromkeys(names), dict.fromkeys(names)
    tables = _flat_tables(store, root)
    connection = duckdb.connect()
    for table, path in tables.items():
        connection.execute(f"CREATE TABLE {table} AS SELECT * FROM read_csv('{path}', "
                           "header = true, all_varchar = false, quote = '\"', escape = '\"')")
    sql = {
        "officials": """
            SELECT n.name, string_agg(DISTINCT p.post, '; ') AS post,
                   string_agg(DISTINCT g.government, '; ') AS government,
                   count(DISTINCT a.article) AS articles
            FROM official_name n LEFT JOIN official_post p USING (official)
                 LEFT JOIN official_government g USING (official)
                 LEFT JOIN official_article a USING (official)
            GROUP BY n.name ORDER BY n.name""",
        "contacts": f"""
            SELECT '{lookup_official(seed)}' AS name, me.name AS official,
                   other.name AS counterpart, me.date, me.mode, me.status
            FROM party me JOIN party other ON other.communication = me.communication
            WHERE me.kind = 'contact' AND me.official IS NOT NULL
              AND contains(lower(me.name), lower('{lookup_official(seed)}'))
              AND other.name <> me.name
            ORDER BY official, me.date IS NULL, me.date, counterpart""",
        "timeline": """
            SELECT date, kind, mode, status,
                   string_agg(DISTINCT name, '; ') FILTER (WHERE official IS NOT NULL)
                       AS participants,
                   string_agg(DISTINCT name, '; ') FILTER (WHERE official IS NULL)
                       AS counterparts,
                   communication
            FROM party GROUP BY communication, date, kind, mode, status
            ORDER BY date IS NULL, date, kind""",
        "dyads": """
            WITH side AS (SELECT DISTINCT communication, government, date FROM party
                          WHERE kind = 'contact' AND government IS NOT NULL)
            SELECT a.government AS government1, b.government AS government2,
                   count(DISTINCT a.communication) AS contacts, min(a.date) AS first,
                   max(a.date) AS last
            FROM side a JOIN side b USING (communication)
            WHERE a.government < b.government
            GROUP BY 1, 2 ORDER BY 3 DESC, 1, 2""",
        "evidence": """
            SELECT communication, article, title, "begin", "end", text, sentence
            FROM evidence ORDER BY article, "begin" """,
    }
    results: dict[str, float | None] = {}
    rows: dict[str, list | None] = {}
    target = root / "duckdb.csv"
    for name in names:
        statement = f"COPY ({sql[name]}) TO '{target}' (HEADER, DELIMITER ',')"
        connection.execute(statement)
        times = []
        for _ in range(repeat):
            started = time.perf_counter()
            connection.execute(statement)
            times.append((time.perf_counter() - started) * 1000)
        results[name] = round(statistics.median(times), 2)
        rows[name] = canonical_rows(connection.execute(sql[name]).fetchall())
    connection.close()
    return results, rows


def _flat_tables(store, root: Path) -> dict[str, Path]:
    """The store's contacts, officials and evidence as flat CSV tables: one row per
    communication and party; per official and name, post, government, article; per span."""
    import csv

    from rdflib.namespace import FOAF, PROV, RDF, RDFS, SKOS

    from kg.namespaces import DIPLO, ORG, SCHEMA
    from kg.network import read_contacts

    def grouped(predicate) -> dict[str, list]:
        found: dict[str, list] = {}
        for subject, value in store.merged_objects(predicate):
            found.setdefault(subject, []).append(value)
        return found

    contacts = read_contacts(store, with_evidence=False)
    names, labels = grouped(FOAF.name), grouped(SKOS.prefLabel)
    represents = {iri: [str(label) for g in governments for label in labels.get(g, ())]
                  for iri, governments in grouped(DIPLO.represents).items()}
    officials = set(store.merged_subjects(RDF.type, DIPLO.Official))
    rows: dict[str, list] = {table: [] for table in (
        "party", "evidence", "official_name", "official_post", "official_government",
        "official_article")}
    for record in contacts.communications:
        date = record.date.isoformat() if record.date else None
        head = (record.iri, record.kind, date, record.mode, record.status)
        for official in record.participants:
            for name in names.get(official, ()):
                for government in represents.get(official) or [None]:
                    rows["party"].append((*head, official, name, government))
        for government in record.counterparts:
            for label in labels.get(government, ()):
                rows["party"].append((*head, None, label, label))
    kinds = {r.iri for r in contacts.communications}
    single = {name: dict(store.merged_objects(predicate)) for name, predicate in (
        ("text", DIPLO.exactText), ("begin", DIPLO.beginIndex), ("end", DIPLO.endIndex),
        ("sentence", DIPLO.sentence), ("article", DIPLO.inArticle), ("id", DIPLO.articleId),
        ("title", SCHEMA.headline))}
    for communication, span in store.merged_objects(DIPLO.hasEvidence):
        article = single["article"].get(span)
        if communication in kinds and span in single["text"] and article in single["id"]:
            rows["evidence"].append((communication, single["id"][article],
                                     single["title"].get(article), single["begin"][span],
                                     single["end"][span], single["text"][span],
                                     single["sentence"].get(span)))
    post_labels = grouped(RDFS.label)
    for iri in officials:
        rows["official_name"] += [(iri, name) for name in names.get(iri, ())]
        rows["official_government"] += [(iri, g) for g in represents.get(iri, ())]
    for iri, post in store.merged_objects(ORG.holds):
        if iri in officials:
            rows["official_post"] += [(iri, label) for label in post_labels.get(post, ())]
    for iri, article in store.merged_objects(PROV.wasDerivedFrom):
        if iri in officials:
            rows["official_article"].append((iri, article))
    headers = {"party": ("communication", "kind", "date", "mode", "status", "official", "name",
                         "government"),
               "evidence": ("communication", "article", "title", "begin", "end", "text",
                            "sentence"),
               "official_name": ("official", "name"), "official_post": ("official", "post"),
               "official_government": ("official", "government"),
               "official_article": ("official", "article")}
    paths = {}
    for table, table_rows in rows.items():
        path = root / f"{table}.csv"
        with path.open("w", newline="", encoding="utf-8") as stream:
            writer = csv.writer(stream)
            writer.writerow(headers[table])
            writer.writerows(table_rows)
        paths[table] = path
    return paths


def _add_one(store, article: Article) -> float:
    from kg.extract import extract
    from kg.rdf import text_digest, to_graph

    started = time.perf_counter()
    extraction = extract(article)
    store.articles_with_digests([text_digest(article.text)])
    store.replace_articles([to_graph(extraction)])
    return (time.perf_counter() - started) * 1000


def _plain_networkx_metrics(network) -> None:
    """The same table with networkx alone: exact algorithms, no igraph."""
    import networkx as nx

    from kg.network import active_subgraph

    for _, _, data in network.edges(data=True):
        data["distance"] = 1 / data["weight"]
    active = active_subgraph(network)
    nx.betweenness_centrality(active, weight="distance")
    nx.closeness_centrality(active, distance="distance")
    nx.harmonic_centrality(active, distance="distance")
    nx.pagerank(active, weight="weight")
    nx.clustering(active, weight="weight")
    nx.community.louvain_communities(active, weight="weight", seed=42)
    nx.constraint(active, weight="weight")
    nx.effective_size(active, weight="weight")


def _write_jsonl(articles: list[Article], path: Path) -> None:
    import json

    with path.open("w", encoding="utf-8") as stream:
        for article in articles:
            meta = {"id": article.id, "title": article.meta.title,
                    "published": article.meta.published.isoformat(),
                    "source": article.meta.source, "language": article.meta.language}
            stream.write(json.dumps({"id": article.id, "text": article.text, "meta": meta}) + "\n")


def _scale_in_child(args, sender) -> None:
    count, seed, baseline, baseline_cap_s, network_baseline = args
    sender.send(asdict(measure_scale(count, seed, baseline, baseline_cap_s=baseline_cap_s,
                                     network_baseline=network_baseline)))


#: The rdflib baseline runs up to this scale by default: its GROUP BY query alone takes minutes at
#: 10^3 articles (about 110k triples) and grows faster than linearly.
BASELINE_MAX = 1000
#: A baseline query still running after this long is stopped and counted at the cap.
BASELINE_CAP_S = 300
#: Plain networkx (exact betweenness) runs up to this scale: about 95 s at 10^4 articles, hours
#: at 10^5.
NETWORK_BASELINE_MAX = 10000


def run_bench(scales: tuple[int, ...] = DEFAULT_SCALES, seed: int = 42, baseline: bool = True,
              progress=None, baseline_max: int = BASELINE_MAX,
              baseline_cap_s: float = BASELINE_CAP_S,
              network_baseline_max: int = NETWORK_BASELINE_MAX) -> list[ScaleResult]:
    """Measure every scale, each in a fresh process (its own peak memory); the rdflib baseline
    runs on scales up to ``baseline_max``, each of its queries for at most ``baseline_cap_s``,
    plain networkx up to ``network_baseline_max``."""
    results = []
    context = multiprocessing.get_context("spawn")
    for count in scales:
        if progress:
            progress(f"scale {count} articles …")
        with_baseline = baseline and count <= baseline_max
        with_networkx = baseline and count <= network_baseline_max
        receiver, sender = context.Pipe(duplex=False)
        # A plain process, not a pool worker: the capped baseline forks children of its own.
        process = context.Process(target=_scale_in_child, args=(
            (count, seed, with_baseline, baseline_cap_s, with_networkx), sender))
        process.start()
        results.append(ScaleResult(**receiver.recv()))
        process.join()
    return results


def extraction_throughput(articles: list[Article], repeat: int = 3) -> dict[str, float]:
    """Extraction speed on real articles: articles and words per second on one core."""
    from kg.extract import extract

    words = sum(len(a.text.split()) for a in articles)
    extract(articles[0])
    started = time.perf_counter()
    for _ in range(repeat):
        for article in articles:
            extract(article)
    elapsed = time.perf_counter() - started
    return {"articles": len(articles), "articles_per_s": round(repeat * len(articles) / elapsed, 1),
            "words_per_s": round(repeat * words / elapsed), "peak_rss_mb": round(_peak_rss_mb(), 1)}


#: One dense line: officials, a meeting, a statement and a relative clause in every sentence.
DENSE_LINE = ("Russian President Vladimir Putin met Chinese President Xi Jinping on Monday and "
              "said he spoke with Foreign Minister Sergei Lavrov, who told reporters the talks "
              "were good.\n")
DENSE_LINES = (1000, 4000, 16000)


def dense_extraction(lines: tuple[int, ...] = DENSE_LINES) -> dict[str, list]:
    """Extraction of long, dense articles (one line repeated, then one line per new pair of
    officials): seconds at each length, so that a reader sees cost grow about linearly
    (``seconds_per_1000_lines`` stays flat) instead of quadratically."""
    from kg.extract import extract

    def distinct(count: int) -> str:
        return "".join(f"Foreign Minister Ab{_letters(i)} Cd{_letters(i)} met President "
                       f"Ef{_letters(i)} Gh{_letters(i)} on Monday. He said the talks were good.\n"
                       for i in range(count))

    report: dict[str, list] = {"lines": list(lines), "repeated_s": [], "distinct_s": []}
    for count in lines:
        for key, text in (("repeated_s", DENSE_LINE * count), ("distinct_s", distinct(count))):
            article = Article(Meta(id=f"dense-{count}", published=dt.date(2022, 3, 1)), text)
            started = time.perf_counter()
            extract(article, time_limit=3600)
            report[key].append(round(time.perf_counter() - started, 2))
    report["seconds_per_1000_lines"] = [round(1000 * max(r, d) / n, 3) for n, r, d in
                                        zip(lines, report["repeated_s"], report["distinct_s"])]
    return report


def _letters(number: int) -> str:
    """A short capitalised word unique to ``number`` (a made-up name part)."""
    word = ""
    while True:
        word += chr(97 + number % 26)
        number //= 26
        if not number:
            return word.title()


def network_benchmark(nodes: int = 10000, ties_per_node: int = 10, seed: int = 42) -> dict:
    """The full ``kg metrics`` table on a seeded scale-free network (10k officials, 100k ties by
    default) with 50 governments: seconds, and which metrics were estimated."""
    import networkx as nx

    from kg.metrics import metrics_table

    graph = nx.barabasi_albert_graph(nodes, ties_per_node, seed=seed)
    rng = random.Random(seed)
    for a, b in graph.edges:
        graph.edges[a, b]["weight"] = rng.randint(1, 4)
    nx.set_node_attributes(graph, {n: f"G{n % 50}" for n in graph}, "government")
    started = time.perf_counter()
    table = metrics_table(graph, None, "government", seed)
    return {"nodes": nodes, "ties": graph.number_of_edges(),
            "metrics_s": round(time.perf_counter() - started, 2), "notes": list(table.notes)}


def ratio_lines(results: list[ScaleResult]) -> list[str]:
    """The ratios of a run as lines for people (``kg bench`` prints them under its table): per
    scale, each shipped query against its plain reading and DuckDB (and, answered from the kept
    result, cold and warm against the plain reading), the contacts lookup against the smallest
    scale, and the network commands against the same work in memory.

    >>> ratio_lines([])
    []
    """
    lines = []
    first = results[0].contacts_lookup_ms if results else None
    for result in results:
        parts = [f"{name} {q['shipped_ms']:g} ms, {q['speedup']:g}x plain"
                 + (f", {q['vs_duckdb']:g}x DuckDB" if q.get("vs_duckdb") is not None else "")
                 + (f" (kept result: cold {q['cold_ms']:g} ms, {q['cold_speedup']:g}x plain; "
                    f"warm {q['warm_ms']:g} ms, {q['warm_speedup']:g}x plain)"
                    if "warm_ms" in q else "")
                 for name, q in result.queries.items()]
        lines.append(f"{result.articles} articles: " + "; ".join(parts))
        network = [f"{label} {value:g}x" for label, value in (
            ("metrics/networkx", result.metrics_vs_networkx),
            ("viz/in memory", result.viz_vs_in_memory),
            ("export/networkx", result.export_vs_networkx)) if value is not None]
        if result.keep_s is not None:
            network.append(f"answers kept by the build in {result.keep_s:g} s")
        lookup = result.contacts_lookup_ms
        if lookup is not None and first:
            network.append(f"contacts lookup {lookup:g} ms ({lookup / first:.2f}x the first scale)")
        lines.append(f"{result.articles} articles: " + "; ".join(network))
    return lines
