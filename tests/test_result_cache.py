"""Kept results (kg.result_cache): the parameterless shipped queries are answered from the result
kept for the store's generation, and never from one of another generation, whatever happened to
the store (writes, removals, a SIGKILL during a build, a reader killed while keeping a result)."""

from __future__ import annotations

import json
import random
import shutil
import signal
import subprocess
import sys
import time

from click.testing import CliRunner

from kg.bench import synthetic_corpus
from kg.cli import cli
from kg.extract import extract
from kg.ontology_files import ontology_graph
from kg.queries import resolve_query, run_query
from kg.rdf import to_graph
from kg.result_cache import cache_file, cache_folder
from kg.store import GraphStore

KEPT = ("officials", "timeline", "dyads", "evidence")


def _evaluated(store: GraphStore, name: str) -> tuple:
    """The query's rows evaluated by the engine now, as run_query gives them."""
    return tuple(store.select(resolve_query(name)))


def _assert_answers_are_the_stores(store: GraphStore) -> None:
    for name in KEPT:
        first = run_query(store, name).rows
        assert first == _evaluated(store, name), name
        assert cache_file(store.location, store.generation(), resolve_query(name)).exists(), name
        assert run_query(store, name).rows == first, name  # read back from the kept result


def _store(tmp_path) -> tuple[GraphStore, list]:
    """A store on disk of 8 articles, and the graphs of 4 more."""
    store = GraphStore.open(tmp_path / "store")
    graphs = [to_graph(extract(a)) for a in synthetic_corpus(12, seed=3)]
    store.replace_articles([ontology_graph(), *graphs[:8]])
    return store, graphs[8:]


def test_result_cache_serves_the_kept_result_until_a_write(tmp_path):
    store, extra = _store(tmp_path)
    _assert_answers_are_the_stores(store)
    # What is kept is what is served: an emptied result is answered as it is.
    sparql = resolve_query("timeline")
    kept = cache_file(store.location, store.generation(), sparql)
    header = kept.read_bytes().split(b"\n", 1)[0]
    kept.write_bytes(header + b"\n")
    assert run_query(store, "timeline").rows == ()
    out = CliRunner().invoke(cli, ["query", "timeline", "--store", str(store.location),
                                   "-f", "json"], catch_exceptions=False)
    assert json.loads(out.output) == []  # kg query reads it too
    # A write names a new generation: the old result is not served, and goes when a new one is
    # kept; so do replacements and removals.
    store.replace_articles(extra)
    _assert_answers_are_the_stores(store)
    assert not kept.exists()
    store.replace_articles([], drop=store.article_ids()[:3])
    _assert_answers_are_the_stores(store)
    # Queries with parameters, and text that is not a shipped query, are evaluated every time.
    names = {p.name for p in cache_folder(store.location).iterdir()}
    run_query(store, "contacts", name="nobody")
    run_query(store, "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1")
    assert {p.name for p in cache_folder(store.location).iterdir()} == names


def test_result_cache_leftovers_of_a_killed_reader_are_never_served(tmp_path):
    store, _ = _store(tmp_path)
    sparql = resolve_query("evidence")
    folder = cache_folder(store.location)
    folder.mkdir()
    # A reader killed while keeping a result leaves a partial file; one of another generation is
    # what any write leaves behind.
    (folder / ".partial-x").write_bytes(b"?communication\n")
    stale = cache_file(store.location, "0" * 32, sparql)
    stale.write_bytes(b"?communication\n")
    assert run_query(store, "evidence").rows == _evaluated(store, "evidence") != ()
    assert sorted(p.name for p in folder.iterdir()) == [
        cache_file(store.location, store.generation(), sparql).name]


def _more_articles(path, count: int, seed: int):
    """A JSON Lines corpus of ``count`` synthetic articles with ids apart from the store's."""
    with path.open("w", encoding="utf-8") as stream:
        for article in synthetic_corpus(count, seed=seed):
            stream.write(json.dumps({"id": f"more-{article.id}", "text": article.text,
                                     "meta": {"published": article.meta.published.isoformat()}})
                         + "\n")
    return path


def test_result_cache_exact_after_sigkill_during_a_build(tmp_path):
    store, _ = _store(tmp_path)
    corpus = _more_articles(tmp_path / "more.jsonl", 160, seed=9)
    location = store.location
    _assert_answers_are_the_stores(store)  # results kept before the build
    del store  # the build needs the store's lock
    command = [sys.executable, "-m", "kg", "build", str(corpus), "--store", str(location),
               "--no-exports", "--batch-size", "5", "--quiet"]
    # Kills land within the time a whole build takes on this machine, measured first on a copy
    # (a loaded machine can take seconds just to start, and must still be killed mid-write).
    copy = tmp_path / "copy"
    shutil.copytree(location, copy)
    started = time.monotonic()
    subprocess.run([*command[:6], str(copy), *command[7:]], capture_output=True, check=True)
    whole = time.monotonic() - started
    rng = random.Random(7)
    counts = {8}
    for _ in range(3):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.4, 0.95) * whole)
        process.send_signal(signal.SIGKILL)
        process.wait()
        reader = GraphStore.open(location, create=False, read_only=True)
        _assert_answers_are_the_stores(reader)
        counts.add(len(reader.article_ids()))
        del reader
    assert len(counts) > 1, "no build got as far as a write before its kill"


def test_keep_answers_keeps_every_parameterless_answer_for_the_current_generation(
        tmp_path, monkeypatch):
    from kg.result_cache import keep_answers, kept_queries

    assert keep_answers(GraphStore.in_memory()) == {}  # nothing to keep beside a store in memory
    store, extra = _store(tmp_path)
    kept = keep_answers(store)
    assert set(kept) == set(KEPT) == set(kept_queries())
    assert kept == {name: cache_file(store.location, store.generation(), resolve_query(name))
                    for name in KEPT}
    assert set(cache_folder(store.location).iterdir()) == set(kept.values())
    # Kept already for this generation: not evaluated again, and read by run_query.
    monkeypatch.setattr(GraphStore, "query", lambda *a, **k: (_ for _ in ()).throw(AssertionError))
    assert keep_answers(store) == kept
    for name in KEPT:
        assert run_query(store, name).rows  # read back: GraphStore.query would fail
    monkeypatch.undo()
    # After a write, the new generation's answers replace the old ones.
    store.replace_articles(extra)
    again = keep_answers(store)
    assert set(cache_folder(store.location).iterdir()) == set(again.values())
    assert not set(again.values()) & set(kept.values())
    _assert_answers_are_the_stores(store)


def test_a_build_on_a_full_disk_keeps_no_answer_warns_and_succeeds(tmp_path, monkeypatch):
    import errno
    import os

    import kg.result_cache
    from kg.build import build

    store, _ = _store(tmp_path)
    before = sorted(map(str, store.union_triples()))
    location = store.location
    del store
    corpus = _more_articles(tmp_path / "more.jsonl", 3, seed=5)

    class FullDisk:  # os as kg.result_cache sees it, on a disk that is full
        def __getattr__(self, name):
            return getattr(os, name)

        @staticmethod
        def fsync(_descriptor):
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(kg.result_cache, "os", FullDisk())
    warnings: list[str] = []
    summary = build([corpus], location, None, warn=warnings.append)
    assert summary.articles == 3 and summary.store_triples > len(before)
    warning = (f"{cache_folder(location)}: query answers not kept (No space left on device); "
               "they are evaluated when first asked")
    assert warnings == [warning]
    assert list(cache_folder(location).iterdir()) == []  # no partial file left behind
    monkeypatch.undo()
    store = GraphStore.open(location, create=False)
    assert len(store.article_ids()) == 11
    _assert_answers_are_the_stores(store)  # evaluated on first query, then kept
