"""The one format table: lookups by name, alias, extension and media type."""

import pyoxigraph
import pytest

from mzgraph.errors import UsageError
from mzgraph.rdf import formats
from mzgraph.rdf.formats import FORMATS, format_for_media_type, format_for_path, format_named, output_format


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("g.ttl", "turtle"),
        ("G.TTL", "turtle"),
        ("dir.v1/g.nt", "nt"),
        ("g.trig", "trig"),
        ("g.nq", "nquads"),
        ("g.jsonld", "jsonld"),
        ("g.json", "jsonld"),
        ("g.rdf", "rdfxml"),
        ("g.owl", "rdfxml"),
        ("graph", "turtle"),  # no extension: the default
        ("g.graphml", "turtle"),  # not an RDF format: a graph file is read as the default
    ],
)
def test_format_for_path(path, name):
    assert format_for_path(path).name == name


def test_format_for_path_without_default():
    assert format_for_path("g.txt", default=None) is None


@pytest.mark.parametrize(
    ("alias", "name"),
    [("ttl", "turtle"), ("ntriples", "nt"), ("nt11", "nt"), ("nq", "nquads"), ("json-ld", "jsonld"), ("xml", "rdfxml")],
)
def test_aliases(alias, name):
    assert format_named(alias).name == name


def test_unknown_name_is_a_usage_error_listing_the_choices():
    with pytest.raises(UsageError, match="choose from turtle, nt"):
        format_named("yaml")
    with pytest.raises(UsageError, match="unknown format 'csv'"):
        format_named("csv", formats.RDF)


def test_media_types_with_parameters():
    assert format_for_media_type("text/turtle; charset=utf-8").name == "turtle"
    assert format_for_media_type("Application/N-Quads").name == "nquads"
    assert format_for_media_type("text/html") is None


def test_every_rdf_format_maps_to_oxigraph_and_agrees_on_datasets():
    for f in FORMATS.values():
        if f.is_rdf:
            assert isinstance(f.oxigraph, pyoxigraph.RdfFormat)
            assert f.oxigraph.supports_datasets == f.dataset or f.name == "jsonld"
            assert f.oxigraph.media_type == f.media_type
        else:
            assert f.oxigraph is None


def test_output_format_prefers_the_name_then_the_extension():
    assert output_format("g.ttl", "nt").name == "nt"
    assert output_format("g.nq").name == "nquads"
    assert output_format("g.unknown").name == "turtle"
    with pytest.raises(UsageError):
        output_format("g.ttl", "gexf")
