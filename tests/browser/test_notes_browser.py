"""
Notes in a real browser: an editor inserts notes through the body editor's toolbar
button and its keyboard shortcut, writes them with italics and a link, saves, and the
page shows numbered references and the Notes section, each linked to the other; the
same in an Arabic article (right to left, Arabic-Indic digits); footnotes pasted from
Word and Google Docs are notes as soon as they are pasted, and what does not pair is
pasted as it is. Screenshots go to test-artifacts/.
"""

import re

import pytest
from django.contrib.auth.models import Group, User

from articles.models import Article
from tests.helpers.browser import ADMIN_VIEWPORT as VIEWPORT
from tests.helpers.browser import admin_page, save_article
from tests.helpers.clipboard import google_docs_clipboard, paste_html, word_clipboard
from tests.helpers.factories import make_article, make_publication_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


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
    save_article(page)
    page.wait_for_url("**/change/")
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
    # On a busy machine the note's editor may read the selection late: wait until it
    # holds the word, or the link button finds nothing to link (a CI flake).
    page.wait_for_function("() => getSelection().toString() === 'online'")
    page.wait_for_timeout(200)  # as a person would: the editor reads the selection
    dialog.locator("button[name=link]").click()
    link_dialog = page.locator("dialog[open] input[name=href]")
    link_dialog.fill("https://example.org/survey")
    dialog.screenshot(path=str(artifacts / "notes-dialog-en.png"))
    page.get_by_role("button", name="Update", exact=True).click()
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
    reader.wait_for_function("() => location.hash === '#note-2'")
    assert reader.evaluate("document.querySelector(':target').id") == "note-2"
    notes.nth(1).locator("a[role=doc-backlink]").click()
    reader.wait_for_function("() => location.hash === '#note-ref-2'")
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


# A paragraph with three footnotes, one with italics and a link, in each language.
PASTED = {
    "en": (
        ["Oil output fell", " while prices rose", " and exports slowed", "."],
        [
            'Ministry of Oil, <i>Annual Bulletin</i>, <a href="https://example.org/oil">online</a>.',
            "Central Bank data.",
            "Customs figures, 2023.",
        ],
    ),
    "ar": (
        ["انخفض إنتاج النفط", " بينما ارتفعت الأسعار", " وتباطأت الصادرات", "."],
        [
            'وزارة النفط، <i>النشرة السنوية</i>، <a href="https://example.org/oil">على الشبكة</a>.',
            "بيانات المصرف المركزي.",
            "أرقام الجمارك، ٢٠٢٣.",
        ],
    ),
}
CLIPBOARDS = {"word": word_clipboard, "google-docs": google_docs_clipboard}
DIGITS = {"en": ["1", "2", "3"], "ar": ["١", "٢", "٣"]}


def plain(html):
    return re.sub(r"<[^>]+>", "", html)


@pytest.mark.parametrize("language", ["en", "ar"])
@pytest.mark.parametrize("source", ["word", "google-docs"])
def test_pasted_footnotes_are_notes_at_once(
    source, language, editor_page, live_server, chromium, artifacts
):
    page, base = editor_page, live_server.url
    pieces, notes = PASTED[language]
    article = make_article(
        "Pasted Notes" if language == "en" else "ملاحظات ملصقة",
        slug=f"pasted-{source}-{language}",
        language=language,
        publication_type=make_publication_type(slug=f"paste-{source}-{language}"),
        body="<p>Start.</p>",
    )
    open_article(page, base, article)
    put_cursor_after(page, "Start.")
    clipboard = CLIPBOARDS[source](pieces, notes, rtl=language == "ar")
    paste_html(body_editor(page), clipboard, "".join(pieces))

    # At once, before saving: three numbered markers, no "[1]" and no notes at the end.
    assert marker_names(page, 3) == [f"Note {digit}" for digit in DIGITS[language]]
    markers = body_editor(page).locator(".note-marker")
    assert markers.all_inner_texts() == DIGITS[language]
    assert [markers.nth(n).get_attribute("title") for n in range(3)] == list(map(plain, notes))
    shown = body_editor(page).inner_text()
    assert "[" not in shown and plain(notes[1]) not in shown
    assert body_editor(page).locator("hr, a[href^='#']").count() == 0
    page.locator(".field-body").screenshot(
        path=str(artifacts / f"notes-pasted-{source}-{language}.png")
    )

    article, reader = save_and_read(page, base, article, chromium)
    assert article.body.count("<span data-note") == 3
    assert "ftn" not in article.body and "[1]" not in article.body
    assert reader.locator(".prose a[role=doc-noteref]").all_inner_texts() == DIGITS[language]
    listed = reader.locator("section.notes ol li")
    assert listed.count() == 3
    first = listed.nth(0)
    assert first.locator("a[href='https://example.org/oil']").inner_text() == plain(
        re.search(r">([^<]+)</a>", notes[0]).group(1)
    )
    assert first.locator("em, i").inner_text() == re.search(r"<i>(.*)</i>", notes[0]).group(1)
    assert plain(notes[2]) in listed.nth(2).inner_text()


def test_footnotes_that_do_not_pair_are_pasted_as_they_are(editor_page, live_server, chromium):
    page, base = editor_page, live_server.url
    article = make_article(
        "Dangling Notes",
        publication_type=make_publication_type(slug="notes-type-dangling"),
        body="<p>Start.</p>",
    )
    open_article(page, base, article)
    put_cursor_after(page, "Start.")
    # The note's back link points to a reference that is not there.
    clipboard = word_clipboard(["Oil output fell", "."], ["Central Bank data."])
    paste_html(body_editor(page), clipboard.replace('href="#_ftnref1"', 'href="#_ftnref2"'), "")
    body_editor(page).locator("a[href='#_ftn1']").wait_for()
    assert body_editor(page).locator(".note-marker").count() == 0
    shown = body_editor(page).inner_text()
    assert "Oil output fell[1]." in shown and "Central Bank data." in shown

    article, _reader = save_and_read(page, base, article, chromium)
    assert "data-note" not in article.body
    assert re.search(r'fell<a href="#_ftn1"[^>]*>\[1\]</a>\.', article.body)
    assert "Central Bank data." in article.body
