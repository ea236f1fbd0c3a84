"""
The editorial dashboard's lists, each a count and its first rows in one or two queries
whatever the size of the archive. An editor (who may publish) sees everyone's work; a
contributor only their own: the work they saved a revision of (`work_of`). Times are in
the site's time zone (settings.TIME_ZONE). See docs/dashboard.md.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from itertools import groupby

from django.db.models import Count, F, OuterRef, Q, Subquery, Window
from django.db.models.fields.json import KT
from django.utils import timezone

from articles.models import Article, ArticleRevision
from articles.models.publishing import published_condition
from articles.services import can_publish
from articles.workflow_selectors import entered_review

# Rows each list shows (its count says how many there are in all).
ROWS = 10
# The scheduled timeline's days, today the first, and the most it shows.
SCHEDULE_DAYS = 14
SCHEDULE_ROWS = 50
# "Recently" published, and the decisions on a contributor's work counted: these days.
RECENT_DAYS = 7
DECISION_DAYS = 30

# What a dashboard row reads of an article, and nothing else (no body).
ROW_FIELDS = ("pk", "title", "language", "status", "published_at", "updated_at")
# What a row shows of a person (their name, else their username).
USER_FIELDS = ("username", "first_name", "last_name")


def revision_fields(*people, article=False):
    """What a row reads of a revision: when, the note, and each of `people` (relations
    to users); with `article`, the article's row fields too."""
    articles = [f"article__{name}" for name in ROW_FIELDS if name != "pk"] if article else []
    return [
        "created_at",
        "note",
        "article_id",
        *articles,
        *(f"{person}__{name}" for person in people for name in USER_FIELDS),
    ]


@dataclass
class Listing:
    """How many there are in all, and the first rows."""

    count: int
    rows: list = field(default_factory=list)


def work_of(user):
    """The articles `user` saved a revision of (a proposed change included): a condition
    read from the revisions' index by user, whatever the size of the archive."""
    return Q(pk__in=ArticleRevision.objects.filter(user=user).values("article_id"))


def visible_to(user):
    """The articles whose state the dashboard shows `user`: an editor's every one, a
    contributor's their own."""
    articles = Article.objects.all()
    return articles if can_publish(user) else articles.filter(work_of(user))


def counted(queryset, order, rows=ROWS, fields=ROW_FIELDS):
    """A Listing of `queryset`'s first `rows` in `order` (reading `fields`) and its count,
    in one query: the count is a window over the whole of it."""
    found = list(
        queryset.only(*fields).annotate(listed=Window(Count("pk"))).order_by(*order)[:rows]
    )
    return Listing(count=found[0].listed if found else 0, rows=found)


def my_drafts(user):
    """The drafts `user` worked on, the last changed first (an editor's too: "my")."""
    drafts = Article.objects.filter(work_of(user), status=Article.Status.DRAFT)
    return counted(drafts, ("-updated_at", "-pk"))


def awaiting_review(user):
    """Work in review, the least recently changed first, each row with `submission`: the
    revision that submitted it (who, when, their note), or None (put in review by no
    recorded step)."""
    waiting = visible_to(user).filter(status=Article.Status.REVIEW)
    listing = counted(waiting, ("updated_at", "pk"))
    entered = Article.objects.filter(pk__in=[row.pk for row in listing.rows])
    submissions = (
        ArticleRevision.objects.filter(pk__in=entered.values(submission=entered_review()))
        .select_related("user")
        .only(*revision_fields("user"))
    )
    found = {revision.article_id: revision for revision in submissions} if listing.rows else {}
    for row in listing.rows:
        row.submission = found.get(row.pk)
    return listing


def pending_proposals(user):
    """Proposed changes of published or archived work that wait for an editor, the
    oldest first: everyone's for an editor, a contributor's own. Each row is the
    proposal (a revision: who, when, their note) with its `article`."""
    pending = ArticleRevision.objects.pending()
    if not can_publish(user):
        pending = pending.filter(user=user)
    rows = list(
        pending.select_related("article", "user")
        .only(*revision_fields("user", article=True))
        .annotate(listed=Window(Count("pk")))
        .order_by("created_at", "pk")[:ROWS]
    )
    return Listing(count=rows[0].listed if rows else 0, rows=rows)


@dataclass
class Day:
    """One day of the scheduled timeline, in the site's time zone."""

    date: object
    articles: list


def schedule_window(now=None):
    """(from, until): now, and the end of the SCHEDULE_DAYS-th day in the site's time
    zone, today being the first."""
    now = now or timezone.now()
    zone = timezone.get_default_timezone()
    last_day = timezone.localtime(now, zone).date() + timedelta(days=SCHEDULE_DAYS)
    return now, datetime.combine(last_day, time.min, tzinfo=zone)


def scheduled(user, now=None):
    """Work going live by itself in the next SCHEDULE_DAYS days: a Listing whose rows
    are Days (each with its articles, soonest first) in the site's time zone."""
    start, until = schedule_window(now)
    ahead = visible_to(user).filter(
        status=Article.Status.PUBLISHED, published_at__gt=start, published_at__lt=until
    )
    listing = counted(ahead, ("published_at", "pk"), rows=SCHEDULE_ROWS)
    zone = timezone.get_default_timezone()
    listing.rows = [
        Day(date, list(articles))
        for date, articles in groupby(
            listing.rows, key=lambda article: timezone.localtime(article.published_at, zone).date()
        )
    ]
    return listing


def recently_published(user, now=None):
    """Work published in the last RECENT_DAYS days, the latest first."""
    now = now or timezone.now()
    recent = visible_to(user).filter(
        published_condition(), published_at__gt=now - timedelta(days=RECENT_DAYS)
    )
    return counted(recent, ("-published_at", "-pk"))


def stale_condition():
    """Translations whose source's text changed after they were last brought up to
    date: Article.is_translation_stale, as a query."""
    changed = F("translation_source__text_changed_at")
    # The explicit "is a translation" lets the database start from the few translations.
    return Q(
        translation_source__isnull=False, translation_source__text_changed_at__isnull=False
    ) & (Q(source_text_seen_at__isnull=True) | Q(source_text_seen_at__lt=changed))


def stale_translations(user):
    """Translations (not archived) out of date with their source, the longest first;
    each row with its `translation_source` (title, language)."""
    stale = visible_to(user).filter(stale_condition()).exclude(status=Article.Status.ARCHIVED)
    return counted(
        stale.select_related("translation_source"),
        ("source_text_seen_at", "pk"),
        fields=(
            *ROW_FIELDS,
            "source_text_seen_at",
            "translation_source__title",
            "translation_source__language",
            "translation_source__text_changed_at",
        ),
    )


def review_decisions(user, now=None):
    """What editors decided of `user`'s work in the last DECISION_DAYS days, the latest
    first: each a revision by someone else that took one of their articles out of
    review (published, or sent back to draft), with the editor's note, or a proposed
    change of theirs that was published or discarded. Each row has `status`: the
    article's status the revision recorded (its snapshot itself is not read)."""
    now = now or timezone.now()
    since = now - timedelta(days=DECISION_DAYS)
    previous = ArticleRevision.objects.saved().filter(
        article=OuterRef("article"), pk__lt=OuterRef("pk")
    )
    out_of_review = (
        ArticleRevision.objects.saved()
        .filter(
            created_at__gt=since,
            article__in=ArticleRevision.objects.filter(user=user).values("article_id"),
        )
        .exclude(user=user)
        .filter(data__status__in=[Article.Status.PUBLISHED, Article.Status.DRAFT])
        .alias(was=Subquery(previous.order_by("-pk").values(status=KT("data__status"))[:1]))
        .filter(was=Article.Status.REVIEW)
    )
    proposals = ArticleRevision.objects.filter(
        user=user,
        reviewed_at__gt=since,
        proposal__in=[ArticleRevision.Proposal.PUBLISHED, ArticleRevision.Proposal.DISCARDED],
    )
    decisions = ArticleRevision.objects.filter(
        Q(pk__in=out_of_review.values("pk")) | Q(pk__in=proposals.values("pk"))
    )
    rows = (
        decisions.select_related("article", "user", "reviewed_by")
        .only("proposal", "reviewed_at", *revision_fields("user", "reviewed_by", article=True))
        .annotate(status=KT("data__status"), listed=Window(Count("pk")))
        .order_by("-created_at", "-pk")[:ROWS]
    )
    rows = list(rows)
    return Listing(count=rows[0].listed if rows else 0, rows=rows)


def last_publication_type_of(user):
    """The id of the publication type of the article `user` last saved or moved along
    (their latest revision, proposals included), or None if they have none. One query."""
    return (
        ArticleRevision.objects.filter(user=user)
        .order_by("-created_at", "-pk")
        .values_list("article__publication_type", flat=True)
        .first()
    )
