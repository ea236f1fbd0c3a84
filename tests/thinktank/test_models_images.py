"""
The image rules of the content model: alt text for a hero image, only real JPEG, PNG,
WebP or GIF images within the size limits (whatever their name says), on both the
article's and the expert's image fields, and the stored dimensions.
"""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from experts.models import Expert
from tests.helpers.factories import image_upload, make_article, png_bytes
from tests.helpers.validation import errors_of, new_article
from thinktank.images import validate_image_upload

pytestmark = pytest.mark.django_db


# --- images ------------------------------------------------------------------------------


def test_hero_image_without_alt_text_is_refused():
    article = new_article(hero_image=image_upload("hero.png"), hero_image_alt="  ")
    assert "hero_image_alt" in errors_of(article)
    article.hero_image_alt = "A view of the harbour"
    article.full_clean()


def test_non_image_upload_is_refused_with_a_clear_message():
    fake = SimpleUploadedFile("photo.png", b"this is not an image at all", "image/png")
    with pytest.raises(ValidationError) as caught:
        validate_image_upload(fake)
    assert caught.value.code == "invalid_image"
    assert "not an image" in caught.value.messages[0]
    assert "JPEG, PNG, WebP or GIF" in caught.value.messages[0]


def test_non_image_upload_is_refused_on_the_model_fields():
    expert = Expert(name="No Photo", slug="no-photo")
    expert.photo = SimpleUploadedFile("photo.jpg", b"%PDF-1.4 not a photo", "image/jpeg")
    errors = errors_of(expert)
    assert any("not an image" in message for message in errors["photo"])

    article = new_article(hero_image_alt="alt")
    article.hero_image = SimpleUploadedFile("hero.webp", b"<html></html>", "image/webp")
    assert any("not an image" in message for message in errors_of(article)["hero_image"])


def test_wrong_extension_is_refused():
    expert = Expert(name="Odd File", slug="odd-file")
    expert.photo = SimpleUploadedFile("photo.exe", png_bytes(), "application/octet-stream")
    assert "photo" in errors_of(expert)


def test_oversized_image_is_refused(settings):
    settings.MAX_IMAGE_UPLOAD_SIZE = 100
    big = SimpleUploadedFile("big.png", png_bytes((64, 64)), "image/png")
    assert big.size > 100
    with pytest.raises(ValidationError) as caught:
        validate_image_upload(big)
    assert caught.value.code == "image_too_large"
    assert "largest accepted" in caught.value.messages[0]
    expert = Expert(name="Big Photo", slug="big-photo")
    expert.photo = SimpleUploadedFile("big.png", png_bytes((64, 64)), "image/png")
    assert "photo" in errors_of(expert)


def test_real_image_within_limits_is_accepted_and_keeps_its_position():
    upload = image_upload("fine.png", size=(20, 10))
    validate_image_upload(upload)
    assert upload.tell() == 0
    expert = Expert(name="Fine Photo", slug="fine-photo", photo=image_upload("fine.png"))
    expert.full_clean()
    expert.save()
    assert expert.photo.name.startswith("experts/")


def image_bytes(image_format, size=(12, 8), mode="RGB"):
    """A small, real image in `image_format` (as Pillow names it)."""
    buffer = io.BytesIO()
    Image.new(mode, size, 120).save(buffer, format=image_format)
    return buffer.getvalue()


def test_gif_is_accepted_on_both_image_fields():
    upload = SimpleUploadedFile("animation.gif", image_bytes("GIF", mode="P"), "image/gif")
    validate_image_upload(upload)
    assert upload.tell() == 0

    expert = Expert(name="Gif Photo", slug="gif-photo")
    expert.photo = SimpleUploadedFile("photo.gif", image_bytes("GIF", mode="P"), "image/gif")
    expert.full_clean()
    article = new_article(hero_image_alt="A diagram.")
    article.hero_image = SimpleUploadedFile("hero.gif", image_bytes("GIF", mode="P"), "image/gif")
    article.full_clean()


@pytest.mark.parametrize(
    "image_format, name", [("TIFF", "scan.png"), ("BMP", "photo.jpg"), ("TIFF", "hero.gif")]
)
def test_other_image_formats_are_refused_whatever_their_name(image_format, name):
    fake = SimpleUploadedFile(name, image_bytes(image_format), "image/png")
    with pytest.raises(ValidationError) as caught:
        validate_image_upload(fake)
    assert caught.value.code == "image_format_not_accepted"
    message = caught.value.messages[0]
    assert f"a {image_format} image" in message
    assert "JPEG, PNG, WebP or GIF" in message

    expert = Expert(name="Scanned Photo", slug="scanned-photo")
    expert.photo = SimpleUploadedFile(name, image_bytes(image_format), "image/png")
    assert any("JPEG, PNG, WebP or GIF" in text for text in errors_of(expert)["photo"])
    article = new_article(hero_image_alt="alt")
    article.hero_image = SimpleUploadedFile(name, image_bytes(image_format), "image/png")
    assert any("JPEG, PNG, WebP or GIF" in text for text in errors_of(article)["hero_image"])


def test_a_camera_jpeg_with_a_second_picture_is_accepted():
    # Pillow reads a JPEG carrying a second, smaller picture as "MPO"; it is a JPEG.
    buffer = io.BytesIO()
    first, second = Image.new("RGB", (20, 10), 90), Image.new("RGB", (10, 5), 90)
    first.save(buffer, format="MPO", save_all=True, append_images=[second])
    validate_image_upload(SimpleUploadedFile("camera.jpg", buffer.getvalue(), "image/jpeg"))


def test_hero_image_dimensions_are_stored():
    article = make_article(
        "With Hero", hero_image=image_upload("hero.png", size=(32, 18)), hero_image_alt="x"
    )
    article.refresh_from_db()
    assert (article.hero_image_width, article.hero_image_height) == (32, 18)
