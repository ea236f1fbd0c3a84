"""
The admin site (thinktank/admin_site.py): Django's, as `admin.site`, whose home page
renders the panels the apps register, once per name, for the users they are for.
"""

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.test import RequestFactory

from thinktank import admin_site
from thinktank.admin_site import SiteAdmin, index_panels, register_index_panel


def test_the_site_is_ours():
    assert isinstance(admin.site, SiteAdmin)


@pytest.fixture
def panels(monkeypatch):
    monkeypatch.setattr(admin_site, "PANELS", [])
    return admin_site.PANELS


def request_by(user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return request


def test_panels_in_order_once_per_name_for_whom_they_are(panels):
    register_index_panel("first", "first.html", lambda request: {"n": 1})
    register_index_panel("hidden", "hidden.html", lambda request: None)
    register_index_panel("second", "second.html", lambda request: {"who": request.user.username})
    register_index_panel("first", "first-again.html", lambda request: {"n": 2})
    shown = index_panels(request_by(User(username="someone")))
    assert shown == [("second.html", {"who": "someone"}), ("first-again.html", {"n": 2})]


@pytest.mark.django_db
def test_the_home_page_renders_each_panel_above_the_apps(panels, admin_client, tmp_path, settings):
    (tmp_path / "panel.html").write_text('<section id="a-panel">{{ panel.greeting }}</section>')
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    ]
    register_index_panel("greeting", "panel.html", lambda request: {"greeting": "Hello, desk"})
    page = admin_client.get("/admin/").content.decode()
    assert '<section id="a-panel">Hello, desk</section>' in page
    assert page.index("a-panel") < page.index('id="recent-actions-module"')
    assert "app-auth" in page
