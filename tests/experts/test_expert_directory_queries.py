"""
The expert directory's queries: as many for thirty experts as for three, filtered or
not, whatever their programs, photos, topics and regions.
"""

from urllib.parse import urlencode

import pytest

from tests.helpers.budgets import page_queries
from tests.helpers.directory import former
from tests.helpers.factories import (
    make_article,
    make_expert,
    make_guest,
    make_program,
    make_region,
    make_topic,
)

pytestmark = pytest.mark.django_db


# --- queries -------------------------------------------------------------------------------------


def populate_directory(count):
    """`count` experts, each with a program, a photo, two topics and a region; a former one."""
    programs = [make_program() for _ in range(3)]
    topics = [make_topic() for _ in range(4)]
    region = make_region(parent=make_region())
    for index in range(count):
        expert = make_expert(
            program=programs[index % 3],
            photo=True,
            role="Fellow",
            translations={"ar": {"name": f"خبير {index}"}},
        )
        expert.topics.add(topics[index % 4], topics[(index + 1) % 4])
        expert.regions.add(region)
        make_article(authors=[expert])
    make_expert(program=programs[0], is_active=False, photo=True)
    make_guest(program=programs[0])


@pytest.mark.parametrize("prefix", ["", "/ar"])
def test_directory_queries_do_not_grow_with_the_experts(
    client, prefix, django_assert_max_num_queries
):
    populate_directory(3)
    small, page = page_queries(client, f"{prefix}/experts", clear_cache=False)
    assert len(page.find_all(cls="expert-card")) == 3
    populate_directory(27)
    with django_assert_max_num_queries(6):
        large, page = page_queries(client, f"{prefix}/experts", clear_cache=False)
    assert len(page.find_all(cls="expert-card")) == 30
    assert len(page.find_all("picture")) == 30
    assert len(former(page)) == 2
    assert small == large


def test_filtered_directory_queries_do_not_grow_with_the_experts(client):
    populate_directory(3)
    program = make_program("Counted", slug="counted")
    topic = make_topic("Counted Topic", slug="counted-topic")
    region = make_region("Counted Region", slug="counted-region")

    def grow(count):
        for _ in range(count):
            expert = make_expert(program=program, photo=True)
            expert.topics.add(topic)
            expert.regions.add(region, make_region(parent=region))

    url = "/experts?" + urlencode(
        {"q": "expert", "program": "counted", "topic": "counted-topic", "region": "counted-region"}
    )
    grow(2)
    small, page = page_queries(client, url, clear_cache=False)
    assert len(page.find_all(cls="expert-card")) == 2
    grow(20)
    large, page = page_queries(client, url, clear_cache=False)
    assert len(page.find_all(cls="expert-card")) == 22
    assert small == large
