"""
A Word document's images, imported into the image library (articles/word_services.py,
library_images): each becomes a library image with its alt text (in the article's
language) and a figure of the body; one that cannot be is listed, never silently lost,
and the rest of the import stands.
"""

import io

import docx as python_docx
import pytest

from articles.models import Article
from articles.word_services import article_import_from_word, library_images
from library.models import Image
from tests.helpers import word
from tests.helpers.factories import make_publication_type
from thinktank.docx import read_docx
from thinktank.word import ImageNotImported, WordImage

pytestmark = pytest.mark.django_db


def imported(user, data, language="en"):
    return article_import_from_word(
        read_docx(io.BytesIO(data)),
        user=user,
        language=language,
        publication_type=make_publication_type(),
        file_name="report.docx",
    )


@pytest.mark.parametrize("role", ["editor", "contributor"])
def test_each_image_is_a_library_image_and_a_figure(request, role):
    user = request.getfixturevalue(role)
    result = imported(user, word.report())
    image = Image.objects.get()
    assert image.alt_text == "A bar chart of tonnage by port"
    assert image.title == "report.docx, image 1"
    assert image.created_by == user
    assert (
        f'<figure data-image="{image.pk}" data-size="full"><figcaption>Figure 1: Tonnage by '
        "port</figcaption></figure>"
    ) in result.article.body
    assert result.unsupported == []


def test_an_arabic_documents_alt_text_is_the_arabic_one(contributor):
    document = python_docx.Document()
    document.add_paragraph("نص.")
    word.add_image(document, "رسم بياني للحمولة")
    imported(contributor, word.docx_bytes(document), language="ar")
    image = Image.objects.get()
    assert image.get_translation("alt_text", "ar") == "رسم بياني للحمولة"


def test_an_image_without_alt_text_is_listed(contributor):
    document = python_docx.Document()
    document.add_paragraph("Text.")
    word.add_image(document, "")
    result = imported(contributor, word.docx_bytes(document))
    assert not Image.objects.exists()
    assert "<figure" not in result.article.body
    assert any("no alt text" in line for line in result.unsupported)


def image(content_type="image/png", data=b"", alt="A chart"):
    return WordImage(1, content_type, alt, data)


def test_a_format_pages_do_not_show_is_listed(contributor):
    handle = library_images(contributor, language="en", file_name="r.docx")
    with pytest.raises(ImageNotImported, match="image/x-emf"):
        handle(image("image/x-emf", b"\x01\x00\x00\x00"))
    assert not Image.objects.exists()


def test_a_broken_image_is_listed_and_the_import_stands(contributor):
    handle = library_images(contributor, language="en", file_name="r.docx")
    with pytest.raises(ImageNotImported) as refused:
        handle(image(data=b"\x89PNG\r\n\x1a\nnot really"))
    assert str(refused.value)
    assert not Image.objects.exists()
    assert Article.objects.count() == 0  # the transaction is still usable
