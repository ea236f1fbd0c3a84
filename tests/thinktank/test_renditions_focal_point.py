"""
The focal point of a photo: square crops centred on it (inside the image), renditions
named after it and made again when only it changes, a form that refuses one out of
range, and pages that name its renditions without touching a file.
"""

import io

import pytest
from django.core.files.storage import default_storage
from PIL import Image

from articles.models import Article
from experts.models import Expert
from tests.helpers.expertforms import expert_form_from_page
from tests.helpers.factories import make_expert, make_program, unique
from tests.helpers.htmlpage import parse
from tests.helpers.renditions import (
    expected_names,
    get_untouched,
    jpeg_bytes,
    photographed_expert,
    stored,
    upload,
)
from thinktank import renditions
from thinktank.renditions import make_renditions, rendition_urls

pytestmark = pytest.mark.django_db


# --- the focal point: square crops centred on it, named after it -------------------------


def two_block_png(size, first, second, *, vertical=False):
    """A grey PNG with a `first`-coloured block at its start (left, or top when
    `vertical`) and a `second`-coloured one at its end, each a tenth of its length."""
    image = Image.new("RGB", size, (128, 128, 128))
    width, height = size
    if vertical:
        image.paste(first, (0, 0, width, height // 10))
        image.paste(second, (0, height - height // 10, width, height))
    else:
        image.paste(first, (0, 0, width // 10, height))
        image.paste(second, (width - width // 10, 0, width, height))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


GREEN, RED, GREY = (20, 160, 60), (220, 30, 30), (128, 128, 128)


def near(pixel, colour, tolerance=40):
    return all(abs(a - b) <= tolerance for a, b in zip(pixel[:3], colour, strict=True))


def test_a_focal_point_other_than_the_centre_changes_the_names():
    crop = renditions.SquareCrop(30, 40)
    names = [item.name for item in renditions.plan("experts/a.jpg", 400, 400, crop)]
    assert names == [
        f"renditions/experts/a.jpg/{width}-square-30x40.{extension}"
        for extension in ("webp", "jpg")
        for width in (160, 320)
    ]
    # The centre, the default, keeps the names renditions had before focal points.
    for centre in (renditions.SquareCrop(), renditions.SquareCrop(50, 50), "square"):
        names = [item.name for item in renditions.plan("experts/a.jpg", 400, 400, centre)]
        assert names == expected_names("experts/a.jpg", (160, 320), crop="square")
    # Out-of-range or missing values are clamped to a percentage.
    assert renditions.SquareCrop(140, -5).label == "square-100x0"
    assert renditions.SquareCrop(None, "x").label == "square"


def test_crop_for_reads_the_focal_point_from_the_instance():
    expert = Expert(photo="experts/focal.png", photo_width=400, photo_height=400)
    assert renditions.crop_for(expert.photo) == renditions.SquareCrop()
    expert.photo_focal_x, expert.photo_focal_y = 10, 90
    assert renditions.crop_for(expert.photo) == renditions.SquareCrop(10, 90)
    assert str(renditions.crop_for(expert.photo)) == "square-10x90"
    article = Article(hero_image="articles/x.jpg", hero_image_width=800, hero_image_height=600)
    assert renditions.crop_for(article.hero_image) is None


@pytest.mark.parametrize(
    "focal, centering",
    [
        ((50, 50), (0.5, 0.5)),
        ((0, 50), (0.0, 0.5)),  # clamped: the square starts at the left edge
        ((10, 50), (0.0, 0.5)),
        ((60, 50), (0.7, 0.5)),  # 600 of 1000 px: the square (350-850) is centred on it
        ((90, 50), (1.0, 0.5)),  # clamped at the right edge
    ],
)
def test_the_square_is_centred_on_the_focal_point_inside_the_image(focal, centering):
    # 1000 × 500: a 500 px square, 500 px to spare across, none down.
    assert renditions.SquareCrop(*focal).centering((1000, 500)) == pytest.approx(centering)


@pytest.mark.parametrize(
    "size, vertical, focal, start, end",
    [
        # Landscape: green block at the left, red at the right.
        ((600, 300), False, (50, 50), GREY, GREY),
        ((600, 300), False, (5, 50), GREEN, GREY),
        ((600, 300), False, (95, 50), GREY, RED),
        # Portrait: green block at the top, red at the bottom.
        ((300, 600), True, (50, 50), GREY, GREY),
        ((300, 600), True, (50, 5), GREEN, GREY),
        ((300, 600), True, (50, 95), GREY, RED),
    ],
)
def test_the_crop_follows_the_focal_point(size, vertical, focal, start, end):
    expert = make_expert(unique("Focal Crop"))
    expert.photo = upload("focal.png", two_block_png(size, GREEN, RED, vertical=vertical))
    expert.photo_focal_x, expert.photo_focal_y = focal
    expert.save()
    made = make_renditions(expert.photo)
    label = renditions.SquareCrop(*focal).label
    for width in (160,):
        for extension in ("webp", "png"):
            name = f"renditions/{expert.photo.name}/{width}-{label}.{extension}"
            assert name in made
            image = stored(name).convert("RGB")
            assert image.size == (width, width)
            # Sampled a few pixels in from the square's start and end (left and right,
            # or top and bottom), halfway along the other side.
            middle = width // 2
            first = image.getpixel((middle, 3) if vertical else (3, middle))
            last = image.getpixel((middle, width - 4) if vertical else (width - 4, middle))
            assert near(first, start), (name, first)
            assert near(last, end), (name, last)


def test_a_square_photo_also_gets_an_uncropped_preview_for_the_admin():
    expert = make_expert(unique("Preview"))
    expert.photo = upload("wide.png", two_block_png((600, 300), GREEN, RED))
    expert.save()
    make_renditions(expert.photo)
    preview = stored(f"renditions/{expert.photo.name}/320.webp").convert("RGB")
    assert preview.size == (320, 160)  # the whole photo: both blocks
    assert near(preview.getpixel((3, 80)), GREEN)
    assert near(preview.getpixel((316, 80)), RED)
    # It is not one of the page's renditions: no srcset names it.
    candidates = [url for urls in rendition_urls(expert.photo).values() for url, _w in urls]
    assert f"/media/renditions/{expert.photo.name}/320.webp" not in candidates


def test_changing_only_the_focal_point_makes_its_renditions_on_save(admin_client):
    expert = make_expert(unique("Refocused"))
    expert.photo = upload("refocus.png", two_block_png((600, 300), GREEN, RED))
    expert.save()
    make_renditions(expert.photo)
    uploaded = expert.photo.name
    centred = f"renditions/{expert.photo.name}/160-square.webp"
    before = default_storage.get_modified_time(centred)
    url = f"/admin/experts/expert/{expert.pk}/change/"
    data = expert_form_from_page(
        parse(admin_client.get(url)), photo_focal_x="95", photo_focal_y="50"
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, parse(response).find_all(cls="errorlist")
    expert.refresh_from_db()
    assert (expert.photo_focal_x, expert.photo_focal_y) == (95, 50)
    assert expert.photo.name == uploaded  # no new upload
    for name in expected_names(expert.photo.name, (160,), fallback="png", crop="square"):
        moved = name.replace("-square.", "-square-95x50.")
        assert default_storage.exists(moved), moved
    assert near(
        stored(f"renditions/{expert.photo.name}/160-square-95x50.png").getpixel((156, 80)), RED
    )
    # The centred ones are left as they were (a cached page may still name them).
    assert default_storage.get_modified_time(centred) == before


def test_a_focal_point_out_of_range_is_refused_by_the_form(admin_client):
    expert = make_expert(unique("Out Of Range"))
    url = f"/admin/experts/expert/{expert.pk}/change/"
    data = expert_form_from_page(parse(admin_client.get(url)), photo_focal_x="101")
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert parse(response).find_all(cls="errorlist")
    expert.refresh_from_db()
    assert expert.photo_focal_x == 50


def test_pages_name_the_focal_point_renditions_without_touching_a_file(client):
    centred = photographed_expert("Centred Profile")
    focused = make_expert("Focused Profile", program=make_program())
    focused.photo = upload("portrait.jpg", jpeg_bytes((400, 400)))
    focused.photo_focal_x, focused.photo_focal_y = 30, 40
    focused.save()
    make_renditions(focused.photo)

    centred_count, _response = get_untouched(client, centred.get_absolute_url())
    count, response = get_untouched(client, focused.get_absolute_url())
    assert count == centred_count  # the focal point adds no query
    photo = parse(response).find("img", cls="profile__photo")
    name = focused.photo.name
    assert photo.get("srcset") == (
        f"/media/renditions/{name}/160-square-30x40.jpg 160w, "
        f"/media/renditions/{name}/320-square-30x40.jpg 320w"
    )
    assert photo.parent.find("source").get("srcset") == (
        f"/media/renditions/{name}/160-square-30x40.webp 160w, "
        f"/media/renditions/{name}/320-square-30x40.webp 320w"
    )
    assert photo.get("src") == f"/media/renditions/{name}/320-square-30x40.jpg"
    for candidate in photo.get("srcset").split(", "):
        response = client.get(candidate.split()[0])
        assert response.status_code == 200, candidate  # made, and served
        # Read to the end: the test client then closes the file without firing
        # request_finished, which would close the database connection mid-test.
        b"".join(response.streaming_content)
    # The centred photo keeps today's names.
    page = parse(client.get(centred.get_absolute_url()))
    assert "/320-square.jpg 320w" in page.find("img", cls="profile__photo").get("srcset")
