"""kg: a knowledge graph of diplomatic relations built from news articles.

The flow is ``articles -> extraction -> RDF graph -> {SPARQL, metrics, views, exports}``; each
stage is a module, and this package re-exports the calls a notebook user needs.

>>> from kg import read_article, build_in_memory, run_query
>>> store = build_in_memory([read_article("seeds/blinken-abbas-netanyahu-2021-05-12.txt")])
>>> [row["name"] for row in run_query(store, "officials").rows][:2]
['Antony Blinken', 'Benjamin Netanyahu']
"""

__version__ = "0.1.0"

from kg.articles import load_articles, read_article  # noqa: E402
from kg.build import build, build_in_memory  # noqa: E402
from kg.errors import ArticleError, KgError, QueryError, StoreError, ValidationError  # noqa: E402
from kg.evaluation import evaluate  # noqa: E402
from kg.extract import extract  # noqa: E402
from kg.queries import run_query  # noqa: E402
from kg.rdf import to_dataset, to_graph  # noqa: E402
from kg.readback import read_extraction  # noqa: E402
from kg.store import GraphStore  # noqa: E402
from kg.validate import validate_store  # noqa: E402

__all__ = [
    "ArticleError",
    "GraphStore",
    "KgError",
    "QueryError",
    "StoreError",
    "ValidationError",
    "build",
    "build_in_memory",
    "evaluate",
    "extract",
    "load_articles",
    "read_article",
    "read_extraction",
    "run_query",
    "to_dataset",
    "to_graph",
    "validate_store",
]
