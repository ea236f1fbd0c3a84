"""Reads of the workflow's notifications (articles/notifications.py): who is told of a
step, and whose work an article is. See docs/editorial-workflow.md."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.db.models import Q

from articles.models import Article


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


def article_contributor(article):
    """Whose work `article` is: who submitted it for review in its latest time in review,
    else who made its first revision; None when neither is known. At most three queries."""
    saved = article.revisions.saved()
    before = (
        saved.exclude(data__status=Article.Status.REVIEW)
        .order_by("-pk")
        .values_list("pk", flat=True)
        .first()
    )
    known = saved.exclude(user=None).select_related("user")
    revision = (
        known.filter(data__status=Article.Status.REVIEW, pk__gt=before or 0).order_by("pk").first()
        or known.order_by("pk").first()
    )
    return revision.user if revision else None
