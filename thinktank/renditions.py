"""Image renditions: resized copies of an uploaded image. See docs/renditions.md."""

import io
import logging
import posixpath
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import Image, ImageOps

from thinktank.images import DECODE_ERRORS

logger = logging.getLogger(__name__)

WIDTHS = (160, 320, 640, 1280)
FOLDER = "renditions"
WEBP_QUALITY = 80
JPEG_QUALITY = 82

SQUARE = "square"
# "app.Model.field" -> the attributes holding its focal point; filled by register_square.
SQUARE_FIELDS = {}
CENTRE = 50
PREVIEW_WIDTH = 320

TRANSPARENCY_EXTENSIONS = {"png", "gif", "webp"}

FORMATS = {
    "webp": ("webp", "image/webp", {"format": "WEBP", "quality": WEBP_QUALITY, "method": 6}),
    "jpeg": (
        "jpg",
        "image/jpeg",
        {"format": "JPEG", "quality": JPEG_QUALITY, "progressive": True, "optimize": True},
    ),
    "png": ("png", "image/png", {"format": "PNG", "optimize": True}),
}

IMAGE_ERRORS = (*DECODE_ERRORS, Image.DecompressionBombError)


@dataclass(frozen=True)
class Rendition:
    name: str
    width: int
    format: str  # a key of FORMATS
    crop: object = None  # a SquareCrop, or None for the whole image

    @property
    def mime_type(self):
        return FORMATS[self.format][1]


def percent(value):
    """`value` as a whole percentage, 0-100; the centre when it is not a number."""
    try:
        return min(100, max(0, round(float(value))))
    except (TypeError, ValueError, OverflowError):
        return CENTRE


@dataclass(frozen=True)
class SquareCrop:
    """A square crop around the focal point (x, y), in percent across and down."""

    x: int = CENTRE
    y: int = CENTRE

    def __post_init__(self):
        object.__setattr__(self, "x", percent(self.x))
        object.__setattr__(self, "y", percent(self.y))

    @property
    def label(self):
        """The crop's part of a rendition name: "square", or "square-30x40"."""
        if (self.x, self.y) == (CENTRE, CENTRE):
            return SQUARE
        return f"{SQUARE}-{self.x}x{self.y}"

    def __str__(self):
        return self.label

    def centering(self, size):
        """ImageOps.fit's `centering` for an image of `size`, keeping the square inside it."""
        width, height = size
        side = min(size)
        return (_centering(width, side, self.x), _centering(height, side, self.y))


def _centering(length, side, focal):
    spare = length - side
    if spare <= 0:
        return 0.5
    start = min(max(length * focal / 100 - side / 2, 0), spare)
    return start / spare


def square_crop(crop):
    """`crop` as a SquareCrop (SQUARE, the string, is the centred one); None if not square."""
    if isinstance(crop, SquareCrop):
        return crop
    return SquareCrop() if crop == SQUARE else None


def field_key(field):
    return f"{field.model._meta.app_label}.{field.model.__name__}.{field.name}"


def register_square(key, focal_x, focal_y):
    """Show the image field `key` ("app.Model.field") square, around the focal point
    held in the instance's attributes `focal_x`, `focal_y` (percent)."""
    SQUARE_FIELDS[key] = (focal_x, focal_y)


def crop_for(fieldfile):
    """A SquareCrop for a field in SQUARE_FIELDS, else None; no query, no file."""
    field = fieldfile.field
    focal_attributes = SQUARE_FIELDS.get(field_key(field))
    if focal_attributes is None:
        return None
    instance = getattr(fieldfile, "instance", None)
    x, y = (getattr(instance, name, CENTRE) for name in focal_attributes)
    return SquareCrop(x, y)


def fallback_format(name):
    extension = posixpath.splitext(name)[1].lower().lstrip(".")
    return "png" if extension in TRANSPARENCY_EXTENSIONS else "jpeg"


def rendition_widths(width, height=None, crop=None):
    """The widths of WIDTHS that fit the original (or its own width if narrower)."""
    if square_crop(crop) and height:
        width = min(width or height, height)
    if not width:
        return ()
    return tuple(size for size in WIDTHS if size <= width) or (width,)


def rendition_name(name, width, image_format, crop=None):
    """ "articles/hero.jpg", 640, "webp" -> "renditions/articles/hero.jpg/640.webp"
    (or "640-square-30x40.webp" with a crop)."""
    square = square_crop(crop)
    label = f"{width}-{square.label}" if square else str(width)
    return f"{FOLDER}/{name}/{label}.{FORMATS[image_format][0]}"


def plan(name, width, height=None, crop=None):
    """Every rendition of the original `name`: WebP ones first, then the fallback."""
    widths = rendition_widths(width, height, crop)
    return [
        Rendition(rendition_name(name, size, image_format, crop), size, image_format, crop)
        for image_format in ("webp", fallback_format(name))
        for size in widths
    ]


def preview_rendition(name, width):
    """The uncropped WebP rendition the admin shows to pick a focal point on, or None."""
    widths = [size for size in rendition_widths(width) if size <= PREVIEW_WIDTH]
    if not widths:
        return None
    return Rendition(rendition_name(name, widths[-1], "webp"), widths[-1], "webp")


def wanted(name, width, height=None, crop=None):
    """What `make_renditions` makes: the plan, and a square image's uncropped preview."""
    renditions = plan(name, width, height, crop)
    preview = preview_rendition(name, width) if square_crop(crop) else None
    return renditions + ([preview] if preview else [])


def stored_dimensions(fieldfile):
    """The original's width and height as the model stores them (no file is opened)."""
    field = fieldfile.field
    instance = getattr(fieldfile, "instance", None)
    width = getattr(instance, field.width_field, None) if field.width_field else None
    height = getattr(instance, field.height_field, None) if field.height_field else None
    return width, height


def rendition_urls(fieldfile, width=None, height=None, *, crop=None):
    """{MIME type: [(url, width), ...]} for a srcset, WebP first; {} without an image or
    width. No storage access, no query."""
    if not fieldfile:
        return {}
    if width is None:
        width, stored_height = stored_dimensions(fieldfile)
        height = height or stored_height
    if crop is None:
        crop = crop_for(fieldfile)
    urls = {}
    for rendition in plan(fieldfile.name, width, height, crop):
        urls.setdefault(rendition.mime_type, []).append(
            (fieldfile.storage.url(rendition.name), rendition.width)
        )
    return urls


def make_renditions(fieldfile, width=None, height=None, *, crop=None, replace=False):
    """Make the renditions storage lacks (all of them with `replace=True`); returns
    the names made."""
    if not fieldfile:
        return []
    if width is None:
        width, stored_height = stored_dimensions(fieldfile)
        height = height or stored_height
    if crop is None:
        crop = crop_for(fieldfile)
    storage, name = fieldfile.storage, fieldfile.name
    if not width:  # not stored (yet): the file's header says
        width, height = read_dimensions(storage, name)
    renditions = wanted(name, width, height, crop)
    missing = (
        renditions if replace else [item for item in renditions if not storage.exists(item.name)]
    )
    if not missing:
        return []
    with storage.open(name, "rb") as file, Image.open(file) as original:
        image, icc_profile = prepared(original)
    made = []
    for rendition in missing:
        image_data = resized(image, rendition.width, rendition.crop)
        data = encode(image_data, rendition.format, icc_profile)
        if replace and storage.exists(rendition.name):
            storage.delete(rendition.name)
        saved = storage.save(rendition.name, ContentFile(data))
        if saved != rendition.name:  # another process made it meanwhile: keep theirs
            storage.delete(saved)
        else:
            made.append(saved)
    return made


def read_dimensions(storage, name):
    """The width and height of the image `name` in `storage`, from its header only."""
    with storage.open(name, "rb") as file, Image.open(file) as image:
        return image.size


def ensure_renditions(fieldfile, *, replace=False):
    """`make_renditions` that logs an unreadable image instead of raising, so the save stands."""
    try:
        return make_renditions(fieldfile, replace=replace)
    except IMAGE_ERRORS:
        logger.exception("Could not make the renditions of %s", fieldfile.name)
        return []


def prepared(original):
    """The original upright in RGB(A), with no metadata (EXIF can hold a location),
    and its colour profile."""
    icc_profile = original.info.get("icc_profile")
    has_alpha = original.has_transparency_data
    if original.mode not in ("RGB", "RGBA", "P", "PA"):
        icc_profile = None  # a grey or CMYK profile does not describe the RGB result
    image = ImageOps.exif_transpose(original)
    image = image.convert("RGBA" if has_alpha else "RGB")
    image.info = {}
    return image, icc_profile


def resized(image, width, crop=None):
    """`image` `width` pixels wide (never enlarged), or the square for `crop`."""
    square = square_crop(crop)
    if square:
        side = min(width, *image.size)
        return ImageOps.fit(
            image,
            (side, side),
            method=Image.Resampling.LANCZOS,
            centering=square.centering(image.size),
        )
    width = min(width, image.width)
    height = max(1, round(image.height * width / image.width))
    if (width, height) == image.size:
        return image
    return image.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)


def encode(image, image_format, icc_profile=None):
    options = dict(FORMATS[image_format][2])
    if icc_profile:
        options["icc_profile"] = icc_profile
    if image_format == "jpeg" and image.mode != "RGB":
        image = image.convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, **options)
    return buffer.getvalue()
