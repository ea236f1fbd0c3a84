"""Reads of the workflow's notifications (articles/notifications.py): who is told of a
step, and whose work an article is. See docs/editorial-workflow.md."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Exists, OuterRef, Q, Subquery

from articles.models import Article, ArticleRevision


def users_with_permission(permission, *, exclude=None):
    """The active users with an email address who hold `permission` ("app.codename"),
    by group, by themselves or as superusers; one query."""
    app_label, codename = permission.split(".", 1)
    granted = Q(content_type__app_label=app_label, codename=codename)
    holders = Permission.objects.filter(granted)
    users = get_user_model().objects.filter(is_active=True).exclude(email="")
    users = users.filter(
        Q(is_superuser=True) | Q(groups__permissions__in=holders) | Q(user_permissions__in=holders)
    )
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    return list(users.distinct().order_by("pk"))


def entered_review():
    """The pk of the revision that put the outer article in review: the first saved in
    review after the last saved in another state."""
    saved = ArticleRevision.objects.saved().filter(article=OuterRef(OuterRef("pk")))
    last_elsewhere = saved.exclude(data__status=Article.Status.REVIEW).order_by("-pk")
    in_review = (
        ArticleRevision.objects.saved()
        .filter(article=OuterRef("pk"), data__status=Article.Status.REVIEW)
        .filter(Q(pk__gt=Subquery(last_elsewhere.values("pk")[:1])) | ~Exists(last_elsewhere))
        .order_by("pk")
    )
    return Subquery(in_review.values("pk")[:1])


def article_contributor(article):
    """Whose work `article` is: who submitted it for review in its latest time in review
    (entered_review), else who made its first revision; None when neither is known. One
    query, two when the submission has no known user."""
    submission = Article.objects.filter(pk=article.pk).values(submission=entered_review())
    known = article.revisions.saved().exclude(user=None).select_related("user")
    revision = known.filter(pk__in=submission).first() or known.order_by("pk").first()
    return revision.user if revision else None
