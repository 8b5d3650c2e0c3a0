"""Today's plain SPARQL readings of the shipped questions: the reference ``kg bench`` times the
shipped queries against, and the equality tests compare them with.

These are the shipped queries as they were before :mod:`kg.derived` (commit 6d73430): property
paths and UNIONs over the article triples of the merged graph, no derived triple. They answer the
same questions; ``contacts`` matched any part of a name, case-insensitively, where the shipped
query looks up a full name or one of its words (as written or in lower case).

>>> sorted(PLAIN_QUERIES)
['contacts', 'dyads', 'evidence', 'officials', 'timeline']
"""

from __future__ import annotations

PLAIN_QUERIES = {
    "officials": """\
# Officials: name, post and the government they represent, with the number of articles naming them.
SELECT ?name
       (GROUP_CONCAT(DISTINCT ?postLabel; separator="; ") AS ?post)
       (GROUP_CONCAT(DISTINCT ?governmentName; separator="; ") AS ?government)
       (COUNT(DISTINCT ?article) AS ?articles)
WHERE {
  ?official a diplo:Official ; foaf:name ?name ; prov:wasDerivedFrom ?article .
  OPTIONAL { ?official org:holds/rdfs:label ?postLabel }
  OPTIONAL { ?official diplo:represents/skos:prefLabel ?governmentName }
}
GROUP BY ?name
ORDER BY ?name
""",
    "contacts": """\
# Contacts of one official: counterpart, date, mode and status.
# param name: the official's name or part of it, case-insensitive ("Blinken")
SELECT ?name ?official ?counterpart ?date ?mode ?status
WHERE {
  ?person a diplo:Official ; foaf:name ?official .
  FILTER (CONTAINS(LCASE(STR(?official)), LCASE(STR(?name))))
  ?contact a diplo:Contact ; diplo:hasParticipant ?person ;
           diplo:mode/skos:notation ?mode ; diplo:status/skos:notation ?status .
  OPTIONAL { ?contact diplo:date ?date }
  {
    ?contact diplo:hasParticipant/foaf:name ?counterpart .
  } UNION {
    ?contact diplo:counterpartGovernment/skos:prefLabel ?counterpart .
  }
  FILTER (?counterpart != ?official)
}
ORDER BY ?official (!BOUND(?date)) ?date ?counterpart
""",
    "timeline": """\
# Every communication in date order (undated ones last): kind, mode, status and who took part.
SELECT ?date ?kind ?mode ?status
       (GROUP_CONCAT(DISTINCT ?participantName; separator="; ") AS ?participants)
       (GROUP_CONCAT(DISTINCT ?counterpartName; separator="; ") AS ?counterparts)
       ?communication
WHERE {
  ?communication a ?class ; diplo:mode/skos:notation ?mode ; diplo:status/skos:notation ?status .
  VALUES (?class ?kind) { (diplo:Contact "contact") (diplo:Statement "statement") }
  OPTIONAL { ?communication diplo:date ?date }
  OPTIONAL { ?communication diplo:hasParticipant/foaf:name ?participantName }
  OPTIONAL { ?communication diplo:counterpartGovernment/skos:prefLabel ?counterpartName }
}
GROUP BY ?communication ?date ?kind ?mode ?status
ORDER BY (!BOUND(?date)) ?date ?kind ?participants
""",
    "dyads": """\
# Government pairs in contact: how many contacts link them, and the first and last dated one.
# Participants count through the government they represent; unnamed counterparts count too.
SELECT ?government1 ?government2 ?contacts ?first ?last
WHERE {
  {
    SELECT ?government1 ?government2 (COUNT(DISTINCT ?contact) AS ?contacts)
    WHERE {
      ?contact a diplo:Contact .
      { ?contact diplo:hasParticipant/diplo:represents/skos:prefLabel ?government1 }
      UNION { ?contact diplo:counterpartGovernment/skos:prefLabel ?government1 }
      { ?contact diplo:hasParticipant/diplo:represents/skos:prefLabel ?government2 }
      UNION { ?contact diplo:counterpartGovernment/skos:prefLabel ?government2 }
      FILTER (STR(?government1) < STR(?government2))
    }
    GROUP BY ?government1 ?government2
  }
  # Dates come from a second pass over the dated contacts only: Oxigraph's MIN and MAX turn
  # unbound when a group holds an undated row.
  OPTIONAL {
    SELECT ?government1 ?government2 (MIN(?date) AS ?first) (MAX(?date) AS ?last)
    WHERE {
      ?contact a diplo:Contact ; diplo:date ?date .
      { ?contact diplo:hasParticipant/diplo:represents/skos:prefLabel ?government1 }
      UNION { ?contact diplo:counterpartGovernment/skos:prefLabel ?government1 }
      { ?contact diplo:hasParticipant/diplo:represents/skos:prefLabel ?government2 }
      UNION { ?contact diplo:counterpartGovernment/skos:prefLabel ?government2 }
      FILTER (STR(?government1) < STR(?government2))
    }
    GROUP BY ?government1 ?government2
  }
}
ORDER BY DESC(?contacts) ?government1 ?government2
""",
    "evidence": """\
# The text behind each communication: the article, the exact words and offsets, and the sentence.
SELECT ?communication ?article ?title ?begin ?end ?text ?sentence
WHERE {
  VALUES ?class { diplo:Contact diplo:Statement }
  ?communication a ?class ; diplo:hasEvidence ?span .
  ?span diplo:exactText ?text ; diplo:beginIndex ?begin ; diplo:endIndex ?end ;
        diplo:inArticle ?articleNode .
  ?articleNode diplo:articleId ?article .
  # Required patterns first, optional ones last: Oxigraph joins in the order written.
  OPTIONAL { ?span diplo:sentence ?sentence }
  OPTIONAL { ?articleNode schema:headline ?title }
}
ORDER BY ?article ?begin
""",
}
