"""
The admin in each editor's language (thinktank/admin_language.py): their choice from
the admin's language menu (a cookie the public pages never receive), else their
browser's; the public pages keep the language of their address.
"""

import pytest
from django.conf import settings
from django.urls import reverse

from tests.helpers.htmlpage import parse

pytestmark = pytest.mark.django_db

RTL = {"ar", "fa"}


def html_lang(response):
    html = parse(response).find("html")
    return html.get("lang"), html.get("dir")


@pytest.mark.parametrize("language", ["en", "ar", "fa"])
def test_the_admin_follows_the_browsers_language(admin_client, language):
    response = admin_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    assert html_lang(response) == (language, "rtl" if language in RTL else "ltr")


@pytest.mark.parametrize("language", ["en", "ar", "fa"])
def test_the_menu_sets_the_admins_language_for_the_admin_alone(admin_client, language):
    changelist = reverse("admin:articles_article_changelist")
    response = admin_client.post(
        reverse("admin:set_language"), {"language": language, "next": changelist}
    )
    assert (response.status_code, response["Location"]) == (302, changelist)
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert (cookie.value, cookie["path"]) == (language, "/admin/")
    # The choice outweighs the browser's language.
    response = admin_client.get(changelist, HTTP_ACCEPT_LANGUAGE="en" if language != "en" else "ar")
    assert html_lang(response)[0] == language


def test_the_menu_names_each_language_in_itself_and_marks_the_current(admin_client):
    response = admin_client.get(reverse("admin:index"), HTTP_ACCEPT_LANGUAGE="ar")
    menu = parse(response).find("form", cls="admin-language")
    options = menu.find_all("option")
    assert [(o.get("value"), o.get("lang"), o.text) for o in options] == [
        ("en", "en", "English"),
        ("ar", "ar", "العربيّة"),
        ("fa", "fa", "فارسی"),
    ]
    assert [o.get("value") for o in options if "selected" in o.attrs] == ["ar"]
    assert menu.find("label", **{"for": "admin-language"})


def test_an_unknown_language_changes_nothing(admin_client):
    response = admin_client.post(
        reverse("admin:set_language"), {"language": "xx", "next": "/admin/"}
    )
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


@pytest.mark.parametrize("path", ["/", "/ar/"])
def test_public_pages_keep_the_language_of_their_address(client, path):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fa"
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="fa")
    assert html_lang(response)[0] == ("ar" if path == "/ar/" else "en")


def test_the_login_page_follows_the_browser_too(client):
    response = client.get(reverse("admin:login"), HTTP_ACCEPT_LANGUAGE="ar")
    assert html_lang(response) == ("ar", "rtl")
