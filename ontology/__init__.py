"""Package data: the kg ontology (diplo.ttl), SHACL shapes (shapes.ttl) and shipped queries."""
