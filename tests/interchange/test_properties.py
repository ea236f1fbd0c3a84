"""The class of input, generated (Hypothesis): any JSON value is judged by the schema
without an exception; records of the format in any order, with references that may
never resolve, imported twice are imported once."""

import json
import uuid

from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles import revisions
from articles.models import Article, Region, Topic
from experts.models import Expert
from interchange.importer import import_records
from interchange.records import problems_of
from interchange.report import CREATED, UPDATED
from tests.helpers.interchange import importer, publication_type

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=5)
    ),
    max_leaves=20,
)
KINDS = ("topic", "region", "expert", "image", "article", "poll", "")
KEYS = ("kind", "id", "name", "title", "language", "body", "authors", "old_paths", "slug")
IDS = st.sampled_from(["1", "2", "3", "x", "٣"])
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
WORDS = st.sampled_from(["Energy", "الطاقة", "Water", "انرژی", "  ", "Oil & gas", "a/b"])
TEXTS = st.dictionaries(st.sampled_from(["en", "ar", "fa", "de"]), WORDS, max_size=3)


@given(JSON)
def test_any_json_value_is_judged_without_an_exception(value):
    assert isinstance(problems_of(value), list)


@given(st.dictionaries(st.sampled_from(KEYS), JSON | st.sampled_from(KINDS), max_size=6))
def test_any_object_of_the_format_s_keys_is_judged_without_an_exception(value):
    problems = problems_of(value)
    if not problems:
        json.dumps(value)  # a valid record is plain JSON


def taxonomy(kind):
    return st.fixed_dictionaries(
        {"kind": st.just(kind), "id": IDS, "name": TEXTS.filter(bool)},
        optional={"slug": st.sampled_from(["energy", "water", "x"]), "parent": IDS}
        if kind == "region"
        else {"slug": st.sampled_from(["energy", "water", "x"])},
    )


EXPERT = st.fixed_dictionaries(
    {"kind": st.just("expert"), "id": IDS, "name": WORDS.filter(str.strip)},
    optional={"email": st.sampled_from(["a@example.org", "A@EXAMPLE.org", "b@example.org"])},
)
ARTICLE = st.fixed_dictionaries(
    {
        "kind": st.just("article"),
        "id": IDS,
        "language": st.sampled_from(["en", "ar", "fa"]),
        "publication_type": st.just("analysis"),
        "title": WORDS,
    },
    optional={
        "translation_group": st.sampled_from(["g1", "g2"]),
        "status": st.sampled_from(["draft", "review", "published", "archived"]),
        "published_at": st.sampled_from(["2019-03-02T10:00:00+00:00", "2100-01-01T00:00:00Z"]),
        "authors": st.lists(IDS, max_size=3),
        "topics": st.lists(IDS, max_size=2),
        "regions": st.lists(IDS, max_size=2),
        "tags": st.lists(st.sampled_from(["oil", "OPEC", "نفط"]), max_size=3),
        "body": st.sampled_from(
            [
                "<p>x</p>",
                '<p><a data-link="article:1">one</a> <a data-link="expert:2">two</a></p>',
                '<p><a href="/old/1/">old</a><span data-note="">n</span></p>',
                '<figure data-image="1"></figure>',
            ]
        ),
        "old_paths": st.lists(st.sampled_from(["/old/1/", "/?p=1", "/old/2"]), max_size=2),
    },
)
RECORDS = st.lists(st.one_of(taxonomy("topic"), taxonomy("region"), EXPERT, ARTICLE), max_size=8)
MODELS = (Article, Expert, Topic, Region)


@settings(
    max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(records=RECORDS)
def test_importing_twice_is_importing_once(db, records):
    with transaction.atomic():
        publication_type()
        user = importer(f"importer-{uuid.uuid4().hex[:8]}")
        source = f"jsonl:{uuid.uuid4().hex}"
        import_records(iter(records), source=source, user=user)
        counts = {model: model.objects.count() for model in MODELS}
        again = import_records(iter(records), source=source, user=user)
        assert {model: model.objects.count() for model in MODELS} == counts
        assert again.total_of(CREATED) == 0
        assert again.total_of(UPDATED) == 0
        transaction.set_rollback(True)


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(records=RECORDS, size=st.integers(1, 4))
def test_articles_written_in_batches_keep_the_site_s_rules(db, monkeypatch, records, size):
    """Whatever the batches: one version a language in a translation set, an address
    per article, and each article's revision what reading it back gives."""
    monkeypatch.setattr("interchange.batch.SIZE", size)
    with transaction.atomic():
        publication_type()
        user = importer(f"importer-{uuid.uuid4().hex[:8]}")
        import_records(iter(records), source=f"jsonl:{uuid.uuid4().hex}", user=user)
        versions = list(Article.objects.values_list("translation_set_id", "language"))
        assert len(versions) == len(set(versions))
        addresses = list(Article.objects.values_list("language", "slug"))
        assert len(addresses) == len(set(addresses))
        taxonomy_slugs = {*Topic.objects.values_list("slug", flat=True)}
        taxonomy_slugs |= {*Region.objects.values_list("slug", flat=True)}
        assert not taxonomy_slugs & {slug for _language, slug in addresses}
        for article in Article.objects.all():
            assert article.revisions.first().data == revisions.snapshot(article)
        transaction.set_rollback(True)
