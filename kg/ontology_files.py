"""The ontology, shapes and shipped queries, found as package data (``kg.ontology``).

The files live in the repository's top-level ``ontology/`` folder and are installed as the
``kg.ontology`` package, so an installed kg finds them without a source checkout.

>>> "officials" in shipped_query_names()
True
"""

from __future__ import annotations

from importlib import resources

from rdflib import Graph, URIRef

from kg.errors import QueryError

#: The ontology's IRI, also the name of the graph that holds it in a store.
ONTOLOGY_IRI = URIRef("https://w3id.org/kg-diplo/ontology")


def _files():
    return resources.files("kg.ontology")


def ontology_graph() -> Graph:
    """The OWL ontology (``diplo.ttl``) as an rdflib graph named :data:`ONTOLOGY_IRI`."""
    return Graph(identifier=ONTOLOGY_IRI).parse(data=_files().joinpath("diplo.ttl").read_text(encoding="utf-8"),
                         format="turtle")


def shapes_graph() -> Graph:
    """The SHACL shapes (``shapes.ttl``) as an rdflib graph."""
    return Graph().parse(data=_files().joinpath("shapes.ttl").read_text(encoding="utf-8"),
                         format="turtle")


def shipped_query_names() -> list[str]:
    """The names of the queries shipped in ``ontology/queries`` (file stems)."""
    folder = _files().joinpath("queries")
    return sorted(p.name[:-3] for p in folder.iterdir() if p.name.endswith(".rq"))


def shipped_query(name: str) -> str:
    """The SPARQL text of a shipped query.

    Raises:
        QueryError: no query has that name.
    """
    if name not in shipped_query_names():
        known = ", ".join(shipped_query_names())
        raise QueryError(f"unknown query {name!r} (shipped queries: {known})")
    return _files().joinpath("queries", f"{name}.rq").read_text(encoding="utf-8")
