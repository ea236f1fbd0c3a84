"""
Translating in the admin: a translation's change page shows its source's text beside
each field a translator writes, read-only, in the source's language and direction, and
lists the texts of the body's figures still to translate in the image library. See
docs/multilingual.md ("Translating an article").
"""

from copy import deepcopy

from django import forms
from django.contrib import admin
from django.template.defaultfilters import linebreaksbr
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from articles.body import rendered_body
from articles.translation_services import TRANSLATED_FIELDS, is_untitled_translation
from library.selectors import figure_texts_to_translate
from thinktank.languages import is_rtl, local_name

SOURCE_TEMPLATE = "admin/articles/article/includes/translating_source.html"


class BesideSource(forms.Widget):
    """`widget`, with `text` (safe HTML: the source's value) shown read-only beside it,
    marked as being in `language`. Everything but the rendering is `widget`'s."""

    def __init__(self, widget, text, *, language, rich=False):
        self.widget = widget
        self.text = text
        self.language = language
        self.rich = rich
        self.is_required = widget.is_required
        self.is_localized = widget.is_localized
        self.attrs = widget.attrs

    def __deepcopy__(self, memo):
        copy = super().__deepcopy__(memo)
        copy.widget = deepcopy(self.widget, memo)
        copy.attrs = copy.widget.attrs
        return copy

    @property
    def media(self):
        return self.widget.media

    @property
    def is_hidden(self):
        return self.widget.is_hidden

    @property
    def needs_multipart_form(self):
        return self.widget.needs_multipart_form

    @property
    def use_fieldset(self):
        return self.widget.use_fieldset

    def use_required_attribute(self, initial):
        return self.widget.use_required_attribute(initial)

    def id_for_label(self, id_):
        return self.widget.id_for_label(id_)

    def value_from_datadict(self, data, files, name):
        return self.widget.value_from_datadict(data, files, name)

    def value_omitted_from_data(self, data, files, name):
        return self.widget.value_omitted_from_data(data, files, name)

    def format_value(self, value):
        return self.widget.format_value(value)

    def render(self, name, value, attrs=None, renderer=None):
        return render_to_string(
            SOURCE_TEMPLATE,
            {
                "field": self.widget.render(name, value, attrs, renderer),
                "text": self.text,
                "rich": self.rich,
                "language": self.language,
                "language_name": local_name(self.language),
                "direction": "rtl" if is_rtl(self.language) else "ltr",
            },
        )


def source_texts(source):
    """{field: the source's value as safe HTML} of the fields a translator writes: rich
    text rendered as its page shows it (figures from the library: one query), plain text
    escaped with its line breaks."""
    texts = {name: linebreaksbr(getattr(source, name)) for name in TRANSLATED_FIELDS}
    texts["body"] = rendered_body(source).html
    # Sanitized when it was saved, as the article page shows it.
    texts["footer_note"] = mark_safe(source.footer_note)  # noqa: S308
    return texts


RICH_FIELDS = ("body", "footer_note")


def translation_form(form, source, *, untitled):
    """`form` showing `source`'s text beside each translated field; the slug of a
    translation still `untitled` offered empty, so the title typed makes it."""
    texts = source_texts(source)

    class TranslationForm(form):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            for name, text in texts.items():
                if name in self.fields:
                    self.fields[name].widget = BesideSource(
                        self.fields[name].widget,
                        text,
                        language=source.language,
                        rich=name in RICH_FIELDS,
                    )
            if untitled and "slug" in self.fields:
                self.initial["slug"] = ""

    TranslationForm.__name__ = form.__name__
    return TranslationForm


class TranslatingAdminMixin:
    """An article admin's translation pages: the source beside the fields, the figures'
    texts still to translate (before the form, `includes/translating.html`)."""

    @property
    def media(self):
        return super().media + forms.Media(css={"all": ["css/admin-translating.css"]})

    def get_list_display(self, request):
        """The list's title column names an untitled translation ("Untitled (Arabic)"),
        so its link is never empty."""
        return [
            "title_or_untitled" if name == "title" else name
            for name in super().get_list_display(request)
        ]

    @admin.display(description=_("title"), ordering="title")
    def title_or_untitled(self, article):
        return str(article)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        if obj is None or obj.translation_source is None:
            return form
        return translation_form(form, obj.translation_source, untitled=is_untitled_translation(obj))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        article = self.get_object(request, object_id)
        if article is not None and article.translation_source is not None:
            source = article.translation_source
            extra_context = {
                **(extra_context or {}),
                "translating_source": source,
                "translating_source_direction": "rtl" if is_rtl(source.language) else "ltr",
                "figures_to_translate": figure_texts_to_translate(
                    [source.body, article.body], article.language
                ),
                "translating_language_name": local_name(article.language),
            }
        return super().change_view(request, object_id, form_url, extra_context)
