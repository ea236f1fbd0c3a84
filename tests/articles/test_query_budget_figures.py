"""
The article page's query budget with figures: one query more than without, for all
the figures' images at once, whether the body shows 1 or 10 of them (ARTICLE_PAGE_BUDGET
counts it); and a page showing an image is purged from the page cache when the image
changes or its file is replaced.
"""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from library import services as library_services
from tests.helpers.budgets import ARTICLE_PAGE_BUDGET, count_queries
from tests.helpers.factories import make_article, png_bytes
from tests.helpers.htmlpage import parse
from tests.helpers.library import body_with_figures, make_image
from tests.helpers.page_cache import get, warm

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("cache_miss")
@pytest.mark.parametrize("language", ["en", "ar"])
def test_one_query_for_the_figures_however_many(client, language):
    images = [make_image(renditions=False) for _ in range(10)]
    counts = {}
    for shown in (0, 1, 10):
        article = make_article(
            language=language, body=body_with_figures(images[:shown]) or "<p>Text.</p>"
        )
        counts[shown], response = count_queries(client, article.get_absolute_url())
        assert len(parse(response).find_all("figure", cls="figure")) == shown
    assert counts[1] == counts[10] == counts[0] + 1, counts
    assert counts[10] <= ARTICLE_PAGE_BUDGET


def test_a_changed_or_replaced_image_purges_the_pages_showing_it(client, editor):
    image = make_image(alt_text="The old alt text.")
    article = make_article(body=body_with_figures([image]))
    url = article.get_absolute_url()
    warm(client, url)

    image.alt_text = "The new alt text."
    library_services.image_save(image, user=editor)
    response, queries = get(client, url)
    assert queries > 0  # rendered again
    assert parse(response).find("figure", cls="figure").find("img").get("alt") == (
        "The new alt text."
    )

    warm(client, url)
    old_name = image.file.name
    image.file = SimpleUploadedFile("new.png", png_bytes((700, 300)), content_type="image/png")
    library_services.image_save(image, user=editor)
    response, queries = get(client, url)
    img = parse(response).find("figure", cls="figure").find("img")
    assert queries > 0
    assert old_name not in response.content.decode()
    assert img.get("width") == "700" and image.file.name in img.get("srcset")
