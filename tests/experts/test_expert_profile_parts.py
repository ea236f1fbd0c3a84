"""
The parts of an expert's profile the page cache remembers: the expert with their
program, topics, regions and links (experts.selectors.expert_for_profile), and which
events they hold (articles.selectors.events_of). A page miss with its parts kept reads
nothing; each part shows a change of what it shows at once, as a fresh render does.
"""

from datetime import timedelta
from functools import partial

import pytest
from django.utils import timezone

from articles import services, taxonomy_services
from experts import services as expert_services
from tests.helpers.expert_profile import URL, event_lists, make_anna, publications
from tests.helpers.expertforms import change_url, form_data, links
from tests.helpers.factories import (
    days_ago,
    in_future,
    make_article,
    make_event,
    make_guest,
    make_topic,
)
from tests.helpers.htmlpage import parse
from tests.helpers.page_cache import changed_on, fetched, fresh, rendered, warm

pytestmark = pytest.mark.django_db

anna = pytest.fixture(make_anna, name="anna")


def shown(client, url):
    """The page at `url` now, checked to equal a fresh render of it: its event lists."""
    status, body, _sql = rendered(client, url)
    assert (status, body) == fresh(client, url)
    return body, event_lists(parse(body))


@pytest.fixture
def events(anna):
    guest = make_guest("Maya Guest")
    return {
        "soon": make_event("Briefing on Russia", authors=[anna, guest], start=in_future(0.1)),
        "later": make_event("Forum on the Caucasus", authors=[anna], start=in_future(20)),
        "past": make_event("Panel on Syria", authors=[anna], start=days_ago(3)),
        "guest": guest,
    }


def test_a_profile_page_miss_with_its_parts_kept_reads_nothing(client, events):
    warm(client, URL)
    status, body, sql = rendered(client, f"{URL}?page-miss=1")
    assert sql == ""
    assert event_lists(parse(body)) == {
        "Upcoming": ["Briefing on Russia", "Forum on the Caucasus"],
        "Past": ["Panel on Syria"],
    }
    assert (status, body) == fresh(client, f"{URL}?page-miss=1")


def test_an_event_that_starts_moves_to_the_past_at_once(client, events, clock):
    warm(client, URL)
    clock(hours=3)  # the briefing started: the next change of the published work
    _body, lists = shown(client, f"{URL}?page-miss=1")
    assert lists == {
        "Upcoming": ["Forum on the Caucasus"],
        "Past": ["Briefing on Russia", "Panel on Syria"],
    }


def test_an_event_published_or_taken_down_shows_at_once(client, anna, events, editor):
    warm(client, URL)
    new = make_event("Roundtable on Iran", authors=[anna], start=in_future(3), published=False)
    services.article_publish(new, user=editor)
    _body, lists = shown(client, f"{URL}?page-miss=1")
    upcoming = ["Briefing on Russia", "Roundtable on Iran", "Forum on the Caucasus"]
    assert lists["Upcoming"] == upcoming
    services.article_unpublish(fetched(events["past"]), user=editor)
    _body, lists = shown(client, f"{URL}?page-miss=2")
    assert "Past" not in lists


def test_an_event_moved_in_time_moves_on_the_profile_at_once(client, events, editor):
    warm(client, URL)
    later = fetched(events["later"])
    later.event_start = timezone.now() + timedelta(hours=1)
    services.article_save(later, user=editor)
    _body, lists = shown(client, f"{URL}?page-miss=1")
    assert lists["Upcoming"] == ["Forum on the Caucasus", "Briefing on Russia"]


def test_a_co_author_renamed_shows_on_the_event_card_at_once(client, events, expert_manager):
    save = partial(expert_services.expert_save, user=expert_manager)
    changed_on(client, URL, events["guest"], save, name="Maya Guest-Hart")


def test_the_expert_renamed_shows_at_once(client, anna, expert_manager):
    save = partial(expert_services.expert_save, user=expert_manager)
    changed_on(client, URL, anna, save, role="Director of Research")


def test_a_link_added_in_the_admin_shows_at_once(client, admin_client, anna):
    warm(client, URL)
    new_link = links(("orcid", "https://orcid.org/0000-0002-1825-0097"), initial=anna.links.count())
    data = form_data(admin_client, change_url(anna), **new_link)
    assert admin_client.post(change_url(anna), data).status_code == 302
    body, _lists = shown(client, f"{URL}?page-miss=1")
    assert b"https://orcid.org/0000-0002-1825-0097" in body


def test_a_topic_renamed_shows_in_the_expertise_at_once(client, anna, editor):
    topic = make_topic("Arms Control")
    anna.topics.add(topic)
    save = partial(taxonomy_services.topic_or_region_save, user=editor)
    changed_on(client, URL, topic, save, name="Arms Control and Nonproliferation")


def test_a_new_address_shows_at_once(client, anna, expert_manager):
    warm(client, URL)
    anna.slug = "anna-b"
    expert_services.expert_save(anna, user=expert_manager)
    assert client.get(f"{URL}?page-miss=1").status_code == 404
    assert client.get("/experts/anna-b").status_code == 200


def test_the_program_renamed_shows_at_once(client, anna, expert_manager):
    save = partial(expert_services.program_save, user=expert_manager)
    changed_on(client, URL, anna.program, save, name="Program on Russia and the Middle East")


def test_an_expert_made_a_guest_has_no_profile_at_once(client, anna, expert_manager):
    warm(client, URL)
    anna.kind = anna.Kind.GUEST
    expert_services.expert_save(anna, user=expert_manager)
    assert client.get(f"{URL}?page-miss=1").status_code == 404


def test_the_expert_kept_in_one_language_shows_in_another(client, anna):
    warm(client, URL)
    body, _lists = shown(client, f"/ar{URL}?page-miss=1")
    assert "آنا بورشيفسكايا".encode() in body
    assert "برنامج منافسة القوى الكبرى".encode() in body


def test_each_language_lists_its_own_work_first(client, anna):
    make_article("An English piece", authors=[anna], published_at=days_ago(1))
    make_article("مقال عربي", authors=[anna], language="ar", published_at=days_ago(2))
    english = publications(parse(shown(client, URL)[0]))
    arabic = publications(parse(shown(client, f"/ar{URL}")[0]))
    assert (english[0], arabic[0]) == ("An English piece", "مقال عربي")
