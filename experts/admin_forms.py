"""The expert form of the admin: the concurrent-edit check, translations included."""

from thinktank.concurrency import VersionCheckedForm, as_stored
from thinktank.translation import translation_languages
from thinktank.translation_admin import translation_field_name


class ExpertAdminForm(VersionCheckedForm):
    """Refuses a stale copy, naming the differing fields, translations included; the
    admin supplies Meta and the translation inputs."""

    def differing_fields(self, current):
        changed = super().differing_fields(current)
        stored = current.translations or {}
        opts = self._meta.model._meta
        for language in translation_languages():
            for name in self._meta.model.translatable_fields:
                field_name = translation_field_name(name, language)
                if field_name not in self.cleaned_data:
                    continue
                before = (stored.get(language) or {}).get(name, "")
                typed = as_stored(opts.get_field(name), self.cleaned_data[field_name] or "")
                if typed.strip() != before:
                    changed.append(str(self.fields[field_name].label))
        return changed
