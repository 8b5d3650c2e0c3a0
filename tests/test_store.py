"""The Oxigraph store: atomic writes, replacement by article, persistence on disk."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Graph, Literal, URIRef

from kg.errors import StoreError
from kg.extract import extract
from kg.iris import mint_graph_iri
from kg.rdf import to_graph
from kg.store import STORE_GRAPH, GraphStore
from tests.conftest import SEED_ID, folder_digest


def test_store_persists_on_disk_and_reopens(tmp_path, seed_article):
    store = GraphStore.open(tmp_path / "store")
    written = store.replace_articles([to_graph(extract(seed_article))])
    count = store.triple_count()
    del store
    reopened = GraphStore.open(tmp_path / "store", create=False, read_only=True)
    assert reopened.article_ids() == [SEED_ID]
    # The merged graph: the article's triples and the triples derived from them (kg.derived).
    assert reopened.triple_count() == count == written + len(reopened.derived_triples())


def test_store_failed_write_leaves_the_store_as_it_was(tmp_path, seed_article):
    store = GraphStore.open(tmp_path / "store")
    store.replace_articles([to_graph(extract(seed_article))])
    before = sorted(map(str, store.union_triples()))
    generation = store.generation()
    broken = Graph(identifier=mint_graph_iri("broken"))
    broken.add((URIRef("https://example.org/a"), URIRef("https://example.org/p"), Literal("x")))
    # A relative IRI cannot be written: the whole batch, good graph included, must fail.
    broken.add((URIRef("relative"), URIRef("https://example.org/p"), Literal("y")))
    good = to_graph(extract(seed_article))
    with pytest.raises(StoreError, match="write failed"):
        store.replace_articles([good, broken])
    assert sorted(map(str, store.union_triples())) == before
    assert store.article_ids() == [SEED_ID]
    assert store.generation() == generation  # a failed write leaves the generation too


def test_store_remove_drops_only_that_article(seed_store, seed_article):
    store = GraphStore.in_memory()
    store.replace_articles([to_graph(extract(seed_article))])
    assert store.remove_articles([SEED_ID, "unknown"]) == [SEED_ID]
    assert store.article_ids() == [] and store.triple_count() == 0


def test_store_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="no store here"):
        GraphStore.open(tmp_path / "nothing", create=False)


def test_store_read_only_open_changes_no_byte(tmp_path, seed_article):
    store = GraphStore.open(tmp_path / "store")
    store.replace_articles([to_graph(extract(seed_article))])
    del store
    digest = folder_digest(tmp_path / "store")
    reader = GraphStore.open(tmp_path / "store", create=False, read_only=True)
    assert reader.article_ids() == [SEED_ID]
    del reader
    assert folder_digest(tmp_path / "store") == digest


def test_store_every_write_replaces_the_generation_kept_out_of_graphs_and_counts(tmp_path,
                                                                                seed_article):
    store = GraphStore.open(tmp_path / "store")
    first = store.generation()
    assert first  # a new store has one from its first open
    store.replace_articles([to_graph(extract(seed_article))])
    second = store.generation()
    store.remove_articles([SEED_ID])
    assert len({first, second, store.generation()}) == 3
    store.replace_articles([to_graph(extract(seed_article))])
    # Bookkeeping, not knowledge: not a graph of the store, not counted, not dumped.
    assert STORE_GRAPH not in store.graph_names()
    assert store.quad_count() == store.triple_count() + len(store.article_graph(SEED_ID))
    store.dump(tmp_path / "all.nq", ox.RdfFormat.N_QUADS, {})
    assert str(STORE_GRAPH) not in (tmp_path / "all.nq").read_text(encoding="utf-8")
