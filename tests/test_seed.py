"""Golden tests on the seed article: what the graph says, read back from RDF."""

from __future__ import annotations

from rdflib import Graph
from rdflib.compare import isomorphic

from kg.build import build_in_memory
from kg.evaluation import score_article
from kg.extract import extract
from kg.rdf import to_graph
from kg.readback import read_extraction
from tests.conftest import ROOT, SEED_ID, SEED_OFFICIALS

GOLDEN = ROOT / "tests" / "golden" / f"{SEED_ID}.ttl"


def _scored_fields(communication: dict) -> tuple:
    return (
        communication["kind"],
        communication["mode"],
        communication["status"],
        tuple(sorted(communication["participants"])),
        tuple(sorted(communication["counterpart_governments"])),
        communication["initiator"],
        communication["date"],
    )


def test_seed_officials_with_post_and_government(seed_store):
    officials = read_extraction(seed_store, SEED_ID)["officials"]
    assert [(o["name"], o["position"], o["government"]) for o in officials] == SEED_OFFICIALS


def test_seed_communications_match_gold_on_every_scored_field(seed_store, seed_gold):
    predicted = {_scored_fields(c) for c in read_extraction(seed_store, SEED_ID)["communications"]}
    expected = {_scored_fields(c) for c in seed_gold["communications"] if c["participants"]}
    assert predicted == expected


def test_seed_scores_one_everywhere(seed_store, seed_gold):
    score = score_article(SEED_ID, read_extraction(seed_store, SEED_ID), seed_gold)
    assert (score.missed, score.spurious, score.wrong) == ([], [], [])


def test_seed_evidence_offsets_point_at_the_evidence_text(seed_store, seed_article):
    rows = seed_store.select(
        "SELECT ?begin ?end ?text ?sentence WHERE { ?span diplo:beginIndex ?begin ; "
        "diplo:endIndex ?end ; diplo:exactText ?text . OPTIONAL { ?span diplo:sentence ?sentence } }"
    )
    assert len(rows) >= 10
    for row in rows:
        assert seed_article.text[row["begin"] : row["end"]] == row["text"]
        if row["sentence"]:
            assert row["text"] in row["sentence"] and row["sentence"] in seed_article.text


def test_seed_gold_evidence_lies_inside_our_evidence_sentences(seed_store, seed_gold):
    sentences = [r["sentence"] for r in seed_store.select(
        "SELECT ?sentence WHERE { ?c diplo:hasParticipant ?p ; diplo:hasEvidence/diplo:sentence ?sentence }")]
    for communication in seed_gold["communications"]:
        if communication["participants"]:
            assert any(communication["evidence"] in s for s in sentences), communication["evidence"]


def test_seed_rebuild_is_isomorphic(seed_article):
    first = to_graph(extract(seed_article))
    second = to_graph(extract(seed_article))
    assert isomorphic(first, second)
    assert not any((term is None) for triple in first for term in triple)


def test_seed_graph_equals_golden_file(seed_article, update_golden):
    graph = to_graph(extract(seed_article))
    if update_golden or not GOLDEN.exists():
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(graph.serialize(format="turtle"), encoding="utf-8")
    golden = Graph().parse(GOLDEN, format="turtle")
    assert isomorphic(graph, golden), "seed graph changed; check it, then run pytest --update-golden"


def test_seed_reingest_replaces_the_article_graph(seed_article):
    store = build_in_memory([seed_article])
    before = store.triple_count()
    store.replace_articles([to_graph(extract(seed_article))])
    assert store.triple_count() == before
    assert store.article_ids() == [SEED_ID]
