"""
A real varnishd (deploy/varnish.vcl) in front of the site, as high-traffic publishers run
it: anonymous pages are kept there and a write purges exactly the pages that show what
it changed (the xkey vmod, by the keys each page named); staff, the admin and previews
go through to the site, and never fill the cache. The site runs in pytest-django's
live_server; the tests write through its services, in this process, which purge
Varnish as production's app servers do.
"""

import time
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.utils import timezone

from articles import services
from articles.models import Article
from tests.helpers.factories import make_article
from tests.helpers.page_cache import related_pieces
from tests.helpers.servers import KeepAliveClient
from tests.helpers.visibility import make_world
from thinktank import shared_cache

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "varnish-test-password"  # noqa: S105 - a throwaway account's


@pytest.fixture
def site(varnish):
    pieces = {
        **related_pieces(),
        "boss": User.objects.create_superuser("boss", "boss@example.org", PASSWORD),
    }
    settled()
    return pieces


def settled():
    """Until the writes' repurges (SHARED_CACHE_REPURGE_SECONDS after each) have gone."""
    shared_cache._repurges.wait()


def pages(site):
    return {
        "A": site["A"].get_absolute_url(),
        "B": site["B"].get_absolute_url(),
        "C": site["C"].get_absolute_url(),
        "topic": site["topic"].get_absolute_url(),
        "home": "/",
        "list": "/policy-analysis",
        "feed": "/feeds/latest.rss",
    }


def cached(varnish, urls):
    """{name: X-Cache} of a GET of each of `urls` through Varnish."""
    return {name: varnish.get(url)[1]["X-Cache"] for name, url in urls.items()}


def warm(varnish, urls):
    cached(varnish, urls)
    assert set(cached(varnish, urls).values()) == {"HIT"}


def fetched(article):
    return Article.objects.get(pk=article.pk)


def test_a_page_is_a_hit_the_second_time_and_readers_see_no_keys(varnish, site):
    url = site["A"].get_absolute_url()
    status, first, body = varnish.get(url)
    assert (status, first["X-Cache"]) == (200, "MISS")
    assert "Deterrence in the Gulf" in body
    _, second, again = varnish.get(url, {"Accept-Language": "fa", "Cookie": "csrftoken=x"})
    assert second["X-Cache"] == "HIT"
    assert again == body
    # Browsers still ask each time (Varnish answers 304 itself); the keys and the
    # shared lifetime are for shared caches only.
    assert second["Cache-Control"] == "public, no-cache"
    assert second["ETag"]
    for header in ("xkey", "Surrogate-Key", "Cache-Tag", "Surrogate-Control", "CDN-Cache-Control"):
        assert header not in second
    status, _, _ = varnish.get(url, {"If-None-Match": second["ETag"]})
    assert status == 304


def test_a_draft_saved_purges_nothing(varnish, site):
    urls = pages(site)
    warm(varnish, urls)
    draft = fetched(site["D"])
    draft.title = "Hormuz Shipping, second draft"
    services.article_save(draft, user=site["boss"])
    assert set(cached(varnish, urls).values()) == {"HIT"}


def test_a_publish_purges_the_pages_that_show_it_and_no_other(varnish, site):
    urls = pages(site)
    warm(varnish, urls)
    services.article_publish(fetched(site["D"]), user=site["boss"])
    expected = {name: "HIT" if name == "C" else "MISS" for name in urls}
    assert cached(varnish, urls) == expected
    for name, url in urls.items():
        assert ("Hormuz Shipping" in varnish.get(url)[2]) == (name != "C"), name


def test_a_takedown_leaves_no_page_showing_it(varnish, site):
    urls = pages(site)
    warm(varnish, urls)
    for name in ("B", "topic", "home", "list", "feed"):
        assert "Deterrence in the Gulf" in varnish.get(urls[name])[2], name
    services.article_unpublish(fetched(site["A"]), user=site["boss"])
    assert varnish.get(urls["A"])[0] == 404
    for name, url in urls.items():
        assert "Deterrence in the Gulf" not in varnish.get(url)[2], name
    assert cached(varnish, {"C": urls["C"]}) == {"C": "HIT"}


def test_staff_are_never_served_the_shared_copy_and_never_fill_it(varnish, site):
    url = site["A"].get_absolute_url()
    staff = KeepAliveClient(varnish.port)
    staff.log_in("boss", PASSWORD)
    try:
        for _ in range(2):
            answer = staff.get(url)
            assert answer.status == 200
            assert answer.headers["X-Cache"] == "PASS"
            assert "private" in answer.headers["Cache-Control"]
        assert varnish.get(url)[1]["X-Cache"] == "MISS"  # staff filled nothing
        assert varnish.get(url)[1]["X-Cache"] == "HIT"
        assert staff.get(url).headers["X-Cache"] == "PASS"  # nor are served the copy
    finally:
        staff.close()


@pytest.mark.parametrize("path", ["/admin/login/", "/preview/not-a-token", "/healthz"])
def test_the_admin_previews_and_the_health_check_go_through(varnish, site, path):
    for _ in range(2):
        assert varnish.get(path)[1]["X-Cache"] == "PASS"


def test_only_what_the_site_marks_is_kept(varnish, site):
    # A page the site does not let shared caches keep (an error) goes through each time.
    for _ in range(2):
        status, headers, _ = varnish.get("/policy-analysis/no-such-article")
        assert (status, headers["X-Cache"]) == (404, "PASS")


def test_no_draft_or_scheduled_work_is_ever_served_through_varnish(varnish):
    world = make_world()
    settled()
    hidden = ("Draft Piece", "Scheduled Piece")
    shown = [world[name].get_absolute_url() for name in ("expert", "topic", "israel")]
    for url in [*shown, "/", "/ar/", "/policy-analysis", "/feeds/latest.rss"]:
        for expected in ("MISS", "HIT"):
            status, headers, body = varnish.get(url)
            assert (status, headers["X-Cache"]) == (200, expected), url
            assert not any(title in body for title in hidden), url
    for name in ("draft", "scheduled", "ar_draft", "ar_scheduled"):
        for _ in range(2):
            status, headers, _ = varnish.get(world[name].get_absolute_url())
            assert (status, headers["X-Cache"]) == (404, "PASS"), name


def test_a_scheduled_article_goes_live_through_varnish_at_its_time(varnish, site):
    going_live = timezone.now() + timedelta(seconds=3)
    make_article("Goes Live Soon", published_at=going_live, topics=[site["topic"]])
    settled()
    topic = site["topic"].get_absolute_url()
    for expected in ("MISS", "HIT"):
        _, headers, body = varnish.get(topic)
        assert headers["X-Cache"] == expected
        assert "Goes Live Soon" not in body
    time.sleep(max(0, (going_live - timezone.now()).total_seconds()) + 0.1)
    _, headers, body = varnish.get(topic)
    assert headers["X-Cache"] == "MISS"  # Varnish kept it no longer than the site did
    assert "Goes Live Soon" in body
