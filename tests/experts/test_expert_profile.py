"""
The expert profile (/experts/<slug>, /ar/..., /fa/...): what it shows (photo, name,
role, program, bio, expertise, languages, contact and links), the expert's work
(publications newest first, paginated and by type; events apart; never a draft or
scheduled piece), and guests and former experts. The Arabic page, the JSON-LD Person
and OpenGraph tags, and the query counts are in test_expert_profile_arabic.py,
test_expert_profile_metadata.py and test_expert_profile_queries.py.
"""

import pytest

from articles.models import Article
from articles.views.experts import PAGE_SIZE
from tests.helpers.expert_profile import (
    URL,
    event_lists,
    events_section,
    json_ld,
    make_anna,
    publications,
)
from tests.helpers.factories import (
    days_ago,
    in_future,
    make_article,
    make_event,
    make_expert,
    make_guest,
    make_publication_type,
)
from tests.helpers.htmlpage import get_page, parse
from tests.helpers.multilingual import translated
from thinktank.renditions import rendition_urls

pytestmark = pytest.mark.django_db

anna = pytest.fixture(make_anna, name="anna")


# --- what the profile shows ----------------------------------------------------------------------


def test_photo_is_a_picture_of_its_renditions(client, anna):
    page = get_page(client, URL)
    picture = page.find("header", cls="profile").find("picture")
    urls = rendition_urls(anna.photo)
    assert list(urls) == ["image/webp", "image/png"]
    source = picture.find("source")
    assert source.get("type") == "image/webp"
    assert source.get("srcset") == ", ".join(f"{u} {w}w" for u, w in urls["image/webp"])
    assert len(urls["image/webp"]) >= 2  # several widths for the browser to choose from
    img = picture.find("img")
    assert img.get("srcset") == ", ".join(f"{u} {w}w" for u, w in urls["image/png"])
    assert img.get("alt") == "Portrait of Anna Borshchevskaya"
    assert img.get("width") and img.get("height") and img.get("sizes")
    # The renditions named are really stored (and served).
    for url, _width in [*urls["image/webp"], *urls["image/png"]]:
        assert "/renditions/" in url
        assert client.get(url).status_code == 200


def test_profile_without_a_photo_has_no_picture(client):
    make_expert("No Photo")
    page = get_page(client, "/experts/no-photo")
    assert not page.find("header", cls="profile").find_all("picture")
    assert not page.find("head").find_all("meta", property="og:image")
    assert "image" not in json_ld(page)


def test_name_role_and_program_link(client, anna):
    page = get_page(client, URL)
    header = page.find("header", cls="profile")
    assert header.find("h1").text == "Anna Borshchevskaya"
    assert header.find(cls="profile__role").text == "Senior Fellow"
    program = header.find(cls="profile__program").find("a")
    assert (program.text, program.get("href")) == (
        "Program on Great Power Competition",
        "/programs/great-power-program",
    )
    assert get_page(client, program.get("href")).find("h1").text == program.text
    assert page.find("title").text == "Anna Borshchevskaya | The Thinktank Institute"
    assert not header.find_all(cls="profile__former")


def test_full_bio(client, anna):
    bio = get_page(client, URL).find(cls="profile__bio")
    assert [paragraph.text for paragraph in bio.find_all("p")] == [
        "Anna Borshchevskaya is a senior fellow.",
        "She wrote a book on Putin.",
    ]


def test_short_bio_stands_in_for_a_missing_full_bio(client):
    make_expert("Short Only", short_bio="One sentence about them.")
    page = get_page(client, "/experts/short-only")
    assert page.find(cls="profile__bio").text == "One sentence about them."


def test_areas_of_expertise_link_their_topic_and_region_pages(client, anna):
    section = get_page(client, URL).section("Areas of expertise")
    links = [(link.text, link.get("href")) for link in section.links()]
    assert links == [
        ("Great Power Competition", "/policy-analysis/great-power-competition"),
        ("Levant", "/policy-analysis/levant"),
    ]
    for name, href in links:
        assert get_page(client, href).find("h1").text == name


def test_languages_spoken(client, anna):
    assert get_page(client, URL).section("Languages").find("p").text == "English, Russian"


def test_email_phone_and_links(client, anna):
    contact = get_page(client, URL).section("Contact")
    assert [(link.text, link.get("href")) for link in contact.links()] == [
        ("anna@example.org", "mailto:anna@example.org"),
        ("+1 202 555 0100", "tel:+12025550100"),
        ("X (Twitter)", "https://x.com/annaborsh"),
        ("Website", "https://anna.example.org/"),
    ]
    for link in contact.links()[2:]:
        assert "me" in link.get("rel").split()


def test_a_bare_profile_leaves_out_the_empty_sections(client):
    make_expert("Bare Expert")
    page = get_page(client, "/experts/bare-expert")
    headings = [heading.text for heading in page.find("main").find_all("h2")]
    assert headings == ["Publications"]
    assert page.section("Publications").find(cls="empty").text == (
        "Nothing has been published here yet."
    )


# --- publications and events ----------------------------------------------------------------------


def test_publications_newest_first_and_paginated(client, anna):
    for day in range(1, PAGE_SIZE + 6):  # 25 pieces, one a day
        make_article(f"Piece {day:02d}", authors=[anna], published_at=days_ago(day))
    first = get_page(client, URL)
    assert publications(first) == [f"Piece {day:02d}" for day in range(1, PAGE_SIZE + 1)]
    pagination = first.find("nav", cls="pagination")
    assert pagination.find("a", rel="next").get("href") == "?page=2"
    assert not pagination.find_all("a", rel="prev")

    second = get_page(client, f"{URL}?page=2")
    assert publications(second) == [f"Piece {day:02d}" for day in range(PAGE_SIZE + 1, 26)]
    assert second.find("nav", cls="pagination").find("a", rel="prev").get("href") == "?page=1"
    # The profile's own header is on every page.
    assert second.find("h1").text == "Anna Borshchevskaya"
    # A page that does not exist shows the last, or the first.
    # A page that does not exist is a 404, as on every list (README, "Pagination").
    get_page(client, f"{URL}?page=99", status=404)
    get_page(client, f"{URL}?page=abc", status=404)


def test_publications_by_type_and_the_type_kept_across_pages(client, anna):
    op_ed = make_publication_type("Op-Ed")
    analysis = make_publication_type("Policy Analysis")
    for day in range(1, PAGE_SIZE + 4):  # 23 op-eds
        make_article(
            f"Op-ed {day:02d}", authors=[anna], publication_type=op_ed, published_at=days_ago(day)
        )
    make_article("The analysis", authors=[anna], publication_type=analysis)
    make_event("The event", authors=[anna])

    page = get_page(client, URL)
    nav = page.find("nav", cls="type-filter")
    assert nav.find(aria_current="page").text == "All"
    # Events are not a kind of publication here: they have their own section.
    assert [(link.text, link.get("href")) for link in nav.links()] == [
        ("Op-Ed", "?type=op-ed#publications"),
        ("Policy Analysis", "?type=policy-analysis#publications"),
    ]

    page = get_page(client, f"{URL}?type=op-ed")
    assert publications(page) == [f"Op-ed {day:02d}" for day in range(1, PAGE_SIZE + 1)]
    nav = page.find("nav", cls="type-filter")
    assert nav.find(aria_current="page").text == "Op-Ed"
    assert nav.find("a", text="All").get("href") == f"{URL}#publications"
    next_page = page.find("nav", cls="pagination").find("a", rel="next").get("href")
    assert next_page == "?type=op-ed&page=2"

    second = get_page(client, f"{URL}{next_page}")
    assert publications(second) == ["Op-ed 21", "Op-ed 22", "Op-ed 23"]
    assert second.find("nav", cls="pagination").find("a", rel="prev").get("href") == (
        "?type=op-ed&page=1"
    )

    assert publications(get_page(client, f"{URL}?type=policy-analysis")) == ["The analysis"]
    assert publications(get_page(client, f"{URL}?type=event")) == []
    unknown = get_page(client, f"{URL}?type=no-such-type")
    assert unknown.section("Publications").find(cls="empty")


def test_the_type_filter_names_only_types_of_published_work(client, anna):
    make_article("Out", authors=[anna], publication_type=make_publication_type("Op-Ed"))
    make_article("Also out", authors=[anna], publication_type=make_publication_type("Analysis"))
    make_article("A draft", authors=[anna], publication_type=make_publication_type("Report"),
                 published=False)  # fmt: skip
    make_article("Soon", authors=[anna], publication_type=make_publication_type("Brief"),
                 published_at=in_future(2))  # fmt: skip
    make_article("Not hers", publication_type=make_publication_type("Podcast"))
    nav = get_page(client, URL).find("nav", cls="type-filter")
    assert {link.text for link in nav.links()} == {"Op-Ed", "Analysis"}


def test_events_are_listed_apart_upcoming_soonest_first_then_past(client, anna):
    make_article("A publication", authors=[anna])
    make_event("Next month", authors=[anna], start=in_future(30))
    make_event("Tomorrow", authors=[anna], start=in_future(1))
    make_event("Next week", authors=[anna], start=in_future(7))
    make_event("Last year", authors=[anna], start=days_ago(365))
    make_event("Last week", authors=[anna], start=days_ago(7))
    make_event("Someone else's", authors=[make_expert()], start=in_future(2))

    page = get_page(client, URL)
    assert event_lists(page) == {
        "Upcoming": ["Tomorrow", "Next week", "Next month"],
        "Past": ["Last week", "Last year"],
    }
    assert events_section(page).find("h2").text == "Events"
    assert publications(page) == ["A publication"]
    # The section comes after the publications.
    sections = page.find("main").find_all("section", cls="profile-section")
    assert [section.get("aria-labelledby") for section in sections] == ["publications", "events"]


def test_no_events_section_without_events(client, anna):
    make_article("A publication", authors=[anna])
    assert events_section(get_page(client, URL)) is None


def test_only_past_events(client, anna):
    make_event("Last week", authors=[anna], start=days_ago(7))
    assert event_lists(get_page(client, URL)) == {"Past": ["Last week"]}


def test_drafts_and_scheduled_work_are_never_listed(client, anna):
    make_article("Published piece", authors=[anna])
    make_event("Published event", authors=[anna], start=in_future(3))
    make_article("Draft piece", authors=[anna], published=False)
    make_article("Scheduled piece", authors=[anna], published_at=in_future(2))
    make_event("Draft event", authors=[anna], start=in_future(3), published=False)
    make_event("Scheduled event", authors=[anna], start=in_future(9), published_at=in_future(2))
    make_event("Scheduled past event", authors=[anna], start=days_ago(3), published_at=in_future(1))
    archived = make_article("Archived piece", authors=[anna])
    Article.objects.filter(pk=archived.pk).update(status=Article.Status.ARCHIVED)

    for url in [URL, f"{URL}?type=policy-analysis", f"{URL}?type=event", f"/ar{URL}"]:
        page = get_page(client, url)
        text = page.find("main").text
        for title in ["Draft", "Scheduled", "Archived"]:
            assert title not in text, (url, title)
    page = get_page(client, URL)
    assert publications(page) == ["Published piece"]
    assert event_lists(page) == {"Upcoming": ["Published event"]}


def test_scheduled_work_appears_once_its_time_comes(client, anna):
    piece = make_article("Soon piece", authors=[anna], published_at=in_future(1))
    assert publications(get_page(client, URL)) == []
    Article.objects.filter(pk=piece.pk).update(published_at=days_ago(1))
    assert publications(get_page(client, URL)) == ["Soon piece"]


# --- guests and former experts --------------------------------------------------------------------


def test_a_guest_has_no_profile_page(client, anna):
    guest = make_guest("Gale Guest")
    make_article("Co-written", authors=[anna, guest])
    for prefix in ["", "/ar", "/fa"]:
        response = client.get(f"{prefix}/experts/gale-guest")
        assert response.status_code == 404
        page = parse(response)
        # The project's own 404 page, in the page's language.
        assert page.find("main").find(cls="error-page")
        assert page.find("head").find("meta", name="robots").get("content") == "noindex"
        assert page.find("html").get("lang") == (prefix.strip("/") or "en")
    assert parse(client.get("/experts/gale-guest")).find("h1").text == (
        "We could not find that page"
    )


def test_a_guests_byline_is_not_a_link(client, anna):
    guest = make_guest("Gale Guest")
    article = make_article("Co-written", authors=[anna, guest])
    card_byline = get_page(client, URL).find(cls="card__byline")
    assert [(link.text, link.get("href")) for link in card_byline.links()] == [
        ("Anna Borshchevskaya", URL)
    ]
    assert "Gale Guest" in card_byline.text
    article_byline = get_page(client, article.get_absolute_url()).find(cls="article__byline")
    assert [link.text for link in article_byline.links()] == ["Anna Borshchevskaya"]
    assert "Gale Guest" in article_byline.text


def test_an_unknown_expert_is_not_found(client):
    response = client.get("/experts/nobody-at-all")
    assert response.status_code == 404
    assert parse(response).find("main").find(cls="error-page")


def test_a_former_expert_keeps_a_profile_and_linked_bylines(client):
    former = make_expert("Thomas Avery", is_active=False, role="Former Fellow")
    article = make_article("An old piece", authors=[former])
    page = get_page(client, "/experts/thomas-avery")
    assert page.find("header", cls="profile").find(cls="profile__former").text == "Former expert"
    assert publications(page) == ["An old piece"]
    byline = get_page(client, article.get_absolute_url()).find(cls="article__byline")
    assert [(link.text, link.get("href")) for link in byline.links()] == [
        ("Thomas Avery", "/experts/thomas-avery")
    ]
    arabic = get_page(client, "/ar/experts/thomas-avery")
    assert arabic.find(cls="profile__former").text == translated("ar", "Former expert")
