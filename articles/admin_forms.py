"""The article form of the admin: workflow rules and the concurrent-edit check."""

from django import forms
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from articles import publish_checks, workflow
from articles.choosers import TagChooserField
from articles.link_editor import link_tool
from articles.models import Article
from articles.workflow import NOTE_REQUIRED, PUBLISHING, Action
from library.editor import figure_tool
from thinktank.concurrency import VersionCheckedForm
from thinktank.html import rich_text_widget
from thinktank.languages import configured_languages, is_rtl


class WorkflowStepForm(forms.Form):
    """The save bar's fields (articles/admin/workflow.py): which button was pressed, the
    time to schedule for, and the confirmation to publish despite failing checks. The
    button is checked against the steps the user may take (a crafted POST is refused),
    the time must be ahead, and a publishing step with failing checks needs
    `publish_anyway`."""

    # Not the article's content: the side-by-side of a refused save leaves them out.
    not_content_fields = ("workflow_action", "schedule_at", "publish_anyway")

    workflow_action = forms.ChoiceField(
        label=gettext_lazy("Step"), choices=Action.choices, required=False
    )
    schedule_at = forms.DateTimeField(
        label=gettext_lazy("Publish at"),
        required=False,
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )
    publish_anyway = forms.BooleanField(
        label=gettext_lazy("Publish anyway, despite the problems listed"), required=False
    )

    user = None  # set by the admin for each request
    publish_problems = None  # set when a publishing step was checked

    def set_schedule_label(self):
        self.fields["schedule_at"].help_text = _(
            "In the site's time zone, %(zone)s. Readers see the article from this time on."
        ) % {"zone": settings.TIME_ZONE}

    @property
    def workflow_step(self):
        """The step the pressed button asks for (a plain save without one)."""
        return (getattr(self, "cleaned_data", None) or {}).get("workflow_action") or Action.SAVE

    def clean_workflow_step(self, cleaned):
        step = cleaned.get("workflow_action") or Action.SAVE
        # Enforced here, not only left out of the bar: a crafted POST is refused too.
        if self.user is not None and step not in workflow.actions_for(self.user, self.instance):
            self.add_error("workflow_action", may_not_take_this_step())
            return
        if step == Action.SCHEDULE:
            at = cleaned.get("schedule_at")
            if at is None and "schedule_at" not in self.errors:
                self.add_error("schedule_at", _("Choose the date and time to publish at."))
            elif at is not None and at <= timezone.now():
                self.add_error(
                    "schedule_at",
                    _("This time has passed: choose a time in the future, or publish now."),
                )
        if step in NOTE_REQUIRED and not cleaned.get("change_note", "").strip():
            self.add_error(
                "change_note", _("Say what the author should change: a note is required.")
            )

    def _post_clean(self):
        super()._post_clean()  # the instance now holds the submitted fields
        if self.workflow_step not in PUBLISHING or self.errors:
            return
        topics = self.cleaned_data.get("topics")
        candidate = publish_checks.Candidate(
            self.instance,
            [topic.pk for topic in topics] if topics is not None else [],
        )
        if topics is None:  # the form has no topics field: the stored ones
            candidate = publish_checks.Candidate.stored(self.instance)
        self.publish_problems = publish_checks.problems(candidate)
        if self.publish_problems and not self.cleaned_data.get("publish_anyway"):
            self.add_error(
                "publish_anyway",
                _(
                    "The checks before publish found problems (listed beside the buttons). "
                    "Fix them, or tick “Publish anyway” to publish regardless."
                ),
            )


def may_not_take_this_step():
    return _("You may not take this step with this article in its present state.")


class ArticleAdminForm(WorkflowStepForm, VersionCheckedForm):
    """
    The admin supplies Meta (model and fields from its fieldsets). A stale copy is
    refused (VersionCheckedForm: the `loaded_version` field). The workflow's buttons:
    WorkflowStepForm.
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
        if "footer_note" in self.fields:
            self.fields["footer_note"].widget = rich_text_widget()
        if "body" in self.fields:  # a body has notes and may show library figures
            language = self.data.get(self.add_prefix("language")) or self.instance.language
            self.fields["body"].widget = rich_text_widget(
                notes=True, extensions={**figure_tool(language), **link_tool(language)}
            )
        if "tags" in self.fields:
            self.fields["tags"] = TagChooserField()
        self.set_text_direction()
        self.set_schedule_label()

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

    def clean(self):
        cleaned = super().clean()
        self.clean_workflow_step(cleaned)
        return cleaned
