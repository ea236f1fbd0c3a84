"""library.services: who may add, change and delete images; what a save stores and
makes; a replaced file keeps the image's id."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from library import services
from library.models import Image
from tests.helpers.factories import png_bytes
from tests.helpers.images import SECRETS, camera_exif, encoded, noise
from tests.helpers.library import make_image
from thinktank.renditions import plan

pytestmark = pytest.mark.django_db


def upload(size=(700, 400), name="chart.png"):
    return SimpleUploadedFile(name, png_bytes(size), content_type="image/png")


def new_image(**fields):
    image = Image(title="Oil exports", alt_text="Exports fell by half in 2024.", **fields)
    image.file = upload()
    return image


@pytest.mark.parametrize("role", ["editor", "contributor"])
def test_editors_and_contributors_add_images(request, role):
    user = request.getfixturevalue(role)
    image = services.image_save(new_image(), user=user)
    assert (image.width, image.height) == (700, 400)
    assert image.created_by == user
    assert image.file.name.startswith("library/") and not image.file.name.endswith("chart.png")
    for rendition in plan(image.file.name, 700, 400):  # whole, never cropped
        assert default_storage.exists(rendition.name)


def test_others_may_not_add_change_or_delete(expert_manager, contributor):
    with pytest.raises(PermissionDenied):
        services.image_save(new_image(), user=expert_manager)
    with pytest.raises(PermissionDenied):
        services.image_save(new_image(), user=AnonymousUser())
    image = make_image()
    image.title = "Changed"
    with pytest.raises(PermissionDenied):
        services.image_save(image, user=contributor)  # contributors add, editors change
    with pytest.raises(PermissionDenied):
        services.image_delete(image, user=contributor)
    assert Image.objects.get(pk=image.pk).title != "Changed"


def test_an_editor_changes_and_deletes_an_unused_image(editor):
    image = make_image()
    image.credit = "Photo: Agency"
    services.image_save(image, user=editor)
    assert Image.objects.get(pk=image.pk).credit == "Photo: Agency"
    services.image_delete(image, user=editor)
    assert not Image.objects.filter(pk=image.pk).exists()


def test_a_replaced_file_keeps_the_id_and_gets_new_renditions(editor):
    image = make_image(size=(400, 300))
    old_name = image.file.name
    image.file = upload((1300, 650))
    services.image_save(image, user=editor)
    image.refresh_from_db()
    assert image.file.name != old_name
    assert (image.width, image.height) == (1300, 650)
    for rendition in plan(image.file.name, 1300, 650):
        assert default_storage.exists(rendition.name)


def test_image_create_checks_the_upload_and_strips_metadata(contributor):
    data = encoded(noise((320, 200)), "JPEG", exif=camera_exif().tobytes())
    image = services.image_create(
        user=contributor,
        file=SimpleUploadedFile("mine.jpg", data, content_type="image/jpeg"),
        title="Street",
        alt_text="A street.",
    )
    with default_storage.open(image.file.name, "rb") as stored:
        content = stored.read()
    assert not any(secret in content for secret in SECRETS)
    with pytest.raises(ValidationError) as refusal:
        services.image_create(
            user=contributor,
            file=SimpleUploadedFile("broken.png", png_bytes()[:40], content_type="image/png"),
            title="Broken",
            alt_text="Nothing.",
        )
    assert "file" in refusal.value.message_dict
    with pytest.raises(ValidationError) as refusal:
        services.image_create(user=contributor, file=upload(), title="", alt_text="")
    assert {"title", "alt_text"} <= set(refusal.value.message_dict)


def test_translated_texts_fall_back_to_the_source(editor):
    image = make_image(
        alt_text="A map of the Gulf.",
        caption="The Gulf in 2024.",
        translations={"ar": {"alt_text": "خريطة الخليج"}},
    )
    assert image.get_translation("alt_text", "ar") == "خريطة الخليج"
    assert image.get_translation("caption", "ar") == "The Gulf in 2024."
    assert image.get_translation("alt_text", "fa") == "A map of the Gulf."


@pytest.mark.parametrize(
    ("size", "orientation"),
    [((800, 500), "landscape"), ((500, 800), "portrait"), ((300, 300), "square")],
)
def test_orientation(size, orientation):
    assert make_image(size=size, renditions=False).orientation == orientation


def test_make_renditions_makes_the_library_s_missing_renditions():
    image = make_image(size=(700, 400), renditions=False)
    call_command("make_renditions", stdout=io.StringIO())
    for rendition in plan(image.file.name, 700, 400):
        assert default_storage.exists(rendition.name)
