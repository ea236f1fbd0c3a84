"""An item's language and translation group, as WPML and Polylang put them in an export.

- Polylang: the item's `language` term (its slug is the code) and its
  `post_translations` term (all translations of a post share it; its description is
  the PHP-serialized {language: post id}, read here for a post whose language term is
  missing).
- WPML: WPML Export and Import's metas `_wpml_import_language_code` and
  `_wpml_import_translation_group`; older shapes: `wpml_language` / `_wpml_language`,
  a `language` category, and the original's id in `wpml_translation_of`,
  `_wpml_translation_of` or `_icl_lang_duplicate_of` (the original then heads the group:
  the first pass lists the ids that translations point at)."""

import re

from django.utils.translation import gettext as _

from interchange.wordpress.phpserial import unserialize_flat_array

LANGUAGE_METAS = ("_wpml_import_language_code", "wpml_language", "_wpml_language")
ORIGINAL_METAS = ("wpml_translation_of", "_wpml_translation_of", "_icl_lang_duplicate_of")
GROUP_META = "_wpml_import_translation_group"
_CODE = re.compile(r"^[A-Za-z]{2,3}")


def language_code(value):
    """The primary language of a locale or tag: "en_US" -> "en", "ar" -> "ar"; ""."""
    match = _CODE.match((value or "").strip())
    return match.group(0).lower() if match else ""


def original_of(item):
    """The id of the post `item` translates (WPML), else ""."""
    return next((item.meta[key].strip() for key in ORIGINAL_METAS if item.meta.get(key)), "")


class Translations:
    """Reads languages and groups; `originals` are the post ids WPML translations name."""

    def __init__(self, default_language, originals=frozenset()):
        self.default_language = default_language
        self.originals = originals
        self.post_languages = {}  # Polylang: post id -> language, from the groups' terms

    def read_term(self, term):
        """Learn from a `post_translations` term; returns a problem's message or ""."""
        if term.taxonomy != "post_translations":
            return ""
        try:
            members = unserialize_flat_array(term.description)
        except ValueError as error:
            message = _("Polylang's translation group %(slug)s cannot be read (%(error)s)")
            return message % {"slug": term.slug, "error": error}
        for language, post_id in members.items():
            if isinstance(language, str) and post_id is not None:
                self.post_languages[str(post_id)] = language_code(language)
        return ""

    def language(self, item):
        for taxonomy, slug, _name in item.terms:
            if taxonomy == "language" and language_code(slug):
                return language_code(slug)
        for key in LANGUAGE_METAS:
            if language_code(item.meta.get(key)):
                return language_code(item.meta[key])
        return self.post_languages.get(item.id) or self.default_language

    def group(self, item):
        """The translation group of `item` ("polylang-...", "wpml-..."), else ""."""
        for taxonomy, slug, _name in item.terms:
            if taxonomy == "post_translations" and slug:
                return f"polylang-{slug}"
        if item.meta.get(GROUP_META, "").strip():
            return f"wpml-group-{item.meta[GROUP_META].strip()}"
        original = original_of(item)
        if original:
            return f"wpml-{original}"
        return f"wpml-{item.id}" if item.id in self.originals else ""
