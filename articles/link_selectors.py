"""Reads of internal links: the articles whose body links to what readers may not open
(the dashboard's list), and one article's such links (the check before publishing).
See docs/internal-links.md."""

from dataclasses import dataclass

from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from articles.links import (
    ARTICLE,
    EXPERT,
    KINDS,
    REGION,
    TOPIC,
    public_targets,
    reference_for_address,
)
from articles.models import Article, ArticleLink, Region, Topic
from experts.models import Expert
from thinktank.links import Reference, references_in
from thinktank.text import fold


def broken_link_condition():
    """The ArticleLink rows whose target readers may not open (a draft, in review,
    scheduled, archived or deleted article; a guest or deleted expert; a deleted topic or
    region): one condition, subqueries of the targets' tables."""
    condition = Q()
    for kind, targets in public_targets().items():
        condition |= Q(kind=kind) & ~Q(target_id__in=targets.values("pk"))
    return condition


def articles_with_broken_links(*, language=None, statuses=None, author=None):
    """The articles whose body links to something readers may not open, newest first
    (a queryset: one query), narrowed by `language`, `statuses` (stored statuses) and
    `author` (an expert) when given."""
    broken = ArticleLink.objects.filter(broken_link_condition(), article=OuterRef("pk"))
    articles = Article.objects.filter(Exists(broken))
    if language is not None:
        articles = articles.filter(language=language)
    if statuses is not None:
        articles = articles.filter(status__in=statuses)
    if author is not None:
        articles = articles.by_author(author)
    return articles


@dataclass(frozen=True)
class UnpublishedLink:
    """An internal link of a body to something readers may not open: the reference,
    the target's title or name ("" when it is gone) and why (a status label, or
    "deleted")."""

    reference: object
    title: str
    reason: str


DELETED = _("deleted")
NO_PROFILE = _("no public profile")


def draft_links(article):
    """The internal links of `article`'s body (as it is, saved or not) to what readers
    may not open, in document order: one query per kind linked to (none without links).
    Empty when every link's target is public."""
    references = [ref for ref in references_in(article.body) if ref.kind in KINDS]
    found = {}
    ids = {kind: [ref.id for ref in references if ref.kind == kind] for kind in KINDS}
    if ids[ARTICLE]:
        targets = Article.objects.filter(pk__in=ids[ARTICLE]).only(
            "title", "status", "published_at"
        )
        for target in targets:
            status = target.display_status
            if status != Article.DisplayStatus.PUBLISHED:
                found[(ARTICLE, target.pk)] = (target.title, status.label)
            else:
                found[(ARTICLE, target.pk)] = None
    if ids[EXPERT]:
        for target in Expert.objects.filter(pk__in=ids[EXPERT]).only("name", "kind"):
            found[(EXPERT, target.pk)] = None if target.has_profile else (target.name, NO_PROFILE)
    for kind, model in ((TOPIC, Topic), (REGION, Region)):
        if ids[kind]:
            for pk in model.objects.filter(pk__in=ids[kind]).values_list("pk", flat=True):
                found[(kind, pk)] = None
    unpublished = []
    for reference in references:
        key = (reference.kind, reference.id)
        if key not in found:
            unpublished.append(UnpublishedLink(reference, "", str(DELETED)))
        elif found[key] is not None:
            title, reason = found[key]
            unpublished.append(UnpublishedLink(reference, title, str(reason)))
    return unpublished


# --- the link tool's search ------------------------------------------------------------

SEARCH_LIMIT = 8  # of each kind


@dataclass(frozen=True)
class LinkTarget:
    """One result of the link tool's search: what to store (`reference`), what to show
    (`title`, `detail`, its `language`), and whether readers may open it (`public`;
    else `status` says why)."""

    reference: object
    title: str
    detail: str
    language: str
    public: bool
    status: str


def _words(query):
    return fold(query).split()[:10]


def _matches(words, *names):
    text = " ".join(fold(name) for name in names if name)
    return all(word in text for word in words)


def link_targets_matching(query, *, kinds, language, limit=SEARCH_LIMIT):
    """The link tool's search: up to `limit` of each of `kinds` (those the user may
    view) matching every word of `query`, drafts and other unpublished work included
    and told apart (`public`, `status`); names in `language`. A pasted address of this
    site finds what it shows. One query per kind."""
    # NUL is no text (PostgreSQL refuses it in a query): read as a space.
    query = (query or "").replace("\x00", " ").strip()[:200]
    pasted = reference_for_address(query) if query.startswith(("/", "http")) else None
    words = _words(query)
    if not words and pasted is None:
        return []
    results = []
    if ARTICLE in kinds:
        articles = Article.objects.only("title", "language", "status", "published_at")
        if pasted is not None:
            articles = articles.filter(pk=pasted.id if pasted.kind == ARTICLE else 0)
        else:
            for word in query.split()[:10]:
                articles = articles.filter(title__icontains=word)
        for article in articles.order_by(F("published_at").desc(nulls_last=True), "-pk")[:limit]:
            status = article.display_status
            results.append(
                LinkTarget(
                    Reference(ARTICLE, article.pk),
                    article.title,
                    str(status.label),
                    article.language,
                    status == Article.DisplayStatus.PUBLISHED,
                    str(status.label),
                )
            )
    if EXPERT in kinds:
        experts = Expert.objects.only("name", "role", "kind", "translations")
        if pasted is not None:
            experts = experts.filter(pk=pasted.id if pasted.kind == EXPERT else 0)
        else:
            experts = experts.matching(query)
        results += [
            LinkTarget(
                Reference(EXPERT, expert.pk),
                expert.get_translation("name", language),
                expert.get_translation("role", language),
                language,
                expert.has_profile,
                "" if expert.has_profile else str(NO_PROFILE),
            )
            for expert in experts.order_by("sort_name", "pk")[:limit]
        ]
    for kind, model in ((TOPIC, Topic), (REGION, Region)):
        if kind not in kinds:
            continue
        found = []
        # Topics and regions are few: matched here, in every language's name.
        for item in model.objects.only("name", "translations").order_by("name", "pk"):
            names = [item.name, *(values.get("name", "") for values in _translations(item))]
            if (pasted == Reference(kind, item.pk)) or (pasted is None and _matches(words, *names)):
                found.append(item)
            if len(found) == limit:
                break
        results += [
            LinkTarget(
                Reference(kind, item.pk),
                item.get_translation("name", language),
                str(model._meta.verbose_name),
                language,
                True,
                "",
            )
            for item in found
        ]
    return results


def _translations(item):
    return [values for values in (item.translations or {}).values() if isinstance(values, dict)]
