"""
Proposed changes: an editor sees them, publishes one (the article, and its page, become
what was proposed, version-checked and recorded as a revision) or discards it; their
author may withdraw one. (How they are made: test_contributor_limits.py.)
"""

from datetime import timedelta

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone

from articles import proposals
from articles.models import Article, ArticleRevision
from tests.helpers.adminforms import change_url, form_data, history_url, revision_url
from tests.helpers.budgets import count_queries
from tests.helpers.contributing import article_in, messages_of, reader_view, stored
from tests.helpers.factories import image_upload, make_expert, make_topic

pytestmark = pytest.mark.django_db


def _discard_url(article, proposal):
    return f"{revision_url(article, proposal)}discard/"


def _proposed(client, contributor, article, **changes):
    """The proposal a contributor makes through the change form."""
    client.force_login(contributor)
    response = client.post(change_url(article), form_data(article, **changes))
    assert response.status_code == 302
    return article.revisions.pending().latest()


def test_the_editor_is_told_and_sees_the_difference(client, contributor, editor):
    article = article_in("live", "Old title")
    proposal = _proposed(
        client, contributor, article, title="New title", change_note="Fixed the title"
    )
    client.force_login(editor)
    page = client.get(change_url(article)).content.decode()
    assert "A change proposed by con on" in page and "awaits review" in page
    assert revision_url(article, proposal) in page
    history = client.get(history_url(article)).content.decode()
    assert "Proposed, awaiting review" in history and "Fixed the title" in history
    diff = client.get(revision_url(article, proposal)).content.decode()
    assert "Old title" in diff and "New title" in diff
    assert "Publish this proposed change" in diff and "Discard this proposed change" in diff


def test_the_editor_publishes_it_and_readers_see_it(client, contributor, editor):
    article = article_in("live", "Old title")
    topic, author = make_topic(), make_expert("Proposed Author")
    proposal = _proposed(
        client,
        contributor,
        article,
        title="New title",
        topics=[topic.pk],
        **{
            "authorships-TOTAL_FORMS": "1",
            "authorships-0-expert": author.pk,
            "authorships-0-position": "0",
        },
    )
    client.force_login(editor)
    response = client.post(revision_url(article, proposal), {"loaded_version": article.version})
    assert response.status_code == 302
    assert "The proposed change was published." in messages_of(response)
    published = Article.objects.get(pk=article.pk)
    assert published.title == "New title"
    assert list(published.topics.all()) == [topic]
    assert list(published.authors.all()) == [author]
    status, page = reader_view(published)
    assert status == 200 and b"New title" in page and b"Proposed Author" in page
    proposal.refresh_from_db()
    assert (proposal.proposal, proposal.reviewed_by) == ("published", editor)
    saved = article.revisions.saved().latest()
    assert saved.user == editor and "proposed by con" in saved.note
    assert "awaits review" not in client.get(change_url(article)).content.decode()


def test_a_proposed_date_in_the_past_puts_a_scheduled_piece_live_when_published(
    client, contributor, editor
):
    # The form has no date field (a time is set by "Schedule…", an editor's step): the
    # proposal is made through the service, as a restore of an older revision would be.
    article = article_in("scheduled")
    article.published_at = timezone.now() - timedelta(days=2)
    proposal = proposals.article_propose(article, user=contributor)
    article = Article.objects.get(pk=article.pk)
    assert reader_view(article)[0] == 404  # the embargo holds until an editor decides
    client.force_login(editor)
    client.post(revision_url(article, proposal), {"loaded_version": article.version})
    assert reader_view(article)[0] == 200


def test_publishing_over_a_later_save_is_refused(client, contributor, editor):
    article = article_in("live", "Old title")
    proposal = _proposed(client, contributor, article, title="New title")
    seen_version = article.version
    Article.objects.filter(pk=article.pk).update(title="Meanwhile", version=seen_version + 1)
    client.force_login(editor)
    response = client.post(revision_url(article, proposal), {"loaded_version": seen_version})
    assert "nothing was restored" in " ".join(messages_of(response))
    assert Article.objects.get(pk=article.pk).title == "Meanwhile"
    assert ArticleRevision.objects.get(pk=proposal.pk).is_pending


def test_the_editor_discards_it(client, contributor, editor):
    article = article_in("live", "Old title")
    proposal = _proposed(client, contributor, article, title="New title")
    before, seen = stored(article), reader_view(article)
    client.force_login(editor)
    response = client.post(_discard_url(article, proposal))
    assert response["Location"] == history_url(article)
    proposal.refresh_from_db()
    assert (proposal.proposal, proposal.reviewed_by) == ("discarded", editor)
    assert stored(article) == before and reader_view(article) == seen
    assert "awaits review" not in client.get(change_url(article)).content.decode()
    # A discarded proposal is not published by a second POST of the old page.
    client.post(_discard_url(article, proposal))
    assert ArticleRevision.objects.get(pk=proposal.pk).proposal == "discarded"


def test_its_author_may_withdraw_it_and_no_other_contributor(
    client, contributor, other_contributor
):
    article = article_in("live")
    proposal = _proposed(client, contributor, article, title="Mine")
    client.force_login(other_contributor)
    response = client.post(_discard_url(article, proposal))
    assert "You do not have permission" in " ".join(messages_of(response))
    assert ArticleRevision.objects.get(pk=proposal.pk).is_pending
    client.force_login(contributor)
    client.post(_discard_url(article, proposal))
    assert ArticleRevision.objects.get(pk=proposal.pk).proposal == "discarded"


def test_the_list_names_the_last_to_save_not_the_last_to_propose(client, contributor, editor):
    article = article_in("live")
    client.force_login(editor)
    client.post(change_url(article), form_data(article, summary="Edited by the editor."))
    _proposed(client, contributor, Article.objects.get(pk=article.pk), title="Proposed")
    client.force_login(editor)
    listing = client.get("/admin/articles/article/").content.decode()
    assert "(ed)" in listing and "(con)" not in listing


def _changelist_queries(client, url):
    count, response = count_queries(client, url, clear_cache=False)
    return count, response.content.decode()


def test_the_list_flags_and_filters_them_in_one_query_for_the_page(client, contributor, editor):
    quiet = article_in("live", "Quiet piece")
    proposed = [article_in("live", f"Proposed piece {n}") for n in range(2)]
    for article in proposed[:1]:
        _proposed(client, contributor, article, title="Changed")
    client.force_login(editor)
    url = "/admin/articles/article/?proposed=pending"
    few, listing = _changelist_queries(client, url)
    assert "Proposed piece 0" in listing
    assert "Proposed piece 1" not in listing and quiet.title not in listing
    for article in [proposed[1], *(article_in("live") for _ in range(3))]:
        _proposed(client, contributor, article, title="Changed too")
    client.force_login(editor)
    many, listing = _changelist_queries(client, url)
    assert "Proposed piece 1" in listing
    assert many == few  # no query per row


def test_a_proposed_image_is_kept_and_published_with_it(client, contributor, editor):
    article = article_in("live")
    proposal = _proposed(
        client, contributor, article, hero_image=image_upload(), hero_image_alt="A red square"
    )
    name = proposal.data["hero_image"]
    assert name.startswith("articles/") and default_storage.exists(name)
    assert not Article.objects.get(pk=article.pk).hero_image  # readers do not see it yet
    client.force_login(editor)
    client.post(revision_url(article, proposal), {"loaded_version": article.version})
    published = Article.objects.get(pk=article.pk)
    assert (published.hero_image.name, published.hero_image_alt) == (name, "A red square")
    assert published.hero_image_width == 8
