"""
The anonymous readers' page cache (thinktank.cache): what it keeps, for whom, and
that every write path and every scheduled moment ends the life of what it showed.
"""

import time

import pytest
from django.db import connection, transaction
from django.http import HttpResponse
from django.test import RequestFactory

from articles import services, taxonomy_services, translation_services
from articles.models import Article, ArticleRevision, Feature
from experts import services as expert_services
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.factories import (
    make_article,
    make_expert,
    make_program,
    make_topic,
)
from tests.helpers.htmlpage import parse
from tests.helpers.page_cache import get, purge_number, text, warm
from thinktank import cache as page_cache
from thinktank import cache_purges

pytestmark = pytest.mark.django_db


@pytest.fixture
def piece(db):
    expert = make_expert("Dana Stroul", program=make_program("Military and Security"))
    topic = make_topic("Military and Security Policy")
    return make_article("Deterrence in the Gulf", authors=[expert], topics=[topic])


# --- what is kept, for whom ------------------------------------------------------------


def test_a_second_reader_gets_the_page_from_the_cache_with_no_query(client, piece):
    first, first_queries = get(client, piece.get_absolute_url())
    second, second_queries = get(client, piece.get_absolute_url())
    assert first.status_code == second.status_code == 200
    assert first_queries > 0
    assert second_queries == 0
    assert second.content == first.content
    assert first["Cache-Control"] == second["Cache-Control"] == "public, no-cache"


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/ar/",
        "/policy-analysis",
        "/policy-analysis?page=1",
        "/events",
        "/experts",
        "/programs",
        "/search?q=gulf",
        "/feeds/latest.rss",
        "/sitemap.xml",
    ],
)
def test_every_public_page_is_kept(client, piece, url):
    assert get(client, url)[0].status_code == 200
    response, queries = get(client, url)
    assert response.status_code == 200
    assert queries == 0


def test_each_address_language_and_host_is_its_own_page(client, piece, settings):
    settings.ALLOWED_HOSTS = ["testserver", "other.example"]
    english = get(client, "/")[0]
    arabic, arabic_queries = get(client, "/ar/")
    assert arabic_queries > 0  # not English's page
    assert 'lang="ar"' in text(arabic) and 'lang="en"' in text(english)
    assert get(client, "/?utm=1")[1] > 0
    assert get(client, "/", HOST="other.example")[1] > 0


def test_a_repeat_request_gets_304_with_no_body(client, piece):
    url = piece.get_absolute_url()
    miss = client.get(url)
    etag = miss["ETag"]
    assert etag.startswith('"')
    for _attempt in ("hit", "hit again"):
        response, queries = get(client, url, IF_NONE_MATCH=etag)
        assert response.status_code == 304
        assert response.content == b""
        assert queries == 0
    assert client.get(url, headers={"If-None-Match": '"stale"'}).status_code == 200


def test_a_page_rendered_uncached_answers_304_too(client, piece, settings):
    settings.PAGE_CACHE_SECONDS = 0
    etag = client.get("/policy-analysis")["ETag"]
    response = client.get("/policy-analysis", headers={"If-None-Match": etag})
    assert response.status_code == 304
    assert response.content == b""


def test_after_a_change_the_old_etag_gets_the_new_page(client, piece, editor):
    etag = client.get(piece.get_absolute_url())["ETag"]
    piece.title = "Deterrence in the Gulf, revisited"
    services.article_save(piece, user=editor)
    response = client.get(piece.get_absolute_url(), headers={"If-None-Match": etag})
    assert response.status_code == 200
    assert "Deterrence in the Gulf, revisited" in text(response)


def test_staff_neither_read_nor_fill_the_cache(client, piece, editor):
    url = piece.get_absolute_url()
    client.force_login(editor)
    staff_page = client.get(url)
    assert staff_page.wsgi_request.page_cache == "bypass"
    assert "private" in staff_page["Cache-Control"]
    assert client.get(url).wsgi_request.page_cache == "bypass"  # a second look too
    client.logout()
    # The staff's visits kept no page for readers (the parts they read are public).
    assert client.get(url).wsgi_request.page_cache == "miss"
    assert client.get(url).wsgi_request.page_cache == "hit"


def test_previews_are_never_kept(client, editor):
    draft = make_article("Secret draft on Hormuz", published=False)
    client.force_login(editor)
    preview = client.get(f"/preview/articles/{draft.pk}")
    assert preview.status_code == 200
    token = services.article_share_preview(draft, user=editor).removeprefix("http://testserver")
    client.logout()
    address = token  # the shared preview's address
    assert client.get(address).status_code == 200
    response, queries = get(client, address)
    assert queries > 0
    assert "no-store" in response["Cache-Control"]


def test_a_not_found_page_is_not_kept(client):
    assert client.get("/policy-analysis/not-yet").status_code == 404
    assert get(client, "/policy-analysis/not-yet")[1] > 0


def test_a_response_setting_a_cookie_or_using_the_csrf_token_is_not_kept(settings):
    calls = []

    def cookie_view(request):
        calls.append(request.path)
        response = HttpResponse("hello")
        response.set_cookie("seen", "1")
        return response

    def csrf_view(request):
        calls.append(request.path)
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
        return HttpResponse("a form")

    def private_view(request):
        calls.append(request.path)
        response = HttpResponse("yours")
        response["Cache-Control"] = "private"
        return response

    factory = RequestFactory()
    for view in (cookie_view, csrf_view, private_view):
        middleware = page_cache.PageCacheMiddleware(view)
        for _request in range(2):
            middleware(factory.get(f"/{view.__name__}"))
    assert len(calls) == 6


# --- every write path purges what it showed ---------------------------------------------


def test_an_edit_shows_on_every_page_of_it(client, piece, editor):
    urls = [
        piece.get_absolute_url(),
        "/",
        "/policy-analysis",
        piece.topics.get().get_absolute_url(),
    ]
    warm(client, *urls)
    piece.title = "Deterrence after the strikes"
    services.article_save(piece, user=editor)
    for url in urls:
        assert "Deterrence after the strikes" in text(client.get(url)), url


def test_publishing_shows_the_piece_everywhere_at_once(client, piece, editor):
    draft = make_article("A new piece on Hormuz", published=False, topics=[piece.topics.get()])
    urls = ["/", "/policy-analysis", piece.topics.get().get_absolute_url(), "/feeds/latest.rss"]
    warm(client, *urls)
    assert client.get(draft.get_absolute_url()).status_code == 404
    services.article_publish(Article.objects.get(pk=draft.pk), user=editor)
    assert client.get(draft.get_absolute_url()).status_code == 200
    for url in urls:
        assert "A new piece on Hormuz" in text(client.get(url)), url


@pytest.mark.parametrize("service", ["article_unpublish", "article_archive"])
def test_taking_a_piece_down_takes_it_off_every_kept_page(client, piece, editor, service):
    urls = [
        piece.get_absolute_url(),
        "/",
        "/policy-analysis",
        "/feeds/latest.rss",
        "/sitemap-articles.xml",
        "/search?q=deterrence",
    ]
    warm(client, *urls)
    for url in urls:
        assert piece.get_absolute_url() in text(client.get(url)), url
    getattr(services, service)(piece, user=editor)
    assert client.get(piece.get_absolute_url()).status_code == 404
    for url in urls[1:]:
        assert piece.get_absolute_url() not in text(client.get(url)), url


def test_restoring_a_revision_shows_the_restored_text(client, piece, editor):
    services.article_record_revision(piece, user=editor)
    first = ArticleRevision.objects.filter(article=piece).latest("pk")
    piece.title = "A title to undo"
    services.article_save(piece, user=editor)
    warm(client, piece.get_absolute_url())
    services.article_restore(Article.objects.get(pk=piece.pk), first, user=editor)
    page = text(client.get(piece.get_absolute_url()))
    assert "Deterrence in the Gulf" in page and "A title to undo" not in page


def test_a_new_translation_shows_in_also_available_in(client, piece, editor):
    warm(client, piece.get_absolute_url())
    arabic = translation_services.article_add_translation(piece, "ar", user=editor)
    assert "/ar/policy-analysis/" not in text(client.get(piece.get_absolute_url()))  # a draft
    arabic.title, arabic.slug = "الردع في الخليج", "deterrence-gulf-ar"
    services.article_save(arabic, user=editor)
    services.article_publish(arabic, user=editor)
    assert arabic.get_absolute_url() in text(client.get(piece.get_absolute_url()))


def test_renaming_an_expert_shows_on_their_bylines_and_profile(client, piece, expert_manager):
    expert = piece.authors.get()
    urls = [piece.get_absolute_url(), "/policy-analysis", expert.get_absolute_url(), "/experts"]
    warm(client, *urls)
    expert.name = "Dana K. Stroul"
    expert_services.expert_save(expert, user=expert_manager)
    for url in urls:
        assert "Dana K. Stroul" in text(client.get(url)), url


def test_an_expert_leaving_and_a_program_renamed_show(client, piece, expert_manager):
    expert = piece.authors.get()
    warm(client, "/experts", expert.program.get_absolute_url())
    program_page = parse(client.get(expert.program.get_absolute_url()))
    assert "Dana Stroul" in program_page.find("section", aria_labelledby="program-experts").text
    expert_services.expert_deactivate(expert, user=expert_manager)
    program = expert.program
    program.name = "Military and Security Studies"
    expert_services.program_save(program, user=expert_manager)
    assert "Military and Security Studies" in text(client.get("/programs"))
    program_page = parse(client.get(program.get_absolute_url()))
    experts = program_page.find_all("section", aria_labelledby="program-experts")
    assert not experts or "Dana Stroul" not in experts[0].text
    directory = parse(client.get("/experts"))
    assert "Dana Stroul" in directory.find("section", aria_labelledby="former-experts").text


def test_renaming_and_merging_topics_show_on_the_articles(client, piece, editor):
    topic = piece.topics.get()
    warm(client, piece.get_absolute_url(), topic.get_absolute_url())
    topic.name = "Defence Policy"
    taxonomy_services.topic_or_region_save(topic, user=editor)
    assert "Defence Policy" in text(client.get(piece.get_absolute_url()))
    survivor = make_topic("Security")
    old_address = topic.get_absolute_url()
    warm(client, old_address, piece.get_absolute_url())
    taxonomy_services.topic_or_region_merge(survivor, [topic], user=editor)
    assert client.get(old_address).status_code == 301
    assert "Security" in text(client.get(piece.get_absolute_url()))
    assert "Defence Policy" not in text(client.get(piece.get_absolute_url()))


def test_a_home_page_feature_shows(client, piece):
    other = make_article("The feature of the week")
    warm(client, "/")
    Feature.objects.create(article=other, position=0)
    page = text(client.get("/"))
    assert "The feature of the week" in page


def test_an_edit_through_the_admin_shows(client, piece, admin_client):
    warm(client, piece.get_absolute_url())
    data = form_data(piece, title="Deterrence, seen from the admin")
    assert admin_client.post(change_url(piece), data).status_code == 302
    assert "Deterrence, seen from the admin" in text(client.get(piece.get_absolute_url()))


def test_writes_that_send_no_signal_purge_too(client, piece):
    warm(client, piece.get_absolute_url())
    Article.objects.filter(pk=piece.pk).update(title="Bulk-updated title")
    assert "Bulk-updated title" in text(client.get(piece.get_absolute_url()))
    warm(client, piece.get_absolute_url())
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Article._meta.db_table} SET title = %s WHERE id = %s",  # noqa: S608
            ["Title written in SQL", piece.pk],
        )
    assert "Title written in SQL" in text(client.get(piece.get_absolute_url()))


def test_a_write_the_cache_did_not_hear_of_is_told_before_a_kept_page_is_served(
    client, piece, monkeypatch
):
    warm(client, piece.get_absolute_url())

    def unreachable(*args, **kwargs):
        raise ConnectionError("the cache is away")

    with monkeypatch.context() as away:
        away.setattr(type(cache_purges.ledger()), "purge", unreachable)
        Article.objects.filter(pk=piece.pk).update(title="Written while the cache was away")
        assert cache_purges._purge_pending
    cache_purges._cache_down_until = 0.0  # the cache answers again
    page = text(client.get(piece.get_absolute_url()))
    assert "Written while the cache was away" in page


def test_a_write_during_a_cache_pause_still_purges(client, piece):
    warm(client, piece.get_absolute_url())
    cache_purges._cache_down_until = time.monotonic() + 60  # after a failure, left alone
    Article.objects.filter(pk=piece.pk).update(title="Written during the pause")
    cache_purges._cache_down_until = 0.0
    assert "Written during the pause" in text(client.get(piece.get_absolute_url()))


def test_the_search_index_rebuilt_alone_purges_the_search_pages(client, piece):
    from articles.search import index_all, remove_articles

    url = "/search?q=deterrence"
    warm(client, url)
    address = piece.get_absolute_url()  # the title is shown with its match marked
    assert address in text(client.get(url))
    remove_articles([piece.pk])  # on SQLite a table of its own, on PostgreSQL columns
    if connection.vendor == "postgresql":  # where the index is in the article's row
        Article.objects.filter(pk=piece.pk).update(search_vector=None)
    assert address not in text(client.get(url))
    warm(client, url)
    index_all()
    assert address in text(client.get(url))


def test_writes_elsewhere_purge_nothing(client, piece, editor):
    warm(client, piece.get_absolute_url())
    client.force_login(editor)  # a session row written
    client.logout()
    assert get(client, piece.get_absolute_url())[1] == 0


def test_a_write_purges_again_when_it_commits(piece, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        before = purge_number()
        Article.objects.filter(pk=piece.pk).update(title="Committed later")
        during = purge_number()
    after = purge_number()
    # At once (the writer's own requests), and again at the commit: a page rendered in
    # between from the rows as they were is not kept past it.
    assert before < during < after
