"""
Articles with problems: a list of named checks, each a condition on articles (a Q,
subqueries allowed) that the dashboard counts (one query a check) and lists (one query
for all). A new check is one more entry in CHECKS (or register_check() from another
module). Archived work is not checked. See docs/dashboard.md.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import BooleanField, Exists, ExpressionWrapper, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from articles.desk.selectors import ROW_FIELDS, ROWS, Listing, visible_to
from articles.models import Article, ArticleImage, Recommendation


@dataclass(frozen=True)
class Check:
    """A problem an article can have: `name` (a slug, unique), `label` (what the
    dashboard says), `condition()` (a Q true of the articles that have it)."""

    name: str
    label: str
    condition: object


def figure_missing_alt(language):
    """Figures of an article in `language` whose library image has no alt text in it
    (pages then fall back to the source language's, or to none)."""
    if language == settings.LANGUAGE_CODE:
        return Q(image__alt_text="")
    return Q(**{f"image__translations__{language}__alt_text__isnull": True})


def missing_alt_text():
    """A figure or the hero image without alt text in the article's language."""
    figures = [
        Q(language=code)
        & Exists(ArticleImage.objects.filter(figure_missing_alt(code), article=OuterRef("pk")))
        for code, _name in settings.LANGUAGES
    ]
    return (~Q(hero_image="") & Q(hero_image_alt="")) | reduce(or_, figures)


def no_summary():
    return Q(summary="")


def no_topic():
    topics = Article.topics.through.objects.filter(article=OuterRef("pk"))
    return ~Exists(topics)


def recommends_unpublished():
    """A recommendation of an article readers cannot see (a draft, in review, archived:
    unpublished); one scheduled to go live is not a problem."""
    hidden = Recommendation.objects.filter(article=OuterRef("pk")).exclude(
        recommended_article__status=Article.Status.PUBLISHED
    )
    return Exists(hidden)


CHECKS = [
    Check("missing-alt-text", _("Missing alt text"), missing_alt_text),
    Check("no-summary", _("No summary"), no_summary),
    Check("no-topic", _("No topic"), no_topic),
    Check("recommends-unpublished", _("Recommends unpublished work"), recommends_unpublished),
]


def register_check(check):
    """Add `check` to the dashboard's problems (replacing one of the same name)."""
    CHECKS[:] = [known for known in CHECKS if known.name != check.name]
    CHECKS.append(check)


@dataclass
class CheckCount:
    check: Check
    count: int


def with_problems(user):
    """The work (not archived) `user` is shown that fails any check: a Listing whose
    count is of such articles, with `checks` (each check with its count) and rows, the
    last changed first, each with `problems`: the labels of the checks it fails."""
    checked = visible_to(user).exclude(status=Article.Status.ARCHIVED)
    conditions = {check.name: check.condition() for check in CHECKS}
    failing = checked.filter(reduce(or_, conditions.values()))
    flags = {
        f"fails_{index}": ExpressionWrapper(condition, output_field=BooleanField())
        for index, condition in enumerate(conditions.values())
    }
    rows = list(failing.only(*ROW_FIELDS).annotate(**flags).order_by("-updated_at", "-pk")[:ROWS])
    for row in rows:
        row.problems = [
            check.label for index, check in enumerate(CHECKS) if getattr(row, f"fails_{index}")
        ]
    listing = Listing(count=failing.count(), rows=rows)
    listing.checks = [
        CheckCount(check, checked.filter(conditions[check.name]).count()) for check in CHECKS
    ]
    return listing
