"""
The link tool in a real browser: an editor opens an article, opens the tool from the
body editor's toolbar (or with Ctrl+Alt+K), finds an article by searching (a draft is
found too, marked), chooses it from the keyboard, saves; the public page links to the
target's current address, follows its slug change, and shows the text alone once the
target is unpublished. English and Arabic. See docs/internal-links.md.
"""

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from articles import services
from articles.models import Article
from tests.helpers.browser import ADMIN_VIEWPORT as VIEWPORT
from tests.helpers.browser import admin_page, save_article
from tests.helpers.factories import make_article, make_publication_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CASES = {
    "en": {
        "title": "Deterrence at sea",
        "text": "The navies of the region are growing.",
        "target": ("Shipping lanes of the Gulf", "shipping-lanes"),
        "draft": "Shipping insurance (draft)",
        "query": "Shipping",
        "prefix": "",
    },
    "ar": {
        "title": "الردع في البحر",
        "text": "تتنامى أساطيل المنطقة البحرية.",
        "target": ("ممرات الشحن في الخليج", "mamarrat-alshahn"),
        "draft": "تأمين الشحن (مسودة)",
        "query": "الشحن",
        "prefix": "/ar",
    },
}


@pytest.fixture
def newsroom(live_server, roles):
    editor = User.objects.create_user("link-editor", password="changeme", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    return live_server.url, editor


@pytest.mark.parametrize("language", ["en", "ar"])
def test_an_editor_links_to_an_article_found_by_searching(chromium, newsroom, artifacts, language):
    base, editor = newsroom
    case = CASES[language]
    kind = make_publication_type(slug=f"type-{language}")
    target = make_article(
        case["target"][0], slug=case["target"][1], language=language, publication_type=kind
    )
    draft = make_article(case["draft"], language=language, published=False, publication_type=kind)
    article = make_article(
        case["title"],
        slug=f"deterrence-{language}",
        language=language,
        body=f"<p>{case['text']}</p>",
        publication_type=kind,
    )
    context, page = admin_page(chromium, base, "link-editor")
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    page.locator(".field-body .ProseMirror:visible p").first.click()
    page.keyboard.press("End")
    page.keyboard.press(" ")
    expect(page.locator(".field-body button[data-name=internalLink]")).to_be_visible()
    page.keyboard.press("Control+Alt+k")
    tool = page.locator("dialog.link-tool")
    tool.wait_for()
    assert page.evaluate("document.activeElement.type") == "search"
    with page.expect_response(lambda response: "link-search" in response.url):
        page.keyboard.type(case["query"])
    tool.locator(".link-tool__results[aria-busy=false]").wait_for()
    results = tool.locator(".link-tool__result")
    expect(results).to_have_count(2)
    unpublished = tool.locator(f"button[data-reference='article:{draft.pk}']")
    assert "link-tool__result--unpublished" in unpublished.get_attribute("class")
    expect(unpublished.locator(".link-tool__unpublished")).to_be_visible()
    title = tool.locator(f"button[data-reference='article:{target.pk}'] .link-tool__title")
    assert title.get_attribute("dir") == ("rtl" if language == "ar" else "ltr")

    # From the keyboard: down to the results, to the target, chosen with Enter.
    page.keyboard.press("ArrowDown")
    while page.evaluate("document.activeElement.dataset.reference") != f"article:{target.pk}":
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    chosen = tool.locator(f"button[data-reference='article:{target.pk}']")
    assert chosen.get_attribute("aria-pressed") == "true"
    assert tool.locator("input[id$=-text]").input_value() == case["target"][0]
    page.screenshot(path=str(artifacts / f"link-tool-{language}.png"), full_page=False)
    tool.locator("button.default").click()
    expect(tool).to_have_count(0)
    inserted = page.locator(f".field-body .ProseMirror a[data-link='article:{target.pk}']")
    expect(inserted).to_have_text(case["target"][0])
    page.screenshot(path=str(artifacts / f"link-in-editor-{language}.png"), full_page=False)
    save_article(page)
    page.wait_for_load_state()
    assert "was changed successfully" in page.content()

    article = Article.objects.get(pk=article.pk)
    stored = f'<a data-link="article:{target.pk}" rel="noopener noreferrer">{case["target"][0]}</a>'
    assert stored in article.body and "href" not in article.body
    assert list(article.body_links.values_list("kind", "target_id")) == [("article", target.pk)]

    reader = chromium.new_context(viewport=VIEWPORT).new_page()
    url = f"{base}{article.get_absolute_url()}"
    assert reader.goto(url).status == 200
    link = reader.locator(".prose a", has_text=case["target"][0])
    assert link.get_attribute("href") == f"{case['prefix']}/policy-analysis/{case['target'][1]}"
    reader.screenshot(path=str(artifacts / f"link-page-{language}.png"), full_page=False)

    target.slug = f"{case['target'][1]}-2026"
    services.article_save(target, user=editor)
    reader.goto(url)
    assert link.get_attribute("href") == f"{case['prefix']}/policy-analysis/{target.slug}"
    link.click()
    reader.wait_for_url(f"{base}{target.get_absolute_url()}")

    services.article_unpublish(target, user=editor)
    reader.goto(url)
    expect(reader.locator(".prose a", has_text=case["target"][0])).to_have_count(0)
    expect(reader.locator(".prose")).to_contain_text(case["target"][0])
    reader.screenshot(
        path=str(artifacts / f"link-page-unpublished-{language}.png"), full_page=False
    )
    context.close()


def test_an_address_elsewhere_and_a_removed_link(chromium, newsroom):
    base, _editor = newsroom
    article = make_article("Links elsewhere", body="<p>Read the report.</p>")
    context, page = admin_page(chromium, base, "link-editor")
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    paragraph = page.locator(".field-body .ProseMirror:visible p").first
    paragraph.click()
    page.keyboard.press("Home")
    page.keyboard.press("Control+Shift+ArrowRight")  # the first word selected
    # The keys land after the click has placed the caret; on a busy machine the
    # editor may read the selection late, so wait until it holds the word.
    # A function, not an expression: under the admin's CSP Playwright may eval an
    # expression only once, and a wait that polls evaluates it again.
    page.wait_for_function("() => getSelection().toString().trim() === 'Read'")
    page.wait_for_timeout(200)  # as a person would: the editor reads the selection
    page.locator(".field-body button[data-name=internalLink]").click()
    tool = page.locator("dialog.link-tool")
    tool.wait_for()
    expect(tool.locator(".link-tool__text")).to_be_hidden()  # the selection is the text
    tool.locator("input[type=url]").fill("javascript:alert(1)")
    tool.locator("button.default").click()
    expect(tool.locator(".link-tool__error")).to_be_visible()
    tool.locator("input[type=url]").fill("https://example.org/report")
    tool.locator("button.default").click()
    expect(tool).to_have_count(0)
    external = page.locator(".field-body .ProseMirror a[href='https://example.org/report']")
    expect(external).to_have_count(1)
    external.click()
    page.keyboard.press("Control+Alt+k")
    tool.wait_for()
    assert tool.locator("input[type=url]").input_value() == "https://example.org/report"
    tool.locator("button:has-text('Remove the link')").click()
    expect(external).to_have_count(0)
    page.keyboard.press("Control+Alt+k")
    tool.wait_for()
    page.keyboard.press("Escape")
    expect(tool).to_have_count(0)
    context.close()
