"""
Topics and regions suggested from the authors' expertise (articles/admin/suggestions.py,
experts.selectors.expertise_of): what the chosen experts work on, those most of them
share first; only for those who may write articles; any query string answered, never a
500; two queries whatever the number of experts.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from experts import selectors
from tests.helpers.factories import make_expert, make_region, make_topic
from tests.helpers.htmlpage import parse

pytestmark = pytest.mark.django_db

URL = "/admin/articles/article/expertise/"


@pytest.fixture
def experts():
    energy, security, water = (make_topic(name) for name in ("Energy", "Security", "Water"))
    gulf, levant = make_region("Gulf States"), make_region("Levant")
    one, two, three = (make_expert() for _ in range(3))
    one.topics.set([security, water])
    two.topics.set([security, energy])
    one.regions.set([levant])
    two.regions.set([gulf, levant])
    return one, two, three


def suggested(client, *ids):
    answer = client.get(URL, {"expert": [str(value) for value in ids]})
    assert answer.status_code == 200
    return {key: [item["text"] for item in items] for key, items in answer.json().items()}


def test_the_most_shared_first_then_by_name(client, editor, experts):
    one, two, three = experts
    client.force_login(editor)
    assert suggested(client, one.pk, two.pk) == {
        "topics": ["Security", "Energy", "Water"],
        "regions": ["Levant", "Gulf States"],
    }
    assert suggested(client, two.pk) == {
        "topics": ["Energy", "Security"],
        "regions": ["Gulf States", "Levant"],
    }
    assert suggested(client, three.pk) == {"topics": [], "regions": []}
    assert suggested(client) == {"topics": [], "regions": []}


def test_contributors_are_answered_expert_managers_are_not(
    client, contributor, expert_manager, experts
):
    client.force_login(contributor)
    assert suggested(client, experts[0].pk)["topics"] == ["Security", "Water"]
    client.force_login(expert_manager)
    assert client.get(URL, {"expert": str(experts[0].pk)}).status_code == 403
    client.logout()
    assert client.get(URL).status_code == 302  # to the login page


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(values=st.lists(st.text(max_size=25), max_size=5))
def test_any_expert_values_are_answered(client, editor, values):
    client.force_login(editor)
    answer = client.get(URL, {"expert": values})
    assert answer.status_code == 200
    assert set(answer.json()) == {"topics", "regions"}


def test_two_queries_whatever_the_number_of_experts(experts, django_assert_num_queries):
    many = [make_expert() for _ in range(6)]
    for expert in many:
        expert.topics.set(experts[0].topics.all())
    with django_assert_num_queries(2):
        selectors.expertise_of([expert.pk for expert in (*experts, *many)])


def test_the_choosers_know_where_to_ask(client, editor):
    client.force_login(editor)
    page = parse(client.get("/admin/articles/article/add/"))
    for name in ("topics", "regions"):
        select = page.find("select", id=f"id_{name}")
        assert select.get("data-suggestions-url") == URL
        assert select.get("data-suggestions-key") == name
