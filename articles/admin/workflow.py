"""The save bar of the article's change page, a mixin of ArticleAdmin: the workflow's
steps as buttons offered by role (articles/workflow.py), each taken through its service
(articles/services.py) with the revision note, and the checks before publish
(articles/publish_checks.py) beside them. See docs/editorial-workflow.md."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from articles import publish_checks, services, workflow
from articles.workflow import Action

DONE = {
    Action.SUBMIT: _("Submitted for review: the editors are told."),
    Action.PUBLISH: _("Published: readers see it now."),
    Action.SCHEDULE: _("Scheduled: readers see it from the time chosen."),
    Action.UNPUBLISH: _("Unpublished: readers no longer see it; it is a draft again."),
    Action.SEND_BACK: _("Sent back to the author as a draft, with your note."),
}

# The steps whose button opens the bar's dialog (a note, a time, a confirmation); a
# publishing step opens it too when a check before publish fails.
ASKS = {
    Action.SUBMIT: _("Add a note for the editors (optional), then submit."),
    Action.SCHEDULE: _("Choose when readers will see the article."),
    Action.UNPUBLISH: _("Readers will no longer see this article. Say why (optional)."),
    Action.SEND_BACK: _("Tell the author what to change (required)."),
}


class WorkflowAdminMixin:
    @property
    def media(self):
        return super().media + forms.Media(
            css={"all": ["css/admin-workflow.css"]}, js=["js/workflow.js"]
        )

    def take_workflow_step(self, request, form):
        """After the article and its relations were saved: the step its button asked for,
        which records the revision (a plain save records it with the note)."""
        article, user = form.instance, request.user
        step = form.workflow_step
        note = form.cleaned_data.get("change_note", "")
        if step == Action.SUBMIT:
            services.article_submit_for_review(article, user=user, note=note)
        elif step == Action.PUBLISH:
            services.article_publish(article, user=user, note=note)
        elif step == Action.SCHEDULE:
            services.article_schedule(
                article, form.cleaned_data["schedule_at"], user=user, note=note
            )
        elif step == Action.UNPUBLISH:
            services.article_unpublish(article, user=user, note=note)
        elif step == Action.SEND_BACK:
            services.article_send_back(article, user=user, note=note)
        else:
            services.article_record_revision(article, user=user, note=note)
        article.workflow_step_taken = step

    def tell_step_taken(self, request, obj):
        step = getattr(obj, "workflow_step_taken", Action.SAVE)
        if step in DONE:
            self.message_user(request, DONE[step], messages.SUCCESS)

    def response_add(self, request, obj, post_url_continue=None):
        self.tell_step_taken(request, obj)
        return super().response_add(request, obj, post_url_continue)

    def response_change(self, request, obj):
        self.tell_step_taken(request, obj)
        return super().response_change(request, obj)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        form = context["adminform"].form
        context["workflow"] = self.workflow_context(request, obj, form)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def workflow_context(self, request, article, form):
        """What the save bar shows: the state, the scheduled time, the buttons, the checks."""
        article = article or form._meta.model()
        user = request.user
        state = workflow.shown_state(article)
        problems = form.publish_problems  # of what was just submitted, if checked
        checked_now = problems is not None
        if problems is None and article.pk:
            problems = publish_checks.problems(publish_checks.Candidate.stored(article))
        scheduled = article.published_at if state == article.DisplayStatus.SCHEDULED else None
        return {
            "state": state,
            "state_label": state.label,
            "scheduled_at": scheduled,
            "scheduled_local": scheduled and timezone.localtime(scheduled),
            "time_zone": settings.TIME_ZONE,
            "proposing": workflow.proposes(user, article),
            "problems": problems,  # None: a new article, checked once saved
            "checked_now": checked_now,
            "actions": [
                {
                    "value": action.value,
                    "label": workflow.label(action, user, article),
                    "asks": ASKS.get(action, ""),
                    "publishing": action in workflow.PUBLISHING,
                    "note_required": action in workflow.NOTE_REQUIRED,
                }
                for action in workflow.actions_for(user, article)
            ],
        }
