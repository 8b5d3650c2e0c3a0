"""The build: articles -> extractions -> article graphs -> the store and ``exports/``.

This is the library API behind ``kg build``; a notebook can call it directly.

>>> from kg.articles import read_article
>>> store = build_in_memory([read_article("seeds/blinken-abbas-netanyahu-2021-05-12.txt")])
>>> store.article_ids()
['blinken-abbas-netanyahu-2021-05-12']
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from kg.articles import Warn, load_articles
from kg.exports import write_graph_exports
from kg.aliases import AliasTable, resolve
from kg.extract import extract
from kg.model import Article, Extraction
from kg.ontology_files import ontology_graph
from kg.rdf import text_digest, to_graph
from kg.store import GraphStore

#: The folder ``kg build`` reads when given no source.
DEFAULT_SOURCES = ("seeds",)
DEFAULT_EXPORTS = Path("exports")
#: Articles written per transaction: a crash keeps every batch committed before it, whole.
DEFAULT_BATCH = 500

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
    replaced: int = 0


def extract_all(articles: Iterable[Article], jobs: int = 1, progress: Progress | None = None,
                aliases: AliasTable | None = None) -> Iterator[Extraction]:
    """Extract every article, in order, and resolve its officials against ``aliases``.

    ``jobs`` > 1 maps :func:`kg.extract.extract` over worker processes: extraction is a pure
    function of (text, meta), so any parallel engine can run it.
    """
    if jobs <= 1:
        extractions: Iterable[Extraction] = map(extract, articles)
        for extraction in extractions:
            yield resolve(extraction, aliases) if aliases else extraction
            if progress:
                progress(1)
        return
    with multiprocessing.get_context("spawn").Pool(jobs) as pool:
        for extraction in pool.imap(extract, articles, chunksize=8):
            yield resolve(extraction, aliases) if aliases else extraction
            if progress:
                progress(1)


def build_in_memory(articles: Sequence[Article], aliases: AliasTable | None = None) -> GraphStore:
    """Build ``articles`` into a fresh in-memory store."""
    store = GraphStore.in_memory()
    store.replace_articles([ontology_graph(),
                            *(to_graph(e) for e in extract_all(articles, aliases=aliases))])
    return store


def build(
    sources: Sequence[str | Path] = DEFAULT_SOURCES,
    store_path: str | Path | None = None,
    exports_dir: str | Path | None = DEFAULT_EXPORTS,
    warn: Warn | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
    batch_size: int = DEFAULT_BATCH,
    aliases: AliasTable | None = None,
) -> BuildSummary:
    """Read, extract and store the articles under ``sources``, then write the graph exports.

    Every article is read and checked before anything is written, so bad input writes nothing.
    Articles are then written in batches of ``batch_size``, each in one transaction, each
    replacing the earlier graph of an article with the same id or the same text; an interrupted
    build keeps the batches committed before it and never half an article. ``aliases`` (see
    :mod:`kg.aliases`) names and links the officials it knows.

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
    store = GraphStore.open(store_path)
    store.replace_articles([ontology_graph()])
    officials: set[str] = set()
    communications = written = replaced = 0
    batch: list[Extraction] = []

    def flush() -> None:
        nonlocal written, replaced
        # The same text twice: the later article replaces the earlier, within a batch too.
        latest = {text_digest(e.article.text): e for e in batch}
        replaced += len(batch) - len(latest)
        batch[:] = list(latest.values())
        digests = {digest: e.article.id for digest, e in latest.items()}
        same_text = store.articles_with_digests(digests)
        stale = [old for digest, ids in same_text.items() for old in ids if old != digests[digest]]
        replaced += len(stale)
        written += store.replace_articles([to_graph(e) for e in batch], drop=stale)
        batch.clear()

    for extraction in extract_all(articles, jobs, progress, aliases):
        for message in extraction.warnings:
            collect(message)
        officials.update(o.name for o in extraction.officials)
        communications += len(extraction.communications)
        batch.append(extraction)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    exports: tuple[Path, ...] = ()
    if exports_dir is not None:
        exports = write_graph_exports(store, Path(exports_dir))
    return BuildSummary(
        articles=len(articles),
        officials=len(officials),
        communications=communications,
        triples_written=written,
        store_triples=store.triple_count(),
        store=store.location,
        exports=exports,
        warnings=tuple(warnings),
        replaced=replaced,
    )


def remove(article_ids: Sequence[str], store_path: str | Path | None = None,
           exports_dir: str | Path | None = DEFAULT_EXPORTS) -> list[str]:
    """Drop articles from the store, with everything only they supported; rewrite the exports.

    Returns the ids that were in the store.
    """
    store = GraphStore.open(store_path, create=False)
    removed = store.remove_articles(article_ids)
    if removed and exports_dir is not None:
        write_graph_exports(store, Path(exports_dir))
    return removed
