"""
Choosers and ordering in a real Chromium, in English and in Arabic (right to left):
authors, recommendations and a topic's features put in order by dragging and with the
keyboard (each move announced), an author added by searching with the photo shown, an
existing article linked as a translation, and the tag field making a new tag on save.
Screenshots go to test-artifacts/ for people to look at.
"""

import pytest
from django.contrib.auth.models import Group, User
from taggit.models import Tag

from articles.models import Article, ArticleAuthor, Feature
from tests.helpers.browser import ADMIN_VIEWPORT, log_in, save_article, search_chooser
from tests.helpers.factories import (
    add_authors,
    add_recommendations,
    make_article,
    make_expert,
    make_topic,
)
from tests.helpers.renditions import photographed_expert

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def desk(live_server, roles):
    editor = User.objects.create_user("choosing-editor", password="changeme", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    return live_server.url


def editor_page(chromium, base):
    context = chromium.new_context(viewport=ADMIN_VIEWPORT)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    log_in(page, base, "choosing-editor")
    return context, page, errors


def row_names(page, group):
    """The chosen names of an inline's rows, in the order shown."""
    return page.eval_on_selector_all(
        f"#{group}-group tr.ordering-row",
        "rows => rows.map(row => row.querySelector('select').selectedOptions[0].textContent)",
    )


def positions(page, group):
    return page.eval_on_selector_all(
        f"#{group}-group tr.ordering-row input[data-ordering-position]",
        "inputs => inputs.map(input => input.value)",
    )


def drag(page, handle, target):
    """Press `handle`, move over the upper part of `target` in steps, and let go."""
    target.scroll_into_view_if_needed()
    handle.scroll_into_view_if_needed()  # the mouse moves in the window's coordinates
    start = handle.bounding_box()
    end = target.bounding_box()
    page.mouse.move(start["x"] + start["width"] / 2, start["y"] + start["height"] / 2)
    page.mouse.down()
    page.mouse.move(end["x"] + 20, end["y"] + 3, steps=8)
    page.mouse.up()


def announced(page):
    return page.text_content(".ordering-status")


def save(page):
    save_article(page)
    page.wait_for_selector(".messagelist .success")


def test_authors_and_recommendations_reordered_by_dragging_and_keys(chromium, desk, artifacts):
    first = photographed_expert("Hanin Ghaddar")
    second, third = make_expert("Assaf Orion"), make_expert("Grant Rumley")
    article = make_article("How Moscow Courts the Gulf", published=False)
    add_authors(article, [first, second, third])
    one, two = make_article("Shipping lanes"), make_article("Port diplomacy")
    add_recommendations(article, [one, two])
    context, page, errors = editor_page(chromium, desk)
    page.goto(f"{desk}/admin/articles/article/{article.pk}/change/")
    assert row_names(page, "authorships") == ["Hanin Ghaddar", "Assaf Orion", "Grant Rumley"]
    assert page.locator("#authorships-group input[type=number]").count() == 0
    # The chosen author's photo is shown in the row.
    photo = page.locator("#authorships-group .select2-selection .chooser-photo").first
    assert photo.evaluate("image => image.complete && image.naturalWidth > 0")

    handles = page.locator("#authorships-group .ordering-handle")
    drag(page, handles.nth(2), page.locator("#authorships-group tr.ordering-row").nth(0))
    assert row_names(page, "authorships") == ["Grant Rumley", "Hanin Ghaddar", "Assaf Orion"]
    assert positions(page, "authorships") == ["0", "1", "2"]
    assert "Grant Rumley" in announced(page) and "1" in announced(page)

    # The keyboard: the handle focused, the down arrow key; then a "Move up" button.
    page.locator("#authorships-group .ordering-handle").nth(0).focus()
    page.keyboard.press("ArrowDown")
    assert row_names(page, "authorships") == ["Hanin Ghaddar", "Grant Rumley", "Assaf Orion"]
    assert announced(page) == "Grant Rumley is now number 2 of 3."
    assert page.evaluate("document.activeElement.className") == "ordering-handle"
    page.locator("#recommendations-group .ordering-up").nth(1).click()
    assert row_names(page, "recommendations") == ["Port diplomacy", "Shipping lanes"]
    page.screenshot(path=str(artifacts / "choosers-order-en.png"), full_page=True)

    save(page)
    authors = ArticleAuthor.objects.filter(article=article).order_by("position")
    assert [row.expert.name for row in authors] == ["Hanin Ghaddar", "Grant Rumley", "Assaf Orion"]
    assert [row.position for row in authors] == [0, 1, 2]
    stored = article.recommendations.order_by("position")
    assert [row.recommended_article.title for row in stored] == ["Port diplomacy", "Shipping lanes"]
    assert errors == []
    context.close()


def test_an_author_added_by_searching_shows_the_photo(chromium, desk, artifacts):
    photographed_expert("Hanin Ghaddar")
    make_expert("Assaf Orion")
    article = make_article("An article without authors", published=False)
    context, page, errors = editor_page(chromium, desk)
    page.goto(f"{desk}/admin/articles/article/{article.pk}/change/")
    page.click("#authorships-group .add-row a")
    page.click("#authorships-group .add-row a")
    result = search_chooser(page, "id_authorships-0-expert", "Hanin")
    result.locator(".chooser-photo").wait_for()
    page.screenshot(path=str(artifacts / "choosers-search-en.png"))
    result.click()
    search_chooser(page, "id_authorships-1-expert", "Assaf").click()
    assert page.locator("#authorships-group .select2-selection .chooser-photo").count() == 1
    # The second added last; moved first with its "Move up" button.
    page.locator("#authorships-group .ordering-up").nth(1).click()
    save(page)
    names = [row.expert.name for row in ArticleAuthor.objects.filter(article=article)]
    assert names == ["Assaf Orion", "Hanin Ghaddar"]
    assert errors == []
    context.close()


def test_features_reordered_by_dragging_and_keys(chromium, desk, artifacts):
    topic = make_topic("Great Power Competition")
    features = [make_article(title) for title in ("First feature", "Second", "Third")]
    Feature.objects.bulk_create(Feature(topic=topic, article=article) for article in features)
    context, page, errors = editor_page(chromium, desk)
    page.goto(f"{desk}/admin/taxonomy/topic/{topic.pk}/change/")
    handles = page.locator("#features-group .ordering-handle")
    drag(page, handles.nth(0), page.locator("#features-group tr.ordering-row").nth(2))
    assert row_names(page, "features")[0] == "Second"
    page.screenshot(path=str(artifacts / "choosers-features-en.png"), full_page=True)
    page.click("input[name=_continue]")  # a topic's form, Django's own buttons
    page.wait_for_selector(".messagelist .success")
    stored = Feature.objects.filter(topic=topic).order_by("position")
    assert [feature.position for feature in stored] == [0, 1, 2]
    assert stored[0].article.title == "Second"

    # The home page's features: their list, reordered with the keyboard, then saved.
    for article in features:
        Feature.objects.create(article=article, position=0)
    page.goto(f"{desk}/admin/articles/homefeature/")
    page.locator("#result_list .ordering-handle").nth(0).focus()
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert announced(page) == "First feature is now number 3 of 3."
    page.screenshot(path=str(artifacts / "choosers-home-features-en.png"))
    page.click("input[name=_save]")
    page.wait_for_selector(".messagelist .success")
    home = Feature.objects.filter(topic=None, region=None).order_by("position")
    assert [(feature.article.title, feature.position) for feature in home] == [
        ("Second", 0),
        ("Third", 1),
        ("First feature", 2),
    ]
    assert errors == []
    context.close()


def test_link_an_existing_translation_and_create_a_tag(chromium, desk, artifacts):
    english = make_article("Sanctions and shipping", published=False)
    arabic = make_article("العقوبات والشحن", language="ar", published=False)
    Tag.objects.create(name="sanctions", slug="sanctions")
    context, page, errors = editor_page(chromium, desk)
    page.goto(f"{desk}/admin/articles/article/{english.pk}/change/")
    assert page.locator("[name=translation_set]").count() == 0
    result = search_chooser(page, "translation-link-article", "العقوبات")
    assert "Arabic" in result.text_content()
    result.click()
    page.click(".translation-link-form button[type=submit]")
    page.wait_for_selector(".messagelist .success")
    assert Article.objects.get(pk=arabic.pk).translation_set_id == english.translation_set_id
    assert page.locator("#translation-set tbody tr").count() == 2

    # One tag field: an existing tag found, a new one typed and ended with Enter, another
    # with a comma. Nothing is made before the save.
    found = search_chooser(page, "id_tags", "sanc")
    assert found.nth(0).text_content() == "sanctions"  # found before the new "sanc"
    found.nth(0).click()
    page.click("#id_tags + .select2 .select2-selection")
    page.keyboard.type("Red Sea")
    page.locator(".select2-results__option:has-text('Red Sea')").wait_for()
    page.keyboard.press("Enter")
    page.keyboard.type("shipping,")
    page.keyboard.press("Escape")
    assert not Tag.objects.filter(name="Red Sea").exists()
    page.screenshot(path=str(artifacts / "choosers-translation-tags-en.png"), full_page=True)
    save(page)
    tags = sorted(Article.objects.get(pk=english.pk).tags.names())
    assert tags == ["Red Sea", "sanctions", "shipping"]
    assert errors == []
    context.close()


def test_arabic_content_is_ordered_and_chosen_right_to_left(chromium, desk, artifacts):
    photographed = photographed_expert("Hanin Ghaddar")
    photographed.name = "حنين غدار"
    photographed.save()
    authors = [
        photographed,
        make_expert("عساف أوريون", slug="assaf-orion"),
        make_expert("غرانت روملي", slug="grant-rumley"),
    ]
    article = make_article("كيف تتودد موسكو إلى الخليج", language="ar", published=False)
    add_authors(article, authors)
    make_article("Moscow and the Gulf", published=False)
    # The admin is in English (its addresses have no language prefix); the content is
    # Arabic, and its names read right to left in the rows and the results.
    context, page, errors = editor_page(chromium, desk)
    page.goto(f"{desk}/admin/articles/article/{article.pk}/change/")
    names = page.locator("#authorships-group .select2-selection .chooser-name")
    assert names.nth(0).evaluate("name => getComputedStyle(name).direction") == "rtl"
    handles = page.locator("#authorships-group .ordering-handle")
    drag(page, handles.nth(2), page.locator("#authorships-group tr.ordering-row").nth(0))
    assert row_names(page, "authorships")[0] == "غرانت روملي"
    handles.nth(0).focus()
    page.keyboard.press("ArrowDown")
    assert row_names(page, "authorships")[1] == "غرانت روملي"
    assert "غرانت روملي" in announced(page)
    result = search_chooser(page, "translation-link-article", "Moscow")
    result.wait_for()
    page.screenshot(path=str(artifacts / "choosers-order-ar.png"), full_page=True)
    page.keyboard.press("Escape")
    save(page)
    names = [row.expert.name for row in ArticleAuthor.objects.filter(article=article)]
    assert names == ["حنين غدار", "غرانت روملي", "عساف أوريون"]
    assert errors == []
    context.close()
