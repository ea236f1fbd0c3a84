"""
For the rendition tests: images made with Pillow, uploaded and stored, the names their
renditions should have, and page requests made with every image file and storage
access forbidden.
"""

import io
from unittest import mock

from django.core.files.images import ImageFile
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from articles import services
from tests.helpers.budgets import count_queries
from tests.helpers.factories import make_article, make_expert, make_program, unique
from thinktank.renditions import make_renditions


def jpeg_bytes(size=(1000, 600), color=(30, 90, 160), orientation=None):
    """A real JPEG; with `orientation`, an EXIF Orientation tag (and a camera make)."""
    image = Image.new("RGB", size, color)
    image.paste((220, 40, 40), (0, 0, size[0] // 2, size[1]))  # left half red
    exif = Image.Exif()
    exif[0x010F] = "Thinktank Camera"  # Make: metadata that must not be copied
    if orientation:
        exif[0x0112] = orientation
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=90, exif=exif.tobytes())
    return buffer.getvalue()


def transparent_png_bytes(size=(400, 300)):
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    image.paste((10, 120, 60, 255), (0, 0, size[0] // 2, size[1]))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def upload(name, data, content_type="image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def stored(name):
    """The stored image `name`, loaded."""
    with default_storage.open(name, "rb") as file, Image.open(file) as image:
        image.load()
        return image


def mtimes(names):
    return {name: default_storage.get_modified_time(name) for name in names}


def article_with_hero(user, data=None, *, name="hero.jpg", **fields):
    """A published article whose hero image is uploaded and saved through the service."""
    article = make_article(unique("Hero"), **fields)
    article.hero_image = upload(name, data or jpeg_bytes())
    article.hero_image_alt = "A harbour at dawn, seen from the sea."
    return services.article_save(article, user=user)


def expected_names(original, widths, fallback="jpg", crop=None):
    label = f"{{}}-{crop}" if crop else "{}"
    return [
        f"renditions/{original}/{label.format(width)}.{extension}"
        for extension in ("webp", fallback)
        for width in widths
    ]


def no_file_access():
    """Fail the test if the request opens an image or reads storage (url() is allowed)."""
    failure = AssertionError("a page render touched an image file")
    return [
        mock.patch("PIL.Image.open", side_effect=failure),
        mock.patch("django.core.files.images.get_image_dimensions", side_effect=failure),
        mock.patch.object(FileSystemStorage, "open", side_effect=failure),
        mock.patch.object(FileSystemStorage, "exists", side_effect=failure),
        mock.patch.object(FileSystemStorage, "save", side_effect=failure),
        mock.patch.object(ImageFile, "_get_image_dimensions", side_effect=failure),
    ]


def get_untouched(client, url):
    """GET `url` with file access forbidden; (number of queries, response)."""
    patches = no_file_access()
    for patch in patches:
        patch.start()
    try:
        return count_queries(client, url, clear_cache=False)
    finally:
        for patch in reversed(patches):
            patch.stop()


def photographed_expert(name):
    expert = make_expert(name, program=make_program())
    expert.photo = upload("portrait.jpg", jpeg_bytes((400, 400)))
    expert.save()
    make_renditions(expert.photo)
    return expert
