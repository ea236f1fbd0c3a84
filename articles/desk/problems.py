"""
Articles with problems: a list of named checks, each a selector of the articles that
have the problem (any status, any user: the dashboard narrows them). The dashboard
counts each (one query a check) and lists the last changed of all (two queries). A new
check is one more entry in CHECKS, or register_check() from another module. Each
selector is written to start from what is small (a partial index, the link tables),
so it costs little at any size of the archive. See docs/dashboard.md.
"""

from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from articles.desk.selectors import counted, visible_to
from articles.link_selectors import articles_with_broken_links
from articles.models import Article, ArticleImage, Recommendation


@dataclass(frozen=True)
class Check:
    """A problem an article can have: `name` (a slug, unique), `label` (what the
    dashboard says), `articles()` (a queryset of the articles that have it)."""

    name: str
    label: str
    articles: object


def figure_missing_alt(language):
    """A figure's library image without alt text in `language` (a page would fall back
    to the source language's)."""
    if language == settings.LANGUAGE_CODE:
        return Q(image__alt_text="")
    return Q(**{f"image__translations__{language}__alt_text__isnull": True})


def figure_without_alt_text():
    """A figure whose image has no alt text in the article's language."""
    missing = reduce(
        or_,
        (
            Q(article__language=code) & figure_missing_alt(code)
            for code, _name in settings.LANGUAGES
        ),
    )
    return Article.objects.filter(pk__in=ArticleImage.objects.filter(missing).values("article_id"))


def hero_without_alt_text():
    """A hero image without alt text (each language version has its own); the partial
    index article_hero_without_alt holds them."""
    return Article.objects.exclude(hero_image="").filter(hero_image_alt="")


def no_summary():
    """The partial index article_without_summary holds them."""
    return Article.objects.filter(summary="")


def no_topic():
    topics = Article.topics.through.objects.filter(article=OuterRef("pk"))
    return Article.objects.filter(~Exists(topics))


def recommends_unpublished():
    """A recommendation of an article readers cannot see (a draft, in review, archived);
    one scheduled to go live is not a problem."""
    hidden = Article.objects.filter(
        status__in=[Article.Status.DRAFT, Article.Status.REVIEW, Article.Status.ARCHIVED]
    )
    links = Recommendation.objects.filter(recommended_article__in=hidden.values("pk"))
    return Article.objects.filter(pk__in=links.values("article_id"))


CHECKS = [
    Check("figure-without-alt-text", _("Figure without alt text"), figure_without_alt_text),
    Check("hero-without-alt-text", _("Hero image without alt text"), hero_without_alt_text),
    Check("no-summary", _("No summary"), no_summary),
    Check("no-topic", _("No topic"), no_topic),
    Check("recommends-unpublished", _("Recommends unpublished work"), recommends_unpublished),
    Check("links-to-unpublished", _("Links to unpublished work"), articles_with_broken_links),
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
    """The work (not archived) `user` is shown that fails any check: a Listing of such
    articles with `checks` (each check with its count) and rows, the last changed first,
    each with `problems`: the labels of the checks it fails."""
    checked = visible_to(user).exclude(status=Article.Status.ARCHIVED)
    # The union of each check's articles, each read its own way (an OR of the checks
    # would test every article against each).
    found = [check.articles().order_by().values("pk") for check in CHECKS]
    failing = checked.filter(pk__in=found[0].union(*found[1:]))
    listing = counted(failing, ("-updated_at", "-pk"))
    for row, problems in zip(
        listing.rows, problems_of([row.pk for row in listing.rows]), strict=True
    ):
        row.problems = problems
    listing.checks = [CheckCount(check, (checked & check.articles()).count()) for check in CHECKS]
    return listing


def problems_of(pks):
    """The labels of the checks each article of `pks` fails, in the order of `pks`: one
    query (none for no article)."""
    if not pks:
        return []
    flags = {
        f"fails_{index}": Exists(check.articles().filter(pk=OuterRef("pk")))
        for index, check in enumerate(CHECKS)
    }
    found = {
        values.pop("pk"): values
        for values in Article.objects.filter(pk__in=pks).values("pk", **flags)
    }
    return [
        [check.label for index, check in enumerate(CHECKS) if found[pk][f"fails_{index}"]]
        for pk in pks
    ]
