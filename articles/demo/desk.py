"""
Work in progress for the editorial dashboard (docs/dashboard.md): a contributor's draft,
work submitted for review with a note, work an editor sent back with a note, and a
piece scheduled for the coming days. Each step is taken through the workflow's services
by the demo user whose step it is, as the admin's buttons take it, so the dashboard,
the revisions and the notices read it as they read real work. Written once: a piece
already there (by its slug) is the editors' to change, and is left alone.
"""

import datetime as dt
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.utils import timezone

from articles import services
from articles.demo.services import sync_m2m, sync_ordered
from articles.models import Article, ArticleAuthor, PublicationType, Topic
from articles.permissions import ADD_ARTICLE
from experts.models import Expert


@dataclass(frozen=True)
class Piece:
    slug: str
    title: str
    summary: str
    language: str = "en"


DRAFT = Piece(
    "water-and-power-on-the-euphrates",
    "Water and Power on the Euphrates",
    "Dams upstream and drought downstream are turning the river into a lever of policy.",
)
IN_REVIEW = Piece(
    "hezbollahs-finances-after-the-banking-collapse",
    "Hezbollah's Finances After the Banking Collapse",
    "Lebanon's cash economy has made the group's money harder to trace and easier to move.",
)
SENT_BACK = Piece(
    "the-gulfs-new-port-diplomacy",
    "The Gulf's New Port Diplomacy",
    "Terminal concessions from the Horn of Africa to the Mediterranean buy influence.",
)
SCHEDULED = Piece(
    "irans-drone-exports-what-the-numbers-show",
    "Iran's Drone Exports: What the Numbers Show",
    "Seized shipments and factory data give a first count of what Tehran has sold.",
)
ARABIC_IN_REVIEW = Piece(
    "tjart-alaslha-fy-albhr-alahmr",
    "تجارة الأسلحة في البحر الأحمر",
    "طرق التهريب البحرية تتغيّر مع تغيّر ميزان القوى على ضفتي البحر.",
    language="ar",
)

SUBMIT_NOTE = "Ready for a first read; the map of the routes is still to come."
SEND_BACK_NOTE = "Please give sources for the shipping figures in the second section."


def write(piece, *, user):
    """A new draft of `piece`, saved by `user` with its first revision."""
    article = Article(
        title=piece.title,
        slug=piece.slug,
        language=piece.language,
        summary=piece.summary,
        body=f"<p>{piece.summary}</p>",
        publication_type=PublicationType.objects.order_by("pk").first(),
    )
    services.article_save(article, user=user)
    sync_m2m(article.topics, list(Topic.objects.order_by("pk")[:1]))
    authors = list(Expert.objects.with_profile().order_by("pk")[:1])
    sync_ordered(ArticleAuthor, "article", article, "expert", authors)
    services.article_record_revision(article, user=user)
    return article


def load():
    """Write the pieces that are not there yet; returns how many were written."""
    users = get_user_model().objects.in_bulk(["contributor", "editor"], field_name="username")
    contributor, editor = users.get("contributor"), users.get("editor")
    # The steps are taken as these roles take them: without the roles (a database whose
    # groups were emptied, as some tests do) there is no one to take them.
    if not (contributor and editor and contributor.has_perm(ADD_ARTICLE)):
        return 0
    if not services.can_publish(editor):
        return 0
    there = set(Article.objects.values_list("slug", flat=True))
    written = 0
    if DRAFT.slug not in there:
        write(DRAFT, user=contributor)
        written += 1
    for piece in (IN_REVIEW, ARABIC_IN_REVIEW):
        if piece.slug not in there:
            article = write(piece, user=contributor)
            services.article_submit_for_review(article, user=contributor, note=SUBMIT_NOTE)
            written += 1
    if SENT_BACK.slug not in there:
        article = write(SENT_BACK, user=contributor)
        services.article_submit_for_review(article, user=contributor)
        services.article_send_back(article, user=editor, note=SEND_BACK_NOTE)
        written += 1
    if SCHEDULED.slug not in there:
        article = write(SCHEDULED, user=contributor)
        services.article_submit_for_review(article, user=contributor)
        at = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
        services.article_schedule(article, at + dt.timedelta(days=3), user=editor)
        written += 1
    return written
