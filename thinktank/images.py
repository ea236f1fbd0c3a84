"""Checks for uploaded images: a real image, in an accepted format, of a sensible size,
whose every pixel decodes. See docs/uploads.md."""

import math
import struct
import zlib
from contextlib import contextmanager

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from PIL import Image, ImageSequence

MAX_PIXELS = 40_000_000
MAX_ANIMATION_PIXELS = 50_000_000  # all frames together: they are held at once
MAX_FRAMES = 1000

# Pillow's format name -> the extensions it may be uploaded with. "MPO" is a phone's
# JPEG with a second picture.
FORMATS = {
    "JPEG": ("jpg", "jpeg"),
    "MPO": (),
    "PNG": ("png",),
    "WEBP": ("webp",),
    "GIF": ("gif",),
}
IMAGE_EXTENSIONS = [extension for extensions in FORMATS.values() for extension in extensions]

# What Pillow raises for a file that is not a whole, valid image (not only OSError).
DECODE_ERRORS = (
    OSError,  # UnidentifiedImageError and "image file is truncated" among them
    SyntaxError,
    ValueError,
    TypeError,
    IndexError,
    KeyError,
    EOFError,
    ZeroDivisionError,
    struct.error,
)


NOT_READABLE = gettext_lazy(
    "This file is not an image we can read. Upload a JPEG, PNG, WebP or GIF file."
)


def not_readable():
    return ValidationError(NOT_READABLE, code="invalid_image")


def too_many_pixels(size=None):
    if size is None:  # Pillow refused it before saying its size
        return ValidationError(
            _("This image has too many pixels; make it smaller than 40 megapixels."),
            code="image_too_many_pixels",
        )
    width, height = size
    return ValidationError(
        _("This image is %(width)s×%(height)s pixels; make it smaller than 40 megapixels.")
        % {"width": width, "height": height},
        code="image_too_many_pixels",
    )


def is_animation(image):
    """Whether `image` has frames to keep (an MPO's second picture is not one)."""
    return image.format != "MPO" and getattr(image, "is_animated", False)


def _check(image, decode):
    """Refuse `image`'s format or size; then, if `decode`, decode every frame."""
    if image.format not in FORMATS:
        raise ValidationError(
            _("This file is a %(format)s image; upload a JPEG, PNG, WebP or GIF file.")
            % {"format": image.format},
            code="image_format_not_accepted",
        )
    width, height = image.size
    if width * height > MAX_PIXELS:
        raise too_many_pixels(image.size)
    if not is_animation(image):
        if decode:
            image.load()
        return
    # Counted while read: n_frames would read every frame of a huge count first.
    for count, frame in enumerate(ImageSequence.Iterator(image), start=1):
        if count > MAX_FRAMES or count * width * height > MAX_ANIMATION_PIXELS:
            raise ValidationError(
                _(
                    "This animation has more than %(frames)s frames of "
                    "%(width)s×%(height)s pixels; make it shorter or smaller."
                )
                % {"frames": count - 1, "width": width, "height": height},
                code="animation_too_many_pixels",
            )
        if decode:
            frame.load()
    image.seek(0)


# PNG colour types -> samples per pixel; and Adam7's passes (x, y, x step, y step).
PNG_SAMPLES = {0: 1, 2: 3, 3: 1, 4: 2, 6: 4}
ADAM7 = ((0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2),
         (0, 1, 1, 2))  # fmt: skip


def _check_png_rows(file):
    """Refuse a PNG whose data stops short (an OSError, as Pillow's own for a bad file)."""
    if hasattr(file, "seek"):
        whole = _png_rows_complete(file)
    else:  # a path
        with open(file, "rb") as fp:
            whole = _png_rows_complete(fp)
    if not whole:
        raise OSError("the PNG's compressed data ends before its last row")


def _png_rows_complete(fp):
    """Whether a PNG's data holds every row its header promises: Pillow paints missing
    rows black without an error."""
    fp.seek(8)
    header, data = None, []
    while chunk := fp.read(8):
        if len(chunk) < 8:
            return False
        length, kind = struct.unpack(">I4s", chunk)
        body = fp.read(length)
        fp.seek(4, 1)  # the CRC, which Pillow checked
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body[:13])
        elif kind == b"IDAT":
            data.append(body)
        elif kind == b"IEND":
            break
    if header is None:
        return False
    width, height, depth, colour, _, _, interlace = header
    bits = depth * PNG_SAMPLES.get(colour, 4)
    passes = ADAM7 if interlace else ((0, 0, 1, 1),)
    expected = 0
    for x, y, x_step, y_step in passes:
        columns, rows = math.ceil((width - x) / x_step), math.ceil((height - y) / y_step)
        if columns > 0 and rows > 0:
            expected += rows * (1 + math.ceil(columns * bits / 8))  # a filter byte a row
    inflated = zlib.decompressobj().decompress(b"".join(data), expected)
    return len(inflated) >= expected


@contextmanager
def decoded_image(file, *, decode=True):
    """The image in `file`, open, checked and decoded to its last pixel (the header only
    with `decode=False`); raises ValidationError saying why not. Restores the position."""
    position = file.tell() if hasattr(file, "tell") else None
    try:
        image = _guarded(Image.open, file)
        with image:
            _guarded(_check, image, decode)
            if decode and image.format == "PNG" and not is_animation(image):
                _guarded(_check_png_rows, file)
            yield image
    finally:
        if position is not None:
            file.seek(position)


def _guarded(function, *args):
    """`function(*args)`, with what Pillow raises for a bad file as a ValidationError."""
    try:
        return function(*args)
    except Image.DecompressionBombError:
        raise too_many_pixels() from None
    except DECODE_ERRORS:
        raise not_readable() from None


def validate_image_header(file):
    """Raise ValidationError for what the header alone shows (not an image, another
    format, too many pixels)."""
    with decoded_image(file, decode=False):
        pass


def validate_image_upload(file):
    """Raise ValidationError for a file too large, not an image of FORMATS, too many
    pixels, or not decodable to its last pixel."""
    if getattr(file, "_committed", False):
        return  # already stored and unchanged: checked when it was uploaded
    limit = settings.MAX_IMAGE_UPLOAD_SIZE
    if file.size is not None and file.size > limit:
        raise ValidationError(
            _("This image is %(size)s; the largest accepted is %(limit)s.")
            % {"size": filesizeformat(file.size), "limit": filesizeformat(limit)},
            code="image_too_large",
        )
    with decoded_image(file):
        pass
