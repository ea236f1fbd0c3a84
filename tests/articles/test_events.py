"""
Events: /events lists the upcoming ones (soonest first) and the past ones (latest first,
paginated), each with its type, title, start in its own zone with GMT beside it,
speakers and place; each has an .ics file that calendar programs import.
"""

from datetime import UTC, datetime, timedelta

import icalendar
import pytest
from django.utils import timezone
from django.utils.translation import override, pgettext

from articles import ical
from tests.helpers.budgets import page_queries
from tests.helpers.factories import (
    in_future,
    make_article,
    make_event,
    make_expert,
    make_guest,
    make_publication_type,
)
from tests.helpers.htmlpage import get_page
from tests.helpers.multilingual import card_titles, expected_event_line, html_lang_dir

pytestmark = pytest.mark.django_db


def section_titles(page, section_id):
    section = page.find("section", aria_labelledby=section_id)
    return [title.text for title in section.find_all(cls="card__title")]


@pytest.fixture
def events():
    now = timezone.now()
    return {
        "soon": make_event("Soon Event", start=now + timedelta(days=2)),
        "later": make_event("Later Event", start=now + timedelta(days=30)),
        "recent": make_event("Recent Event", start=now - timedelta(days=3)),
        "old": make_event("Old Event", start=now - timedelta(days=300)),
        # Published long ago, held next week: upcoming by its start, not its date.
        "announced": make_event(
            "Announced Event", start=now + timedelta(days=7), published_at=now - timedelta(days=90)
        ),
        "draft": make_event("Draft Event", start=now + timedelta(days=1), published=False),
        "scheduled": make_event(
            "Scheduled Event", start=now + timedelta(days=3), published_at=in_future(2)
        ),
        "arabic": make_event(
            "فعالية عربية", slug="arabic-event", language="ar", start=now + timedelta(days=5)
        ),
    }


def test_upcoming_soonest_first_then_past_latest_first(client, events):
    page = get_page(client, "/events")
    assert page.find("h1").text == "Events"
    assert section_titles(page, "upcoming-events") == [
        "Soon Event",
        "Announced Event",
        "Later Event",
    ]
    assert section_titles(page, "past-events") == ["Recent Event", "Old Event"]


def test_no_draft_scheduled_or_other_language_event(client, events):
    content = client.get("/events").content.decode()
    for key in ("draft", "scheduled", "arabic"):
        assert events[key].title not in content


def test_arabic_events_page(client, events):
    page = get_page(client, "/ar/events")
    assert html_lang_dir(page) == ("ar", "rtl")
    assert card_titles(page) == ["فعالية عربية"]
    card = page.find(cls="event-card")
    assert card.find("a").get("href") == "/ar/policy-analysis/arabic-event"
    assert card.find("time").text == expected_event_line(events["arabic"], "ar")
    (calendar,) = [link for link in card.links() if "download" in link.attrs]
    assert calendar.get("href") == "/ar/events/arabic-event.ics"


def test_the_event_line(client, db):
    anna = make_expert("Anna Speaker")
    guest = make_guest("Guest Speaker")
    online = make_event(
        "Reference Event",
        start=datetime(2023, 12, 14, 16, 0, tzinfo=UTC),
        authors=[anna, guest],
    )
    make_event(
        "In Person",
        start=datetime(2023, 12, 1, 14, 30, tzinfo=UTC),
        time_zone="Europe/London",
        online=False,
        location="1111 19th Street NW, Washington",
    )
    page = get_page(client, "/events")
    first, second = page.find("section", aria_labelledby="past-events").find_all(cls="event-card")
    assert first.find(cls="eyebrow").text == "Event"
    title = first.find(cls="card__title")
    assert title.find("a").get("href") == online.get_absolute_url()
    assert first.find("time").text == ("December 14, 2023, starting at 11:00 a.m. EST (1600 GMT)")
    assert first.find("time").get("datetime") == "2023-12-14T16:00:00+00:00"
    byline = first.find(cls="card__byline")
    assert byline.text == "Speakers: Anna Speaker, Guest Speaker"
    assert byline.hrefs() == [anna.get_absolute_url()]  # a guest has no profile
    assert first.find(cls="event-card__place").text == "Online"
    assert second.find(cls="event-card__place").text == "1111 19th Street NW, Washington"
    assert second.find("time").text.endswith("2:30 p.m. GMT (1430 GMT)")
    (calendar,) = [link for link in first.links() if "download" in link.attrs]
    assert calendar.get("href") == "/events/reference-event.ics"
    assert calendar.get("aria-describedby") == title.get("id")


def test_empty_sections_say_so(client, db):
    page = get_page(client, "/events")
    upcoming = page.find("section", aria_labelledby="upcoming-events")
    assert upcoming.find(cls="empty").text == "No event is scheduled at the moment."
    past = page.find("section", aria_labelledby="past-events")
    assert past.find(cls="empty").text == "No past event yet."


def test_past_events_are_paginated_and_upcoming_head_the_first_page(client, db):
    now = timezone.now()
    make_event("Upcoming One", start=now + timedelta(days=1))
    for index in range(23):
        make_event(f"Past {index:02d}", start=now - timedelta(days=index + 1))
    first = get_page(client, "/events")
    assert section_titles(first, "past-events") == [f"Past {index:02d}" for index in range(20)]
    second = get_page(client, "/events?page=2")
    assert section_titles(second, "past-events") == ["Past 20", "Past 21", "Past 22"]
    assert not second.find_all("section", aria_labelledby="upcoming-events")
    get_page(client, "/events?page=3", status=404)


def test_events_are_in_the_main_navigation(client, db):
    page = get_page(client, "/events")
    nav = page.find("nav", cls="site-nav")
    link = nav.find("a", href="/events")
    assert link.get("aria-current") == "page"
    assert [a.text for a in nav.links()][:3] == ["Experts", "Programs", "Events"]
    arabic = get_page(client, "/ar/experts").find("nav", cls="site-nav")
    assert arabic.find("a", href="/ar/events").get("aria-current") is None


def test_other_event_types_are_listed_too(client, db):
    webinar = make_publication_type("Webinar", is_event=True)
    make_article(
        "A Webinar",
        publication_type=webinar,
        event_start=in_future(3),
        event_time_zone="UTC",
        event_is_online=True,
    )
    card = get_page(client, "/events").find(cls="event-card")
    assert card.find(cls="eyebrow").text == "Webinar"


# --- the .ics file -------------------------------------------------------------------------


def read_calendar(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def test_ics_is_a_calendar_with_the_event_in_utc(client, db):
    anna = make_expert("Anna Speaker")
    event = make_event(
        "Reference Event",
        start=datetime(2023, 12, 14, 16, 0, tzinfo=UTC),
        event_end=datetime(2023, 12, 14, 17, 30, tzinfo=UTC),
        authors=[anna, make_guest("Guest Speaker")],
        summary="Experts discuss, with commas; and semicolons.",
    )
    response = client.get("/events/reference-event.ics")
    assert response["Content-Disposition"] == 'attachment; filename="reference-event.ics"'
    calendar = read_calendar(response)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["UID"] == f"event-{event.pk}@testserver"
    assert str(vevent["SUMMARY"]) == "Reference Event"
    assert vevent.decoded("DTSTART") == datetime(2023, 12, 14, 16, 0, tzinfo=UTC)
    assert vevent.decoded("DTEND") == datetime(2023, 12, 14, 17, 30, tzinfo=UTC)
    assert vevent.decoded("DTSTAMP").tzinfo is not None
    assert str(vevent["LOCATION"]) == "Online"
    assert str(vevent["URL"]) == "http://testserver/policy-analysis/reference-event"
    description = str(vevent["DESCRIPTION"])
    assert description.startswith("Experts discuss, with commas; and semicolons.")
    assert "Speakers: Anna Speaker, Guest Speaker" in description
    assert description.endswith("http://testserver/policy-analysis/reference-event")
    # The lines end in CRLF and none is longer than 75 octets.
    assert response.content.endswith(b"END:VCALENDAR\r\n")
    for line in response.content.split(b"\r\n"):
        assert len(line) <= 75
        assert b"\n" not in line


def test_an_event_in_another_zone_is_still_written_in_utc(client, db):
    # 9:00 in Tokyo is 0:00 UTC: a calendar shows it in its reader's zone.
    make_event(
        "Tokyo Event",
        start=datetime(2024, 6, 3, 0, 0, tzinfo=UTC),
        time_zone="Asia/Tokyo",
        online=False,
        location="Tokyo, Japan",
    )
    response = client.get("/events/tokyo-event.ics")
    (vevent,) = read_calendar(response).walk("VEVENT")
    assert vevent.decoded("DTSTART") == datetime(2024, 6, 3, 0, 0, tzinfo=UTC)
    assert b"DTSTART:20240603T000000Z\r\n" in response.content
    assert "DTEND" not in vevent  # no end given: none made up
    assert str(vevent["LOCATION"]) == "Tokyo, Japan"


def test_arabic_ics_keeps_its_text_whole_across_folded_lines(client, db):
    title = "حرب حماس وإسرائيل: نهاية البداية أم بداية النهاية؟ " * 3
    make_event(
        title.strip(),
        slug="long-arabic-event",
        language="ar",
        summary="ملخص، فيه فاصلة",
        authors=[make_expert("Anna Speaker"), make_expert("Boris Speaker")],
    )
    response = client.get("/ar/events/long-arabic-event.ics")
    content = response.content
    content.decode("utf-8")  # folding never cuts inside a character
    (vevent,) = read_calendar(response).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == title.strip()
    assert vevent["SUMMARY"].params["LANGUAGE"] == "ar"
    assert str(vevent["DESCRIPTION"]).startswith("ملخص، فيه فاصلة")
    assert str(vevent["URL"]) == "http://testserver/ar/policy-analysis/long-arabic-event"
    # Speakers' names are separated as the page's bylines are, in the event's language.
    with override("ar"):
        separator = pgettext("between names in a list", ", ")
    assert f"Anna Speaker{separator}Boris Speaker" in str(vevent["DESCRIPTION"])
    for line in content.split(b"\r\n"):
        assert len(line) <= 75


@pytest.mark.parametrize(
    "text, escaped",
    [
        ("a,b;c\\d", "a\\,b\\;c\\\\d"),
        ("line one\nline two\r\nthree", "line one\\nline two\\nthree"),
        ("bell\x07 and tab\t", "bell and tab\t"),
    ],
)
def test_text_is_escaped(text, escaped):
    assert ical.escape_text(text) == escaped


def test_lines_fold_at_75_octets_between_characters():
    line = "SUMMARY:" + "é" * 100  # two octets each
    folded = ical.fold(line)
    parts = folded.split("\r\n")
    assert all(len(part.encode()) <= 75 for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert "".join([parts[0], *(part[1:] for part in parts[1:])]) == line
    assert ical.fold("SHORT:x") == "SHORT:x"


@pytest.mark.parametrize(
    "make",
    [
        lambda: make_event("Hidden", slug="hidden", published=False),
        lambda: make_event("Hidden", slug="hidden", published_at=in_future()),
        lambda: make_article("Hidden", slug="hidden"),  # not an event
        lambda: make_event("Hidden", slug="hidden", language="ar"),  # another language
    ],
    ids=["draft", "scheduled", "not-an-event", "other-language"],
)
def test_no_ics_for_what_readers_may_not_see(client, db, make):
    make()
    response = client.get("/events/hidden.ics")
    assert response.status_code == 404
    assert "<html" in response.content.decode()


def test_the_event_page_links_its_ics(client, db):
    event = make_event("Linked Event")
    page = get_page(client, event.get_absolute_url())
    assert "download" in page.find("a", href="/events/linked-event.ics").attrs
    other = get_page(client, make_article("Not An Event").get_absolute_url())
    assert not [a for a in other.links() if (a.get("href") or "").endswith(".ics")]


# --- queries -------------------------------------------------------------------------------


def test_events_page_queries_are_flat(client, db, django_assert_max_num_queries):
    now = timezone.now()

    def grow(count, speakers):
        for index in range(count):
            authors = [make_expert() for _ in range(speakers)] + [make_guest()]
            make_event(start=now + timedelta(days=index + 1), authors=authors)
            make_event(start=now - timedelta(days=index + 1), authors=authors)

    grow(1, 1)
    small, page = page_queries(client, "/events", clear_cache=False)
    assert len(card_titles(page)) == 2
    grow(25, 4)
    large, page = page_queries(client, "/events", clear_cache=False)
    assert len(card_titles(page)) == 26 + 20
    assert small == large
    # Upcoming and their bylines; the past events' count, page and bylines.
    with django_assert_max_num_queries(5):
        client.get("/ar/events")
