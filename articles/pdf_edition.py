"""An article's PDF edition: made once per published version with WeasyPrint, kept on
the private storage, served by articles.views.pdf_edition. See docs/pdf-edition.md."""

import hashlib
import json
import unicodedata

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from articles import body, citations, links
from articles.models import ArticleImage, ArticleLink
from thinktank import private_files
from thinktank.languages import is_rtl
from thinktank.pdf import render_pdf

FOLDER = "pdf-editions"
CONTENT_TYPE = "application/pdf"


def folder_of(article_pk):
    return f"{FOLDER}/{article_pk}"


def edition_name(article, url):
    """Where the PDF of `article` (with its publication type and `byline`) as it is now,
    found at `url`, is kept: its id, its version (thinktank.concurrency.VersionedModel),
    which every save of the article changes, and a digest of what else the PDF shows
    that is not in its row (the authors' and the type's names, the site's, the address):
    a new name whenever what readers would see changes, found with no query."""
    language = article.language
    shown = [
        url,
        settings.SITE_NAME,
        article.publication_type.get_translation("name", language),
        [authorship.expert.get_translation("name", language) for authorship in article.byline],
    ]
    digest = hashlib.sha256(json.dumps(shown).encode()).hexdigest()[:12]
    return f"{folder_of(article.pk)}/{article.version}-{digest}.pdf"


def rendered_body(article):
    """The body as the page renders it (articles.body), and its notes: (html, notes).
    The one place the PDF reads the body from."""
    rendered = body.rendered_body(article)
    return rendered.html, rendered.notes


def edition_html(article, url):
    """The PDF's HTML (templates/articles/article_pdf.html) of `article` (with its
    publication type and `byline`), found at `url` (absolute), in its language."""
    with translation.override(article.language):
        html, notes = rendered_body(article)
        work = citations.work_for(article, url)
        # The address inside the citation stays left to right in a right-to-left line.
        citation = citations.chicago(work).replace(
            escape(url), format_html('<bdi dir="ltr">{}</bdi>', url)
        )
        return render_to_string(
            "articles/article_pdf.html",
            {
                "article": article,
                "body": html,
                "notes": notes,
                "citation": mark_safe(citation),  # noqa: S308 (escaped by citations.chicago)
                "url": url,
                "SITE_NAME": settings.SITE_NAME,
                "LANGUAGE_CODE": article.language,
                "direction": "rtl" if is_rtl(article.language) else "ltr",
            },
        )


def make_edition(article, url):
    """The PDF of `article` (bytes)."""
    return render_pdf(edition_html(article, url))


def ensure_edition(article, url):
    """The name of the kept PDF of `article` as it is now, made and stored first if
    there is none; older versions' files are removed. Two requests at the same moment
    may both make it: each stores it whole under the same name (one file)."""
    name = edition_name(article, url)
    storage = private_files.private_storage()
    if not storage.exists(name):
        private_files.save_whole(name, make_edition(article, url), storage=storage)
        private_files.delete_folder(folder_of(article.pk), keep={name}, storage=storage)
    return name


def discard_editions(article_pk):
    """Remove every kept PDF of the article (unpublished, or changed: the next request
    makes the new one). Returns the names removed."""
    return private_files.delete_folder(folder_of(article_pk))


def discard_editions_showing(image_pk):
    """Once the transaction commits, remove the kept PDFs of the articles whose body
    shows the library image `image_pk`: a new file, alt text, caption or credit is not
    in the article's row, so its version does not change."""
    article_pks = list(
        ArticleImage.objects.filter(image_id=image_pk).values_list("article_id", flat=True)
    )
    if article_pks:
        transaction.on_commit(lambda: [discard_editions(pk) for pk in article_pks])


def library_image_changed(sender, instance, raw=False, **kwargs):
    """post_save of library.Image (connected in articles.apps)."""
    if not raw:
        discard_editions_showing(instance.pk)


def discard_editions_linking(kind, pk):
    """Once the transaction commits, remove the kept PDFs of the articles whose body links
    to the target `kind` `pk` (docs/internal-links.md): its address or its being public
    shows in their PDFs, not in their rows."""
    article_pks = list(
        ArticleLink.objects.filter(kind=kind, target_id=pk).values_list("article_id", flat=True)
    )
    if article_pks:
        transaction.on_commit(lambda: [discard_editions(pk) for pk in article_pks])


# What a link in a PDF shows of its target: its address and whether readers may open it.
LINKED_FIELDS = frozenset({"slug", "language", "status", "published_at", "kind"})


def link_target_changed(sender, instance, raw=False, update_fields=None, **kwargs):
    """post_save and post_delete of the kinds a body links to (connected in articles.apps:
    `sender` is the model of one of articles.links.KINDS). A save of named fields none of
    which a link shows (a preview secret, a translation's "seen" time) changes no PDF."""
    if raw or (update_fields is not None and not LINKED_FIELDS & set(update_fields)):
        return
    discard_editions_linking(links.KIND_OF[sender], instance.pk)


def edition_size(article, url):
    """The size in bytes of the kept PDF of the article as it is now, or None."""
    return private_files.size_of(edition_name(article, url))


def download_name(article):
    """A readable file name: the title in the article's language, ".pdf"."""
    title = "".join(
        " " if unicodedata.category(char) == "Cc" or char in '/\\:*?"<>|' else char
        for char in article.title
    )
    title = " ".join(title.split())[:150].strip(" .")
    return f"{title or article.slug}.pdf"
