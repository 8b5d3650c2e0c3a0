"""Property-based tests of the extractor and the builder on hostile and random input.

CI runs a few hundred examples; ``KG_FUZZ_EXAMPLES=10000 pytest tests/test_fuzz.py`` is the long run
reported in the README.
"""

from __future__ import annotations

import datetime as dt
import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from kg.articles import parse_meta
from kg.errors import ArticleError
from kg.extract import extract
from kg.model import Article, Meta
from kg.rdf import to_graph
from kg.validate import validate_graph
from tests.conftest import DEV

EXAMPLES = int(os.environ.get("KG_FUZZ_EXAMPLES", "150"))
SENTENCES = [
    line.strip()
    for path in sorted(DEV.glob("*.txt"))[:8]
    for line in path.read_text(encoding="utf-8").split(". ")
    if 20 < len(line.strip()) < 300
]
NOISE = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200)
TEXTS = st.one_of(
    NOISE,
    st.lists(st.one_of(st.sampled_from(SENTENCES), NOISE,
                       st.sampled_from(["“", "”", '"', "<script>alert(1)</script>", "\n\n",
                                        "Mr.", "U.S.", "on Wednesday", "did not meet"])),
             max_size=12).map(" ".join),
)
DATES = st.one_of(st.none(), st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
FAST = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FAST
@given(text=TEXTS, published=DATES)
def test_fuzz_extraction_never_raises_and_spans_are_substrings(text, published):
    article = Article(Meta(id="fuzz", published=published), text)
    extraction = extract(article)
    for communication in extraction.communications:
        assert communication.participants or communication.counterpart_governments
        for span in communication.evidence:
            assert text[span.start : span.end] == span.text
    for official in extraction.officials:
        for span in official.evidence:
            assert text[span.start : span.end] == span.text
    for quote in extraction.quotes:
        assert text[quote.span.start : quote.span.end] == quote.span.text


@settings(max_examples=max(20, EXAMPLES // 5), deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=TEXTS, published=DATES, article_id=st.text(min_size=1, max_size=80))
def test_fuzz_graphs_conform_and_rebuild_identically(text, published, article_id):
    article = Article(Meta(id=article_id, published=published, title=article_id), text)
    graph = to_graph(extract(article))
    assert validate_graph(graph, article_id) == []
    assert isomorphic(graph, to_graph(extract(article)))


@FAST
@given(meta=st.dictionaries(
    st.sampled_from(["id", "title", "published", "source", "language", "other"]),
    st.one_of(st.none(), st.integers(), st.text(max_size=20), st.lists(st.integers(), max_size=2),
              st.dates().map(str)), max_size=6))
def test_fuzz_random_meta_is_read_or_refused_with_an_article_error(meta):
    try:
        parsed = parse_meta({"meta": meta}, "x.json", default_id="x")
    except ArticleError as error:
        assert str(error).startswith("x.json: meta.") and "\n" not in str(error)
    else:
        assert parsed.id
