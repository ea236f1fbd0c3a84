"""
A TranslatableAdmin's per-language inputs as one tab per language, and every input
labelled with where the public site shows it. See docs/translated-fields.md.
"""

from django import forms
from django.conf import settings

from thinktank.languages import local_name
from thinktank.translation import translation_languages
from thinktank.translation_admin import translation_field_name

TAB_CLASS = "language-tab"


def language_tab_fieldset(language, fields):
    """One language's fieldset: a tab panel once static/js/language-tabs.js has run,
    a fieldset headed by the language's name without it."""
    return (
        local_name(language),
        {"classes": [TAB_CLASS, f"{TAB_CLASS}--{language}"], "fields": list(fields)},
    )


class LanguageTabsAdminMixin:
    """
    Put before TranslatableAdmin: the row-per-field fieldset of its side-by-side layout
    becomes one fieldset per language (the source first), which the page turns into
    WAI-ARIA tabs. `field_uses` maps a field name to where the public pages show it;
    that text is the help of the field and of its every translation.
    """

    translations_side_by_side = True
    field_uses = {}

    @property
    def media(self):
        tabs = forms.Media(css={"all": ["css/admin-langtabs.css"]}, js=["js/language-tabs.js"])
        return super().media + tabs

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        languages = [settings.LANGUAGE_CODE, *translation_languages()]
        translatable = set(self.model.translatable_fields)
        for name in {*self.field_uses, *translatable}:
            use = self.field_uses.get(name) or self.model._meta.get_field(name).help_text
            for language in languages if name in translatable else [settings.LANGUAGE_CODE]:
                field_name = name
                if language != settings.LANGUAGE_CODE:
                    field_name = translation_field_name(name, language)
                field = form.base_fields.get(field_name)
                if field is not None and use:
                    field.help_text = use
        return form

    def side_by_side_fieldsets(self, fieldsets):
        tabs = []
        for title, options in super().side_by_side_fieldsets(fieldsets):
            if "translations--side-by-side" not in options.get("classes", []):
                tabs.append((title, options))
                continue
            rows = options["fields"]
            sources = set(self.model.translatable_fields)
            tabs.append(
                language_tab_fieldset(
                    settings.LANGUAGE_CODE, (row[0] for row in rows if row[0] in sources)
                )
            )
            for language in translation_languages():
                suffix = translation_field_name("", language)
                tabs.append(
                    language_tab_fieldset(
                        language, (name for row in rows for name in row if name.endswith(suffix))
                    )
                )
        return tabs
