"""
The editor of benchmarks/editors_at_work.py, in a process of its own: signed in to the
admin, it saves a draft every --save-every seconds (its change form posted back as a
browser posts it, a paragraph added to the body) and publishes a draft every
--publish-every seconds (the save bar's "Publish now", checks before publish
overridden), then reads the pages that should show it as an anonymous reader until
they do. It talks to the site over HTTP only, so whatever the page cache does is
measured as readers meet it.

    .venv/bin/python benchmarks/editor.py PLAN.json

PLAN.json: {"port", "username", "password", "duration", "save_every", "publish_every",
"draft": pk, "publish": [{"pk", "slug", "pages": [address, ...]}, ...]}. It prints one
JSON object a line, an event each: {"kind": "save" or "publish", "at": Unix time the
step was answered, "seconds": the POST's time, "outcome", "visible": {address: seconds
after "at" until a reader saw the article there, or null}}.
"""

import json
import sys
import threading
import time

from livesite import Browser, messages, page_form_data, parse
from servers import get

VISIBLE_TIMEOUT = 15  # seconds a reader keeps looking for a published article
POLL_PAUSE = 0.05  # seconds between a reader's looks at one page


def post_change_form(browser, pk, change):
    """(answer, seconds of the POST, Unix time it was answered): the article's change
    form posted back as `change(data)` leaves it; None for an answer if the form was
    not given."""
    address = f"/admin/articles/article/{pk}/change/"
    form = browser.get(address)
    if form.status != 200:
        return None, 0.0, time.time()
    data = page_form_data(parse(form.text), "article_form")
    change(data)
    started = time.monotonic()
    answer = browser.post(address, data)
    return answer, time.monotonic() - started, time.time()


def outcome_of(browser, answer):
    """ "saved" when the admin redirected to a page that says so (the form has "save and
    continue": back to itself), else what it answered."""
    if answer is None:
        return "no form"
    if answer.status != 302:
        errors = [element.text for element in parse(answer.text).find_all(cls="errorlist")]
        return f"answered {answer.status} {errors[:2]}"
    shown = browser.get(answer.location)
    if messages(shown, "success"):
        return "saved"
    return f"redirected to {answer.location}: {messages(shown, 'error')[:1]}"


def save_draft(browser, pk, turn):
    """A paragraph more in the draft's body, saved."""

    def add_paragraph(data):
        # A browser drops the newline that follows <textarea>.
        body = data.get("body", "").removeprefix("\n").strip()
        data["body"] = f"{body}\n<p>Draft edit {turn} of the benchmark.</p>"

    answer, seconds, answered = post_change_form(browser, pk, add_paragraph)
    return {"kind": "save", "at": answered, "seconds": round(seconds, 3),
            "outcome": outcome_of(browser, answer)}  # fmt: skip


def shows(port, address, slug):
    """Whether an anonymous reader's page at `address` shows the article `slug`."""
    try:
        status, _headers, body = get(port, address, timeout=30)
    except OSError:
        return False
    if address.endswith(f"/{slug}"):  # its own page
        return status == 200
    return status == 200 and f"/{slug}".encode() in body


def time_to_visible(port, address, slug, since, results):
    """Put in `results[address]` the seconds after `since` until `address` shows `slug`
    (None if it did not within VISIBLE_TIMEOUT)."""
    results[address] = None
    while time.time() - since < VISIBLE_TIMEOUT:
        if shows(port, address, slug):
            results[address] = round(time.time() - since, 3)
            return
        time.sleep(POLL_PAUSE)


def publish(browser, article):
    """Publish the draft now ("Publish now", the checks overridden), then look for it on
    its pages from the moment the POST is answered, one reader a page."""

    def press_publish(data):
        data.update(workflow_action="publish", publish_anyway="on")

    answer, seconds, answered = post_change_form(browser, article["pk"], press_publish)
    visible = dict.fromkeys(article["pages"])
    readers = [
        threading.Thread(
            target=time_to_visible, args=(browser.port, page, article["slug"], answered, visible)
        )
        for page in article["pages"]
    ]
    if answer is not None and answer.status == 302:
        for reader in readers:
            reader.start()
    outcome = outcome_of(browser, answer)  # the editor's browser follows the redirect
    for reader in readers:
        if reader.is_alive():
            reader.join()
    return {"kind": "publish", "at": answered, "seconds": round(seconds, 3),
            "outcome": outcome, "article": article["slug"], "visible": visible}  # fmt: skip


def schedule(plan, started):
    """(when, kind) of each step: saves from half a period in, publishes from half a
    minute in, within the run's duration."""
    steps = []
    at = plan["save_every"] / 2
    while at < plan["duration"]:
        steps.append((started + at, "save"))
        at += plan["save_every"]
    at = plan["publish_every"] / 2
    while at < plan["duration"]:
        steps.append((started + at, "publish"))
        at += plan["publish_every"]
    return sorted(steps)


def main():
    with open(sys.argv[1]) as plan_file:
        plan = json.load(plan_file)
    browser = Browser(plan["port"])
    browser.log_in(plan["username"], plan["password"])
    to_publish = list(plan["publish"])
    for turn, (when, kind) in enumerate(schedule(plan, time.time())):
        if kind == "publish" and not to_publish:
            continue
        time.sleep(max(0.0, when - time.time()))  # late when a publish's looking ran on
        late = time.time() - when
        if kind == "publish":
            event = publish(browser, to_publish.pop(0))
        else:
            event = save_draft(browser, plan["draft"], turn)
        event["late"] = round(late, 3)
        print(json.dumps(event), flush=True)


if __name__ == "__main__":
    main()
