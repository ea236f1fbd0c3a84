"""The demo's policy note (articles/demo/long_form.py): its figures, notes and report,
in English and Arabic, as readers see them."""

import pytest
from django.urls import reverse

from articles.demo import policy_note, policy_note_ar
from articles.models import Article
from tests.helpers.budgets import count_queries
from tests.helpers.demo import MAIN_ARABIC_URL, MAIN_URL
from tests.helpers.htmlpage import parse
from tests.helpers.pdf import pdf_bytes, pdf_reader, pdf_text

pytestmark = pytest.mark.django_db

ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.fixture(scope="module")
def versions(demo_once, django_db_blocker):
    with django_db_blocker.unblock():
        return {
            "en": Article.objects.get(language="en", slug=policy_note.SLUG),
            "ar": Article.objects.get(language="ar", slug=policy_note_ar.SLUG),
        }


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_policy_note_shows_its_figures_notes_and_report(client, versions, language):
    article = versions[language]
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    page = parse(response.content.decode())
    body = page.find("div", cls="prose")
    figures = body.find_all("figure")
    assert len(figures) == len(policy_note.FIGURES) == 3
    for figure in figures:
        image = figure.find("img")
        assert image.get("width") and image.get("height") and image.get("alt")
    assert [set(figure.classes) for figure in figures].count({"figure", "figure--full"}) == 2
    references = body.find_all("sup", cls="note-ref")
    assert len(references) == 10
    notes = page.find("section", cls="notes").find_all("li")
    assert len(notes) == 10
    last = "10".translate(ARABIC_DIGITS) if language == "ar" else "10"
    assert references[-1].text.strip() == last
    # The body's link to the full report, and the report listed, lead to the PDF.
    link = article.documents.get().stable_url()
    assert link in body.hrefs()
    download = client.get(link, follow=True)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_policy_note_costs_one_query_more_than_a_short_piece(client, versions, language):
    """Its three figures' images in one query; its notes in none; its document in the
    one every article page makes: 9 queries against the reference article's 8."""
    short = MAIN_ARABIC_URL if language == "ar" else MAIN_URL
    reference, _response = count_queries(client, short)
    queries, _response = count_queries(client, versions[language].get_absolute_url())
    assert queries == reference + 1


@pytest.mark.parametrize("language", ["en", "ar"])
def test_the_policy_note_has_its_pdf_edition(client, versions, private_folder, language):
    article = versions[language]
    response = client.get(f"{article.get_absolute_url()}.pdf")
    assert response.status_code == 200
    text = pdf_text(pdf_bytes(response))
    assert " ".join(article.title.split()[:3]) in " ".join(text.split())
    assert len(pdf_reader(pdf_bytes(client.get(f"{article.get_absolute_url()}.pdf"))).pages) > 3


def test_the_figures_images_are_in_the_library_with_arabic_alt_text(versions):
    for article in versions.values():
        assert article.images.count() == 3
    image = versions["ar"].images.get(title=policy_note.FIGURES["routes"][0])
    assert image.get_translation("alt_text", "ar") == policy_note_ar.FIGURES["routes"][0]


def test_the_banner_names_the_policy_note(versions):
    assert reverse("admin:index")  # the banner's other addresses resolve
    assert versions["en"].get_absolute_url().endswith(policy_note.SLUG)
