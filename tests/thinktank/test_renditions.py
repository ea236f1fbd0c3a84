"""
Image renditions: made once at upload (service, admin, demo, command), stored at names
that follow from the original's, reused; pages name them in srcset and sizes without
opening a file, touching storage or making a query. The focal point's crops are in
test_renditions_focal_point.py.
"""

import io
from unittest import mock

import pytest
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management import call_command
from PIL import Image, ImageCms

from articles import services
from articles.models import Article
from experts.models import Expert
from tests.helpers.adminforms import article_form_data
from tests.helpers.expertforms import expert_form_from_page
from tests.helpers.factories import make_article, make_expert, make_program, unique
from tests.helpers.htmlpage import parse
from tests.helpers.renditions import (
    article_with_hero,
    expected_names,
    get_untouched,
    jpeg_bytes,
    mtimes,
    photographed_expert,
    stored,
    transparent_png_bytes,
    upload,
)
from thinktank import renditions
from thinktank.renditions import make_renditions, rendition_urls
from thinktank.templatetags.renditions import responsive_image

pytestmark = pytest.mark.django_db

HERO_SIZES = "(min-width: 44.5rem) 42rem, calc(100vw - 2.5rem)"


# --- names and widths: pure strings ----------------------------------------------------


@pytest.mark.parametrize(
    "width, height, crop, widths",
    [
        (1600, 900, None, (160, 320, 640, 1280)),
        (1280, 720, None, (160, 320, 640, 1280)),
        (1000, 600, None, (160, 320, 640)),
        (100, 80, None, (100,)),
        (400, 400, "square", (160, 320)),
        (500, 300, "square", (160,)),
        (300, 120, "square", (120,)),
        (None, None, None, ()),
    ],
)
def test_widths_never_exceed_the_original(width, height, crop, widths):
    assert renditions.rendition_widths(width, height, crop) == widths


def test_names_follow_from_the_original_name():
    plan = renditions.plan("articles/hero.jpg", 700)
    assert [item.name for item in plan] == expected_names("articles/hero.jpg", (160, 320, 640))
    # Formats that may be transparent fall back to PNG; originals that differ only in
    # their extension never share renditions.
    png = [item.name for item in renditions.plan("articles/hero.png", 700)]
    assert png == expected_names("articles/hero.png", (160, 320, 640), fallback="png")
    square = [item.name for item in renditions.plan("experts/a.jpg", 400, 400, "square")]
    assert square == expected_names("experts/a.jpg", (160, 320), crop="square")


# --- made at upload, through the service and the admin ---------------------------------


def test_article_service_makes_the_hero_renditions(admin_user):
    article = article_with_hero(admin_user, jpeg_bytes((1000, 600)))
    name = article.hero_image.name
    assert (article.hero_image_width, article.hero_image_height) == (1000, 600)
    for rendition in expected_names(name, (160, 320, 640)):
        assert default_storage.exists(rendition), rendition
        image = stored(rendition)
        width = int(rendition.rsplit("/", 1)[1].split(".")[0])
        assert image.size == (width, round(600 * width / 1000))
        assert image.format == ("WEBP" if rendition.endswith(".webp") else "JPEG")
        assert not image.getexif(), "metadata is stripped"
    assert not default_storage.exists(f"renditions/{name}/1280.webp")  # never enlarged
    assert stored(f"renditions/{name}/640.jpg").info.get("progressive")


def test_a_narrow_original_gets_one_width_its_own(admin_user):
    article = article_with_hero(admin_user, jpeg_bytes((120, 80)))
    name = article.hero_image.name
    for rendition in expected_names(name, (120,)):
        assert stored(rendition).size == (120, 80)
    assert not default_storage.exists(f"renditions/{name}/160.webp")


def test_exif_orientation_is_applied(admin_user):
    # Stored 40×20 (left half red) with "rotate 90° clockwise": upright it is 20×40.
    article = article_with_hero(admin_user, jpeg_bytes((40, 20), orientation=6))
    # The original is stored upright, so its recorded size is the upright one.
    assert (article.hero_image_width, article.hero_image_height) == (20, 40)
    image = stored(f"renditions/{article.hero_image.name}/20.jpg")
    assert image.size == (20, 40)
    assert not image.getexif()
    # The red half is on top once upright.
    red, _green, blue = image.convert("RGB").getpixel((10, 5))
    assert red > 150 > blue


def test_the_colour_profile_is_kept(admin_user):
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), (200, 100, 50)).save(buffer, "JPEG", icc_profile=profile)
    article = article_with_hero(admin_user, buffer.getvalue())
    for extension in ("webp", "jpg"):
        image = stored(f"renditions/{article.hero_image.name}/320.{extension}")
        assert image.info.get("icc_profile") == profile


def test_a_transparent_png_keeps_its_transparency(admin_user):
    article = make_article(unique("Logo"))
    article.hero_image = upload("logo.png", transparent_png_bytes((400, 300)), "image/png")
    article.hero_image_alt = "The institute's logo."
    services.article_save(article, user=admin_user)
    name = article.hero_image.name
    assert rendition_urls(article.hero_image).keys() == {"image/webp", "image/png"}
    for extension in ("webp", "png"):
        image = stored(f"renditions/{name}/320.{extension}")
        assert image.mode == "RGBA"
        assert image.getpixel((300, 100))[3] == 0  # the transparent half stays so
        assert image.getpixel((10, 100))[3] == 255
    assert not default_storage.exists(f"renditions/{name}/320.jpg")


def animated_gif_bytes(size=(400, 300)):
    """A two-frame GIF: the first frame's left half green, its right half transparent."""
    first = Image.new("RGBA", size, (0, 0, 0, 0))
    first.paste((10, 120, 60, 255), (0, 0, size[0] // 2, size[1]))
    second = Image.new("RGBA", size, (200, 30, 30, 255))
    buffer = io.BytesIO()
    first.save(buffer, format="GIF", save_all=True, append_images=[second], duration=200)
    return buffer.getvalue()


def test_an_animated_gif_gets_renditions_of_its_first_frame(admin_user):
    data = animated_gif_bytes((400, 300))
    assert Image.open(io.BytesIO(data)).n_frames == 2
    article = article_with_hero(admin_user, data, name="chart.gif")
    name = article.hero_image.name
    assert (article.hero_image_width, article.hero_image_height) == (400, 300)
    # GIF may be transparent: the fallback is PNG, as for a PNG original.
    assert rendition_urls(article.hero_image).keys() == {"image/webp", "image/png"}
    for rendition in expected_names(name, (160, 320), fallback="png"):
        image = stored(rendition)
        width = int(rendition.rsplit("/", 1)[1].split(".")[0])
        assert image.size == (width, round(300 * width / 400))
        assert image.format == ("WEBP" if rendition.endswith(".webp") else "PNG")
        assert getattr(image, "n_frames", 1) == 1  # a still: the first frame
        assert image.mode == "RGBA"
        left, right = image.getpixel((5, 5)), image.getpixel((width - 5, 5))
        assert left[3] == 255 and left[1] > 100 > left[0]  # green, not the red 2nd frame
        assert right[3] == 0  # the transparent half stays so
    assert not default_storage.exists(f"renditions/{name}/320.jpg")


def test_expert_admin_makes_square_renditions(admin_client):
    data = expert_form_from_page(
        parse(admin_client.get("/admin/experts/expert/add/")),
        name="Photo Upload",
        slug="photo-upload",
        photo=upload("portrait.jpg", jpeg_bytes((500, 400))),
    )
    response = admin_client.post("/admin/experts/expert/add/", data)
    assert response.status_code == 302, parse(response).find_all(cls="errorlist")
    expert = Expert.objects.get(slug="photo-upload")
    assert (expert.photo_width, expert.photo_height) == (500, 400)
    for rendition in expected_names(expert.photo.name, (160, 320), crop="square"):
        width = int(rendition.rsplit("/", 1)[1].split("-")[0])
        assert stored(rendition).size == (width, width)


def test_article_admin_makes_the_hero_renditions(admin_client):
    data = article_form_data(
        hero_image=upload("admin-hero.jpg", jpeg_bytes((700, 400))),
        hero_image_alt="A street market in the evening.",
    )
    response = admin_client.post("/admin/articles/article/add/", data)
    assert response.status_code == 302, parse(response).find_all(cls="errorlist")
    article = Article.objects.get(slug=data["slug"])
    for rendition in expected_names(article.hero_image.name, (160, 320, 640)):
        assert default_storage.exists(rendition), rendition


# --- made once, reused ----------------------------------------------------------------


def test_a_second_call_makes_nothing(admin_user):
    article = article_with_hero(admin_user)
    names = expected_names(article.hero_image.name, (160, 320, 640))
    before = mtimes(names)
    with mock.patch.object(FileSystemStorage, "save", side_effect=AssertionError("saved")):
        assert make_renditions(article.hero_image) == []
    # Saving the article again (the image unchanged) rewrites nothing either.
    article.title = "A new title"
    services.article_save(article, user=admin_user)
    assert mtimes(names) == before
    listing = default_storage.listdir(f"renditions/{article.hero_image.name}")[1]
    assert sorted(listing) == sorted(name.rsplit("/", 1)[1] for name in names)


def test_a_missing_rendition_is_made_again_on_save(admin_user):
    article = article_with_hero(admin_user)
    lost = f"renditions/{article.hero_image.name}/320.webp"
    kept = f"renditions/{article.hero_image.name}/640.webp"
    before = default_storage.get_modified_time(kept)
    default_storage.delete(lost)
    services.article_save(article, user=admin_user)
    assert default_storage.exists(lost)
    assert default_storage.get_modified_time(kept) == before


def test_a_new_upload_gets_renditions_of_its_own(admin_user):
    article = article_with_hero(admin_user, jpeg_bytes((700, 400), color=(0, 0, 0)))
    first = article.hero_image.name
    article.hero_image = upload("hero.jpg", jpeg_bytes((700, 400), color=(255, 255, 255)))
    services.article_save(article, user=admin_user)
    assert article.hero_image.name != first
    image = stored(f"renditions/{article.hero_image.name}/160.jpg").convert("RGB")
    assert min(image.getpixel((150, 50))) > 200  # the new, white image


def test_an_unreadable_image_does_not_stop_the_save(admin_user, caplog):
    article = make_article(unique("Broken"))
    name = default_storage.save("articles/broken.jpg", io.BytesIO(b"not an image"))
    Article.objects.filter(pk=article.pk).update(
        hero_image=name, hero_image_width=800, hero_image_height=600, hero_image_alt="x"
    )
    article = Article.objects.get(pk=article.pk)
    services.article_save(article, user=admin_user)
    assert "Could not make the renditions" in caplog.text
    assert not default_storage.exists(f"renditions/{name}/160.webp")


# --- pages: srcset and sizes, no image opened, no storage touched, no query ------------


def test_article_page_uses_renditions_without_touching_a_file(client, admin_user):
    author = photographed_expert(unique("Pictured Author"))
    article = article_with_hero(admin_user, jpeg_bytes((1600, 900)), authors=[author])
    plain = make_article(unique("No Pictures"), authors=[make_expert(program=make_program())])

    plain_count, _response = get_untouched(client, plain.get_absolute_url())
    count, response = get_untouched(client, article.get_absolute_url())
    assert count == plain_count  # images add no query

    page = parse(response)
    figure = page.find("figure", cls="article__hero")
    source = figure.find("picture").find("source")
    image = figure.find("picture").find("img")
    assert source.get("type") == "image/webp"
    widths = (160, 320, 640, 1280)
    hero = article.hero_image.name
    assert source.get("srcset") == ", ".join(
        f"/media/renditions/{hero}/{width}.webp {width}w" for width in widths
    )
    assert image.get("srcset") == ", ".join(
        f"/media/renditions/{hero}/{width}.jpg {width}w" for width in widths
    )
    assert source.get("sizes") == image.get("sizes") == HERO_SIZES
    assert image.get("src") == f"/media/renditions/{hero}/1280.jpg"
    assert (image.get("width"), image.get("height")) == ("1600", "900")
    assert image.get("alt") == "A harbour at dawn, seen from the sea."
    assert image.get("fetchpriority") == "high"

    photo = page.section("About the authors").find("img", cls="author__photo")
    assert photo.get("sizes") == "88px"
    assert photo.get("alt") == ""
    assert (photo.get("width"), photo.get("height")) == ("88", "88")
    assert photo.get("loading") == "lazy"
    assert photo.parent.tag == "picture"
    assert "160-square.jpg 160w" in photo.get("srcset")
    assert "320-square.webp 320w" in photo.parent.find("source").get("srcset")

    # Every URL the page names is a stored file that is served.
    urls = [image.get("src"), photo.get("src")]
    for element in (source, image, photo, photo.parent.find("source")):
        urls += [candidate.split()[0] for candidate in element.get("srcset").split(", ")]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        # Read to the end: the test client then closes the file without firing
        # request_finished, which would close the database connection mid-test.
        b"".join(response.streaming_content)


def test_expert_page_uses_renditions_without_touching_a_file(client):
    pictured = photographed_expert("Pictured Profile")
    plain = make_expert("Plain Profile", program=make_program())
    plain_count, _response = get_untouched(client, plain.get_absolute_url())
    count, response = get_untouched(client, pictured.get_absolute_url())
    assert count == plain_count
    photo = parse(response).find("img", cls="profile__photo")
    assert photo.get("alt") == "Portrait of Pictured Profile"
    assert photo.get("sizes") == "176px"
    assert (photo.get("width"), photo.get("height")) == ("176", "176")
    assert photo.get("src") == f"/media/renditions/{pictured.photo.name}/320-square.jpg"


def test_an_image_of_unknown_size_is_shown_as_it_is():
    """A row saved before its size was recorded: the original, in a plain <img>."""
    expert = make_expert("Unknown Size", photo=True)
    expert.photo_width = expert.photo_height = None
    assert rendition_urls(expert.photo) == {}
    rendered = responsive_image(expert.photo, 176, 176, "x", **{"class": "profile__photo"})
    assert rendered == (
        f'<img src="/media/{expert.photo.name}" width="176" height="176" alt="x" '
        'class="profile__photo">'
    )


# --- the command, and the demo ---------------------------------------------------------


def test_command_backfills_every_image(admin_user):
    article = make_article(unique("Old Hero"))
    article.hero_image = upload("old-hero.jpg", jpeg_bytes((800, 450)))
    article.hero_image_alt = "An old hero image."
    article.save()  # not through the service: no renditions yet
    expert = make_expert(unique("Old Photo"), photo=True)
    # A photo stored before its size was recorded.
    Expert.objects.filter(pk=expert.pk).update(photo_width=None, photo_height=None)
    hero = expected_names(article.hero_image.name, (160, 320, 640))
    photo = expected_names(expert.photo.name, (8,), fallback="png", crop="square")
    assert not any(default_storage.exists(name) for name in hero + photo)

    output = io.StringIO()
    call_command("make_renditions", stdout=output)
    assert all(default_storage.exists(name) for name in hero + photo)
    assert Expert.objects.filter(pk=expert.pk).values_list("photo_width", "photo_height").get() == (
        8,
        8,
    )

    before = mtimes(hero + photo)
    output = io.StringIO()
    call_command("make_renditions", stdout=output)
    assert output.getvalue().startswith("0 renditions made")
    assert mtimes(hero + photo) == before


def test_command_makes_the_crops_of_each_focal_point(admin_user):
    expert = make_expert(unique("Focal Photo"), photo=True, photo_focal_x=20, photo_focal_y=70)
    photo = expected_names(expert.photo.name, (8,), fallback="png", crop="square-20x70")
    assert not any(default_storage.exists(name) for name in photo)  # saved without a service
    call_command("make_renditions", stdout=io.StringIO())
    assert all(default_storage.exists(name) for name in photo)


def test_demo_images_have_their_renditions(demo):
    anna = Expert.objects.get(slug="anna-borshchevskaya")
    assert (anna.photo_width, anna.photo_height) == (400, 400)
    for name in expected_names(anna.photo.name, (160, 320), crop="square"):
        assert default_storage.exists(name), name
    hero = Article.objects.exclude(hero_image="").first().hero_image.name
    for name in expected_names(hero, (160, 320, 640, 1280)):
        assert default_storage.exists(name), name
