"""
What an article's body links to, recorded (ArticleLink, articles.link_services) by every
service that writes a body; the selectors that read it: the articles linking to what
readers may not open (one query), and one article's such links (the check before
publishing); and this site's own addresses pasted into a body, made references on save.
See docs/internal-links.md.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from articles import services
from articles.link_selectors import articles_with_broken_links, draft_links
from articles.links import reference_for_address, with_references
from articles.models import Article, ArticleLink, ArticleRevision
from tests.helpers.factories import (
    in_future,
    make_article,
    make_expert,
    make_guest,
    make_region,
    make_topic,
)
from tests.helpers.links import body_linking, reference
from thinktank.links import Reference

pytestmark = pytest.mark.django_db


def recorded(article):
    return {f"{kind}:{pk}" for kind, pk in article.body_links.values_list("kind", "target_id")}


def test_every_save_of_the_body_records_its_links(editor):
    first, second = make_article(), make_article()
    topic = make_topic()
    article = make_article(published=False)
    article.body = body_linking(first, topic, first)
    services.article_save(article, user=editor)
    assert recorded(article) == {reference(first), reference(topic)}

    services.article_record_revision(article, user=editor)
    revision = ArticleRevision.objects.filter(article=article).latest("pk")
    article.body = body_linking(second)
    services.article_save(article, user=editor)
    assert recorded(article) == {reference(second)}

    services.article_restore(article, revision, user=editor)
    assert recorded(article) == {reference(first), reference(topic)}

    article.body = "<p>No link.</p>"
    services.article_save(article, user=editor)
    assert recorded(article) == set()


def test_a_deleted_target_stays_recorded_and_deleting_the_article_removes_its_rows(editor):
    target = make_article()
    article = make_article(published=False)
    article.body = body_linking(target)
    services.article_save(article, user=editor)
    target_reference = reference(target)
    target.delete()
    assert recorded(article) == {target_reference}
    article.delete()
    assert not ArticleLink.objects.exists()


def save(article, editor, *targets):
    article.body = body_linking(*targets)
    services.article_save(article, user=editor)
    return article


def test_articles_with_broken_links_in_one_query(editor):
    live, draft = make_article("Live"), make_article("Draft", published=False)
    scheduled = make_article("Later", published_at=in_future())
    expert, guest = make_expert(), make_guest()
    topic, region = make_topic(), make_region()
    gone = make_article("Gone")

    fine = save(make_article("Fine"), editor, live, expert, topic, region)
    to_draft = save(make_article("To a draft"), editor, live, draft)
    to_scheduled = save(make_article("To a scheduled piece", language="ar"), editor, scheduled)
    to_guest = save(make_article("To a guest", published=False), editor, guest)
    to_gone = save(make_article("To a deleted piece"), editor, gone)
    gone.delete()
    unpublished = save(make_article("To work unpublished later"), editor, live)
    services.article_unpublish(live, user=editor)

    with CaptureQueriesContext(connection) as queries:
        found = set(articles_with_broken_links())
    assert len(queries) == 1
    assert found == {to_draft, to_scheduled, to_guest, to_gone, unpublished, fine}
    assert fine in found  # it linked to `live`, since unpublished

    services.article_publish(live, user=editor)
    assert set(articles_with_broken_links()) == {to_draft, to_scheduled, to_guest, to_gone}
    assert set(articles_with_broken_links(language="ar")) == {to_scheduled}
    assert set(articles_with_broken_links(statuses=[Article.Status.DRAFT])) == {to_guest}
    assert unpublished not in set(articles_with_broken_links())


def test_draft_links_of_one_article_as_it_is(editor):
    live, draft = make_article("Live"), make_article("Draft piece", published=False)
    scheduled = make_article("Later", published_at=in_future())
    guest, topic, gone = make_guest("A guest"), make_topic(), make_article("Gone")
    article = make_article(published=False)
    article.body = body_linking(live, draft, scheduled, guest, topic, gone)  # not saved
    gone_id = gone.pk
    gone.delete()
    found = draft_links(article)
    assert [(str(item.reference), item.title) for item in found] == [
        (reference(draft), "Draft piece"),
        (reference(scheduled), "Later"),
        (reference(guest), "A guest"),
        (f"article:{gone_id}", ""),
    ]
    assert [item.reason for item in found] == ["Draft", "Scheduled", "no public profile", "deleted"]
    article.body = body_linking(live, topic)
    assert draft_links(article) == []


@pytest.mark.parametrize("language", ["en", "ar"])
def test_this_sites_addresses_pasted_become_references(settings, editor, language):
    settings.ALLOWED_HOSTS = ["thinktank.example", ".example.net"]
    prefix = "" if language == "en" else "/ar"
    target = make_article("Target", slug="target", language=language)
    moved = make_article("Moved", slug="new-home", language=language)
    moved.slug = "new-home-2"
    services.article_save(moved, user=editor)
    expert, topic = make_expert(slug="anna"), make_topic(slug="energy")
    region = make_region(slug="levant")
    draft = make_article("Draft", slug="a-draft", language=language, published=False)
    cases = {
        f"https://thinktank.example{prefix}/policy-analysis/target": Reference(
            "article", target.pk
        ),
        f"http://www.example.net{prefix}/policy-analysis/new-home": Reference("article", moved.pk),
        f"{prefix}/policy-analysis/a-draft": Reference("article", draft.pk),
        f"{prefix}/experts/anna": Reference("expert", expert.pk),
        f"{prefix}/policy-analysis/energy": Reference("topic", topic.pk),
        f"https://thinktank.example{prefix}/policy-analysis/levant": Reference("region", region.pk),
    }
    for address, expected in cases.items():
        assert reference_for_address(address) == expected, address
    for address in [
        f"https://elsewhere.example{prefix}/policy-analysis/target",
        f"https://thinktank.example{prefix}/policy-analysis/target#section",
        f"https://thinktank.example{prefix}/policy-analysis/target?page=2",
        f"{prefix}/policy-analysis/nothing-here",
        f"{prefix}/search",
        "policy-analysis/target",
        "javascript:alert(1)",
        "mailto:someone@thinktank.example",
        "https://thinktank.example:99999/x",
        "http://[",
        "https://[::1/policy-analysis/target",
        "",
    ]:
        assert reference_for_address(address) is None, address

    article = make_article(published=False, language=language)
    article.body = (
        f'<p><a href="https://thinktank.example{prefix}/policy-analysis/target" title="t">A</a> '
        '<a href="https://elsewhere.example/">B</a></p>'
    )
    services.article_save(article, user=editor)
    article.refresh_from_db()
    assert f'<a data-link="article:{target.pk}" title="t"' in article.body
    assert 'href="https://elsewhere.example/"' in article.body
    assert recorded(article) == {f"article:{target.pk}"}


def test_with_references_leaves_a_body_without_own_links_alone():
    html = '<p><a href="https://example.org/">x</a> <a data-link="article:1">y</a></p>'
    assert with_references(html) == html
    assert with_references("") == ""


@hypothesis_settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    st.one_of(
        st.text(max_size=60),
        st.builds(
            "{}{}".format,
            st.sampled_from(["http://", "https://", "/", "/ar/", "//", "http://[", "javascript:"]),
            st.text(max_size=40),
        ),
    )
)
def test_any_address_is_a_reference_or_none_never_an_error(db, address):
    found = reference_for_address(address)
    assert found is None or isinstance(found, Reference)
    html = f'<p><a href="{address.replace(chr(34), "&quot;")}">x</a></p>'
    assert "x</a>" in with_references(html)
