"""
What the article page gives its print stylesheet (static/css/print.css): the sheet
itself, linked last with media="print"; the page's own address, in a line shown on
paper only; the full addresses of the authors' profiles and of the other language
versions, for printing after their names. All without a query more.
"""

import pytest

from articles.models import Article
from tests.helpers.budgets import ARTICLE_PAGE_BUDGET, count_queries
from tests.helpers.demo import MAIN_ARABIC_URL as AR_URL
from tests.helpers.demo import MAIN_URL as EN_URL
from tests.helpers.htmlpage import get_page, parse

pytestmark = pytest.mark.usefixtures("demo_once", "db")

ORIGIN = "http://testserver"


def test_the_print_stylesheet_comes_last_for_print_only(client):
    page = get_page(client, EN_URL)
    stylesheets = page.find_all("link", rel="stylesheet")
    assert stylesheets[-1].get("href").endswith("css/print.css")
    assert stylesheets[-1].get("media") == "print"
    assert all(link.get("media") is None for link in stylesheets[:-1])


def test_other_pages_link_the_print_stylesheet(client):
    for url in ("/", "/experts", "/policy-analysis"):
        page = get_page(client, url)
        assert (
            page.find("link", rel="stylesheet", media="print").get("href").endswith("css/print.css")
        ), url


@pytest.mark.parametrize(("url", "label"), [(EN_URL, "Available at"), (AR_URL, "متاح على الرابط")])
def test_the_page_prints_its_own_address(client, url, label):
    page = get_page(client, url)
    canonical = page.find("link", rel="canonical").get("href")
    assert canonical == ORIGIN + url
    line = page.find("p", cls="article__address")
    assert "print-only" in line.classes
    assert line.text == f"{label} {canonical}"
    assert line.find("bdi", dir="ltr").text == canonical
    # Under the title, in the article's header.
    assert line.parent.get("class") == "article__header"


def test_the_byline_and_the_other_versions_carry_their_full_address(client):
    page = get_page(client, EN_URL)
    byline = page.find("p", cls="article__byline").links()
    assert byline
    for link in byline:
        assert link.get("data-print-url") == ORIGIN + link.get("href")
    # The other versions' on the list item: the link's dir is the other language's.
    versions = page.find("div", cls="article__translations").find_all("li")
    assert {item.find("a").get("hreflang") for item in versions} == {"ar", "fa"}
    for item in versions:
        assert item.get("data-print-url") == ORIGIN + item.find("a").get("href")
    # The cards of the sidebar, hidden on paper, do not.
    cards = page.find("aside", cls="article-aside").links()
    assert cards
    assert not any(link.get("data-print-url") for link in cards)


def test_a_preview_prints_no_address(admin_client):
    article = Article.objects.get(language="en", slug=EN_URL.rsplit("/", 1)[1])
    response = admin_client.get(f"/preview/articles/{article.pk}")
    assert response.status_code == 200
    assert not parse(response).find_all("p", cls="article__address")


@pytest.mark.usefixtures("cache_miss")
@pytest.mark.parametrize("url", [EN_URL, AR_URL])
def test_the_print_additions_cost_no_query(client, url):
    queries, _response = count_queries(client, url)
    assert queries <= ARTICLE_PAGE_BUDGET
    again, _response = count_queries(client, url)
    assert again == queries
