"""
The translatable forms in Chromium: a tab per language (arrow keys, Home, End; the
tab holding an error opened and marked; every language shown without JavaScript);
the slug proposed from an Arabic title as it is typed; a rename's notice; merging a
topic from its page. Screenshots in English and Arabic go to test-artifacts/.
"""

import pytest
from django.contrib.auth.models import User

from articles.models import Topic
from tests.helpers.browser import ADMIN_VIEWPORT, log_in
from tests.helpers.factories import make_article, make_expert, make_topic

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "changeme"


@pytest.fixture
def site(live_server):
    User.objects.create_superuser("boss", "boss@example.org", PASSWORD)
    expert = make_expert(
        "Dalia Haddad",
        role="Senior Fellow",
        short_bio="Studies the Gulf.",
        translations={"ar": {"name": "داليا حداد", "role": "زميلة أولى"}},
    )
    return {"url": live_server.url, "expert": expert}


def signed_in(chromium, base, *, locale="en-US", javascript=True):
    context = chromium.new_context(
        viewport=ADMIN_VIEWPORT, locale=locale, java_script_enabled=javascript
    )
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "console",
        lambda message: errors.append(message.text) if message.type == "error" else None,
    )
    log_in(page, base, "boss", PASSWORD)
    return context, page, errors


def selected_tab(page):
    """The selected tab's language name (without the error mark)."""
    return page.locator("[role=tab][aria-selected=true] span[lang]").inner_text().strip()


def test_a_tab_per_language_with_the_keyboard(chromium, site, artifacts):
    base, expert = site["url"], site["expert"]
    context, page, errors = signed_in(chromium, base)
    page.goto(f"{base}/admin/experts/expert/{expert.pk}/change/")
    tabs = page.locator("[role=tablist] [role=tab]")
    assert tabs.all_inner_texts() == ["English", "العربية", "فارسی"]
    assert selected_tab(page) == "English"
    assert page.locator("#id_name").is_visible()
    assert not page.locator("#id_name__ar").is_visible()
    # Each tab controls its panel, which it labels.
    for index in range(3):
        tab = tabs.nth(index)
        panel = page.locator(f"#{tab.get_attribute('aria-controls')}")
        assert panel.get_attribute("role") == "tabpanel"
        assert panel.get_attribute("aria-labelledby") == tab.get_attribute("id")
    assert tabs.nth(1).locator("span[lang=ar]").count() == 1

    tabs.nth(0).focus()
    page.keyboard.press("ArrowRight")
    assert selected_tab(page) == "العربية"
    assert page.evaluate("document.activeElement.getAttribute('aria-selected')") == "true"
    assert [tab.get_attribute("tabindex") for tab in tabs.all()] == ["-1", "0", "-1"]
    name = page.locator("#id_name__ar")
    assert name.is_visible() and not page.locator("#id_name").is_visible()
    assert (name.get_attribute("lang"), name.get_attribute("dir")) == ("ar", "rtl")
    assert name.evaluate("input => getComputedStyle(input).direction") == "rtl"
    assert name.input_value() == "داليا حداد"
    page.screenshot(path=str(artifacts / "langtabs-expert-arabic-tab-en.png"), full_page=True)
    page.keyboard.press("End")
    assert selected_tab(page) == "فارسی"
    page.keyboard.press("ArrowRight")  # round to the first
    assert selected_tab(page) == "English"
    page.keyboard.press("ArrowLeft")
    assert selected_tab(page) == "فارسی"
    page.keyboard.press("Home")
    assert selected_tab(page) == "English"
    tabs.nth(2).click()
    assert page.locator("#id_role__fa").is_visible()
    assert errors == []
    context.close()


def test_the_tab_with_an_error_opens_first_and_is_marked(chromium, site, artifacts):
    base = site["url"]
    context, page, errors = signed_in(chromium, base, locale="ar")
    page.goto(f"{base}/admin/taxonomy/topic/add/")
    page.fill("#id_name", "Water")
    page.wait_for_function("() => document.querySelector('#id_slug').value === 'water'")
    # Too long for the Arabic name: only the server can say so (the browser's maxlength
    # stops typing, not a pasted or scripted value).
    page.locator("#id_name__ar").evaluate(
        "input => { input.removeAttribute('maxlength'); input.value = 'م'.repeat(201); }"
    )
    page.click("input[name=_save]")
    page.wait_for_load_state()
    assert not Topic.objects.exists()
    assert selected_tab(page) == "العربية"
    tab = page.locator("[role=tab][aria-selected=true]")
    assert "language-tabs__tab--error" in tab.get_attribute("class")
    described = page.locator(f"#{tab.get_attribute('aria-describedby')}")
    assert described.is_visible() and "200" in described.inner_text()
    others = page.locator("[role=tab]:not(.language-tabs__tab--error)")
    assert others.count() == 2
    page.screenshot(path=str(artifacts / "langtabs-topic-error-ar.png"), full_page=True)
    # The English name emptied, from another tab: the server's refusal opens English,
    # and the name has the focus Django's admin gives the form's first input.
    page.locator("[role=tab]").nth(0).click()
    page.locator("#id_name__ar").evaluate("input => { input.value = 'ماء'; }")
    page.fill("#id_name", "")
    page.locator("[role=tab]").nth(2).click()
    page.click("input[name=_save]")
    page.wait_for_load_state()
    assert selected_tab(page) == "English"
    assert page.evaluate("document.activeElement.id") == "id_name"
    assert page.locator("[role=tab].language-tabs__tab--error").count() == 1
    assert errors == []
    context.close()


def test_without_javascript_every_language_is_shown(chromium, site):
    base, expert = site["url"], site["expert"]
    context = chromium.new_context(viewport=ADMIN_VIEWPORT, java_script_enabled=False)
    page = context.new_page()
    log_in(page, base, "boss", PASSWORD)
    page.goto(f"{base}/admin/experts/expert/{expert.pk}/change/")
    assert page.locator("[role=tablist]").count() == 0
    panels = page.locator("fieldset.language-tab")
    assert panels.count() == 3
    for index in range(3):
        assert panels.nth(index).is_visible()
        assert panels.nth(index).locator("h2").is_visible()
    assert page.locator("#id_name__ar").is_visible() and page.locator("#id_name__fa").is_visible()
    context.close()


def test_the_slug_is_proposed_from_an_arabic_title(chromium, site, artifacts):
    base = site["url"]
    make_topic("Taken", slug="qma-g20-fy-2023")
    context, page, errors = signed_in(chromium, base, locale="ar")
    page.goto(f"{base}/admin/articles/article/add/")
    page.select_option("#id_language", "ar")
    page.locator("#id_title").press_sequentially("قمة G20 في 2023", delay=20)
    # Free among topics, regions and articles: the topic has the plain one.
    page.wait_for_function("() => document.querySelector('#id_slug').value === 'qma-g20-fy-2023-2'")
    page.screenshot(path=str(artifacts / "langtabs-slug-proposal-ar.png"))
    # Once edited by hand, the slug is the editor's.
    page.fill("#id_slug", "g20-summit")
    page.locator("#id_title").press("End")
    page.locator("#id_title").press_sequentially(" والطاقة", delay=20)
    page.wait_for_timeout(800)
    assert page.input_value("#id_slug") == "g20-summit"
    # Emptied, it follows the title again.
    page.fill("#id_slug", "")
    page.locator("#id_title").press("End")
    page.locator("#id_title").press_sequentially("!", delay=20)
    page.wait_for_function(
        "() => document.querySelector('#id_slug').value === 'qma-g20-fy-2023-waltaqa'"
    )
    # A saved article's slug stays (its address does not change with its title).
    article = make_article("Old Title", slug="old-title")
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    page.locator("#id_title").press("End")
    page.locator("#id_title").press_sequentially(" renamed", delay=20)
    page.wait_for_timeout(800)
    assert page.input_value("#id_slug") == "old-title"
    assert errors == []
    context.close()


def test_a_rename_notice_then_merge_from_the_topic_page(chromium, site, artifacts):
    base = site["url"]
    keep = make_topic("Energy Security", slug="energy-security")
    typo = make_topic("Energy Securty", slug="energy-securty")
    make_article("Pipelines", topics=[typo])
    for locale, suffix in (("en-US", "en"), ("ar", "ar")):
        context, page, errors = signed_in(chromium, base, locale=locale)
        page.goto(f"{base}/admin/taxonomy/topic/{typo.pk}/change/")
        notice = page.locator("#id_slug_notice")
        assert not notice.is_visible()
        page.fill("#id_slug", "energy-security-typo")
        assert notice.is_visible()
        assert "/policy-analysis/energy-securty" in notice.inner_text()
        page.screenshot(path=str(artifacts / f"langtabs-rename-notice-{suffix}.png"))
        page.fill("#id_slug", "energy-securty")
        assert not notice.is_visible()
        page.locator("a.merge-link").click()
        page.fill("#merge-query", "energy")
        page.keyboard.press("Enter")
        page.locator(".merge-page__candidates a", has_text="Energy Security").click()
        summary = page.locator(".merge-page__summary")
        assert summary.is_visible()
        page.screenshot(path=str(artifacts / f"langtabs-merge-page-{suffix}.png"), full_page=True)
        if suffix == "en":
            assert "1 article moves" in summary.inner_text()
            context.close()
            continue
        page.locator(".merge-page__summary input[type=submit]").click()
        page.wait_for_url(f"{base}/admin/taxonomy/topic/{keep.pk}/change/")
        assert page.locator(".messagelist").is_visible()
        assert errors == []
        context.close()
    assert not Topic.objects.filter(pk=typo.pk).exists()
    assert keep.articles.count() == 1
