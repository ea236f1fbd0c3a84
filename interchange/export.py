"""The whole site as records of the interchange format (docs/import-format.md), kind
after kind in the order an import wants them (none waits), streamed in batches: a
fixed number of queries per batch whatever its size. Record ids are database ids, so a
body's figures and internal links are written as they are stored."""

import itertools
from pathlib import Path

from django.conf import settings
from django.core.files.storage import default_storage
from django.db.models import Prefetch
from django.utils import translation

from articles.models import Article, ArticleAuthor, ArticleRedirect, Region, TaxonomyRedirect, Topic
from experts.models import Expert
from interchange.models import LegacyPath
from library.models import Image

BATCH = 500
CHUNK = 1 << 20


def batches(queryset, size=BATCH):
    """`queryset` read `size` rows at a time (its prefetches made per batch)."""
    iterator = queryset.iterator(chunk_size=size)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def texts(obj, name):
    """{language: text} of a translatable field: the source text and its translations."""
    values = {settings.LANGUAGE_CODE: getattr(obj, name)}
    for language, fields in (obj.translations or {}).items():
        if isinstance(fields, dict) and fields.get(name):
            values[language] = fields[name]
    return {language: text for language, text in values.items() if text}


def legacy_paths(model, ids):
    """{object id: [old path]} of objects `ids` of `model`: one query."""
    found = {}
    rows = LegacyPath.objects.filter(
        content_type__app_label=model._meta.app_label,
        content_type__model=model._meta.model_name,
        object_id__in=ids,
    ).values_list("object_id", "path")
    for object_id, path in rows.order_by("path"):
        found.setdefault(object_id, []).append(path)
    return found


def page_path(slug, language=None):
    """The address of the page at /policy-analysis/<slug> (in `language`)."""
    with translation.override(language or settings.LANGUAGE_CODE):
        return Article(slug=slug, language=language or settings.LANGUAGE_CODE).get_absolute_url()


class Exporter:
    """Writes `dir/media/` (each file a record names) as it yields the records."""

    def __init__(self, directory):
        self.media = Path(directory) / "media"

    def copy(self, name):
        """Copy stored file `name` to the media directory; its name for the record."""
        target = self.media / name
        target.parent.mkdir(parents=True, exist_ok=True)
        with default_storage.open(name, "rb") as source, target.open("wb") as copy:
            while chunk := source.read(CHUNK):
                copy.write(chunk)
        return name

    def records(self):
        yield from self.taxonomy(Topic, "topic")
        yield from self.taxonomy(Region, "region")
        yield from self.images()
        yield from self.experts()
        yield from self.articles()

    def taxonomy(self, model, kind):
        field = "topic" if model is Topic else "region"
        for batch in batches(model.objects.order_by("pk")):
            ids = [obj.pk for obj in batch]
            old = legacy_paths(model, ids)
            for old_slug, pk in TaxonomyRedirect.objects.filter(
                **{f"{field}__in": ids}
            ).values_list("old_slug", field):
                old.setdefault(pk, []).append(page_path(old_slug))
            for obj in batch:
                record = {
                    "kind": kind,
                    "id": str(obj.pk),
                    "slug": obj.slug,
                    "name": texts(obj, "name"),
                    "description": texts(obj, "description"),
                    "old_paths": sorted(old.get(obj.pk, [])),
                }
                if model is Region and obj.parent_id:
                    record["parent"] = str(obj.parent_id)
                yield record

    def image_record(self, record_id, file, *, title, alt_text, caption=None, credit=None):
        record = {"kind": "image", "id": record_id, "file": self.copy(file.name), "title": title}
        record["alt_text"] = alt_text
        if caption:
            record["caption"] = caption
        if credit:
            record["credit"] = credit
        return record

    def images(self):
        for batch in batches(Image.objects.order_by("pk")):
            old = legacy_paths(Image, [image.pk for image in batch])
            for image in batch:
                record = self.image_record(
                    str(image.pk),
                    image.file,
                    title=image.title,
                    alt_text=texts(image, "alt_text"),
                    caption=texts(image, "caption"),
                    credit=texts(image, "credit"),
                )
                record["old_paths"] = old.get(image.pk, [])
                yield record

    def experts(self):
        for batch in batches(Expert.objects.order_by("pk")):
            old = legacy_paths(Expert, [expert.pk for expert in batch])
            library = self.library_files(expert.photo.name for expert in batch)
            for expert in batch:
                record = {
                    "kind": "expert",
                    "id": str(expert.pk),
                    "name": expert.name,
                    "names": {
                        language: text
                        for language, text in texts(expert, "name").items()
                        if language != settings.LANGUAGE_CODE
                    },
                    "email": expert.email,
                    "slug": expert.slug,
                    "expert_kind": expert.kind,
                    "role": texts(expert, "role"),
                    "short_bio": texts(expert, "short_bio"),
                    "bio": texts(expert, "bio"),
                    "old_paths": old.get(expert.pk, []),
                }
                if expert.photo:
                    record["photo"] = library.get(expert.photo.name) or f"expert-{expert.pk}-photo"
                    if record["photo"] not in library.values():
                        yield self.image_record(
                            record["photo"],
                            expert.photo,
                            title=expert.name,
                            alt_text={settings.LANGUAGE_CODE: expert.name},
                        )
                yield record

    def library_files(self, names):
        """{file name: image record id} of those of `names` that are library images."""
        names = [name for name in names if name]
        if not names:
            return {}
        rows = Image.objects.filter(file__in=names).values_list("file", "pk")
        return {name: str(pk) for name, pk in rows}

    def articles(self):
        queryset = (
            Article.objects.order_by("pk")
            .select_related("publication_type")
            .prefetch_related(
                Prefetch("authorships", ArticleAuthor.objects.order_by("position", "pk")),
                "topics",
                "regions",
                "tags",
            )
        )
        for batch in batches(queryset):
            ids = [article.pk for article in batch]
            old = legacy_paths(Article, ids)
            for language, old_slug, pk in ArticleRedirect.objects.filter(
                article__in=ids
            ).values_list("language", "old_slug", "article"):
                old.setdefault(pk, []).append(page_path(old_slug, language))
            library = self.library_files(article.hero_image.name for article in batch)
            for article in batch:
                yield from self.article(article, old.get(article.pk, []), library)

    def article(self, article, old_paths, library):
        record = {
            "kind": "article",
            "id": str(article.pk),
            "language": article.language,
            "translation_group": f"set-{article.translation_set_id}",
            "publication_type": article.publication_type.slug,
            "title": article.title,
            "slug": article.slug,
            "summary": article.summary,
            "body": article.body,
            "footer_note": article.footer_note,
            "status": article.status,
            "published_at": article.published_at.isoformat() if article.published_at else None,
            "updated_at": article.updated_at.isoformat(),
            "authors": [str(link.expert_id) for link in article.authorships.all()],
            "topics": [str(topic.pk) for topic in article.topics.all()],
            "regions": [str(region.pk) for region in article.regions.all()],
            "tags": sorted(tag.name for tag in article.tags.all()),
            "outlet_name": article.outlet_name,
            "outlet_url": article.outlet_url,
            "event_start": article.event_start.isoformat() if article.event_start else None,
            "event_end": article.event_end.isoformat() if article.event_end else None,
            "event_time_zone": article.event_time_zone,
            "event_location": article.event_location,
            "event_is_online": article.event_is_online,
            "old_paths": sorted(old_paths),
        }
        if article.hero_image:
            hero = library.get(article.hero_image.name)
            if hero is None:
                hero = f"article-{article.pk}-hero"
                alt = {article.language: article.hero_image_alt or article.title}
                credit = {article.language: article.hero_image_credit}
                yield self.image_record(
                    hero,
                    article.hero_image,
                    title=article.title[:200],
                    alt_text=alt,
                    credit=credit if article.hero_image_credit else None,
                )
            record["hero_image"] = hero
        yield record


def export_site(directory):
    """The site's records, its files copied to `directory`/media as they come."""
    return Exporter(directory).records()
