"""
"Import from Word" in the article admin (articles/admin/word_import.py) and its services
(articles/word_services.py): a .docx becomes a new draft, or a draft's new body, through
the editorial services (permissions, revisions, the version check); a public article's
import is a proposed change; what is not imported is listed after the import; a broken
or hostile file gets its message in the form, never a 500.
"""

import docx as python_docx
import pytest
from django.contrib.admin import site
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

from articles.admin.word_import import SESSION_KEY
from articles.models import Article, ArticleRevision
from tests.helpers import word
from tests.helpers.contributing import PUBLIC_STATES, article_in, stored
from tests.helpers.factories import make_publication_type

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/articles/article/import-word/"


def replace_url(article):
    return f"/admin/articles/article/{article.pk}/import-word/"


def report_url(article):
    return f"/admin/articles/article/{article.pk}/import-word/report/"


def upload(data, name="report.docx"):
    return SimpleUploadedFile(name, data, "application/octet-stream")


@pytest.fixture(scope="module")
def report_docx():
    return word.report()


def new_draft(client, data, **fields):
    publication_type = fields.pop("publication_type", None) or make_publication_type()
    return client.post(
        IMPORT_URL,
        {
            "document": upload(data),
            "language": "en",
            "publication_type": publication_type.pk,
            "title": "",
            "summary": "",
            **fields,
        },
    )


@pytest.mark.parametrize("role", ["editor", "contributor"])
def test_a_new_draft_from_word(client, request, report_docx, role):
    user = request.getfixturevalue(role)
    client.force_login(user)

    response = new_draft(client, report_docx)

    article = Article.objects.get()
    assert response.status_code == 302
    assert response["Location"] == report_url(article)
    assert (article.status, article.title, article.language) == ("draft", "Ports and Power", "en")
    assert article.slug == "ports-and-power"
    assert article.summary == "Trade runs through ports and straits."
    assert "<h2>Introduction</h2>" in article.body
    assert '<span data-note="">Ministry of Transport, 2024.</span>' in article.body
    revision = ArticleRevision.objects.get(article=article)
    assert (revision.user, revision.note) == (user, "Imported from Word: report.docx")
    assert not Article.objects.published().exists()


def test_the_form_names_the_title_and_summary(client, contributor, report_docx):
    client.force_login(contributor)
    new_draft(client, report_docx, title="My title", summary="My summary.", language="ar")
    article = Article.objects.get()
    assert (article.title, article.summary, article.language) == ("My title", "My summary.", "ar")


def test_the_report_lists_what_was_not_imported(client, contributor):
    client.force_login(contributor)
    data = word.with_comment(word.report(image_without_alt=True))
    response = client.get(new_draft(client, data)["Location"])
    page = response.content.decode()
    assert response.status_code == 200
    assert 'id="word-unsupported"' in page
    assert "<li>1 comment was not imported.</li>" in page
    assert "<li>Image 2 was not imported: " in page
    assert "Imported from report.docx" in page


def test_an_arabic_document_makes_an_arabic_draft(client, contributor):
    client.force_login(contributor)
    new_draft(client, word.report(arabic=True), language="ar")
    article = Article.objects.get()
    assert (article.title, article.language) == ("تقرير عن الموانئ", "ar")
    assert article.summary == "تعتمد التجارة على الموانئ في المنطقة."


def test_the_report_page_in_arabic(rf, contributor):
    """The admin's page in Arabic: right to left, its own strings and the list translated."""
    article = article_in("draft")
    request = rf.get(report_url(article))
    request.user = contributor
    request.session = {
        SESSION_KEY: {
            str(article.pk): {
                "file": "تقرير.docx",
                "unsupported": [],
                "messages": ["Unrecognised paragraph style: 'Quote'"],
                "proposal": None,
            }
        }
    }
    with translation.override("ar"):
        response = site._registry[Article].word_report_view(request, str(article.pk))
        page = response.render().content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert "تقرير.docx" in page
    assert '<ul lang="en" dir="ltr"><li>Unrecognised paragraph style' in page
    assert "لا شيء: استُورد كل جزء من المستند." in page
    assert "رسائل أداة التحويل" in page


@pytest.mark.parametrize(
    "data, expected",
    [
        (b"random bytes", "not a Word document (.docx)"),
        (word.report()[:5000], "not a Word document (.docx)"),
        (word.rewritten(word.simple_docx(), add={"word/vbaProject.bin": b"\0"}), "macros"),
        (word.zip_bomb(30 * 1024 * 1024), "zip bomb"),
        (
            word.with_doctype(word.simple_docx(), word.BILLION_LAUGHS, "lol9"),
            "DTD or entities",
        ),
        (
            word.with_doctype(word.simple_docx(), word.EXTERNAL_ENTITY, "xxe"),
            "DTD or entities",
        ),
    ],
    ids=["random", "truncated", "docm", "zip-bomb", "billion-laughs", "external-entity"],
)
def test_a_hostile_or_broken_file_is_refused_in_the_form(client, contributor, data, expected):
    client.force_login(contributor)
    response = new_draft(client, data)
    assert response.status_code == 200
    assert expected in " ".join(response.context["form"].errors["document"])
    assert not Article.objects.exists()


def test_an_external_image_reference_is_refused_in_the_form(client, contributor):
    document = python_docx.Document()
    document.add_paragraph("Hello")
    document.part.relate_to(
        "https://attacker.example/pixel.png",
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image",
        is_external=True,
    )
    client.force_login(contributor)
    response = new_draft(client, word.docx_bytes(document))
    assert response.status_code == 200
    assert "refers to a file outside it" in " ".join(response.context["form"].errors["document"])


def test_without_the_add_permission_there_is_no_import(client, expert_manager, report_docx):
    client.force_login(expert_manager)
    assert client.get(IMPORT_URL).status_code == 403
    assert new_draft(client, report_docx).status_code == 403
    assert not Article.objects.exists()


def test_the_list_and_the_change_form_offer_the_import(client, contributor):
    draft = article_in("draft")
    client.force_login(contributor)
    assert IMPORT_URL in client.get("/admin/articles/article/").content.decode()
    assert (
        replace_url(draft)
        in client.get(f"/admin/articles/article/{draft.pk}/change/").content.decode()
    )


# --- replacing a body -----------------------------------------------------------------------


def replace(client, article, data, version=None):
    return client.post(
        replace_url(article),
        {
            "document": upload(data),
            "loaded_version": article.version if version is None else version,
        },
    )


@pytest.mark.parametrize("state", ["draft", "review"])
def test_a_drafts_body_is_replaced(client, contributor, report_docx, state):
    """Any draft a contributor may edit in the form, someone else's too (drafts have no
    owner): the same rule as the change form."""
    article = article_in(state, title="Kept title")
    client.force_login(contributor)

    response = replace(client, article, report_docx)

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Kept title"
    assert "<h2>Introduction</h2>" in article.body
    assert article.status == state
    revision = ArticleRevision.objects.get(article=article)
    assert (revision.user, revision.note) == (contributor, "Body imported from Word: report.docx")


def test_a_stale_page_imports_nothing(client, editor, report_docx):
    article = article_in("draft")
    client.force_login(editor)
    response = replace(client, article, report_docx, version=article.version - 1 or 99)
    assert response.status_code == 200
    assert "Someone else saved this article" in str(response.context["form"].non_field_errors())
    assert Article.objects.get(pk=article.pk).body == article.body


@pytest.mark.parametrize("state", PUBLIC_STATES)
@pytest.mark.parametrize("role", ["contributor", "editor"])
def test_a_public_articles_import_is_a_proposal(client, request, report_docx, state, role):
    article = article_in(state)
    before = stored(article)
    client.force_login(request.getfixturevalue(role))
    page = client.get(replace_url(article)).content.decode()
    assert "kept as a proposed change" in page

    response = replace(client, article, report_docx)

    assert response.status_code == 302
    assert stored(article) == before
    proposal = ArticleRevision.objects.get(article=article)
    assert proposal.proposal == ArticleRevision.Proposal.PENDING
    assert "<h2>Introduction</h2>" in proposal.data["body"]
    report = client.get(response["Location"]).content.decode()
    assert "was kept as a proposed change" in report


def test_without_the_change_permission_no_body_is_replaced(client, expert_manager, report_docx):
    article = article_in("draft")
    client.force_login(expert_manager)
    assert replace(client, article, report_docx).status_code == 403
    assert Article.objects.get(pk=article.pk).body == article.body


def test_a_hostile_file_leaves_the_body_as_it_was(client, editor):
    article = article_in("draft")
    client.force_login(editor)
    response = replace(client, article, word.zip_bomb(30 * 1024 * 1024))
    assert response.status_code == 200
    assert response.context["form"].errors["document"]
    assert Article.objects.get(pk=article.pk).version == article.version
