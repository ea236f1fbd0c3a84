"""Article records (docs/import-format.md) written through the articles' services: the
body's record ids made database ids, the byline, topics, regions, tags, hero image and
translation set, the status and dates kept (a future publication date stays scheduled)."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.dateparse import parse_datetime
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from articles.import_services import (
    NewArticle,
    article_join_translation_set,
    article_set_relations,
)
from articles.models import Article, PublicationType, TranslationSet
from articles.services import article_amend_revision, article_record_revision, article_save
from articles.slugs import free_slug, slug_owner
from interchange.bodies import references_of, rewrite
from interchange.records import site_languages
from interchange.run import Skip, Written
from interchange.services import source_key_save
from library.models import Image

LINK_KINDS = ("article", "expert", "topic", "region")
GROUP = "translation_group"
PLAIN_FIELDS = {
    "footer_note": 10**6,
    "outlet_name": 200,
    "outlet_url": 500,
    "event_time_zone": 64,
    "event_location": 300,
}


def rewritten_body(record, run, html):
    """(the body with database ids, whether a reference of it is still to come)."""
    found = references_of(html, run.hosts)
    images = run.ids("image", found.images)
    links = {}
    for kind in sorted({kind for kind, _id in found.links} & set(LINK_KINDS)):
        ids = run.ids(
            kind, {record_id for link_kind, record_id in found.links if link_kind == kind}
        )
        links.update({(kind, record_id): pk for record_id, pk in ids.items()})
    paths = run.legacy_references(found.paths)
    result = rewrite(html, images=images, links=links, paths=paths, hosts=run.hosts)
    run.missing += [("image", image_id) for image_id in result.missing_images]
    run.missing += [tuple(link.split(":", 1)) for link in result.missing_links]
    if run.final:
        for image_id in dict.fromkeys(result.missing_images):
            run.report.problem(
                "article",
                record["id"],
                _("a figure of image “%(id)s” was dropped: no such image was imported")
                % {"id": image_id},
            )
        for link in dict.fromkeys(result.missing_links):
            run.report.problem(
                "article",
                record["id"],
                _("a link to “%(link)s” was kept as text: no such record was imported")
                % {"link": link},
            )
    waiting = result.missing_images or result.missing_links
    return result.html, bool(waiting or (result.unmatched_paths and not run.final))


def _checked_with_slug(record, article):
    """Give `article` the record's slug (or the one it has) if free, else one made free,
    and check it (full_clean). The wanted slug is tried first: the article's own check
    says whether it is taken, so a free one costs no query of its own."""
    wanted = record.get("slug") or (article.slug if article.pk else "")
    if wanted:
        article.slug = wanted
        try:
            return _full_clean(article)
        except ValidationError as error:
            owner = slug_owner(
                wanted, article_model=Article, language=article.language, instance=article
            )
            if "slug" not in error.message_dict or owner is None:
                raise
    article.slug = free_slug(
        wanted or article.title,
        article_model=Article,
        language=article.language,
        instance=article,
    )
    return _full_clean(article)


def _full_clean(article):
    # The publication type was just read from the database: not looked up again.
    article.full_clean(exclude=["publication_type"], validate_constraints=False)


def _publication_type(slug, run):
    """The publication type of `slug`, or None; read once an import."""
    if slug not in run.publication_types:
        run.publication_types[slug] = PublicationType.objects.filter(slug=slug).first()
    return run.publication_types[slug]


def _date(value):
    return parse_datetime(value) if value else None


def show_hero(record, article, image):
    """Show `image`, the library image of the record's hero image, on `article`: none
    when the record has none; the one it has when the record's is not imported yet."""
    if not record.get("hero_image"):
        article.hero_image = ""
    elif image is not None:
        article.hero_image = image.file.name
        article.hero_image_alt = image.get_translation("alt_text", article.language)[:300]
        article.hero_image_credit = image.get_translation("credit", article.language)[:200]


def _translation_set(record, article, run):
    """Put `article` in its translation group's set, if the group has one already (and
    it is still there); the set's id, or None."""
    group = record.get(GROUP)
    set_id = run.ids(GROUP, [group]).get(group) if group else None
    if set_id is None or not TranslationSet.objects.filter(pk=set_id).exists():
        return None
    if set_id != article.translation_set_id:
        try:
            article_join_translation_set(article, set_id, user=run.user)
        except PermissionDenied as error:
            run.report.problem("article", record["id"], str(error))
    return set_id


@dataclass
class Prepared:
    """An article record made ready to save: the article and its relations (`item`),
    its hero image's id, whether a reference of its body, or another, waits for a
    record not seen."""

    item: NewArticle
    hero_id: int | None
    body_waits: bool
    others_wait: bool

    @property
    def waiting(self):
        return self.body_waits or self.others_wait


def prepared_article(record, existing, run):
    """`record` read into `existing` (or a new article), unsaved, with its references
    resolved to database ids; Skip when the site cannot take it."""
    language = record["language"]
    if language not in site_languages():
        raise Skip(_("the site has no language “%(language)s”") % {"language": language})
    kind = _publication_type(record["publication_type"], run)
    if kind is None:
        raise Skip(
            _("the site has no publication type “%(slug)s”") % {"slug": record["publication_type"]}
        )
    article = existing or Article()
    article.language = language
    article.publication_type = kind
    article.title = record["title"].strip()[:300]
    article.slug = record.get("slug") or article.slug  # made free when saved
    article.body, body_waits = rewritten_body(record, run, record.get("body", ""))
    article.summary = record.get("summary", "").strip() or Truncator(
        " ".join(strip_tags(article.body).split()) or article.title
    ).chars(300)
    for name, limit in PLAIN_FIELDS.items():
        setattr(article, name, record.get(name, "")[:limit])
    article.event_start = _date(record.get("event_start"))
    article.event_end = _date(record.get("event_end"))
    article.event_is_online = record.get("event_is_online", False)
    article.status = record.get("status", Article.Status.DRAFT)
    article.published_at = _date(record.get("published_at"))
    hero_ids, hero_waits = [], False
    if record.get("hero_image"):
        hero_ids, hero_waits = run.resolve(
            record, "image", [record["hero_image"]], what=_("hero image")
        )
    authors, authors_wait = run.resolve(
        record, "expert", record.get("authors", []), what=_("author")
    )
    topics, topics_wait = run.resolve(record, "topic", record.get("topics", []), what=_("topic"))
    regions, regions_wait = run.resolve(
        record, "region", record.get("regions", []), what=_("region")
    )
    item = NewArticle(
        article,
        authors=authors,
        topic_ids=topics,
        region_ids=regions,
        tags=record.get("tags", []),
        translation_group=record.get(GROUP),
    )
    others_wait = hero_waits or authors_wait or topics_wait or regions_wait
    return Prepared(item, hero_ids[0] if hero_ids else None, body_waits, others_wait)


def write_article(record, existing, run):
    prepared = prepared_article(record, existing, run)
    article, item = prepared.item.article, prepared.item
    show_hero(record, article, Image.objects.filter(pk=prepared.hero_id).first())
    group_set = _translation_set(record, article, run)
    _checked_with_slug(record, article)
    article_save(article, user=run.user)
    if record.get(GROUP) and group_set is None:  # the first of its group: its set is the group's
        source_key_save(
            run.source, GROUP, record[GROUP], article.translation_set, digest="", user=run.user
        )
    article_set_relations(
        article,
        authors=item.authors,
        topic_ids=item.topic_ids,
        region_ids=item.region_ids,
        tags=item.tags,
        user=run.user,
    )
    if run.final and ("article", record["id"]) in run.created:
        # The second pass completes what the first wrote: one revision an import.
        article_amend_revision(article, user=run.user, note=imported_note(run))
    else:
        article_record_revision(article, user=run.user, note=imported_note(run))
    return Written(article, pending=prepared.waiting)


def imported_note(run):
    return _("Imported from %(source)s") % {"source": run.source}
