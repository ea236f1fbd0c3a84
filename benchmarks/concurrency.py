"""
Editors saving the same and different articles while readers read: no edit is lost,
every refused save is told so, and no reader ever sees a draft.

    sudo .venv/bin/python benchmarks/concurrency.py
    sudo .venv/bin/python benchmarks/concurrency.py --duration 20 --readers 10

The site runs as production runs it (benchmarks/livesite.py: a throwaway cluster and
Redis, the demo, gunicorn with two sync workers, DEBUG off). Five editor accounts (made here, in the
Editors group) log in to the admin and, for --duration seconds, each opens an
article's change form and saves it back as a browser would, its `loaded_version`
field included, with a word of its own added to the body: three on one article, two of
them also on others, one on a draft and the scheduled article too (secret words), and
one making new drafts. A save is accepted (a redirect to the list with the admin's
success message) or refused (the form again with the concurrent-edit message, or a
redirect back to it with the "at the same moment" message). Readers, meanwhile, read
the articles being edited, the home page, the listing, the feed and sitemap, the drafts'
own addresses, and search for the words. At the end the database is read:

- every accepted save's word is in a revision of its article, saved by that editor,
  and in the article as it is now (every save adds to what its editor loaded, so a save
  written over another's would drop the other's word);
- no refused save's word is anywhere in the article or its history;
- every save was told one or the other;
- no reader saw a draft's word or got a draft's page, and no reader got a server error;
- each article's public page shows every accepted word after the run.

It prints the counts and exits with 1 when any of these fails.
"""

import argparse
import http.client
import os
import random
import re
import secrets
import string
import sys
import threading
import time
from collections import Counter, defaultdict
from dataclasses import dataclass

from cluster import BenchmarkError, log
from concurrency_report import report
from livesite import Browser, live_site, messages, page_form_data, parse

# Which targets each editor works on, in turn: "A", "B", "C" are published articles,
# "D" a draft, "S" the scheduled article, "new" a new draft.
PLANS = {
    "editor-1": ("A",),
    "editor-2": ("A",),
    "editor-3": ("A", "B"),
    "editor-4": ("B", "B", "D"),
    "editor-5": ("C", "S", "new", "D"),
}
SECRET = ("D", "S", "new")  # never public: a reader who sees their words saw a draft
DRAFT_WORD = re.compile(r"zzsecret[a-z]{10}")
CONFLICT = "Someone else saved this article after you opened it"
RACE = "at the same moment; nothing was saved"


# --- the editors --------------------------------------------------------------------------


@dataclass
class Save:
    editor: str
    target: str  # a key of PLANS' targets
    word: str
    outcome: str  # "accepted", "refused", "refused at the same moment", or "other: ..."
    article: int | None = None  # None for a new draft (found by its word afterwards)


class Editor(threading.Thread):
    def __init__(self, name, browser, targets, run):
        super().__init__(name=name)
        self.browser, self.targets, self.run_state = browser, targets, run
        self.saves = []

    def run(self):
        plan = PLANS[self.name]
        turn = 0
        while not self.run_state.over():
            target = plan[turn % len(plan)]
            turn += 1
            word = self.run_state.new_word(secret=target in SECRET)
            try:
                save = self.save(self.browser, target, word)
            except Exception as error:  # kept as what the editor saw: no answer, no form
                save = Save(self.name, target, word, f"other: {error!r}")
            self.saves.append(save)
            if save.outcome == "accepted" and target not in SECRET:
                self.run_state.public_words.append(word)

    def save(self, browser, target, word):
        if target == "new":
            address, article = "/admin/articles/article/add/", None
        else:
            article = self.targets[target]["pk"]
            address = f"/admin/articles/article/{article}/change/"
        form = browser.get(address)
        if form.status != 200:
            return Save(self.name, target, word, f"other: the form answered {form.status}", article)
        data = page_form_data(parse(form.text), "article_form")
        # A browser drops the newline that follows <textarea>; the editor adds a line.
        body = data.get("body", "").removeprefix("\n").strip()
        data["body"] = f"{body}\n<p>Edited by {self.name}: {word}.</p>"
        if target == "new":
            data.update(
                title=f"Draft {word}",
                slug=f"draft-{word}",
                publication_type=str(self.targets["publication_type"]),
                summary=f"A draft that no reader may see: {word}.",
            )
            self.run_state.draft_paths.append(f"/policy-analysis/draft-{word}")
        elif target in SECRET:
            data["summary"] = f"{data.get('summary', '').strip()} {word}"
        time.sleep(random.uniform(0.1, 1.0))  # noqa: S311 - the editor types
        answer = browser.post(address, data)
        return Save(self.name, target, word, self.outcome(browser, address, answer), article)

    def outcome(self, browser, address, answer):
        if answer.status == 200 and CONFLICT in answer.text:
            return "refused"
        if answer.status != 302:
            errors = [e.text for e in parse(answer.text).find_all(cls="errorlist")]
            return f"other: answered {answer.status} {errors[:2]}"
        shown = browser.get(answer.location)
        if answer.location == address:  # back to the form: lost the race to the UPDATE
            told = any(RACE in message for message in messages(shown, "error"))
            return "refused at the same moment" if told else "other: redirected back, untold"
        if answer.location.startswith("/admin/articles/article/") and messages(shown, "success"):
            return "accepted"
        return f"other: redirected to {answer.location} without a success message"


# --- the readers --------------------------------------------------------------------------


class RunState:
    """What editors and readers share: the deadline and the words saved so far."""

    def __init__(self, seconds, draft_paths):
        self.deadline = time.monotonic() + seconds
        self.words = set()
        self.draft_words = []  # every secret word, registered before its save is sent
        self.draft_paths = list(draft_paths)  # the drafts' addresses, were they public
        self.public_words = []  # words of accepted public edits
        self.lock = threading.Lock()

    def over(self):
        return time.monotonic() >= self.deadline

    def new_word(self, secret):
        """A word no one has used, to add to a body; a secret one is registered first."""
        with self.lock:
            while True:
                letters = "".join(random.choices(string.ascii_lowercase, k=10))  # noqa: S311
                word = ("zzsecret" if secret else "zzedit") + letters
                if word not in self.words:
                    break
            self.words.add(word)
            if secret:
                self.draft_words.append(word)
            return word


class Reader(threading.Thread):
    def __init__(self, number, port, public_paths, run):
        super().__init__(name=f"reader-{number}")
        self.port, self.public_paths, self.run_state, self.offset = port, public_paths, run, number
        self.seen = Counter()  # (kind, status)
        self.leaks = []  # (path, what was seen)
        self.times = []
        self.searches_found = Counter()  # found / not found, for accepted edits' words

    def next_request(self, turn):
        """(kind, path, the draft word it asks for itself) of the next page to read."""
        run = self.run_state
        choice = (turn + self.offset) % 8
        if choice == 5 and run.public_words:
            word = random.choice(run.public_words[-20:])  # noqa: S311
            return "search for an edit", f"/search?q={word}", word
        if choice == 6 and run.draft_words:
            word = random.choice(run.draft_words)  # noqa: S311
            return "search for a draft", f"/search?q={word}", word
        if choice == 7:
            path = random.choice(run.draft_paths)  # noqa: S311
            # A page names its own address (the language switcher's links): a new
            # draft's word there is the reader's own, not a leak.
            named = DRAFT_WORD.search(path)
            return "draft address", path, named and named.group()
        return "public page", self.public_paths[turn % len(self.public_paths)], None

    def run(self):
        turn = 0
        while not self.run_state.over():
            kind, path, word = self.next_request(turn)
            turn += 1
            started = time.monotonic()
            try:
                page = Browser(self.port).get(path)
            except (OSError, http.client.HTTPException):
                self.seen[kind, "no answer"] += 1
                continue
            self.times.append(time.monotonic() - started)
            self.seen[kind, page.status] += 1
            seen = set(DRAFT_WORD.findall(page.text)) - {word}
            has_results = 'class="article-list search-results"' in page.text
            if kind == "search for a draft" and has_results:
                seen.add(f"results for {word}")
            if kind == "draft address" and page.status != 404:
                seen.add(f"answered {page.status}")
            if seen:
                self.leaks.append((path, sorted(seen)))
            if kind == "search for an edit":
                self.searches_found["found" if has_results else "not found"] += 1


# --- setting up and checking, in this process ---------------------------------------------


def set_up_django(env):
    os.environ.update(env)
    import django

    django.setup()


def prepare(editors):
    """Five editor accounts and the targets: {"A": {"pk", "path"}, ..., "publication_type"}."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.db import connections
    from django.utils import timezone

    from articles.models import Article, PublicationType

    passwords = {}
    group = Group.objects.get(name="Editors")
    for name in editors:
        passwords[name] = secrets.token_urlsafe(16)
        user = get_user_model().objects.create_user(name, password=passwords[name], is_staff=True)
        user.groups.add(group)
    published = Article.objects.published().in_language("en").excluding_events().order_by("pk")
    chosen = {
        "A": published[0],
        "B": published[1],
        "C": published[2],
        "D": Article.objects.filter(status=Article.Status.DRAFT, language="en").first(),
        "S": Article.objects.filter(
            status=Article.Status.PUBLISHED, published_at__gt=timezone.now()
        ).first(),
    }
    targets = {
        key: {"pk": article.pk, "path": article.get_absolute_url(), "title": article.title}
        for key, article in chosen.items()
    }
    # The addresses the draft and the scheduled article would have if they were public.
    targets["D"]["path"] = f"/policy-analysis/{chosen['D'].slug}"
    targets["S"]["path"] = f"/policy-analysis/{chosen['S'].slug}"
    targets["publication_type"] = PublicationType.objects.order_by("pk").first().pk
    targets["last article"] = Article.objects.order_by("-pk").first().pk
    connections.close_all()
    return passwords, targets


@dataclass
class Stored:
    revisions: dict  # article pk -> [(username, body)] of every revision
    now: dict  # article pk -> its body and summary as stored now


def stored(targets):
    from articles.models import Article, ArticleRevision

    pks = [targets[key]["pk"] for key in ("A", "B", "C", "D", "S")]
    articles = Article.objects.filter(pk__in=pks) | Article.objects.filter(
        pk__gt=targets["last article"]
    )
    revisions = defaultdict(list)
    for revision in ArticleRevision.objects.filter(article__in=articles).select_related("user"):
        username = revision.user.username if revision.user else None
        revisions[revision.article_id].append((username, revision.data.get("body") or ""))
    now = {article.pk: f"{article.body}\n{article.summary}" for article in articles}
    return Stored(revisions, now)


def article_of(save, found):
    """The article a save was of: a new draft's is the new article holding its word."""
    if save.article is not None:
        return save.article
    for pk, text in found.now.items():
        if save.word in text:
            return pk
    return None


def verify(saves, found):
    """{check: [the saves that break it]}"""
    broken = defaultdict(list)
    for save in saves:
        article = article_of(save, found)
        history = found.revisions.get(article, [])
        in_history = [user for user, body in history if save.word in body]
        in_article = save.word in found.now.get(article, "")
        if save.outcome == "accepted":
            if save.editor not in in_history:
                broken["accepted but not in the history"].append(save)
            if not in_article:
                broken["accepted but written over"].append(save)
        elif save.outcome.startswith("refused"):
            if in_history or in_article:
                broken["told refused but saved"].append(save)
        else:
            broken["not told (saved)" if in_article else "not told (not saved)"].append(save)
    return broken


def stale_pages(port, targets, saves):
    """The public articles whose page, read anonymously now, misses an accepted word."""
    stale = []
    for key in ("A", "B", "C"):
        words = [s.word for s in saves if s.target == key and s.outcome == "accepted"]
        page = Browser(port).get(targets[key]["path"])
        missing = [word for word in words if word not in page.text]
        if page.status != 200 or missing:
            stale.append(f"{key} ({page.status}, {len(missing)} of {len(words)} missing)")
    return stale


# --- the run ------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--duration", type=float, default=60, help="seconds of editing")
    parser.add_argument("--readers", type=int, default=20)
    args = parser.parse_args()
    try:
        with live_site("concurrency") as site:
            set_up_django(site.env)
            passwords, targets = prepare(PLANS)
            public_paths = [
                targets["A"]["path"], targets["B"]["path"], targets["C"]["path"], "/",
                "/policy-analysis", "/feeds/latest.rss", "/sitemap-articles.xml",
            ]  # fmt: skip
            log(
                f"{len(PLANS)} editors and {args.readers} readers for {args.duration:.0f} s; "
                + "; ".join(f"{key}: {targets[key]['path']}" for key in "ABCDS")
            )
            browsers = {name: Browser(site.port) for name in PLANS}
            for name, browser in browsers.items():
                browser.log_in(name, passwords[name])
            run = RunState(args.duration, [targets["D"]["path"], targets["S"]["path"]])
            editors = [Editor(name, browsers[name], targets, run) for name in PLANS]
            readers = [Reader(n, site.port, public_paths, run) for n in range(args.readers)]
            for thread in editors + readers:
                thread.start()
            for thread in editors + readers:
                thread.join()
            saves = [save for editor in editors for save in editor.saves]
            broken = verify(saves, stored(targets))
            stale = stale_pages(site.port, targets, saves)
    except BenchmarkError as error:
        sys.exit(f"concurrency: {error}")
    sys.exit(0 if report(saves, readers, broken, stale, targets) else 1)


if __name__ == "__main__":
    main()
