"""The corpus generator (manage.py generate_corpus, articles.corpus): a small corpus."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from articles.corpus.generate import generate
from articles.corpus.writing import writers
from articles.models import Article, ArticleAuthor, Recommendation
from experts.models import Expert

pytestmark = pytest.mark.django_db


def run(settings, *args, debug=True):
    settings.DEBUG = debug
    out = io.StringIO()
    call_command("generate_corpus", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_it_refuses_without_debug_or_consent(settings):
    with pytest.raises(CommandError, match="DEBUG"):
        run(settings, "--articles", "5", "--experts", "2", debug=False)
    assert Article.objects.count() == 0
    assert "Generated 5 articles" in run(
        settings, "--articles", "5", "--experts", "2", "--yes-i-know", debug=False
    )


def test_a_seed_is_used_once_per_database(settings):
    run(settings, "--articles", "3", "--experts", "2", "--seed", "4")
    with pytest.raises(CommandError, match="seed 4"):
        run(settings, "--articles", "3", "--experts", "2", "--seed", "4")


@pytest.fixture
def corpus(db):
    return generate(300, 20, seed=3)


def test_a_small_corpus_has_everything_a_real_one_has(corpus):
    assert corpus.articles == 300
    assert corpus.experts == 20
    articles = Article.objects.all()
    assert articles.count() == 300 + corpus.translations
    assert corpus.translations > 0
    assert articles.filter(language="ar").count() > 20
    assert set(articles.values_list("status", flat=True)) >= {"published", "draft"}
    assert articles.filter(status="published", published_at__gt=timezone.now()).exists()
    assert articles.filter(publication_type__is_event=True).exists()
    assert Recommendation.objects.exists()
    assert Expert.objects.filter(translations__has_key="ar").exists()
    for article in articles.prefetch_related("topics", "regions", "authorships")[:50]:
        assert 1 <= len(article.authorships.all()) <= 3
        assert article.topics.all() and article.regions.all()
    translated = articles.filter(translation_source__isnull=False).first()
    assert translated.language == "ar"
    assert translated.translation_set_id == translated.translation_source.translation_set_id
    assert set(translated.authors.all()) == set(translated.translation_source.authors.all())


def test_bodies_are_several_hundred_words_of_clean_html(corpus):
    for article in Article.objects.all()[:30]:
        words = len(article.body.split())
        assert 250 <= words <= 900, words
        assert article.body.startswith("<p>")


def test_generated_work_is_searchable(corpus, client):
    author = ArticleAuthor.objects.filter(
        article__in=Article.objects.published().in_language("en")
    ).first()
    last_name = author.expert.name.split()[-1]
    assert Article.objects.published().search(last_name, "en").exists()
    assert Article.objects.published().search("sanctions", "en").exists()
    assert Article.objects.published().search("العقوبات", "ar").exists()
    assert client.get("/search?q=sanctions").status_code == 200


def test_the_same_seed_writes_the_same_text():
    import random

    texts = []
    for _ in range(2):
        writer = writers(random.Random(9))["en"]
        subject = writer.subject()
        texts.append([writer.title(subject), writer.summary(subject), writer.body(subject)])
    assert texts[0] == texts[1]
    arabic = writers(random.Random(9))["ar"]
    assert any("\u0600" <= char <= "\u06ff" for char in arabic.title(arabic.subject()))
