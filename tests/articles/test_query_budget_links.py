"""
The article page's query budget with internal links: one query more than without, for
all the links' targets of every kind at once, whether the body links to 1 target or to
40 of four kinds (ARTICLE_PAGE_BUDGET counts it); and a page linking to a target is
rendered again when the target's slug changes, it is unpublished or deleted.
"""

import pytest

from articles import services
from tests.helpers.budgets import ARTICLE_PAGE_BUDGET, count_queries
from tests.helpers.factories import make_article, make_expert, make_region, make_topic
from tests.helpers.htmlpage import parse
from tests.helpers.library import body_with_figures, make_image
from tests.helpers.links import body_linking
from tests.helpers.page_cache import get, warm

pytestmark = pytest.mark.django_db


@pytest.mark.usefixtures("cache_miss")
@pytest.mark.parametrize("language", ["en", "ar"])
def test_one_query_for_the_links_however_many(client, language):
    targets = (
        [make_article(language=language) for _ in range(10)]
        + [make_expert() for _ in range(10)]
        + [make_topic() for _ in range(10)]
        + [make_region() for _ in range(10)]
    )
    image = make_image(renditions=False)
    counts = {}
    cases = {
        "plain": ([], False),
        "links": (targets, False),
        "figure": ([], True),
        "one": (targets[:1], True),
        "all": (targets, True),
    }
    for label, (linked, with_figure) in cases.items():
        body = body_linking(*linked) + (body_with_figures([image]) if with_figure else "")
        article = make_article(language=language, body=body or "<p>Text.</p>")
        counts[label], response = count_queries(client, article.get_absolute_url())
        prose = parse(response).find("div", cls="prose")
        assert len(prose.find_all("a", href=True)) >= len(linked)
    # 7 plain; one more for the links, one more for the figures, whatever their number.
    assert counts["links"] == counts["figure"] == counts["plain"] + 1, counts
    assert counts["one"] == counts["all"] == counts["figure"] + 1, counts
    assert counts["all"] <= ARTICLE_PAGE_BUDGET, counts


def link_href(response, text):
    found = parse(response).find_all("a", text=text)
    return found[0].get("href") if found else None


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_linking_page_is_rendered_again_when_its_target_changes(client, editor, language):
    target = make_article("Target", slug="target", language=language)
    topic = make_topic("Energy", slug="energy")
    article = make_article(language=language, body=body_linking(target, topic))
    url = article.get_absolute_url()
    prefix = "" if language == "en" else "/ar"
    warm(client, url)

    target.slug = "target-renamed"
    services.article_save(target, user=editor)
    response, queries = get(client, url)
    assert queries > 0
    assert link_href(response, "link to Target") == f"{prefix}/policy-analysis/target-renamed"

    warm(client, url)
    topic.slug = "energy-security"
    topic.save()
    response, queries = get(client, url)
    assert link_href(response, "link to Energy") == f"{prefix}/policy-analysis/energy-security"

    warm(client, url)
    services.article_unpublish(target, user=editor)
    response, queries = get(client, url)
    assert link_href(response, "link to Target") is None
    assert "link to Target" in response.content.decode()

    warm(client, url)
    topic.delete()
    response, queries = get(client, url)
    assert link_href(response, "link to Energy") is None
