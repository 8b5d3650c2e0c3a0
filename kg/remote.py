"""Remote SPARQL stores: read with ``--endpoint`` and upload with ``kg push``.

Any SPARQL 1.1 endpoint works for reading (Oxigraph, Fuseki, Virtuoso, GraphDB, QLever, Neptune);
uploads use the SPARQL 1.1 Graph Store Protocol (one PUT per named graph) or SPARQL Update.
Only the standard library's HTTP client is used.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable

import pyoxigraph as ox

from kg.errors import KgError
from kg.namespaces import PREFIXES
from kg.store import GraphStore, to_python, to_term


class RemoteError(KgError):
    """A remote endpoint is unreachable, too slow, or answered with an error."""

    exit_code = 7


def _open(request: urllib.request.Request, timeout: float, what: str) -> bytes:
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as error:
        detail = error.read(300).decode("utf-8", errors="replace").strip().splitlines()
        raise RemoteError(f"{request.full_url}: {what} failed with HTTP {error.code} "
                          f"({detail[0] if detail else error.reason})") from None
    except urllib.error.URLError as error:
        raise RemoteError(f"{request.full_url}: {what} failed ({error.reason})") from None
    except TimeoutError:
        raise RemoteError(f"{request.full_url}: {what} timed out after {timeout:g} s") from None
    except OSError as error:
        raise RemoteError(f"{request.full_url}: {what} failed ({error})") from None


def with_prefixes(query: str) -> str:
    """Declare kg's prefixes in front of a query (remote endpoints do not know them)."""
    declared = set(re.findall(r"PREFIX\s+(\w*):", query, re.IGNORECASE))
    head = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in PREFIXES.items() if p not in declared)
    return head + query


def bind_values(query: str, bindings: dict[str, object]) -> str:
    """Bind variables for an endpoint that has no substitution: a VALUES block placed at the
    start of the WHERE clause, holding each value as a serialised RDF term (never raw text).

    >>> bind_values("SELECT ?name WHERE { ?p foaf:name ?name }", {"name": 'O"Brien'})
    'SELECT ?name WHERE { VALUES (?name) { ("O\\\\"Brien") } ?p foaf:name ?name }'
    """
    if not bindings:
        return query
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(str(to_term(value)) for value in bindings.values())
    block = f"VALUES ({names}) {{ ({values}) }}"
    match = re.search(r"\bWHERE\s*\{", query, re.IGNORECASE)
    if not match:
        raise KgError("cannot bind values: the query has no WHERE clause")
    return f"{query[:match.end()]} {block}{query[match.end():]}"


class RemoteStore:
    """A SPARQL endpoint that answers the same ``select`` and ``query`` calls as the local store."""

    def __init__(self, endpoint: str, timeout: float = 60.0):
        self.endpoint = endpoint
        self.timeout = timeout
        self.location = endpoint

    def _post(self, query: str, accept: str) -> bytes:
        data = urllib.parse.urlencode({"query": with_prefixes(query)}).encode("utf-8")
        request = urllib.request.Request(self.endpoint, data=data, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": accept})
        return _open(request, self.timeout, "query")

    def query(self, query: str, bindings: dict[str, object] | None = None, graph=None):
        """Run a query; results come back as pyoxigraph objects, as from the local store."""
        text = bind_values(query, bindings or {})
        if re.search(r"\b(CONSTRUCT|DESCRIBE)\b", query, re.IGNORECASE):
            body = self._post(text, "application/n-triples")
            return list(ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
        body = self._post(text, "application/sparql-results+json")
        try:
            return ox.parse_query_results(body, format=ox.QueryResultsFormat.JSON)
        except SyntaxError as error:
            raise RemoteError(f"{self.endpoint}: unreadable results ({error})") from None

    def select(self, query: str, bindings: dict[str, object] | None = None, graph=None) -> list[dict]:
        solutions = self.query(query, bindings)
        if not isinstance(solutions, ox.QuerySolutions):
            raise RemoteError(f"{self.endpoint}: expected SELECT results")
        names = [v.value for v in solutions.variables]
        return [{name: to_python(solution[name]) for name in names} for solution in solutions]


def push(store: GraphStore, endpoint: str, protocol: str = "gsp", timeout: float = 120.0,
         progress: Callable[[int], None] | None = None) -> int:
    """Upload every named graph of ``store`` (articles and the ontology) and the merged graph
    (to the default graph) to ``endpoint``.

    ``gsp``: the SPARQL 1.1 Graph Store Protocol endpoint (Oxigraph ``/store``, Fuseki
    ``/DATASET/data``); each graph is PUT to ``?graph=IRI`` and so replaced.
    ``update``: a SPARQL 1.1 Update endpoint; each graph is dropped and inserted in one request.
    Returns the number of named graphs uploaded. The local store is only read.
    """
    count = 0
    # The merged graph goes to the remote default graph, so plain queries there see what
    # kg's own queries see.
    for name in [*store.graph_names(), None]:
        graph = store.named_graph(name) if name else store.merged_graph()
        data = graph.serialize(format="nt", encoding="utf-8")
        if protocol == "gsp":
            separator = "&" if "?" in endpoint else "?"
            target = urllib.parse.urlencode({"graph": str(name)}) if name else "default"
            url = f"{endpoint}{separator}{target}"
            request = urllib.request.Request(url, data=data, method="PUT",
                                             headers={"Content-Type": "application/n-triples"})
        elif protocol == "update":
            target = f"GRAPH <{name}>" if name else "DEFAULT"
            body = f"GRAPH <{name}> {{\n{data.decode('utf-8')}\n}}" if name else data.decode("utf-8")
            update = f"DROP SILENT {target} ;\nINSERT DATA {{\n{body}\n}}"
            request = urllib.request.Request(endpoint, data=update.encode("utf-8"), method="POST",
                                             headers={"Content-Type": "application/sparql-update"})
        else:
            raise KgError(f"unknown protocol {protocol!r} (gsp or update)")
        _open(request, timeout, "upload")
        count += name is not None
        if progress:
            progress(1)
    return count
