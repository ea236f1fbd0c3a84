"""
No kept page is ever stale (articles.page_cache, articles.list_cache, thinktank.cache):
after any sequence of editorial writes (saves, new text a search matches, workflow
steps, proposals, relinking, redating, retyping, retopicking and reregioning in the
admin, a translation published, an author renamed, given a new bio, retired, made a
guest or moved to a program), every public page a reader is served from the cache,
articles and every kind of list, is the page a fresh render shows, byte for byte.
"""

import re
from datetime import timedelta
from unittest import mock

from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone, translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles import proposals, services
from articles.models import Article, Region
from articles.views import ArticleListView, TopicDetailView
from experts import services as expert_services
from experts.models import Expert, Program
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.factories import (
    in_future,
    make_article,
    make_event,
    make_expert,
    make_program,
    make_publication_type,
    make_region,
    make_topic,
    make_translation,
)
from tests.helpers.links import body_linking


def build():
    """Seven pieces, three of them drafts, sharing topics, regions, types and authors,
    one linking, one recommending, an event, an Arabic version and an Arabic draft; and
    the pages that show them: every kind of list, paginated two a page (PAGE_SIZE)."""
    gulf, trade = make_topic("Gulf Security"), make_topic("Trade")
    middle_east = make_region("Middle East")
    iran, levant = make_region("Iran", parent=middle_east), make_region("Levant")
    program = make_program("Maritime Program")
    dana, omar = make_expert("Dana Stroul", program=program), make_expert("Omar Haddad")
    brief = make_publication_type("Brief")
    draft = make_article("Hormuz Shipping", published=False, authors=[dana], topics=[gulf])
    pieces = [
        make_article("Deterrence in the Gulf", authors=[dana], topics=[gulf], regions=[iran]),
        make_article("Naval Patrols", authors=[omar], topics=[gulf], body=body_linking(draft)),
        make_article(
            "Tariffs and Ports", topics=[trade], regions=[levant], recommendations=[draft]
        ),
        draft,
        make_article("Port Fees", published=False, authors=[omar], topics=[trade]),
        make_event("Gulf Forum", start=in_future(), authors=[dana], topics=[gulf]),
    ]
    arabic = make_translation(pieces[0], "ar", title="الردع في الخليج")
    pieces.append(
        make_translation(pieces[1], "ar", title="دوريات في الخليج", published=False, authors=[omar])
    )
    listing, search = "/policy-analysis", "/search?q=gulf"
    urls = [
        *(piece.get_absolute_url() for piece in pieces),
        arabic.get_absolute_url(),
        "/ar" + gulf.get_absolute_url(),
        *(thing.get_absolute_url() for thing in (gulf, trade, middle_east, iran, dana, omar)),
        gulf.get_absolute_url() + "?page=2",
        program.get_absolute_url(),
        "/",
        "/ar/",
        listing,
        f"{listing}?page=2",
        f"{listing}?topic={gulf.slug}",
        f"{listing}?topic={gulf.slug}&page=2",
        f"{listing}?region={middle_east.slug}",
        f"{listing}?expert={omar.slug}",
        f"{listing}?type={brief.slug}",
        f"{listing}?program={program.slug}",
        f"{listing}?language=all&page=2",
        "/ar/policy-analysis",
        "/events",
        "/experts",
        "/programs",
        "/feeds/latest.rss",
        "/ar/feeds/latest.atom",
        f"/feeds/topics/{gulf.slug}.rss",
        f"/feeds/regions/{middle_east.slug}.atom",
        f"/feeds/experts/{dana.slug}.rss",
        f"/feeds/types/{brief.slug}.rss",
        search,
        f"{search}&language=all",
        "/ar/search?q=الخليج",
    ]
    return pieces, [gulf, trade], urls


def mention_the_gulf(article, others, topics, users):
    """New text that a search may match now (or no longer)."""
    gulf = " On the Gulf."
    article.summary = (
        article.summary.removesuffix(gulf)
        if article.summary.endswith(gulf)
        else article.summary + gulf
    )
    services.article_save(article, user=users["editor"])


def retitle(article, others, topics, users):
    article.title = f"{article.title} again"
    services.article_save(article, user=users["editor"])


def publish(article, others, topics, users):
    services.article_publish(article, user=users["editor"])


def schedule(article, others, topics, users):
    services.article_publish(article, user=users["editor"], at=timezone.now() + timedelta(hours=1))


def unpublish(article, others, topics, users):
    if article.status == Article.Status.PUBLISHED:
        services.article_unpublish(article, user=users["editor"])


def archive(article, others, topics, users):
    services.article_archive(article, user=users["editor"])


def propose(article, others, topics, users):
    article.title = "A title only proposed"
    proposals.article_propose(article, user=users["contributor"])


def relink(article, others, topics, users):
    article.body = body_linking(*others)
    services.article_save(article, user=users["editor"])


def retopic_in_the_admin(article, others, topics, users):
    """The editor moves it to the other topic with the change form (form_data posts
    no event's fields: an event is moved by the services' actions only)."""
    if article.publication_type.is_event:
        return
    current = set(article.topics.values_list("pk", flat=True))
    moved = [topic.pk for topic in topics if topic.pk not in current]
    data = form_data(article, topics=moved, tags="")
    assert users["desk"].post(change_url(article), data).status_code == 302


def redate(article, others, topics, users):
    """A day earlier (an event: a day later too)."""
    if article.published_at is not None:
        article.published_at -= timedelta(days=1)
    if article.event_start is not None:
        article.event_start += timedelta(days=1)
    services.article_save(article, user=users["editor"])


def retype(article, others, topics, users):
    """A policy analysis becomes a brief, a brief a policy analysis (an event stays one)."""
    if not article.publication_type.is_event:
        other = "Policy Analysis" if article.publication_type.slug == "brief" else "Brief"
        article.publication_type = make_publication_type(other)
        services.article_save(article, user=users["editor"])


def reregion_in_the_admin(article, others, topics, users):
    """The editor moves it to the region of the other piece (none: Iran)."""
    if article.publication_type.is_event:
        return
    regions = list(others[0].regions.values_list("pk", flat=True))
    regions = regions or list(Region.objects.filter(slug="iran").values_list("pk", flat=True))
    topics = list(article.topics.values_list("pk", flat=True))
    data = form_data(article, topics=topics, regions=regions, tags="")
    assert users["desk"].post(change_url(article), data).status_code == 302


def rename_its_author(article, others, topics, users):
    for expert in article.authors.all():
        expert.name = f"{expert.name} Jr."
        expert_services.expert_save(expert, user=users["expert_manager"])


def rewrite_its_authors_bio(article, others, topics, users):
    for expert in article.authors.all():
        expert.short_bio = f"{expert.short_bio} Writes on {article.title}."
        expert_services.expert_save(expert, user=users["expert_manager"])


def retire_its_author(article, others, topics, users):
    """Its authors become former experts, or experts again."""
    for expert in article.authors.all():
        change = expert_services.expert_reactivate
        if expert.is_active:
            change = expert_services.expert_deactivate
        change(expert, user=users["expert_manager"])


def unprofile_its_author(article, others, topics, users):
    """Its authors become guest contributors (no profile, no link), or fellows again."""
    for expert in article.authors.all():
        guest = expert.kind == Expert.Kind.GUEST
        expert.kind = Expert.Kind.FELLOW if guest else Expert.Kind.GUEST
        expert_services.expert_save(expert, user=users["expert_manager"])


def move_its_author(article, others, topics, users):
    """Its authors join the program, or leave it."""
    program = Program.objects.get()
    for expert in article.authors.all():
        expert.program = None if expert.program_id else program
        expert_services.expert_save(expert, user=users["expert_manager"])


ACTIONS = [
    retitle,
    mention_the_gulf,
    publish,
    schedule,
    unpublish,
    archive,
    propose,
    relink,
    retopic_in_the_admin,
    redate,
    retype,
    reregion_in_the_admin,
    rename_its_author,
    rewrite_its_authors_bio,
    retire_its_author,
    unprofile_its_author,
    move_its_author,
]
PIECES = 7
STEPS = st.lists(
    st.tuples(st.sampled_from(ACTIONS), st.integers(0, PIECES - 1), st.integers(0, PIECES - 1)),
    min_size=1,
    max_size=4,
)


# When a feed was last built: its latest item's date, or, for a feed with no item, the
# moment it was rendered (Django's feedgenerator), which no write changes.
EMPTY_FEED_DATE = re.compile(rb"<(lastBuildDate|updated)>[^<]*</\1>")


def served(client, url):
    response = client.get(url)
    content = response.content
    if content.startswith(b"<?xml") and b"<item>" not in content and b"<entry>" not in content:
        content = EMPTY_FEED_DATE.sub(b"", content)
    return response.status_code, content


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=STEPS)
def test_every_kept_page_is_what_a_fresh_render_shows(
    db, editor, contributor, expert_manager, steps
):
    cache.clear()
    with (
        transaction.atomic(),
        mock.patch.object(ArticleListView, "paginate_by", 2),
        mock.patch.object(TopicDetailView, "paginate_by", 2),
    ):
        with translation.override("en"):  # whatever the last request's language was
            pieces, topics, urls = build()
        desk = Client()
        desk.force_login(editor)
        users = {
            "editor": editor,
            "contributor": contributor,
            "expert_manager": expert_manager,
            "desk": desk,
        }
        reader = Client()
        for url in urls:
            served(reader, url)
        for action, index, other in steps:
            article = Article.objects.get(pk=pieces[index].pk)
            action(article, [pieces[other]], topics, users)
            for url in urls:
                kept = served(reader, url)
                with override_settings(PAGE_CACHE_SECONDS=0):
                    assert kept == served(reader, url), (action.__name__, index, url)
        transaction.set_rollback(True)
