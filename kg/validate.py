"""SHACL validation of article graphs against ``ontology/shapes.ttl``.

Each article graph is validated on its own (pySHACL needs rdflib graphs; a per-article graph is
small, so validation stays fast however large the store grows), so the graphs can be checked in
parallel worker processes, and a build's changes alone (:func:`changed_articles`).

>>> from kg.articles import read_article
>>> from kg.build import build_in_memory
>>> store = build_in_memory([read_article("seeds/blinken-abbas-netanyahu-2021-05-12.txt")])
>>> validate_store(store).conforms
True
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

import pyshacl
from rdflib import Graph
from rdflib.namespace import SH

from kg.changes import Changes, read_changes
from kg.ontology_files import ontology_graph, shapes_graph
from kg.store import GraphStore


@dataclass(frozen=True)
class Violation:
    """One failed constraint: where, on which node and path, and the shape's message."""

    article_id: str
    focus: str
    path: str | None
    message: str

    def __str__(self) -> str:
        where = f" {self.path}" if self.path else ""
        return f"{self.article_id}: {self.focus}{where}: {self.message}"


@dataclass(frozen=True)
class ValidationReport:
    """The result of validating some article graphs."""

    articles: int
    violations: tuple[Violation, ...] = field(default=())

    @property
    def conforms(self) -> bool:
        return not self.violations


def validate_graph(graph: Graph, article_id: str = "") -> list[Violation]:
    """The violations of one article graph (empty when it conforms)."""
    conforms, report, _ = pyshacl.validate(
        graph,
        shacl_graph=_shapes(),
        ont_graph=_ontology(),
        inference="none",
        advanced=True,
        allow_warnings=True,
    )
    if conforms:
        return []
    violations = []
    for result in report.subjects(SH.focusNode, None):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage) or "constraint violated"
        violations.append(Violation(article_id, str(focus), str(path) if path else None, str(message)))
    return sorted(violations, key=str)


def validate_store(store: GraphStore, article_ids: Sequence[str] | None = None, jobs: int = 1,
                   progress: Callable[[int], None] | None = None) -> ValidationReport:
    """Validate every article graph of ``store`` (or only ``article_ids``).

    ``jobs`` > 1 validates in that many worker processes, each opening the store read-only
    (a store on disk only); ``progress`` is called with the number of graphs done.
    """
    ids = list(article_ids) if article_ids is not None else store.article_ids()
    violations: list[Violation] = []
    if jobs > 1 and store.location is not None and len(ids) > 1:
        context = multiprocessing.get_context("spawn")
        chunk = max(1, min(16, len(ids) // (jobs * 4)))
        with context.Pool(jobs, initializer=_open_worker_store,
                          initargs=(str(store.location),)) as pool:
            for found in pool.imap(_validate_in_worker, ids, chunksize=chunk):
                violations.extend(found)
                if progress:
                    progress(1)
    else:
        for article_id in ids:
            violations.extend(validate_graph(store.article_graph(article_id), article_id))
            if progress:
                progress(1)
    return ValidationReport(len(ids), tuple(violations))


def changed_articles(store: GraphStore) -> tuple[list[str], Changes | None]:
    """The ids of the article graphs the last build wrote that are still in the store, and the
    build's record; every article graph when there is no record (see :mod:`kg.changes`)."""
    present = store.article_ids()
    changes = read_changes(store.location) if store.location is not None else None
    if changes is None:
        return present, None
    written = set(changes.articles)
    return [i for i in present if i in written], changes


_WORKER_STORE: GraphStore | None = None


def _open_worker_store(location: str) -> None:
    global _WORKER_STORE
    _WORKER_STORE = GraphStore.open(location, create=False, read_only=True)


def _validate_in_worker(article_id: str) -> list[Violation]:
    assert _WORKER_STORE is not None
    return validate_graph(_WORKER_STORE.article_graph(article_id), article_id)


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return shapes_graph()


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return ontology_graph()
