"""
The pages benchmarks/serve.py measures: the addresses read from the corpus (Django set
up in this process), the article pages sampled, addresses that are each a page miss,
and the Wagtail peer's pages set beside the project's.
"""

import random

from cluster import BenchmarkError
from peer import PEER_INDEX_DEEP_PAGE, PEER_TOPIC
from report import MISS, PEER
from servers import get

# Article pages: a sample fetched first (the bare view's bytes are the median one's, the
# cache hit cycles through the few around it), warm-up pages, and the timed ones: far
# more than a 15 s run requests, spread over the corpus, so none is served warm by luck.
SAMPLE, HIT_ARTICLES, WARM_ARTICLES, TIMED_ARTICLES = 50, 10, 100, 3000
# A page miss with its parts kept: so many articles, and addresses of each page miss
# (every page's), each used once: more than a run makes at 1,000 requests a second. A
# list of 3,000 was asked again in the second round once lists grew faster, and
# measured hits (2026-12-08).
PARTS_ARTICLES, PAGE_MISSES = 300, 18_000
PARTS_KEPT = "article, page miss, parts kept"
CARDS_KEPT = "page miss, cards kept"  # a list on a page miss, its cards kept
PROFILE_PARTS_KEPT = "page miss, parts kept"  # a profile on a page miss, its parts kept
SWEEP = "crawler's sweep, each article once"
SEARCH_TERM = "sanctions"  # a common word of the corpus (articles/corpus/vocabulary.py)
# The targets of issue 16 beside the Wagtail peer: on a page miss, and with every cache
# of the project empty (the article on a miss with nothing kept).
PEER_FLOOR, PEER_COLD_FLOOR, DEFAULT_BARE_FLOOR = 5.0, 2.5, 0.80


def english_articles(*, at_least):
    """The address of every published English article but the events, in the table's
    order; BenchmarkError when there are fewer than `at_least` (Django set up in this
    process)."""
    from django.urls import reverse
    from django.utils import translation

    from articles.models import Article

    slugs = list(
        Article.objects.published()
        .in_language("en")
        .excluding_events()
        .order_by("pk")
        .values_list("slug", flat=True)
    )
    if len(slugs) < at_least:
        raise BenchmarkError(
            f"only {len(slugs)} published English articles: generate a corpus first"
        )
    with translation.override("en"):
        return [reverse("articles:article-topic-or-region", kwargs={"slug": s}) for s in slugs]


def page_misses(site, paths, count=PAGE_MISSES):
    """(addresses, warm-up addresses) that are each a page miss on `site` (a query
    string of their own) of the pages at `paths`, `count` in all, whose parts (an
    article and its sidebar: articles.page_selectors.article_for_page; a list's cards:
    articles.cards) are kept now, by one request each."""
    for path in paths:
        status, _headers, _body = get(site.port, path)
        if status != 200:
            raise BenchmarkError(f"{path} answered {status} (log: {site.logfile})")
    rounds = -(-count // len(paths))
    timed = [f"{path}?page-miss={round_}" for round_ in range(rounds) for path in paths]
    return timed, [f"{path}?warm={round_}" for round_ in range(3) for path in paths]


def beside_peer(bench, wagtail, peer_pages, labels):
    """The Wagtail peer's pages added to `bench` (so measured in the same rounds), each
    set beside the project's page it stands for: [(project's label, peer's label,
    the target ratio)]. `labels` names the project's pages by kind."""
    articles = spread(peer_pages["articles"], WARM_ARTICLES + TIMED_ARTICLES)
    every = spread(peer_pages["articles"], len(peer_pages["articles"]))
    path, work = peer_pages["expert"]
    # With the page cache off, each of the project's pages is a miss with every cache
    # empty (PEER_COLD_FLOOR); with it on and parts kept, a page miss (PEER_FLOOR).
    listing, topic = labels["listing"], labels["topic"]
    measured = [
        # The peer keeps no page: each of its requests renders, as a miss does here.
        (f"article ({len(articles) - WARM_ARTICLES:,} addresses)", articles[WARM_ARTICLES:],
         articles[:WARM_ARTICLES], [(MISS, PEER_COLD_FLOOR), (PARTS_KEPT, PEER_FLOOR)]),
        (f"{SWEEP} ({len(every) - WARM_ARTICLES:,} addresses)", every[WARM_ARTICLES:],
         every[:WARM_ARTICLES], [(labels["sweep"], PEER_FLOOR)]),
        ("topic index, page 1", [peer_pages["index"]], None,
         [(listing, PEER_COLD_FLOOR), (f"{listing}, {CARDS_KEPT}", PEER_FLOOR)]),
        (f"topic index, page {PEER_INDEX_DEEP_PAGE}", [peer_pages["deep"]], None,
         [(labels["deep"], PEER_COLD_FLOOR)]),
        (f"a topic's page ({PEER_TOPIC})", [peer_pages["topic"]], None,
         [(topic, PEER_COLD_FLOOR), (f"{topic}, {CARDS_KEPT}", PEER_FLOOR)]),
        (f"expert profile, the most work ({work:,} pieces)", [path], None,
         [(labels["expert"], PEER_COLD_FLOOR),
          (f"{labels['expert']}, {PROFILE_PARTS_KEPT}", PEER_FLOOR)]),
        (labels["search"], [peer_pages["search"]], None, [(labels["search"], PEER_COLD_FLOOR)]),
    ]  # fmt: skip
    pairs = []
    for label, paths, warm_paths, beside in measured:
        bench.add(wagtail, f"{PEER}: {label}", paths, warm_paths)
        pairs += [(project, f"{PEER}: {label}", floor) for project, floor in beside]
    return pairs


def spread(paths, count):
    """`count` of `paths` spread over them, in an order of their own: neighbours in the
    table are not requested one after another."""
    chosen = paths[:: max(1, len(paths) // count)][:count]
    random.Random(1).shuffle(chosen)  # noqa: S311 - not for secrets
    return chosen


def corpus_pages():
    """The addresses measured, read from the corpus (Django set up in this process)."""
    import math

    from django.db.models import Count
    from django.urls import reverse
    from django.utils import translation

    from articles.filters import ArticleFilterForm
    from articles.models import Article, Topic
    from articles.views.pages import PAGE_SIZE
    from experts.models import Expert

    with translation.override("en"):
        every = english_articles(at_least=SAMPLE + WARM_ARTICLES + 100)
        articles = spread(every, SAMPLE + WARM_ARTICLES + TIMED_ARTICLES)
        listing = reverse("articles:list")
        listed = ArticleFilterForm(None, language="en").filter(Article.objects.published())
        deep = min(1000, math.ceil(listed.count() / PAGE_SIZE))
        topic = Topic.objects.filter(slug="sanctions").first() or Topic.objects.first()
        # The most prolific expert (a generated corpus gives a few most of the work) and
        # one of median output.
        experts = list(
            Expert.objects.with_profile()
            .annotate(work=Count("authorships"))
            .order_by("-work", "pk")
            .only("slug", "name")
        )
        if not experts:
            raise BenchmarkError("no expert with a profile page: generate a corpus first")
        prolific, typical = experts[0], experts[len(experts) // 2]
        return {
            "sample": articles[:SAMPLE],
            "warm": articles[SAMPLE : SAMPLE + WARM_ARTICLES],
            "timed": articles[SAMPLE + WARM_ARTICLES :],
            "listing": listing,
            "deep": (deep, f"{listing}?page={deep}"),
            "topic": (topic.name, topic.get_absolute_url()),
            "experts": [
                (f"expert profile, the most work ({prolific.work:,} pieces)", prolific),
                (f"expert profile, median work ({typical.work:,} pieces)", typical),
            ],
            "search": f"{reverse('articles:search')}?q={SEARCH_TERM}",
            "every": spread(every, len(every)),
        }


def sample_articles(site, paths):
    """(size, content type, path, body) of each sampled article page, smallest first."""
    sampled = []
    for path in paths:
        status, headers, body = get(site.port, path)
        if status != 200:
            raise BenchmarkError(
                f"the article page {path} answered {status} on a cache miss; "
                f"its server's log:\n{site.logfile.read_text(errors='replace')[-3000:]}"
            )
        sampled.append((len(body), headers.get("Content-Type"), path, body))
    return sorted(sampled)
