"""
Stored originals keep no metadata and no uploaded name: an image is re-encoded before
it reaches the storage (filesystem or S3) with its pixels, upright, its animation and
its ICC profile, and nothing else (EXIF with GPS and serial numbers, XMP, IPTC,
comments, text chunks), under a random name with the extension of its real format.
"""

import io
import re

import pytest
from django.core.files.storage import default_storage
from PIL import Image, ImageChops, ImageOps, ImageSequence, ImageStat

from articles import services
from experts.services import expert_save
from tests.helpers import adminforms, expertforms
from tests.helpers.factories import make_article, make_expert, unique
from tests.helpers.htmlpage import parse
from tests.helpers.images import (
    ICC_PROFILE,
    SECRETS,
    camera_exif,
    encoded,
    gif_with_metadata,
    jpeg_with_metadata,
    mpo_with_metadata,
    noise,
    png_with_metadata,
    smooth,
    upload,
    webp_with_metadata,
)
from tests.helpers.s3 import BUCKET
from thinktank.renditions import plan
from thinktank.uploads import is_lossless_webp, without_metadata

pytestmark = pytest.mark.django_db

# (A GIF's "extension" is kept: Pillow names so the NETSCAPE2.0 block, its looping.)
METADATA_KEYS = {"exif", "xmp", "XML:com.adobe.xmp", "comment", "photoshop", "mp"}
RANDOM_NAME = re.compile(r"(articles|experts)/[0-9a-f]{32}\.(jpg|png|webp|gif)")


def read(name):
    with default_storage.open(name, "rb") as file:
        return file.read()


def assert_bare(data):
    """`data` (a stored original) holds none of the secrets and no metadata Pillow finds."""
    for secret in (*SECRETS, b"XMP Data", b"Photoshop 3.0", b"Exif\x00"):
        assert secret not in data, secret
    with Image.open(io.BytesIO(data)) as image:
        for frame in ImageSequence.Iterator(image):
            frame.load()
            assert not METADATA_KEYS & set(frame.info), frame.info.keys()
            assert not frame.getexif()
            assert not getattr(frame, "text", {})  # PNG tEXt, zTXt, iTXt


def saved_hero(user, data, name="hero.jpg"):
    article = make_article(unique("Hero"), hero_image_alt="A view.")
    article.hero_image = upload(name, data)
    return services.article_save(article, user=user)


UPLOADS = {
    "jpeg": (jpeg_with_metadata, "jpg"),
    "mpo": (mpo_with_metadata, "jpg"),
    "png": (png_with_metadata, "png"),
    "webp": (webp_with_metadata, "webp"),
    "gif": (gif_with_metadata, "gif"),
    "animated-gif": (lambda: gif_with_metadata(animated=True), "gif"),
}


@pytest.mark.parametrize("kind", UPLOADS)
def test_the_stored_original_has_no_metadata(admin_user, kind):
    make, extension = UPLOADS[kind]
    source = make()
    article = saved_hero(admin_user, source, name=f"hero.{extension}")
    stored = read(article.hero_image.name)
    assert_bare(stored)
    assert article.hero_image.name.endswith(f".{extension}")
    with Image.open(io.BytesIO(stored)) as image, Image.open(io.BytesIO(source)) as original:
        assert image.size == original.size
        if extension != "gif":  # GIF has no colour profile
            assert image.info.get("icc_profile") == ICC_PROFILE
        if kind in ("png", "gif"):  # lossless: the very same pixels
            assert not ImageChops.difference(
                image.convert("RGB"), original.convert("RGB")
            ).getbbox()


def test_an_animation_keeps_its_frames_and_timing(admin_user):
    article = saved_hero(admin_user, gif_with_metadata(animated=True), name="hero.gif")
    with Image.open(io.BytesIO(read(article.hero_image.name))) as image:
        durations = []
        for frame in ImageSequence.Iterator(image):
            frame.load()
            durations.append(frame.info["duration"])
        assert (image.n_frames, durations) == (3, [100, 200, 300])


def test_an_animated_webp_keeps_its_frames_without_metadata(admin_user):
    frames = [noise((32, 24), seed=index) for index in range(3)]
    data = encoded(
        frames[0], "WEBP", save_all=True, append_images=frames[1:], duration=80, xmp=b"<x>"
    )
    article = saved_hero(admin_user, data, name="hero.webp")
    stored = read(article.hero_image.name)
    assert b"<x>" not in stored
    with Image.open(io.BytesIO(stored)) as image:
        assert image.n_frames == 3


@pytest.mark.parametrize("orientation", range(1, 9))
def test_every_exif_orientation_is_applied_to_the_pixels(admin_user, orientation):
    source = png_with_metadata(size=(30, 20), orientation=orientation)
    with Image.open(io.BytesIO(source)) as original:
        upright = ImageOps.exif_transpose(original).convert("RGB")
    article = saved_hero(admin_user, source, name="hero.png")
    with Image.open(io.BytesIO(read(article.hero_image.name))) as image:
        assert not ImageChops.difference(image.convert("RGB"), upright).getbbox()
        assert not image.getexif()  # no orientation left to apply twice
    assert (article.hero_image_width, article.hero_image_height) == upright.size


@pytest.mark.parametrize("orientation", (3, 6, 8))
def test_a_rotated_jpeg_is_stored_upright(admin_user, orientation):
    article = saved_hero(admin_user, jpeg_with_metadata((40, 20), orientation=orientation))
    stored = read(article.hero_image.name)
    assert_bare(stored)
    expected = (40, 20) if orientation == 3 else (20, 40)
    assert Image.open(io.BytesIO(stored)).size == expected
    assert (article.hero_image_width, article.hero_image_height) == expected


@pytest.mark.parametrize("quality", (70, 85, 95))
def test_a_jpeg_keeps_its_quality(quality):
    # Saved with its own quantization tables: the same pixels, near enough, and size.
    source = encoded(smooth(), "JPEG", quality=quality, exif=camera_exif())
    stored = without_metadata(upload("photo.jpg", source)).read()
    original, again = (Image.open(io.BytesIO(data)) for data in (source, stored))
    assert original.quantization == again.quantization
    difference = ImageChops.difference(original.convert("RGB"), again.convert("RGB"))
    assert max(ImageStat.Stat(difference).mean) < 0.5
    assert abs(len(stored) - len(source)) < len(source) * 0.1


def test_the_admin_forms_store_photos_and_hero_images_without_metadata(admin_client):
    expert = make_expert("Photographed Expert")
    url = expertforms.change_url(expert)
    data = expertforms.form_data(admin_client, url, photo=upload("me.jpg", jpeg_with_metadata()))
    response = admin_client.post(url, data)
    assert response.status_code == 302, parse(response).find_all(cls="errorlist")
    expert.refresh_from_db()
    assert RANDOM_NAME.fullmatch(expert.photo.name)
    assert_bare(read(expert.photo.name))

    article = make_article("Photographed Article")
    data = adminforms.form_data(
        article, hero_image=upload("hero.png", png_with_metadata()), hero_image_alt="Noise"
    )
    response = admin_client.post(adminforms.change_url(article), data)
    assert response.status_code == 302, parse(response).find_all(cls="errorlist")
    article.refresh_from_db()
    assert RANDOM_NAME.fullmatch(article.hero_image.name)
    assert_bare(read(article.hero_image.name))


def test_the_expert_service_stores_photos_without_metadata(admin_user):
    expert = make_expert("Serviced Expert")
    expert.photo = upload("me.webp", webp_with_metadata())
    expert_save(expert, user=admin_user)
    assert RANDOM_NAME.fullmatch(expert.photo.name)
    assert_bare(read(expert.photo.name))


# --- names ---------------------------------------------------------------------------------

JPEG = (jpeg_with_metadata, "jpg")
PNG = (png_with_metadata, "png")
WEBP = (webp_with_metadata, "webp")
GIF = (gif_with_metadata, "gif")
# Uploaded name, and what the file really is (its format, whatever the name says).
HOSTILE_NAMES = [
    ("Layla Mansour – passport photo.jpg", JPEG),
    ("صورة ليلى منصور.jpg", JPEG),
    ("عکس پرسنلی.png", PNG),
    ("Ünïcødé 🙂 ﷽.webp", WEBP),
    ("../../../etc/passwd.jpg", JPEG),
    ("..\\..\\windows\\win.ini.gif", GIF),
    ("%2e%2e%2fsecret.jpg", JPEG),
    ("photo.php.jpg", JPEG),
    (".htaccess", PNG),
    ("no-extension", WEBP),
    ("a" * 300 + ".jpg", JPEG),
    ("photo.png", JPEG),
    ("photo.gif", WEBP),
    ("photo.jpg", GIF),
    (" spaced  out .jpeg ", PNG),
]


@pytest.mark.parametrize("name, real", HOSTILE_NAMES)
def test_an_uploaded_name_never_becomes_the_stored_name(admin_user, name, real):
    make, extension = real
    expert = make_expert(unique("Named"))
    expert.photo = upload(name, make())
    expert_save(expert, user=admin_user)
    stored = expert.photo.name
    assert RANDOM_NAME.fullmatch(stored), stored
    assert stored.endswith(f".{extension}")  # the real format's, whatever the name said
    assert default_storage.exists(stored)
    # Its renditions sit beside it under the same plain name.
    assert all(rendition.name.startswith(f"renditions/{stored}/") for rendition in plan(stored, 8))


@pytest.mark.parametrize(
    "name, real", [("Layla Mansour passport.jpg", JPEG), ("../../secret.png", PNG), ("x.gif", WEBP)]
)
def test_the_admin_form_stores_under_a_random_name(admin_client, name, real):
    make, extension = real
    expert = make_expert(unique("Admin Named"))
    url = expertforms.change_url(expert)
    response = admin_client.post(
        url, expertforms.form_data(admin_client, url, photo=upload(name, make()))
    )
    assert response.status_code == 302, parse(response).find_all(cls="errorlist")
    expert.refresh_from_db()
    assert RANDOM_NAME.fullmatch(expert.photo.name) and expert.photo.name.endswith(extension)


def test_two_uploads_of_one_name_get_two_names(admin_user):
    names = {saved_hero(admin_user, jpeg_with_metadata()).hero_image.name for _ in range(3)}
    assert len(names) == 3


def test_a_stored_file_keeps_its_name_and_bytes(admin_user):
    # Files stored before this change (or by the demo loader) are not touched by a save.
    data = jpeg_with_metadata()
    name = default_storage.save("experts/kept-name.jpg", io.BytesIO(data))
    expert = make_expert("Kept Name", photo_width=64, photo_height=48)
    expert.photo = name
    expert_save(expert, user=admin_user)
    expert.refresh_from_db()
    assert expert.photo.name == name
    assert read(name) == data


# --- on S3 --------------------------------------------------------------------------------


def test_on_s3_the_stored_original_has_no_metadata_either(s3_media, admin_client):
    expert = make_expert("Bucket Photo")
    url = expertforms.change_url(expert)
    data = expertforms.form_data(
        admin_client, url, photo=upload("Layla at home.jpg", jpeg_with_metadata(orientation=6))
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, parse(response).find_all(cls="errorlist")
    expert.refresh_from_db()
    assert RANDOM_NAME.fullmatch(expert.photo.name)
    stored = s3_media.get_object(Bucket=BUCKET, Key=expert.photo.name)["Body"].read()
    assert_bare(stored)
    assert Image.open(io.BytesIO(stored)).size == (48, 64)  # upright
    assert (expert.photo_width, expert.photo_height) == (48, 64)


# --- what is kept -------------------------------------------------------------------------

KINDS_OF_PIXELS = {
    "CMYK JPEG": lambda: encoded(smooth().convert("CMYK"), "JPEG", quality=90),
    "grey JPEG": lambda: encoded(smooth().convert("L"), "JPEG", quality=90),
    "progressive JPEG": lambda: encoded(smooth(), "JPEG", quality=90, progressive=True),
    "16-bit PNG": lambda: encoded(Image.linear_gradient("L").convert("I;16"), "PNG"),
    "grey and alpha PNG": lambda: encoded(smooth().convert("LA"), "PNG"),
    "1-bit PNG": lambda: encoded(noise().convert("1"), "PNG"),
    "palette PNG, one colour transparent": lambda: encoded(
        noise().convert("P"), "PNG", transparency=3
    ),
    "RGBA PNG": lambda: encoded(noise(mode="RGBA"), "PNG"),
    "lossless RGBA WebP": lambda: encoded(noise(mode="RGBA"), "WEBP", lossless=True),
    "palette GIF, one colour transparent": lambda: encoded(
        noise().convert("P"), "GIF", transparency=5
    ),
}


@pytest.mark.parametrize("kind", KINDS_OF_PIXELS)
def test_the_pixels_mode_and_transparency_are_kept(kind):
    source = KINDS_OF_PIXELS[kind]()
    stored = without_metadata(upload("image", source)).read()
    with Image.open(io.BytesIO(source)) as original, Image.open(io.BytesIO(stored)) as again:
        assert (again.mode, again.size) == (original.mode, original.size)
        assert again.info.get("transparency") == original.info.get("transparency")
        difference = ImageChops.difference(original.convert("RGBA"), again.convert("RGBA"))
        assert max(ImageStat.Stat(difference).mean) < 0.5


def test_a_lossless_webp_stays_lossless_and_a_lossy_one_lossy():
    lossless = encoded(noise(), "WEBP", lossless=True, exif=camera_exif())
    lossy = encoded(noise(), "WEBP", quality=80, exif=camera_exif())
    assert is_lossless_webp(without_metadata(upload("a.webp", lossless)).read())
    stored = without_metadata(upload("b.webp", lossy)).read()
    assert not is_lossless_webp(stored)
    assert len(stored) < 2 * len(lossy)


def test_a_large_upload_streamed_to_a_temporary_file_is_stored_bare(admin_client, settings):
    # Over FILE_UPLOAD_MAX_MEMORY_SIZE Django keeps the upload in a temporary file.
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024
    expert = make_expert("Large Photo")
    url = expertforms.change_url(expert)
    data = expertforms.form_data(
        admin_client, url, photo=upload("big.jpg", jpeg_with_metadata((600, 400), orientation=8))
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, parse(response).find_all(cls="errorlist")
    expert.refresh_from_db()
    assert_bare(read(expert.photo.name))
    assert (expert.photo_width, expert.photo_height) == (400, 600)
