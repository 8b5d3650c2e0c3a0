"""Ingest at scale: JSON Lines and stdin, incremental adds, replacement, removal, merging."""

from __future__ import annotations

import io
import json

import pytest

from kg.build import build, remove
from kg.errors import ArticleError
from kg.queries import run_query
from kg.store import GraphStore

CALL = ("Russian President Vladimir Putin phoned French President Emmanuel Macron on Thursday "
        "about Ukraine.")
CALL_AGAIN = ("French President Emmanuel Macron spoke by phone with Russian President Vladimir "
              "Putin on Thursday, the Elysee said.")
OTHER = "German Chancellor Olaf Scholz met Israeli Prime Minister Naftali Bennett on Wednesday."


def corpus(path, *records):
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def article(article_id, text, published="2022-03-11"):
    return {"id": article_id, "text": text, "meta": {"published": published, "title": article_id}}


def communications(store):
    return store.select(
        "SELECT ?c (COUNT(DISTINCT ?span) AS ?spans) (COUNT(DISTINCT ?article) AS ?articles) "
        "WHERE { ?c a diplo:Contact ; diplo:hasEvidence ?span . ?span diplo:inArticle ?article } "
        "GROUP BY ?c")


def test_build_jsonl_and_incremental_add(tmp_path):
    store_path = tmp_path / "store"
    first = build([corpus(tmp_path / "a.jsonl", article("a1", CALL))], store_path, None)
    assert (first.articles, first.communications) == (1, 1)
    second = build([corpus(tmp_path / "b.jsonl", article("b1", OTHER))], store_path, None)
    assert second.articles == 1
    store = GraphStore.open(store_path, create=False, read_only=True)
    assert store.article_ids() == ["a1", "b1"]


def test_build_same_call_in_two_articles_is_one_communication_until_one_is_removed(tmp_path):
    store_path = tmp_path / "store"
    build([corpus(tmp_path / "c.jsonl", article("a1", CALL), article("a2", CALL_AGAIN))],
          store_path, None)
    store = GraphStore.open(store_path, create=False)
    rows = communications(store)
    assert [(r["spans"], r["articles"]) for r in rows] == [(2, 2)]
    del store
    assert remove(["a2"], store_path, None) == ["a2"]
    store = GraphStore.open(store_path, create=False)
    assert [(r["spans"], r["articles"]) for r in communications(store)] == [(1, 1)]
    officials = {row["name"] for row in run_query(store, "officials").rows}
    assert officials == {"Vladimir Putin", "Emmanuel Macron"}


def test_build_reingest_replaces_by_id_and_by_text(tmp_path):
    store_path = tmp_path / "store"
    build([corpus(tmp_path / "c.jsonl", article("a1", CALL), article("b1", OTHER))], store_path, None)
    before = GraphStore.open(store_path).triple_count()
    again = build([corpus(tmp_path / "d.jsonl", article("a1", CALL))], store_path, None)
    assert again.replaced == 0 and GraphStore.open(store_path).triple_count() == before
    renamed = build([corpus(tmp_path / "e.jsonl", article("a1-copy", CALL))], store_path, None)
    assert renamed.replaced == 1
    assert GraphStore.open(store_path).article_ids() == ["a1-copy", "b1"]


def test_build_stdin(tmp_path, monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(article("s1", CALL)) + "\n"))
    summary = build(["-"], tmp_path / "store", None)
    assert (summary.articles, summary.communications) == (1, 1)


def test_build_bad_line_names_file_and_line_and_writes_nothing(tmp_path):
    store_path = tmp_path / "store"
    build([corpus(tmp_path / "ok.jsonl", article("a1", CALL))], store_path, None)
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(article("b1", OTHER)) + "\n{not json}\n", encoding="utf-8")
    with pytest.raises(ArticleError, match=r"bad.jsonl:2:2: invalid JSON"):
        build([bad], store_path, None)
    assert GraphStore.open(store_path).article_ids() == ["a1"]


@pytest.mark.parametrize("distinct", [True, False])
def test_build_parallel_batched_extraction_gives_the_same_graph(tmp_path, distinct):
    texts = [CALL, OTHER, CALL_AGAIN] * 3
    records = [article(f"a{i}", f"{text} Report {i}." if distinct else text)
               for i, text in enumerate(texts)]
    source = corpus(tmp_path / "c.jsonl", *records)
    build([source], tmp_path / "one", None, jobs=1)
    build([source], tmp_path / "two", None, jobs=2, batch_size=4)
    one, two = GraphStore.open(tmp_path / "one"), GraphStore.open(tmp_path / "two")
    assert sorted(map(str, one.union_triples())) == sorted(map(str, two.union_triples()))
    # The same text under several ids: the last id wins.
    assert one.article_ids() == ([f"a{i}" for i in range(9)] if distinct else ["a6", "a7", "a8"])


def test_build_refuses_one_id_twice_in_a_jsonl_naming_both_lines(tmp_path):
    store_path = tmp_path / "store"
    build([corpus(tmp_path / "ok.jsonl", article("a1", CALL))], store_path, None)
    twice = corpus(tmp_path / "twice.jsonl", article("b1", OTHER), article("x", CALL_AGAIN),
                   article("b1", CALL))
    with pytest.raises(ArticleError) as error:
        build([twice], store_path, None)
    assert str(error.value) == (f"{twice}:3: article id 'b1' is already used by {twice}:1 "
                                f"(each article needs its own id)")
    assert GraphStore.open(store_path).article_ids() == ["a1"]


def test_build_refuses_two_sidecars_with_one_meta_id(tmp_path):
    for name, text in (("first", CALL), ("second", OTHER)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.json").write_text(json.dumps({"meta": {"id": "same"}}),
                                               encoding="utf-8")
    with pytest.raises(ArticleError, match=r"second.json: article id 'same' is already used by "
                                           r".*first.json"):
        build([tmp_path], tmp_path / "store", None)
    assert not (tmp_path / "store").exists()


def test_build_exports_go_beside_the_store_unless_told(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    source = corpus(tmp_path / "c.jsonl", article("a1", CALL))
    summary = build([source], tmp_path / "news" / "store")
    assert summary.exports == (tmp_path / "news" / "graph.ttl", tmp_path / "news" / "graph.jsonld")
    assert not (tmp_path / "exports").exists()
    elsewhere = build([source], tmp_path / "news" / "store", tmp_path / "out")
    assert elsewhere.exports[0] == tmp_path / "out" / "graph.ttl"


def test_build_records_the_articles_it_wrote_beside_the_store(tmp_path):
    from kg.changes import Changes, changes_path, read_changes

    store_path = tmp_path / "store"
    build([corpus(tmp_path / "a.jsonl", article("a1", CALL), article("b1", OTHER))], store_path,
          None)
    assert changes_path(store_path) == tmp_path / "store.changes.json"
    assert read_changes(store_path) == Changes(("a1", "b1"), complete=True)
    # The same text under a new id replaces a1: the record holds what this build wrote.
    build([corpus(tmp_path / "b.jsonl", article("a1-copy", CALL))], store_path, None)
    assert read_changes(store_path) == Changes(("a1-copy",), complete=True)


def test_remove_of_an_unknown_id_removes_nothing(tmp_path):
    from kg.errors import NotInStoreError

    store_path = tmp_path / "store"
    build([corpus(tmp_path / "a.jsonl", article("a1", CALL), article("b1", OTHER))], store_path,
          None)
    with pytest.raises(NotInStoreError, match=r"no article 'nope' in the store \(nothing removed\)"):
        remove(["a1", "nope"], store_path, None)
    assert GraphStore.open(store_path).article_ids() == ["a1", "b1"]


def test_build_compacts_the_store_after_writing_a_large_share_of_it_only(tmp_path, monkeypatch):
    compacted: list[int] = []
    original = GraphStore.compact

    def counting(store):
        compacted.append(len(store.article_ids()))
        original(store)

    monkeypatch.setattr(GraphStore, "compact", counting)
    store_path = tmp_path / "store"
    texts = [CALL, OTHER] + [f"German Chancellor Olaf Scholz met Israeli Prime Minister Naftali "
                             f"Bennett on day {n}." for n in range(10)]
    records = [article(f"a{n}", text) for n, text in enumerate(texts)]
    build([corpus(tmp_path / "many.jsonl", *records[:-1])], store_path, None)
    assert compacted == [11]  # a new store: the whole store was written
    build([corpus(tmp_path / "one.jsonl", records[-1])], store_path, None)
    assert compacted == [11]  # one article of twelve: not worth compacting the store
    # compaction changes no quad
    store = GraphStore.open(store_path, create=False)
    every = "SELECT * WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = {tuple(row.values()) for row in store.select(every)}
    store.compact()
    assert {tuple(row.values()) for row in store.select(every)} == before != set()
