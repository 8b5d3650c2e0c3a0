"""SHACL validation of article graphs against ``ontology/shapes.ttl``.

Each article graph is validated on its own (pySHACL needs rdflib graphs; a per-article graph is
small, so validation stays fast however large the store grows).

>>> from kg.articles import read_article
>>> from kg.build import build_in_memory
>>> store = build_in_memory([read_article("seeds/blinken-abbas-netanyahu-2021-05-12.txt")])
>>> validate_store(store).conforms
True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import pyshacl
from rdflib import Graph
from rdflib.namespace import SH

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


def validate_store(store: GraphStore, article_ids: list[str] | None = None) -> ValidationReport:
    """Validate every article graph of ``store`` (or only ``article_ids``)."""
    ids = article_ids if article_ids is not None else store.article_ids()
    violations: list[Violation] = []
    for article_id in ids:
        violations.extend(validate_graph(store.article_graph(article_id), article_id))
    return ValidationReport(len(ids), tuple(violations))


@lru_cache(maxsize=1)
def _shapes() -> Graph:
    return shapes_graph()


@lru_cache(maxsize=1)
def _ontology() -> Graph:
    return ontology_graph()
