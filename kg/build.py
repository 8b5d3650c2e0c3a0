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
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

from kg import result_cache
from kg.aliases import AliasTable, resolve
from kg.articles import Warn, check_unique_ids, load_articles
from kg.changes import write_changes
from kg.errors import NotInStoreError
from kg.exports import write_graph_exports
from kg.extract import extract
from kg.model import Article, Extraction
from kg.ontology_files import ontology_graph
from kg.rdf import text_digest, to_graph
from kg.store import GraphStore, default_store_path

#: The folder ``kg build`` reads when given no source.
DEFAULT_SOURCES = ("seeds",)


class _BesideStore:
    def __repr__(self) -> str:
        return "BESIDE_STORE"


#: ``exports_dir`` default: the folder that holds the store (``exports/`` for ``exports/store``).
BESIDE_STORE = _BesideStore()
#: Articles written per transaction: a crash keeps every batch committed before it, whole.
DEFAULT_BATCH = 500
#: A build compacts the store when it wrote at least 1/COMPACT_SHARE of the store's articles:
#: compaction costs time in proportion to the store, so a build of one article into a large
#: store skips it, and the cost spread over the articles written stays bounded.
COMPACT_SHARE = 10

Progress = Callable[[int], None]


def exports_folder(store_path: str | Path | None) -> Path:
    """Where a store's graph exports go by default: beside it, in the folder that holds it.

    >>> exports_folder("exports/store"), exports_folder("/data/news/store")
    (PosixPath('exports'), PosixPath('/data/news'))
    """
    return Path(store_path or default_store_path()).parent


def _exports(exports_dir, store_path) -> Path | None:
    if exports_dir is BESIDE_STORE:
        return exports_folder(store_path)
    return None if exports_dir is None else Path(exports_dir)


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


def extract_all(articles: Sequence[Article], jobs: int = 1, progress: Progress | None = None,
                aliases: AliasTable | None = None, dask=None) -> Iterator[Extraction]:
    """Extract every article, in order, and resolve its officials against ``aliases``.

    ``jobs`` > 1 maps :func:`kg.extract.extract` over worker processes, and ``dask`` (a scheduler
    address, ``"local"``, or a connected :class:`kg.distributed.DaskCluster`) over a Dask
    cluster: extraction is a pure function of (text, meta), so any parallel engine can run it.
    """
    if dask:
        from kg.distributed import DaskCluster

        with ExitStack() as stack:
            cluster = dask if isinstance(dask, DaskCluster) else \
                stack.enter_context(DaskCluster(dask, jobs))
            for extraction in cluster.extract(articles, progress):
                yield resolve(extraction, aliases) if aliases else extraction
        return
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
    check_unique_ids(articles)
    store = GraphStore.in_memory()
    store.replace_articles([ontology_graph(),
                            *(to_graph(e) for e in extract_all(articles, aliases=aliases))])
    return store


def build(
    sources: Sequence[str | Path] = DEFAULT_SOURCES,
    store_path: str | Path | None = None,
    exports_dir=BESIDE_STORE,
    warn: Warn | None = None,
    progress: Progress | None = None,
    jobs: int = 1,
    batch_size: int = DEFAULT_BATCH,
    aliases: AliasTable | None = None,
    dask: str | None = None,
    keep_answers: bool = True,
) -> BuildSummary:
    """Read, extract and store the articles under ``sources``, then write the graph exports.

    Every article is read and checked before anything is written, so bad input writes nothing;
    the store is opened once the first batch is extracted, so an article of that batch that
    fails extraction (over its time or memory limit) writes nothing either. Articles are
    written in batches of ``batch_size``, each in one transaction, each
    replacing the earlier graph of an article with the same id or the same text; an interrupted
    build keeps the batches committed before it and never half an article. ``aliases`` (see
    :mod:`kg.aliases`) names and links the officials it knows. ``dask`` (a scheduler address or
    ``"local"``) maps the extraction over a Dask cluster (:mod:`kg.distributed`), connected
    before the store is opened; the graphs are written here, the same way, so the store is the
    same as a local build's.

    The exports go to ``exports_dir``: by default the folder that holds the store (``exports/``
    for ``exports/store``); None writes none. The ids of the articles written are recorded
    beside the store (:mod:`kg.changes`) for ``kg validate``.

    After the last write (and the compaction), a store on disk keeps the answers of the shipped
    queries without parameters for its new generation (:func:`kg.result_cache.keep_answers`),
    so the first question after the build reads them; ``keep_answers=False`` leaves them to be
    evaluated when first asked. A failure to keep them is passed to ``warn``, never raised.

    Raises:
        ArticleError: an article cannot be read, or two have one id (nothing is written).
        StoreError: the store cannot be opened or written.
        ClusterError: the Dask scheduler cannot be reached (nothing is written).
    """
    warnings: list[str] = []

    def collect(message: str) -> None:
        warnings.append(message)
        if warn:
            warn(message)

    articles = load_articles(sources, collect)
    check_unique_ids(articles)
    with ExitStack() as stack:
        cluster = None
        if dask:
            from kg.distributed import DaskCluster

            # Connected and checked before the store is touched: no cluster, nothing written.
            cluster = stack.enter_context(DaskCluster(dask, jobs))
        return _build(articles, store_path, exports_dir, collect, warnings, progress, jobs,
                      batch_size, aliases, cluster, keep_answers, warn)


def _build(articles, store_path, exports_dir, collect, warnings, progress, jobs, batch_size,
           aliases, cluster, keep_answers=False, warn=None) -> BuildSummary:
    exports_target = _exports(exports_dir, store_path)
    store: GraphStore | None = None
    kept: list[str] = []
    officials: set[str] = set()
    communications = written = replaced = 0
    batch: list[Extraction] = []

    def open_store() -> GraphStore:
        # Opened once the first batch is extracted, so that an article whose extraction fails
        # there (over a time or memory limit) leaves the store and its record untouched.
        opened = GraphStore.open(store_path)
        if opened.location is not None:
            write_changes(opened.location, (a.id for a in articles), complete=False)
        opened.replace_articles([ontology_graph()])
        return opened

    def flush() -> None:
        nonlocal store, written, replaced
        store = store or open_store()
        # The same text twice: the later article replaces the earlier, within a batch too.
        latest = {text_digest(e.article.text): e for e in batch}
        replaced += len(batch) - len(latest)
        batch[:] = list(latest.values())
        digests = {digest: e.article.id for digest, e in latest.items()}
        same_text = store.articles_with_digests(digests)
        stale = [old for digest, ids in same_text.items() for old in ids if old != digests[digest]]
        replaced += len(stale)
        written += store.replace_articles([to_graph(e) for e in batch], drop=stale)
        kept.extend(e.article.id for e in batch)
        batch.clear()

    for extraction in extract_all(articles, jobs, progress, aliases, cluster):
        for message in extraction.warnings:
            collect(message)
        officials.update(o.name for o in extraction.officials)
        communications += len(extraction.communications)
        batch.append(extraction)
        if len(batch) >= batch_size:
            flush()
    if batch:
        flush()
    store = store or open_store()
    if store.location is not None:
        write_changes(store.location, kept, complete=True)
        if len(kept) * COMPACT_SHARE >= len(store.article_ids()):
            store.compact()
        if keep_answers:
            result_cache.keep_answers(store, warn)
    exports: tuple[Path, ...] = ()
    if exports_target is not None:
        exports = write_graph_exports(store, exports_target)
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
           exports_dir=BESIDE_STORE, warn: Warn | None = None,
           keep_answers: bool = True) -> list[str]:
    """Drop articles from the store, with everything only they supported; rewrite the exports
    (by default beside the store). As :func:`build`, keeps the answers of the shipped queries
    without parameters for the store's new generation (unless ``keep_answers`` is False; a
    failure to keep them goes to ``warn``).

    Returns the ids removed.

    Raises:
        NotInStoreError: an id is not in the store (nothing is removed).
    """
    # Checked on a read-only open, so a refused removal leaves the store's files as they were.
    reader = GraphStore.open(store_path, create=False, read_only=True)
    present = set(reader.article_ids())
    del reader
    unknown = [i for i in dict.fromkeys(article_ids) if i not in present]
    if unknown:
        raise NotInStoreError(f"{Path(store_path or default_store_path())}: no article "
                              f"{', '.join(map(repr, unknown))} in the store (nothing removed)")
    store = GraphStore.open(store_path, create=False)
    removed = store.remove_articles(article_ids)
    if removed and keep_answers:
        result_cache.keep_answers(store, warn)
    target = _exports(exports_dir, store_path)
    if removed and target is not None:
        write_graph_exports(store, target)
    return removed
