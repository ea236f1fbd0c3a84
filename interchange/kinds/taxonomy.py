"""Topic and region records (docs/import-format.md) written through the taxonomy's
services: names and descriptions per language, a free slug, a region's parent."""

from django.utils.html import strip_tags

from articles.models import Article, Region, Topic
from articles.slugs import free_slug, slug_owner
from articles.taxonomy_services import topic_or_region_save
from interchange.records import translations_of
from interchange.run import Written


def _slug(record, obj, name):
    """The record's slug (or the one the object has) when free, else one made free."""
    wanted = record.get("slug") or (obj.slug if obj.pk else "")
    if wanted and slug_owner(wanted, article_model=Article, instance=obj) is None:
        return wanted
    return free_slug(wanted or name, article_model=Article, instance=obj, max_length=200)


def _write(model, record, existing, run):
    obj = existing or model()
    texts, translations = translations_of(record, ("name", "description"), report=run.report)
    obj.name = texts["name"][:200]
    obj.description = strip_tags(texts["description"]).strip()
    for values in translations.values():
        if "description" in values:
            values["description"] = strip_tags(values["description"]).strip()
    obj.translations = translations
    obj.slug = _slug(record, obj, obj.name)
    pending = False
    if model is Region:
        parent_ids, pending = (
            run.resolve(record, "region", [record["parent"]], what="parent")
            if record.get("parent")
            else ([], False)
        )
        obj.parent_id = parent_ids[0] if parent_ids else None
    obj.full_clean()
    topic_or_region_save(obj, user=run.user)
    return Written(obj, pending=pending)


def write_topic(record, existing, run):
    return _write(Topic, record, existing, run)


def write_region(record, existing, run):
    return _write(Region, record, existing, run)
