"""Derived triples: shortcuts the shipped queries read instead of property paths and UNIONs.

The article graphs say what each article says; the merged default graph holds every triple of
every article graph once (see :mod:`kg.store`) and, beside them, *derived* triples: facts that
follow from the merged graph by the rules below, written as SPARQL so that anyone can read how
each one is made. They live in the merged graph only, never in an article graph, and every
predicate they use is listed in :data:`DERIVED_PREDICATES` (plus the ``diplo:Dyad`` nodes).

Per official: ``diplo:nameKey`` (the full name and each of its words, as written and in lower
case: a lookup key for ``contacts``), ``diplo:articleCount``, ``diplo:postNames`` and
``diplo:governmentNames`` (for ``officials``). Per communication: ``diplo:participantNames``
and ``diplo:counterpartNames``, and ``diplo:profile`` linking it to a ``diplo:Profile`` node per
kind, mode and status (for ``timeline``), ``diplo:partyName`` (every participant's name
and every counterpart government's label, for ``contacts``) and, per contact, ``diplo:inDyad``
linking it to a ``diplo:Dyad`` node per pair of governments on its sides (for ``dyads``). Joined
names are in alphabetical order (Oxigraph keeps a sub-query's order through GROUP_CONCAT), so
equal graphs derive equal triples. Per
evidence span of a communication: ``diplo:evidenceOf`` (the communication),
``diplo:evidenceArticleId`` and ``diplo:evidenceTitle`` (its article's id and headline, for
``evidence``).

:class:`kg.store.GraphStore` recomputes the derived triples of every official and communication a
write touches, in the same transaction as the write, so they stay exact under replacements and
removals and survive a crash with the write they belong to; :func:`rebuild_all` recomputes them
all.

>>> "diplo:nameKey" in derive_officials("VALUES ?official { <https://example.org/o> }")
True
"""

from __future__ import annotations

from kg.namespaces import DIPLO, ID

#: Derived predicates by the kind of node they describe.
OFFICIAL_PREDICATES = (DIPLO.nameKey, DIPLO.articleCount, DIPLO.postNames, DIPLO.governmentNames)
COMMUNICATION_PREDICATES = (DIPLO.participantNames, DIPLO.counterpartNames, DIPLO.partyName,
                            DIPLO.inDyad, DIPLO.profile)
SPAN_PREDICATES = (DIPLO.evidenceOf, DIPLO.evidenceArticleId, DIPLO.evidenceTitle)
#: Predicates whose triples in the merged graph are derived (never in an article graph).
DERIVED_PREDICATES = OFFICIAL_PREDICATES + COMMUNICATION_PREDICATES + SPAN_PREDICATES
#: Where dyad nodes are minted: ``id:dyad/FIRST/SECOND`` with both labels percent-encoded.
DYAD = f"{ID}dyad/"
#: Where profile nodes are minted: ``id:profile/KIND/MODE/STATUS``.
PROFILE = f"{ID}profile/"
#: Classes of derived nodes (every triple about them is derived).
DERIVED_CLASSES = (DIPLO.Dyad, DIPLO.Profile)

#: Class tests that Oxigraph evaluates from the node in scope: a constant class (``?official a
#: diplo:Official``) made it scan every node of the class and hash-join them with the scope, so
#: a write's derivations grew with the store (a batch of 1,000 articles: 9.4 s into 10^3
#: articles, 19.1 s into 10^4); a variable class filtered afterwards is one lookup per node.
_OFFICIAL = "?official a ?officialClass . FILTER (?officialClass = diplo:Official)"
_CONTACT = "?communication a ?class . FILTER (?class = diplo:Contact)"
_COMMUNICATION = "?communication a ?class . FILTER (?class IN (diplo:Contact, diplo:Statement))"

#: Officials' name keys: the name and each word of it (up to 12), as written and in lower case.
#: One branch per word, each with a constant pattern that Oxigraph compiles once.
_WORD = r"""{ ?official foaf:name ?fullName .
    FILTER (REGEX(STR(?fullName), "^(?:\\S+\\s+){%(n)d}\\S"))
    BIND (REPLACE(STR(?fullName), "^(?:\\S+\\s+){%(n)d}(\\S+).*$", "$1", "s") AS ?written) }"""
_NAME_KEYS = """
INSERT { ?official diplo:nameKey ?key }
WHERE {
  %(scope)s
  """ + _OFFICIAL + """
  { ?official foaf:name ?fullName . BIND (STR(?fullName) AS ?written) }
  UNION """ + "\n  UNION ".join(_WORD % {"n": n} for n in range(12)) + """
  VALUES ?lower { false true }
  BIND (IF(?lower, LCASE(?written), ?written) AS ?key)
}"""

_ARTICLE_COUNT = """
INSERT { ?official diplo:articleCount ?articles }
WHERE {
  { SELECT ?official (COUNT(DISTINCT ?article) AS ?articles)
    WHERE { %(scope)s """ + _OFFICIAL + """ ?official prov:wasDerivedFrom ?article }
    GROUP BY ?official }
}"""

def _joined(node: str, predicate: str, pattern: str) -> str:
    """A rule joining the names ``pattern`` binds to ``?name`` for each ``?NODE`` into one
    literal of ``predicate``, in alphabetical order (Oxigraph keeps a sub-query's order through
    GROUP_CONCAT, so equal graphs derive equal literals)."""
    return f"""
INSERT {{ ?{node} {predicate} ?names }}
WHERE {{
  {{ SELECT ?{node} (GROUP_CONCAT(DISTINCT ?name; separator="; ") AS ?names)
    WHERE {{ {{ SELECT ?{node} ?name
              WHERE {{ %(scope)s {pattern} }}
              ORDER BY ?name }} }}
    GROUP BY ?{node} }}
}}"""


_POST_NAMES = _joined("official", "diplo:postNames",
                      f"{_OFFICIAL} ?official org:holds/rdfs:label ?name .")
_GOVERNMENT_NAMES = _joined("official", "diplo:governmentNames",
                            f"{_OFFICIAL} ?official diplo:represents/skos:prefLabel ?name .")
_PARTICIPANT_NAMES = _joined(
    "communication", "diplo:participantNames",
    f"{_COMMUNICATION} ?communication diplo:hasParticipant/foaf:name ?name .")
_COUNTERPART_NAMES = _joined(
    "communication", "diplo:counterpartNames",
    f"{_COMMUNICATION} ?communication diplo:counterpartGovernment/skos:prefLabel ?name .")

_PROFILES = """
INSERT { ?communication diplo:profile ?profile .
         ?profile a diplo:Profile ; diplo:kindName ?kind ; diplo:modeName ?mode ;
                  diplo:statusName ?status }
WHERE {
  %(scope)s
  ?communication a ?class ; diplo:mode/skos:notation ?mode ; diplo:status/skos:notation ?status .
  BIND (IF(?class = diplo:Contact, "contact", IF(?class = diplo:Statement, "statement", ""))
        AS ?kind)
  FILTER (?kind != "")
  BIND (IRI(CONCAT("%(profile)s", ?kind, "/", ENCODE_FOR_URI(STR(?mode)), "/",
                   ENCODE_FOR_URI(STR(?status)))) AS ?profile)
}"""

_PARTY_NAMES = """
INSERT { ?communication diplo:partyName ?name }
WHERE {
  %(scope)s
  """ + _CONTACT + """
  { ?communication diplo:hasParticipant/foaf:name ?name }
  UNION { ?communication diplo:counterpartGovernment/skos:prefLabel ?name }
}"""

_DYADS = """
INSERT { ?communication diplo:inDyad ?dyad .
         ?dyad a diplo:Dyad ; diplo:firstGovernment ?first ; diplo:secondGovernment ?second }
WHERE {
  %(scope)s
  """ + _CONTACT + """
  { ?communication diplo:hasParticipant/diplo:represents/skos:prefLabel ?first }
  UNION { ?communication diplo:counterpartGovernment/skos:prefLabel ?first }
  { ?communication diplo:hasParticipant/diplo:represents/skos:prefLabel ?second }
  UNION { ?communication diplo:counterpartGovernment/skos:prefLabel ?second }
  FILTER (STR(?first) < STR(?second))
  BIND (IRI(CONCAT("%(dyad)s", ENCODE_FOR_URI(STR(?first)), "/", ENCODE_FOR_URI(STR(?second))))
        AS ?dyad)
}"""

_EVIDENCE = """
INSERT { ?span diplo:evidenceOf ?communication ; diplo:evidenceArticleId ?article ;
               diplo:evidenceTitle ?title }
WHERE {
  %(scope)s
  ?articleNode diplo:articleId ?article .
  ?span diplo:inArticle ?articleNode .
  ?communication diplo:hasEvidence ?span ; a ?class .
  FILTER (?class IN (diplo:Contact, diplo:Statement))
  OPTIONAL { ?articleNode schema:headline ?title }
}"""

#: Dyad and profile nodes (of ``scope``) no communication points to any more.
_ORPHANS = """
DELETE { ?node ?p ?o }
WHERE { %(scope)s ?node ?p ?o .
        FILTER NOT EXISTS { ?communication diplo:inDyad|diplo:profile ?node } }"""


def _values(variable: str, iris) -> str:
    return f"VALUES ?{variable} {{ {' '.join(f'<{iri}>' for iri in iris)} }}"


def derive_officials(scope: str = "") -> str:
    """The update inserting the derived triples of the officials ``scope`` binds (all without)."""
    rules = (_NAME_KEYS, _ARTICLE_COUNT, _POST_NAMES, _GOVERNMENT_NAMES)
    return " ;\n".join(rule % {"scope": scope} for rule in rules)


def derive_communications(scope: str = "") -> str:
    """The update inserting the derived triples of the communications ``scope`` binds."""
    rules = (_PARTICIPANT_NAMES, _COUNTERPART_NAMES, _PROFILES, _PARTY_NAMES, _DYADS)
    return " ;\n".join(rule % {"scope": scope, "dyad": DYAD, "profile": PROFILE}
                        for rule in rules)


def derive_articles(scope: str = "") -> str:
    """The update inserting the derived triples of the evidence spans of the articles ``scope``
    binds (as ``?articleNode``). A span belongs to one article, so only a write of that article
    changes them."""
    return _EVIDENCE % {"scope": scope}


def delete_derived(officials=(), communications=(), articles=()) -> str:
    """The update deleting the derived triples of these officials and communications, and of the
    evidence spans of these articles, from the merged graph."""
    operations = []
    for variable, iris, predicates in (("official", officials, OFFICIAL_PREDICATES),
                                       ("communication", communications,
                                        COMMUNICATION_PREDICATES)):
        for predicate in predicates if iris else ():
            operations.append(f"DELETE {{ ?{variable} <{predicate}> ?o }} WHERE {{ "
                              f"{_values(variable, iris)} ?{variable} <{predicate}> ?o }}")
    for predicate in SPAN_PREDICATES if articles else ():
        operations.append(f"DELETE {{ ?span <{predicate}> ?o }} WHERE {{ "
                          f"{_values('articleNode', articles)} "
                          f"?span diplo:inArticle ?articleNode ; <{predicate}> ?o }}")
    return " ;\n".join(operations)


def derive(officials=(), communications=(), articles=(), nodes=()) -> str:
    """The update recomputing the derived triples of these officials, communications and
    articles' evidence spans; delete their old ones first (:func:`delete_derived`). Of the dyad
    and profile ``nodes`` (those the communications pointed to before), those left without a
    communication go."""
    operations = []
    if officials:
        operations.append(derive_officials(_values("official", officials)))
    if communications:
        operations.append(derive_communications(_values("communication", communications)))
    if articles:
        operations.append(derive_articles(_values("articleNode", articles)))
    if nodes:
        operations.append(_ORPHANS % {"scope": _values("node", nodes)})
    return " ;\n".join(operations)


def rebuild_all() -> str:
    """The update deleting every derived triple and deriving them all again from the merged
    graph (an upgrade of a store written before derived triples existed, or a check)."""
    predicates = " ".join(f"<{p}>" for p in DERIVED_PREDICATES)
    return " ;\n".join([
        f"DELETE {{ ?s ?p ?o }} WHERE {{ VALUES ?p {{ {predicates} }} ?s ?p ?o }}",
        ("DELETE { ?node ?p ?o } WHERE { VALUES ?class { diplo:Dyad diplo:Profile } "
         "?node a ?class ; ?p ?o }"),
        derive_officials(), derive_communications(), derive_articles(),
    ])
