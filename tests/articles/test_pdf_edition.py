"""The PDF edition: what it shows, read back with pypdf, in English and Arabic."""

import io
from datetime import UTC, datetime

import pytest
from pypdf import PdfReader

from tests.helpers.factories import make_article, make_expert, make_translation

BODY = (
    "<h2>Water and power</h2>"
    "<p>The first paragraph of the body speaks of rivers.</p>"
    '<p>The second paragraph ends with a <a href="https://example.org/">link</a>.</p>'
)
ARABIC_BODY = "<h2>الماء والسلطة</h2><p>الفقرة الأولى من النص تتحدث عن الأنهار.</p>"


@pytest.fixture
def piece(db):
    anna = make_expert("Anna Borshchevskaya", slug="anna")
    article = make_article(
        "Putin's Alignment",
        slug="putins-alignment",
        authors=[anna],
        body=BODY,
        published_at=datetime(2023, 11, 27, 15, 0, tzinfo=UTC),
    )
    arabic = make_translation(
        article, "ar", "انحياز بوتين", slug="anhyaz-bwtyn", authors=[anna], body=ARABIC_BODY
    )
    return {"article": article, "arabic": arabic}


def read(response):
    content = b"".join(response.streaming_content)
    return PdfReader(io.BytesIO(content)), content


def test_english(client, piece):
    response = client.get("/policy-analysis/putins-alignment.pdf")
    assert response.status_code == 200
    reader, content = read(response)
    open("/tmp/pdfout/en.pdf", "wb").write(content)
    text = "\n".join(page.extract_text() for page in reader.pages)
    print(text)


def test_arabic(client, piece):
    response = client.get("/ar/policy-analysis/anhyaz-bwtyn.pdf")
    assert response.status_code == 200
    reader, content = read(response)
    open("/tmp/pdfout/ar.pdf", "wb").write(content)
    text = "\n".join(page.extract_text() for page in reader.pages)
    print(text)
