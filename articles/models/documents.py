"""
A document attached to an article (the full report's PDF, a data appendix): its file is
kept on the private storage under a random name, and readers reach it only through
articles.views.documents, while the article is visible to them. See docs/documents.md.
"""

import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import translation
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from thinktank.documents import FORMATS, KINDS
from thinktank.languages import configured_languages
from thinktank.private_files import private_storage

from .article import Article
from .publishing import published_condition

# What a list of documents shows of each (not its text).
LISTED_DOCUMENT_FIELDS = ("article", "title", "language", "file", "kind", "size", "page_count")


def document_file_name(document, uploaded_name):
    """documents/<32 random hex digits><the extension of what the file really is>: the
    uploaded name (perhaps a person's) is not kept, and no name can be guessed."""
    return f"documents/{secrets.token_hex(16)}{FORMATS[document.kind].extension}"


class DocumentQuerySet(models.QuerySet):
    def published(self):
        """The documents of the articles readers may see (published_condition)."""
        return self.filter(published_condition("article__"))

    def for_listing(self):
        return self.only(*LISTED_DOCUMENT_FIELDS).order_by("position", "pk")


class Document(models.Model):
    article = models.ForeignKey(
        Article, verbose_name=_("article"), on_delete=models.CASCADE, related_name="documents"
    )
    title = models.CharField(
        _("title"), max_length=200, help_text=_("What readers see, e.g. “Full report”.")
    )
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=configured_languages,
        default=settings.LANGUAGE_CODE,
        help_text=_("The language the document is written in."),
    )
    file = models.FileField(
        _("file"), storage=private_storage, upload_to=document_file_name, max_length=200
    )
    # What the checks (thinktank.documents) found the file to be.
    kind = models.CharField(_("type"), max_length=10, choices=KINDS, editable=False)
    size = models.PositiveBigIntegerField(_("size"), default=0, editable=False)
    page_count = models.PositiveIntegerField(_("pages"), null=True, blank=True, editable=False)
    # A PDF's text (at most thinktank.documents.TEXT_LIMIT characters), searched with the
    # article below its body.
    text = models.TextField(blank=True, editable=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = DocumentQuerySet.as_manager()

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        indexes = [models.Index(fields=["article", "position"], name="document_in_order")]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """The document's address under its article's (which needs `article` loaded)."""
        with translation.override(self.article.language):
            return reverse(
                "articles:document",
                kwargs={"slug": self.article.slug, "pk": self.pk, "filename": self.filename},
            )

    @property
    def format(self):
        return FORMATS[self.kind]

    @property
    def filename(self):
        """The name a reader's download is saved under: the title's, and the extension."""
        return f"{slugify(self.title, allow_unicode=True) or 'document'}{self.format.extension}"

    def stable_url(self):
        """An address that outlives a new title or slug, for links in the body: in no
        language's prefix, it leads to the document's address in its article's."""
        with translation.override(settings.LANGUAGE_CODE):
            return reverse("articles:document-link", kwargs={"pk": self.pk})
