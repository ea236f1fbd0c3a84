"""
What the editorial dashboard's tests share (tests/articles/test_desk_*.py, the query
budget, the browser test): work written, submitted and decided as the admin's form
does it, through the services, each step a revision by its user.
"""

from articles import services
from articles.models import Article
from tests.helpers.factories import make_article, make_topic


def write(user, title=None, *, note="", **fields):
    """A draft `user` saved (their work: a revision of theirs), with a topic."""
    fields.setdefault("published", False)
    topics = fields.pop("topics", None)
    article = make_article(title, topics=[make_topic()] if topics is None else topics, **fields)
    services.article_record_revision(article, user=user, note=note)
    return Article.objects.get(pk=article.pk)


def change_status(article, status, user, *, note="", published_at=None):
    """Save `article` in `status` as the admin's form does (the service, then the
    revision with the form's change note); returns it fresh."""
    article = Article.objects.get(pk=article.pk)
    article.status = status
    if published_at is not None:
        article.published_at = published_at
    services.article_save(article, user=user)
    services.article_record_revision(article, user=user, note=note)
    return Article.objects.get(pk=article.pk)


def submit(article, user, note=""):
    """`user` submits `article` for review with `note` to the editors."""
    return change_status(article, Article.Status.REVIEW, user, note=note)


def publish(article, editor, note="", at=None):
    """An editor publishes `article` (at `at`: scheduled), saying `note`."""
    return change_status(article, Article.Status.PUBLISHED, editor, note=note, published_at=at)


def send_back(article, editor, note=""):
    """An editor returns `article` to draft with `note` for its writer."""
    return change_status(article, Article.Status.DRAFT, editor, note=note)
