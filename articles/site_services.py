"""Every write of what arranges the site around the articles (features, publication types,
redirects, translation sets, image sizes), permission checked and atomic. A feature's
permission is its page's: changing that topic or region, or publishing for the home page."""

from django.db import transaction
from django.db.models import Max

from articles.models import Feature
from articles.permissions import PUBLISH_ARTICLE
from thinktank.permissions import model_permission, require


def _require_feature_permission(feature, user):
    page = feature.topic or feature.region
    require(user, model_permission("change", type(page)) if page else PUBLISH_ARTICLE)


@transaction.atomic
def feature_save(feature, *, user):
    """Save a featured article on its page; moving it off a page needs that page's right too."""
    _require_feature_permission(feature, user)
    if feature.pk:
        stored = Feature.objects.select_related("topic", "region").filter(pk=feature.pk).first()
        if stored is not None:
            _require_feature_permission(stored, user)
    feature.save()
    return feature


@transaction.atomic
def feature_add_last(feature, *, user):
    """Save a new featured article after those already on its page."""
    _require_feature_permission(feature, user)
    page = Feature.objects.filter(topic=feature.topic_id, region=feature.region_id)
    last = page.aggregate(last=Max("position"))["last"]
    feature.position = 0 if last is None else last + 1
    return feature_save(feature, user=user)


@transaction.atomic
def feature_delete(feature, *, user):
    """Take an article off the page that features it."""
    _require_feature_permission(feature, user)
    feature.delete()


def _save(obj, *, user):
    require(user, model_permission("change" if obj.pk else "add", type(obj)))
    obj.save()
    return obj


def _delete(obj, *, user):
    require(user, model_permission("delete", type(obj)))
    obj.delete()


@transaction.atomic
def publication_type_save(publication_type, *, user):
    return _save(publication_type, user=user)


@transaction.atomic
def publication_type_delete(publication_type, *, user):
    """Delete a publication type (its articles protect it: the admin says so first)."""
    _delete(publication_type, user=user)


@transaction.atomic
def redirect_save(redirect, *, user):
    """Save an article's or a topic's or region's redirect, corrected by hand."""
    return _save(redirect, user=user)


@transaction.atomic
def redirect_delete(redirect, *, user):
    """Delete a redirect: its old address answers 404 from now on."""
    _delete(redirect, user=user)


@transaction.atomic
def translation_set_save(translation_set, *, user):
    return _save(translation_set, user=user)


@transaction.atomic
def translation_set_delete(translation_set, *, user):
    """Delete a translation set, and with it its language versions (superusers only)."""
    _delete(translation_set, user=user)


def image_record_size(model, field, name, width, height):
    """Store the size of image `name` in the rows of `model` that lack it (a command's
    update: no permission, no version bumped)."""
    model._base_manager.filter(**{field.name: name, f"{field.width_field}__isnull": True}).update(
        **{field.width_field: width, field.height_field: height}
    )
