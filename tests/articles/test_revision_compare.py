"""Any two revisions compared, rendered: the older first whichever way they were
picked, rich text with its changes marked, plain fields before and after, relations as
names added and removed; a restore keeps the editor's note."""

import pytest

from articles import services
from articles.models import Article
from experts import services as expert_services
from tests.helpers.adminforms import history_url, revision_url
from tests.helpers.expertforms import history_url as expert_history_url
from tests.helpers.factories import add_authors, make_article, make_expert, make_topic
from tests.helpers.htmlpage import parse

pytestmark = pytest.mark.django_db


def compare_url(history, older, newer):
    return f"{history}compare/?from={older.pk}&to={newer.pk}"


def three_revisions(editor):
    """An article saved three times: its body, then its title, topics and authors."""
    first_author, second_author = make_expert("Dana Stroul"), make_expert("Samira Khoury")
    article = make_article(
        "Grain corridors",
        body="<p>Grain leaves the Black Sea.</p><p>Prices rose.</p>",
        authors=[first_author],
        topics=[make_topic("Energy")],
        published=False,
    )
    first = services.article_record_revision(article, user=editor, note="first")
    article = Article.objects.get(pk=article.pk)
    article.body = "<p>Grain leaves the Baltic Sea.</p><p>Prices rose.</p><p>Ships wait.</p>"
    services.article_save(article, user=editor)
    second = services.article_record_revision(article, user=editor, note="second")
    article = Article.objects.get(pk=article.pk)
    article.title = "Grain corridors <b>reopened</b>"
    services.article_save(article, user=editor)
    article.topics.set([make_topic("Shipping")])
    article.authorships.all().delete()
    add_authors(article, [second_author])
    third = services.article_record_revision(article, user=editor, note="third")
    return article, first, second, third


def differences_of(page):
    """{field label: its cell} of a page's table of differences."""
    rows = page.find(cls="revision-diff").find("tbody").find_all("tr")
    return {row.find("th").text: row.find("td") for row in rows}


def test_the_history_offers_any_two_to_compare_the_latest_change_chosen(client, editor):
    article, first, second, third = three_revisions(editor)
    client.force_login(editor)
    page = parse(client.get(history_url(article)).content.decode())
    form = page.find("form", cls="revision-compare-form")
    assert form.get("action") == f"{history_url(article)}compare/"
    checked = {
        (radio.get("name"), radio.get("value"))
        for radio in form.find_all("input", type="radio")
        if "checked" in radio.attrs
    }
    assert checked == {("from", str(second.pk)), ("to", str(third.pk))}
    assert all(radio.get("aria-label") for radio in form.find_all("input", type="radio"))


def test_two_older_revisions_compared_with_the_body_rendered(client, editor):
    article, first, second, _third = three_revisions(editor)
    client.force_login(editor)
    page = parse(client.get(compare_url(history_url(article), first, second)).content.decode())
    body = differences_of(page)["Body"].find(cls="revision-diff__rich")
    assert body.find("del").text == "Black" and body.find("ins").text == "Baltic"
    assert body.find_all("ins")[1].find("p").text == "Ships wait."
    assert (body.get("lang"), body.get("dir")) == ("en", "ltr")
    assert "Title" not in differences_of(page)  # unchanged between these two
    assert page.find(cls="revision-key").find_all("ins")  # the key says what marks mean


def test_the_older_is_shown_first_whichever_way_they_were_picked(client, editor):
    article, first, _second, third = three_revisions(editor)
    client.force_login(editor)
    forward = client.get(compare_url(history_url(article), first, third)).content.decode()
    backward = client.get(compare_url(history_url(article), third, first)).content.decode()
    assert parse(forward).find(cls="revision-diff").text == (
        parse(backward).find(cls="revision-diff").text
    )
    pair = parse(forward).find(cls="revision-pair").find_all("a")
    assert [link.get("href") for link in pair] == [
        revision_url(article, first),
        revision_url(article, third),
    ]


def test_plain_fields_before_and_after_relations_as_names_escaped(client, editor):
    article, _first, second, third = three_revisions(editor)
    client.force_login(editor)
    html = client.get(compare_url(history_url(article), second, third)).content.decode()
    rows = differences_of(parse(html))
    assert rows["Title"].find("del").text == "Grain corridors"
    assert rows["Title"].find("ins").text == "Grain corridors <b>reopened</b>"  # as text
    assert "&lt;b&gt;reopened" in html
    assert [ins.text for ins in rows["Topics"].find_all("ins")] == ["Shipping"]
    assert [dl.text for dl in rows["Topics"].find_all("del")] == ["Energy"]
    assert [ins.text for ins in rows["Authors"].find_all("ins")] == ["Samira Khoury"]


def test_bad_choices_get_a_message_and_the_history_not_an_error(client, editor):
    article, first, _second, _third = three_revisions(editor)
    client.force_login(editor)
    base = f"{history_url(article)}compare/"
    for query in ("", "?from=x&to=1", f"?from={first.pk}&to={first.pk}"):
        response = client.get(base + query)
        assert response.status_code == 302 and response["Location"] == history_url(article)
    other = make_article()
    foreign = services.article_record_revision(other, user=editor)
    refused = client.get(f"{base}?from={first.pk}&to={foreign.pk}")
    assert refused.status_code == 302 and refused["Location"] == history_url(article)


def test_contributors_compare_but_the_frame_refuses_strangers(client, editor, contributor):
    article, first, second, _third = three_revisions(editor)
    client.force_login(contributor)
    assert client.get(compare_url(history_url(article), first, second)).status_code == 200
    client.logout()
    assert client.get(compare_url(history_url(article), first, second)).status_code == 302


def test_restoring_keeps_the_note_typed(client, editor):
    article, first, _second, _third = three_revisions(editor)
    client.force_login(editor)
    page = parse(client.get(revision_url(article, first)).content.decode())
    note = page.find("input", id="restore-note")
    assert note.get("name") == "note" and page.find("label", text="Note: why restore it?")
    article = Article.objects.get(pk=article.pk)
    response = client.post(
        revision_url(article, first),
        {"loaded_version": article.version, "note": "  The Baltic   was a mistake  "},
    )
    assert response.status_code == 302
    restored = article.revisions.first()
    assert restored.note.endswith(": The Baltic was a mistake")
    assert restored.note.startswith("Restored the revision of")
    assert Article.objects.get(pk=article.pk).body == first.data["body"]


def test_a_restore_without_a_note_says_what_it_did(editor):
    article, first, _second, _third = three_revisions(editor)
    services.article_restore(Article.objects.get(pk=article.pk), first, user=editor)
    assert article.revisions.first().note.startswith("Restored the revision of")


def test_a_contributor_still_cannot_restore_a_published_revision(client, contributor):
    article = make_article("Was public")
    published = services.article_record_revision(article, user=contributor)
    Article.objects.filter(pk=article.pk).update(status="draft", version=article.version + 1)
    client.force_login(contributor)
    draft = Article.objects.get(pk=article.pk)
    client.post(
        revision_url(article, published), {"loaded_version": draft.version, "note": "please"}
    )
    assert Article.objects.get(pk=article.pk).status == "draft"
    assert not draft.revisions.filter(note__contains="please").exists()


def test_an_expert_profile_compares_and_restores_with_a_note_too(client, expert_manager):
    expert = make_expert("Reza Karimi", bio="<p>Works on energy.</p>")
    first = expert_services.expert_record_revision(expert, user=expert_manager)
    expert.bio = "<p>Works on maritime security.</p>"
    expert_services.expert_save(expert, user=expert_manager)
    second = expert_services.expert_record_revision(expert, user=expert_manager)
    client.force_login(expert_manager)
    page = parse(
        client.get(compare_url(expert_history_url(expert), first, second)).content.decode()
    )
    bio = differences_of(page)["Full bio"].find(cls="revision-diff__rich")
    assert bio.find("del").text == "energy." and bio.find("ins").text == "maritime security."
    expert.refresh_from_db()
    client.post(
        f"{expert_history_url(expert)}{first.pk}/",
        {"loaded_version": expert.version, "note": "bio reverted"},
    )
    assert expert.revisions.first().note.endswith(": bio reverted")


def test_publishing_a_proposed_change_asks_for_an_optional_note(client, editor, contributor):
    article = make_article("Live piece")
    client.force_login(contributor)
    proposal = services.article_record_revision(article, user=contributor)
    type(proposal).objects.filter(pk=proposal.pk).update(proposal="pending")
    client.force_login(editor)
    page = parse(client.get(revision_url(article, proposal)).content.decode())
    assert page.find("label", text="Note for the history (optional)")
    assert "required" not in page.find("input", id="restore-note").attrs
