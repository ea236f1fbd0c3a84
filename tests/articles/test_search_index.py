"""
The search index follows every write path: the services (save, publish, schedule,
restore, add a translation, rename or merge a topic or region, save an expert), the
admin's form, bulk updates and bulk-created bylines, deletions.
"""

import pytest
from django.db import connection

from articles import services, taxonomy_services, translation_services
from articles.models import Article, ArticleAuthor, ArticleRevision
from articles.search import index_all, index_articles
from experts import services as expert_services
from experts.models import Expert
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.factories import in_future, make_article, make_expert, make_region, make_topic

pytestmark = pytest.mark.django_db


def found(query, language="en"):
    return set(Article.objects.published().search(query, language).values_list("title", flat=True))


def fresh(article):
    return Article.objects.get(pk=article.pk)


def test_an_edit_through_the_service_is_found_by_its_new_words(editor):
    article = make_article("Harbour Economics")
    article = fresh(article)
    article.title = "Lighthouse Economics"
    article.summary = "New summary."
    article.body = "<p>About beacons.</p>"
    services.article_save(article, user=editor)
    assert found("lighthouse") == {"Lighthouse Economics"}
    assert found("beacons") == {"Lighthouse Economics"}
    assert found("harbour") == set()


def test_publishing_and_unpublishing(editor):
    draft = make_article("Cormorant Strategy", published=False)
    assert found("cormorant") == set()
    services.article_publish(fresh(draft), user=editor)
    assert found("cormorant") == {"Cormorant Strategy"}
    services.article_unpublish(fresh(draft), user=editor)
    assert found("cormorant") == set()


def test_a_scheduled_article_is_found_only_once_it_is_live(editor):
    draft = make_article("Heron Doctrine", published=False)
    services.article_publish(fresh(draft), user=editor, at=in_future())
    assert found("heron") == set()
    Article.objects.filter(pk=draft.pk).update(published_at=in_future(-1))  # time passes
    assert found("heron") == {"Heron Doctrine"}


def test_the_admin_form_indexes_the_new_title_and_topics(client, editor):
    topic = make_topic("Cartography")
    article = make_article("Old Maps")
    client.force_login(editor)
    data = form_data(article, title="Mercator Projections", topics=[topic.pk])
    response = client.post(change_url(article), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert found("mercator") == {"Mercator Projections"}
    assert found("cartography") == {"Mercator Projections"}


def test_restoring_a_revision_brings_its_words_back(editor):
    author = make_expert("Petronella Quist")
    article = make_article("Albatross Accord", authors=[author])
    services.article_record_revision(fresh(article), user=editor)
    edited = fresh(article)
    edited.title = "Pelican Accord"
    services.article_save(edited, user=editor)
    ArticleAuthor.objects.filter(article=article).delete()
    assert found("quist") == set()
    revision = ArticleRevision.objects.filter(article=article).earliest("pk")
    services.article_restore(fresh(article), revision, user=editor)
    assert found("albatross") == {"Albatross Accord"}
    assert found("pelican") == set()
    assert found("quist") == {"Albatross Accord"}


def test_a_translation_is_found_with_its_authors_once_published(editor):
    author = make_expert("Samira Khoury", translations={"ar": {"name": "سميرة خوري"}})
    source = make_article("Grain Corridors", authors=[author])
    translation = translation_services.article_add_translation(source, "ar", user=editor)
    assert found("خوري", "ar") == set()  # a draft
    translation = fresh(translation)
    translation.title = "ممرات الحبوب"
    services.article_save(translation, user=editor)
    services.article_publish(fresh(translation), user=editor)
    assert found("خوري", "ar") == {"ممرات الحبوب"}
    assert found("samira", "ar") == {"ممرات الحبوب"}


def test_renaming_an_author_reindexes_their_work(expert_manager):
    expert = make_expert("Bartholomew Finch")
    make_article("First Piece", authors=[expert])
    make_article("Second Piece", authors=[expert])
    expert = Expert.objects.get(pk=expert.pk)
    expert.name = "Bartholomew Wren"
    expert.sort_name = ""
    expert_services.expert_save(expert, user=expert_manager)
    assert found("wren") == {"First Piece", "Second Piece"}
    assert found("finch") == set()


def test_an_authors_arabic_name_is_found_once_added(expert_manager):
    expert = make_expert("Nadia Sabbagh")
    make_article("مقال", language="ar", authors=[expert])
    expert = Expert.objects.get(pk=expert.pk)
    expert.translations = {"ar": {"name": "نادية الصباغ"}}
    expert_services.expert_save(expert, user=expert_manager)
    assert found("الصباغ", "ar") == {"مقال"}


def test_renaming_a_topic_or_region_reindexes_its_work(editor):
    topic = make_topic("Desalination")
    region = make_region("Horn Coast")
    make_article("Water Piece", topics=[topic], regions=[region])
    topic.name = "Water Security"
    taxonomy_services.topic_or_region_save(topic, user=editor)
    region.translations = {"ar": {"name": "ساحل القرن"}}
    taxonomy_services.topic_or_region_save(region, user=editor)
    assert found("security") == {"Water Piece"}
    assert found("desalination") == set()
    assert found("ساحل القرن") == {"Water Piece"}


def test_merging_topics_reindexes_the_moved_work(editor):
    keep = make_topic("Cyber Policy")
    typo = make_topic("Cybre Polcy")
    make_article("Moved Piece", topics=[typo])
    taxonomy_services.topic_or_region_merge(keep, [typo], user=editor)
    assert found("cyber") == {"Moved Piece"}
    assert found("cybre") == set()


def test_deleting_a_topic_or_clearing_it_reindexes_its_work():
    topic = make_topic("Glaciology")
    other = make_topic("Permafrost")
    article = make_article("Ice Piece", topics=[topic, other])
    topic.delete()
    assert found("glaciology") == set()
    other.articles.clear()
    assert found("permafrost") == set()
    assert found("ice") == {"Ice Piece"}
    assert fresh(article).topics.count() == 0


def test_classification_changed_from_either_side():
    topic = make_topic("Seabed Mining")
    article = make_article("Deep Piece")
    topic.articles.add(article)
    assert found("seabed") == {"Deep Piece"}
    article.topics.remove(topic)
    assert found("seabed") == set()


def test_bulk_updates_and_bulk_created_bylines_are_indexed():
    article = make_article("Before Title")
    Article.objects.filter(pk=article.pk).update(title="Kestrel Title")
    assert found("kestrel") == {"Kestrel Title"}
    expert = make_expert("Ottoline Marsh")
    ArticleAuthor.objects.bulk_create([ArticleAuthor(article=article, expert=expert)])
    assert found("ottoline") == {"Kestrel Title"}
    ArticleAuthor.objects.filter(article=article).delete()
    assert found("ottoline") == set()


def test_saving_other_fields_does_not_reindex(django_assert_num_queries):
    article = fresh(make_article("Quiet Piece"))
    article.preview_secret = "x"
    with django_assert_num_queries(1):  # the versioned UPDATE, nothing else
        article.save(update_fields=["preview_secret"])


def test_a_deleted_article_leaves_the_index():
    article = make_article("Gone Piece")
    article.delete()
    assert found("gone") == set()
    if connection.vendor == "sqlite":
        from articles.search.sqlite import TABLE

        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM {TABLE} WHERE rowid = %s", [article.pk])  # noqa: S608
            assert cursor.fetchone() == (0,)


def test_index_all_and_index_articles_rebuild_the_index():
    make_article("Rebuilt Piece")
    assert index_all() >= 1
    assert index_articles([]) == 0
    assert index_articles(Article.objects.filter(title="Rebuilt Piece")) == 1
    assert found("rebuilt") == {"Rebuilt Piece"}


FOLDING_SAMPLES = [
    "أحمد",
    "إبراهيم",
    "آمنة",
    "مُسْتَقْبَل",
    "ـــطويل",
    "سیاست",
    "کتاب",
    "مدرسة",
    "José",
    "Ünal",
]


def test_the_index_folds_text_as_python_does():
    """Each database folds what it indexes as thinktank.text.fold folds the query."""
    from thinktank.text import fold

    if connection.vendor == "postgresql":
        from articles.search.postgres import fold_sql

        with connection.cursor() as cursor:
            for sample in FOLDING_SAMPLES:
                cursor.execute(f"SELECT lower({fold_sql('%s')})", [sample])  # noqa: S608
                assert cursor.fetchone()[0] == fold(sample), sample
    else:
        from articles.search.sqlite import TABLE

        article = make_article(" ".join(FOLDING_SAMPLES))
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT title FROM {TABLE} WHERE rowid = %s", [article.pk])  # noqa: S608
            assert cursor.fetchone()[0] == fold(" ".join(FOLDING_SAMPLES))
