"""
What the tests of a contributor's limits share (test_contributor_limits*.py,
test_proposals.py): articles in each state, what readers see of one, and what is
stored of one (the snapshot an editor's decision protects).
"""

from datetime import timedelta

from django.contrib.messages import get_messages
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from articles import revisions
from articles.models import Article
from tests.helpers.factories import in_future, make_article, make_publication_type

# The states in which what readers see of an article is an editor's decision.
PUBLIC_STATES = ("live", "scheduled", "archived")
# What the contributor is told when their change is kept as a proposal.
PROPOSED = "your changes were saved as a proposed change for an editor to review"


def article_in(state, title=None, **fields):
    """An article that is live, scheduled, archived, draft or in review."""
    fields.setdefault("publication_type", make_publication_type())
    # Whole seconds, as the form posts them back.
    if state == "scheduled":
        fields["published_at"] = in_future().replace(microsecond=0)
    elif state in ("live", "archived"):
        fields["published_at"] = (timezone.now() - timedelta(days=1)).replace(microsecond=0)
    article = make_article(title, published=state in ("live", "scheduled", "archived"), **fields)
    status = {"archived": Article.Status.ARCHIVED, "review": Article.Status.REVIEW}.get(state)
    if status:
        Article.objects.filter(pk=article.pk).update(status=status)
    return Article.objects.get(pk=article.pk)


def reader_view(article):
    """(status code, page) of the article's address for a reader, nothing kept in the cache."""
    cache.clear()
    response = Client().get(article.get_absolute_url())
    return response.status_code, response.content


def stored(article):
    """The article as stored: its snapshot, its version, and whether readers see it."""
    fresh = Article.objects.get(pk=article.pk)
    public = Article.objects.published().filter(pk=article.pk).exists()
    return revisions.snapshot(fresh), fresh.version, public


def messages_of(response):
    """What the admin told the user in the request of `response`."""
    return [str(message) for message in get_messages(response.wsgi_request)]
