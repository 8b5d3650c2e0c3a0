"""The shipped SPARQL queries on the seed, and query errors."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.errors import QueryError
from kg.ontology_files import shipped_query_names
from kg.queries import resolve_query, run_query
from tests.conftest import SEED_OFFICIALS

WEDNESDAY = dt.date(2021, 5, 12)


def test_queries_ship_the_documented_set():
    assert set(shipped_query_names()) >= {"officials", "contacts", "timeline", "dyads", "evidence"}


def test_queries_officials(seed_store):
    rows = run_query(seed_store, "officials").rows
    assert [(r["name"], r["post"], r["government"]) for r in rows] == SEED_OFFICIALS


def test_queries_contacts_of_one_official(seed_store):
    rows = run_query(seed_store, "contacts", name="blinken").rows
    assert [(r["counterpart"], r["date"], r["mode"], r["status"]) for r in rows] == [
        ("Benjamin Netanyahu", WEDNESDAY, "unspecified", "occurred"),
        ("Mahmoud Abbas", WEDNESDAY, "unspecified", "occurred"),
    ]
    amr = run_query(seed_store, "contacts", name="Hady Amr").rows
    assert sorted((r["counterpart"], r["status"]) for r in amr) == [
        ("Israel", "planned"), ("Palestinian Authority", "planned")]


def test_queries_bindings_are_values_not_query_text(seed_store):
    # A name with a quote and SPARQL syntax in it is only ever a value.
    assert run_query(seed_store, "contacts", name='O\'Brien" } UNION { ?x ?y ?z').rows == ()


def test_queries_timeline_orders_dated_first(seed_store):
    rows = run_query(seed_store, "timeline").rows
    assert [r["date"] for r in rows] == [WEDNESDAY, WEDNESDAY, WEDNESDAY, None, None]
    assert {(r["kind"], r["mode"]) for r in rows} == {
        ("contact", "unspecified"), ("statement", "press_briefing"),
        ("contact", "meeting"), ("statement", "social_media")}


def test_queries_dyads(seed_store):
    rows = run_query(seed_store, "dyads").rows
    assert [(r["government1"], r["government2"], r["contacts"], r["first"]) for r in rows] == [
        ("Israel", "United States", 2, WEDNESDAY),
        ("Palestinian Authority", "United States", 2, WEDNESDAY),
        ("Israel", "Palestinian Authority", 1, None),
    ]


def test_queries_evidence_points_into_the_article(seed_store, seed_article):
    rows = run_query(seed_store, "evidence").rows
    assert len({r["communication"] for r in rows}) == 5
    for row in rows:
        assert seed_article.text[row["begin"] : row["end"]] == row["text"]
        assert row["title"] == "Blinken speaks with Abbas, condemns rocket fire from Gaza"


def test_queries_errors():
    with pytest.raises(QueryError, match="unknown query 'nope'"):
        resolve_query("nope")


def test_queries_missing_parameter_and_syntax_error(seed_store):
    with pytest.raises(QueryError, match="needs --param name=VALUE"):
        run_query(seed_store, "contacts")
    with pytest.raises(QueryError, match="SPARQL syntax error: error at 1:"):
        run_query(seed_store, "SELECT ?x WHERE {")


def test_queries_accept_rq_files_and_construct(seed_store, tmp_path):
    path = tmp_path / "q.rq"
    path.write_text("CONSTRUCT { ?o foaf:name ?n } WHERE { ?o a diplo:Official ; foaf:name ?n }")
    result = run_query(seed_store, str(path))
    assert len(result.triples) == 5
