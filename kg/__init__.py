"""kg: a knowledge graph of diplomatic relations built from news articles.

The flow is ``articles -> extraction -> RDF graph -> {SPARQL, metrics, views, exports}``; each
stage is a module, and this package re-exports the calls a notebook user needs.

>>> from kg import read_article, build_in_memory, run_query
>>> store = build_in_memory([read_article("seeds/blinken-abbas-netanyahu-2021-05-12.txt")])
>>> [row["name"] for row in run_query(store, "officials").rows][:2]
['Antony Blinken', 'Benjamin Netanyahu']
"""

__version__ = "0.1.0"

from kg.articles import load_articles, read_article
from kg.build import build, build_in_memory
from kg.errors import ArticleError, KgError, QueryError, StoreError, ValidationError
from kg.evaluation import evaluate
from kg.extract import extract
from kg.queries import run_query
from kg.rdf import to_dataset, to_graph
from kg.readback import read_extraction
from kg.store import GraphStore
from kg.validate import validate_store

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
