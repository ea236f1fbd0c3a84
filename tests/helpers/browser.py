"""The admin in Chromium, for the browser tests (tests/browser/)."""

# The admin's forms are long: a taller window than the public pages' BROWSER_VIEWPORT.
ADMIN_VIEWPORT = {"width": 1280, "height": 1000}


def log_in(page, base_url, username, password="changeme"):  # noqa: S107 - the tests' own
    """Sign `username` in to the admin at `base_url` in `page`, and wait for its index."""
    page.goto(f"{base_url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(f"{base_url}/admin/")


def admin_page(chromium, base_url, username, password="changeme"):  # noqa: S107
    """A new browser context and a page in it with `username` signed in to the admin;
    the caller closes the context."""
    context = chromium.new_context(viewport=ADMIN_VIEWPORT)
    page = context.new_page()
    log_in(page, base_url, username, password)
    return context, page


def search_chooser(page, select_id, text):
    """Search `text` in one of the admin's autocomplete (select2) inputs: its results
    that have the text (a locator)."""
    page.click(f"#{select_id} + .select2 .select2-selection")
    page.fill(".select2-container--open .select2-search__field", text)
    return page.locator(f".select2-results__option:has-text('{text}')")


def choose(page, select_id, text):
    """Pick `text` in one of the admin's autocomplete (select2) inputs."""
    search_chooser(page, select_id, text).click()


def save_article(page):
    """Press the article form's plain save, the first button of its save bar ("Save
    draft", "Update the live article"...: it changes nothing readers see, and keeps the
    editor on the form), and wait for the page it answers."""
    page.click("#workflow-bar .workflow-buttons button.default")
    page.wait_for_load_state()
