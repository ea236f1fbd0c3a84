"""
The admin site: Django's own, whose home page (the index) also shows the panels the
apps register (articles: the editorial dashboard), and the stylesheets the apps' admin
forms link. The frame names no app: an app registers a panel with
register_index_panel() from its admin module, as it registers its ModelAdmins. See
docs/dashboard.md.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import admin
from django.urls import path
from django.views.i18n import set_language


@dataclass(frozen=True)
class IndexPanel:
    """A part of the admin's home page: `template` rendered with `panel`, the dict that
    `context(request)` returns; None says the panel is not for this user."""

    name: str
    template: str
    context: Callable[[Any], dict | None]


PANELS = []

# The admin's own stylesheets (static/css/), in this order, for the admins whose forms
# use what they style: admin.css (right-to-left editing, the focal point, translations
# side by side, long titles, thumbnails, documents), then the body editor's figure and
# note tools.
ADMIN_STYLESHEETS = ("css/admin.css", "css/admin-editor-tools.css")


def register_index_panel(name, template, context):
    """Show `template` on the admin's home page, above the list of apps, with the
    context `context(request)` returns (None: not shown); once per `name`."""
    PANELS[:] = [panel for panel in PANELS if panel.name != name]
    PANELS.append(IndexPanel(name, template, context))


def index_panels(request):
    """[(template, context)] of the panels `request.user` is shown, in registration order."""
    shown = []
    for panel in PANELS:
        context = panel.context(request)
        if context is not None:
            shown.append((panel.template, context))
    return shown


class SiteAdmin(admin.AdminSite):
    """Django's AdminSite, whose index also renders the registered panels
    (templates/admin/index.html), the list of apps kept below them, and which answers
    the language menu of its pages (Django's set_language; thinktank/admin_language.py)."""

    def get_urls(self):
        return [path("language", set_language, name="set_language"), *super().get_urls()]

    def index(self, request, extra_context=None):
        context = {"index_panels": index_panels(request), **(extra_context or {})}
        return super().index(request, context)
