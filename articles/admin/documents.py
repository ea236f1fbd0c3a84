"""
An article's documents in its admin page: an inline to upload them with a title, a
language and an order, checked in the form (thinktank.documents) and saved through
articles.document_services by ArticleAdmin.save_formset. It is read-only for whoever
may only propose changes of the article.
"""

from django import forms
from django.contrib import admin
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from articles import document_services
from articles.models import Document
from articles.permissions import ADD_ARTICLE, CHANGE_ARTICLE, VIEW_ARTICLE
from thinktank.documents import check_document


class DocumentForm(forms.ModelForm):
    class Meta:
        model = Document
        fields = ["title", "language", "file", "position"]
        widgets = {"file": forms.FileInput}  # no link to the file's storage address

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            check_document(file)  # kept on the file: the service does not read it again
        return file


class DocumentInline(admin.TabularInline):
    model = Document
    form = DocumentForm
    extra = 0
    fields = ["title", "language", "file", "position", "found", "link_address"]
    readonly_fields = ["found", "link_address"]
    view_on_site = False  # a draft's file has no public address: "found" links to it
    verbose_name = _("document")
    verbose_name_plural = _("documents (PDF, spreadsheets, Word), downloaded from the page")

    def get_queryset(self, request):
        return super().get_queryset(request).defer("text")  # up to 100,000 characters each

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm(VIEW_ARTICLE) or request.user.has_perm(CHANGE_ARTICLE)

    def has_add_permission(self, request, obj=None):
        if obj is None:  # a new article
            return request.user.has_perm(ADD_ARTICLE)
        return document_services.may_change_documents(obj, user=request.user)

    def has_change_permission(self, request, obj=None):
        return self.has_add_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self.has_add_permission(request, obj)

    @admin.display(description=_("type, size, pages"))
    def found(self, document):
        if not document.pk:
            return "—"
        parts = [document.format.label, filesizeformat(document.size)]
        if document.page_count:
            count = document.page_count
            parts.append(ngettext("%(number)s page", "%(number)s pages", count) % {"number": count})
        link = reverse(
            "article-document-preview",
            kwargs={"pk": document.article_id, "document": document.pk},
        )
        return format_html('<a href="{}">{}</a>', link, ", ".join(parts))

    @admin.display(description=_("address for links in the body"))
    def link_address(self, document):
        if not document.pk:
            return _("shown once saved")
        return format_html("<code>{}</code>", document.stable_url())


def save_documents(request, formset):
    """The inline's changes, each through the services with the article's permissions."""
    formset.save(commit=False)
    for document in formset.deleted_objects:
        document_services.document_delete(document, user=request.user)
    for document in [*formset.new_objects, *(item for item, _fields in formset.changed_objects)]:
        document_services.document_save(document, user=request.user)
