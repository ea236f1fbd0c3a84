"""Checks for uploaded images: a real image, of a sensible size."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_PIXELS = 40_000_000


def validate_image_upload(file):
    """Refuse files that are too large, not images, or decompression bombs."""
    if getattr(file, "_committed", False):
        return  # already stored and unchanged: checked when it was uploaded
    limit = settings.MAX_IMAGE_UPLOAD_SIZE
    if file.size is not None and file.size > limit:
        raise ValidationError(
            _("This image is %(size)s; the largest accepted is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="image_too_large",
        )
    position = file.tell() if hasattr(file, "tell") else None
    try:
        with Image.open(file) as image:
            width, height = image.size
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not an image we can read. Upload a JPEG, PNG, WebP or GIF file."),
            code="invalid_image",
        ) from None
    finally:
        if position is not None:
            file.seek(position)
    if width * height > MAX_PIXELS:
        raise ValidationError(
            _("This image is %(width)s×%(height)s pixels; make it smaller than 40 megapixels.")
            % {"width": width, "height": height},
            code="image_too_many_pixels",
        )
