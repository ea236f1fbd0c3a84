"""Drafts from Word: a checked .docx (thinktank.docx) made a new draft article, or a
draft's new body, through the editorial services. See docs/word-import.md."""

from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from articles import proposals, services
from articles.models import Article
from articles.permissions import ADD_ARTICLE, CHANGE_ARTICLE
from library.services import image_create
from thinktank.permissions import require
from thinktank.word import ImageNotImported, convert

SUMMARY_LENGTH = 300
# The formats of Word's images that pages show (others, such as EMF, are listed).
IMAGE_EXTENSIONS = {
    "image/png": "png",
    "image/jpeg": "jpg",
    "image/gif": "gif",
    "image/webp": "webp",
}


@dataclass
class WordImport:
    """What an import made (the article, or the proposed change of a public one) and
    what of the document it could not keep."""

    article: Article
    unsupported: list
    messages: list
    proposal: object = None


def library_images(user, *, language, file_name):
    """The image handler of an import by `user`: each image of the document made a
    library image (its alt text in the article's `language`), its id returned. The one
    place images of Word documents are handled."""

    def handle(image):
        alt_text = " ".join(image.alt_text.split())[:500]
        if not alt_text:
            raise ImageNotImported(
                _("it has no alt text: describe it in Word (Edit Alt Text) and import again")
            )
        extension = IMAGE_EXTENSIONS.get(image.content_type)
        if extension is None:
            raise ImageNotImported(
                _("its format (%(type)s) is not one pages show: save it as PNG or JPEG")
                % {"type": image.content_type or "?"}
            )
        title = _("%(file)s, image %(number)d") % {"file": file_name, "number": image.number}
        fields = {"title": title[:200], "alt_text": alt_text}
        if language != settings.LANGUAGE_CODE:
            fields["translations"] = {language: dict(fields)}
        upload = SimpleUploadedFile(
            f"word-{image.number}.{extension}", image.data, image.content_type
        )
        try:
            with transaction.atomic():  # a refused image leaves the import's transaction usable
                return image_create(user=user, file=upload, **fields).pk
        except ValidationError as error:
            raise ImageNotImported("; ".join(error.messages)) from error
        except PermissionDenied as error:
            raise ImageNotImported(_("you may not add images to the library")) from error

    return handle


def _summary(body_text):
    return Truncator(" ".join(body_text.split())).chars(SUMMARY_LENGTH)


@transaction.atomic
def article_import_from_word(
    document, *, user, language, publication_type, file_name, title="", summary=""
):
    """A new draft made of `document` (a checked Docx): its title from the form, else
    the document's; its summary from the form, else the start of its text."""
    require(user, ADD_ARTICLE)
    conversion = convert(
        document, images=library_images(user, language=language, file_name=file_name)
    )
    article = Article(
        title=(title or conversion.title or file_name.rsplit(".", 1)[0])[:300],
        language=language,
        publication_type=publication_type,
        summary=summary or _summary(conversion.lead) or conversion.title or file_name,
        body=conversion.body,
        status=Article.Status.DRAFT,
    )
    services.article_save(article, user=user)
    services.article_record_revision(
        article, user=user, note=_("Imported from Word: %(name)s") % {"name": file_name}
    )
    return WordImport(article, conversion.unsupported, conversion.messages)


@transaction.atomic
def article_replace_body_from_word(article, document, *, user, file_name):
    """`article`'s body replaced by `document`'s (a checked Docx). A draft (or one in
    review) is saved, version-checked; a published or archived article is not changed:
    the import is kept as a proposed change, for an editor to review and publish."""
    require(user, CHANGE_ARTICLE)
    images = library_images(user, language=article.language, file_name=file_name)
    conversion = convert(document, images=images)
    article.body = conversion.body
    note = _("Body imported from Word: %(name)s") % {"name": file_name}
    stored = Article.objects.filter(pk=article.pk).values_list("status", flat=True).first()
    if stored in services.REVIEWED_STATUSES:
        proposal = proposals.article_propose(article, user=user, note=note)
        return WordImport(article, conversion.unsupported, conversion.messages, proposal)
    services.article_save(article, user=user)
    services.article_record_revision(article, user=user, note=note)
    return WordImport(article, conversion.unsupported, conversion.messages)
