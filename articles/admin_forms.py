"""The article form of the admin: workflow rules and the concurrent-edit check."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles import services
from articles.choosers import TagChooserField
from articles.models import Article
from articles.permissions import may_not_publish
from library.editor import figure_tool
from thinktank.concurrency import VersionCheckedForm
from thinktank.html import rich_text_widget
from thinktank.languages import configured_languages, is_rtl


class ArticleAdminForm(VersionCheckedForm):
    """
    The admin supplies Meta (model and fields from its fieldsets). A stale copy is
    refused (VersionCheckedForm: the `loaded_version` field, in the Publishing fieldset).
    """

    change_note = forms.CharField(
        label=gettext_lazy("Note on this change"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "Optional: what you changed and why. It is kept with the revision, and an "
            "editor reads it with a change you propose."
        ),
    )

    user = None  # set by the admin for each request

    conflict_text = gettext_lazy(
        "Someone else saved this article after you opened it, so your changes were "
        "not saved. Your text is still in the form below. Fields that differ from the "
        "saved version: %(fields)s. Open the article again in another tab to see their "
        "version, then bring your changes over."
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "status" in self.fields and self.user is not None:
            current = self.instance.status if self.instance.pk else Article.Status.DRAFT
            self.fields["status"].choices = [
                (value, label)
                for value, label in self.fields["status"].choices
                if services.may_set_status(self.user, current, value)
            ]

        if "footer_note" in self.fields:
            self.fields["footer_note"].widget = rich_text_widget()
        if "body" in self.fields:  # a body has notes and may show library figures
            language = self.data.get(self.add_prefix("language")) or self.instance.language
            self.fields["body"].widget = rich_text_widget(
                notes=True, extensions=figure_tool(language)
            )
        if "tags" in self.fields:
            self.fields["tags"] = TagChooserField()
        self.set_text_direction()
        if "published_at" in self.fields:
            self.fields["published_at"].help_text = _(
                "Readers see a published article from this time on; a time ahead schedules "
                "it. Times are in %(zone)s."
            ) % {"zone": settings.TIME_ZONE}

    # Fields written in the article's own language.
    OWN_LANGUAGE_FIELDS = (*Article.TEXT_FIELDS, "hero_image_alt", "outlet_name")

    def set_text_direction(self):
        """Arabic or Persian content is typed right to left, even in an English admin."""
        language = self.data.get(self.add_prefix("language")) or self.instance.language
        if language not in dict(configured_languages()):
            return
        direction = "rtl" if is_rtl(language) else "ltr"
        for name in self.OWN_LANGUAGE_FIELDS:
            if name in self.fields:
                self.fields[name].widget.attrs.update({"lang": language, "dir": direction})

    def clean_status(self):
        status = self.cleaned_data["status"]
        current = self.instance.status if self.instance.pk else Article.Status.DRAFT
        # Enforced here, not only hidden in the menu: a crafted POST is refused too.
        if self.user is not None and not services.may_set_status(self.user, current, status):
            raise forms.ValidationError(may_not_publish())
        return status
