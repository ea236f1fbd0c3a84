"""
The demo's work in progress (articles/demo/desk.py): after `load_demo` the dashboard
has something in each of its lists of work, each step taken by its demo user, and a
second load writes nothing more.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from articles.demo import desk as demo_desk
from articles.desk import selectors
from articles.models import Article
from tests.helpers.demo import load_demo

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo():
    load_demo()
    users = get_user_model().objects.in_bulk(["contributor", "editor"], field_name="username")
    return users["contributor"], users["editor"]


def slugs(listing):
    return {row.slug for row in listing.rows}


def test_every_list_of_work_has_the_demos_pieces(demo):
    contributor, editor = demo
    assert demo_desk.DRAFT.slug in slugs(selectors.my_drafts(contributor))
    waiting = selectors.awaiting_review(editor)
    assert {demo_desk.IN_REVIEW.slug, demo_desk.ARABIC_IN_REVIEW.slug} <= slugs(waiting)
    notes = {row.slug: row.submission.note for row in waiting.rows}
    assert notes[demo_desk.IN_REVIEW.slug] == demo_desk.SUBMIT_NOTE
    days = selectors.scheduled(editor).rows
    assert demo_desk.SCHEDULED.slug in {article.slug for day in days for article in day.articles}
    decisions = selectors.review_decisions(contributor)
    assert demo_desk.SEND_BACK_NOTE in {row.note for row in decisions.rows}


def test_each_step_is_its_users_and_a_second_load_writes_nothing(demo):
    contributor, editor = demo
    sent_back = Article.objects.get(slug=demo_desk.SENT_BACK.slug)
    steps = [(r.user, r.data["status"]) for r in sent_back.revisions.order_by("pk")]
    assert steps == [(contributor, "draft"), (contributor, "review"), (editor, "draft")]
    assert demo_desk.load() == 0


def test_without_the_roles_the_demo_loads_without_work_in_progress():
    # A database whose groups were emptied (as transactional tests leave it): no one
    # may take the steps, so none is taken, and the rest of the demo loads.
    Group.objects.all().delete()
    load_demo()
    assert Article.objects.filter(language="en").exists()
    assert not Article.objects.filter(slug=demo_desk.DRAFT.slug).exists()
