"""
A contributor (no publish permission) may not change what readers see of a published
(live or scheduled) or archived article, through any field of the change form: the
stored article and its page stay as they were, and the change is kept as a proposal
holding what they submitted, of which they are told. Editors save as before.
"""

from datetime import timedelta

import pytest
from django.contrib.auth.models import Permission, User
from django.utils import timezone

from articles import revisions
from articles.models import ArticleRevision
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.contributing import (
    PROPOSED,
    PUBLIC_STATES,
    article_in,
    messages_of,
    reader_view,
    stored,
)
from tests.helpers.factories import (
    image_upload,
    make_article,
    make_expert,
    make_publication_type,
    make_region,
    make_topic,
)

pytestmark = pytest.mark.django_db


def _when(moment):
    return {"0": moment.strftime("%Y-%m-%d"), "1": moment.strftime("%H:%M:%S")}


def _datetime(name, moment):
    return {f"{name}_{part}": value for part, value in _when(moment).items()}


# A change of each field and relation of the snapshot, as the form posts it, and the
# snapshot entries it changes.
CHANGES = {
    "title": (lambda a: {"title": "A changed title"}, {"title"}),
    "slug": (lambda a: {"slug": "a-changed-slug"}, {"slug"}),
    "language": (lambda a: {"language": "ar"}, {"language"}),
    "publication_type": (
        lambda a: {"publication_type": make_publication_type("Commentary").pk},
        {"publication_type"},
    ),
    "summary": (lambda a: {"summary": "A changed summary."}, {"summary"}),
    "body": (lambda a: {"body": "<p>A changed body.</p>"}, {"body"}),
    "footer_note": (lambda a: {"footer_note": "<p>A changed note.</p>"}, {"footer_note"}),
    "outlet_name": (lambda a: {"outlet_name": "Changed Outlet"}, {"outlet_name"}),
    "outlet_url": (lambda a: {"outlet_url": "https://example.org/x"}, {"outlet_url"}),
    "hero_image": (
        lambda a: {"hero_image": image_upload(), "hero_image_alt": "A red square"},
        {"hero_image", "hero_image_alt"},
    ),
    "hero_image_alt": (lambda a: {"hero_image_alt": "Changed alt"}, {"hero_image_alt"}),
    "hero_image_credit": (lambda a: {"hero_image_credit": "Someone"}, {"hero_image_credit"}),
    "event_start": (lambda a: _datetime("event_start", timezone.now()), {"event_start"}),
    "event_time_zone": (lambda a: {"event_time_zone": "Europe/Paris"}, {"event_time_zone"}),
    "event_end": (lambda a: _datetime("event_end", timezone.now()), {"event_end"}),
    "event_location": (lambda a: {"event_location": "Paris"}, {"event_location"}),
    "event_is_online": (lambda a: {"event_is_online": "on"}, {"event_is_online"}),
    "authors": (
        lambda a: {
            "authorships-TOTAL_FORMS": "1",
            "authorships-0-expert": make_expert().pk,
            "authorships-0-position": "0",
        },
        {"authors"},
    ),
    "topics": (lambda a: {"topics": [make_topic().pk]}, {"topics"}),
    "regions": (lambda a: {"regions": [make_region().pk]}, {"regions"}),
    "recommendations": (
        lambda a: {
            "recommendations-TOTAL_FORMS": "1",
            "recommendations-0-recommended_article": make_article().pk,
            "recommendations-0-position": "0",
        },
        {"recommendations"},
    ),
    "tags": (lambda a: {"tags": ["new:changed-tag"]}, {"tags"}),
}
# Not on the form: linked and unlinked through the translation choosers, whose service
# refuses a contributor's move of public work (tests/articles/test_translation_links.py).
NOT_ON_THE_FORM = {"translation_set"}


def test_every_field_and_relation_of_the_snapshot_is_covered():
    """A field added to the article is public by default: add its change here."""
    schema = {field.name for field in revisions.SCHEMA.fields()}
    schema |= {relation.name for relation in revisions.SCHEMA.relations}
    # The status and the publication time change only by a step of the save bar:
    # test_the_workflow_steps_are_refused.
    assert schema == {*CHANGES, *NOT_ON_THE_FORM, "status", "published_at"}


@pytest.mark.parametrize("state", PUBLIC_STATES)
@pytest.mark.parametrize("name", CHANGES)
def test_a_contributors_change_is_a_proposal(client, contributor, state, name):
    article = article_in(state)
    change, changed = CHANGES[name]
    data = form_data(article, **change(article))
    before, seen = stored(article), reader_view(article)
    client.force_login(contributor)

    response = client.post(change_url(article), data)

    assert response.status_code == 302, response.context and response.context["errors"]
    assert response["Location"] == change_url(article)
    assert any(PROPOSED in message for message in messages_of(response))
    assert stored(article) == before  # not a field, not a relation, not the version
    assert reader_view(article) == seen
    proposal = ArticleRevision.objects.get(article=article)
    assert (proposal.proposal, proposal.user) == (ArticleRevision.Proposal.PENDING, contributor)
    assert {key for key, value in proposal.data.items() if before[0][key] != value} == changed


@pytest.mark.parametrize("state", PUBLIC_STATES)
@pytest.mark.parametrize("step", ["submit", "publish", "schedule", "unpublish", "send_back"])
def test_the_workflow_steps_are_refused(client, contributor, state, step):
    article = article_in(state)
    before = stored(article)
    client.force_login(contributor)
    later = (timezone.now() + timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    data = form_data(
        article, workflow_action=step, schedule_at=later, change_note="n", publish_anyway="on"
    )
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert "workflow_action" in response.context["adminform"].form.errors
    assert stored(article) == before
    assert not ArticleRevision.objects.filter(article=article).exists()


@pytest.mark.parametrize("state", PUBLIC_STATES)
def test_the_form_says_beforehand_that_a_save_is_a_proposal(client, contributor, state):
    article = article_in(state)
    client.force_login(contributor)
    page = client.get(change_url(article)).content.decode()
    assert "your changes will be saved as a proposed change" in page


@pytest.mark.parametrize("name", ["title", "body", "topics", "authors", "tags"])
def test_an_editor_saves_as_before(client, editor, name):
    article = article_in("live")
    change, changed = CHANGES[name]
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert "will be saved as a proposed change" not in page
    before = stored(article)[0]
    response = client.post(change_url(article), form_data(article, **change(article)))
    assert response.status_code == 302
    after = stored(article)[0]
    assert {key for key in after if after[key] != before[key]} == changed
    assert list(article.revisions.values_list("proposal", flat=True)) == [""]


@pytest.mark.parametrize("state", ["draft", "review"])
@pytest.mark.parametrize("name", ["title", "body", "topics", "authors", "tags"])
def test_a_contributor_edits_their_draft_as_before(client, contributor, state, name):
    article = article_in(state)
    change, changed = CHANGES[name]
    client.force_login(contributor)
    before = stored(article)[0]
    response = client.post(change_url(article), form_data(article, **change(article)))
    assert response.status_code == 302
    assert not any(PROPOSED in message for message in messages_of(response))
    after, _version, public = stored(article)
    assert {key for key in after if after[key] != before[key]} == changed
    assert not public  # still not for readers: only an editor publishes
    assert not article.revisions.pending().exists()


@pytest.mark.parametrize("state", PUBLIC_STATES)
def test_reordered_and_removed_inline_rows_are_proposed_not_saved(client, contributor, state):
    # Contributors may not remove an author (no delete permission): this one may.
    contributor.user_permissions.add(Permission.objects.get(codename="delete_articleauthor"))
    contributor = User.objects.get(pk=contributor.pk)
    first, second, third = make_expert(), make_expert(), make_expert()
    article = article_in(state, authors=[first, second, third])
    rows = {
        "authorships-TOTAL_FORMS": "3",
        "authorships-INITIAL_FORMS": "3",
    }
    links = list(article.authorships.order_by("position"))
    for index, (link, position) in enumerate(zip(links, ["1", "0", "2"], strict=True)):
        rows[f"authorships-{index}-id"] = link.pk
        rows[f"authorships-{index}-article"] = article.pk
        rows[f"authorships-{index}-expert"] = link.expert_id
        rows[f"authorships-{index}-position"] = position
    rows["authorships-2-DELETE"] = "on"  # the third author removed
    before = stored(article)
    client.force_login(contributor)
    response = client.post(change_url(article), form_data(article, **rows))
    assert response.status_code == 302
    assert stored(article) == before
    assert before[0]["authors"] == [first.pk, second.pk, third.pk]
    assert article.revisions.pending().get().data["authors"] == [second.pk, first.pk]
