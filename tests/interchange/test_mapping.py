"""A JSON Lines import's mapping (interchange/mapping.py): the source's publication
types, statuses and languages become this site's, or their articles are skipped and
reported; a mapping that says something impossible is refused with the reason, and any
TOML is read or refused, never a crash."""

import io
import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import given
from hypothesis import strategies as st

from articles.models import Article
from interchange.mapping import MappingError, record_mapping_from_dict
from tests.helpers.interchange import article_record, importer, publication_type

MAPPING = """
[publication_types]
report = "analysis"
newsletter = "skip"

[statuses]
pending = "review"
trash = "skip"

[languages]
en-gb = "en"
"""


@pytest.fixture
def records(db, tmp_path):
    publication_type()
    importer()
    path = tmp_path / "drupal.jsonl"
    rows = [
        article_record("1", publication_type="report", status="pending", language="en-gb"),
        article_record("2", publication_type="newsletter"),
        article_record("3", publication_type="analysis", status="trash"),
        article_record("4", publication_type="analysis"),
    ]
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


def run(path, **options):
    out = io.StringIO()
    call_command("import_jsonl", path, stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def test_the_mapping_turns_the_source_s_words_into_the_site_s(records, tmp_path):
    (tmp_path / "mapping.toml").write_text(MAPPING)
    out = run(records, mapping=tmp_path / "mapping.toml")
    first = Article.objects.get(title="Article 1")
    assert (first.publication_type.slug, first.status, first.language) == (
        "analysis",
        "review",
        "en",
    )
    assert set(Article.objects.values_list("title", flat=True)) == {"Article 1", "Article 4"}
    assert "article 2: the mapping skips the publication_type “newsletter”" in out
    assert "article 3: the mapping skips the status “trash”" in out
    assert "publication_type “report” → “analysis”" in out


def test_without_a_mapping_the_source_s_own_words_are_reported(records):
    out = run(records)
    assert set(Article.objects.values_list("title", flat=True)) == {"Article 4"}
    assert "article 1: status: 'pending' is not one of" in out
    assert "article 2: the site has no publication type “newsletter”" in out


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("[kinds]\na = 'b'", "unknown key\\(s\\) kinds"),
        ("[statuses]\npending = 'live'", "[statuses] pending: “live”"),
        ("[languages]\nen-gb = 'de'", "[languages] en-gb: “de”"),
        ("[publication_types]\nreport = 'a b'", "[publication_types] report"),
        ("statuses = 3", "[statuses] must be a table of names"),
        ("[statuses", "is not valid TOML"),
    ],
)
def test_a_mapping_that_cannot_be_followed_is_refused_with_the_reason(
    records, tmp_path, text, said
):
    (tmp_path / "mapping.toml").write_text(text)
    with pytest.raises(CommandError, match=said.replace("[", r"\[")):
        run(records, mapping=tmp_path / "mapping.toml")
    assert not Article.objects.exists()


def test_a_missing_mapping_file_is_said(records, tmp_path):
    with pytest.raises(CommandError, match="cannot read"):
        run(records, mapping=tmp_path / "none.toml")


TOML_VALUES = st.recursive(
    st.text(max_size=12) | st.integers() | st.booleans(),
    lambda children: st.dictionaries(st.text(max_size=12), children, max_size=3),
    max_leaves=8,
)


@given(st.dictionaries(st.sampled_from(["statuses", "languages", "x"]), TOML_VALUES, max_size=3))
def test_any_parsed_toml_is_read_or_refused_with_a_message(data):
    try:
        record_mapping_from_dict(data)
    except MappingError as error:
        assert str(error)
