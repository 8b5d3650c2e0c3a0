"""The build: articles -> extractions -> article graphs -> the store and ``exports/``.

This is the library API behind ``kg build``; a notebook can call it directly.

>>> from kg.articles import read_article
>>> store = build_in_memory([read_article("seeds/blinken-abbas-netanyahu-2021-05-12.txt")])
>>> store.article_ids()
['blinken-abbas-netanyahu-2021-05-12']
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.articles import Warn, load_articles
from kg.exports import write_graph_exports
from kg.extract import extract
from kg.model import Article, Extraction
from kg.ontology_files import ontology_graph
from kg.rdf import to_graph
from kg.store import GraphStore

#: The folder ``kg build`` reads when given no source.
DEFAULT_SOURCES = ("seeds",)
DEFAULT_EXPORTS = Path("exports")

Progress = Callable[[int], None]


@dataclass(frozen=True)
class BuildSummary:
    """What a build did: counts over the articles it wrote, and where it wrote them."""

    articles: int
    officials: int
    communications: int
    triples_written: int
    store_triples: int
    store: Path | None
    exports: tuple[Path, ...]
    warnings: tuple[str, ...]


def extract_all(articles: Iterable[Article], progress: Progress | None = None) -> list[Extraction]:
    """Extract every article (a pure map: any parallel engine can run :func:`kg.extract.extract`)."""
    extractions = []
    for article in articles:
        extractions.append(extract(article))
        if progress:
            progress(1)
    return extractions


def build_in_memory(articles: Sequence[Article]) -> GraphStore:
    """Build ``articles`` into a fresh in-memory store."""
    store = GraphStore.in_memory()
    store.replace_articles([ontology_graph(), *(to_graph(e) for e in extract_all(articles))])
    return store


def build(
    sources: Sequence[str | Path] = DEFAULT_SOURCES,
    store_path: str | Path | None = None,
    exports_dir: str | Path | None = DEFAULT_EXPORTS,
    warn: Warn | None = None,
    progress: Progress | None = None,
) -> BuildSummary:
    """Read, extract and store the articles under ``sources``, then write the graph exports.

    Every article is read and extracted before anything is written, and all article graphs are
    written in one transaction: a failure leaves the store as it was.

    Raises:
        ArticleError: an article cannot be read (nothing is written).
        StoreError: the store cannot be opened or written.
    """
    warnings: list[str] = []

    def collect(message: str) -> None:
        warnings.append(message)
        if warn:
            warn(message)

    articles = load_articles(sources, collect)
    extractions = extract_all(articles, progress)
    for extraction in extractions:
        for message in extraction.warnings:
            collect(message)
    # The ontology travels with the data, so SPARQL users can read labels, notations and
    # subclass links from the store itself.
    graphs = [ontology_graph(), *(to_graph(e) for e in extractions)]
    store = GraphStore.open(store_path)
    written = store.replace_articles(graphs) - len(graphs[0])
    exports: tuple[Path, ...] = ()
    if exports_dir is not None:
        exports = write_graph_exports(store, Path(exports_dir))
    return BuildSummary(
        articles=len(extractions),
        officials=len({o.name for e in extractions for o in e.officials}),
        communications=sum(len(e.communications) for e in extractions),
        triples_written=written,
        store_triples=store.triple_count(),
        store=store.location,
        exports=exports,
        warnings=tuple(warnings),
    )
