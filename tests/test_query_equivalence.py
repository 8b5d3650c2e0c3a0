"""Derived triples change how fast the shipped questions are answered, never the answers.

On a corpus written in batches, with articles replaced (same id, new text; same text, new id) and
removed, every shipped query gives the rows of its plain SPARQL reading (``kg.plain_queries``: the
queries from before derived triples), the local reader of the contact network gives what the
SPARQL reader gives, and so do ``kg metrics`` and the projections; the derived triples the writes
kept are exactly those a full rebuild derives.
"""

from __future__ import annotations

import dataclasses
import itertools
import shutil

import pytest

from kg.articles import load_articles
from kg.bench import synthetic_corpus
from kg.derived import DERIVED_PREDICATES
from kg.extract import extract
from kg.metrics import network_metrics
from kg.model import Article
from kg.network import government_network, official_network, read_contacts
from kg.ontology_files import ontology_graph
from kg.plain_queries import PLAIN_QUERIES
from kg.queries import run_query
from kg.rdf import to_graph
from kg.store import GraphStore
from tests.conftest import DEV, SEED

#: Columns that join several values with "; " in an order SPARQL leaves open.
JOINED = {"post", "government", "participants", "counterparts"}


class SparqlOnly:
    """The store seen as a SPARQL endpoint: what ``read_contacts`` reads from a remote store."""

    def __init__(self, store: GraphStore):
        self.select = store.select


def _canonical(rows) -> list[tuple]:
    def value(column, v):
        if column in JOINED and isinstance(v, str):
            return "; ".join(sorted(v.split("; ")))
        return v

    return sorted(tuple((c, repr(value(c, v))) for c, v in sorted(row.items())) for row in rows)


def _names(store: GraphStore) -> list[str]:
    return sorted({str(r["n"]) for r in store.select(
        "SELECT ?n WHERE { ?o a diplo:Official ; foaf:name ?n }")})


def _lookups(names: list[str]) -> list[str]:
    """Full names and words (as written and in lower case) for which matching a part of a name
    (the plain reading) and matching a full name or a word (the shipped query) pick the same
    officials."""
    picked = []
    for name in names:
        for key in [name, *name.split()]:
            for spelt in (key, key.lower()):
                contains = {n for n in names if spelt.lower() in n.lower()}
                words = {n for n in names if spelt in (n, n.lower(), *n.split(),
                                                       *n.lower().split())}
                if contains == words:
                    picked.append(spelt)
    return sorted(set(picked))


def assert_same_answers(store: GraphStore) -> None:
    for name in ("officials", "timeline", "dyads", "evidence"):
        shipped = run_query(store, name).rows
        assert _canonical(shipped) == _canonical(store.select(PLAIN_QUERIES[name])), name
        # On disk the answer is kept for the store's generation (kg.result_cache) and read back.
        assert run_query(store, name).rows == shipped, name
    rows = run_query(store, "timeline").rows
    keys = [(r["date"] is None, r["date"] or "", r["kind"]) for r in rows]
    assert keys == sorted(keys), "timeline out of date order"
    lookups = _lookups(_names(store))
    assert lookups
    for key in lookups:
        shipped = run_query(store, "contacts", name=key).rows
        assert _canonical(shipped) == _canonical(
            store.select(PLAIN_QUERIES["contacts"], {"name": key})), key
    local, remote = read_contacts(store), read_contacts(SparqlOnly(store))
    assert local == remote
    for level in ("official", "government"):
        assert network_metrics(local, level).rows == network_metrics(remote, level).rows
    for project in (official_network, government_network):
        a, b = project(local), project(remote)
        assert sorted(a.nodes(data=True)) == sorted(b.nodes(data=True))
        assert _ties(a) == _ties(b)


def _ties(graph) -> list:
    return sorted((tuple(sorted((u, v))), repr(sorted(d.items()))) for u, v, d in
                  graph.edges(data=True))


def assert_derived_exact(store: GraphStore) -> None:
    kept = store.derived_triples()
    store.rebuild_derivations()
    assert store.derived_triples() == kept


def _renamed(article: Article, new_id: str, text: str | None = None) -> Article:
    meta = dataclasses.replace(article.meta, id=new_id)
    return dataclasses.replace(article, meta=meta, text=text or article.text)


@pytest.fixture(scope="module")
def corpus() -> list[Article]:
    real = load_articles([SEED, *sorted(DEV.glob("*.txt"))[:12]], lambda message: None)
    return [*real, *synthetic_corpus(30, seed=5)]


def test_query_equivalence_under_batches_replacements_and_removals(tmp_path, corpus):
    store = GraphStore.open(tmp_path / "store")
    graphs = {a.id: to_graph(extract(a)) for a in corpus}
    ids = list(graphs)
    store.replace_articles([ontology_graph(), *(graphs[i] for i in ids[:20])])
    assert_same_answers(store)
    assert_derived_exact(store)
    # A second batch that also replaces two articles by others' text under their old ids, and
    # drops one article for another that carries its text under a new id.
    swapped = [to_graph(extract(_renamed(corpus[j], ids[i]))) for i, j in ((1, 25), (3, 0))]
    moved = to_graph(extract(_renamed(corpus[5], "moved-5")))
    store.replace_articles([*(graphs[i] for i in ids[20:]), *swapped, moved], drop=[ids[5]])
    assert_same_answers(store)
    assert_derived_exact(store)
    # Removals: officials, communications and dyads that only these articles supported go.
    store.remove_articles([ids[0], ids[2], *ids[20:30], "moved-5"])
    assert_same_answers(store)
    assert_derived_exact(store)
    # The same articles written into a fresh store in one batch derive the same triples.
    remaining = [store.article_graph(i) for i in store.article_ids()]
    fresh = GraphStore.in_memory()
    fresh.replace_articles([ontology_graph(), *remaining])
    assert fresh.derived_triples() == store.derived_triples()
    # Everything removed: nothing derived is left behind.
    store.remove_articles(store.article_ids())
    assert store.derived_triples() == set()


def test_query_equivalence_old_store_is_upgraded_on_open(tmp_path, corpus):
    store = GraphStore.open(tmp_path / "store")
    store.replace_articles([ontology_graph(), *(to_graph(extract(a)) for a in corpus[:8])])
    derived = store.derived_triples()
    # A store from before derived triples: the same graphs, no derived triple.
    predicates = " ".join(f"<{p}>" for p in DERIVED_PREDICATES)
    store._update(f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?p {{ {predicates} }} ?s ?p ?o }} ;"
                  "DELETE { ?d ?p ?o } WHERE { VALUES ?c { diplo:Dyad diplo:Profile } ?d a ?c ; ?p ?o }")
    assert store.derived_triples() == set() and not store.has_current_derivations()
    del store
    copy = tmp_path / "copy"
    shutil.copytree(tmp_path / "store", copy)
    reader = GraphStore.open(copy, create=False, read_only=True)
    assert reader.derived_triples() == derived
    assert_same_answers(reader)


def test_query_equivalence_contacts_is_a_lookup_by_full_name_or_word(seed_store):
    def counterparts(key):
        return sorted({r["counterpart"] for r in run_query(seed_store, "contacts", name=key).rows})

    full = counterparts("Antony Blinken")
    assert full and full == counterparts("antony blinken") == counterparts("Blinken")
    assert counterparts("blinken") == full
    assert counterparts("Blink") == []  # part of a word is not a key
    assert list(itertools.chain(*(counterparts(w) for w in ("Nobody", "")))) == []
