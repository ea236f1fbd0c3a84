"""
Articles with problems (articles/desk/problems.py): each named check finds what it
says and nothing else, in the article's language; archived work is not checked; a
check added later is counted and listed with the others.
"""

import pytest

from articles import services
from articles.desk import problems, selectors
from articles.desk.problems import Check
from articles.models import Article
from tests.helpers import desk
from tests.helpers.factories import (
    add_recommendations,
    days_ago,
    image_upload,
    in_future,
    make_article,
)
from tests.helpers.library import figure, make_image
from tests.helpers.links import body_linking

pytestmark = pytest.mark.django_db


def counts(user):
    return {item.check.name: item.count for item in problems.with_problems(user).checks}


def problems_of(user, article):
    listing = problems.with_problems(user)
    return next((row.problems for row in listing.rows if row.pk == article.pk), None)


def test_a_sound_article_has_no_problem(editor, contributor):
    desk.write(contributor)
    listing = problems.with_problems(editor)
    assert (listing.count, listing.rows) == (0, [])
    assert set(counts(editor).values()) == {0}


def test_no_summary_and_no_topic(editor, contributor):
    bare = desk.write(contributor, summary="", topics=[])
    assert counts(editor) == {
        "figure-without-alt-text": 0,
        "hero-without-alt-text": 0,
        "no-summary": 1,
        "no-topic": 1,
        "recommends-unpublished": 0,
        "links-to-unpublished": 0,
    }
    assert [str(label) for label in problems_of(contributor, bare)] == ["No summary", "No topic"]


def test_a_hero_image_without_alt_text(editor, contributor):
    article = desk.write(contributor)
    Article.objects.filter(pk=article.pk).update(hero_image="articles/hero.png")
    assert counts(editor)["hero-without-alt-text"] == 1
    Article.objects.filter(pk=article.pk).update(hero_image_alt="A harbour at dawn")
    assert counts(editor)["hero-without-alt-text"] == 0


def test_a_figure_without_alt_text_in_the_articles_language(editor, contributor):
    image = make_image(alt_text="A chart of exports", translations={"fa": {"alt_text": "نمودار"}})
    versions = {}
    for language in ("en", "ar", "fa"):
        article = desk.write(contributor, language=language, body=f"<p>Text</p>{figure(image)}")
        versions[language] = desk.change_status(article, Article.Status.DRAFT, contributor)
    assert counts(editor)["figure-without-alt-text"] == 1
    assert problems_of(editor, versions["ar"]) == ["Figure without alt text"]
    assert problems_of(editor, versions["en"]) is None
    image.translations = {"fa": {"alt_text": "نمودار"}, "ar": {"alt_text": "رسم بياني"}}
    image.save()
    assert counts(editor)["figure-without-alt-text"] == 0


@pytest.mark.parametrize(
    ("state", "problem"),
    [("draft", True), ("review", True), ("archived", True), ("scheduled", False), ("live", False)],
)
def test_a_recommendation_readers_cannot_see(editor, contributor, state, problem):
    target = make_article(published=state in ("scheduled", "live", "archived"))
    if state == "scheduled":
        Article.objects.filter(pk=target.pk).update(published_at=in_future())
    elif state in ("review", "archived"):
        Article.objects.filter(pk=target.pk).update(status=state)
    article = desk.write(contributor)
    add_recommendations(article, [target])
    assert counts(editor)["recommends-unpublished"] == int(problem)


@pytest.mark.parametrize(
    ("state", "problem"),
    [("draft", True), ("review", True), ("scheduled", True), ("live", False)],
)
def test_a_link_in_the_body_to_work_readers_cannot_open(editor, contributor, state, problem):
    target = make_article(published=state in ("scheduled", "live"))
    if state == "scheduled":
        Article.objects.filter(pk=target.pk).update(published_at=in_future())
    elif state == "review":
        Article.objects.filter(pk=target.pk).update(status=state)
    article = desk.write(contributor, body=body_linking(target))
    article = desk.change_status(article, Article.Status.DRAFT, contributor)
    assert counts(editor)["links-to-unpublished"] == int(problem)
    labels = [str(label) for label in problems_of(editor, article) or []]
    assert ("Links to unpublished work" in labels) is problem
    if problem:
        desk.publish(Article.objects.get(pk=target.pk), editor, at=days_ago(1))
        assert counts(editor)["links-to-unpublished"] == 0


def test_archived_work_is_not_checked_and_contributors_see_their_own(
    editor, contributor, other_contributor
):
    archived = desk.write(contributor, summary="")
    Article.objects.filter(pk=archived.pk).update(status=Article.Status.ARCHIVED)
    theirs = desk.write(other_contributor, summary="")
    assert problems.with_problems(editor).count == 1
    assert problems.with_problems(contributor).count == 0
    assert [row.pk for row in problems.with_problems(other_contributor).rows] == [theirs.pk]


def test_a_check_added_later_is_counted_and_listed(editor, contributor, monkeypatch):
    monkeypatch.setattr(problems, "CHECKS", list(problems.CHECKS))
    flagged = desk.write(contributor, "Flag me")
    desk.write(contributor, "Leave me")
    problems.register_check(
        Check("title-says-flag", "Title says flag", lambda: Article.objects.filter(title="Flag me"))
    )
    listing = problems.with_problems(editor)
    assert counts(editor)["title-says-flag"] == 1
    assert [(row.pk, row.problems) for row in listing.rows] == [(flagged.pk, ["Title says flag"])]
    problems.register_check(Check("title-says-flag", "Again", Article.objects.none))
    assert [check.name for check in problems.CHECKS].count("title-says-flag") == 1


def test_the_last_changed_come_first_and_the_count_is_of_all(editor, contributor):
    made = [desk.write(contributor, summary="") for _ in range(selectors.ROWS + 3)]
    listing = problems.with_problems(editor)
    assert listing.count == len(made)
    assert [row.pk for row in listing.rows] == [article.pk for article in made[::-1]][
        : selectors.ROWS
    ]


def test_a_hero_upload_through_the_service_needs_its_alt_text(editor):
    article = make_article(published=False, hero_image=image_upload(), hero_image_alt="A port")
    article.hero_image_alt = ""
    services.article_save(article, user=editor)
    assert counts(editor)["hero-without-alt-text"] == 1
