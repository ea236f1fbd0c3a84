"""
The admin's home page with the editorial dashboard (articles/admin/dashboard.py,
templates/admin/articles/includes/dashboard.html): for an editor and a contributor,
in English and Arabic (the admin's language is LANGUAGE_CODE's); its links lead to
the work; Django's list of apps stays; its queries stay as many as content grows.
"""

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from articles import proposals
from tests.helpers import desk
from tests.helpers.budgets import DASHBOARD_BUDGET, count_queries
from tests.helpers.factories import in_future, make_article
from tests.helpers.htmlpage import parse

pytestmark = pytest.mark.django_db


def home(user, language="en"):
    """The admin's home page for `user`, the admin in `language` (its LANGUAGE_CODE)."""
    client = Client()
    client.force_login(user)
    with override_settings(LANGUAGE_CODE=language):
        response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    return parse(response)


def section(page, name):
    return page.find("section", id=f"desk-{name}")


def change_link(article):
    return reverse("admin:articles_article_change", args=[article.pk])


@pytest.fixture
def newsroom(editor, contributor, other_contributor):
    """Work of two contributors in every state the dashboard lists."""
    work = {
        "draft": desk.write(contributor, "A draft of mine"),
        "review": desk.submit(desk.write(contributor, "Mine to review"), contributor, "See §2"),
        "theirs": desk.submit(desk.write(other_contributor, "Their review"), other_contributor),
        "scheduled": desk.publish(
            desk.write(contributor, "مقال مجدول", language="ar"), editor, at=in_future(3)
        ),
        "published": desk.publish(
            desk.submit(desk.write(contributor, "Out now"), contributor), editor, "Well done"
        ),
        "problem": desk.write(other_contributor, "Without a summary", summary=""),
    }
    return work


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_editor_sees_everyones_work_with_links_to_it(editor, newsroom, language):
    page = home(editor, language)
    assert page.find("html").get("dir") == ("rtl" if language == "ar" else "ltr")
    review = section(page, "review")
    assert change_link(newsroom["review"]) in review.hrefs()
    assert change_link(newsroom["theirs"]) in review.hrefs()
    assert "See §2" in review.text
    assert review.find("span", cls="desk-count").text == "2"
    scheduled = section(page, "scheduled")
    title = scheduled.find("a", href=change_link(newsroom["scheduled"]))
    assert (title.get("lang"), title.get("dir"), title.text) == ("ar", "rtl", "مقال مجدول")
    assert change_link(newsroom["published"]) in section(page, "published").hrefs()
    assert change_link(newsroom["problem"]) in section(page, "problems").hrefs()
    assert not page.find_all("section", id="desk-decisions")
    # Django's list of apps is still there.
    assert reverse("admin:articles_article_changelist") in page.find(id="content-main").hrefs()
    assert page.find("div", cls="app-articles") is not None


def test_the_arabic_admin_speaks_arabic(editor, newsroom):
    text = home(editor, "ar").find(id="editorial-dashboard").text
    for arabic in ("بانتظار المراجعة", "مسوداتي", "نُشرت مؤخراً", "مقالات فيها مشكلات"):
        assert arabic in text
    assert "Waiting for review" not in text


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_contributor_sees_their_own_work_and_its_review_state(contributor, newsroom, language):
    page = home(contributor, language)
    hrefs = page.find(id="editorial-dashboard").hrefs()
    for own in ("draft", "review", "scheduled", "published"):
        assert change_link(newsroom[own]) in hrefs
    for others in ("theirs", "problem"):
        assert change_link(newsroom[others]) not in hrefs
    decisions = section(page, "decisions")
    assert change_link(newsroom["published"]) in decisions.hrefs()
    assert "Well done" in decisions.text


def test_who_may_not_see_articles_gets_no_dashboard(expert_manager, newsroom):
    page = home(expert_manager)
    assert not page.find_all(id="editorial-dashboard")
    assert page.find("div", cls="app-experts") is not None


def test_the_dashboards_stylesheet_is_linked(editor):
    page = home(editor)
    sheets = [link.get("href") for link in page.find_all("link", rel="stylesheet")]
    assert any(href.endswith("css/admin-dashboard.css") for href in sheets)


def test_the_page_queries_stay_flat_as_content_grows(editor, contributor, other_contributor):
    def measure():
        counts = {}
        for user in (editor, contributor):
            client = Client()
            client.force_login(user)
            counts[user.username], _response = count_queries(client, reverse("admin:index"))
        return counts

    def add_work(times):
        for _ in range(times):
            for writer in (contributor, other_contributor):
                desk.write(writer, summary="")
                desk.submit(desk.write(writer), writer, note="Ready")
                live = desk.publish(desk.submit(desk.write(writer), writer), editor, note="Thanks")
                proposals.article_propose(live, user=writer, note="A change")
                desk.send_back(desk.submit(desk.write(writer), writer), editor, note="Shorter")
                desk.publish(desk.write(writer, language="ar"), editor, at=in_future(2))
            make_article()

    add_work(1)
    small = measure()
    add_work(12)
    large = measure()
    assert small == large, (small, large)
    assert max(large.values()) <= DASHBOARD_BUDGET, large
