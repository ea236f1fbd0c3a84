"""
The editorial dashboard's lists (articles/desk/selectors.py): what each holds, for an
editor (everyone's work) and a contributor (their own), and the revisions they read
(who submitted, when, with what note; what an editor decided).
"""

import pytest

from articles import proposals, services, translation_services
from articles.desk import selectors
from articles.models import Article
from tests.helpers import desk
from tests.helpers.factories import days_ago, in_future, make_article, make_translation

pytestmark = pytest.mark.django_db


def titles(listing):
    return {row.title for row in listing.rows}


def test_drafts_are_each_ones_own_for_editors_too(editor, contributor, other_contributor):
    mine = desk.write(contributor, "Mine")
    desk.write(other_contributor, "Theirs")
    desk.write(editor, "The editor's")
    desk.submit(desk.write(contributor, "Submitted"), contributor)
    assert titles(selectors.my_drafts(contributor)) == {"Mine"}
    assert titles(selectors.my_drafts(editor)) == {"The editor's"}
    # An editor's edit makes it their draft too.
    desk.change_status(mine, Article.Status.DRAFT, editor)
    assert titles(selectors.my_drafts(editor)) == {"The editor's", "Mine"}
    assert selectors.my_drafts(other_contributor).count == 1


def test_work_in_review_says_who_submitted_when_and_their_note(
    editor, contributor, other_contributor
):
    article = desk.submit(desk.write(contributor, "Ready"), contributor, note="Check the map")
    desk.submit(desk.write(other_contributor, "Also ready"), other_contributor)
    everyone = selectors.awaiting_review(editor)
    assert everyone.count == 2
    row = next(row for row in everyone.rows if row.pk == article.pk)
    assert row.submission.user == contributor
    assert row.submission.note == "Check the map"
    assert row.submission.created_at == article.revisions.order_by("-pk")[0].created_at
    own = selectors.awaiting_review(contributor)
    assert (own.count, titles(own)) == (1, {"Ready"})


def test_a_resubmission_is_the_submission_after_the_editor_sent_it_back(editor, contributor):
    article = desk.submit(desk.write(contributor), contributor, note="First go")
    desk.change_status(article, Article.Status.REVIEW, editor, note="Edited in review")
    desk.send_back(article, editor, note="Needs sources")
    desk.submit(article, contributor, note="Sources added")
    desk.change_status(article, Article.Status.REVIEW, editor, note="Tidied")
    (row,) = selectors.awaiting_review(editor).rows
    assert (row.submission.user, row.submission.note) == (contributor, "Sources added")


def test_work_put_in_review_by_no_recorded_step_has_no_submission(editor):
    article = make_article(published=False)
    Article.objects.filter(pk=article.pk).update(status=Article.Status.REVIEW)
    (row,) = selectors.awaiting_review(editor).rows
    assert row.submission is None


def test_recently_published_is_the_last_week_live_not_scheduled(editor, contributor):
    desk.publish(desk.write(contributor, "Today"), editor)
    desk.publish(desk.write(contributor, "Six days ago"), editor, at=days_ago(6))
    desk.publish(desk.write(contributor, "Eight days ago"), editor, at=days_ago(8))
    desk.publish(desk.write(contributor, "Next week"), editor, at=in_future(7))
    make_article("Someone else's")
    assert titles(selectors.recently_published(contributor)) == {"Today", "Six days ago"}
    recent = selectors.recently_published(editor)
    assert titles(recent) == {"Today", "Six days ago", "Someone else's"}
    assert [row.title for row in recent.rows][0] == "Today"


def test_translations_out_of_date_until_brought_up_to_date(editor, contributor):
    source = desk.write(contributor, "Source")
    translation = translation_services.article_add_translation(source, "ar", user=contributor)
    assert selectors.stale_translations(editor).count == 0
    source = Article.objects.get(pk=source.pk)
    source.summary = "A new summary."
    services.article_save(source, user=editor)
    stale = selectors.stale_translations(contributor)
    assert [row.pk for row in stale.rows] == [translation.pk]
    assert stale.rows[0].translation_source.title == "Source"
    assert all(row.is_translation_stale for row in stale.rows)
    translation_services.article_mark_translation_current(
        Article.objects.select_related("translation_source").get(pk=translation.pk), user=editor
    )
    assert selectors.stale_translations(editor).count == 0


def test_a_translation_never_brought_up_to_date_is_stale_once_its_source_changes(editor):
    source = make_article(text_changed_at=days_ago(1))
    make_translation(source, "fa", source_text_seen_at=None, translation_source=source)
    assert selectors.stale_translations(editor).count == 1
    Article.objects.filter(pk=source.pk).update(text_changed_at=None)
    assert selectors.stale_translations(editor).count == 0


def test_a_contributor_is_told_what_editors_decided_with_their_note(
    editor, contributor, other_contributor
):
    published = desk.submit(desk.write(contributor, "Went out"), contributor)
    desk.publish(published, editor, note="Lovely piece")
    returned = desk.submit(desk.write(contributor, "Came back"), contributor)
    desk.send_back(returned, editor, note="Please shorten it")
    desk.send_back(desk.write(contributor, "Never submitted"), editor, note="Not a decision")
    desk.publish(desk.submit(desk.write(other_contributor), other_contributor), editor)
    decisions = selectors.review_decisions(contributor)
    assert decisions.count == 2
    said = {(row.article.title, row.status, row.note, row.user) for row in decisions.rows}
    assert said == {
        ("Went out", "published", "Lovely piece", editor),
        ("Came back", "draft", "Please shorten it", editor),
    }
    # Their own withdrawal is no decision of an editor's.
    desk.send_back(desk.submit(desk.write(contributor), contributor), contributor)
    assert selectors.review_decisions(contributor).count == 2


def test_every_list_keeps_to_a_contributors_own_work(editor, contributor, other_contributor):
    theirs = desk.write(other_contributor, "Theirs", summary="")
    desk.submit(theirs, other_contributor)
    desk.publish(desk.write(other_contributor), editor, at=in_future(2))
    desk.publish(desk.write(other_contributor), editor)
    for listing in (
        selectors.my_drafts(contributor),
        selectors.awaiting_review(contributor),
        selectors.scheduled(contributor),
        selectors.recently_published(contributor),
        selectors.stale_translations(contributor),
        selectors.review_decisions(contributor),
    ):
        assert (listing.count, listing.rows) == (0, [])
    assert selectors.awaiting_review(editor).count == 1
    assert selectors.scheduled(editor).count == 1


def test_proposed_changes_wait_for_an_editor(editor, contributor, other_contributor):
    live = desk.publish(desk.submit(desk.write(contributor, "Live"), contributor), editor)
    live.summary = "A better summary."
    proposal = proposals.article_propose(live, user=contributor, note="Sharper summary")
    other = desk.publish(desk.write(other_contributor, "Other live"), editor)
    proposals.article_propose(other, user=other_contributor)
    everyone = selectors.pending_proposals(editor)
    assert everyone.count == 2
    assert (everyone.rows[0].pk, everyone.rows[0].article.title) == (proposal.pk, "Live")
    assert everyone.rows[0].note == "Sharper summary"
    own = selectors.pending_proposals(contributor)
    assert [row.pk for row in own.rows] == [proposal.pk]
    proposals.article_discard_proposal(proposal, user=editor)
    assert selectors.pending_proposals(contributor).count == 0
    decided = selectors.review_decisions(contributor)
    assert [(row.pk, row.proposal) for row in decided.rows][0] == (proposal.pk, "discarded")
