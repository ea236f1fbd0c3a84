""" "Import from Word" in the article admin, a mixin of ArticleAdmin: a new draft from a
.docx, or a draft's body replaced, then the list of what could not come along.
See docs/word-import.md."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from articles import word_services
from articles.models import Article, PublicationType
from thinktank.concurrency import ConcurrentEditError
from thinktank.docx import DocxRefused, read_docx
from thinktank.languages import configured_languages

DOCX_TYPES = ".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# The session's last import report of each article (a reload shows it again).
SESSION_KEY = "word_import_reports"


class WordImportForm(forms.Form):
    document = forms.FileField(
        label=_("Word document (.docx)"),
        widget=forms.ClearableFileInput(attrs={"accept": DOCX_TYPES}),
    )

    def clean_document(self):
        upload = self.cleaned_data["document"]
        self.checked = read_docx(upload)  # DocxRefused is a ValidationError: a field error
        return upload


class NewDraftFromWordForm(WordImportForm):
    language = forms.ChoiceField(label=_("Language"), choices=configured_languages)
    publication_type = forms.ModelChoiceField(
        label=_("Publication type"), queryset=PublicationType.objects.all()
    )
    title = forms.CharField(
        label=_("Title"),
        max_length=300,
        required=False,
        help_text=_("Left empty: the document's title, or else its first heading."),
    )
    summary = forms.CharField(
        label=_("Summary"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Left empty: the start of the document's first paragraph."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = get_language()
        self.fields["publication_type"].initial = PublicationType.objects.values_list(
            "pk", flat=True
        ).first()


class ReplaceBodyFromWordForm(WordImportForm):
    loaded_version = forms.IntegerField(widget=forms.HiddenInput)


class WordImportAdminMixin:
    def get_urls(self):
        view = self.admin_site.admin_view
        urls = [
            path("import-word/", view(self.word_import_view), name="articles_article_word_import"),
            path(
                "<path:object_id>/import-word/",
                view(self.word_replace_view),
                name="articles_article_word_replace",
            ),
            path(
                "<path:object_id>/import-word/report/",
                view(self.word_report_view),
                name="articles_article_word_report",
            ),
        ]
        return urls + super().get_urls()

    def _word_page(self, request, context):
        return TemplateResponse(
            request,
            "admin/articles/article/word_import.html",
            {**self.admin_site.each_context(request), "opts": self.model._meta, **context},
        )

    def word_import_view(self, request):
        """GET: the form; POST: a new draft made of the uploaded document."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        form = NewDraftFromWordForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            try:
                result = word_services.article_import_from_word(
                    form.checked,
                    user=request.user,
                    language=form.cleaned_data["language"],
                    publication_type=form.cleaned_data["publication_type"],
                    file_name=form.cleaned_data["document"].name,
                    title=form.cleaned_data["title"],
                    summary=form.cleaned_data["summary"],
                )
            except DocxRefused as refusal:
                form.add_error("document", refusal)
            except PermissionDenied as refusal:
                form.add_error(None, str(refusal))
            else:
                return self._reported(request, result, form.cleaned_data["document"].name)
        return self._word_page(request, {"title": _("Import from Word"), "form": form})

    def word_replace_view(self, request, object_id):
        """GET: the form; POST: the article's body replaced by the uploaded document's
        (a public article's import is a proposed change)."""
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404
        if not self.has_change_permission(request, article):
            raise PermissionDenied
        form = ReplaceBodyFromWordForm(
            request.POST or None, request.FILES or None, initial={"loaded_version": article.version}
        )
        if request.method == "POST" and form.is_valid():
            article.version = form.cleaned_data["loaded_version"]
            try:
                result = word_services.article_replace_body_from_word(
                    article,
                    form.checked,
                    user=request.user,
                    file_name=form.cleaned_data["document"].name,
                )
            except DocxRefused as refusal:
                form.add_error("document", refusal)
            except PermissionDenied as refusal:
                form.add_error(None, str(refusal))
            except ConcurrentEditError:
                form.add_error(
                    None,
                    _(
                        "Someone else saved this article after you opened this page; "
                        "nothing was imported. Open the page again and import once more."
                    ),
                )
            else:
                return self._reported(request, result, form.cleaned_data["document"].name)
        return self._word_page(
            request,
            {
                "title": _("Replace the body from Word"),
                "form": form,
                "original": article,
                "is_public": article.status in (Article.Status.PUBLISHED, Article.Status.ARCHIVED),
            },
        )

    def _reported(self, request, result, file_name):
        reports = request.session.get(SESSION_KEY, {})
        reports[str(result.article.pk)] = {
            "file": file_name,
            "unsupported": [str(item) for item in result.unsupported],
            "messages": result.messages,
            "proposal": result.proposal.pk if result.proposal else None,
        }
        request.session[SESSION_KEY] = reports
        return HttpResponseRedirect(
            reverse("admin:articles_article_word_report", args=[result.article.pk])
        )

    def word_report_view(self, request, object_id):
        """What the last import into this article made, and what it could not keep."""
        article = self.get_object(request, object_id)
        if article is None:
            raise Http404
        if not self.has_view_or_change_permission(request, article):
            raise PermissionDenied
        report = request.session.get(SESSION_KEY, {}).get(str(article.pk))
        return self._word_page(
            request,
            {"title": _("Imported from Word"), "original": article, "report": report},
        )
