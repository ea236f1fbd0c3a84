"""
What search engines, link previews and reference managers read in a page's <head>:
OpenGraph and Twitter card tags on every public page (base.html's defaults, filled
by each page's title and description), the article's schema.org Article or Event
(JSON-LD), and its Highwire citation tags.
"""

import json
from datetime import UTC, datetime, timedelta

import pytest

from tests.helpers.factories import (
    image_upload,
    make_article,
    make_event,
    make_expert,
    make_guest,
    make_program,
    make_region,
    make_topic,
    make_translation,
)
from tests.helpers.htmlpage import get_page, parse
from tests.helpers.multilingual import SERVER
from thinktank.renditions import make_renditions, rendition_urls

pytestmark = pytest.mark.django_db

PUBLISHED = datetime(2023, 11, 27, 15, 0, tzinfo=UTC)


def meta(page, key):
    """The content of the <meta property=key> or <meta name=key> in the head (exactly one)."""
    head = page.find("head")
    found = head.find_all("meta", property=key) + head.find_all("meta", name=key)
    assert len(found) == 1, (key, found)
    return found[0].get("content")


def metas(page, key):
    head = page.find("head")
    return [tag.get("content") for tag in head.find_all("meta", property=key)] + [
        tag.get("content") for tag in head.find_all("meta", name=key)
    ]


def json_ld(page):
    scripts = page.find("head").find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return json.loads(scripts[0].text)


def head_text(page, tag):
    return page.find("head").find(tag).text


@pytest.fixture
def piece(db):
    anna = make_expert("Anna Borshchevskaya", slug="anna")
    grant = make_expert("Grant Rumley", slug="grant")
    guest = make_guest("Guest Writer")
    topic = make_topic("Energy", slug="energy")
    region = make_region("Levant", slug="levant")
    article = make_article(
        "Putin's Alignment & Israel",
        slug="putins-alignment",
        summary="Moscow's tilt toward Iran.",
        authors=[grant, guest, anna],
        topics=[topic],
        regions=[region],
        published_at=PUBLISHED,
        hero_image=image_upload("hero.png", size=(1600, 900)),
        hero_image_alt="A map of the Levant",
    )
    make_renditions(article.hero_image)
    arabic = make_translation(article, "ar", "انحياز بوتين", slug="anhyaz-bwtyn", authors=[anna])
    return {"article": article, "arabic": arabic, "anna": anna}


# --- every page -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/ar/",
        "/policy-analysis/energy",
        "/policy-analysis/levant",
        "/experts",
        "/programs",
        "/programs/energy-program",
        "/experts/anna",
        "/policy-analysis/putins-alignment",
        "/fa/policy-analysis/energy",
    ],
)
def test_every_page_has_link_preview_tags(client, piece, url):
    make_program("Energy Program", slug="energy-program")
    page = get_page(client, url)
    title = head_text(page, "title")
    description = meta(page, "description")
    assert meta(page, "og:site_name") == "The Thinktank Institute"
    assert meta(page, "og:description") == description
    assert meta(page, "twitter:description") == description
    assert meta(page, "og:title") == meta(page, "twitter:title")
    assert meta(page, "og:title") in title  # the page's title, without the site's name
    canonical = page.find("head").find("link", rel="canonical").get("href")
    assert meta(page, "og:url") == canonical == SERVER + url
    locale = {"ar": "ar_AR", "fa": "fa_IR"}.get(url.split("/")[1], "en_US")
    assert meta(page, "og:locale") == locale
    assert meta(page, "twitter:card") in {"summary", "summary_large_image"}
    assert meta(page, "og:type") in {"website", "article", "profile"}


def test_a_later_page_of_a_list_is_its_own_canonical_page_and_filters_are_not(client, db):
    topic = make_topic("Paged Topic", slug="paged-topic")
    for index in range(25):
        make_article(f"Paged piece {index}", topics=[topic])

    def canonical(url):
        return get_page(client, url).find("head").find("link", rel="canonical").get("href")

    assert canonical("/policy-analysis?page=2") == f"{SERVER}/policy-analysis?page=2"
    assert canonical("/policy-analysis?page=1") == f"{SERVER}/policy-analysis"
    assert canonical("/policy-analysis/paged-topic?page=2") == (
        f"{SERVER}/policy-analysis/paged-topic?page=2"
    )
    assert canonical("/policy-analysis?topic=paged-topic") == f"{SERVER}/policy-analysis"
    assert canonical("/policy-analysis?topic=paged-topic&page=2") == f"{SERVER}/policy-analysis"


def test_defaults_come_from_the_title_and_description_blocks(client, piece):
    page = get_page(client, "/experts")
    assert meta(page, "og:title") == "Experts | The Thinktank Institute"
    assert meta(page, "og:type") == "website"
    assert meta(page, "twitter:card") == "summary"
    assert not metas(page, "og:image")
    assert not metas(page, "twitter:image")


def test_home_page(client, piece):
    page = get_page(client, "/")
    assert meta(page, "og:title") == "The Thinktank Institute"
    assert metas(page, "og:locale:alternate") == ["ar_AR", "fa_IR"]


def test_topic_page_names_the_topic(client, piece):
    page = get_page(client, "/ar/policy-analysis/energy")
    assert meta(page, "og:title") == "Energy"  # no Arabic name: the English one
    assert metas(page, "og:locale:alternate") == ["en_US", "fa_IR"]


def test_a_description_with_markup_is_escaped_once(client, db):
    make_topic("Quotes", slug="quotes", description='Say "no" & <mean> it')
    page = get_page(client, "/policy-analysis/quotes")
    assert meta(page, "og:description") == 'Say "no" & <mean> it'
    assert meta(page, "description") == 'Say "no" & <mean> it'


def test_expert_profile_tags_from_the_shared_mechanism(client, piece):
    anna = piece["anna"]
    anna.photo = image_upload("anna.png", size=(400, 400))
    anna.save()
    make_renditions(anna.photo)
    page = get_page(client, "/experts/anna")
    assert meta(page, "og:type") == "profile"
    assert meta(page, "og:title") == "Anna Borshchevskaya"
    image = meta(page, "og:image")
    assert image == meta(page, "twitter:image") == json_ld(page)["image"]
    assert meta(page, "og:image:alt") == "Portrait of Anna Borshchevskaya"
    assert meta(page, "twitter:card") == "summary"  # a square portrait


# --- the article page ----------------------------------------------------------------------------


def test_article_opengraph(client, piece):
    article = piece["article"]
    page = get_page(client, article.get_absolute_url())
    assert meta(page, "og:type") == "article"
    assert meta(page, "og:title") == "Putin's Alignment & Israel"
    assert meta(page, "og:description") == "Moscow's tilt toward Iran."
    largest, _width = max(rendition_urls(article.hero_image)["image/png"], key=lambda c: c[1])
    assert meta(page, "og:image") == meta(page, "twitter:image") == SERVER + largest
    assert meta(page, "og:image:alt") == meta(page, "twitter:image:alt") == "A map of the Levant"
    assert meta(page, "twitter:card") == "summary_large_image"
    assert meta(page, "article:published_time") == "2023-11-27T15:00:00+00:00"
    assert metas(page, "article:author") == [f"{SERVER}/experts/grant", f"{SERVER}/experts/anna"]
    assert metas(page, "article:tag") == ["Energy"]
    assert metas(page, "og:locale:alternate") == ["ar_AR"]  # its published versions only


def test_article_json_ld(client, piece):
    article = piece["article"]
    data = json_ld(get_page(client, article.get_absolute_url()))
    url = f"{SERVER}/policy-analysis/putins-alignment"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Article"
    assert data["headline"] == "Putin's Alignment & Israel"
    assert data["description"] == "Moscow's tilt toward Iran."
    assert data["url"] == data["mainEntityOfPage"] == url
    assert data["inLanguage"] == "en"
    assert data["datePublished"] == "2023-11-27T15:00:00+00:00"
    article.refresh_from_db()
    assert datetime.fromisoformat(data["dateModified"]) == article.updated_at
    assert data["image"].startswith(f"{SERVER}/media/renditions/")
    assert data["publisher"] == {
        "@type": "Organization",
        "name": "The Thinktank Institute",
        "url": f"{SERVER}/",
    }
    assert data["author"] == [
        {"@type": "Person", "name": "Grant Rumley", "url": f"{SERVER}/experts/grant"},
        {"@type": "Person", "name": "Guest Writer"},  # a guest has no profile
        {"@type": "Person", "name": "Anna Borshchevskaya", "url": f"{SERVER}/experts/anna"},
    ]
    assert data["about"] == [
        {"@type": "Thing", "name": "Energy", "url": f"{SERVER}/policy-analysis/energy"}
    ]
    assert data["spatialCoverage"][0]["name"] == "Levant"


def test_arabic_article_json_ld(client, piece):
    anna = piece["anna"]
    anna.translations = {"ar": {"name": "آنا بورشيفسكايا"}}
    anna.save()
    data = json_ld(get_page(client, piece["arabic"].get_absolute_url()))
    assert data["headline"] == "انحياز بوتين"
    assert data["inLanguage"] == "ar"
    assert data["url"] == f"{SERVER}/ar/policy-analysis/anhyaz-bwtyn"
    assert data["author"] == [
        {"@type": "Person", "name": "آنا بورشيفسكايا", "url": f"{SERVER}/ar/experts/anna"}
    ]


def test_a_hostile_title_stays_data(client, db):
    title = 'Eve </script><script>alert("x")</script>'
    article = make_article(title, slug="eve")
    response = client.get(article.get_absolute_url())
    html = response.content.decode()
    assert html.count("</script>") == 1  # the JSON-LD's own end, nothing else
    page = parse(response)
    assert json_ld(page)["headline"] == title
    assert meta(page, "og:title") == title
    assert meta(page, "citation_title") == title


def test_event_json_ld(client, db):
    speaker = make_expert("Grant Rumley", slug="grant")
    event = make_event(
        "Hamas and Israel",
        slug="hamas-and-israel",
        authors=[speaker],
        start=datetime(2023, 12, 14, 16, 0, tzinfo=UTC),
        event_end=datetime(2023, 12, 14, 17, 30, tzinfo=UTC),
    )
    data = json_ld(get_page(client, event.get_absolute_url()))
    assert data["@type"] == "Event"
    assert data["name"] == "Hamas and Israel"
    # In the event's own zone, with its offset: 11:00 a.m. in New York.
    assert data["startDate"] == "2023-12-14T11:00:00-05:00"
    assert data["endDate"] == "2023-12-14T12:30:00-05:00"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": f"{SERVER}/policy-analysis/hamas-and-israel",
    }
    assert data["organizer"]["name"] == "The Thinktank Institute"
    assert data["performer"] == [
        {"@type": "Person", "name": "Grant Rumley", "url": f"{SERVER}/experts/grant"}
    ]


def test_event_in_a_place_and_online(client, db):
    event = make_event("Both", slug="both", online=True, location="1111 19th St NW, Washington")
    data = json_ld(get_page(client, event.get_absolute_url()))
    assert data["eventAttendanceMode"] == "https://schema.org/MixedEventAttendanceMode"
    assert [location["@type"] for location in data["location"]] == ["Place", "VirtualLocation"]
    assert data["location"][0]["address"] == "1111 19th St NW, Washington"
    in_person = make_event("Here", slug="here", online=False, location="Washington")
    data = json_ld(get_page(client, in_person.get_absolute_url()))
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {"@type": "Place", "name": "Washington", "address": "Washington"}


# --- Highwire citation tags ---------------------------------------------------------------------


def test_highwire_tags(client, piece):
    page = get_page(client, piece["article"].get_absolute_url())
    url = f"{SERVER}/policy-analysis/putins-alignment"
    assert meta(page, "citation_title") == "Putin's Alignment & Israel"
    # One per author, in byline order, "Family, Given" from the sort name.
    assert metas(page, "citation_author") == [
        "Rumley, Grant",
        "Writer, Guest",
        "Borshchevskaya, Anna",
    ]
    assert meta(page, "citation_publication_date") == "2023/11/27"
    assert meta(page, "citation_publisher") == "The Thinktank Institute"
    assert meta(page, "citation_technical_report_institution") == "The Thinktank Institute"
    assert meta(page, "citation_language") == "en"
    assert meta(page, "citation_public_url") == url
    assert meta(page, "citation_abstract_html_url") == url


def test_highwire_tags_in_arabic(client, piece):
    page = get_page(client, piece["arabic"].get_absolute_url())
    assert meta(page, "citation_title") == "انحياز بوتين"
    assert meta(page, "citation_language") == "ar"
    assert meta(page, "citation_public_url") == f"{SERVER}/ar/policy-analysis/anhyaz-bwtyn"


def test_events_are_not_cited_as_reports(client, db):
    event = make_event("An Event", slug="an-event")
    page = get_page(client, event.get_absolute_url())
    assert not metas(page, "citation_title")
    assert not metas(page, "citation_technical_report_institution")


def test_preview_of_a_draft(client, admin_client, db):
    draft = make_article("Draft Piece", published=False, published_at=None)
    page = get_page(admin_client, f"/preview/articles/{draft.pk}")
    assert meta(page, "robots") == "noindex, nofollow"
    assert "datePublished" not in json_ld(page)
    # No downloads yet: they exist once it is published.
    assert not page.find("section", aria_labelledby="cite-this").find_all("a")


def test_a_scheduled_preview_keeps_its_date(client, admin_client, db):
    later = datetime.now(UTC) + timedelta(days=3)
    scheduled = make_article("Later Piece", published_at=later)
    page = get_page(admin_client, f"/preview/articles/{scheduled.pk}")
    assert json_ld(page)["datePublished"].startswith(later.date().isoformat())
