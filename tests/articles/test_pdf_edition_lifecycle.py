"""
The PDF edition's life: made on the first request after publishing and kept (a second
request makes nothing), made anew after a new published version, gone with an
unpublish (file deleted, 404 at once), never for a draft or a scheduled article; two
first requests at the same moment leave one whole file.
"""

import threading
from datetime import timedelta

import pytest
from django.core.files.storage import storages
from django.utils import timezone

from articles import pdf_edition, services
from articles.models import Article
from tests.helpers.factories import make_article, make_expert, make_translation
from tests.helpers.library import figure, make_image
from tests.helpers.pdf import pdf_bytes, pdf_text

pytestmark = pytest.mark.usefixtures("db", "private_folder")


@pytest.fixture
def made(monkeypatch):
    """The PDFs made, one (article id, version) each, in order."""
    calls = []
    make = pdf_edition.make_edition

    def counted(article, url):
        calls.append((article.pk, article.version))
        return make(article, url)

    monkeypatch.setattr(pdf_edition, "make_edition", counted)
    return calls


def kept(article):
    """The files kept for the article, by the version each shows ("3" for 3-<digest>.pdf)."""
    folder = pdf_edition.folder_of(article.pk)
    storage = storages["private"]
    names = storage.listdir(folder)[1] if storage.exists(folder) else []
    return sorted(name.split("-", 1)[0] for name in names)


def pdf_of(client, article, status=200):
    response = client.get(f"{article.get_absolute_url()}.pdf")
    assert response.status_code == status
    return pdf_bytes(response) if status == 200 else None


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Run a service as in a request: its on-commit work (the files' removal) runs."""

    def run(service, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(*args, **kwargs)

    return run


def test_made_once_then_kept(client, made):
    article = make_article("Kept once", body="<p>Only once.</p>")
    first = pdf_of(client, article)
    second = pdf_of(client, article)
    assert made == [(article.pk, article.version)]
    assert first == second
    assert kept(article) == [str(article.version)]


def test_a_new_published_version_replaces_it(client, made, editor, commit):
    article = make_article("Versions", body="<p>The first wording.</p>")
    assert "The first wording." in pdf_text(pdf_of(client, article))
    article.body = "<p>The second wording.</p>"
    commit(services.article_save, article, user=editor)
    assert kept(article) == []  # the old version's file went with the save
    text = pdf_text(pdf_of(client, article))
    assert "The second wording." in text and "The first wording." not in text
    assert kept(article) == [str(article.version)]
    assert len(made) == 2


def test_an_author_renamed_on_their_record_replaces_it(client, made):
    author = make_expert("Anna Before")
    article = make_article("Renamed author", authors=[author])
    assert "Anna Before" in pdf_text(pdf_of(client, article))
    author.name = "Anna After"
    author.save()  # the expert's record: the article's row is unchanged
    assert "Anna After" in pdf_text(pdf_of(client, article))
    assert len(made) == 2
    assert kept(article) == [str(article.version)]  # the old name's file removed


def test_a_library_image_changed_replaces_the_pdfs_showing_it(client, made, commit):
    shown, other = make_image(title="Shown"), make_image(title="Not shown")
    article = make_article("With a figure", body=f"<p>Text.</p>{figure(shown)}")
    services.record_body_images(article)
    pdf_of(client, article)
    other.credit = "Another credit"
    commit(other.save)  # an image the article does not show: its PDF stays
    assert kept(article) == [str(article.version)]
    shown.credit = "A new credit"
    commit(shown.save)
    assert kept(article) == []
    assert "A new credit" in pdf_text(pdf_of(client, article))
    assert len(made) == 2


def test_restoring_a_revision_replaces_it(client, made, editor, commit):
    article = make_article("Restored", body="<p>Before.</p>")
    revision = services.article_record_revision(article, user=editor)
    article.body = "<p>After.</p>"
    commit(services.article_save, article, user=editor)
    assert "After." in pdf_text(pdf_of(client, article))
    commit(services.article_restore, article, revision, user=editor)
    assert kept(article) == []
    assert "Before." in pdf_text(pdf_of(client, Article.objects.get(pk=article.pk)))


@pytest.mark.parametrize("service", [services.article_unpublish, services.article_archive])
def test_gone_with_an_unpublish(client, made, editor, commit, service):
    article = make_article("Unpublished soon")
    arabic = make_translation(article, "ar", "نسخة عربية", slug="nskh-arby")
    pdf_of(client, article)
    pdf_of(client, arabic)
    commit(service, article, user=editor)
    assert kept(article) == []
    pdf_of(client, article, status=404)
    assert kept(article) == []  # the refused request made nothing
    assert kept(arabic) != []  # the other language's version is its own


def test_never_for_a_draft_or_a_scheduled_article(client, made, editor, commit):
    draft = make_article("A draft", published=False)
    scheduled = make_article("Scheduled", published_at=timezone.now() + timedelta(days=2))
    pdf_of(client, draft, status=404)
    pdf_of(client, scheduled, status=404)
    assert made == [] and kept(draft) == kept(scheduled) == []
    # Its time comes, with no job: the first request makes it.
    Article.objects.filter(pk=scheduled.pk).update(published_at=timezone.now())
    assert pdf_of(client, scheduled).startswith(b"%PDF-")
    # Published again after an unpublish: a new version, made anew.
    commit(services.article_unpublish, scheduled, user=editor)
    commit(services.article_publish, scheduled, user=editor)
    assert pdf_of(client, scheduled).startswith(b"%PDF-")
    assert [version for _pk, version in made] == [1, scheduled.version]


def test_a_missing_article_or_another_language_is_404(client, made):
    article = make_article("Only English")
    assert client.get("/policy-analysis/no-such-piece.pdf").status_code == 404
    assert client.get(f"/ar{article.get_absolute_url()}.pdf").status_code == 404
    assert made == []


def test_two_first_requests_at_once_leave_one_whole_file(made, monkeypatch):
    article = Article.objects.for_listing().get(pk=make_article("Raced").pk)
    url = f"http://testserver{article.get_absolute_url()}"
    content = pdf_edition.make_edition(article, url)
    both_made = threading.Barrier(2, timeout=10)

    def slow_make(article, url):
        both_made.wait()  # each has found no file and made its own
        return content

    monkeypatch.setattr(pdf_edition, "make_edition", slow_make)
    names, errors = [], []

    def request():
        try:
            names.append(pdf_edition.ensure_edition(article, url))
        except Exception as error:  # noqa: BLE001 (reported below)
            errors.append(error)

    threads = [threading.Thread(target=request) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert names == [pdf_edition.edition_name(article, url)] * 2
    assert kept(article) == [str(article.version)]  # one file, no part left over
    with storages["private"].open(names[0]) as file:
        assert file.read() == content
