"""
What an uploaded image becomes when it is stored: its pixels, without metadata,
under a random name.

A photo straight from a camera or phone carries EXIF (where it was taken, the
camera's serial number, the owner's name), XMP, IPTC and comments; the name it was
uploaded under may be a person's name or anything else. UploadedImageField stores
neither: the image is re-encoded (checked and decoded by thinktank.images first)
keeping only its pixels, upright (the EXIF orientation applied), the frames and
timing of an animation, transparency, and the ICC colour profile (not personal, and
without it colours shift), under "<upload_to><32 random hex digits>.<extension of
the format it really is>". This happens before the file reaches the storage, through
its API, so it is the same on the filesystem and on S3.

Files stored before keep their names; renditions were always made without metadata
(thinktank.renditions).
"""

import io
import uuid

from django import forms
from django.core.files.base import ContentFile
from django.db import models
from django.db.models.fields.files import ImageFieldFile
from PIL import ImageOps, ImageSequence

from thinktank.images import (
    FORMATS,
    NOT_READABLE,
    decoded_image,
    is_animation,
    validate_image_header,
)

# Re-encoding options by the format read (an MPO is stored as a plain JPEG).
# A JPEG is saved with its own quantization tables and subsampling ("keep"): what
# was lost when it was made is not lost again, and the file stays the size it was. A
# JPEG that cannot keep them (an MPO) and a lossy WebP are saved at quality 95 and 90:
# visually the same as the original (pages show renditions of it, made at lower
# qualities anyway). PNG, GIF and a lossless WebP stay lossless.
SAVE_OPTIONS = {
    "JPEG": {"quality": "keep"},
    "MPO": {"quality": 95},
    "PNG": {},
    "WEBP": {"quality": 90},
    "GIF": {},
}
LOSSLESS_WEBP = {"lossless": True}
STORED_FORMAT = {"MPO": "JPEG"}
# What a frame's `info` may keep: how it is drawn, nothing about who made it.
KEPT_INFO = ("transparency", "duration")


def _bare(frame):
    """`frame`, with nothing left in its `info` beyond KEPT_INFO."""
    frame.info = {key: frame.info[key] for key in KEPT_INFO if key in frame.info}
    return frame


def is_lossless_webp(data):
    """
    Whether the WebP `data` holds its pixels losslessly: its image chunk, or its first
    frame's, is VP8L (Pillow does not say; the RIFF chunks do).
    """
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
    """
    The image in `file` (a ValidationError if it is not one thinktank.images accepts)
    re-encoded without metadata, as a ContentFile named "<random>.<extension>".
    """
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
    """
    The form's image input: it checks the header (thinktank.images, in place of
    Django's own check, so one file gets one message), the model field's validators
    then decode the whole image. A ModelForm words a model error by the form field's
    message of that code: "invalid_image" is ours here too.
    """

    default_error_messages = {"invalid_image": NOT_READABLE}

    def to_python(self, data):
        file = forms.FileField.to_python(self, data)
        if file is not None:
            validate_image_header(file)
        return file


class UploadedImageField(models.ImageField):
    """An ImageField whose uploads are stored by `without_metadata`."""

    attr_class = UploadedImageFieldFile

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": UploadedImageFormField, **kwargs})
