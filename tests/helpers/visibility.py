"""What readers may see (tests/website/test_visibility.py, test_addresses.py): a small
world of published, draft and scheduled work, and the styled 404 they get otherwise."""

from django.conf import settings as django_settings
from django.utils import translation

from tests.helpers.factories import in_future, make_article, make_expert, make_region, make_topic
from tests.helpers.htmlpage import parse

NOT_FOUND_TEXT = "We could not find that page"


def assert_styled_404(response):
    assert response.status_code == 404
    page = parse(response)
    # The site's own chrome: header with the brand, the language switcher, the footer.
    brand = page.find("a", cls="site-brand")
    assert brand.text == django_settings.SITE_NAME
    assert page.find("header", cls="site-header")
    assert page.find("footer", cls="site-footer")
    # In the page's language: the 404 of /ar/... is in Arabic.
    with translation.override(page.find("html").get("lang")):
        assert page.find("h1").text == translation.gettext(NOT_FOUND_TEXT)
    assert page.find("meta", name="robots").get("content") == "noindex"


def make_world():
    """A published article, a draft and a scheduled one, sharing author, topic and regions."""
    expert = make_expert("Visible Author")
    topic = make_topic("Maritime Security")
    middle_east = make_region("Middle East")
    israel = make_region("Israel", parent=middle_east)
    shared = {"authors": [expert], "topics": [topic], "regions": [israel]}
    published = make_article("Published Piece", **shared)
    draft = make_article("Draft Piece", published=False, **shared)
    scheduled = make_article("Scheduled Piece", published_at=in_future(), **shared)
    ar_published = make_article("Arabic Published Piece", language="ar", **shared)
    ar_draft = make_article("Arabic Draft Piece", language="ar", published=False, **shared)
    ar_scheduled = make_article(
        "Arabic Scheduled Piece", language="ar", published_at=in_future(), **shared
    )
    return {
        "expert": expert,
        "topic": topic,
        "middle_east": middle_east,
        "israel": israel,
        "published": published,
        "draft": draft,
        "scheduled": scheduled,
        "ar_published": ar_published,
        "ar_draft": ar_draft,
        "ar_scheduled": ar_scheduled,
    }
