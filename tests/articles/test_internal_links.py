"""
Internal links rendered (articles/body.py, articles/links.py): a link to a public
article, expert, topic or region points to its current address; one to what readers may
not open (a draft, in review, scheduled, archived or deleted article, a guest expert, a
deleted topic) is its text alone on the page and in the PDF edition, and marked in the
preview. English and Arabic. See docs/internal-links.md.
"""

import pytest

from articles import pdf_edition, services
from articles.body import rendered_body
from articles.links import UNPUBLISHED_CLASS, target_addresses
from articles.models import Article
from tests.helpers.factories import (
    in_future,
    make_article,
    make_expert,
    make_guest,
    make_region,
    make_topic,
)
from tests.helpers.htmlpage import parse
from tests.helpers.links import body_linking, link
from thinktank.links import Reference

pytestmark = pytest.mark.django_db


def anchors(html):
    return {a.text: a.get("href") for a in parse(str(html)).find_all("a")}


def test_public_targets_of_every_kind_get_their_current_address():
    target = make_article("Oil and power", slug="oil-and-power")
    expert = make_expert("Anna Borshchevskaya", slug="anna")
    topic, region = make_topic("Energy", slug="energy"), make_region("Levant", slug="levant")
    body = "".join(
        f"<p>{link(item, name)}</p>"
        for item, name in [(target, "a"), (expert, "e"), (topic, "t"), (region, "r")]
    )
    article = make_article(body=body)
    assert anchors(rendered_body(article)) == {
        "a": "/policy-analysis/oil-and-power",
        "e": "/experts/anna",
        "t": "/policy-analysis/energy",
        "r": "/policy-analysis/levant",
    }


def test_an_arabic_page_links_to_the_target_in_its_own_language_and_to_arabic_pages():
    english = make_article("Oil", slug="oil")
    arabic_target = make_article("نفط", slug="naft", language="ar")
    topic = make_topic("Energy", slug="energy")
    body = f"<p>{link(english, 'en')} {link(arabic_target, 'ar')} {link(topic, 'topic')}</p>"
    article = make_article("مقالة", slug="maqala", language="ar", body=body)
    assert anchors(rendered_body(article)) == {
        "en": "/policy-analysis/oil",
        "ar": "/ar/policy-analysis/naft",
        "topic": "/ar/policy-analysis/energy",
    }


def unpublished_targets(editor):
    draft = make_article("Draft piece", published=False)
    scheduled = make_article("Scheduled piece", published_at=in_future())
    archived = make_article("Archived piece")
    review = make_article("Reviewed piece", published=False)
    Article.objects.filter(pk=archived.pk).update(status=Article.Status.ARCHIVED)
    Article.objects.filter(pk=review.pk).update(status=Article.Status.REVIEW)
    gone = make_article("Deleted piece")
    guest = make_guest("A guest")
    gone_topic = make_topic("Gone topic")
    targets = [draft, scheduled, archived, review, gone, guest, gone_topic]
    body = body_linking(*targets)
    gone.delete()
    gone_topic.delete()
    return body, targets


@pytest.mark.parametrize("language", ["en", "ar"])
def test_a_link_to_what_readers_may_not_open_is_its_text_alone(client, editor, language):
    body, targets = unpublished_targets(editor)
    article = make_article(language=language, body=body)
    html = str(rendered_body(article))
    assert "<a" not in html and "data-link" not in html
    for target in targets:
        assert f"See link to {target} here." in parse(html).text
    page = client.get(article.get_absolute_url())
    content = page.content.decode()
    assert "data-link" not in content
    for target in targets:
        assert f"link to {target}" in content
        assert f">link to {target}</a>" not in content


def test_the_preview_marks_them(client, editor):
    body, targets = unpublished_targets(editor)
    live = make_article("Live piece")
    article = make_article(published=False, body=body + body_linking(live))
    client.force_login(editor)
    page = parse(client.get(f"/preview/articles/{article.pk}"))
    marked = page.find_all("mark", cls=UNPUBLISHED_CLASS)
    assert [mark.text for mark in marked] == [f"link to {target}" for target in targets]
    assert all(mark.get("title") for mark in marked)
    assert page.find("a", text=f"link to {live}").get("href") == live.get_absolute_url()


def test_the_pdf_edition_renders_the_same(editor):
    live = make_article("Live piece", slug="live-piece")
    draft = make_article("Draft piece", published=False)
    article = make_article(body=body_linking(live, draft))
    html, _notes = pdf_edition.rendered_body(article)
    assert anchors(html) == {"link to Live piece": "/policy-analysis/live-piece"}
    assert "link to Draft piece" in str(html)


def test_the_link_follows_a_slug_change_and_an_unpublished_target(editor):
    target = make_article("Target", slug="old-slug")
    article = make_article(body=body_linking(target))
    assert anchors(rendered_body(article)) == {"link to Target": "/policy-analysis/old-slug"}

    target.slug = "new-slug"
    services.article_save(target, user=editor)
    assert anchors(rendered_body(article)) == {"link to Target": "/policy-analysis/new-slug"}

    services.article_unpublish(target, user=editor)
    assert anchors(rendered_body(article)) == {}
    assert "link to Target" in str(rendered_body(article))


def test_all_targets_in_one_query(django_assert_num_queries):
    targets = [make_article() for _ in range(3)] + [make_expert(), make_topic(), make_region()]
    references = [
        Reference(kind, item.pk)
        for kind, item in zip(["article"] * 3 + ["expert", "topic", "region"], targets, strict=True)
    ]
    with django_assert_num_queries(1):
        addresses = target_addresses(references, "en")
    assert set(addresses) == set(references)
    with django_assert_num_queries(0):
        assert target_addresses([], "en") == {}


def test_an_ordinary_link_and_a_stale_href_are_handled(editor):
    target = make_article("Target", slug="target")
    body = (
        f'<p><a data-link="article:{target.pk}" href="https://example.org/stale">in</a> '
        '<a href="https://example.org/">out</a></p>'
    )
    article = make_article(body=body)
    assert anchors(rendered_body(article)) == {
        "in": "/policy-analysis/target",
        "out": "https://example.org/",
    }


def test_a_target_changed_discards_the_kept_pdfs_of_the_articles_linking_to_it(
    editor, monkeypatch, django_capture_on_commit_callbacks
):
    discarded = []
    monkeypatch.setattr(pdf_edition, "discard_editions", discarded.append)
    target, topic, unrelated = make_article("Target"), make_topic(), make_article("Unrelated")
    article = make_article(published=False)
    article.body = body_linking(target, topic)
    services.article_save(article, user=editor)
    for change in (
        lambda: services.article_unpublish(target, user=editor),
        lambda: topic.delete(),
    ):
        discarded.clear()
        with django_capture_on_commit_callbacks(execute=True):
            change()
        assert article.pk in discarded
    discarded.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.article_unpublish(unrelated, user=editor)
        # A save of fields no link shows discards nothing, and reads no link.
        target.preview_secret = "new"
        target.save(update_fields=["preview_secret"])
    assert article.pk not in discarded
    with django_capture_on_commit_callbacks(execute=True):
        target.slug = "target-renamed"
        target.save(update_fields=["slug"])
    assert article.pk in discarded
