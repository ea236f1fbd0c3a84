"""
An expert's profile in the admin: every save keeps a revision (fields, topics, regions,
links) with history, differences and a one-click restore; a copy of the form loaded
before someone else's save is refused with the editor's text kept; bad input is a
clear form error that leaves the stored profile as it was.
"""

import pytest
from django.core.exceptions import PermissionDenied

from experts import revisions, services
from experts.models import Expert, ExpertLink, ExpertRevision
from tests.helpers.expertforms import change_url, form_data, history_url, links, revision_url
from tests.helpers.factories import image_upload, make_expert, make_region, make_topic, png_bytes
from tests.helpers.htmlpage import parse

pytestmark = pytest.mark.django_db


def errors(response):
    page = parse(response)
    return " ".join(element.text for element in page.find_all(cls="errorlist")) + " ".join(
        element.text for element in page.find_all(cls="errornote")
    )


def fresh(expert):
    return Expert.objects.get(pk=expert.pk)


def add_link(expert, kind, url, position=0):
    return ExpertLink.objects.create(expert=expert, kind=kind, url=url, position=position)


# --- revisions ---------------------------------------------------------------------------


def test_every_admin_save_keeps_a_revision_with_fields_topics_regions_and_links(
    client, expert_manager
):
    expert = make_expert("Sara Amini")
    topic, region = make_topic(), make_region()
    client.force_login(expert_manager)
    data = form_data(
        client,
        change_url(expert),
        bio="<p>Revised bio.</p>",
        topics=[str(topic.pk)],
        regions=[str(region.pk)],
        **links(("x", "https://x.com/sara"), ("website", "https://sara.example.org")),
    )
    assert client.post(change_url(expert), data).status_code == 302
    revision = expert.revisions.get()
    assert revision.user == expert_manager
    assert revision.data["bio"] == "<p>Revised bio.</p>"
    assert revision.data["topics"] == [topic.pk]
    assert revision.data["regions"] == [region.pk]
    assert revision.data["links"] == [  # in order, each as its kind and address
        {"kind": "x", "url": "https://x.com/sara"},
        {"kind": "website", "url": "https://sara.example.org"},
    ]
    # A second save keeps a second revision.
    data = form_data(client, change_url(expert), short_bio="Shorter.")
    assert client.post(change_url(expert), data).status_code == 302
    assert expert.revisions.count() == 2


def test_history_diff_and_one_click_restore(client, expert_manager):
    old_topic, new_topic = make_topic("Energy"), make_topic("Maritime security")
    expert = make_expert("Reza Karimi", bio="<p>First paragraph.</p>")
    expert.topics.add(old_topic)
    add_link(expert, "website", "https://reza.example.org")
    old = services.expert_record_revision(expert, user=expert_manager)
    # Then the profile changes: a new bio, another topic, no link.
    client.force_login(expert_manager)
    data = form_data(
        client,
        change_url(expert),
        bio="<p>First paragraph.</p><p>Added paragraph.</p>",
        topics=[str(new_topic.pk)],
        **{"links-0-DELETE": "on"},
    )
    assert client.post(change_url(expert), data).status_code == 302
    assert not fresh(expert).links.exists()

    form = parse(client.get(change_url(expert)))
    assert history_url(expert) in form.hrefs()  # "Revisions" on the change form
    history = parse(client.get(history_url(expert)))
    assert revision_url(expert, old) in history.hrefs()

    diff = client.get(revision_url(expert, old)).content.decode()
    added = parse(diff).find(cls="revision-diff").find_all("ins")
    assert any(ins.find_all("p", text="Added paragraph.") for ins in added)  # rendered
    assert "Energy" in diff and "Maritime security" in diff
    assert "https://reza.example.org" in diff

    expert = fresh(expert)
    response = client.post(revision_url(expert, old), {"loaded_version": expert.version})
    assert response.status_code == 302
    restored = fresh(expert)
    assert restored.bio == "<p>First paragraph.</p>"
    assert list(restored.topics.all()) == [old_topic]
    assert list(restored.links.values_list("kind", "url")) == [
        ("website", "https://reza.example.org")
    ]
    # The restore is itself a revision, the newest, of what the profile now is.
    newest = ExpertRevision.objects.filter(expert=expert).latest()
    assert "Restored" in newest.note and newest.user == expert_manager
    assert newest.data == revisions.SCHEMA.snapshot(restored)


def test_restore_after_someone_else_saved_is_refused(client, expert_manager):
    expert = make_expert(bio="<p>One.</p>")
    old = services.expert_record_revision(expert, user=expert_manager)
    seen_version = expert.version
    other = fresh(expert)
    other.bio = "<p>Someone else's.</p>"
    other.save()
    client.force_login(expert_manager)
    response = client.post(revision_url(expert, old), {"loaded_version": seen_version})
    assert response.status_code == 302
    assert fresh(expert).bio == "<p>Someone else's.</p>"
    follow = client.get(response["Location"]).content.decode()
    assert "nothing was restored" in follow
    assert expert.revisions.count() == 1


def test_restore_is_refused_to_those_who_cannot_change_experts(client, editor):
    expert = make_expert(bio="<p>Kept.</p>")
    old = ExpertRevision.objects.create(
        expert=expert, data={**revisions.SCHEMA.snapshot(expert), "bio": "<p>Old.</p>"}
    )
    client.force_login(editor)
    assert client.get(revision_url(expert, old)).status_code == 200  # they may look
    response = client.post(revision_url(expert, old), {"loaded_version": expert.version})
    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        services.expert_restore(fresh(expert), old, user=editor)
    assert fresh(expert).bio == "<p>Kept.</p>"


def test_a_restored_slug_taken_since_is_a_message_not_an_error(client, expert_manager):
    expert = make_expert(slug="first-slug")
    old = services.expert_record_revision(expert, user=expert_manager)
    Expert.objects.filter(pk=expert.pk).update(slug="second-slug")
    make_expert(slug="first-slug")
    client.force_login(expert_manager)
    response = client.post(revision_url(expert, old), {"loaded_version": expert.version})
    assert response.status_code == 302
    assert fresh(expert).slug == "second-slug"
    assert "already exists" in client.get(response["Location"]).content.decode()


# --- concurrent edits ------------------------------------------------------------------


def test_the_second_of_two_concurrent_saves_is_refused_with_the_text_kept(client, expert_manager):
    expert = make_expert(bio="<p>Original.</p>", role="Fellow")
    client.force_login(expert_manager)
    first = form_data(client, change_url(expert), role="Senior Fellow")
    second = form_data(client, change_url(expert), bio="<p>My careful rewrite.</p>")

    assert client.post(change_url(expert), first).status_code == 302
    response = client.post(change_url(expert), second)
    assert response.status_code == 200  # the form again, not saved
    text = errors(response)
    assert "Someone else saved this" in text
    assert "role" in text  # the field that differs from the saved version
    page = parse(response)
    assert "My careful rewrite." in page.find("textarea", name="bio").text
    stored = fresh(expert)
    assert (stored.role, stored.bio) == ("Senior Fellow", "<p>Original.</p>")
    assert stored.version == 2
    assert expert.revisions.count() == 1


# --- bad input ---------------------------------------------------------------------------


@pytest.fixture
def stored(db):
    expert = make_expert("Stored Expert", bio="<p>Stored bio.</p>", photo=True)
    expert.save()  # version 2, so an unchanged version is not the default
    return fresh(expert)


def assert_untouched(expert):
    now = fresh(expert)
    assert (now.bio, now.photo.name, now.version) == (
        expert.bio,
        expert.photo.name,
        expert.version,
    )
    assert not now.revisions.exists()
    assert not now.links.exists()


def post_change(client, expert, files=None, **changes):
    data = form_data(client, change_url(expert), bio="<p>Should not be kept.</p>", **changes)
    data.update(files or {})
    response = client.post(change_url(expert), data)
    assert response.status_code == 200, "the form is shown again"
    return errors(response)


def test_a_duplicate_slug_is_a_form_error(client, expert_manager, stored):
    make_expert(slug="taken")
    client.force_login(expert_manager)
    assert "already exists" in post_change(client, stored, slug="taken")
    assert_untouched(stored)


def test_a_photo_that_is_not_an_image_is_a_form_error(client, expert_manager, stored):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(expert_manager)
    fake = SimpleUploadedFile("portrait.png", b"not an image at all", content_type="image/png")
    text = post_change(client, stored, files={"photo": fake})
    assert "image" in text.lower()
    assert_untouched(stored)


def test_a_photo_too_large_is_a_form_error(client, expert_manager, stored, settings):
    settings.MAX_IMAGE_UPLOAD_SIZE = len(png_bytes((200, 200))) - 1
    client.force_login(expert_manager)
    text = post_change(client, stored, files={"photo": image_upload("big.png", (200, 200))})
    assert "the largest accepted is" in text
    assert_untouched(stored)


def test_an_invalid_email_is_a_form_error(client, expert_manager, stored):
    client.force_login(expert_manager)
    assert "email" in post_change(client, stored, email="not an email").lower()
    assert_untouched(stored)


@pytest.mark.parametrize("url", ["javascript:alert(1)", "not a web address", "https://"])
def test_an_invalid_link_is_a_form_error(client, expert_manager, stored, url):
    client.force_login(expert_manager)
    text = post_change(client, stored, **links(("website", url)))
    assert "Enter a valid URL" in text
    assert_untouched(stored)
