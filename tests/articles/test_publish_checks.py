"""
Checks before publish (articles/publish_checks.py): alt text on every figure in the
article's language and on the hero image, a summary, a topic. Shown beside the buttons;
"Publish now" or "Schedule…" with a failing check is refused until confirmed.
"""

import pytest

from articles import publish_checks
from articles.models import Article
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.contributing import article_in
from tests.helpers.factories import in_future, make_article, make_topic
from tests.helpers.htmlpage import parse
from tests.helpers.library import body_with_figures, make_image
from tests.helpers.links import body_linking

pytestmark = pytest.mark.django_db


def codes(article, topics=()):
    candidate = publish_checks.Candidate(article, [topic.pk for topic in topics])
    return [problem.code for problem in publish_checks.problems(candidate)]


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_figure_needs_alt_text_in_the_articles_language(language):
    described = make_image(
        alt_text="A chart", translations={"ar": {"alt_text": "رسم بياني"}, "fa": {}}
    )
    english_only = make_image(alt_text="Only in English", renditions=False)
    bare = make_image(alt_text="", renditions=False)
    article = Article(language=language, summary="S", body=body_with_figures([described]))
    assert codes(article, [make_topic()]) == []
    for image, fails in [(english_only, language == "ar"), (bare, True)]:
        article.body = body_with_figures([described, image])
        problems = publish_checks.problems(publish_checks.Candidate(article, [1]))
        assert [p.code for p in problems] == (["figure-alt-text"] if fails else [])
        if fails:
            assert image.title in problems[0].message


def test_a_summary_a_topic_and_the_hero_images_alt_text():
    article = Article(language="en", summary=" ", body="<p>x</p>")
    article.hero_image.name = "hero.png"
    assert codes(article) == ["hero-alt-text", "summary", "topic"]
    article.hero_image_alt, article.summary = "A hero", "A summary"
    assert codes(article, [make_topic()]) == []


@pytest.mark.parametrize("state", ["draft", "review", "scheduled", "deleted"])
def test_a_link_in_the_body_to_what_readers_cannot_open(state):
    live = make_article(title="A live piece")
    target = make_article(title="The hidden piece", published=state == "scheduled")
    if state == "scheduled":
        Article.objects.filter(pk=target.pk).update(published_at=in_future())
    elif state == "review":
        Article.objects.filter(pk=target.pk).update(status=state)
    article = Article(language="en", summary="S", body=body_linking(live, target))
    if state == "deleted":
        target.delete()
    problems = publish_checks.problems(publish_checks.Candidate(article, [make_topic().pk]))
    assert [p.code for p in problems] == ["draft-links"]
    assert ("The hidden piece" in problems[0].message) is (state != "deleted")
    assert "A live piece" not in problems[0].message
    article.body = body_linking(live)
    assert codes(article, [make_topic()]) == []


def test_one_more_check_is_one_more_function(monkeypatch):
    def no_draft_link(candidate):
        return [publish_checks.Problem("draft-link", "A link points to a draft.")]

    monkeypatch.setattr(publish_checks, "CHECKS", [*publish_checks.CHECKS, no_draft_link])
    assert codes(Article(summary="S", body=""), [make_topic()]) == ["draft-link"]


@pytest.mark.parametrize("step", ["publish", "schedule"])
def test_publishing_with_failing_checks_needs_confirmation(client, editor, step):
    bare = make_image("Bare chart", alt_text="", renditions=False)
    article = article_in("review", body=body_with_figures([bare]))
    client.force_login(editor)
    page = parse(client.get(change_url(article)).content)
    listed = page.find(id="workflow-checks").text
    assert "no alt text in this article's language: Bare chart" in listed
    assert "no topic" in listed
    data = form_data(article, workflow_action=step, schedule_at="2999-01-01T10:00")
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert "publish_anyway" in response.context["adminform"].form.errors
    assert Article.objects.get(pk=article.pk).status == Article.Status.REVIEW
    response = client.post(change_url(article), {**data, "publish_anyway": "on"})
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).status == Article.Status.PUBLISHED


def test_the_checks_read_what_is_submitted(client, editor):
    """A topic chosen in the same save makes the checks pass."""
    article = article_in("review")
    client.force_login(editor)
    data = form_data(article, workflow_action="publish", topics=[make_topic().pk])
    assert client.post(change_url(article), data).status_code == 302
    assert Article.objects.get(pk=article.pk).status == Article.Status.PUBLISHED
    page = parse(client.get(change_url(article)).content)
    assert page.find(cls="workflow-checks__ok")


def test_the_lists_publish_action_leaves_what_fails_a_check(client, editor):
    sound = make_article("Sound piece", published=False, topics=[make_topic()])
    bare = make_article("Piece without a topic", published=False)
    client.force_login(editor)
    response = client.post(
        "/admin/articles/article/",
        {"action": "publish", "_selected_action": [sound.pk, bare.pk]},
        follow=True,
    )
    statuses = dict(Article.objects.values_list("title", "status"))
    assert statuses == {"Sound piece": "published", "Piece without a topic": "draft"}
    text = response.content.decode()
    assert "1 published." in text
    assert "fail a check before publish: Piece without a topic." in text
