"""Reads of the image library: each answers one question in a fixed number of queries."""

from django.conf import settings
from django.db.models import F, Q

from library.figures import figure_image_ids
from library.models import Image
from thinktank.translation import translation_languages


def images_by_id(ids):
    """{id: image} of the images among `ids` that exist, with what a figure shows: one
    query however many (none without ids)."""
    ids = set(ids)
    if not ids:
        return {}
    return {image.pk: image for image in Image.objects.for_figures().filter(pk__in=ids)}


def existing_image_ids(ids):
    """The ids among `ids` of images that exist: one query (none without ids)."""
    ids = set(ids)
    if not ids:
        return set()
    return set(Image.objects.filter(pk__in=ids).values_list("pk", flat=True))


def matching(query):
    """The Q of images whose title, alt text, caption, credit or tags hold every word
    of `query` (the title, alt text, caption and credit in any language)."""
    condition = Q()
    for word in query.split()[:10]:
        condition &= (
            Q(title__icontains=word)
            | Q(alt_text__icontains=word)
            | Q(caption__icontains=word)
            | Q(credit__icontains=word)
            | Q(pk__in=Image.objects.filter(tags__name__icontains=word).values("pk"))
            | in_translations(word)
        )
    return condition


def matching_images(query="", *, limit=24):
    """The newest images matching `query` (all of them without): one query."""
    return list(Image.objects.filter(matching(query)).order_by("-created_at", "-pk")[:limit])


def orientation_filter(orientation):
    """The Q of images of `orientation` (Image.Orientation)."""
    return {
        Image.Orientation.LANDSCAPE: Q(width__gt=F("height")),
        Image.Orientation.PORTRAIT: Q(width__lt=F("height")),
        Image.Orientation.SQUARE: Q(width=F("height")),
    }[orientation]


def in_translations(word):
    """Whether a translation of the title, alt text or caption holds `word` (read key by
    key: the JSON column may hold escaped non-ASCII text)."""
    found = Q(pk__in=[])
    for language in translation_languages():
        for name in Image.translatable_fields:
            found |= Q(**{f"translations__{language}__{name}__icontains": word})
    return found


# The texts of an image a translator writes for each language, as docs/multilingual.md
# lists them ("still to translate").
TEXTS_TO_TRANSLATE = ("alt_text", "caption", "credit")


def figure_texts_to_translate(bodies, language):
    """[(image, [field, ...])] for the images the figures of `bodies` (rich texts) show
    whose alt text, caption or credit has no text in `language` while it has one in the
    site's language, in order of first appearance: one query (none without figures, or
    in the site's language, which is the images' own)."""
    if language == settings.LANGUAGE_CODE:
        return []
    ids = list(dict.fromkeys(pk for body in bodies for pk in figure_image_ids(body)))
    images = images_by_id(ids)
    missing = []
    for pk in ids:
        image = images.get(pk)
        if image is None:
            continue
        fields = [
            Image._meta.get_field(name)
            for name in TEXTS_TO_TRANSLATE
            if getattr(image, name).strip() and not image.own_text(name, language)
        ]
        if fields:
            missing.append((image, fields))
    return missing
