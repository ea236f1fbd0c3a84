"""
axe-core on the admin's pages the editor's desk added or changed, in Chromium: the
dashboard, an article's add and change pages (English and Arabic content, the live
preview open, a chooser's search open), its revisions and their comparison, an expert's
page (a tab per language), a topic's page and its merge page; for an editor, a
contributor where their pages differ, an expert manager for the experts; in an English
and an Arabic admin. No serious or critical violation on any of them.
"""

import json

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from tests.helpers import desk
from tests.helpers.axe import axe_context, axe_violations
from tests.helpers.factories import make_expert, make_topic

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LANGUAGES = ["en", "ar"]


def staff(username, group):
    user = User.objects.create_user(username, password="changeme", is_staff=True)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def desk_site(live_server, roles):
    """An editor, a contributor and an expert manager; a contributor's English article
    submitted for review (two revisions), an Arabic one, an expert in two languages and
    two topics, one to merge into the other."""
    editor = staff("a11y-editor", "Editors")
    contributor = staff("a11y-contributor", "Contributors")
    staff("a11y-experts", "Expert managers")
    keep, typo = make_topic("Energy Security"), make_topic("Energy Securty")
    english = desk.submit(
        desk.write(
            contributor,
            "Shipping insurance after the strikes",
            summary="Premiums tripled in a month.",
            body="<p>Premiums tripled in a month.</p><p>Routes changed.</p>",
            topics=[typo],
        ),
        contributor,
        note="The second chart needs a check.",
    )
    arabic = desk.write(
        editor,
        "موانئ البحر الأحمر",
        language="ar",
        summary="ارتفعت أقساط التأمين.",
        body="<p>ارتفعت أقساط التأمين ثلاثة أضعاف في شهر.</p>",
        topics=[keep],
    )
    expert = make_expert(
        "Dalia Haddad",
        role="Senior Fellow",
        short_bio="Studies the Gulf.",
        translations={"ar": {"name": "داليا حداد", "role": "زميلة أولى"}},
    )
    return {
        "url": live_server.url,
        "english": english,
        "arabic": arabic,
        "expert": expert,
        "keep": keep,
        "typo": typo,
    }


class Audit:
    """The serious and critical violations found on each page, gathered before one
    assertion, so that a run reports every page at once."""

    def __init__(self, chromium, base, language):
        self.chromium, self.base, self.language = chromium, base, language
        self.found = {}

    def check(self, page, where):
        violations = axe_violations(page)
        if violations:
            self.found[f"{where} ({self.language} admin)"] = violations

    def signed_in(self, username):
        return axe_context(self.chromium, self.base, username, self.language)

    def assert_clean(self):
        assert not self.found, json.dumps(self.found, indent=1, ensure_ascii=False)


def article_path(article, rest="change/"):
    return f"/admin/articles/article/{article.pk}/{rest}"


def form_ready(page):
    """The change form with its rich text editors and choosers made."""
    page.wait_for_selector(".ProseMirror", state="attached")
    page.wait_for_selector(".select2-container", state="attached")


def open_live_preview(page):
    """The live preview open (it stays open from one article to the next)."""
    page.wait_for_load_state("load")
    if page.locator("#live-preview").is_hidden():
        page.locator(".live-preview-launcher button").click()
    expect(page.locator("#live-preview")).to_be_visible()


def open_chooser(page, select_id):
    """A single-choice autocomplete opened: its search box is on the page."""
    page.click(f"#{select_id} + .select2 .select2-selection")
    expect(page.locator(".select2-container--open .select2-search__field")).to_be_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_editors_pages(chromium, desk_site, language):
    site, audit = desk_site, Audit(chromium, desk_site["url"], language)
    context, page = audit.signed_in("a11y-editor")
    try:
        audit.check(page, "dashboard")
        page.goto(f"{audit.base}/admin/articles/article/add/")
        form_ready(page)
        audit.check(page, "article add")
        open_chooser(page, "id_publication_type")
        audit.check(page, "article add, a chooser open")
        page.keyboard.press("Escape")
        for content in ("english", "arabic"):
            page.goto(audit.base + article_path(site[content]))
            form_ready(page)
            audit.check(page, f"article change, {content} content")
            open_live_preview(page)
            audit.check(page, f"article change, {content} content, live preview open")
        revisions = list(site["english"].revisions.order_by("pk"))
        page.goto(audit.base + article_path(site["english"], "revisions/"))
        audit.check(page, "revisions")
        compare = f"revisions/compare/?from={revisions[0].pk}&to={revisions[-1].pk}"
        page.goto(audit.base + article_path(site["english"], compare))
        expect(page.locator("#content-main")).to_be_visible()
        audit.check(page, "revisions compared")
        page.goto(f"{audit.base}/admin/taxonomy/topic/{site['typo'].pk}/change/")
        audit.check(page, "topic change")
        page.goto(f"{audit.base}/admin/taxonomy/topic/{site['typo'].pk}/merge/")
        page.fill("#merge-query", "energy")
        page.keyboard.press("Enter")
        page.locator(".merge-page__candidates a", has_text="Energy Security").click()
        expect(page.locator(".merge-page__summary")).to_be_visible()
        audit.check(page, "topic merge")
    finally:
        context.close()
    audit.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_contributors_pages(chromium, desk_site, language):
    site, audit = desk_site, Audit(chromium, desk_site["url"], language)
    context, page = audit.signed_in("a11y-contributor")
    try:
        audit.check(page, "dashboard")
        page.goto(f"{audit.base}/admin/articles/article/add/")
        form_ready(page)
        audit.check(page, "article add")
        page.goto(audit.base + article_path(site["english"]))
        form_ready(page)
        open_live_preview(page)
        audit.check(page, "article change, live preview open")
    finally:
        context.close()
    audit.assert_clean()


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_experts_page(chromium, desk_site, language):
    site, audit = desk_site, Audit(chromium, desk_site["url"], language)
    context, page = audit.signed_in("a11y-experts")
    try:
        page.goto(f"{audit.base}/admin/experts/expert/{site['expert'].pk}/change/")
        expect(page.locator("[role=tab]").first).to_be_visible()
        audit.check(page, "expert change, first tab")
        page.locator("[role=tab]").nth(1).click()
        audit.check(page, "expert change, second tab")
    finally:
        context.close()
    audit.assert_clean()
