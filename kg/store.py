"""The persistent graph store: an Oxigraph database with one named graph per article.

Oxigraph (through pyoxigraph) answers the shipped queries 10-50x faster than rdflib's memory store
and opens without re-parsing anything (see ``docs/FINDINGS``); rdflib stays the API for building
article graphs, validation and exports.

Each article's triples live in its own named graph (provenance: what this article says). The
default graph holds the *merged* graph: every triple of every named graph, once. Oxigraph's
"union default graph" would repeat a triple once per graph that holds it, so a query joining
facts about an official named by 100 articles would multiply its rows by 100 per pattern; the
merged default graph is kept exact in the same transaction as every write instead. Queries see
the merged graph.

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
from rdflib import Graph, Literal, URIRef
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
        graphs, drop = list(graphs), list(drop)
        bodies = [graph.serialize(format="nt") for graph in graphs]
        if not drop and not any(self._store.contains_named_graph(ox.NamedNode(str(g.identifier)))
                                for g in graphs):
            # Only new graphs: one native, atomic insertion (no update text to parse).
            self._extend(graphs, bodies)
        else:
            operations = [_drop(mint_graph_iri(i)) for i in drop]
            operations += [_drop(graph.identifier) for graph in graphs]
            merged = {line for body in bodies for line in body.splitlines() if line.strip()}
            if graphs:
                named = "\n".join(f"GRAPH <{g.identifier}> {{\n{body}\n}}"
                                  for g, body in zip(graphs, bodies))
                operations.append(f"INSERT DATA {{\n{named}\n" + "\n".join(sorted(merged))
                                  + "\n}")
            if operations:
                self._update(" ;\n".join(operations))
        return sum(len(graph) for graph in graphs)

    def _extend(self, graphs: list[Graph], bodies: list[str]) -> None:
        quads: list[ox.Quad] = []
        try:
            for graph, body in zip(graphs, bodies):
                name = ox.NamedNode(str(graph.identifier))
                for triple in ox.parse(body.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES):
                    quads.append(ox.Quad(triple.subject, triple.predicate, triple.object, name))
                    quads.append(ox.Quad(triple.subject, triple.predicate, triple.object))
            self._store.extend(quads)
            self._store.flush()
        except (OSError, SyntaxError, ValueError) as error:
            raise StoreError(f"{self.location or 'memory'}: write failed ({error})") from None

    def remove_articles(self, article_ids: Iterable[str]) -> list[str]:
        """Drop the graphs of these articles, and the merged triples only they held, in one
        transaction; returns the ids that were there."""
        present = set(self.article_ids())
        removed = [i for i in article_ids if i in present]
        if removed:
            self._update(" ;\n".join(_drop(mint_graph_iri(i)) for i in removed))
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
        """The number of triples in the merged graph."""
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(rows[0]["n"])

    def quad_count(self) -> int:
        """The number of quads: article graphs and merged graph together."""
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
        options = {"default_graph": ox.NamedNode(str(graph))} if graph else {}
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

    def merged_graph(self) -> Graph:
        """The merged default graph as an rdflib graph (small stores)."""
        graph = bind_prefixes(Graph())
        data = self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        graph.parse(data=data, format="nt")
        return graph

    def named_graph(self, name: URIRef) -> Graph:
        """One named graph of the store as an rdflib graph."""
        graph = bind_prefixes(Graph(identifier=name))
        data = self._store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(name)))
        graph.parse(data=data, format="nt")
        return graph


    def union_triples(self) -> Iterator[ox.Triple]:
        """The merged graph: every triple of every article graph, once."""
        return (q.triple for q in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def dump(self, output: Path, rdf_format: ox.RdfFormat, prefixes: dict[str, str]) -> None:
        """Write the store to ``output``: named-graph formats keep the article graphs (and not the
        merged graph, which they imply), others the merged graph."""
        if rdf_format.supports_datasets:
            named = (q for q in self._store.quads_for_pattern(None, None, None)
                     if not isinstance(q.graph_name, ox.DefaultGraph))
            ox.serialize(named, str(output), format=rdf_format, prefixes=prefixes)
        else:
            self._store.dump(str(output), format=rdf_format, from_graph=ox.DefaultGraph(),
                             prefixes=prefixes)


def _drop(name) -> str:
    """Update operations removing a named graph and, from the merged default graph, the triples
    no other named graph holds. Run in order inside one update, so several graphs dropped
    together each see the others already gone."""
    return (f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} "
            f"FILTER NOT EXISTS {{ GRAPH ?other {{ ?s ?p ?o }} FILTER (?other != <{name}>) }} }} ;\n"
            f"DROP SILENT GRAPH <{name}>")


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

