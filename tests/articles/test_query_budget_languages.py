"""
The article and list pages make as many queries in Arabic as in English, and
no more as authors grow.

Labels are computed with translation.override() + gettext, never hard-coded.
"""

import pytest

from articles.models import PublicationType
from tests.helpers.budgets import ARTICLE_PAGE_BUDGET, count_queries
from tests.helpers.factories import (
    make_article,
    make_event,
    make_expert,
    make_guest,
    make_program,
    make_region,
    make_topic,
    make_translation,
)
from tests.helpers.htmlpage import parse
from tests.helpers.multilingual import (
    HOME,
    LANGUAGES,
    PREFIX,
    card_titles,
    html_lang_dir,
)

pytestmark = pytest.mark.usefixtures("cache_miss", "demo_once", "db")


# --- queries in Arabic -------------------------------------------------------------------------


def build_page(language, label, *, authors=8, taxonomy=12, recommendations=6):
    """An article in `language` with translated names everywhere, and versions in the others."""
    program = make_program(translations={"ar": {"name": f"برنامج {label}"}})
    experts = [
        make_expert(
            program=program,
            photo=index == 0,
            translations={"ar": {"name": f"خبير {index}", "short_bio": "نبذة قصيرة."}},
        )
        for index in range(authors)
    ]
    topics = [make_topic(translations={"ar": {"name": f"موضوع {i}"}}) for i in range(taxonomy)]
    parent = make_region(translations={"ar": {"name": "منطقة أم"}})
    regions = [
        make_region(parent=parent, translations={"ar": {"name": f"منطقة {i}"}})
        for i in range(taxonomy)
    ]
    recommended = []
    for index in range(recommendations):
        recommended_authors = [make_expert(program=program), make_guest(), make_expert()]
        if index == 0:
            recommended.append(make_event(language=language, authors=recommended_authors))
        else:
            recommended.append(make_article(language=language, authors=recommended_authors))
    kind = PublicationType.objects.get(slug="policy-analysis")
    article = make_article(
        f"Budget {label}",
        language=language,
        publication_type=kind,
        authors=experts,
        topics=topics,
        regions=regions,
        recommendations=recommended,
        outlet_name="19FortyFive",
        outlet_url="https://example.org/original",
        footer_note="<p>Footer.</p>",
    )
    for code in LANGUAGES:
        if code != language:
            make_translation(article, code, f"Budget {label} in {code}")
    return article


def test_arabic_article_page_makes_as_many_queries_as_the_english_one(client):
    english = build_page("en", "english")
    arabic = build_page("ar", "arabic")
    english_count, _response = count_queries(client, english.get_absolute_url())
    arabic_count, response = count_queries(client, arabic.get_absolute_url())
    page = parse(response)
    assert html_lang_dir(page) == ("ar", "rtl")
    assert len(page.find("ul", cls="recommended").find_all("article")) == 6
    assert "خبير 7" in page.find(cls="article__byline").text
    assert arabic_count == english_count <= ARTICLE_PAGE_BUDGET


def test_arabic_article_page_queries_do_not_grow_with_authors(client):
    one = build_page("ar", "one", authors=1, taxonomy=1, recommendations=1)
    eight = build_page("ar", "eight", authors=8, taxonomy=12, recommendations=6)
    one_count, _response = count_queries(client, one.get_absolute_url())
    eight_count, _response = count_queries(client, eight.get_absolute_url())
    assert one_count == eight_count <= ARTICLE_PAGE_BUDGET


def test_list_pages_make_as_many_queries_in_each_language(client):
    """The same work in each language (authors, types, an event): the same queries."""
    topic = make_topic(translations={"ar": {"name": "موضوع القوائم"}})
    parent = make_region(translations={"fa": {"name": "منطقه"}})
    region = make_region(parent=parent)
    expert = make_expert(translations={"ar": {"name": "خبير القوائم"}})
    for language in LANGUAGES:
        for index in range(3):
            authors = [expert, make_expert(), make_guest()][: index + 1]
            make_article(language=language, authors=authors, topics=[topic], regions=[region])
        make_event(language=language, authors=[expert], topics=[topic], regions=[region])
    paths = [
        f"/policy-analysis/{topic.slug}",
        f"/policy-analysis/{parent.slug}",
        f"/experts/{expert.slug}",
    ]
    for path in paths:
        counts = {}
        for language in LANGUAGES:
            counts[language], response = count_queries(client, PREFIX[language] + path)
            # An expert's page lists the work in every language, the page's first.
            shown = 4 * len(LANGUAGES) if path.startswith("/experts/") else 4
            assert len(card_titles(parse(response))) == shown, (language, path)
        assert len(set(counts.values())) == 1, (path, counts)
    counts = {language: count_queries(client, HOME[language])[0] for language in LANGUAGES}
    assert len(set(counts.values())) == 1, ("home", counts)
