"""
The slug proposed as the title is typed, in the admin: a JSON endpoint of each admin
that answers with the server's own slug (thinktank.transliteration, Arabic and Persian
transliterated), and a slug input that asks it (static/js/slug-proposal.js) on a new
object only, and on a saved one says that the old address will redirect when the slug
is changed. See docs/slugs-in-the-admin.md.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from thinktank.transliteration import slugify_title

# Titles longer than this are cut before transliterating: a slug is never that long.
MAX_TITLE = 1000


def numbered_free_slug(title, *, is_taken, max_length):
    """The slug of `title`, with "-2", "-3"... while `is_taken(slug)`; "" for a title
    without a letter or digit."""
    base = slugify_title(title, max_length=max_length - 4)
    if not base:
        return ""
    candidate, number = base, 1
    while is_taken(candidate):
        number += 1
        candidate = f"{base}-{number}"
    return candidate


class SlugInput(forms.TextInput):
    """A slug input that knows where to ask for a proposal (on a new object) and, on a
    saved one with a public address, shows that the old address will redirect."""

    def __init__(self, *, proposal_url, source_id, language_id="", old_address="", attrs=None):
        super().__init__(attrs)
        self.proposal_url = proposal_url
        self.source_id = source_id
        self.language_id = language_id
        self.old_address = old_address

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        widget_attrs = context["widget"]["attrs"]
        widget_attrs.update({"lang": "en", "dir": "ltr", "spellcheck": "false"})
        if self.proposal_url:
            widget_attrs["data-slug-url"] = self.proposal_url
            widget_attrs["data-slug-source"] = self.source_id
            if self.language_id:
                widget_attrs["data-slug-language"] = self.language_id
        if self.old_address:
            widget_attrs["data-slug-old"] = value or ""
        return context

    def render(self, name, value, attrs=None, renderer=None):
        html = super().render(name, value, attrs, renderer)
        if not self.old_address:
            return html
        notice_id = f"{(attrs or {}).get('id', name)}_notice"
        return format_html(
            '{}<p class="slug-notice" id="{}" role="status" hidden data-slug-notice>{}</p>',
            html,
            notice_id,
            format_html(
                _("The old address {} will redirect to the new one."),
                format_html('<code dir="ltr">{}</code>', self.old_address),
            ),
        )


class SlugProposalAdminMixin:
    """
    Put before the ModelAdmin: `slug_source` (the field typed first, "name" or "title")
    proposes the slug through `<admin>/slug-proposal/?title=`. A model admin may
    override `slug_is_taken` (one namespace for several models), `slug_language_field`
    (the slug is free per language) and `old_address` (the public address a rename
    redirects from, on a saved object).
    """

    slug_source = "name"
    slug_language_field = ""

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}_slug_proposal"
        view = self.admin_site.admin_view(self.slug_proposal_view)
        return [path("slug-proposal/", view, name=name), *super().get_urls()]

    def slug_proposal_view(self, request):
        """GET ?title=…[&language=…]: {"slug": the server's slug for it, free}."""
        if not (self.has_add_permission(request) or self.has_change_permission(request)):
            raise PermissionDenied
        title = request.GET.get("title", "")[:MAX_TITLE]
        language = request.GET.get("language", "")
        max_length = self.model._meta.get_field("slug").max_length
        slug = numbered_free_slug(
            title,
            is_taken=lambda slug: self.slug_is_taken(slug, language=language),
            max_length=max_length,
        )
        return JsonResponse({"slug": slug})

    def slug_is_taken(self, slug, *, language=""):
        return self.model._default_manager.filter(slug=slug).exists()

    def old_address(self, obj):
        """The public address of saved `obj` that a slug change redirects from, or ""."""
        return ""

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # On the form as shown (an admin's get_form may subclass the form class, which
        # makes its fields again).
        field = context["adminform"].form.fields.get("slug")
        if field is not None:
            url_name = f"{self.admin_site.name}:{self.opts.app_label}_{self.opts.model_name}"
            field.widget = SlugInput(
                proposal_url="" if obj else reverse(f"{url_name}_slug_proposal"),
                source_id=f"id_{self.slug_source}",
                language_id=f"id_{self.slug_language_field}" if self.slug_language_field else "",
                old_address=self.old_address(obj) if obj else "",
                attrs=field.widget.attrs,
            )
        return super().render_change_form(request, context, add, change, form_url, obj)

    @property
    def media(self):
        proposal = forms.Media(css={"all": ["css/admin-langtabs.css"]}, js=["js/slug-proposal.js"])
        return super().media + proposal
