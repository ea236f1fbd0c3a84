"""
Checks for uploaded images: a real image, in a format every browser shows, of a
sensible size.

The accepted formats are one list (FORMATS) so that the image fields' extension check
and the check of what the file really is (Pillow's reading of it, whatever its name)
cannot drift apart.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError

MAX_PIXELS = 40_000_000

# The formats accepted, as Pillow names them, and the extensions each may be uploaded with.
# A JPEG with more than one picture (many phone cameras add a small second one) is read by
# Pillow as "MPO": it is a JPEG all the same, named .jpg, and shown by every browser.
FORMATS = {
    "JPEG": ("jpg", "jpeg"),
    "MPO": (),
    "PNG": ("png",),
    "WEBP": ("webp",),
    "GIF": ("gif",),
}
# For the image fields' FileExtensionValidator.
IMAGE_EXTENSIONS = [extension for extensions in FORMATS.values() for extension in extensions]


def validate_image_upload(file):
    """
    Refuse files that are too large, not images, in a format other than those of
    FORMATS (a TIFF renamed .png), or decompression bombs.
    """
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
            image_format = image.format
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(
            _("This file is not an image we can read. Upload a JPEG, PNG, WebP or GIF file."),
            code="invalid_image",
        ) from None
    finally:
        if position is not None:
            file.seek(position)
    if image_format not in FORMATS:
        raise ValidationError(
            _("This file is a %(format)s image; upload a JPEG, PNG, WebP or GIF file.")
            % {"format": image_format},
            code="image_format_not_accepted",
        )
    if width * height > MAX_PIXELS:
        raise ValidationError(
            _("This image is %(width)s×%(height)s pixels; make it smaller than 40 megapixels.")
            % {"width": width, "height": height},
            code="image_too_many_pixels",
        )
