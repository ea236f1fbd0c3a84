"""Authors, recommendations and features put in order by the rows' order (the hidden
positions ordering.js fills in): the server renumbers them 0..n as submitted, whatever
numbers a crafted POST sends, and a contributor's reorder of live work is a proposal."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article, ArticleAuthor, Feature, HomeFeature
from articles.site_services import feature_add_last
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.contributing import article_in
from tests.helpers.factories import add_authors, make_article, make_expert, make_topic

pytestmark = pytest.mark.django_db


def author_rows(article, rows):
    """The authors' inline as posted: `rows` of (expert, position, existing row or None)."""
    data = {
        "authorships-TOTAL_FORMS": str(len(rows)),
        "authorships-INITIAL_FORMS": str(sum(1 for *_, row in rows if row)),
    }
    # Django's inline formsets want the existing rows first.
    ordered = sorted(rows, key=lambda item: item[2] is None)
    for index, (expert, position, row) in enumerate(ordered):
        data[f"authorships-{index}-expert"] = str(expert.pk)
        data[f"authorships-{index}-position"] = position
        data[f"authorships-{index}-article"] = str(article.pk)
        data[f"authorships-{index}-id"] = str(row.pk) if row else ""
    return data


def byline(article):
    rows = ArticleAuthor.objects.filter(article=article).order_by("position", "pk")
    return [(row.expert_id, row.position) for row in rows]


@settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(positions=st.lists(st.integers(min_value=0, max_value=300), min_size=1, max_size=5))
def test_new_authors_are_saved_in_the_submitted_order_as_0_to_n(client, editor, positions):
    article = make_article(published=False)
    experts = [make_expert() for _ in positions]
    client.force_login(editor)
    rows = [
        (expert, str(position), None) for expert, position in zip(experts, positions, strict=True)
    ]
    response = client.post(change_url(article), form_data(article, **author_rows(article, rows)))
    assert response.status_code == 302
    expected = [
        expert.pk
        for _p, _i, expert in sorted(zip(positions, range(len(positions)), experts, strict=True))
    ]
    assert byline(article) == [(pk, place) for place, pk in enumerate(expected)]
    Article.objects.all().delete()


def test_existing_authors_are_reordered_and_renumbered(client, editor):
    first, second, third = make_expert(), make_expert(), make_expert()
    article = make_article(published=False)
    add_authors(article, [first, second, third])
    ArticleAuthor.objects.filter(article=article).update(position=0)  # every row 0, as before
    rows = {row.expert_id: row for row in ArticleAuthor.objects.filter(article=article)}
    client.force_login(editor)
    posted = [
        (third, "0", rows[third.pk]),
        (first, "1", rows[first.pk]),
        (second, "2", rows[second.pk]),
    ]
    response = client.post(change_url(article), form_data(article, **author_rows(article, posted)))
    assert response.status_code == 302
    assert byline(article) == [(third.pk, 0), (first.pk, 1), (second.pk, 2)]


def test_a_row_without_a_position_goes_last(client, editor):
    first, second = make_expert(), make_expert()
    article = make_article(published=False)
    client.force_login(editor)
    rows = [(first, "", None), (second, "0", None)]
    client.post(change_url(article), form_data(article, **author_rows(article, rows)))
    assert byline(article) == [(second.pk, 0), (first.pk, 1)]


@pytest.mark.parametrize("position", ["abc", "-1", "1e3", "0.5"])
def test_a_bad_position_is_a_form_error_not_a_server_error(client, editor, position):
    article = make_article(published=False)
    client.force_login(editor)
    rows = [(make_expert(), position, None)]
    response = client.post(change_url(article), form_data(article, **author_rows(article, rows)))
    assert response.status_code == 200
    assert byline(article) == []


@pytest.mark.parametrize("expert_id", ["abc", "999999", ""])
def test_a_bad_author_id_is_a_form_error(client, editor, expert_id):
    article = make_article(published=False)
    client.force_login(editor)
    data = form_data(
        article,
        **{
            "authorships-TOTAL_FORMS": "1",
            "authorships-0-expert": expert_id,
            "authorships-0-position": "0",
        },
    )
    response = client.post(change_url(article), data)
    # A blank new row is left out, as Django leaves out an untouched extra row.
    assert response.status_code == (302 if expert_id == "" else 200)
    assert byline(article) == []


def test_recommendations_are_renumbered_in_the_submitted_order(client, editor):
    article = make_article(published=False)
    one, two = make_article(), make_article()
    client.force_login(editor)
    data = form_data(
        article,
        **{
            "recommendations-TOTAL_FORMS": "2",
            "recommendations-0-recommended_article": str(one.pk),
            "recommendations-0-position": "7",
            "recommendations-1-recommended_article": str(two.pk),
            "recommendations-1-position": "3",
        },
    )
    assert client.post(change_url(article), data).status_code == 302
    stored = article.recommendations.order_by("position").values_list(
        "recommended_article", "position"
    )
    assert list(stored) == [(two.pk, 0), (one.pk, 1)]


def test_a_contributors_reorder_of_live_work_is_a_proposal_in_that_order(client, contributor):
    article = article_in("live")
    first, second = make_expert(), make_expert()
    add_authors(article, [first, second])
    rows = {row.expert_id: row for row in ArticleAuthor.objects.filter(article=article)}
    client.force_login(contributor)
    posted = [(second, "0", rows[second.pk]), (first, "1", rows[first.pk])]
    response = client.post(change_url(article), form_data(article, **author_rows(article, posted)))
    assert response.status_code == 302
    assert byline(article) == [(first.pk, 0), (second.pk, 1)]  # nothing saved
    assert article.revisions.pending().get().data["authors"] == [second.pk, first.pk]


def test_the_position_is_never_shown_as_a_number_to_type(client, editor):
    article = make_article(published=False)
    add_authors(article, [make_expert()])
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert 'type="hidden" name="authorships-0-position"' in page
    assert 'type="number" name="authorships-0-position"' not in page
    assert "js/ordering.js" in page


# --- features ---------------------------------------------------------------------------


def test_topic_features_are_renumbered_as_submitted(client, editor):
    topic = make_topic()
    one, two = make_article(), make_article()
    client.force_login(editor)
    data = {
        "name": topic.name,
        "slug": topic.slug,
        "description": "",
        "features-TOTAL_FORMS": "2",
        "features-INITIAL_FORMS": "0",
        "features-0-article": str(one.pk),
        "features-0-position": "5",
        "features-1-article": str(two.pk),
        "features-1-position": "5",
    }
    response = client.get(f"/admin/taxonomy/topic/{topic.pk}/change/")
    form = response.context["adminform"].form
    data.update(
        {
            name: value
            for name, value in form.initial.items()
            if name not in data and isinstance(value, str)
        }
    )
    response = client.post(f"/admin/taxonomy/topic/{topic.pk}/change/", data)
    assert response.status_code == 302, response.context and response.context["errors"]
    stored = Feature.objects.filter(topic=topic).values_list("article", "position")
    assert list(stored) == [(one.pk, 0), (two.pk, 1)]


def test_home_features_are_reordered_in_their_list_and_new_ones_go_last(client, editor, admin_user):
    articles = [make_article() for _ in range(3)]
    for article in articles:
        feature_add_last(HomeFeature(article=article), user=admin_user)
    features = list(HomeFeature.objects.all())
    assert [feature.position for feature in features] == [0, 1, 2]
    client.force_login(admin_user)
    data = {
        "form-TOTAL_FORMS": "3",
        "form-INITIAL_FORMS": "3",
        "_save": "Save",
    }
    for index, (feature, position) in enumerate(zip(features, ["2", "0", "0"], strict=True)):
        data[f"form-{index}-id"] = str(feature.pk)
        data[f"form-{index}-position"] = position
    response = client.post("/admin/articles/homefeature/", data)
    assert response.status_code == 302
    stored = list(HomeFeature.objects.values_list("pk", "position"))
    assert stored == [(features[1].pk, 0), (features[2].pk, 1), (features[0].pk, 2)]
