"""
What the site tells shared HTTP caches (thinktank/shared_cache.py), without one: the
keys and the shared lifetime of a kept page, only when a purge address is configured;
the purges a write sends, now and once more later; and that a cache which is away
never fails a write. tests/thinktank/test_varnish.py runs a real Varnish.
"""

import logging
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.http import HttpResponse

from articles import services
from articles.models import Article
from tests.helpers.factories import make_article, make_topic
from tests.helpers.ports import free_port
from thinktank import cache as page_cache
from thinktank import cache_purges, shared_cache
from thinktank.cache import key

pytestmark = pytest.mark.django_db

SHARED_HEADERS = ("xkey", "Surrogate-Key", "Cache-Tag", "Surrogate-Control", "CDN-Cache-Control")


class PurgeRecorder(BaseHTTPRequestHandler):
    def do_PURGE(self):  # noqa: N802 - http.server's naming
        self.server.purges.append(set(self.headers["xkey-purge"].split()))
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture
def purges(settings):
    """The keys of each PURGE the site sends to a shared cache that records them."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), PurgeRecorder)
    server.purges = []
    threading.Thread(target=server.serve_forever, daemon=True).start()
    settings.SHARED_CACHE_PURGE_URLS = [f"http://127.0.0.1:{server.server_port}/"]
    settings.SHARED_CACHE_REPURGE_SECONDS = 0.1
    yield server.purges
    shared_cache._repurges.wait()
    server.shutdown()
    server.server_close()


def keys_of(response):
    return set(response["xkey"].split())


def max_age(response):
    return int(response["Surrogate-Control"].removeprefix("max-age="))


def test_without_a_shared_cache_pages_name_nothing_to_one(client):
    response = client.get(make_article("Plain").get_absolute_url())
    assert response["Cache-Control"] == "public, no-cache"
    assert not any(header in response for header in SHARED_HEADERS)


def test_a_kept_page_names_its_keys_and_its_shared_lifetime(client, purges, settings):
    article = make_article("Named")
    for expected in ("miss", "hit"):
        response = client.get(article.get_absolute_url())
        assert response.wsgi_request.page_cache == expected
        assert {"*", key("article", article.pk)} <= keys_of(response)
        assert response["Surrogate-Key"] == response["xkey"]
        assert set(response["Cache-Tag"].split(",")) == keys_of(response)
        assert 0 < max_age(response) <= settings.PAGE_CACHE_SECONDS
        assert response["CDN-Cache-Control"] == response["Surrogate-Control"]
        # Browsers and caches nobody purges still ask each time.
        assert response["Cache-Control"] == "public, no-cache"


def test_a_page_that_names_nothing_names_any(client, purges):
    assert keys_of(client.get("/robots.txt")) == {"*", "any"}


def test_a_page_with_too_many_keys_names_any(purges):
    response = HttpResponse()
    shared_cache.share(response, {key("article", pk) for pk in range(2000)}, 60)
    assert keys_of(response) == {"*", "any"}


def test_staff_pages_are_never_shared(client, purges, editor):
    client.force_login(editor)
    response = client.get(make_article("Staff").get_absolute_url())
    assert not any(header in response for header in SHARED_HEADERS)


def test_a_page_whose_keys_were_purged_while_it_rendered_is_not_shared(client, purges, monkeypatch):
    article = make_article("Raced")
    recorded = page_cache._recorded

    def rendered_then_written(compute, *args, **kwargs):
        result = recorded(compute, *args, **kwargs)
        cache_purges.purge(key("article", article.pk))  # a write commits meanwhile
        return result

    monkeypatch.setattr(page_cache, "_recorded", rendered_then_written)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert "Raced" in response.content.decode()
    assert not any(header in response for header in SHARED_HEADERS)


def test_a_publish_purges_its_keys_now_and_once_more_later(purges, editor):
    topic = make_topic("Gulf")
    draft = make_article("To publish", published=False, topics=[topic])
    shared_cache._repurges.wait()
    purges.clear()
    services.article_publish(Article.objects.get(pk=draft.pk), user=editor)
    sent = [set(keys) for keys in purges]
    expected = {key("article", draft.pk), key("related", f"en:t{topic.pk}"), "any"}
    assert sent and all(expected <= keys for keys in sent)
    now = len(sent)
    shared_cache._repurges.wait()
    assert len(purges) > now  # the repurge
    assert expected <= purges[-1]


def test_a_draft_saved_sends_no_purge(purges, editor):
    draft = make_article("Still a draft", published=False)
    shared_cache._repurges.wait()
    purges.clear()
    draft = Article.objects.get(pk=draft.pk)
    draft.title = "Still a draft, again"
    services.article_save(draft, user=editor)
    shared_cache._repurges.wait()
    assert purges == []


def test_a_shared_cache_that_is_away_never_fails_a_write(settings, editor, caplog):
    settings.SHARED_CACHE_PURGE_URLS = [f"http://127.0.0.1:{free_port()}/"]
    settings.SHARED_CACHE_REPURGE_SECONDS = 0
    draft = make_article("Published anyway", published=False)
    with caplog.at_level(logging.WARNING, logger="thinktank.shared_cache"):
        services.article_publish(Article.objects.get(pk=draft.pk), user=editor)
        shared_cache._repurges.wait()
    assert Article.objects.get(pk=draft.pk).status == Article.Status.PUBLISHED
    assert "shared cache purge failed" in caplog.text


def test_a_purge_the_ledger_missed_is_not_sent_again_to_the_shared_caches(
    client, purges, monkeypatch
):
    # The shared caches heard of the write when it happened; the ledger's catching up
    # (at each request while Redis is away) must not empty them again and again.
    article = make_article("Caught up")
    shared_cache._repurges.wait()
    purges.clear()
    monkeypatch.setattr(cache_purges, "_purge_pending", True)
    assert client.get(article.get_absolute_url()).status_code == 200
    assert cache_purges._purge_pending is False
    shared_cache._repurges.wait()
    assert purges == []
