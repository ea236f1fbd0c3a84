"""
Translating and revising in Chromium: an editor adds an Arabic translation of an
English article and writes it beside its source (right to left beside left to right,
side by side on a wide screen, stacked on a narrow one); two older revisions of an
English and of an Arabic article compared, rendered. Screenshots in test-artifacts/.
"""

import pytest
from django.contrib.auth.models import Group, User

from articles import services, translation_services
from articles.models import Article
from tests.helpers.browser import ADMIN_VIEWPORT, log_in, save_article
from tests.helpers.factories import make_article, make_expert, make_topic

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def editor(live_server, roles):
    user = User.objects.create_user("translating-editor", password="changeme", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def source(editor):
    article = make_article(
        "Grain Corridors After the War",
        summary="How grain leaves the Black Sea, and what it costs.",
        body="<h2>The routes</h2><p>Ships leave Odesa under escort.</p><ul><li>Insurance</li>"
        "<li>Ports</li></ul>",
        authors=[make_expert("Samira Khoury")],
        topics=[make_topic("Food security")],
    )
    services.article_save(article, user=editor)
    return Article.objects.get(pk=article.pk)


def admin_in(chromium, base_url, width=ADMIN_VIEWPORT["width"]):
    context = chromium.new_context(viewport={"width": width, "height": ADMIN_VIEWPORT["height"]})
    page = context.new_page()
    log_in(page, base_url, "translating-editor")
    return context, page


def test_an_arabic_translation_is_written_beside_its_english_source(
    chromium, live_server, source, artifacts
):
    context, page = admin_in(chromium, live_server.url)
    page.goto(f"{live_server.url}/admin/articles/article/{source.pk}/change/")
    page.select_option("#translation-language", "ar")
    page.click("#translation-set button[type=submit]")
    page.wait_for_selector(".translating")
    translation = Article.objects.get(translation_set=source.translation_set, language="ar")
    assert page.url.endswith(f"/admin/articles/article/{translation.pk}/change/")

    title = page.locator("#id_title")
    assert title.input_value() == ""
    assert (title.get_attribute("lang"), title.get_attribute("dir")) == ("ar", "rtl")
    shown = page.locator(".field-title .translating-source__text")
    assert shown.inner_text() == "Grain Corridors After the War"
    assert (shown.get_attribute("lang"), shown.get_attribute("dir")) == ("en", "ltr")
    assert shown.evaluate("node => getComputedStyle(node).direction") == "ltr"
    body = page.locator(".field-body .translating-source__text")
    assert body.locator("h2").inner_text() == "The routes"  # rendered, not its markup
    assert (
        page.locator(".field-summary .translating-source__text")
        .inner_text()
        .startswith("How grain leaves")
    )
    # Wide: the field and its source side by side.
    field_box = page.locator(".field-title .translating-pair__field").bounding_box()
    source_box = page.locator(".field-title .translating-source").bounding_box()
    assert abs(field_box["y"] - source_box["y"]) < 5
    assert field_box["x"] != source_box["x"]

    title.fill("ممرات الحبوب بعد الحرب")
    page.fill("#id_summary", "كيف تخرج الحبوب من البحر الأسود.")
    page.screenshot(path=str(artifacts / "translating-ar-beside-en.png"), full_page=True)
    save_article(page)
    page.wait_for_selector(".messagelist .success")
    saved = Article.objects.get(pk=translation.pk)
    assert saved.title == "ممرات الحبوب بعد الحرب" and saved.status == Article.Status.DRAFT
    assert list(saved.topics.values_list("name", flat=True)) == ["Food security"]
    context.close()


def test_on_a_narrow_screen_the_source_is_stacked_under_the_field(
    chromium, live_server, source, editor, artifacts
):
    translation = translation_services.article_add_translation(source, "ar", user=editor)
    context, page = admin_in(chromium, live_server.url, width=720)
    page.goto(f"{live_server.url}/admin/articles/article/{translation.pk}/change/")
    field_box = page.locator(".field-summary .translating-pair__field").bounding_box()
    source_box = page.locator(".field-summary .translating-source").bounding_box()
    assert source_box["y"] >= field_box["y"] + field_box["height"] - 1
    page.screenshot(path=str(artifacts / "translating-narrow.png"), full_page=True)
    context.close()


def test_an_english_translation_is_written_beside_its_arabic_source(
    chromium, live_server, editor, artifacts
):
    arabic = make_article(
        "ممرات الحبوب",
        slug="mamarrat-al-hubub",
        language="ar",
        summary="كيف تخرج الحبوب من البحر الأسود.",
        body="<h2>الطرق</h2><p>تغادر السفن أوديسا بمرافقة.</p>",
    )
    translation = translation_services.article_add_translation(arabic, "en", user=editor)
    context, page = admin_in(chromium, live_server.url)
    page.goto(f"{live_server.url}/admin/articles/article/{translation.pk}/change/")
    shown = page.locator(".field-body .translating-source__text")
    assert (shown.get_attribute("lang"), shown.get_attribute("dir")) == ("ar", "rtl")
    assert shown.evaluate("node => getComputedStyle(node).direction") == "rtl"
    assert page.locator("#id_title").get_attribute("dir") == "ltr"
    page.screenshot(path=str(artifacts / "translating-en-beside-ar.png"), full_page=True)
    context.close()


TEXTS = {
    "en": ("Odesa under escort", "Odesa without escort", "Insurers returned in spring."),
    "ar": ("أوديسا بمرافقة", "أوديسا دون مرافقة", "عادت شركات التأمين في الربيع."),
}


@pytest.mark.parametrize("language", ["en", "ar"])
def test_two_older_revisions_compared(chromium, live_server, editor, artifacts, language):
    before, after, added = TEXTS[language]
    source = make_article(
        language=language,
        body=f"<h2>—</h2><p>Ships leave {before} today.</p><ul><li>Insurance</li></ul>",
        published=False,
    )
    first = services.article_record_revision(source, user=editor, note="first draft")
    article = Article.objects.get(pk=source.pk)
    article.body = article.body.replace(before, after) + f"<p>{added}</p>"
    services.article_save(article, user=editor)
    second = services.article_record_revision(article, user=editor, note="second")
    article = Article.objects.get(pk=source.pk)
    article.title = "Grain Corridors Reopened"
    services.article_save(article, user=editor)
    services.article_record_revision(article, user=editor, note="latest")

    context, page = admin_in(chromium, live_server.url)
    page.goto(f"{live_server.url}/admin/articles/article/{source.pk}/revisions/")
    page.check(f"#from-{first.pk}")
    page.check(f"#to-{second.pk}")
    page.screenshot(path=str(artifacts / f"revision-list-{language}.png"), full_page=True)
    page.click(".revision-compare-form input[type=submit]")
    page.wait_for_selector(".revision-diff")
    rich = page.locator(".revision-diff__rich")
    removed = [word for word in before.split() if word not in after.split()]
    inserted = [word for word in after.split() if word not in before.split()]
    assert rich.locator("del").first.inner_text() == " ".join(removed)
    assert rich.locator("ins").first.inner_text() == " ".join(inserted)
    assert rich.locator("ins p").inner_text() == added
    assert (rich.get_attribute("lang"), rich.get_attribute("dir")) == (
        language,
        "rtl" if language == "ar" else "ltr",
    )
    assert page.locator(".revision-diff").get_by_text("Grain Corridors Reopened").count() == 0
    # Not by colour alone: struck through and underlined, and announced.
    deleted = rich.locator("del").first
    assert "line-through" in deleted.evaluate("n => getComputedStyle(n).textDecorationLine")
    announced = deleted.evaluate("n => getComputedStyle(n, '::before').content")
    assert announced.strip('"').endswith(": ")
    page.screenshot(path=str(artifacts / f"revision-compare-{language}.png"), full_page=True)
    context.close()
