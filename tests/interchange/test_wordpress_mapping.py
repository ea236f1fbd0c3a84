"""The mapping file: defaults without one, every key read, every mistake refused with
a message that says what is wrong."""

from pathlib import Path

import pytest

from interchange.wordpress.mapping import Mapping, MappingError, mapping_from_dict, read_mapping

EXAMPLE = """
language = "en"
time_zone = "Asia/Riyadh"
permalink_structure = "/%year%/%monthnum%/%postname%/"

[post_types]
post = "policy-analysis"
page = "skip"
report = "testimony"

[taxonomies]
category = "topic"
post_tag = "tag"
country = "region"

[terms.category]
middle-east = "region"
uncategorized = "skip"
op-eds = "publication_type:op-ed"

[statuses]
private = "review"
"""


def test_defaults_without_a_mapping_file():
    mapping = Mapping()
    assert mapping.post_types == {"post": "policy-analysis", "page": "policy-analysis"}
    assert mapping.target("category", "energy") == "topic"
    assert mapping.target("post_tag", "oil") == "tag"
    assert mapping.target("series", "x") == "skip"
    assert mapping.target("category", "uncategorized") == "skip"
    assert mapping.statuses == {"draft": "draft", "pending": "review", "private": "draft"}


def test_the_documented_example_is_read(tmp_path):
    path = tmp_path / "mapping.toml"
    path.write_text(EXAMPLE)
    mapping = read_mapping(path)
    assert mapping.post_types["page"] == "skip" and mapping.post_types["report"] == "testimony"
    assert mapping.target("category", "middle-east") == "region"
    assert mapping.target("category", "op-eds") == "publication_type:op-ed"
    assert mapping.target("country", "iraq") == "region"
    assert mapping.statuses["private"] == "review"
    assert str(mapping.zone()) == "Asia/Riyadh"


def test_the_documentation_shows_a_mapping_that_reads(tmp_path):
    doc = Path(__file__).parents[2] / "docs" / "wordpress-import.md"
    text = doc.read_text()
    example = text.split("```toml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "mapping.toml"
    path.write_text(example)
    assert read_mapping(path).permalink_structure


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"colour": "red"}, "unknown key"),
        ({"taxonomies": {"category": "topics"}}, "a target is"),
        ({"terms": {"category": {"x": "publication_type:"}}}, "a target is"),
        ({"terms": {"category": "topic"}}, r"\[terms.category\]"),
        ({"post_types": {"post": "Policy Analysis"}}, "slug"),
        ({"statuses": {"publish": "draft"}}, "draft, pending or private"),
        ({"statuses": {"draft": "deleted"}}, "draft, pending or private"),
        ({"time_zone": "Mars/Olympus"}, "not a time zone"),
        ({"language": 3}, "language must be a string"),
        ({"category_base": "/"}, "category_base"),
    ],
)
def test_mistakes_are_refused_with_a_message(data, message):
    with pytest.raises(MappingError, match=message):
        mapping_from_dict(data)


def test_a_file_that_is_not_toml_or_not_there(tmp_path):
    path = tmp_path / "mapping.toml"
    path.write_text("[post_types\npost =")
    with pytest.raises(MappingError, match="not valid TOML"):
        read_mapping(path)
    with pytest.raises(MappingError, match="cannot read"):
        read_mapping(tmp_path / "missing.toml")
