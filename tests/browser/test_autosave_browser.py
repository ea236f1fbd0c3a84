"""
Never losing work, in Chromium: an editor types, the page dies, the work comes back
on reopening; a lost connection and an expired session keep it in the browser until
the server has it; two editors on one article see each other (a soft lock, taken over
on purpose); a refused stale copy is merged side by side.
"""

import pytest
from django.contrib.auth.models import Group, User

from articles.models import Article
from editing.models import Autosave
from tests.helpers.browser import ADMIN_VIEWPORT, admin_page, choose, log_in, save_article
from tests.helpers.factories import make_article, make_expert, make_publication_type

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SAVED = "saved privately"


@pytest.fixture
def desk(live_server, roles):
    for username, first, last in (("ed-one", "Rana", "Haddad"), ("ed-two", "Omar", "Saleh")):
        user = User.objects.create_user(
            username, password="changeme", first_name=first, last_name=last, is_staff=True
        )
        user.groups.add(Group.objects.get(name="Editors"))
    manager = User.objects.create_user("ed-experts", password="changeme", is_staff=True)
    manager.groups.add(Group.objects.get(name="Expert managers"))
    kind = make_publication_type("Policy Analysis", slug="policy-analysis-type")
    return {
        "url": live_server.url,
        "article": make_article(
            "Water and Power",
            summary="The stored summary.",
            body="<p>The stored body.</p>",
            publication_type=kind,
        ),
        "arabic": make_article(
            "الماء والسلطة",
            slug="water-ar",
            language="ar",
            summary="الملخص المحفوظ.",
            body="<p>النص المحفوظ.</p>",
            publication_type=kind,
        ),
    }


def change_url(desk, article):
    return f"{desk['url']}/admin/articles/article/{article.pk}/change/"


def body_editor(page):
    return page.locator(".field-body .ProseMirror:visible").first


def type_work(page, title, words):
    page.fill("#id_title", title)
    body_editor(page).click()
    page.keyboard.press("End")
    page.keyboard.type(words)


def wait_status(page, text, timeout=15000):
    page.wait_for_function(
        "text => document.getElementById('editing-status').textContent.includes(text)",
        arg=text,
        timeout=timeout,
    )


def test_work_typed_then_the_page_killed_is_restored(chromium, desk, artifacts):
    article = desk["article"]
    context, page = admin_page(chromium, desk["url"], "ed-one")
    page.goto(change_url(desk, article))
    type_work(page, "Water, Power and the Gulf", " A sentence not yet saved.")
    wait_status(page, SAVED)
    context.close()  # the tab dies: nothing submitted

    article.refresh_from_db()
    assert article.title == "Water and Power", "an autosave never touches the article"
    assert not article.revisions.exists()

    context, page = admin_page(chromium, desk["url"], "ed-one")
    page.goto(change_url(desk, article))
    panel = page.locator("#editing-restore")
    panel.wait_for(state="visible")
    rows = panel.locator("tbody tr")
    assert rows.count() == 2
    assert "Water and Power" in rows.nth(0).inner_text()
    assert "Water, Power and the Gulf" in rows.nth(0).inner_text()
    assert "A sentence not yet saved." in panel.inner_text()
    assert "<p>" not in panel.inner_text(), "rich text is shown as text"
    page.screenshot(path=str(artifacts / "autosave-restore-offer.png"), full_page=True)

    page.click("#editing-restore-button")
    assert page.input_value("#id_title") == "Water, Power and the Gulf"
    assert "A sentence not yet saved." in body_editor(page).inner_text()
    save_article(page)
    page.wait_for_load_state()
    article.refresh_from_db()
    assert article.title == "Water, Power and the Gulf"
    assert "A sentence not yet saved." in article.body
    assert not Autosave.objects.exists(), "a real save deletes the autosave"
    page.goto(change_url(desk, article))
    page.wait_for_timeout(1500)
    assert page.locator("#editing-restore").is_hidden()
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('autosave:'))") == []
    context.close()


def test_discarding_forgets_the_work(chromium, desk):
    article = desk["article"]
    context, page = admin_page(chromium, desk["url"], "ed-one")
    page.goto(change_url(desk, article))
    type_work(page, "A title to forget", "")
    wait_status(page, SAVED)
    page.reload()
    page.locator("#editing-restore").wait_for(state="visible")
    page.click("#editing-discard-button")
    page.wait_for_function("() => !Object.keys(localStorage).some(k => k.startsWith('autosave:'))")
    page.wait_for_timeout(500)
    assert not Autosave.objects.exists()
    assert page.input_value("#id_title") == "Water and Power"
    context.close()


def test_a_lost_connection_keeps_the_work_until_the_server_answers(chromium, desk):
    article = desk["article"]
    context, page = admin_page(chromium, desk["url"], "ed-one")
    page.goto(change_url(desk, article))
    page.wait_for_timeout(500)
    context.set_offline(True)
    type_work(page, "Written on a train", " Through a tunnel.")
    page.wait_for_function(
        "() => JSON.stringify(Object.entries(localStorage)).includes('Written on a train')"
    )
    wait_status(page, "offline")
    assert not Autosave.objects.exists()
    context.set_offline(False)
    wait_status(page, SAVED, timeout=30000)
    autosave = Autosave.objects.get()
    assert autosave.data["fields"]["title"] == ["Written on a train"]
    context.close()


def test_an_expired_session_keeps_the_work_and_sends_it_after_logging_in(chromium, desk, artifacts):
    article = desk["article"]
    context, page = admin_page(chromium, desk["url"], "ed-one")
    page.goto(change_url(desk, article))
    page.wait_for_timeout(500)
    context.clear_cookies(name="sessionid")
    type_work(page, "Typed after the session ended", " Still here.")
    wait_status(page, "session expired")
    assert page.locator("#editing-status").is_visible()
    page.screenshot(path=str(artifacts / "autosave-session-expired.png"))
    assert not Autosave.objects.exists()

    other_tab = context.new_page()
    log_in(other_tab, desk["url"], "ed-one")  # a new session, a new CSRF token
    wait_status(page, SAVED, timeout=30000)
    assert Autosave.objects.get().data["fields"]["title"] == ["Typed after the session ended"]
    # The page's own form has the new token: saving it for real works.
    save_article(page)
    page.wait_for_load_state()
    assert Article.objects.get(pk=article.pk).title == "Typed after the session ended"
    context.close()


def test_two_editors_on_one_article_see_each_other_and_take_over(chromium, desk, artifacts):
    article = desk["arabic"]
    first_context, first = admin_page(chromium, desk["url"], "ed-one")
    first.goto(change_url(desk, article))
    first.wait_for_timeout(1000)
    second_context, second = admin_page(chromium, desk["url"], "ed-two")
    second.goto(change_url(desk, article))
    lock = second.locator("#editing-lock")
    lock.wait_for(state="visible")
    assert "Rana Haddad has had this open (since" in lock.inner_text()
    second.screenshot(path=str(artifacts / "edit-lock-arabic.png"))
    second.click("#editing-take-over")
    second.wait_for_function(
        "() => document.getElementById('editing-lock').dataset.state === 'mine'"
    )
    # The first editor's next heartbeat (forced here rather than waited for).
    first.evaluate("document.dispatchEvent(new Event('visibilitychange'))")
    first.locator("#editing-lock[data-state=taken]").wait_for()
    assert "Omar Saleh took over editing" in first.locator("#editing-lock").inner_text()
    first.screenshot(path=str(artifacts / "edit-lock-taken-over.png"))
    # Not a hard lock: the first editor can still save.
    first.fill("#id_summary", "ملخص جديد.")
    save_article(first)
    first.wait_for_load_state()
    assert Article.objects.get(pk=article.pk).summary == "ملخص جديد."
    first_context.close()
    second_context.close()


def test_a_stale_copy_is_merged_side_by_side(chromium, desk, artifacts):
    article = desk["article"]
    first_context, first = admin_page(chromium, desk["url"], "ed-one")
    second_context, second = admin_page(chromium, desk["url"], "ed-two")
    first.goto(change_url(desk, article))
    second.goto(change_url(desk, article))
    second.fill("#id_title", "Their better title")
    second.fill("#id_summary", "Their summary.")
    save_article(second)
    second.wait_for_load_state()

    first.fill("#id_title", "My title")
    first.fill("#id_summary", "My careful summary.")
    save_article(first)
    first.wait_for_load_state()
    conflict = first.locator("#editing-conflict")
    conflict.wait_for(state="visible")
    title_row = conflict.locator("tr[data-name=title]")
    assert "Their better title" in title_row.inner_text()
    assert "My title" in title_row.inner_text()
    assert first.input_value("#id_summary") == "My careful summary.", "never discarded"
    first.screenshot(path=str(artifacts / "conflict-side-by-side.png"), full_page=True)

    title_row.locator("button[data-keep=theirs]").click()
    assert first.input_value("#id_title") == "Their better title"
    conflict.locator("tr[data-name=summary] button[data-keep=yours]").click()
    assert "saving will store this merged version" in conflict.inner_text()
    save_article(first)
    first.wait_for_load_state()
    article.refresh_from_db()
    assert (article.title, article.summary) == ("Their better title", "My careful summary.")
    first_context.close()
    second_context.close()


def test_an_arabic_article_restores_right_to_left(chromium, desk, artifacts):
    article = desk["arabic"]
    context = chromium.new_context(viewport=ADMIN_VIEWPORT)
    page = context.new_page()
    log_in(page, desk["url"], "ed-one")
    page.goto(change_url(desk, article))
    type_work(page, "الماء والسلطة في الخليج", " جملة لم تحفظ بعد.")
    wait_status(page, SAVED)
    context.close()
    context, page = admin_page(chromium, desk["url"], "ed-one")
    page.goto(change_url(desk, article))
    panel = page.locator("#editing-restore")
    panel.wait_for(state="visible")
    assert "جملة لم تحفظ بعد." in panel.inner_text()
    page.screenshot(path=str(artifacts / "autosave-restore-arabic.png"), full_page=True)
    page.click("#editing-restore-button")
    assert "جملة لم تحفظ بعد." in body_editor(page).inner_text()
    context.close()


def test_the_expert_form_restores_its_per_language_fields(chromium, desk):
    expert = make_expert("Hanin Ghaddar", slug="hanin-ghaddar", short_bio="Senior fellow.")
    change = f"{desk['url']}/admin/experts/expert/{expert.pk}/change/"
    context, page = admin_page(chromium, desk["url"], "ed-experts")
    page.goto(change)
    page.fill("#id_short_bio", "Senior fellow, writing on Lebanon.")
    page.click("[role=tab]:has-text('العربية')")  # one tab per language
    page.fill("#id_role__ar", "زميلة أولى")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.click("[role=tab]:has-text('English')")
    page.locator(".field-bio .ProseMirror:visible").first.click()
    page.keyboard.type("A bio typed and not saved.")
    wait_status(page, SAVED)
    context.close()

    context, page = admin_page(chromium, desk["url"], "ed-experts")
    page.goto(change)
    panel = page.locator("#editing-restore")
    panel.wait_for(state="visible")
    assert "زميلة أولى" in panel.inner_text()
    page.click("#editing-restore-button")
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    page.click("[role=tab]:has-text('العربية')")
    assert page.input_value("#id_role__ar") == "زميلة أولى"
    assert page.input_value("#id_short_bio") == "Senior fellow, writing on Lebanon."
    page.click("[role=tab]:has-text('English')")
    assert (
        "A bio typed and not saved."
        in page.locator(".field-bio .ProseMirror:visible").first.inner_text()
    )
    context.close()


def test_a_new_article_not_yet_saved_comes_back(chromium, desk):
    add = f"{desk['url']}/admin/articles/article/add/"
    context, page = admin_page(chromium, desk["url"], "ed-one")
    page.goto(add)
    page.fill("#id_title", "A piece never saved")
    page.fill("#id_summary", "Its summary.")
    choose(page, "id_publication_type", "Policy Analysis")
    wait_status(page, SAVED)
    context.close()

    context, page = admin_page(chromium, desk["url"], "ed-one")
    page.goto(add)
    page.locator("#editing-restore").wait_for(state="visible")
    page.click("#editing-restore-button")
    assert page.input_value("#id_title") == "A piece never saved"
    # The autocomplete's choice comes back with its name.
    assert "Policy Analysis" in page.locator(".field-publication_type .select2").inner_text()
    save_article(page)
    page.wait_for_url("**/change/")
    assert Article.objects.filter(title="A piece never saved").exists()
    assert not Autosave.objects.exists()
    page.goto(add)
    page.wait_for_timeout(1500)
    assert page.locator("#editing-restore").is_hidden(), "the saved work is not offered again"
    context.close()


def test_the_last_keystrokes_reach_the_server_as_the_page_closes(chromium, desk):
    """Typed, then the editor leaves at once (before the autosave's pause): the page's
    closing sends the work, so the server has it even if this browser never comes back."""
    article = desk["article"]
    context, page = admin_page(chromium, desk["url"], "ed-one")
    page.goto(change_url(desk, article))
    page.wait_for_function("() => document.getElementById('editing-status') !== null")
    page.wait_for_timeout(500)  # the page's autosave has started (it reads the server)
    type_work(page, "Water and Power", " Typed just before leaving.")
    page.goto(f"{desk['url']}/admin/")  # no pause: the debounce has not run
    page.wait_for_function("() => document.title.length > 0")
    for _ in range(50):
        saved = Autosave.objects.filter(user__username="ed-one", object_id=article.pk).first()
        if saved:
            break
        page.wait_for_timeout(100)
    assert saved is not None, "the closing page sent the work"
    assert "Typed just before leaving." in str(saved.data)
    context.close()
