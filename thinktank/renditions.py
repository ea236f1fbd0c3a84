"""
Image renditions: resized copies of an uploaded image, made once, stored, reused.

An article's hero image and an expert's photo are shown through renditions at a few
widths (WIDTHS, none wider than the original), each in WebP and in a fallback format
for browsers without WebP: JPEG, or PNG when the original's format can hold
transparency (PNG, GIF, WebP), so a transparent image stays transparent.

They are made when the image is saved (`articles.services.article_save`, the expert
admin, the demo loader) or by `manage.py make_renditions`, never while a page is
rendered. Their names follow from the original's name alone, and which widths exist
from the original's width, which the model stores (`hero_image_width`,
`photo_width`): so a page builds its srcset from strings (`rendition_urls`), without
touching storage, opening an image or making a query.

Only the storage API is used (exists, open, save, delete, url), never a filesystem
path, so the files can move to S3 or another storage without a change here.
"""

import io
import logging
import posixpath
from dataclasses import dataclass

from django.core.files.base import ContentFile
from PIL import Image, ImageOps, UnidentifiedImageError

logger = logging.getLogger(__name__)

WIDTHS = (160, 320, 640, 1280)
FOLDER = "renditions"
WEBP_QUALITY = 80
JPEG_QUALITY = 82

SQUARE = "square"
# Image fields whose renditions are square, centred crops (a focal point is for later).
SQUARE_FIELDS = {"experts.Expert.photo"}

# Originals in these formats may be transparent: their fallback is PNG, not JPEG.
TRANSPARENCY_EXTENSIONS = {"png", "gif", "webp"}

FORMATS = {
    # format: (extension, MIME type, Pillow's options)
    "webp": ("webp", "image/webp", {"format": "WEBP", "quality": WEBP_QUALITY, "method": 6}),
    "jpeg": (
        "jpg",
        "image/jpeg",
        {"format": "JPEG", "quality": JPEG_QUALITY, "progressive": True, "optimize": True},
    ),
    "png": ("png", "image/png", {"format": "PNG", "optimize": True}),
}

# What can go wrong reading an image that passed the upload checks (a truncated file,
# a missing one): logged, and left for `make_renditions` to retry.
IMAGE_ERRORS = (
    OSError,
    UnidentifiedImageError,
    ValueError,
    SyntaxError,
    Image.DecompressionBombError,
)


@dataclass(frozen=True)
class Rendition:
    name: str  # in the original's storage
    width: int  # as the srcset says; never more than the original's
    format: str  # a key of FORMATS

    @property
    def mime_type(self):
        return FORMATS[self.format][1]


# --- names: pure string work ------------------------------------------------------------


def crop_for(fieldfile):
    """SQUARE for the fields listed in SQUARE_FIELDS, else None."""
    field = fieldfile.field
    key = f"{field.model._meta.app_label}.{field.model.__name__}.{field.name}"
    return SQUARE if key in SQUARE_FIELDS else None


def fallback_format(name):
    extension = posixpath.splitext(name)[1].lower().lstrip(".")
    return "png" if extension in TRANSPARENCY_EXTENSIONS else "jpeg"


def rendition_widths(width, height=None, crop=None):
    """
    The widths made for an original `width` (× `height`) pixels: those of WIDTHS that
    fit, or, for an image narrower than the smallest, its own width. A square crop is
    as wide as the original's shorter side.
    """
    if crop == SQUARE and height:
        width = min(width or height, height)
    if not width:
        return ()
    return tuple(size for size in WIDTHS if size <= width) or (width,)


def rendition_name(name, width, image_format, crop=None):
    """
    "articles/hero.jpg", 640, "webp" -> "renditions/articles/hero.jpg/640.webp".

    One folder per original, named after the whole original name (extension
    included, so hero.jpg and hero.png never share renditions).
    """
    label = f"{width}-{crop}" if crop else str(width)
    return f"{FOLDER}/{name}/{label}.{FORMATS[image_format][0]}"


def plan(name, width, height=None, crop=None):
    """Every rendition of the original `name`: WebP ones first, then the fallback."""
    widths = rendition_widths(width, height, crop)
    return [
        Rendition(rendition_name(name, size, image_format, crop), size, image_format)
        for image_format in ("webp", fallback_format(name))
        for size in widths
    ]


def stored_dimensions(fieldfile):
    """The original's width and height as the model stores them (no file is opened)."""
    field = fieldfile.field
    instance = getattr(fieldfile, "instance", None)
    width = getattr(instance, field.width_field, None) if field.width_field else None
    height = getattr(instance, field.height_field, None) if field.height_field else None
    return width, height


def rendition_urls(fieldfile, width=None, height=None, *, crop=None):
    """
    {MIME type: [(url, width), ...]} for a srcset: "image/webp" first, then the
    fallback's type. Empty when there is no image or its width is not known.

    Pure string building from the stored name and width (the model's width field
    unless `width` is given): no storage access, no image opened, no query.
    """
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


# --- making them: at upload, or from the command -----------------------------------------


def make_renditions(fieldfile, width=None, height=None, *, crop=None, replace=False):
    """
    Make the renditions of `fieldfile` that storage does not have yet; returns the
    names made (none when all exist: a second call reads nothing and writes nothing).

    `replace=True` makes them all again, for an image just uploaded under a name whose
    renditions may be left from an earlier file of that name.
    """
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
    wanted = plan(name, width, height, crop)
    missing = wanted if replace else [item for item in wanted if not storage.exists(item.name)]
    if not missing:
        return []
    with storage.open(name, "rb") as file, Image.open(file) as original:
        image, icc_profile = prepared(original)
    made = []
    for rendition in missing:
        data = encode(resized(image, rendition.width, crop), rendition.format, icc_profile)
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
    """
    `make_renditions` for a save path (the article service, the expert admin): an
    image that cannot be read is logged, not raised, so the save itself stands and
    `manage.py make_renditions` can retry. Returns the names made.
    """
    try:
        return make_renditions(fieldfile, replace=replace)
    except IMAGE_ERRORS:
        logger.exception("Could not make the renditions of %s", fieldfile.name)
        return []


def prepared(original):
    """
    The original upright (EXIF orientation applied), in RGB or RGBA, with no metadata
    left (no EXIF, no XMP: they can hold a camera's serial number or a location);
    and its colour profile, which is kept so the colours stay as they were.
    """
    icc_profile = original.info.get("icc_profile")
    has_alpha = original.has_transparency_data
    if original.mode not in ("RGB", "RGBA", "P", "PA"):
        icc_profile = None  # a grey or CMYK profile does not describe the RGB result
    image = ImageOps.exif_transpose(original)
    image = image.convert("RGBA" if has_alpha else "RGB")
    image.info = {}
    return image, icc_profile


def resized(image, width, crop=None):
    """`image` `width` pixels wide (never enlarged); a centred square for SQUARE."""
    if crop == SQUARE:
        side = min(width, *image.size)
        return ImageOps.fit(image, (side, side), method=Image.Resampling.LANCZOS)
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
