"""Per-language values of a model's fields in one JSON column, read with a fallback to
the source text. See docs/translated-fields.md."""

from django.conf import settings
from django.db import models
from django.db.models import F, Value
from django.db.models.fields.json import KT
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from thinktank.html import SanitizedHTMLField, sanitize_html


def translation_languages():
    """The configured languages other than the source language, in settings order."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


class TranslationsField(models.JSONField):
    """{language: {field: value}}, tidied on save: known fields only, HTML sanitized."""

    def pre_save(self, model_instance, add):
        value = tidy_translations(model_instance, getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value


def tidy_translations(instance, translations):
    tidy = {}
    for language, values in (translations or {}).items():
        if not isinstance(values, dict):
            continue
        kept = {}
        for name, value in values.items():
            if name not in instance.translatable_fields or not isinstance(value, str):
                continue
            if isinstance(instance._meta.get_field(name), SanitizedHTMLField):
                value = sanitize_html(value)
            if value.strip():
                kept[name] = value.strip()
        if kept:
            tidy[language] = kept
    return dict(sorted(tidy.items()))


class TranslatedFields:
    """`instance.translated.<field>`: the field in one language, or the source text."""

    __slots__ = ("_instance", "_language")

    def __init__(self, instance, language):
        self._instance = instance
        self._language = language

    def __getattr__(self, name):
        if name not in self._instance.translatable_fields:
            raise AttributeError(name)
        return self._instance.get_translation(name, self._language)


class TranslatableModel(models.Model):
    translatable_fields: tuple[str, ...] = ()

    translations = TranslationsField(
        _("translations"),
        default=dict,
        blank=True,
        help_text=_("The text of the translatable fields in other languages."),
    )

    class Meta:
        abstract = True

    @property
    def translated(self):
        return TranslatedFields(self, get_language() or settings.LANGUAGE_CODE)

    def get_translation(self, name, language=None):
        language = language or get_language() or settings.LANGUAGE_CODE
        if language != settings.LANGUAGE_CODE:
            value = self._stored_translation(name, language)
            if value:
                return value
        return getattr(self, name)

    def own_text(self, name, language):
        """Field `name`'s text in `language` itself, stripped: "" when it has none there
        (no fallback to the source text)."""
        if language == settings.LANGUAGE_CODE:
            return (getattr(self, name) or "").strip()
        return self._stored_translation(name, language).strip()

    def _stored_translation(self, name, language):
        values = (self.translations or {}).get(language)
        value = values.get(name) if isinstance(values, dict) else None
        return value if isinstance(value, str) else ""


def translated_field(name, language):
    """Field `name` in `language` as a query expression, with get_translation's fallback."""
    if language == settings.LANGUAGE_CODE:
        return F(name)
    translated = NullIf(KT(f"translations__{language}__{name}"), Value(""))
    return Coalesce(translated, F(name), output_field=models.TextField())
