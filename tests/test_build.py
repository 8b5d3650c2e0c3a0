"""Ingest at scale: JSON Lines and stdin, incremental adds, replacement, removal, merging."""

from __future__ import annotations

import io
import json

import pytest

from kg.build import build, remove
from kg.errors import ArticleError
from kg.queries import resolve_query, run_query
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


# -- answers kept by the commands that write (kg.result_cache.keep_answers) -------------------


def _kept_files(store_path, generation) -> set:
    """The files that hold the answers of every parameterless shipped query at ``generation``."""
    from kg.result_cache import cache_file, kept_queries

    return {cache_file(store_path, generation, sparql) for sparql in kept_queries().values()}


def _assert_kept_answers_are_a_fresh_evaluation(store) -> None:
    """Each kept file holds what the engine answers now (read from the file, not evaluated)."""
    import pyoxigraph as ox

    from kg.result_cache import FORMAT, cache_file, kept_queries
    from kg.store import to_python

    for name, sparql in kept_queries().items():
        kept = ox.parse_query_results(
            cache_file(store.location, store.generation(), sparql).read_bytes(), format=FORMAT)
        columns = [v.value for v in kept.variables]
        rows = [{c: to_python(solution[c]) for c in columns} for solution in kept]
        assert rows == store.select(sparql) != [], name


def test_kg_build_keeps_the_answers_and_the_first_kg_query_reads_them(tmp_path, runner):
    from kg.cli import cli
    from kg.result_cache import cache_file, cache_folder
    from tests.conftest import SEED

    store_path = tmp_path / "store"
    result = runner.invoke(cli, ["build", str(SEED), "--store", str(store_path), "--no-exports",
                                 "--quiet"], catch_exceptions=False)
    assert result.exit_code == 0 and result.stderr == ""
    store = GraphStore.open(store_path, create=False, read_only=True)
    # Kept for the generation the build left, and only those: nothing was asked yet.
    assert set(cache_folder(store_path).iterdir()) == _kept_files(store_path, store.generation())
    _assert_kept_answers_are_a_fresh_evaluation(store)
    # The first kg query reads the kept file: an answer edited in it is what kg query prints.
    evaluated = store.select(resolve_query("timeline"))
    kept = cache_file(store_path, store.generation(), resolve_query("timeline"))
    kept.write_bytes(kept.read_bytes().split(b"\n", 1)[0] + b"\n")
    del store
    out = runner.invoke(cli, ["query", "timeline", "--store", str(store_path), "-f", "json"],
                        catch_exceptions=False)
    assert json.loads(out.output) == [] != evaluated


def test_kg_build_and_remove_with_no_keep_leave_the_answers_to_the_first_query(tmp_path, runner):
    from kg.cli import cli
    from kg.result_cache import cache_folder

    store_path = tmp_path / "store"
    records = [article("a1", CALL), article("b1", OTHER)]
    for command in (["build", str(corpus(tmp_path / "c.jsonl", *records))], ["remove", "b1"]):
        result = runner.invoke(cli, [*command, "--store", str(store_path), "--no-keep"],
                               catch_exceptions=False)
        assert result.exit_code == 0, result.output
        assert not cache_folder(store_path).exists()
    out = runner.invoke(cli, ["query", "timeline", "--store", str(store_path), "-f", "json"],
                        catch_exceptions=False)
    assert out.exit_code == 0 and json.loads(out.output)  # evaluated when first asked
    assert any(cache_folder(store_path).iterdir())


def test_build_keeps_the_answers_once_after_its_last_batch(tmp_path, monkeypatch):
    import kg.result_cache

    calls: list[str] = []
    keep = kg.result_cache.keep_answers

    def counting(store, warn=None):
        calls.append(store.generation())
        return keep(store, warn)

    monkeypatch.setattr(kg.result_cache, "keep_answers", counting)
    store_path = tmp_path / "store"
    records = [article("a1", CALL), article("b1", OTHER), article("c1", CALL_AGAIN)]
    build([corpus(tmp_path / "c.jsonl", *records)], store_path, None, batch_size=1)
    store = GraphStore.open(store_path, create=False, read_only=True)
    assert calls == [store.generation()]  # once, at the generation of the last write
    assert set((tmp_path / "store.cache").iterdir()) == _kept_files(store_path, calls[0])
    del store
    # Asked not to, a build keeps nothing.
    build([corpus(tmp_path / "d.jsonl", article("d1", OTHER))], tmp_path / "other", None,
          keep_answers=False)
    assert len(calls) == 1 and not (tmp_path / "other.cache").exists()


def test_kg_remove_keeps_the_answers_of_the_new_generation(tmp_path, runner):
    from kg.cli import cli
    from kg.result_cache import cache_folder
    from tests.conftest import SEED

    store_path = tmp_path / "store"
    source = corpus(tmp_path / "a.jsonl", article("a1", CALL))
    runner.invoke(cli, ["build", str(SEED), str(source), "--store", str(store_path),
                        "--no-exports", "--quiet"], catch_exceptions=False)
    before = GraphStore.open(store_path, create=False, read_only=True).generation()
    result = runner.invoke(cli, ["remove", "a1", "--store", str(store_path)],
                           catch_exceptions=False)
    assert result.output == "removed: a1\n"
    store = GraphStore.open(store_path, create=False, read_only=True)
    assert store.generation() != before and store.article_ids() == [SEED.stem]
    assert set(cache_folder(store_path).iterdir()) == _kept_files(store_path, store.generation())
    _assert_kept_answers_are_a_fresh_evaluation(store)


def test_kg_build_into_a_store_whose_answers_cannot_be_kept_builds_the_same_graph(tmp_path,
                                                                                   runner):
    from kg.cli import cli
    from tests.conftest import SEED

    # The folder of kept answers cannot be made: a file has its name.
    (tmp_path / "store.cache").write_text("not a folder", encoding="utf-8")
    result = runner.invoke(cli, ["build", str(SEED), "--store", str(tmp_path / "store"),
                                 "--no-exports"], catch_exceptions=False)
    assert result.exit_code == 0 and "built 1 article(s)" in result.output
    assert (f"kg: warning: {tmp_path / 'store.cache'}: query answers not kept ("
            in result.stderr)
    assert "they are evaluated when first asked" in result.stderr
    build([SEED], tmp_path / "plain", None)
    store = GraphStore.open(tmp_path / "store", create=False, read_only=True)
    plain = GraphStore.open(tmp_path / "plain", create=False, read_only=True)
    assert sorted(map(str, store.union_triples())) == sorted(map(str, plain.union_triples()))
    assert store.article_ids() == plain.article_ids() == [SEED.stem]
    # And the questions are answered all the same, evaluated.
    del store
    out = runner.invoke(cli, ["query", "timeline", "--store", str(tmp_path / "store"), "-f",
                              "json"], catch_exceptions=False)
    assert len(json.loads(out.output)) == len(plain.select(resolve_query("timeline"))) > 0
