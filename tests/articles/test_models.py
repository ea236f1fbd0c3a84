"""The content model's rules: one slug namespace, publication, events, translations."""

from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from articles.models import Article, Region, Topic
from tests.helpers.factories import (
    in_future,
    make_article,
    make_event_type,
    make_expert,
    make_region,
    make_topic,
)
from tests.helpers.htmlpage import get_page
from tests.helpers.validation import errors_of, new_article

pytestmark = pytest.mark.django_db


# --- one slug namespace ------------------------------------------------------------


def test_article_slug_taken_by_a_topic_is_refused():
    make_topic("Great Power Competition")
    errors = errors_of(new_article(slug="great-power-competition"))
    assert "slug" in errors
    assert "Great Power Competition" in errors["slug"][0]


def test_article_slug_taken_by_a_region_is_refused_in_every_language():
    make_region("Israel")
    for language in ["en", "ar", "fa"]:
        assert "slug" in errors_of(new_article(slug="israel", language=language))


def test_topic_slug_taken_by_an_article_in_any_language_is_refused():
    make_article("Shared Words", slug="shared-words", language="ar")
    errors = errors_of(Topic(name="Shared Words", slug="shared-words"))
    assert "slug" in errors


def test_region_slug_taken_by_an_article_is_refused():
    make_article("Lebanon Today", slug="lebanon", language="fa", published=False)
    assert "slug" in errors_of(Region(name="Lebanon", slug="lebanon"))


def test_topic_and_region_cannot_share_a_slug():
    make_topic("Energy")
    assert "slug" in errors_of(Region(name="Energy", slug="energy"))
    make_region("Gulf States")
    assert "slug" in errors_of(Topic(name="Gulf States", slug="gulf-states"))


def test_same_slug_in_different_languages_is_fine():
    make_article("Same Slug", slug="same-slug", language="en")
    new_article(slug="same-slug", language="ar").full_clean()


def test_same_slug_in_the_same_language_is_refused():
    make_article("Same Slug", slug="same-slug", language="ar")
    assert "slug" in errors_of(new_article(slug="same-slug", language="ar"))


def test_database_refuses_a_duplicate_slug_in_one_language():
    make_article("Same Slug", slug="same-slug")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article("Other Title", slug="same-slug")


def test_saved_objects_validate_against_themselves():
    """Re-validating an unchanged object does not find its own slug taken."""
    article = make_article("Own Slug")
    article.full_clean()
    topic = make_topic("Own Topic")
    topic.full_clean()
    region = make_region("Own Region")
    region.full_clean()


# --- regions -----------------------------------------------------------------------


def test_region_cannot_be_its_own_parent():
    region = make_region("Levant")
    region.parent = region
    assert "parent" in errors_of(region)


def test_region_cannot_be_inside_its_own_descendant():
    middle_east = make_region("Middle East")
    levant = make_region("Levant", parent=middle_east)
    israel = make_region("Israel", parent=levant)
    middle_east.parent = israel
    assert "parent" in errors_of(middle_east)


def test_region_can_move_to_another_parent():
    middle_east = make_region("Middle East")
    north_africa = make_region("North Africa")
    egypt = make_region("Egypt", parent=north_africa)
    egypt.parent = middle_east
    egypt.full_clean()


def test_region_page_includes_sub_regions_articles(client):
    middle_east = make_region("Middle East")
    levant = make_region("Levant", parent=middle_east)
    israel = make_region("Israel", parent=levant)
    make_region("Gulf", parent=middle_east)
    make_article("Only Tagged Israel", regions=[israel])
    make_article("Elsewhere", regions=[make_region("Europe")])
    for url in [
        "/policy-analysis/middle-east",
        "/policy-analysis/levant",
        "/policy-analysis/israel",
    ]:
        page = get_page(client, url)
        titles = [title.text for title in page.find_all(cls="card__title")]
        assert titles == ["Only Tagged Israel"], url
    europe = get_page(client, "/policy-analysis/europe")
    assert [title.text for title in europe.find_all(cls="card__title")] == ["Elsewhere"]


def test_article_in_two_nested_regions_is_listed_once(client):
    middle_east = make_region("Middle East")
    israel = make_region("Israel", parent=middle_east)
    make_article("Twice Tagged", regions=[middle_east, israel])
    page = get_page(client, "/policy-analysis/middle-east")
    assert [title.text for title in page.find_all(cls="card__title")] == ["Twice Tagged"]


def test_region_page_shows_breadcrumb_and_sub_regions(client):
    middle_east = make_region("Middle East")
    levant = make_region("Levant", parent=middle_east)
    make_region("Israel", parent=levant)
    page = get_page(client, "/policy-analysis/levant")
    assert page.find("nav", cls="breadcrumb").hrefs() == ["/policy-analysis/middle-east"]
    assert page.find(cls="subregions").hrefs() == ["/policy-analysis/israel"]


# --- what is published ---------------------------------------------------------------


def test_published_rule():
    past = make_article("Past")
    make_article("Draft", published=False)
    make_article("Future", published_at=in_future())
    make_article("Draft With Past Date", published=False, published_at=timezone.now())
    assert list(Article.objects.published()) == [past]


def test_published_article_without_date_gets_now():
    before = timezone.now()
    article = new_article(status=Article.Status.PUBLISHED, published_at=None)
    article.save()
    assert before <= article.published_at <= timezone.now()
    assert list(Article.objects.published()) == [article]


def test_just_published_is_visible_and_a_second_later_is_not():
    now = timezone.now()
    make_article("Now", published_at=now - timedelta(seconds=1))
    make_article("Soon", published_at=now + timedelta(seconds=60))
    assert [article.title for article in Article.objects.published()] == ["Now"]


# --- events ----------------------------------------------------------------------------


def event(**fields):
    defaults = {
        "slug": "an-event",
        "title": "An Event",
        "publication_type": make_event_type(),
        "event_start": datetime(2023, 12, 14, 16, 0, tzinfo=UTC),
        "event_time_zone": "America/New_York",
        "event_is_online": True,
    }
    return new_article(**{**defaults, **fields})


def test_valid_event_passes():
    event().full_clean()
    event(event_is_online=False, event_location="Washington, DC").full_clean()


def test_event_needs_a_start():
    assert "event_start" in errors_of(event(event_start=None))


def test_event_needs_a_time_zone():
    assert "event_time_zone" in errors_of(event(event_time_zone=""))


def test_event_needs_a_place_or_online():
    assert "event_location" in errors_of(event(event_is_online=False, event_location=" "))


def test_event_cannot_end_before_it_starts():
    start = datetime(2023, 12, 14, 16, 0, tzinfo=UTC)
    assert "event_end" in errors_of(event(event_end=start - timedelta(minutes=1)))
    event(event_end=start + timedelta(hours=1)).full_clean()


@pytest.mark.parametrize("zone", ["Mars/Olympus_Mons", "EST5EDT7", "america/new york", "GMT+25"])
def test_invalid_time_zone_is_refused(zone):
    errors = errors_of(event(event_time_zone=zone))
    assert "event_time_zone" in errors
    assert "is not a time zone name" in errors["event_time_zone"][0]


def test_event_start_is_shown_in_its_own_time_zone_and_gmt(client):
    event = make_article(
        "Panel",
        publication_type=make_event_type(),
        event_start=datetime(2023, 12, 14, 16, 0, tzinfo=UTC),
        event_time_zone="America/New_York",
        event_is_online=True,
    )
    page = get_page(client, event.get_absolute_url())
    time = page.find(cls="article__date").find("time")
    assert time.text == "December 14, 2023, starting at 11:00 a.m. EST (1600 GMT)"
    assert time.get("datetime") == "2023-12-14T16:00:00+00:00"


def test_article_that_is_not_an_event_needs_no_event_fields():
    new_article().full_clean()


# --- translations --------------------------------------------------------------------------


def test_translation_set_holds_one_version_per_language():
    original = make_article("Original")
    make_article("Arabic", language="ar", translation_of=original)
    second_arabic = new_article(
        slug="second-arabic", language="ar", translation_set=original.translation_set
    )
    errors = errors_of(second_arabic)
    assert any("already has a version in this language" in m for m in sum(errors.values(), []))
    with pytest.raises(IntegrityError), transaction.atomic():
        make_article("Second Arabic", language="ar", translation_of=original)


def test_each_article_gets_its_own_translation_set():
    first = make_article("First")
    second = make_article("Second")
    assert first.translation_set_id is not None
    assert first.translation_set_id != second.translation_set_id


def test_translations_share_a_set_and_list_each_other(client):
    original = make_article("Original")
    persian = make_article("Persian", language="fa", translation_of=original)
    arabic = make_article("Arabic", language="ar", translation_of=original)
    assert {original.translation_set_id} == {
        persian.translation_set_id,
        arabic.translation_set_id,
    }
    page = get_page(client, "/fa/policy-analysis/persian")
    # Other versions in the order of settings.LANGUAGES: English, then Arabic.
    assert page.find(cls="article__translations").hrefs() == [
        "/policy-analysis/original",
        "/ar/policy-analysis/arabic",
    ]


# --- urls and names -----------------------------------------------------------------------


def test_absolute_urls():
    assert make_article("English Piece").get_absolute_url() == "/policy-analysis/english-piece"
    arabic = make_article("Arabic Piece", language="ar")
    assert arabic.get_absolute_url() == "/ar/policy-analysis/arabic-piece"
    assert make_topic("Energy").get_absolute_url() == "/policy-analysis/energy"
    assert make_region("Israel").get_absolute_url() == "/policy-analysis/israel"
    assert make_expert("Anna Example").get_absolute_url() == "/experts/anna-example"


def test_expert_sort_name_defaults_to_last_name_first():
    assert make_expert("Anna Borshchevskaya").sort_name == "Borshchevskaya, Anna"
    assert make_expert("Plato").sort_name == "Plato"
    assert make_expert("Mushtaq Abd Manaf", sort_name="Abd Manaf, Mushtaq").sort_name == (
        "Abd Manaf, Mushtaq"
    )


def test_authors_keep_their_order():
    first, second, third = make_expert("C Third"), make_expert("A First"), make_expert("B Second")
    article = make_article("Ordered", authors=[first, second, third])
    names = [author.expert.name for author in article.authorships.all()]
    assert names == ["C Third", "A First", "B Second"]


def test_article_cannot_recommend_itself():
    from articles.models import Recommendation

    article = make_article("Self")
    with pytest.raises(ValidationError):
        Recommendation(article=article, recommended_article=article).full_clean()
