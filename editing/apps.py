from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EditingConfig(AppConfig):
    """Never losing an editor's work: autosaves and soft locks of any admin form.
    See docs/autosave.md."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "editing"
    verbose_name = _("Editing")
