"""The namespace IRIs of the ontology contract, as plain strings.

:mod:`mzgraph.rdf.namespaces` makes rdflib ``Namespace`` objects of them; code that writes or
reads graphs without rdflib (the encoder, the writers, the entity network a view draws straight
from a file's quads) uses the strings, so that a build or a view never pays rdflib's import.
"""

MZ = "https://w3id.org/mzgraph/ontology#"
MZR = "https://w3id.org/mzgraph/resource/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
DCTERMS = "http://purl.org/dc/terms/"
PROV = "http://www.w3.org/ns/prov#"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITSRDF = "http://www.w3.org/2005/11/its/rdf#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
# the dataset that facts taken from the division code table (not from a report) derive from
GAZETTEER = MZR + "dataset/divisions"

# prefix → namespace IRI, in the order graphs bind them
PREFIXES: dict[str, str] = {
    "mz": MZ,
    "mzr": MZR,
    "rdf": RDF,
    "rdfs": RDFS,
    "owl": OWL,
    "xsd": XSD,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "prov": PROV,
    "nif": NIF,
    "itsrdf": ITSRDF,
    "org": ORG,
    "schema": SCHEMA,
}


def sparql_prologue() -> str:
    """PREFIX lines for every bound prefix, to put before a user's query."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
