"""
Notes in a real browser: an editor inserts notes through the body editor's toolbar
button and its keyboard shortcut, writes them with italics and a link, saves, and the
page shows numbered references and the Notes section, each linked to the other; the
same in an Arabic article (right to left, Arabic-Indic digits); footnotes pasted from
Google Docs come out as notes. Screenshots go to test-artifacts/.
"""

import pytest
from django.contrib.auth.models import Group, User

from articles.models import Article
from tests.helpers.browser import ADMIN_VIEWPORT as VIEWPORT
from tests.helpers.browser import admin_page
from tests.helpers.factories import make_article, make_publication_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GOOGLE_DOCS_PASTE = (
    '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1">'
    '<p dir="ltr"><span>Oil output fell</span><sup><a href="#ftnt1" id="ftnt_ref1">[1]</a></sup>'
    '<span>&nbsp;last year.</span></p><hr><div><p dir="ltr"><a href="#ftnt_ref1" id="ftnt1">'
    '[1]</a><span>&nbsp;Ministry of Oil, </span><span style="font-style:italic">Bulletin</span>'
    "<span>.</span></p></div></b>"
)


@pytest.fixture
def editor_page(chromium, live_server, roles):
    user = User.objects.create_user("notes-editor", password="changeme", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    context, page = admin_page(chromium, live_server.url, "notes-editor")
    yield page
    context.close()


def marker_names(page, count):
    """The names Chromium's accessibility tree gives the notes' markers in the editor,
    once the dialog is gone and there are `count` of them."""
    page.locator("dialog.note-dialog").wait_for(state="detached")
    body_editor(page).locator(".note-marker").nth(count - 1).wait_for()
    session = page.context.new_cdp_session(page)
    nodes = session.send("Accessibility.getFullAXTree")["nodes"]
    session.detach()
    names = [
        " ".join(node.get("name", {}).get("value", "").split())
        for node in nodes
        if node.get("role", {}).get("value") == "button" and not node.get("ignored")
    ]
    return [name for name in names if name.startswith("Note ")]


def body_editor(page):
    return page.locator(".field-body .ProseMirror[contenteditable=true]").first


def open_article(page, base, article):
    page.goto(f"{base}/admin/articles/article/{article.pk}/change/")
    body_editor(page).wait_for()


def put_cursor_after(page, text):
    """The cursor at the end of the body's paragraph containing `text`."""
    body_editor(page).locator("p", has_text=text).click()
    page.keyboard.press("End")
    page.wait_for_function(
        "text => getSelection().anchorNode?.parentElement?.closest('p')?.textContent"
        ".includes(text)",
        arg=text,
    )
    page.wait_for_timeout(200)  # as a person would: the editor reads the selection


def save_and_read(page, base, article, chromium):
    page.click("input[name=_save]")
    page.wait_for_url(f"{base}/admin/articles/article/")
    article = Article.objects.get(pk=article.pk)
    reader = chromium.new_context(viewport=VIEWPORT).new_page()
    reader.goto(f"{base}{article.get_absolute_url()}")
    return article, reader


def test_editor_inserts_notes_and_readers_follow_them(
    editor_page, live_server, chromium, artifacts
):
    page, base = editor_page, live_server.url
    article = make_article(
        "Notes in the Gulf",
        publication_type=make_publication_type(slug="notes-type"),
        body="<p>Exports fell in spring.</p><p>Imports rose later.</p>",
    )
    open_article(page, base, article)
    # In the editor's toolbar of the body only, not the footer note's.
    assert page.locator(".field-footer_note button[aria-label^='Insert a note']").count() == 0

    put_cursor_after(page, "Imports rose")
    page.click(".field-body button[aria-label^='Insert a note']")
    dialog = page.locator("dialog.note-dialog[open]")
    text = dialog.locator(".ProseMirror")
    text.wait_for()
    page.keyboard.type("See ")
    page.keyboard.press("Control+i")
    page.keyboard.type("Annual Survey")
    page.keyboard.press("Control+i")
    page.keyboard.type(", online")
    for _ in range(6):
        page.keyboard.press("Shift+ArrowLeft")
    dialog.locator("button[name=link]").click()
    link_dialog = page.locator("dialog[open] input[name=href]")
    link_dialog.fill("https://example.org/survey")
    dialog.screenshot(path=str(artifacts / "notes-dialog-en.png"))
    page.get_by_role("button", name="Update").click()
    page.locator("dialog.note-dialog[open] button[type=submit]").click()
    assert page.locator("dialog.note-dialog").count() == 0

    # A second note before the first, from the keyboard: the markers renumber.
    put_cursor_after(page, "Exports fell")
    page.keyboard.press("Control+Alt+n")
    text.wait_for()
    page.keyboard.type("Customs data.")
    page.keyboard.press("Enter")
    markers = body_editor(page).locator(".note-marker")
    assert marker_names(page, 2) == ["Note 1", "Note 2"]
    assert markers.nth(1).get_attribute("title") == "See Annual Survey, online"

    # A marker opens its note; Escape leaves it as it was.
    markers.nth(0).click()
    assert dialog.locator(".ProseMirror").inner_text() == "Customs data."
    page.keyboard.press("Escape")
    page.locator("dialog.note-dialog").wait_for(state="detached")
    page.screenshot(path=str(artifacts / "notes-editor-en.png"), full_page=True)

    article, reader = save_and_read(page, base, article, chromium)
    assert article.body == (
        '<p>Exports fell in spring.<span data-note="">Customs data.</span></p>'
        '<p>Imports rose later.<span data-note="">See <em>Annual Survey</em>, '
        '<a href="https://example.org/survey" rel="noopener noreferrer">online</a></span></p>'
    )
    references = reader.locator(".prose sup.note-ref a[role=doc-noteref]")
    assert references.all_inner_texts() == ["1", "2"]
    notes = reader.locator("section.notes ol li")
    assert notes.nth(1).locator("em").inner_text() == "Annual Survey"
    assert notes.nth(1).locator("a[href='https://example.org/survey']").count() == 1
    reader.screenshot(path=str(artifacts / "notes-page-en.png"), full_page=True)

    references.nth(1).click()
    reader.wait_for_function("location.hash === '#note-2'")
    assert reader.evaluate("document.querySelector(':target').id") == "note-2"
    notes.nth(1).locator("a[role=doc-backlink]").click()
    reader.wait_for_function("location.hash === '#note-ref-2'")
    assert reader.evaluate("document.querySelector(':target').textContent") == "2"
    # The note is in view after the click, and so is the reference after the back link.
    assert reader.evaluate(
        "(() => { const r = document.querySelector('#note-ref-2').getBoundingClientRect();"
        " return r.top >= 0 && r.bottom <= innerHeight })()"
    )


def test_an_arabic_article_gets_arabic_notes(editor_page, live_server, chromium, artifacts):
    page, base = editor_page, live_server.url
    article = make_article(
        "ملاحظات الخليج",
        slug="mlahzat-alkhlyj",
        language="ar",
        publication_type=make_publication_type(slug="notes-type-ar"),
        body="<p>انخفضت الصادرات في الربيع.</p>",
    )
    open_article(page, base, article)
    put_cursor_after(page, "انخفضت")
    page.click(".field-body button[aria-label^='Insert a note']")
    dialog = page.locator("dialog.note-dialog[open]")
    dialog.locator(".ProseMirror").wait_for()
    # The note's text is written right to left; the dialog's own words are the admin's.
    assert dialog.locator(".note-dialog__text").get_attribute("dir") == "rtl"
    assert dialog.evaluate("d => getComputedStyle(d).direction") == "ltr"
    page.keyboard.type("بيانات الجمارك.")
    dialog.screenshot(path=str(artifacts / "notes-dialog-ar.png"))
    page.keyboard.press("Enter")
    assert marker_names(page, 1) == ["Note ١"]
    page.screenshot(path=str(artifacts / "notes-editor-ar.png"), full_page=True)

    article, reader = save_and_read(page, base, article, chromium)
    assert '<span data-note="">بيانات الجمارك.</span>' in article.body
    assert reader.locator(".prose a[role=doc-noteref]").all_inner_texts() == ["١"]
    marker = reader.evaluate(
        "getComputedStyle(document.querySelector('section.notes ol')).listStyleType"
    )
    assert marker == "arabic-indic"
    reader.screenshot(path=str(artifacts / "notes-page-ar.png"), full_page=True)


def test_footnotes_pasted_from_google_docs_become_notes(editor_page, live_server, chromium):
    page, base = editor_page, live_server.url
    article = make_article(
        "Pasted Notes",
        publication_type=make_publication_type(slug="notes-type-paste"),
        body="<p>Start.</p>",
    )
    open_article(page, base, article)
    put_cursor_after(page, "Start.")
    body_editor(page).evaluate(
        """(element, html) => {
            const data = new DataTransfer();
            data.setData("text/html", html);
            data.setData("text/plain", "Oil output fell [1] last year.");
            const options = {clipboardData: data, bubbles: true, cancelable: true};
            element.dispatchEvent(new ClipboardEvent("paste", options));
        }""",
        GOOGLE_DOCS_PASTE,
    )
    article, reader = save_and_read(page, base, article, chromium)
    assert '<span data-note="">Ministry of Oil, Bulletin.</span>' in article.body.replace(
        "<em>Bulletin</em>", "Bulletin"
    )
    assert "ftnt" not in article.body and "[1]" not in article.body
    assert reader.locator("section.notes ol li").count() == 1
