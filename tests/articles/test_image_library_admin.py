"""
The image library's admin and its users: the list (thumbnails, search in every
language, filters), the articles an image shows in, and the refusal to delete an
image an article uses (one at a time, "delete selected", the service); the editor's
JSON views; the figure tool on article bodies only.
"""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from articles import services
from library import services as library_services
from library.models import Image
from tests.helpers.factories import make_article, png_bytes
from tests.helpers.htmlpage import parse
from tests.helpers.library import figure, make_image

pytestmark = pytest.mark.django_db

LIST = "/admin/library/image/"


def used_image(editor, *, status="published"):
    image = make_image("Exports chart")
    live = make_article("Live piece", body=figure(image))
    services.record_body_images(live)
    draft = make_article("Draft piece", published=False, body=figure(image))
    services.record_body_images(draft)
    return image, live, draft


def test_deleting_an_image_in_use_is_refused_naming_the_articles(editor):
    image, _live, _draft = used_image(editor)
    with pytest.raises(library_services.ImageInUse) as refusal:
        library_services.image_delete(image, user=editor)
    message = str(refusal.value)
    assert "Live piece" in message and "Draft piece" in message and "Published" in message
    assert Image.objects.filter(pk=image.pk).exists()


def test_the_delete_page_names_the_articles_and_offers_no_confirmation(client, editor):
    image, live, draft = used_image(editor)
    client.force_login(editor)
    page = client.get(f"{LIST}{image.pk}/delete/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "Live piece" in text and "Draft piece" in text
    assert 'name="post"' not in text  # no confirmation
    refused = client.post(f"{LIST}{image.pk}/delete/", {"post": "yes"})
    assert "Live piece" in refused.content.decode()
    assert Image.objects.filter(pk=image.pk).exists()


def test_delete_selected_refuses_the_whole_selection(client, editor):
    image, _live, _draft = used_image(editor)
    unused = make_image()
    client.force_login(editor)
    data = {"action": "delete_selected", "_selected_action": [image.pk, unused.pk]}
    page = client.post(LIST, data)
    assert "Live piece" in page.content.decode()
    client.post(LIST, {**data, "post": "yes"})
    assert Image.objects.filter(pk__in=[image.pk, unused.pk]).count() == 2


def test_an_image_no_longer_used_is_deleted(client, editor):
    image, live, draft = used_image(editor)
    for article in (live, draft):
        article.body = "<p>No figure now.</p>"
        services.record_body_images(article)
    client.force_login(editor)
    client.post(f"{LIST}{image.pk}/delete/", {"post": "yes"})
    assert not Image.objects.filter(pk=image.pk).exists()


def test_the_change_page_lists_the_articles_showing_the_image(client, editor):
    image, live, draft = used_image(editor)
    client.force_login(editor)
    page = parse(client.get(f"{LIST}{image.pk}/change/"))
    usage = page.find(cls="field-usage")
    links = {link.text: link.get("href") for link in usage.links()}
    assert links == {
        "Live piece": f"/admin/articles/article/{live.pk}/change/",
        "Draft piece": f"/admin/articles/article/{draft.pk}/change/",
    }


def test_the_list_shows_thumbnails_searches_every_language_and_filters(client, editor):
    chart = make_image("Exports chart", size=(900, 500), credit="Thinktank")
    chart.tags.add("energy")
    portrait = make_image(
        "Minister", size=(400, 600), translations={"ar": {"caption": "وزير النفط"}}
    )
    client.force_login(editor)
    page = parse(client.get(LIST))
    thumbnails = page.find_all("img", cls="library-thumbnail")
    assert len(thumbnails) == 2
    assert all(img.get("src").endswith("/160.webp") for img in thumbnails)
    assert {img.get("style") for img in thumbnails} == {"object-position: 50% 50%"}

    def titles(query):
        rows = parse(client.get(LIST, query)).find_all(cls="field-title")
        return {row.text for row in rows}

    assert titles({"q": "energy"}) == {"Exports chart"}
    assert titles({"q": "النفط"}) == {"Minister"}
    assert titles({"q": "thinktank"}) == {"Exports chart"}
    assert titles({"orientation": "portrait"}) == {"Minister"}
    assert titles({"orientation": "landscape"}) == {"Exports chart"}
    assert titles({"tags__id__exact": chart.tags.get().pk}) == {"Exports chart"}
    assert portrait.orientation == "portrait"


def test_the_editor_s_json_views(client, contributor, expert_manager):
    image = make_image("Gulf map", translations={"ar": {"alt_text": "خريطة الخليج"}})
    client.force_login(contributor)
    found = client.get(f"{LIST}chooser/", {"q": "gulf", "language": "ar"}).json()["results"]
    assert [(item["id"], item["alt"]) for item in found] == [(image.pk, "خريطة الخليج")]
    shown = client.get(f"{LIST}{image.pk}/preview").json()
    assert shown["thumbnail"]["url"].endswith("/320.webp")
    assert client.get(f"{LIST}999999/preview").status_code == 404

    upload = SimpleUploadedFile("new.png", png_bytes((300, 200)), content_type="image/png")
    made = client.post(
        f"{LIST}chooser/upload/", {"file": upload, "title": "New", "alt_text": "A new image."}
    )
    assert made.status_code == 201 and made.json()["width"] == 300
    broken = SimpleUploadedFile("bad.png", b"not an image at all", content_type="image/png")
    refused = client.post(
        f"{LIST}chooser/upload/", {"file": broken, "title": "Bad", "alt_text": "x"}
    )
    assert refused.status_code == 400 and refused.json()["errors"]["file"]

    client.force_login(expert_manager)
    assert client.get(f"{LIST}chooser/").status_code == 403
    assert client.get(f"{LIST}{image.pk}/preview").status_code == 403
    client.logout()
    assert client.get(f"{LIST}chooser/").status_code == 302  # to the login page


def test_the_figure_tool_is_offered_on_article_bodies_only(client, editor):
    article = make_article()
    client.force_login(editor)
    page = parse(client.get(f"/admin/articles/article/{article.pk}/change/"))

    def extensions(name):
        config = page.find("textarea", name=name).get("data-django-prose-editor-configurable")
        return json.loads(config)["extensions"]

    tool = extensions("body")["LibraryFigure"]
    assert tool["urls"]["preview"] == f"{LIST}0/preview"
    assert tool["language"] == article.language
    assert "LibraryFigure" not in extensions("footer_note")
