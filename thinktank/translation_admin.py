"""
Editing a TranslatableModel's per-language values in the admin.

Each translatable field gets one input per language, grouped in a fieldset per
language, right-to-left where the language is, so staff edit "Name", "Name
(العربية)" and "Name (فارسی)" on one form.
"""

from django.contrib import admin

from thinktank.languages import is_rtl, local_name
from thinktank.translation import translation_languages


def translation_field_name(name, language):
    return f"{name}__{language}"


class TranslationsFormMixin:
    """A ModelForm mixin: the `name__ar` style inputs are read into `instance.translations`."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        translations = self.instance.translations or {}
        for language in translation_languages():
            for name in self._meta.model.translatable_fields:
                field_name = translation_field_name(name, language)
                if field_name in self.fields:
                    value = translations.get(language, {}).get(name, "")
                    self.fields[field_name].initial = value

    def _post_clean(self):
        translations = dict(self.instance.translations or {})
        for language in translation_languages():
            values = dict(translations.get(language, {}))
            for name in self._meta.model.translatable_fields:
                field_name = translation_field_name(name, language)
                if field_name in self.cleaned_data:
                    values[name] = self.cleaned_data[field_name] or ""
            translations[language] = values
        self.instance.translations = translations
        super()._post_clean()


def translations_form(base_form, model):
    """`base_form` with one declared input per translatable field and language."""
    attrs = {}
    for language in translation_languages():
        direction = "rtl" if is_rtl(language) else "ltr"
        for name in model.translatable_fields:
            model_field = model._meta.get_field(name)
            form_field = model_field.formfield()
            form_field.required = False
            form_field.label = f"{model_field.verbose_name} ({local_name(language)})"
            form_field.help_text = ""
            form_field.widget.attrs.update({"lang": language, "dir": direction})
            attrs[translation_field_name(name, language)] = form_field
    bases = (TranslationsFormMixin, base_form)
    return type(f"{model.__name__}TranslationsForm", bases, attrs)


class TranslatableAdmin(admin.ModelAdmin):
    """A ModelAdmin for a TranslatableModel: a fieldset of inputs for each language."""

    exclude = ["translations"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = translations_form(self.form, self.model)
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fieldsets(self, request, obj=None):
        translated = {
            translation_field_name(name, language)
            for language in translation_languages()
            for name in self.model.translatable_fields
        }
        base = [
            (title, {**options, "fields": [f for f in options["fields"] if f not in translated]})
            for title, options in super().get_fieldsets(request, obj)
        ]
        per_language = [
            (
                local_name(language),
                {
                    "classes": ["translations", f"translations--{language}"],
                    "fields": [
                        translation_field_name(name, language)
                        for name in self.model.translatable_fields
                    ],
                },
            )
            for language in translation_languages()
        ]
        return [*base, *per_language]
