"""An uploaded image is stored as its pixels, without metadata (EXIF can hold a location),
under a random name. See docs/uploads.md."""

import io
import uuid

from django import forms
from django.core.files.base import ContentFile
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from PIL import ImageOps, ImageSequence

from thinktank.images import (
    FORMATS,
    IMAGE_EXTENSIONS,
    NOT_READABLE,
    decoded_image,
    is_animation,
    validate_image_header,
    validate_image_upload,
)

# A JPEG keeps its own quantization tables, so nothing more is lost.
SAVE_OPTIONS = {
    "JPEG": {"quality": "keep"},
    "MPO": {"quality": 95},
    "PNG": {},
    "WEBP": {"quality": 90},
    "GIF": {},
}
LOSSLESS_WEBP = {"lossless": True}
STORED_FORMAT = {"MPO": "JPEG"}
KEPT_INFO = ("transparency", "duration")


def _bare(frame):
    frame.info = {key: frame.info[key] for key in KEPT_INFO if key in frame.info}
    return frame


def is_lossless_webp(data):
    """Whether the WebP `data` is lossless (its first image chunk is VP8L)."""
    position = 12  # after "RIFF", the size and "WEBP"
    while position + 8 <= len(data):
        kind, size = (
            data[position : position + 4],
            int.from_bytes(data[position + 4 : position + 8], "little"),
        )
        if kind in (b"VP8L", b"VP8 ", b"ALPH"):
            return kind == b"VP8L"
        if kind == b"ANMF":  # a frame: 16 bytes of position and timing, then its chunks
            position += 8 + 16
            continue
        position += 8 + size + (size & 1)
    return False


def without_metadata(file):
    """The image in `file` re-encoded without metadata, as a ContentFile named
    "<random>.<extension>"; raises ValidationError if it is not an accepted image."""
    file.seek(0)
    with decoded_image(file) as image:
        image_format = STORED_FORMAT.get(image.format, image.format)
        options = {"format": image_format, **SAVE_OPTIONS[image.format]}
        if image.format == "WEBP" and is_lossless_webp(_read(file)):
            options.update(LOSSLESS_WEBP)
        if icc_profile := image.info.get("icc_profile"):
            options["icc_profile"] = icc_profile
        if is_animation(image):
            frames = [
                _bare(ImageOps.exif_transpose(frame)) for frame in ImageSequence.Iterator(image)
            ]
            first = frames[0]
            options.update(
                save_all=True,
                append_images=frames[1:],
                duration=[frame.info.get("duration", 0) for frame in frames],
            )
            if "loop" in image.info:
                options["loop"] = image.info["loop"]
        else:
            # In place, so a JPEG stays Pillow's JPEG and can keep its tables.
            ImageOps.exif_transpose(image, in_place=True)
            first = _bare(image)
        buffer = io.BytesIO()
        first.save(buffer, **options)
    extension = FORMATS[image_format][0]
    return ContentFile(buffer.getvalue(), name=f"{uuid.uuid4().hex}.{extension}")


def _read(file):
    position = file.tell()
    file.seek(0)
    data = file.read()
    file.seek(position)
    return data


class UploadedImageFieldFile(ImageFieldFile):
    def save(self, name, content, save=True):
        """Store `content` without metadata under a random name; `name` is not used."""
        content = without_metadata(content)
        super().save(content.name, content, save)


class UploadedImageFormField(forms.ImageField):
    """Checks the header in place of Django's check, so one file gets one message."""

    default_error_messages = {"invalid_image": NOT_READABLE}

    def to_python(self, data):
        file = forms.FileField.to_python(self, data)
        if file is not None:
            validate_image_header(file)
        return file


class UploadedImageField(models.ImageField):
    """An ImageField whose uploads are checked (extension, whole decode) and stored by
    `without_metadata` under a random name."""

    attr_class = UploadedImageFieldFile

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 255)
        kwargs.setdefault(
            "validators", [FileExtensionValidator(IMAGE_EXTENSIONS), validate_image_upload]
        )
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": UploadedImageFormField, **kwargs})
