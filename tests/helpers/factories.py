"""
Object factories for the tests: plain functions, no extra dependency.

Every factory saves through the ORM (so sanitizing and defaults apply as in the app)
and gives each object a unique name and slug unless told otherwise.
"""

import io
import itertools
from datetime import UTC, datetime, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django.utils.text import slugify
from PIL import Image

from articles.models import (
    Article,
    ArticleAuthor,
    PublicationType,
    Recommendation,
    Region,
    Topic,
)
from experts.models import Expert, Program

_counter = itertools.count(1)


def unique(prefix):
    return f"{prefix} {next(_counter)}"


def png_bytes(size=(8, 8), color=(200, 30, 30)):
    """A small, real PNG image."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def image_upload(name="picture.png", size=(8, 8)):
    return SimpleUploadedFile(name, png_bytes(size), content_type="image/png")


def make_program(name=None, **fields):
    name = name or unique("Program")
    return Program.objects.create(name=name, slug=fields.pop("slug", slugify(name)), **fields)


def make_expert(name=None, *, slug=None, kind=Expert.Kind.FELLOW, photo=False, **fields):
    name = name or unique("Expert")
    expert = Expert(name=name, slug=slug or slugify(name), kind=kind, **fields)
    if photo:
        expert.photo = image_upload(f"{expert.slug}.png")
    expert.save()
    return expert


def make_guest(name=None, **fields):
    return make_expert(name, kind=Expert.Kind.GUEST, **fields)


def make_publication_type(name="Policy Analysis", *, is_event=False, **fields):
    publication_type, _created = PublicationType.objects.get_or_create(
        slug=slugify(name), defaults={"name": name, "is_event": is_event, **fields}
    )
    return publication_type


def make_event_type():
    return make_publication_type("Event", is_event=True)


def make_topic(name=None, *, slug=None, **fields):
    name = name or unique("Topic")
    return Topic.objects.create(name=name, slug=slug or slugify(name), **fields)


def make_region(name=None, *, slug=None, parent=None, **fields):
    name = name or unique("Region")
    return Region.objects.create(name=name, slug=slug or slugify(name), parent=parent, **fields)


def make_article(
    title=None,
    *,
    slug=None,
    published=True,
    published_at=None,
    language="en",
    translation_of=None,
    publication_type=None,
    authors=(),
    topics=(),
    regions=(),
    recommendations=(),
    summary=None,
    body="<p>Body text.</p>",
    **fields,
):
    """
    An article. `published=True` (the default) publishes it a day ago; `published=False`
    leaves a draft; pass `published_at` (e.g. in the future) to schedule it.
    `translation_of` puts it in that article's translation set. The slug is the title
    through Django's `slugify` unless given; `slug=""` leaves it to the model, which
    makes it from the title with the project's transliteration.
    """
    title = title or unique("Article")
    if published and published_at is None:
        published_at = timezone.now() - timedelta(days=1)
    article = Article(
        title=title,
        slug=slugify(title) if slug is None else slug,
        language=language,
        publication_type=publication_type or make_publication_type(),
        summary=summary if summary is not None else f"Summary of {title}.",
        body=body,
        status=Article.Status.PUBLISHED if published else Article.Status.DRAFT,
        published_at=published_at,
        **fields,
    )
    if translation_of is not None:
        article.translation_set = translation_of.translation_set
    article.save()
    add_authors(article, authors)
    if topics:
        article.topics.add(*topics)
    if regions:
        article.regions.add(*regions)
    add_recommendations(article, recommendations)
    return article


def add_authors(article, experts):
    ArticleAuthor.objects.bulk_create(
        ArticleAuthor(article=article, expert=expert, position=position)
        for position, expert in enumerate(experts)
    )


def add_recommendations(article, recommended):
    Recommendation.objects.bulk_create(
        Recommendation(article=article, recommended_article=target, position=position)
        for position, target in enumerate(recommended)
    )


def make_translation(original, language, title=None, **fields):
    """A version of `original` in `language`, in its translation set, of the same type."""
    fields.setdefault("publication_type", original.publication_type)
    return make_article(title, language=language, translation_of=original, **fields)


def make_event(
    title=None,
    *,
    start=None,
    time_zone="America/New_York",
    online=True,
    location="",
    **fields,
):
    """
    An event (publication type "Event"), by default online and starting on
    December 14, 2023 at 11:00 a.m. in New York (1600 GMT), as the reference's event.
    """
    return make_article(
        title,
        publication_type=make_event_type(),
        event_start=start or datetime(2023, 12, 14, 16, 0, tzinfo=UTC),
        event_time_zone=time_zone,
        event_is_online=online,
        event_location=location,
        **fields,
    )


def in_future(days=7):
    return timezone.now() + timedelta(days=days)


def days_ago(days):
    return timezone.now() - timedelta(days=days)
