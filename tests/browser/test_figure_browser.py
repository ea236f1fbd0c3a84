"""
The figure tool in a real browser: an editor opens an article, opens the chooser from
the body editor's toolbar, finds a library image (or uploads one), inserts it, saves,
and the page shows the figure, in English and in Arabic.
"""

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from articles.models import Article
from tests.helpers.browser import ADMIN_VIEWPORT as VIEWPORT
from tests.helpers.browser import admin_page, save_article
from tests.helpers.factories import make_article, make_publication_type, png_bytes
from tests.helpers.library import make_image

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def newsroom(live_server, roles):
    editor = User.objects.create_user("figure-editor", password="changeme", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    return live_server.url


def logged_in(chromium, base):
    return admin_page(chromium, base, "figure-editor")


def open_chooser(page):
    page.locator(".field-body .ProseMirror:visible p").first.click()
    page.keyboard.press("End")
    page.locator(".field-body button[data-name=libraryFigure]").click()
    chooser = page.locator("dialog.library-chooser")
    chooser.wait_for()
    return chooser


PARAGRAPH = {
    "en": "Exports fell as the traffic left the canal, and the budget followed. " * 6,
    "ar": "انخفضت الصادرات حين غادرت السفن القناة، وتبعتها الميزانية. " * 6,
}


@pytest.mark.parametrize(
    ("language", "title", "slug", "size"),
    [
        ("en", "Oil and the Gulf", "oil-and-the-gulf", "full"),
        ("ar", "النفط والخليج", "alnft-walkhlyj", "inline"),
    ],
)
def test_an_editor_inserts_a_figure_from_the_library(
    chromium, newsroom, artifacts, language, title, slug, size
):
    base = newsroom
    make_image("Unrelated photo", size=(600, 600))
    image = make_image(
        "Oil exports chart",
        size=(1200, 700),
        alt_text="Exports fell by half between 2014 and 2024.",
        caption="Oil exports, 2014–2024.",
        credit="Chart: Thinktank",
        translations={"ar": {"alt_text": "انخفضت الصادرات إلى النصف", "caption": "صادرات النفط"}},
    )
    article = make_article(
        title,
        slug=slug,
        language=language,
        body=f"<p>{PARAGRAPH[language]}</p><p>{PARAGRAPH[language]}</p>",
        publication_type=make_publication_type(slug=f"type-{language}"),
    )
    context, page = logged_in(chromium, base)
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    chooser = open_chooser(page)
    chooser.locator("input[type=search]").fill("exports")
    chooser.locator("input[type=search]").press("Enter")
    chooser.locator(".library-chooser__results[aria-busy=false]").wait_for()
    expect(chooser.locator(".library-chooser__results li")).to_have_count(1)
    choice = chooser.locator(f"button[data-image='{image.pk}']")
    choice.click()
    assert choice.get_attribute("aria-pressed") == "true"
    chooser.locator(f"input[value={size}]").check()
    page.screenshot(path=str(artifacts / f"figure-chooser-{language}.png"), full_page=False)
    chooser.locator("button.default").click()
    shown = page.locator(".field-body figure.library-figure")
    shown.wait_for()
    page.locator(".field-body figure.library-figure img").wait_for()
    page.screenshot(path=str(artifacts / f"figure-in-editor-{language}.png"), full_page=False)
    save_article(page)
    page.wait_for_load_state()
    assert "was changed successfully" in page.content()

    article.refresh_from_db()
    # After the paragraph the cursor was in, not inside it.
    paragraph = PARAGRAPH[language].strip()
    figure_html = f'<figure data-image="{image.pk}" data-size="{size}"></figure>'
    assert f"{paragraph}</p>{figure_html}<p>{paragraph}</p>" in article.body
    assert list(article.images.all()) == [image]
    reader = chromium.new_context(viewport=VIEWPORT).new_page()
    assert reader.goto(f"{base}{article.get_absolute_url()}").status == 200
    figure = reader.locator(f".prose figure.figure--{size}")
    expected_alt = image.get_translation("alt_text", language)
    assert figure.locator("img").get_attribute("alt") == expected_alt
    assert figure.locator("img").evaluate("img => img.complete && img.naturalWidth > 0")
    caption = "صادرات النفط" if language == "ar" else "Oil exports, 2014–2024."
    assert caption in figure.locator("figcaption").inner_text()
    if size == "inline":  # half the column, at its inline end: the left in Arabic
        box, column = figure.bounding_box(), reader.locator(".prose").bounding_box()
        assert abs(box["x"] - column["x"]) < 2 and box["width"] < column["width"] * 0.55
    reader.screenshot(path=str(artifacts / f"figure-page-{language}.png"), full_page=True)
    context.close()


def test_an_editor_uploads_an_image_from_the_chooser(chromium, newsroom, artifacts, tmp_path):
    base = newsroom
    article = make_article("A piece with a map", body="<p>Text.</p>")
    upload = tmp_path / "map.png"
    upload.write_bytes(png_bytes((900, 500), color=(20, 120, 200)))
    context, page = logged_in(chromium, base)
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    chooser = open_chooser(page)
    chooser.locator("summary").click()
    chooser.locator("input[type=file]").set_input_files(str(upload))
    chooser.locator("input[name=title]").fill("Map of the strait")
    chooser.locator("button:has-text('Upload and choose')").click()
    assert chooser.locator(".errorlist li").first.inner_text()  # the alt text is required
    chooser.locator("input[name=alt_text]").fill("The strait between Iran and Oman.")
    chooser.locator("button:has-text('Upload and choose')").click()
    chooser.locator("button[aria-pressed=true]").wait_for()
    chooser.locator("input[value=inline]").check()
    chooser.locator("input[id$=caption]").fill("The strait, 2024.")
    page.screenshot(path=str(artifacts / "figure-chooser-upload.png"), full_page=False)
    chooser.locator("button.default").click()
    page.locator(".field-body figure.library-figure--inline").wait_for()
    save_article(page)
    page.wait_for_load_state()
    article = Article.objects.get(pk=article.pk)
    (image,) = article.images.all()
    assert image.title == "Map of the strait" and image.width == 900
    assert (
        f'<figure data-image="{image.pk}" data-size="inline"><figcaption>The strait, 2024.'
        in article.body
    )
    # The library's list (a thumbnail, the use) and the image's page (its article).
    page.goto(f"{base}/admin/library/image/")
    assert page.locator("img.library-thumbnail").evaluate("img => img.naturalWidth") > 0
    page.screenshot(path=str(artifacts / "library-list.png"), full_page=False)
    page.goto(f"{base}/admin/library/image/{image.pk}/change/")
    assert page.locator(".field-usage a").inner_text() == "A piece with a map"
    page.screenshot(path=str(artifacts / "library-image.png"), full_page=True)
    context.close()


def focused(page):
    return page.evaluate(
        "() => { const e = document.activeElement;"
        " return [e.tagName, e.type || '', e.textContent.trim(), e.value || ''] }"
    )


def test_the_figure_tool_works_from_the_keyboard(chromium, newsroom, artifacts):
    base = newsroom
    image = make_image("Keyboard chart", alt_text="A chart reached by keyboard.")
    article = make_article("Keyboard piece", body="<p>Text.</p>")
    context, page = logged_in(chromium, base)
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    page.locator(".field-body .ProseMirror:visible").first.click()
    page.keyboard.press("End")
    page.locator(".field-body button[data-name=libraryFigure]").focus()
    page.keyboard.press("Enter")
    chooser = page.locator("dialog.library-chooser")
    chooser.wait_for()
    assert focused(page)[:2] == ["INPUT", "search"]  # the dialog starts at its search
    page.keyboard.type("Keyboard")
    with page.expect_response(lambda response: "q=Keyboard" in response.url):
        page.keyboard.press("Enter")
    chooser.locator(".library-chooser__results[aria-busy=false]").wait_for()
    expect(chooser.locator(".library-chooser__results li")).to_have_count(1)
    page.keyboard.press("Tab")  # the search button
    page.keyboard.press("Tab")  # the image
    assert focused(page)[2] == "Keyboard chart"
    page.keyboard.press("Space")
    assert chooser.locator(f"button[data-image='{image.pk}']").get_attribute("aria-pressed") == (
        "true"
    )
    page.keyboard.press("Tab")  # "Upload a new image"
    page.keyboard.press("Tab")  # the sizes
    assert focused(page)[3] == "full"
    page.keyboard.press("ArrowDown")
    assert focused(page)[3] == "inline"
    page.keyboard.press("Tab")
    page.keyboard.type("Typed by keyboard")
    page.keyboard.press("Tab")
    assert focused(page)[2] == "Insert"
    page.keyboard.press("Enter")
    inserted = page.locator(".field-body figure.library-figure--inline")
    inserted.wait_for()
    assert "Typed by keyboard" in inserted.inner_text()

    # The figure, selected with the arrow keys, opens in the chooser with Enter.
    inserted.click()
    page.keyboard.press("Enter")
    chooser.wait_for()
    assert chooser.locator("h2").inner_text() == "Change the figure"
    page.keyboard.press("Escape")
    expect(chooser).to_have_count(0)
    context.close()
