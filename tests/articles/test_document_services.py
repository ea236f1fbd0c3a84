"""
Attaching documents to an article (articles.document_services, the article admin's
inline): with the article's rules (a contributor on a draft, an editor on anything),
checked before they are stored, stored under a random name on the private storage.
"""

import re

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError

from articles import document_services, services
from articles.demo import services as demo_services
from articles.models import Article, Document
from articles.services import ReviewRequired
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.contributing import article_in, messages_of
from tests.helpers.documents import encrypted_pdf_bytes, make_document, pdf_bytes, upload
from tests.helpers.factories import make_article
from tests.helpers.htmlpage import parse
from thinktank.private_files import private_storage

pytestmark = pytest.mark.django_db


def with_documents(article, *rows, initial=0):
    """The article's change form with the inline rows `rows` ({field: value})."""
    data = form_data(
        article,
        **{"documents-TOTAL_FORMS": str(len(rows)), "documents-INITIAL_FORMS": str(initial)},
    )
    for index, row in enumerate(rows):
        data.update({f"documents-{index}-{name}": value for name, value in row.items()})
    return data


def new_row(data=None, title="Full report", language="en"):
    return {
        "title": title,
        "language": language,
        "position": "0",
        "file": upload(data or pdf_bytes(["Albatross"])),
    }


def test_a_contributor_attaches_a_pdf_to_a_draft_in_the_admin(client, contributor):
    article = make_article(published=False)
    client.force_login(contributor)
    response = client.post(change_url(article), with_documents(article, new_row()))
    assert response.status_code == 302, response.content.decode()[:3000]
    document = Document.objects.get(article=article)
    assert (document.kind, document.page_count, document.title) == ("pdf", 1, "Full report")
    assert "Albatross" in document.text
    assert document.size == len(pdf_bytes(["Albatross"]))
    # Under a random name of the type it really is, on the private storage only.
    assert re.fullmatch(r"documents/[0-9a-f]{32}\.pdf", document.file.name)
    assert private_storage().exists(document.file.name)
    # The address to paste in a link, shown once saved.
    page = parse(client.get(change_url(article)))
    assert f"/documents/{document.pk}" in page.text
    assert page.find_all("input", name="documents-__prefix__-file")  # and another may come


def test_a_hostile_file_is_refused_in_the_form_with_its_message(client, contributor):
    article = make_article(published=False)
    client.force_login(contributor)
    response = client.post(
        change_url(article), with_documents(article, new_row(encrypted_pdf_bytes()))
    )
    assert response.status_code == 200
    assert "protected by a password" in response.content.decode()
    assert not Document.objects.exists()


def test_a_contributor_may_not_attach_to_a_published_article(client, contributor, editor):
    article = article_in("live")
    document = Document(article=article, title="Report", file=upload(pdf_bytes()))
    with pytest.raises(ReviewRequired):
        document_services.document_save(document, user=contributor)
    # In the admin the inline is read-only for them: a crafted row is no document.
    client.force_login(contributor)
    page = parse(client.get(change_url(article)))
    assert not page.find_all("input", name="documents-0-file")
    assert not page.find_all("input", name="documents-__prefix__-file")
    client.post(change_url(article), with_documents(article, new_row()))
    assert not Document.objects.exists()
    # An editor may.
    document_services.document_save(document, user=editor)
    assert Document.objects.get().kind == "pdf"


def test_nor_remove_one_from_a_published_article(contributor, editor):
    document = make_document(article_in("live"))
    with pytest.raises(ReviewRequired):
        document_services.document_delete(document, user=contributor)
    document_services.document_delete(document, user=editor)
    assert not Document.objects.exists()


def test_whoever_may_not_change_articles_attaches_nothing(editor):
    reader = User.objects.create_user("reader", password="x", is_staff=True)
    document = Document(
        article=make_article(published=False), title="Report", file=upload(pdf_bytes())
    )
    with pytest.raises(PermissionDenied):
        document_services.document_save(document, user=reader)
    assert not Document.objects.exists()


def test_a_document_stays_with_its_article(contributor):
    document = make_document(make_article(published=False))
    document.article = make_article(published=False)
    with pytest.raises(PermissionDenied):
        document_services.document_save(document, user=contributor)
    assert Document.objects.get().article_id != document.article_id


def test_another_articles_document_cannot_be_edited_through_this_one(client, contributor):
    mine, theirs = make_article(published=False), make_article(published=False)
    document = make_document(theirs, "Their report")
    client.force_login(contributor)
    row = {
        "id": str(document.pk),
        "article": str(mine.pk),
        "title": "Mine now",
        "language": "en",
        "position": "0",
    }
    response = client.post(change_url(mine), with_documents(mine, row, initial=1))
    assert response.status_code == 200  # the formset refuses a row that is not its own
    document.refresh_from_db()
    assert (document.article_id, document.title) == (theirs.pk, "Their report")


def test_a_stored_name_cannot_be_swapped_in_for_an_upload(contributor):
    theirs = make_document(make_article(published=False))
    mine = make_document(make_article(published=False))
    mine.file.name = theirs.file.name
    with pytest.raises(PermissionDenied):
        document_services.document_save(mine, user=contributor)


def test_a_new_document_needs_a_file(contributor):
    with pytest.raises(ValidationError):
        document_services.document_save(
            Document(article=make_article(published=False), title="Empty"), user=contributor
        )


def test_a_replaced_or_removed_file_is_deleted_once_committed(
    contributor, django_capture_on_commit_callbacks
):
    document = make_document(make_article(published=False))
    old = document.file.name
    document.file = upload(pdf_bytes(["New edition"]))
    with django_capture_on_commit_callbacks(execute=True):
        document_services.document_save(document, user=contributor)
    assert not private_storage().exists(old)
    assert "New edition" in Document.objects.get().text
    new = Document.objects.get().file.name
    with django_capture_on_commit_callbacks(execute=True):
        document_services.document_delete(document, user=contributor)
    assert not private_storage().exists(new)


def test_deleting_an_article_deletes_its_files(django_capture_on_commit_callbacks):
    superuser = User.objects.create_superuser("root", "root@example.org", "x")
    document = make_document(make_article())
    with django_capture_on_commit_callbacks(execute=True):
        services.article_delete(Article.objects.get(pk=document.article_id), user=superuser)
    assert not private_storage().exists(document.file.name)


def test_the_admin_says_what_was_saved(client, editor):
    article = make_article(published=False)
    client.force_login(editor)
    response = client.post(change_url(article), with_documents(article, new_row()), follow=True)
    assert messages_of(response)


def test_the_demo_attaches_its_document_once():
    article = make_article("Demo note")
    made = []

    def render():
        made.append(1)
        return pdf_bytes(["The demo's full report."])

    first = demo_services.ensure_document(article, "Full report", language="en", render=render)
    again = demo_services.ensure_document(article, "Full report", language="en", render=render)
    assert first.pk == again.pk and len(made) == 1
    assert (first.kind, first.page_count) == ("pdf", 1)
    assert "full report" in first.text


def test_a_document_is_retitled_and_reordered_without_uploading_it_again(client, contributor):
    article = make_article(published=False)
    document = make_document(article, "Draft report", pdf_bytes(["Albatross"]))
    name = document.file.name
    client.force_login(contributor)
    row = {
        "id": str(document.pk),
        "article": str(article.pk),
        "title": "Final report",
        "language": "ar",
        "position": "3",
    }
    response = client.post(change_url(article), with_documents(article, row, initial=1))
    assert response.status_code == 302, response.content.decode()[:3000]
    document.refresh_from_db()
    assert (document.title, document.language, document.position) == ("Final report", "ar", 3)
    assert document.file.name == name and "Albatross" in document.text
