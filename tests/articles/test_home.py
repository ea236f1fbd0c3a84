"""
The home page: the features, the latest work of each publication type, the
next three events and a search box; its queries do not grow with the number of types.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.translation import gettext, override

from articles.models import HomeFeature, PublicationType
from tests.helpers.budgets import page_queries
from tests.helpers.factories import (
    in_future,
    make_article,
    make_event,
    make_expert,
    make_guest,
    make_publication_type,
    make_topic,
)
from tests.helpers.htmlpage import get_page, parse
from tests.helpers.multilingual import card_titles, html_lang_dir

pytestmark = pytest.mark.django_db


def titles_in(page, section_id):
    section = page.find("section", aria_labelledby=section_id)
    return [title.text for title in section.find_all(cls="card__title")]


def type_sections(page):
    """{type slug: [titles]} of the "latest by type" sections, in the page's order."""
    main = page.find("main").find(cls="listing-layout__main")
    return {
        section.get("aria-labelledby").removeprefix("latest-"): [
            title.text for title in section.find_all(cls="card__title")
        ]
        for section in main.find_all("section")
    }


def dated(title, days_ago, **fields):
    return make_article(title, published_at=timezone.now() - timedelta(days=days_ago), **fields)


def test_latest_three_of_each_type_in_the_types_order(client):
    brief = make_publication_type("Brief Analysis", position=2)
    oped = make_publication_type("Op-Ed", position=1)
    make_publication_type("Testimony", position=3)  # nothing published: no section
    for index in range(5):
        dated(f"Brief {index}", index + 1, publication_type=brief)
    dated("Op-Ed A", 10, publication_type=oped)
    dated("Op-Ed Draft", 1, publication_type=oped, published=False)
    make_article("Op-Ed Scheduled", publication_type=oped, published_at=in_future())
    make_article("Op-Ed in Arabic", publication_type=oped, language="ar")
    make_event("An Event")  # events have their own section
    page = get_page(client, "/")
    assert type_sections(page) == {
        "op-ed": ["Op-Ed A"],
        "brief-analysis": ["Brief 0", "Brief 1", "Brief 2"],
    }
    section = page.find("section", aria_labelledby="latest-brief-analysis")
    assert section.find("h2").text == "Brief Analysis"
    assert not section.find_all(cls="eyebrow")  # the heading names the type once
    assert section.find("a", cls="listing-section__more").get("href") == (
        "/policy-analysis?type=brief-analysis"
    )
    assert page.find("a", href="/policy-analysis").text == "All our work"


def test_featured_work_first_in_order_and_not_repeated_below(client):
    brief = make_publication_type("Brief Analysis")
    newest = dated("Newest Brief", 1, publication_type=brief)
    older = dated("Older Brief", 2, publication_type=brief)
    dated("Oldest Brief", 3, publication_type=brief)
    dated("Ancient Brief", 4, publication_type=brief)
    HomeFeature.objects.create(article=older, position=0)
    HomeFeature.objects.create(article=newest, position=1)
    page = get_page(client, "/")
    assert titles_in(page, "featured") == ["Older Brief", "Newest Brief"]
    assert type_sections(page) == {"brief-analysis": ["Oldest Brief", "Ancient Brief"]}


def test_a_featured_draft_scheduled_archived_or_other_language_piece_is_never_shown(client):
    shown = make_article("Shown Home Feature")
    hidden = [
        make_article("Draft Home Feature", published=False),
        make_article("Scheduled Home Feature", published_at=in_future()),
        make_article("Arabic Home Feature", slug="arabic-home-feature", language="ar"),
    ]
    archived = make_article("Archived Home Feature")
    archived.status = archived.Status.ARCHIVED
    archived.save()
    hidden.append(archived)
    for position, article in enumerate([*hidden, shown]):
        HomeFeature.objects.create(article=article, position=position)
    topic = make_topic("Topic With Features")
    topic.features.create(article=make_article("Topic Feature"))  # not the home page's
    response = client.get("/")
    page = parse(response)
    assert titles_in(page, "featured") == ["Shown Home Feature"]
    featured = page.find("section", aria_labelledby="featured")
    for article in hidden:
        assert article.title not in featured.text
    assert "Topic Feature" not in featured.text
    assert titles_in(get_page(client, "/ar/"), "featured") == ["Arabic Home Feature"]


def test_no_featured_section_without_features(client):
    make_article("Anything")
    page = get_page(client, "/")
    assert not page.find_all("section", aria_labelledby="featured")


def test_the_next_three_events(client):
    now = timezone.now()
    anna = make_expert("Anna Speaker")
    for days in (9, 2, 30, 5):
        make_event(f"In {days} days", start=now + timedelta(days=days), authors=[anna])
    make_event("Past", start=now - timedelta(days=1))
    make_event("Draft Soon", start=now + timedelta(days=1), published=False)
    make_event("Scheduled Soon", start=now + timedelta(days=1), published_at=in_future(1))
    page = get_page(client, "/")
    assert titles_in(page, "upcoming-events") == ["In 2 days", "In 5 days", "In 9 days"]
    section = page.find("section", aria_labelledby="upcoming-events")
    card = section.find(cls="event-card")
    assert card.find("time")  # in its own zone, GMT beside it
    assert card.find(cls="card__byline").hrefs() == [anna.get_absolute_url()]
    assert section.find("a", href="/events").text == "All events"


def test_no_upcoming_event_says_so(client):
    section = get_page(client, "/").find("section", aria_labelledby="upcoming-events")
    assert section.find(cls="empty").text == "No event is scheduled at the moment."


def test_the_search_box(client):
    for prefix in ("", "/ar", "/fa"):
        form = get_page(client, f"{prefix}/").find("form", cls="site-search")
        assert form.get("method") == "get"
        assert form.get("action") == f"{prefix}/search"
        assert form.get("role") == "search"
        box = form.find("input", name="q")
        assert box.get("type") == "search"
        assert form.find("label", **{"for": box.get("id")}).text
        assert form.find("button", type="submit")


def test_arabic_home_page(client):
    oped = make_publication_type("Op-Ed", translations={"ar": {"name": "مقالة رأي"}})
    make_article("مقال عربي", slug="arabic-oped", language="ar", publication_type=oped)
    make_article("English Op-Ed", publication_type=oped)
    page = get_page(client, "/ar/")
    assert html_lang_dir(page) == ("ar", "rtl")
    assert card_titles(page) == ["مقال عربي"]
    assert page.find("section", aria_labelledby="latest-op-ed").find("h2").text == "مقالة رأي"
    with override("ar"):
        assert page.find("h1").text == gettext("Latest analysis")


# --- queries --------------------------------------------------------------------------------


HOME_BUDGET = 4  # features, latest by type, upcoming events, every byline at once


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_queries_do_not_grow_with_types_features_events_or_authors(
    client, prefix, django_assert_max_num_queries
):
    language = prefix.strip("/") or "en"
    now = timezone.now()

    def grow(types, each, authors):
        for type_index in range(types):
            publication_type = make_publication_type(
                f"Type {PublicationType.objects.count()}-{type_index}"
            )
            for _index in range(each):
                people = [make_expert() for _ in range(authors)] + [make_guest()]
                article = make_article(
                    language=language, publication_type=publication_type, authors=people
                )
            HomeFeature.objects.create(article=article)
        for days in range(1, each + 1):
            make_event(language=language, start=now + timedelta(days=days))

    grow(1, 1, 1)
    with django_assert_max_num_queries(HOME_BUDGET):
        small, page = page_queries(client, f"{prefix}/", clear_cache=False)
    assert len(card_titles(page)) == 2  # a feature and an event: nothing else of its type
    grow(8, 5, 4)
    with django_assert_max_num_queries(HOME_BUDGET):
        large, page = page_queries(client, f"{prefix}/", clear_cache=False)
    assert len(titles_in(page, "featured")) == 9
    assert len(type_sections(page)) == 8  # each type's features are not repeated below
    assert len(titles_in(page, "upcoming-events")) == 3
    assert small == large
