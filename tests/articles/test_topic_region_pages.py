"""
Topic and region pages: the description, the features first (published work in
the page's language only), the latest work, the experts who write most on it, and a
region's sub-regions; features edited in the admin.
"""

import pytest
from django.core.cache import cache

from articles import selectors
from articles.models import Feature, HomeFeature
from tests.helpers.budgets import page_queries
from tests.helpers.factories import (
    in_future,
    make_article,
    make_expert,
    make_guest,
    make_program,
    make_region,
    make_topic,
)
from tests.helpers.htmlpage import get_page, parse
from tests.helpers.multilingual import html_lang_dir

pytestmark = pytest.mark.django_db


def feature(topic_or_region, *articles):
    field = "topic" if topic_or_region.__class__.__name__ == "Topic" else "region"
    for position, article in enumerate(articles):
        Feature.objects.create(article=article, position=position, **{field: topic_or_region})


def featured_titles(page):
    section = page.find("section", aria_labelledby="featured")
    return [title.text for title in section.find_all(cls="card__title")]


def latest_titles(page):
    section = page.find("section", aria_labelledby="latest-work")
    return [title.text for title in section.find_all(cls="card__title")]


def top_expert_names(page):
    section = page.find("section", aria_labelledby="top-experts")
    return [name.text for name in section.find_all(cls="expert-card__name")]


# --- featured work -----------------------------------------------------------------------


def test_featured_work_comes_first_in_the_editors_order(client):
    topic = make_topic("Shipping", description="How goods cross the seas.")
    old = make_article("Old Classic", topics=[topic], published_at=in_future(-400))
    new = make_article("New Piece", topics=[topic])
    elsewhere = make_article("Not On The Topic")  # an editor may feature any piece
    feature(topic, elsewhere, old)
    page = get_page(client, topic.get_absolute_url())
    assert page.find("h1").text == "Shipping"
    assert page.find(cls="page__intro").text == "How goods cross the seas."
    assert featured_titles(page) == ["Not On The Topic", "Old Classic"]
    assert latest_titles(page) == ["New Piece", "Old Classic"]
    # The features come before the latest work.
    headings = [h2.text for h2 in page.find("main").find_all("h2")]
    assert headings.index("Featured") < headings.index("Latest work")
    assert new.title not in featured_titles(page)


def test_reordering_features_reorders_the_page(client):
    topic = make_topic("Order")
    first, second = make_article("First Feature"), make_article("Second Feature")
    feature(topic, first, second)
    Feature.objects.filter(article=first).update(position=5)
    assert featured_titles(get_page(client, topic.get_absolute_url())) == [
        "Second Feature",
        "First Feature",
    ]


def test_a_featured_draft_scheduled_or_other_language_piece_is_never_shown(client):
    region = make_region("Featured Region")
    shown = make_article("Shown Feature")
    draft = make_article("Draft Feature", published=False)
    scheduled = make_article("Scheduled Feature", published_at=in_future())
    arabic = make_article("اختيار عربي", slug="arabic-feature", language="ar")
    archived = make_article("Archived Feature")
    archived.status = archived.Status.ARCHIVED
    archived.save()
    feature(region, draft, scheduled, arabic, archived, shown)
    response = client.get(region.get_absolute_url())
    assert featured_titles(parse(response)) == ["Shown Feature"]
    content = response.content.decode()
    for hidden in (draft, scheduled, archived, arabic):
        assert hidden.title not in content
        assert hidden.get_absolute_url() not in content
    # The Arabic page shows the Arabic feature alone.
    arabic_page = get_page(client, f"/ar{region.get_absolute_url()}")
    assert html_lang_dir(arabic_page) == ("ar", "rtl")
    assert featured_titles(arabic_page) == ["اختيار عربي"]


def test_a_scheduled_feature_appears_once_its_time_comes(client):
    topic = make_topic("Soon")
    scheduled = make_article("Soon Feature", published_at=in_future())
    feature(topic, scheduled)
    page = get_page(client, topic.get_absolute_url())
    assert not page.find_all("section", aria_labelledby="featured")
    scheduled.published_at = in_future(-1)
    scheduled.save()
    assert featured_titles(get_page(client, topic.get_absolute_url())) == ["Soon Feature"]


def test_features_are_per_page(client):
    topic, other = make_topic("Mine"), make_topic("Theirs")
    region = make_region("Somewhere")
    feature(topic, make_article("On Mine"))
    feature(other, make_article("On Theirs"))
    feature(region, make_article("On The Region"))
    HomeFeature.objects.create(article=make_article("On The Home Page"))
    assert featured_titles(get_page(client, topic.get_absolute_url())) == ["On Mine"]
    assert featured_titles(get_page(client, region.get_absolute_url())) == ["On The Region"]


def test_features_are_on_the_first_page_only(client):
    topic = make_topic("Long")
    for index in range(25):
        make_article(f"Long {index}", topics=[topic])
    feature(topic, make_article("The Feature"))
    assert featured_titles(get_page(client, topic.get_absolute_url())) == ["The Feature"]
    second = get_page(client, f"{topic.get_absolute_url()}?page=2")
    assert not second.find_all("section", aria_labelledby="featured")
    assert len(latest_titles(second)) == 5


def test_a_featured_piece_shows_its_byline(client):
    topic = make_topic("Bylines")
    anna, guest = make_expert("Anna Feature"), make_guest("Gus Guest")
    feature(topic, make_article("With Authors", authors=[anna, guest]))
    card = get_page(client, topic.get_absolute_url()).find("section", aria_labelledby="featured")
    byline = card.find(cls="card__byline")
    assert byline.text == "Anna Feature, Gus Guest"
    assert byline.hrefs() == [anna.get_absolute_url()]


# --- the latest work -------------------------------------------------------------------------


def test_a_regions_latest_work_includes_its_sub_regions_and_lists_them(client):
    middle_east = make_region("Middle East", description="From Morocco to Iran.")
    levant = make_region("Levant", parent=middle_east)
    israel = make_region("Israel", parent=levant)
    make_article("On Israel", regions=[israel])
    make_article("On The Levant", regions=[levant])
    make_article("On Both", regions=[levant, israel])
    page = get_page(client, middle_east.get_absolute_url())
    assert sorted(latest_titles(page)) == ["On Both", "On Israel", "On The Levant"]
    subregions = page.find("ul", aria_labelledby="subregions")
    assert subregions.hrefs() == [levant.get_absolute_url()]
    breadcrumb = get_page(client, israel.get_absolute_url()).find("nav", cls="breadcrumb")
    assert breadcrumb.hrefs() == [middle_east.get_absolute_url(), levant.get_absolute_url()]


# --- the experts who write most on it --------------------------------------------------------


def test_top_experts_by_published_work_on_the_topic_in_any_language(client):
    topic = make_topic("Experts Topic")
    program = make_program("Top Program")
    names = ["Ada", "Ben", "Cai", "Dee", "Eli", "Fay"]
    experts = {
        name: make_expert(f"{name} Expert", role=f"{name}'s role", program=program, photo=True)
        for name in names
    }
    counts = {"Ada": 1, "Ben": 4, "Cai": 2, "Dee": 3, "Eli": 2, "Fay": 0}
    for name, count in counts.items():
        for index in range(count):
            # Every other piece in Arabic: they count too.
            make_article(
                language="ar" if index % 2 else "en",
                authors=[experts[name]],
                topics=[topic],
            )
    # Work that does not count: drafts, scheduled work, work on other topics.
    for _index in range(5):
        make_article(published=False, authors=[experts["Fay"]], topics=[topic])
        make_article(published_at=in_future(), authors=[experts["Ada"]], topics=[topic])
        make_article(authors=[experts["Fay"]], topics=[make_topic()])
    # A guest has no profile: never listed, however much they wrote.
    guest = make_guest("Prolific Guest")
    for _index in range(6):
        make_article(authors=[guest], topics=[topic])

    page = get_page(client, topic.get_absolute_url())
    # Most first; equal counts by name (Cai before Eli); five at most.
    assert top_expert_names(page) == [
        "Ben Expert",
        "Dee Expert",
        "Cai Expert",
        "Eli Expert",
        "Ada Expert",
    ]
    section = page.find("section", aria_labelledby="top-experts")
    first = section.find(cls="expert-card")
    assert first.find("a").get("href") == experts["Ben"].get_absolute_url()
    assert first.find(cls="expert-card__role").text == "Ben's role"
    assert first.find("img").get("srcset")  # the photo, in renditions
    # The Arabic page lists them too, linked to their Arabic profiles.
    arabic = get_page(client, f"/ar{topic.get_absolute_url()}")
    links = arabic.find("section", aria_labelledby="top-experts").hrefs()
    assert links[0] == "/ar/experts/ben-expert"


def test_top_experts_of_a_region_count_its_sub_regions_once_a_piece(client):
    parent = make_region("Parent Region")
    child = make_region("Child Region", parent=parent)
    one, two = make_expert("One Writer"), make_expert("Two Writer")
    make_article(authors=[one], regions=[parent, child])  # once, though on both
    make_article(authors=[two], regions=[child])
    make_article(authors=[two], regions=[child])
    assert top_expert_names(get_page(client, parent.get_absolute_url())) == [
        "Two Writer",
        "One Writer",
    ]
    assert top_expert_names(get_page(client, child.get_absolute_url())) == [
        "Two Writer",
        "One Writer",
    ]


def test_top_experts_are_those_of_the_latest_work(client, monkeypatch):
    """Counted over the topic's or region's latest pieces (selectors.TOP_EXPERTS_OF_LATEST)."""
    monkeypatch.setattr(selectors, "TOP_EXPERTS_OF_LATEST", 3)
    topic = make_topic("Latest Topic")
    earlier, later = make_expert("Earlier Writer"), make_expert("Later Writer")
    for index in range(4):
        make_article(authors=[earlier], topics=[topic], published_at=in_future(-100 - index))
    for index in range(2):
        make_article(authors=[later], topics=[topic], published_at=in_future(-10 - index))
    make_article(authors=[earlier], topics=[topic], published_at=in_future(-50))
    # The latest three: two by the later writer, one by the earlier.
    assert top_expert_names(get_page(client, topic.get_absolute_url())) == [
        "Later Writer",
        "Earlier Writer",
    ]
    monkeypatch.setattr(selectors, "TOP_EXPERTS_OF_LATEST", 200)
    cache.clear()  # a change of code, not of content: the kept page is not purged by it
    assert top_expert_names(get_page(client, topic.get_absolute_url())) == [
        "Earlier Writer",
        "Later Writer",
    ]


def test_no_experts_section_without_work(client):
    topic = make_topic("Quiet")
    page = get_page(client, topic.get_absolute_url())
    assert not page.find_all("section", aria_labelledby="top-experts")


# --- queries ---------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_queries_do_not_grow_with_features_experts_or_work(client, prefix):
    language = prefix.strip("/") or "en"
    topic = make_topic("Budget Topic")
    parent = make_region("Budget Parent")
    region = make_region("Budget Child", parent=parent)
    program = make_program()

    def grow(count_each, authors_each):
        for _index in range(count_each):
            authors = [make_expert(program=program, photo=False) for _ in range(authors_each)]
            article = make_article(
                language=language,
                authors=[*authors, make_guest()],
                topics=[topic],
                regions=[region],
            )
            feature(topic, article)
            feature(parent, article)

    grow(1, 1)
    small = {
        path: page_queries(client, prefix + path, clear_cache=False)[0]
        for path in ("/policy-analysis/budget-topic", "/policy-analysis/budget-parent")
    }
    grow(12, 4)
    for path, small_count in small.items():
        large_count, page = page_queries(client, prefix + path, clear_cache=False)
        assert len(featured_titles(page)) == 13
        assert len(top_expert_names(page)) == 5
        assert large_count == small_count, path
    # On an empty page cache, a topic: the slug's look-ups, the count, the features and
    # their bylines, the top experts, the page's ids (kept as the count is), which of them
    # are public (to fetch their kept cards), then the rows of the cards not kept and
    # their bylines. A region: its look-up and its tree for the list, the experts, and
    # the breadcrumb.
    assert small["/policy-analysis/budget-topic"] <= 10
    assert small["/policy-analysis/budget-parent"] <= 14


# --- the admin -------------------------------------------------------------------------------


def test_topic_and_region_forms_edit_their_features_in_order(admin_client):
    topic = make_topic("Admin Topic")
    feature = make_article("Admin Feature")
    page = parse(admin_client.get(f"/admin/taxonomy/topic/{topic.pk}/change/"))
    assert page.find("input", name="features-TOTAL_FORMS")
    data = {
        "name": topic.name,
        "slug": topic.slug,
        "description": "",
        "name__ar": "",
        "description__ar": "",
        "name__fa": "",
        "description__fa": "",
        "features-TOTAL_FORMS": "1",
        "features-INITIAL_FORMS": "0",
        "features-0-article": str(feature.pk),
        "features-0-position": "3",
        "_save": "Save",
    }
    response = admin_client.post(f"/admin/taxonomy/topic/{topic.pk}/change/", data)
    assert response.status_code == 302, parse(response).find_all(cls="errorlist")
    # The submitted place is only an order: the server renumbers the rows 0..n.
    assert list(Feature.objects.on(topic).values_list("article__title", "position")) == [
        ("Admin Feature", 0)
    ]
    region = make_region("Admin Region")
    page = parse(admin_client.get(f"/admin/taxonomy/region/{region.pk}/change/"))
    assert page.find("input", name="features-TOTAL_FORMS")


def test_the_feature_autocomplete_offers_published_work_only(admin_client):
    make_article("Findable Published")
    make_article("Findable Draft", published=False)
    make_article("Findable Scheduled", published_at=in_future())
    for model in ("feature", "homefeature"):
        response = admin_client.get(
            "/admin/autocomplete/",
            {
                "term": "Findable",
                "app_label": "articles",
                "model_name": model,
                "field_name": "article",
            },
        )
        assert response.status_code == 200
        assert [item["text"] for item in response.json()["results"]] == ["Findable Published"]


def test_home_page_features_have_their_own_list(admin_client):
    topic = make_topic("Not Home")
    Feature.objects.create(topic=topic, article=make_article("Topic Feature"))
    HomeFeature.objects.create(article=make_article("Home Feature"), position=1)
    HomeFeature.objects.create(article=make_article("Home Draft", published=False), position=0)
    response = admin_client.get("/admin/articles/homefeature/")
    assert response.status_code == 200
    page = parse(response)
    rows = page.find("table", id="result_list").find("tbody").find_all("tr")
    assert [row.find("th").text for row in rows] == ["Home Draft", "Home Feature"]
    assert page.find_all("input", name="form-0-position")  # positions edited in the list
    # A feature added here is a home page feature.
    feature = make_article("Added Feature")
    response = admin_client.post(
        "/admin/articles/homefeature/add/", {"article": feature.pk, "position": 2, "_save": "Save"}
    )
    assert response.status_code == 302
    added = Feature.objects.get(article=feature)
    assert (added.topic, added.region) == (None, None)


def test_who_may_feature(client, editor, contributor):
    topic = make_topic("Permissions")
    client.force_login(editor)
    assert client.get("/admin/articles/homefeature/").status_code == 200
    page = parse(client.get(f"/admin/taxonomy/topic/{topic.pk}/change/"))
    assert page.find("input", name="features-TOTAL_FORMS")
    client.force_login(contributor)
    assert client.get("/admin/articles/homefeature/").status_code == 403
