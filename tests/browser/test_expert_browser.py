"""
An expert's profile in a real browser: an expert manager uploads a new photo, sets
its focal point by clicking on the thumbnail, edits the bio in the rich-text editor
(its Arabic name beside the English one) and saves; a logged-out reader then sees
the new bio and the new photo, through square renditions cropped around that point.
"""

import io

import pytest
from django.contrib.auth.models import Group, User
from django.core.files.storage import default_storage
from PIL import Image

from experts.models import Expert
from tests.helpers.browser import ADMIN_VIEWPORT as VIEWPORT
from tests.helpers.browser import admin_page
from tests.helpers.factories import make_expert, make_program
from thinktank.renditions import make_renditions

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

PASSWORD = "changeme"


@pytest.fixture
def profile(live_server, roles):
    manager = User.objects.create_user("browser-expert-manager", password=PASSWORD, is_staff=True)
    manager.groups.add(Group.objects.get(name="Expert managers"))
    expert = make_expert(
        "Dalia Haddad",
        slug="dalia-haddad",
        role="Senior Fellow",
        bio="<p>The old bio.</p>",
        program=make_program("Program on Gulf Politics"),
        photo=True,  # an old photo, replaced below
    )
    make_renditions(expert.photo)
    return {"url": live_server.url, "expert": expert, "manager": manager}


def portrait_png(path, size=(600, 400)):
    """A real PNG: grey, with a red block where the face is (at 75% across, 30% down)."""
    image = Image.new("RGB", size, (120, 120, 130))
    width, height = size
    image.paste((210, 40, 40), (int(width * 0.65), 0, int(width * 0.85), int(height * 0.6)))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    path.write_bytes(buffer.getvalue())
    return path


def logged_in_page(chromium, base_url, username):
    return admin_page(chromium, base_url, username, PASSWORD)


def click_at(page, selector, across, down):
    """Click `selector` at `across` and `down` percent of its width and height."""
    element = page.locator(selector)
    element.scroll_into_view_if_needed()
    box = element.bounding_box()  # in the viewport, where the mouse clicks
    assert box and box["width"] > 0 and box["height"] > 0, f"{selector} is not shown"
    page.mouse.click(box["x"] + box["width"] * across / 100, box["y"] + box["height"] * down / 100)


def marker_position(page):
    """Where the marker's centre is, in percent of the thumbnail (rounded)."""
    return page.evaluate(
        """() => {
            const image = document.querySelector('.focal-point__image').getBoundingClientRect();
            const marker = document.querySelector('.focal-point__marker');
            if (marker.hidden) return null;
            const box = marker.getBoundingClientRect();
            return [
                Math.round((box.left + box.width / 2 - image.left) / image.width * 100),
                Math.round((box.top + box.height / 2 - image.top) / image.height * 100),
            ];
        }"""
    )


def test_expert_manager_changes_photo_focal_point_and_bio(chromium, profile, artifacts, tmp_path):
    base, expert = profile["url"], profile["expert"]
    old_photo = expert.photo.name
    change = f"{base}/admin/experts/expert/{expert.pk}/change/"
    context, page = logged_in_page(chromium, base, profile["manager"].username)
    page.goto(change)
    # The stored photo is shown as its uncropped preview rendition, not the original.
    thumbnail = page.locator(".focal-point__image")
    assert f"/renditions/{old_photo}/" in thumbnail.get_attribute("src")
    # Name, role and bios in a tab per language (static/js/language-tabs.js).
    assert page.locator("[role=tab]").count() == 3
    assert page.locator("#id_name__ar").get_attribute("dir") == "rtl"
    page.screenshot(path=str(artifacts / "expert-01-form.png"), full_page=True)

    # A new photo: the thumbnail shows it at once, and a click there sets the point.
    page.set_input_files("#id_photo", str(portrait_png(tmp_path / "dalia-new-portrait.png")))
    page.wait_for_function(
        "() => document.querySelector('.focal-point__image').src.startsWith('blob:')"
        " && document.querySelector('.focal-point__image').complete"
    )
    click_at(page, ".focal-point__image", 20, 60)
    assert page.input_value("#id_photo_focal_x") == "20"
    assert page.input_value("#id_photo_focal_y") == "60"
    assert marker_position(page) == [20, 60]
    page.click("[role=tab]:has-text('العربية')")
    page.fill("#id_name__ar", "داليا حداد")
    page.click("[role=tab]:has-text('English')")
    page.screenshot(path=str(artifacts / "expert-02-new-photo-chosen.png"), full_page=True)
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    assert "was changed successfully" in page.content()

    expert.refresh_from_db()
    new_photo = expert.photo.name
    # A new file, under a random name (never the uploader's, thinktank.uploads).
    assert new_photo != old_photo and "dalia" not in new_photo and new_photo.endswith(".png")
    assert (expert.photo_focal_x, expert.photo_focal_y) == (20, 60)
    # Now the thumbnail is the stored new photo's preview rendition.
    assert f"/renditions/{new_photo}/320.webp" in thumbnail.get_attribute("src")
    page.wait_for_function("() => document.querySelector('.focal-point__image').naturalWidth > 0")
    assert marker_position(page) == [20, 60]
    page.screenshot(path=str(artifacts / "expert-03-saved-thumbnail.png"), full_page=True)

    # The face is further right and up: click it on the stored photo's thumbnail.
    click_at(page, ".focal-point__image", 75, 30)
    assert page.input_value("#id_photo_focal_x") == "75"
    assert page.input_value("#id_photo_focal_y") == "30"
    assert marker_position(page) == [75, 30]
    # Typing in the inputs moves the marker too.
    page.fill("#id_photo_focal_y", "35")
    assert marker_position(page) == [75, 35]
    page.fill("#id_photo_focal_y", "30")
    page.screenshot(path=str(artifacts / "expert-04-focal-point-clicked.png"), full_page=True)

    # The full bio: in the rich-text editor where the form has one, else its textarea.
    editor = page.locator(".field-bio .ProseMirror[contenteditable=true]")
    if editor.count():
        editor.click()
        page.keyboard.press("Control+A")
        page.keyboard.type("Dalia Haddad studies the politics of the Gulf monarchies.")
    else:
        page.fill("#id_bio", "<p>Dalia Haddad studies the politics of the Gulf monarchies.</p>")
    page.screenshot(path=str(artifacts / "expert-05-bio-edited.png"), full_page=True)
    page.click("input[name=_save]")
    page.wait_for_url(f"{base}/admin/experts/expert/")
    assert "was changed successfully" in page.content()
    context.close()

    expert.refresh_from_db()
    assert (expert.photo.name, expert.photo_focal_x, expert.photo_focal_y) == (new_photo, 75, 30)
    assert "politics of the Gulf monarchies" in expert.bio
    assert expert.translations["ar"]["name"] == "داليا حداد"
    for name in (f"{new_photo}/160-square-75x30.webp", f"{new_photo}/320-square-75x30.png"):
        assert default_storage.exists(f"renditions/{name}"), name

    reader = chromium.new_context(viewport=VIEWPORT).new_page()
    response = reader.goto(f"{base}{Expert.objects.get(pk=expert.pk).get_absolute_url()}")
    assert response.status == 200
    assert "politics of the Gulf monarchies" in reader.locator(".profile__bio").inner_text()
    photo = reader.locator("img.profile__photo")
    source = reader.locator("picture:has(img.profile__photo) source")
    for element in (photo, source):
        candidates = [item.split()[0] for item in element.get_attribute("srcset").split(", ")]
        assert candidates, "no srcset"
        for url in candidates:
            assert f"/renditions/{new_photo}/" in url, url
            assert "-square-75x30." in url, url
    # The browser loaded one of them, and it is the crop around the face (red).
    reader.wait_for_function(
        "() => document.querySelector('img.profile__photo').complete"
        " && document.querySelector('img.profile__photo').naturalWidth > 0"
    )
    assert "-square-75x30." in photo.evaluate("image => image.currentSrc")
    reader.screenshot(path=str(artifacts / "expert-06-reader-sees-profile.png"), full_page=True)
    reader.context.close()
