"""
An image in rich text must be one of the site's uploads: the pages' Content Security
Policy shows no other, so anything else would be a broken image. The admin's forms
refuse it, naming its source; on any other path the sanitizer removes it.
"""

from importlib import import_module

import pytest
from django.core.exceptions import ValidationError
from django.test.utils import override_settings
from django.utils import translation

from articles import services
from tests.helpers import adminforms, expertforms
from tests.helpers.factories import make_article, make_expert
from tests.helpers.htmlpage import parse
from thinktank.html import is_media_url, sanitize_html, validate_rich_text_images
from thinktank.security import media_origin, origin_of

pytestmark = pytest.mark.django_db

ON_MEDIA = [
    "/media/articles/0f3a.jpg",
    "/media/renditions/articles/0f3a.jpg/640.webp",
    "/media/experts/a%20b.png",
    "/media/articles/x.jpg?v=2#top",
    "/media/articles/./x.jpg",
    "/media/articles/../experts/x.jpg",  # still under /media/
    " /media/articles/x.jpg ",  # browsers trim the spaces
]
ELSEWHERE = [
    "https://example.org/chart.png",
    "http://example.org/chart.png",
    "HTTPS://EXAMPLE.ORG/chart.png",
    "//example.org/chart.png",
    "///example.org/chart.png",
    "https://example.org/media/articles/x.jpg",
    "http://localhost/media/articles/x.jpg",  # this site perhaps, but by another name
    "https://user@example.org/media/x.jpg",
    "/media/../admin/logo.png",
    "/media/%2e%2e/admin/logo.png",
    "/media/%2E%2E/%2E%2E/etc/passwd",
    "/media/articles/%2e%2e/%2e%2e/static/x.png",
    "/media",
    "/media-other/x.png",
    "/mediax.png",
    "/static/logo.png",
    "media/articles/x.jpg",
    "../media/articles/x.jpg",
    "x.jpg",
    "?media/x.jpg",
    "",
    "/\\example.org/x.png",
    "\\\\example.org\\x.png",
    "/media\\..\\admin\\x.png",
    "/media/%5c..%5cadmin/x.png",
    "/\t/example.org/x.png",
    "/media/..\t/admin/x.png",
    "/me\ndia/x.png",
    "data:image/png;base64,iVBORw0KGgo=",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "blob:https://example.org/1234",
    "about:blank",
    "file:///etc/passwd",
    "ftp://example.org/x.png",
]


@pytest.mark.parametrize("src", ON_MEDIA)
def test_an_upload_may_be_shown(src):
    assert is_media_url(src)
    html = f'<p><img src="{src}" alt="A chart"></p>'
    validate_rich_text_images(html)
    assert "<img" in sanitize_html(html)


@pytest.mark.parametrize("src", ELSEWHERE)
def test_an_image_from_elsewhere_is_refused_and_removed(src):
    assert not is_media_url(src)
    html = f'<p>Before <img src="{src}" alt="A chart" width="600"> after.</p>'
    with pytest.raises(ValidationError) as caught:
        validate_rich_text_images(html)
    assert caught.value.error_list[0].code == "outside_image"
    message = caught.value.messages[0]
    assert "is not one of this site's uploads" in message
    assert "/media/" in message
    assert sanitize_html(html) == "<p>Before  after.</p>"


@pytest.mark.parametrize(
    "html, named",
    [
        ('<img src="&#104;ttps://example.org/x.png">', "https://example.org/x.png"),
        ("<IMG SRC=https://example.org/x.png>", "https://example.org/x.png"),
        ("<img/src=//example.org/x.png>", "//example.org/x.png"),
        ('<img src="/media/x.jpg" srcset="https://example.org/x 2x">', "https://example.org/x"),
        (
            "<img src='/media/x.jpg' srcset=\"/media/y.jpg 1x, //example.org/y 2x\">",
            "//example.org/y",
        ),
        ('<img alt="no source">', '""'),
        ('<img src="https://example.org/x.png" src="/media/x.jpg">', "https://example.org/x.png"),
    ],
)
def test_every_spelling_of_an_image_is_read_as_a_browser_reads_it(html, named):
    with pytest.raises(ValidationError) as caught:
        validate_rich_text_images(f"<p>{html}</p>")
    assert f"The image {named} is not" in caught.value.messages[0]
    assert "example.org" not in sanitize_html(html)
    assert "srcset" not in sanitize_html(html)


def test_each_outside_image_is_named_once_and_long_sources_are_shortened():
    data = "data:image/png;base64," + "A" * 5000
    html = (
        '<img src="https://a.example/1.png"><img src="https://a.example/1.png">'
        f'<img src="{data}"><img src="/media/ok.jpg"><img src="https://b.example/2.png">'
    )
    with pytest.raises(ValidationError) as caught:
        validate_rich_text_images(html)
    messages = caught.value.messages
    assert len(messages) == 3
    assert all(len(message) < 400 for message in messages)
    assert sanitize_html(html) == '<img src="/media/ok.jpg">'


def test_no_other_element_brings_an_image_from_elsewhere():
    html = """
    <picture><source srcset="https://example.org/a.webp"><img src="/media/a.jpg"></picture>
    <svg><image href="https://example.org/b.png"/></svg>
    <input type="image" src="https://example.org/c.png">
    <video poster="https://example.org/d.png"></video>
    <p style="background: url(https://example.org/e.png)">x</p>
    <table background="https://example.org/f.png"><tr><td>x</td></tr></table>
    <img src="/media/ok.jpg" alt="a>b"><img alt='<img src="https://example.org/g.png">'>
    """
    cleaned = sanitize_html(html)
    assert "example.org" not in cleaned.replace('alt="&lt;img', "")
    assert cleaned.count("<img") == 2
    assert '<img src="/media/a.jpg">' in cleaned
    assert '<img src="/media/ok.jpg" alt="a&gt;b">' in cleaned


# --- on S3: the bucket's or the CDN's address -----------------------------------------------

CDN = {
    "BACKEND": "storages.backends.s3.S3Storage",
    "OPTIONS": {
        "bucket_name": "media",
        "custom_domain": "media.example.org",
        "querystring_auth": False,
        "access_key": "k",
        "secret_key": "s",
    },
}


@pytest.mark.parametrize(
    "src, shown",
    [
        ("https://media.example.org/articles/x.jpg", True),
        ("https://MEDIA.example.org/renditions/articles/x.jpg/640.webp", True),
        ("http://media.example.org/articles/x.jpg", False),  # not what the CSP allows
        ("//media.example.org/articles/x.jpg", False),
        ("https://media.example.org.evil.example/x.jpg", False),
        ("https://evil.example/media.example.org/x.jpg", False),
        ("https://media.example.org@evil.example/x.jpg", False),
        ("/media/articles/x.jpg", False),  # nothing is served there with S3
    ],
)
def test_with_a_cdn_only_its_addresses_are_uploads(settings, src, shown):
    with override_settings(STORAGES={**settings.STORAGES, "default": CDN}):
        assert is_media_url(src) is shown
        if shown:  # and the pages' CSP allows exactly that origin
            assert origin_of(src).lower() == media_origin().lower()


def test_with_a_bucket_its_address_is_the_uploads(s3_media, s3_endpoint):
    bucket = f"{s3_endpoint}/thinktank-media"
    assert is_media_url(f"{bucket}/articles/x.jpg")
    assert origin_of(f"{bucket}/articles/x.jpg") == media_origin()
    assert not is_media_url(f"{s3_endpoint}/another-bucket/x.jpg")
    assert not is_media_url(f"{bucket}/../another-bucket/x.jpg")
    assert not is_media_url("/media/articles/x.jpg")


# --- where rich text is written -------------------------------------------------------------

OUTSIDE = '<p>See <img src="https://example.org/chart.png" alt="A chart"></p>'


def test_the_article_form_refuses_an_outside_image_and_keeps_the_text(admin_client):
    article = make_article("Charted", body="<p>Before.</p>")
    response = admin_client.post(
        adminforms.change_url(article), adminforms.form_data(article, body=OUTSIDE)
    )
    assert response.status_code == 200
    errors = parse(response).find("div", cls="field-body").find(cls="errorlist").text
    assert "The image https://example.org/chart.png is not one of this site's uploads" in errors
    article.refresh_from_db()
    assert article.body == "<p>Before.</p>"


def test_the_expert_form_refuses_an_outside_image_in_a_translated_bio(admin_client):
    expert = make_expert("Bio Writer")
    url = expertforms.change_url(expert)
    data = expertforms.form_data(admin_client, url, bio__ar=OUTSIDE)
    response = admin_client.post(url, data)
    assert response.status_code == 200
    errors = parse(response).find_all(cls="errorlist")
    assert any("https://example.org/chart.png" in error.text for error in errors)
    expert.refresh_from_db()
    assert "example.org" not in str(expert.translations)


def test_a_service_save_drops_an_outside_image_and_the_page_never_shows_it(admin_user, client):
    article = make_article("Imported", body="<p>x</p>")
    article.body = OUTSIDE + '<p><img src="/media/articles/kept.jpg" alt="Kept"></p>'
    services.article_save(article, user=admin_user)
    article.refresh_from_db()
    assert article.body == '<p>See </p><p><img src="/media/articles/kept.jpg" alt="Kept"></p>'
    page = client.get(article.get_absolute_url()).content.decode()
    assert "example.org/chart.png" not in page
    assert '<img src="/media/articles/kept.jpg" alt="Kept">' in page


def test_a_translation_saved_without_a_form_loses_an_outside_image():
    expert = make_expert("Translated Bio")
    expert.translations = {"ar": {"bio": OUTSIDE}}
    expert.save()
    expert.refresh_from_db()
    assert expert.translations == {"ar": {"bio": "<p>See </p>"}}


@pytest.mark.parametrize("language, words", [("ar", "ليست من الملفات"), ("fa", "بارگذاری‌شده")])
def test_the_message_is_in_the_editors_language(language, words):
    with translation.override(language), pytest.raises(ValidationError) as caught:
        validate_rich_text_images(OUTSIDE)
    assert words in caught.value.messages[0]
    assert "https://example.org/chart.png" in caught.value.messages[0]


# --- rich text stored before the rule -------------------------------------------------------


def test_stored_rich_text_loses_its_outside_images_when_migrated():
    from django.apps import apps

    article = make_article("Old Body")
    expert = make_expert("Old Bio")
    kept = '<p><img src="/media/articles/kept.jpg" alt="Kept"></p>'
    # As stored before: QuerySet.update() writes without the sanitizer.
    type(article).objects.filter(pk=article.pk).update(body=OUTSIDE + kept, footer_note=OUTSIDE)
    type(expert).objects.filter(pk=expert.pk).update(
        bio=OUTSIDE, translations={"fa": {"bio": OUTSIDE, "role": "پژوهشگر"}}
    )
    import_module(
        "articles.migrations.0020_rich_text_images_are_uploads"
    ).sanitize_stored_rich_text(apps, None)
    import_module("experts.migrations.0008_rich_text_images_are_uploads").sanitize_stored_bios(
        apps, None
    )
    article.refresh_from_db()
    expert.refresh_from_db()
    assert (article.body, article.footer_note) == ("<p>See </p>" + kept, "<p>See </p>")
    assert expert.bio == "<p>See </p>"
    assert expert.translations == {"fa": {"bio": "<p>See </p>", "role": "پژوهشگر"}}
