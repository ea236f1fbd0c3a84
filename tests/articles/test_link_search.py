"""
The link tool's search (/admin/articles/article/link-search/): articles, experts, topics
and regions matching the words typed (or the address pasted), each kind for those who
may view it; drafts found and marked; bad input answered, never a 500. English and
Arabic. See docs/internal-links.md.
"""

import pytest
from django.contrib.auth.models import User

from tests.helpers.factories import (
    in_future,
    make_article,
    make_expert,
    make_guest,
    make_region,
    make_topic,
)

pytestmark = pytest.mark.django_db

URL = "/admin/articles/article/link-search/"


def search(client, user, q, **params):
    client.force_login(user)
    response = client.get(URL, {"q": q, **params})
    assert response.status_code == 200, response.content
    return response.json()["results"]


@pytest.fixture
def content(db):
    topic = make_topic("Energy security", slug="energy")
    topic.translations = {"ar": {"name": "أمن الطاقة"}}
    topic.save()
    return {
        "live": make_article("Energy markets in 2026", slug="energy-markets"),
        "draft": make_article("Energy draft notes", published=False),
        "scheduled": make_article("Energy outlook", published_at=in_future()),
        "arabic": make_article("أسواق الطاقة", slug="aswaq", language="ar"),
        "expert": make_expert("Energy Person", slug="energy-person"),
        "guest": make_guest("Energy Guest"),
        "topic": topic,
        "region": make_region("Energy corridor", slug="corridor"),
    }


def by_reference(results):
    return {item["reference"]: item for item in results}


@pytest.mark.parametrize("role", ["editor", "contributor"])
def test_every_kind_found_and_unpublished_work_marked(client, content, role, request):
    results = by_reference(search(client, request.getfixturevalue(role), "energy"))
    expected = {
        f"article:{content['live'].pk}": (True, "Published"),
        f"article:{content['draft'].pk}": (False, "Draft"),
        f"article:{content['scheduled'].pk}": (False, "Scheduled"),
        f"expert:{content['expert'].pk}": (True, ""),
        f"expert:{content['guest'].pk}": (False, "no public profile"),
        f"topic:{content['topic'].pk}": (True, ""),
        f"region:{content['region'].pk}": (True, ""),
    }
    assert {ref: (item["public"], item["status"]) for ref, item in results.items()} == expected
    live = results[f"article:{content['live'].pk}"]
    assert live["title"] == "Energy markets in 2026" and live["kind"] == "article"
    assert live["language"] == "en" and live["dir"] == "ltr"


def test_arabic_words_find_arabic_work_and_names_in_the_articles_language(client, content, editor):
    results = by_reference(search(client, editor, "الطاقة", language="ar"))
    arabic = results[f"article:{content['arabic'].pk}"]
    assert arabic["dir"] == "rtl" and arabic["language"] == "ar"
    assert results[f"topic:{content['topic'].pk}"]["title"] == "أمن الطاقة"


def test_an_address_of_this_site_pasted_finds_what_it_shows(client, content, editor):
    results = search(client, editor, "http://testserver/policy-analysis/energy-markets")
    assert [item["reference"] for item in results] == [f"article:{content['live'].pk}"]
    results = search(client, editor, "/policy-analysis/energy")
    assert [item["reference"] for item in results] == [f"topic:{content['topic'].pk}"]


def test_an_expert_manager_finds_no_article(client, content, expert_manager):
    kinds = {item["kind"] for item in search(client, expert_manager, "energy")}
    assert kinds == {"expert", "topic", "region"}


@pytest.mark.parametrize(
    "q",
    [
        "",
        "   ",
        "x" * 5000,
        "\x00",
        "%",
        "_",
        "' OR 1=1 --",
        "<script>",
        "/\x00/",
        "http://",
        "http://[",
        "https://[::1",
    ],
)
def test_bad_input_is_answered(client, content, editor, q):
    results = search(client, editor, q, language="xx")
    assert isinstance(results, list)


def test_no_staff_no_search(client, content):
    response = client.get(URL, {"q": "energy"})
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    staff = User.objects.create_user("nobody", password="x", is_staff=True)
    client.force_login(staff)
    assert client.get(URL, {"q": "energy"}).status_code == 403
    assert client.post(URL, {"q": "energy"}).status_code in (403, 405)
