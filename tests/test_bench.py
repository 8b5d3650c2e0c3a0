"""The benchmark's corpus generator and one tiny scale, end to end (no timing asserted)."""

from __future__ import annotations

import json

from click.testing import CliRunner

from kg.bench import measure_scale, ratio_lines, synthetic_corpus
from kg.cli import cli
from kg.extract import extract


def test_bench_corpus_is_deterministic_and_extractable():
    articles = synthetic_corpus(20, seed=3)
    assert articles == synthetic_corpus(20, seed=3) != synthetic_corpus(20, seed=4)
    extraction = extract(articles[0])
    assert len(extraction.officials) == 3
    assert {c.mode.value for c in extraction.communications} == {"meeting", "phone", "press_briefing"}


def test_bench_measures_every_field_at_a_small_scale():
    result = measure_scale(60, seed=1, baseline=True, repeat=1)
    assert result.articles == 60 and result.triples > 60 * 50
    assert result.baseline_query_p50_ms > 0 and result.query_speedup > 0
    assert result.add_one_ms > 0 and result.store_mb > 0 and result.metrics_s > 0
    # Every shipped query, its plain reading and DuckDB on the flat tables give as many rows,
    # and DuckDB's are the engine's, value for value.
    assert set(result.queries) == {"officials", "contacts", "timeline", "dyads", "evidence"}
    for name, figures in result.queries.items():
        assert figures["rows"] == figures["plain_rows"] == figures["duckdb_rows"] > 0, name
        assert figures["duckdb_same_rows"] is True, name
        assert figures["shipped_ms"] > 0 and figures["speedup"] > 0 and figures["vs_duckdb"] is not None
    assert result.contacts_lookup_rows == result.queries["contacts"]["rows"]
    assert result.min_query_speedup == min(q["speedup"] for q in result.queries.values())
    # Parameterless queries are also timed answered from the kept result, cold and warm.
    kept = {name for name, q in result.queries.items() if "warm_ms" in q}
    assert kept == {"officials", "timeline", "dyads", "evidence"}
    for name in kept:
        figures = result.queries[name]
        assert figures["cold_ms"] > 0 and figures["warm_ms"] > 0, name
        assert figures["warm_speedup"] == round(figures["plain_ms"] / figures["warm_ms"], 1)
    assert result.min_warm_speedup == min(q.get("warm_speedup", q["speedup"])
                                          for q in result.queries.values())
    # What kg build adds to keep those answers after its last write, reported apart.
    assert result.keep_s > 0
    assert f"answers kept by the build in {result.keep_s:g} s" in ratio_lines([result])[1]
    for ratio in ("metrics_vs_networkx", "viz_vs_in_memory", "export_vs_networkx"):
        assert getattr(result, ratio) > 0, ratio


def test_bench_cli_json_has_the_documented_keys():
    result = CliRunner().invoke(cli, ["bench", "--scales", "20", "--no-baseline", "--no-network", "--json"],
                                catch_exceptions=False)
    (scale,) = json.loads(result.output)["scales"]
    assert {"articles", "triples", "ingest_articles_per_s", "store_mb", "peak_rss_mb",
            "query_p50_ms", "query_p95_ms", "baseline_query_p50_ms", "query_speedup",
            "add_one_ms", "metrics_s", "baseline_metrics_s", "keep_s"} <= set(scale)
    assert scale["articles"] == 20 and scale["baseline_query_p50_ms"] is None
    assert scale["keep_s"] > 0


def test_capped_baseline_query_is_stopped_at_the_cap_and_failures_are_told_apart():
    import time

    from kg.bench import _capped_ms

    assert _capped_ms(lambda: time.sleep(30), 0.5) == 500  # killed at the cap, not awaited
    assert 0 <= _capped_ms(lambda: sum(range(1000)), 10) < 10_000
    assert _capped_ms(lambda: 1 / 0, 10) is None


def test_bench_dense_extraction_reports_every_length():
    from kg.bench import dense_extraction

    report = dense_extraction((20, 40))
    assert report["lines"] == [20, 40]
    assert len(report["repeated_s"]) == len(report["distinct_s"]) == 2
    assert all(value >= 0 for value in report["seconds_per_1000_lines"])
