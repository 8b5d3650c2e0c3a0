"""The persistent graph store: an Oxigraph database with one named graph per article.

Oxigraph (through pyoxigraph) answers the shipped queries 10-50x faster than rdflib's memory store
and opens without re-parsing anything (see ``docs/FINDINGS``); rdflib stays the API for building
article graphs, validation and exports. Queries see the union of all article graphs.

>>> store = GraphStore.in_memory()
>>> store.article_ids()
[]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import QueryError, StoreError
from kg.iris import mint_graph_iri
from kg.namespaces import PREFIXES, bind_prefixes

#: The store's location when neither ``--store`` nor ``KG_STORE`` says otherwise.
DEFAULT_STORE = Path("exports") / "store"

Row = dict[str, object]


def default_store_path() -> Path:
    """``$KG_STORE`` if set, else ``exports/store`` under the working directory."""
    return Path(os.environ.get("KG_STORE") or DEFAULT_STORE)


class GraphStore:
    """A set of article graphs held in Oxigraph, on disk or in memory."""

    def __init__(self, store: ox.Store, location: Path | None = None):
        self._store = store
        self.location = location

    @classmethod
    def open(cls, location: str | Path | None = None, *, create: bool = True,
             read_only: bool = False) -> GraphStore:
        """Open the store at ``location`` (default :func:`default_store_path`).

        Raises:
            StoreError: the store does not exist (with ``create=False``) or cannot be opened.
        """
        path = Path(location) if location else default_store_path()
        if not create and not path.exists():
            raise StoreError(f"{path}: no store here; run 'kg build' first or pass --store")
        if path.exists() and not path.is_dir():
            raise StoreError(f"{path}: not a store folder")
        try:
            if not read_only:
                path.parent.mkdir(parents=True, exist_ok=True)
            store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as error:
            raise StoreError(f"{path}: cannot open store ({error})") from None
        return cls(store, path)

    @classmethod
    def in_memory(cls) -> GraphStore:
        """A store that lives in memory only (evaluation, tests, one-off extraction)."""
        return cls(ox.Store())

    # -- writing -----------------------------------------------------------------------------

    def replace_articles(self, graphs: Iterable[Graph], drop: Iterable[str] = ()) -> int:
        """Write article graphs, each replacing the article's previous graph, in one transaction;
        the graphs of the articles in ``drop`` are removed in the same transaction.

        Either every graph is written or, on any error, none is and the store is as before.
        Returns the number of triples written.
        """
        operations: list[str] = [f"DROP SILENT GRAPH <{mint_graph_iri(i)}>" for i in drop]
        written = 0
        for graph in graphs:
            name = f"<{graph.identifier}>"
            body = graph.serialize(format="nt")
            operations.append(f"DROP SILENT GRAPH {name}")
            operations.append(f"INSERT DATA {{ GRAPH {name} {{\n{body}\n}} }}")
            written += len(graph)
        if operations:
            self._update(" ;\n".join(operations))
        return written

    def remove_articles(self, article_ids: Iterable[str]) -> list[str]:
        """Drop the graphs of these articles in one transaction; returns the ids that were there."""
        present = set(self.article_ids())
        removed = [i for i in article_ids if i in present]
        if removed:
            self._update(" ;\n".join(f"DROP SILENT GRAPH <{mint_graph_iri(i)}>" for i in removed))
        return removed

    def _update(self, update: str) -> None:
        try:
            self._store.update(update)
            self._store.flush()
        except (OSError, SyntaxError) as error:
            raise StoreError(f"{self.location or 'memory'}: write failed ({error})") from None

    # -- reading -----------------------------------------------------------------------------

    def article_ids(self) -> list[str]:
        """The ids of the articles in the store, sorted."""
        rows = self.select(
            "SELECT ?id WHERE { GRAPH ?g { ?article a diplo:Article ; diplo:articleId ?id } }"
        )
        return sorted(str(row["id"]) for row in rows)

    def articles_with_digests(self, digests: Iterable[str]) -> dict[str, list[str]]:
        """The ids of stored articles whose text has one of these SHA-256 digests."""
        values = " ".join(str(ox.Literal(d)) for d in digests)
        if not values:
            return {}
        found: dict[str, list[str]] = {}
        rows = self.select(
            "SELECT ?digest ?id WHERE { VALUES ?digest { " + values + " } "
            "GRAPH ?g { ?article diplo:textDigest ?digest ; diplo:articleId ?id } }")
        for row in rows:
            found.setdefault(str(row["digest"]), []).append(str(row["id"]))
        return found

    def graph_names(self) -> list[URIRef]:
        """The names of the store's graphs (article graphs and the ontology)."""
        return sorted(URIRef(g.value) for g in self._store.named_graphs())

    def triple_count(self) -> int:
        """The number of quads (triples in their article graphs)."""
        return len(self._store)

    def select(self, query: str, bindings: dict[str, object] | None = None,
               graph: URIRef | None = None) -> list[Row]:
        """Run a SPARQL SELECT; values come back as Python values (str, int, date, ...).

        ``bindings`` are substituted as RDF terms, never pasted into the query text. Without
        ``graph``, the query sees the union of all article graphs.
        """
        solutions = self._query(query, bindings, graph)
        if not isinstance(solutions, ox.QuerySolutions):
            raise QueryError("not a SELECT query")
        names = [v.value for v in solutions.variables]
        return [{name: to_python(solution[name]) for name in names} for solution in solutions]

    def query(self, query: str, bindings: dict[str, object] | None = None,
              graph: URIRef | None = None):
        """Run any SPARQL query; returns pyoxigraph's result (solutions, triples or a boolean)."""
        return self._query(query, bindings, graph)

    def _query(self, query: str, bindings, graph):
        substitutions = {ox.Variable(k): to_term(v) for k, v in (bindings or {}).items()}
        options = {"default_graph": ox.NamedNode(str(graph))} if graph else {
            "use_default_graph_as_union": True}
        try:
            return self._store.query(query, prefixes=PREFIXES, substitutions=substitutions,
                                     **options)
        except SyntaxError as error:
            first_line = str(error).splitlines()[0] if str(error) else "invalid query"
            raise QueryError(f"SPARQL syntax error: {first_line[:160]}") from None
        except OSError as error:
            raise StoreError(f"{self.location or 'memory'}: read failed ({error})") from None

    def article_graph(self, article_id: str) -> Graph:
        """The named graph of one article as an rdflib graph."""
        return self.named_graph(mint_graph_iri(article_id))

    def named_graph(self, name: URIRef) -> Graph:
        """One named graph of the store as an rdflib graph."""
        graph = bind_prefixes(Graph(identifier=name))
        data = self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(name)))
        graph.parse(data=data, format="nt")
        return graph

    def to_dataset(self) -> Dataset:
        """Every article graph in an rdflib dataset (for small stores: validation, JSON-LD)."""
        dataset = bind_prefixes(Dataset())
        dataset.parse(data=self._store.dump(format=ox.RdfFormat.N_QUADS), format="nquads")
        return dataset

    def union_triples(self) -> Iterator[ox.Triple]:
        """The union of all article graphs, each triple once."""
        return iter(self._store.query("CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"))

    def dump(self, output: Path, rdf_format: ox.RdfFormat, prefixes: dict[str, str]) -> None:
        """Write the store to ``output``: named-graph formats keep the graphs, others the union."""
        if rdf_format.supports_datasets:
            self._store.dump(str(output), format=rdf_format, prefixes=prefixes)
        else:
            ox.serialize(self.union_triples(), str(output), format=rdf_format, prefixes=prefixes)


def to_term(value: object):
    """A Python value as a pyoxigraph term: IRIs stay IRIs, everything else becomes a literal."""
    if isinstance(value, URIRef):
        return ox.NamedNode(str(value))
    if isinstance(value, (ox.NamedNode, ox.Literal, ox.BlankNode)):
        return value
    literal = Literal(value)
    datatype = literal.datatype
    if datatype is None or datatype == XSD.string:
        return ox.Literal(str(value))
    return ox.Literal(str(literal), datatype=ox.NamedNode(str(datatype)))


def to_python(term) -> object:
    """A pyoxigraph term as a plain Python value (IRIs as strings, typed literals converted)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        if term.language:
            return term.value
        return Literal(term.value, datatype=term.datatype.value if term.datatype else None,
                       lang=term.language).toPython()
    return term.value


@contextmanager
def temporary_output(path: Path) -> Iterator[Path]:
    """Yield a temporary file beside ``path`` and rename it onto ``path`` once written, so that a
    reader never sees half a file and a failed write leaves the old file in place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        yield partial
        os.replace(partial, path)
    finally:
        if partial.exists():
            partial.unlink()

