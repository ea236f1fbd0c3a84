"""
Uploaded images are decoded to their last pixel before anything is stored: a file
Pillow cannot decode whole (truncated, garbage where the compressed pixels should be,
a header that lies, a broken later frame of an animation) is refused in the form with
a message, and nothing reaches the storage.
"""

import random

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils import translation
from PIL import ImageFile

from tests.helpers import adminforms, expertforms
from tests.helpers.factories import make_article, make_expert
from tests.helpers.htmlpage import parse
from tests.helpers.images import (
    animation,
    cut_idat,
    encoded,
    flipped_idat,
    garbage_idat,
    noise,
    png_header,
    png_with_idat,
    short_idat,
    truncated,
    upload,
)
from thinktank import images
from thinktank.images import validate_image_upload
from thinktank.renditions import make_renditions
from thinktank.uploads import without_metadata

pytestmark = pytest.mark.django_db

UNREADABLE = "This file is not an image we can read. Upload a JPEG, PNG, WebP or GIF file."
FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
CUTS = (0.02, 0.1, 0.25, 0.5, 0.75, 0.9, 0.98, 0.995)


def still(image_format, seed=1):
    image = noise(seed=seed)
    return encoded(image.convert("P") if image_format == "GIF" else image, image_format)


def refused(data, name="image.png"):
    """The ValidationError validate_image_upload raises for `data` (fails if none)."""
    with pytest.raises(ValidationError) as caught:
        validate_image_upload(upload(name, data))
    return caught.value


def test_truncated_files_are_not_loaded_anyway():
    assert ImageFile.LOAD_TRUNCATED_IMAGES is False


@pytest.mark.parametrize("fraction", CUTS)
@pytest.mark.parametrize("image_format", FORMATS)
def test_a_truncated_image_is_refused_wherever_it_is_cut(image_format, fraction):
    error = refused(truncated(still(image_format), fraction))
    assert error.code == "invalid_image"
    assert error.messages == [UNREADABLE]


@pytest.mark.parametrize("fraction", (0.5, 0.8, 0.95, 0.99))
@pytest.mark.parametrize("image_format", ("GIF", "WEBP", "PNG"))
def test_an_animation_cut_in_a_later_frame_is_refused(image_format, fraction):
    # The first frame is whole: only decoding every frame finds the cut.
    assert refused(truncated(animation(image_format), fraction)).code == "invalid_image"


@pytest.mark.parametrize("broken", (garbage_idat, flipped_idat, cut_idat))
def test_a_png_with_valid_chunks_but_broken_pixel_data_is_refused(broken):
    # Every chunk's length and CRC is right: Pillow's verify() passes it.
    assert refused(png_with_idat(broken)).code == "invalid_image"


def test_a_png_whose_valid_compressed_data_is_too_short_is_refused():
    # A whole, valid zlib stream holding too few rows: Pillow paints the rest black.
    assert refused(png_with_idat(short_idat)).code == "invalid_image"


@pytest.mark.parametrize(
    "name, data",
    [
        ("empty.jpg", b""),
        ("notes.jpg", b"Minutes of the meeting, not a photo.\n" * 20),
        ("page.png", b"<!DOCTYPE html><html><body>hi</body></html>"),
        ("paper.webp", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n"),
        ("magic.gif", b"GIF89a"),  # the signature and nothing after it
        ("magic.png", b"\x89PNG\r\n\x1a\n"),
        ("magic.jpg", b"\xff\xd8\xff\xe0"),
        ("riff.webp", b"RIFF\x10\x00\x00\x00WEBPVP8 "),
        ("zero-width.png", png_header(0, 10)),
    ],
)
def test_files_that_only_look_like_images_are_refused(name, data):
    assert refused(data, name).messages == [UNREADABLE]


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
@pytest.mark.parametrize(
    "width, height", [(8000, 6000), (10_000, 10_000), (100_000, 100_000), (1, 2**31 - 1)]
)
def test_a_decompression_bomb_is_refused_by_its_header(width, height):
    # Over 40 megapixels; some over Pillow's own limits (a warning, an error): one message.
    error = refused(png_header(width, height))
    assert error.code == "image_too_many_pixels"
    assert "40 megapixels" in error.messages[0]


def test_an_animation_with_too_many_frames_for_its_size_is_refused(monkeypatch):
    monkeypatch.setattr(images, "MAX_ANIMATION_PIXELS", 32 * 24 * 4)
    error = refused(animation("GIF", frames=5))
    assert error.code == "animation_too_many_pixels"
    assert "more than 4 frames of 32×24 pixels" in error.messages[0]
    validate_image_upload(upload("short.gif", animation("GIF", frames=4)))


def test_an_animation_of_too_many_frames_is_refused_before_they_are_all_read(monkeypatch):
    monkeypatch.setattr(images, "MAX_FRAMES", 3)
    error = refused(animation("WEBP", frames=4, size=(2, 2)))
    assert "more than 3 frames of 2×2 pixels" in error.messages[0]


@pytest.mark.parametrize("image_format", FORMATS)
def test_whole_images_and_animations_are_accepted(image_format):
    for data in (
        still(image_format),
        *([animation(image_format)] if image_format != "JPEG" else []),
    ):
        file = upload("fine", data)
        validate_image_upload(file)
        assert file.tell() == 0


@pytest.mark.parametrize("image_format", FORMATS)
def test_random_damage_is_refused_or_stored_whole_never_an_error(image_format):
    """
    Bytes changed anywhere in a real image: Pillow raises many kinds of exception for
    them (or decodes them: JPEG, WebP and GIF decoders read most garbage as pixels, as
    browsers do). Each upload is refused with the message, or it is stored whole and
    its renditions made; nothing else.
    """
    original = still(image_format)
    rng = random.Random(f"damage-{image_format}")
    outcomes = set()
    for _attempt in range(60):
        damaged = bytearray(original)
        for _byte in range(rng.randint(1, 6)):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            validate_image_upload(upload("damaged", bytes(damaged)))
        except ValidationError as error:
            assert error.code in ("invalid_image", "image_too_many_pixels"), error.code
            outcomes.add("refused")
            continue
        stored = without_metadata(upload("damaged", bytes(damaged)))
        assert stored.size > 0
        outcomes.add("accepted")
    assert "refused" in outcomes


# --- through the admin's forms: a message, nothing stored ---------------------------------


def stored_files(folder):
    return set(default_storage.listdir(folder)[1]) if default_storage.exists(folder) else set()


EMPTY = "The submitted file is empty."  # Django's own check, first
BOMB = "This image has too many pixels; make it smaller than 40 megapixels."
BROKEN_UPLOADS = [
    ("hero.jpg", truncated(still("JPEG"), 0.5), UNREADABLE),
    ("hero.png", truncated(still("PNG"), 0.9), UNREADABLE),
    ("hero.webp", truncated(still("WEBP"), 0.75), UNREADABLE),
    ("hero.gif", truncated(animation("GIF"), 0.95), UNREADABLE),
    ("hero.png", png_with_idat(garbage_idat), UNREADABLE),
    ("hero.png", png_with_idat(cut_idat), UNREADABLE),
    ("hero.jpg", b"", EMPTY),
    ("hero.jpg", b"plain text, renamed", UNREADABLE),
    ("hero.png", png_header(100_000, 100_000), BOMB),
    (
        "hero.png",
        png_header(8000, 6000),
        BOMB.replace("has too many pixels", "is 8000×6000 pixels"),
    ),
]


def field_errors(response, field):
    assert response.status_code == 200, response.status_code  # the form again, not a save
    errors = parse(response).find("div", cls=f"field-{field}").find(cls="errorlist")
    return errors.text


@pytest.mark.parametrize("name, data, message", BROKEN_UPLOADS)
def test_the_article_form_refuses_a_broken_hero_image(admin_client, name, data, message):
    article = make_article("Broken Hero")
    before = stored_files("articles"), stored_files("renditions/articles")
    response = admin_client.post(
        adminforms.change_url(article),
        adminforms.form_data(article, hero_image=upload(name, data), hero_image_alt="A harbour"),
    )
    assert field_errors(response, "hero_image") == message
    assert (stored_files("articles"), stored_files("renditions/articles")) == before
    article.refresh_from_db()
    assert not article.hero_image


@pytest.mark.parametrize("name, data, message", BROKEN_UPLOADS)
def test_the_expert_form_refuses_a_broken_photo(admin_client, name, data, message):
    expert = make_expert("Broken Photo")
    before = stored_files("experts"), stored_files("renditions/experts")
    url = expertforms.change_url(expert)
    response = admin_client.post(
        url,
        expertforms.form_data(admin_client, url, photo=upload(name.replace("hero", "me"), data)),
    )
    assert field_errors(response, "photo") == message
    assert (stored_files("experts"), stored_files("renditions/experts")) == before
    expert.refresh_from_db()
    assert not expert.photo


def test_a_broken_image_saved_without_a_form_is_not_stored_either():
    # A service or import that skips validation: the save is refused, not the file kept.
    expert = make_expert("Unvalidated Photo")
    before = stored_files("experts")
    expert.photo = upload("me.png", png_with_idat(garbage_idat))
    with pytest.raises(ValidationError):
        expert.save()
    assert stored_files("experts") == before


def test_a_whole_image_still_goes_through_the_form(admin_client):
    article = make_article("Whole Hero")
    response = admin_client.post(
        adminforms.change_url(article),
        adminforms.form_data(
            article, hero_image=upload("hero.webp", still("WEBP")), hero_image_alt="Noise"
        ),
    )
    assert response.status_code == 302, parse(response).find_all(cls="errorlist")
    article.refresh_from_db()
    assert article.hero_image_width == 64
    assert make_renditions(article.hero_image) == []  # made at save


@pytest.mark.parametrize(
    "language, pixels, frames", [("ar", "ميغابكسل", "إطار"), ("fa", "مگاپیکسل", "فریم")]
)
def test_the_messages_are_in_the_editors_language(language, pixels, frames, monkeypatch):
    monkeypatch.setattr(images, "MAX_FRAMES", 2)
    with translation.override(language):
        assert pixels in refused(png_header(100_000, 100_000)).messages[0]
        assert frames in refused(animation("GIF", frames=3)).messages[0]
        assert refused(b"").messages[0] != UNREADABLE
