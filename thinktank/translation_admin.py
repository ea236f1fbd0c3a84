"""A TranslatableModel's per-language inputs in the admin. See docs/translated-fields.md."""

from django.conf import settings
from django.contrib import admin
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from thinktank.html import SanitizedHTMLField, rich_text_widget
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
            rich = isinstance(model_field, SanitizedHTMLField)
            form_field = model_field.formfield(**({"widget": rich_text_widget()} if rich else {}))
            form_field.required = False
            form_field.label = f"{capfirst(model_field.verbose_name)} ({local_name(language)})"
            form_field.help_text = ""
            form_field.widget.attrs.update({"lang": language, "dir": direction})
            attrs[translation_field_name(name, language)] = form_field
    bases = (TranslationsFormMixin, base_form)
    return type(f"{model.__name__}TranslationsForm", bases, attrs)


def _names(line):
    """The field names of one line of a fieldset: a name, or a tuple shown side by side."""
    return tuple(line) if isinstance(line, list | tuple) else (line,)


class TranslatableAdmin(admin.ModelAdmin):
    """
    A ModelAdmin for a TranslatableModel: a fieldset of inputs for each language, or,
    with `translations_side_by_side`, one fieldset (`translations_fieldset_title`)
    with a row per translatable field: its input in the source language and one per
    translation beside it. The source fields then leave their own fieldsets, and the
    fieldset takes the place of the first one that held one.
    """

    formfield_overrides = {SanitizedHTMLField: {"widget": rich_text_widget()}}

    exclude = ["translations"]
    translations_side_by_side = False
    translations_fieldset_title = _("In each language")

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = translations_form(self.form, self.model)
        form = super().get_form(request, obj, change=change, **kwargs)
        if self.translations_side_by_side:
            # In a row beside its translations, the source input says its language too.
            source = settings.LANGUAGE_CODE
            for name in self.model.translatable_fields:
                field = form.base_fields.get(name)
                if field is not None:
                    label = field.label or self.model._meta.get_field(name).verbose_name
                    field.label = f"{capfirst(label)} ({local_name(source)})"
                    field.widget.attrs.setdefault("lang", source)
                    field.widget.attrs.setdefault("dir", "rtl" if is_rtl(source) else "ltr")
        return form

    def translated_field_names(self):
        return {
            translation_field_name(name, language)
            for language in translation_languages()
            for name in self.model.translatable_fields
        }

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.translations_side_by_side:
            return self.side_by_side_fieldsets(fieldsets)
        translated = self.translated_field_names()
        base = [
            (title, {**options, "fields": [f for f in options["fields"] if f not in translated]})
            for title, options in fieldsets
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

    def side_by_side_fieldsets(self, fieldsets):
        sources = set(self.model.translatable_fields)
        left_out = sources | self.translated_field_names()
        shown = set()  # the source fields the admin's fieldsets show
        base, position = [], None
        for title, options in fieldsets:
            lines = []
            for line in options["fields"]:
                names = _names(line)
                kept = tuple(name for name in names if name not in left_out)
                shown.update(name for name in names if name in sources)
                if len(kept) < len(names) and position is None:
                    position = len(base)
                if kept:
                    lines.append(kept if isinstance(line, list | tuple) else kept[0])
            if lines:
                base.append((title, {**options, "fields": lines}))
        rows = [
            (
                *([name] if name in shown else []),
                *(translation_field_name(name, language) for language in translation_languages()),
            )
            for name in self.model.translatable_fields
        ]
        side_by_side = (
            self.translations_fieldset_title,
            {"classes": ["translations", "translations--side-by-side"], "fields": rows},
        )
        position = len(base) if position is None else position
        return [*base[:position], side_by_side, *base[position:]]
