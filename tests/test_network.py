"""One government per official in the contact network, whatever some articles say."""

from __future__ import annotations

import datetime as dt

from kg.model import Article, Communication, Extraction, Kind, Meta, Mode, Official, Span, Status
from kg.network import government_network, read_contacts
from kg.ontology_files import ontology_graph
from kg.rdf import to_graph
from kg.store import GraphStore
from tests.test_query_equivalence import SparqlOnly


def _article(article_id: str, aide_government: str) -> Extraction:
    text = "Secretary Antony Blinken met Jane Roe."
    article = Article(Meta(id=article_id, published=dt.date(2022, 3, 1)), text)
    span = Span(0, len(text), text, text)
    return Extraction(
        article=article,
        officials=(Official("Antony Blinken", post="Secretary of State",
                            government="United States", evidence=(span,)),
                   Official("Jane Roe", post="Adviser", government=aide_government,
                            evidence=(span,))),
        communications=(Communication(Kind.CONTACT, Mode.MEETING, Status.OCCURRED,
                                      ("Antony Blinken", "Jane Roe"), (span,),
                                      date=dt.date(2022, 3, 1)),),
    )


def test_an_official_is_drawn_in_the_government_most_articles_name():
    store = GraphStore.in_memory()
    store.replace_articles([ontology_graph(), to_graph(_article("a1", "United States")),
                            to_graph(_article("a2", "Indonesia")),
                            to_graph(_article("a3", "United States"))])
    for reader in (store, SparqlOnly(store)):
        contacts = read_contacts(reader)
        aide = next(o for o in contacts.officials.values() if o["name"] == "Jane Roe")
        assert aide["government"] == "United States"
        # Indonesia is no hub of US contacts: the aide's contacts stay inside the United States.
        network = government_network(contacts)
        names = {d["name"] for node, d in network.nodes(data=True) if network.degree(node) > 0}
        assert "Indonesia" not in names
