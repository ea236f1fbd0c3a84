"""Reads of the interchange: which object a source record became, where an old address
leads now. Drafts never leak: an old address of what readers may not see leads nowhere."""

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache

from articles.models import Article, Region, Topic
from articles.models.publishing import published_condition
from experts.models import Expert
from interchange.models import LegacyPath, SourceKey
from interchange.paths import query_names
from library.models import Image

# The kinds of the format and the models they become.
MODELS = {"topic": Topic, "region": Region, "expert": Expert, "image": Image, "article": Article}
QUERY_NAMES_CACHE_KEY = "interchange:legacy-query-names"


def source_key(source, kind, source_id):
    """The SourceKey of record `kind` `source_id` from `source`, or None."""
    return SourceKey.objects.filter(source=source, kind=kind, source_id=source_id).first()


def source_keys(source, kind, source_ids):
    """{source id: SourceKey} of those of `source_ids` imported before: one query."""
    keys = SourceKey.objects.filter(source=source, kind=kind, source_id__in=sorted(source_ids))
    return {key.source_id: key for key in keys}


def present(kind, pks):
    """Those of `pks` that are still objects of `kind`: one query."""
    return set(MODELS[kind].objects.filter(pk__in=pks).values_list("pk", flat=True))


def object_ids(source, kind, source_ids):
    """{source id: database id} of those of `source_ids` already imported: one query."""
    if not source_ids:
        return {}
    return dict(
        SourceKey.objects.filter(
            source=source, kind=kind, source_id__in=sorted(source_ids)
        ).values_list("source_id", "object_id")
    )


def public_objects():
    """{model: queryset} of what readers may open through an old address."""
    return {
        Article: Article.objects.filter(published_condition()),
        Expert: Expert.objects.with_profile(),
        Topic: Topic.objects.all(),
        Region: Region.objects.all(),
        Image: Image.objects.all(),
    }


def legacy_targets(keys):
    """{old path key: (model, object id)} of those of `keys` that are old addresses."""
    if not keys:
        return {}
    rows = LegacyPath.objects.filter(path__in=sorted(keys)).values_list(
        "path", "content_type_id", "object_id"
    )
    return {
        path: (ContentType.objects.get_for_id(type_id).model_class(), object_id)
        for path, type_id, object_id in rows
    }


def legacy_path_url(keys):
    """(whether one of `keys` (old path keys, most precise first) is an old address,
    the current public address of what the first such shows). The address is None
    when what it shows is not public (a draft, an archived article, a guest expert's
    missing profile): such an old address answers 404, never a redirect."""
    targets = legacy_targets(keys)
    for key in keys:
        if key in targets:
            model, object_id = targets[key]
            queryset = public_objects().get(model)
            target = queryset.filter(pk=object_id).first() if queryset is not None else None
            if target is None:
                return True, None
            return True, (target.file.url if model is Image else target.get_absolute_url())
    return False, None


def legacy_query_names():
    """The names of the query parameters any old address has ({"p", "page_id"}): a
    request with none of them needs no look-up. Cached; the services forget it."""
    names = cache.get(QUERY_NAMES_CACHE_KEY)
    if names is None:
        names = set()
        for path in LegacyPath.objects.filter(path__contains="?").values_list("path", flat=True):
            names |= query_names(path)
        cache.set(QUERY_NAMES_CACHE_KEY, names, None)
    return names


def legacy_paths_of(obj):
    """The old addresses that lead to `obj`, sorted."""
    return list(
        LegacyPath.objects.filter(
            content_type=ContentType.objects.get_for_model(obj), object_id=obj.pk
        )
        .order_by("path")
        .values_list("path", flat=True)
    )


def imported_articles(source, since, *, limit=100):
    """The articles from `source` written (created or updated) since `since`, newest
    first, at most `limit`: what an import in the admin links to."""
    ids = SourceKey.objects.filter(source=source, kind="article", updated_at__gte=since).values(
        "object_id"
    )
    return list(Article.objects.filter(pk__in=ids).order_by("-pk")[:limit])
