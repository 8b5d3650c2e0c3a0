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

Every write also replaces the store's *generation*: a random token in a graph of its own
(:data:`STORE_GRAPH`), written in the write's transaction, so that a result kept for one
generation (:mod:`kg.result_cache`) is never taken for the store's answer after a write, whether
that write committed or a crash rolled it back. That graph is bookkeeping, not knowledge: it is
left out of :meth:`GraphStore.graph_names`, dumps and counts.

>>> store = GraphStore.in_memory()
>>> store.article_ids()
[]
"""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import FOAF, OWL, RDF, SKOS, XSD

from kg import derived
from kg.errors import QueryError, StoreError
from kg.iris import mint_graph_iri
from kg.namespaces import DIPLO, ID, PREFIXES, bind_prefixes
from kg.ontology_files import ONTOLOGY_IRI

#: The store's location when neither ``--store`` nor ``KG_STORE`` says otherwise.
DEFAULT_STORE = Path("exports") / "store"

Row = dict[str, object]
#: Triples of an official or government that derived triples of other nodes depend on.
KEY_PREDICATES = (FOAF.name, DIPLO.represents, SKOS.prefLabel)
#: The graph (and subject) of the store's generation: ``<STORE_GRAPH> owl:versionInfo "token"``.
STORE_GRAPH = ID["store"]
_STORE_NODE = ox.NamedNode(str(STORE_GRAPH))
_VERSION = ox.NamedNode(str(OWL.versionInfo))


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
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
        store = cls._open_native(path, read_only)
        opened = cls(store, path)
        if not opened.has_current_derivations():
            # Written by a kg from before derived triples: derive them once, then go on.
            if read_only:
                del opened, store
                writer = cls(cls._open_native(path, read_only=False), path)
                writer.rebuild_derivations()
                del writer
                return cls(cls._open_native(path, read_only=True), path)
            opened.rebuild_derivations()
        elif not read_only and opened.generation() is None:
            opened._update("")  # written by a kg from before generations: give it one
        return opened

    @staticmethod
    def _open_native(path: Path, read_only: bool) -> ox.Store:
        try:
            return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as error:
            raise StoreError(f"{path}: cannot open store ({error})") from None

    @classmethod
    def in_memory(cls) -> GraphStore:
        """A store that lives in memory only (evaluation, tests, one-off extraction)."""
        return cls(ox.Store())

    # -- writing -----------------------------------------------------------------------------

    def replace_articles(self, graphs: Iterable[Graph], drop: Iterable[str] = ()) -> int:
        """Write article graphs, each replacing the article's previous graph, in one transaction;
        the graphs of the articles in ``drop`` are removed in the same transaction.

        The same transaction keeps the merged graph exact and recomputes the derived triples
        (:mod:`kg.derived`) of every official, communication and evidence span the write touches.
        Either everything is written or, on any error, nothing is and the store is as before.
        Returns the number of triples written.
        """
        graphs = list(graphs)
        old = [str(mint_graph_iri(i)) for i in drop]
        old += [str(g.identifier) for g in graphs
                if self._store.contains_named_graph(ox.NamedNode(str(g.identifier)))]
        if not graphs and not old:
            return 0
        bodies = [graph.serialize(format="nt") for graph in graphs]
        affected = self._affected(graphs, old)
        operations = [derived.delete_derived(*affected[:3])]
        operations += [_drop(name) for name in old]
        if graphs:
            named = "\n".join(f"GRAPH <{g.identifier}> {{\n{body}\n}}"
                              for g, body in zip(graphs, bodies))
            operations.append(f"INSERT DATA {{\n{named}\n}}")
            # The merged graph takes the new graphs' triples from the store, not from a second
            # copy of the text.
            operations.append("INSERT { ?s ?p ?o } WHERE { VALUES ?g { "
                              + " ".join(f"<{g.identifier}>" for g in graphs)
                              + " } GRAPH ?g { ?s ?p ?o } }")
        if self._notations_change(graphs):
            # A new ontology renames modes or statuses: derive everything again.
            operations.append(derived.rebuild_all())
        else:
            operations.append(derived.derive(*affected))
        self._update(" ;\n".join(op for op in operations if op))
        return sum(len(graph) for graph in graphs)

    def _notations_change(self, graphs: list[Graph]) -> bool:
        """Whether ``graphs`` replace the ontology with one whose notations differ."""
        for graph in graphs:
            if str(graph.identifier) == str(ONTOLOGY_IRI):
                new = {(str(s), str(o)) for s, o in graph.subject_objects(SKOS.notation)}
                old = {(q.subject.value, q.object.value) for q in self._store.quads_for_pattern(
                    None, ox.NamedNode(str(SKOS.notation)), None, ox.NamedNode(ONTOLOGY_IRI))}
                return new != old
        return False

    def _affected(self, graphs: list[Graph], old: list[str]):
        """The officials, communications and articles (whose evidence spans have derived triples)
        whose derived triples a write that
        adds ``graphs`` and removes the graphs named ``old`` may change: those the graphs hold,
        and those whose participants' or governments' names or governments change."""
        officials: set[str] = set()
        communications: set[str] = set()
        articles: set[str] = set()
        kinds = {DIPLO.Official: officials, DIPLO.Contact: communications,
                 DIPLO.Statement: communications, DIPLO.Article: articles}
        keys: set[tuple[str, str, str]] = set()
        for graph in graphs:
            for kind, found in kinds.items():
                found.update(str(s) for s in graph.subjects(RDF.type, kind))
            for predicate in KEY_PREDICATES:
                keys.update((s.n3(), predicate.n3(), o.n3())
                            for s, o in graph.subject_objects(predicate))
        changed: set[str] = set()
        if old:
            graphs_values = " ".join(f"<{name}>" for name in old)
            for row in self._store.query(
                    f"SELECT DISTINCT ?s ?kind WHERE {{ VALUES ?g {{ {graphs_values} }} "
                    f"VALUES ?kind {{ {' '.join(f'<{k}>' for k in kinds)} }} "
                    f"GRAPH ?g {{ ?s a ?kind }} }}"):
                kinds[URIRef(row["kind"].value)].add(row["s"].value)
            # Names, governments and labels only the removed graphs hold.
            predicates = " ".join(p.n3() for p in KEY_PREDICATES)
            for row in self._store.query(
                    f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?g {{ {graphs_values} }} "
                    f"VALUES ?p {{ {predicates} }} GRAPH ?g {{ ?s ?p ?o }} "
                    f"FILTER NOT EXISTS {{ GRAPH ?h {{ ?s ?p ?o }} "
                    f"FILTER (?h NOT IN ({', '.join(f'<{n}>' for n in old)})) }} }}"):
                if (str(row["s"]), str(row["p"]), str(row["o"])) not in keys:
                    changed.add(row["s"].value)
        if keys:
            # Names, governments and labels new to the merged graph.
            values = " ".join(f"({s} {p} {o})" for s, p, o in keys)
            present = {(str(r["s"]), str(r["p"]), str(r["o"])) for r in self._store.query(
                f"SELECT ?s ?p ?o WHERE {{ VALUES (?s ?p ?o) {{ {values} }} ?s ?p ?o }}")}
            changed.update(URIRef(s[1:-1]) for s, p, o in keys if (s, p, o) not in present)
        if changed:
            subjects = " ".join(f"<{s}>" for s in changed)
            # One lookup per pattern, from the changed nodes (a path written forward, or a
            # UNION, would make Oxigraph walk every communication).
            for pattern in ("?c diplo:hasParticipant ?x", "?c diplo:counterpartGovernment ?x",
                            "?o diplo:represents ?x . ?c diplo:hasParticipant ?o"):
                for row in self._store.query(
                        f"SELECT DISTINCT ?c WHERE {{ VALUES ?x {{ {subjects} }} {pattern} }}",
                        prefixes=PREFIXES):
                    communications.add(row["c"].value)
            for row in self._store.query(
                    f"SELECT DISTINCT ?o WHERE {{ VALUES ?x {{ {subjects} }} "
                    "?o diplo:represents ?x }", prefixes=PREFIXES):
                officials.add(row["o"].value)
        nodes: set[str] = set()
        if communications:
            # Dyads and profiles these communications point to now: derive() drops those that
            # no communication points to after the write.
            scope = " ".join(f"<{c}>" for c in communications)
            nodes = {row["n"].value for row in self._store.query(
                f"SELECT DISTINCT ?n WHERE {{ VALUES ?c {{ {scope} }} "
                "?c diplo:inDyad|diplo:profile ?n }", prefixes=PREFIXES)}
        return sorted(officials), sorted(communications), sorted(articles), sorted(nodes)

    def remove_articles(self, article_ids: Iterable[str]) -> list[str]:
        """Drop the graphs of these articles, and the merged triples only they held, in one
        transaction; returns the ids that were there."""
        present = set(self.article_ids())
        removed = [i for i in article_ids if i in present]
        if removed:
            self.replace_articles([], drop=removed)
        return removed

    def has_current_derivations(self) -> bool:
        """False when the store holds an official without name keys, or a communication with a
        mode and status but no profile: it was written by a kg from before :mod:`kg.derived`
        (or before one of its rules). One node of each kind is enough to tell."""
        checks = (
            (DIPLO.Official, "ASK { %s foaf:name ?name FILTER NOT EXISTS { %s diplo:nameKey ?k } }"),
            (DIPLO.Contact, ("ASK { %s diplo:mode/skos:notation ?m ; diplo:status/skos:notation ?s "
                            "FILTER NOT EXISTS { %s diplo:profile ?p } }")),
        )
        for kind, stale in checks:
            sample = next(self._store.quads_for_pattern(None, ox.NamedNode(str(RDF.type)),
                                                        ox.NamedNode(str(kind)),
                                                        ox.DefaultGraph()), None)
            if sample is not None and bool(self._store.query(
                    stale % (sample.subject, sample.subject), prefixes=PREFIXES)):
                return False
        return True

    def rebuild_derivations(self) -> None:
        """Delete every derived triple and derive them all again, in one transaction."""
        self._update(derived.rebuild_all())

    def compact(self) -> None:
        """Compact the store's files after a large write, so that lookups read fewer of them.

        Many small transactions leave the indexes spread over many files; a contacts lookup at
        10^4 articles takes about a third less time after compaction. The cost grows with the
        store (about 2 s at 10^4 articles), which is why :func:`kg.build.build` compacts only
        after writing a large share of the store. Crash-safe: the files are replaced atomically.
        """
        if self.location is None:
            return
        try:
            self._store.optimize()
        except OSError as error:
            raise StoreError(f"{self.location}: compaction failed ({error})") from None

    def _update(self, update: str) -> None:
        """Run ``update`` and replace the store's generation, in one transaction."""
        marker = f"GRAPH {_STORE_NODE} {{ {_STORE_NODE} {_VERSION}"
        generation = (f"DELETE WHERE {{ {marker} ?old }} }} ;\n"
                      f"INSERT DATA {{ {marker} {ox.Literal(uuid.uuid4().hex)} }} }}")
        try:
            self._store.update(f"{update} ;\n{generation}" if update else generation,
                               prefixes=PREFIXES)
            self._store.flush()
        except (OSError, SyntaxError) as error:
            raise StoreError(f"{self.location or 'memory'}: write failed ({error})") from None

    # -- reading -----------------------------------------------------------------------------

    def generation(self) -> str | None:
        """The token every write replaces (None for a store no kg write has touched yet): equal
        tokens mean equal contents."""
        quad = next(self._store.quads_for_pattern(_STORE_NODE, _VERSION, None, _STORE_NODE), None)
        return None if quad is None else quad.object.value

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
        return sorted(URIRef(g.value) for g in self._store.named_graphs() if g != _STORE_NODE)

    def triple_count(self) -> int:
        """The number of triples in the merged graph."""
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(rows[0]["n"])

    def derived_triples(self) -> set[str]:
        """The derived triples of the merged graph (:mod:`kg.derived`), as N-Triples lines."""
        found = set()
        for predicate in derived.DERIVED_PREDICATES:
            found.update(str(q.triple) for q in self._store.quads_for_pattern(
                None, ox.NamedNode(str(predicate)), None, ox.DefaultGraph()))
        for cls in derived.DERIVED_CLASSES:
            for node in self.merged_subjects(RDF.type, cls):
                found.update(str(q.triple) for q in self._store.quads_for_pattern(
                    ox.NamedNode(node), None, None, ox.DefaultGraph()))
        return found

    def quad_count(self) -> int:
        """The number of quads: article graphs and merged graph together."""
        bookkeeping = sum(1 for _ in self._store.quads_for_pattern(None, None, None, _STORE_NODE))
        return len(self._store) - bookkeeping

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


    def merged_objects(self, predicate: URIRef) -> Iterator[tuple[str, object]]:
        """(subject, object) of every merged-graph triple with ``predicate``: IRIs as strings,
        literals as Python values (:func:`to_python`). One index scan, no SPARQL."""
        for quad in self._store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None,
                                                  ox.DefaultGraph()):
            yield quad.subject.value, to_python(quad.object)

    def article_claims(self, predicate: URIRef) -> Iterator[tuple[str, str, str]]:
        """(article graph, subject, object) of every article-graph triple with ``predicate``, IRIs
        as strings: who says what, for choosing among articles that disagree."""
        for quad in self._store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, None):
            if isinstance(quad.graph_name, ox.NamedNode) and quad.graph_name != _STORE_NODE:
                yield quad.graph_name.value, quad.subject.value, quad.object.value

    def merged_subjects(self, predicate: URIRef, value: URIRef) -> Iterator[str]:
        """The subjects of merged-graph triples ``(?, predicate, value)``, IRIs as strings."""
        for quad in self._store.quads_for_pattern(None, ox.NamedNode(str(predicate)),
                                                  ox.NamedNode(str(value)), ox.DefaultGraph()):
            yield quad.subject.value

    def union_triples(self) -> Iterator[ox.Triple]:
        """The merged graph: every triple of every article graph, once."""
        return (q.triple for q in self._store.quads_for_pattern(None, None, None, ox.DefaultGraph()))

    def dump(self, output: Path, rdf_format: ox.RdfFormat, prefixes: dict[str, str]) -> None:
        """Write the store to ``output``: named-graph formats keep the article graphs (and not the
        merged graph, which they imply), others the merged graph."""
        if rdf_format.supports_datasets:
            named = (q for q in self._store.quads_for_pattern(None, None, None)
                     if not isinstance(q.graph_name, ox.DefaultGraph)
                     and q.graph_name != _STORE_NODE)
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
        datatype = term.datatype.value
        fast = _FAST_LITERALS.get(datatype)
        if fast is not None:
            try:
                return fast(term.value)
            except ValueError:
                pass
        return Literal(term.value, datatype=datatype, lang=term.language).toPython()
    return term.value


def _integer(text: str) -> int:
    value = int(text)  # rdflib keeps "+5" and " 5" as written; so does int(), except spaces
    if text != text.strip():
        raise ValueError(text)
    return value


#: Conversions of the commonest datatypes, equal to rdflib's ``toPython`` and many times faster
#: (rows of 10^5 communications); anything they do not parse goes through rdflib.
_FAST_LITERALS = {
    str(XSD.string): str,
    str(XSD.integer): _integer,
    str(XSD.date): lambda text: dt.date.fromisoformat(text) if len(text) == 10 else _no(text),
}


def _no(text: str):
    raise ValueError(text)
