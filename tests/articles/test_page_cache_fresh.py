"""
No kept page is ever stale (articles.page_cache, thinktank.cache): after any sequence of
editorial writes (saves, workflow steps, proposals, relinking, retopicking in the
admin, an author renamed or given a new bio), every public page a reader is served
from the cache is the page a fresh render shows, byte for byte.
"""

from datetime import timedelta

from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles import proposals, services
from articles.models import Article
from experts import services as expert_services
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.factories import make_article, make_expert, make_topic, make_translation
from tests.helpers.links import body_linking

PIECES = 5


def build():
    """Five pieces, two of them drafts, sharing topics and authors, one linking, one
    recommending, one with an Arabic version; and the pages that show them."""
    gulf, trade = make_topic("Gulf Security"), make_topic("Trade")
    dana, omar = make_expert("Dana Stroul"), make_expert("Omar Haddad")
    draft = make_article("Hormuz Shipping", published=False, authors=[dana], topics=[gulf])
    pieces = [
        make_article("Deterrence in the Gulf", authors=[dana], topics=[gulf]),
        make_article("Naval Patrols", authors=[omar], topics=[gulf], body=body_linking(draft)),
        make_article("Tariffs and Ports", topics=[trade], recommendations=[draft]),
        draft,
        make_article("Port Fees", published=False, authors=[omar], topics=[trade]),
    ]
    make_translation(pieces[0], "ar", title="الردع في الخليج")
    urls = [
        *(piece.get_absolute_url() for piece in pieces),
        "/ar" + pieces[0].get_absolute_url(),
        gulf.get_absolute_url(),
        trade.get_absolute_url(),
        dana.get_absolute_url(),
        "/",
        "/policy-analysis",
        "/feeds/latest.rss",
        "/search?q=gulf",
    ]
    return pieces, [gulf, trade], urls


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
    """The editor moves it to the other topic with the change form."""
    current = set(article.topics.values_list("pk", flat=True))
    moved = [topic.pk for topic in topics if topic.pk not in current]
    data = form_data(article, topics=moved, tags="")
    assert users["desk"].post(change_url(article), data).status_code == 302


def rename_its_author(article, others, topics, users):
    for expert in article.authors.all():
        expert.name = f"{expert.name} Jr."
        expert_services.expert_save(expert, user=users["expert_manager"])


def rewrite_its_authors_bio(article, others, topics, users):
    for expert in article.authors.all():
        expert.short_bio = f"{expert.short_bio} Writes on {article.title}."
        expert_services.expert_save(expert, user=users["expert_manager"])


ACTIONS = [
    retitle,
    publish,
    schedule,
    unpublish,
    archive,
    propose,
    relink,
    retopic_in_the_admin,
    rename_its_author,
    rewrite_its_authors_bio,
]
STEPS = st.lists(
    st.tuples(st.sampled_from(ACTIONS), st.integers(0, PIECES - 1), st.integers(0, PIECES - 1)),
    min_size=1,
    max_size=4,
)


def served(client, url):
    response = client.get(url)
    return response.status_code, response.content


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
    with transaction.atomic():
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
