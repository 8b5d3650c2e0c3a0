"""SHACL validation: the seed conforms, and broken graphs are reported."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.extract import extract
from kg.namespaces import DIPLO
from kg.rdf import to_graph
from kg.validate import validate_graph, validate_store


def test_validate_seed_conforms(seed_store):
    report = validate_store(seed_store)
    assert report.conforms and report.articles == 1


def _first(graph, predicate):
    return next(graph.subject_objects(predicate))


@pytest.mark.parametrize(
    ("break_it", "message"),
    [
        (lambda g: g.remove((None, DIPLO.status, None)), "exactly one status"),
        (lambda g: g.add((_first(g, DIPLO.date)[0], DIPLO.date, Literal("2021-05-13", datatype=XSD.date))),
         "at most one date"),
        (lambda g: g.set((_first(g, DIPLO.date)[0], DIPLO.date, Literal("Wednesday"))),
         "at most one date"),
        (lambda g: g.remove((None, DIPLO.hasEvidence, None)), "point at the text"),
        (lambda g: g.set((_first(g, DIPLO.exactText)[0], DIPLO.exactText, Literal("forged"))),
         "article text between its offsets"),
        (lambda g: g.add((_first(g, DIPLO.hasParticipant)[0], DIPLO.initiatedBy,
                          URIRef("https://w3id.org/kg-diplo/id/official/nobody"))),
         "initiator must be one of the participants"),
    ],
)
def test_validate_reports_broken_graphs(seed_article, break_it, message):
    graph = to_graph(extract(seed_article))
    break_it(graph)
    violations = validate_graph(graph, "seed")
    assert any(message in v.message for v in violations), [str(v) for v in violations]


CALL = ("Russian President Vladimir Putin phoned French President Emmanuel Macron on Thursday "
        "about Ukraine.")
OTHER = "German Chancellor Olaf Scholz met Israeli Prime Minister Naftali Bennett on Wednesday."
THIRD = "Turkish President Recep Tayyip Erdogan met Finnish President Sauli Niinisto on Monday."


def _jsonl(path, *records):
    import json

    path.write_text("".join(json.dumps({"id": i, "text": t, "meta": {"published": "2022-03-11"}})
                            + "\n" for i, t in records), encoding="utf-8")
    return path


def _break(store_path, article_id):
    """Remove the status of the communications of one article graph, behind kg's back."""
    import pyoxigraph as ox

    from kg.iris import mint_graph_iri
    from kg.namespaces import PREFIXES

    store = ox.Store(str(store_path))
    store.update(f"DELETE WHERE {{ GRAPH <{mint_graph_iri(article_id)}> {{ ?c diplo:status ?s }} }}",
                 prefixes=PREFIXES)
    store.flush()
    del store


@pytest.fixture
def two_builds(tmp_path, monkeypatch, runner):
    """A store built twice: a1 and b1 first (b1 then broken), c1 alone by the last build."""
    from kg.cli import cli

    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("KG_STORE", raising=False)
    first = _jsonl(tmp_path / "first.jsonl", ("a1", CALL), ("b1", OTHER))
    assert runner.invoke(cli, ["build", str(first), "-q"]).exit_code == 0
    _break(tmp_path / "exports" / "store", "b1")
    second = _jsonl(tmp_path / "second.jsonl", ("c1", THIRD))
    assert runner.invoke(cli, ["build", str(second), "-q"]).exit_code == 0
    return tmp_path


def test_validate_checks_what_the_last_build_wrote_unless_all(two_builds, runner):
    from kg.cli import cli

    changed = runner.invoke(cli, ["validate"], catch_exceptions=False)
    assert (changed.exit_code, changed.stdout) == (0, (
        "conforms: 1 article graph(s) (written by the last build; --all checks all 3) pass "
        "ontology/shapes.ttl\n"))
    every = runner.invoke(cli, ["validate", "--all"])
    assert every.exit_code == 6
    assert every.stderr.endswith(" violation(s) in 3 article graph(s)\n")
    assert every.stdout and all(line.startswith("b1: ") for line in every.stdout.splitlines())


def test_validate_jobs_give_the_same_report(two_builds, runner):
    from kg.cli import cli

    one = runner.invoke(cli, ["validate", "--all"])
    two = runner.invoke(cli, ["validate", "--all", "--jobs", "2"])
    assert (two.exit_code, two.stdout, two.stderr) == (one.exit_code, one.stdout, one.stderr)


def test_validate_without_a_record_checks_everything(two_builds, runner):
    from kg.cli import cli

    (two_builds / "exports" / "store.changes.json").unlink()
    assert runner.invoke(cli, ["validate"]).exit_code == 6


def test_validate_shows_progress_on_a_terminal(two_builds):
    import os
    import pty
    import subprocess
    import sys

    from tests.conftest import ROOT

    leader, follower = pty.openpty()
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.run([sys.executable, "-m", "kg", "validate", "--all"], cwd=two_builds,
                             stdout=subprocess.PIPE, stderr=follower, env=environment, timeout=120,
                             check=False)
    os.close(follower)
    seen = b""
    while True:
        try:
            chunk = os.read(leader, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(leader)
    assert process.returncode == 6
    assert b"validating" in seen and b"100%" in seen, seen
