"""
The public addresses of a corpus, for readers spread over them (benchmarks/
editors_at_work.py): the home pages, the listing's pages, every topic, region and
expert, a few searches, and articles for the rest; and a request sequence drawn from
them with a Zipf distribution, for benchmarks/paths.lua.
"""

import itertools
import random

from cluster import BenchmarkError

LISTING_PAGES = 50  # /policy-analysis?page=1..50
SEARCHES = (
    "sanctions", "iran", "nuclear talks", "hezbollah", "oil prices", "red sea",
    "syria", "election", "militias", "water", "iraq", "russia",
)  # fmt: skip


def public_addresses(count):
    """{address: its kind} of `count` distinct public addresses (fewer when the corpus has
    fewer), the most read first: the home page and the listing's page 1, then the rest in
    a fixed random order (the listing's pages, topics, regions, experts, searches and
    articles, in English and Arabic). Needs Django set up in this process."""
    from django.urls import reverse
    from django.utils import translation

    from articles.models import Article, Region, Topic
    from experts.models import Expert

    with translation.override("en"):
        home, listing = reverse("articles:home"), reverse("articles:list")
        search = reverse("articles:search")
    with translation.override("ar"):
        others = {reverse("articles:home"): "home"}
    others.update(
        (f"{listing}?page={page}", "listing, a later page") for page in range(2, LISTING_PAGES + 1)
    )
    for kind, items in (("topic", Topic.objects.all()), ("region", Region.objects.all()),
                        ("expert", Expert.objects.with_profile())):  # fmt: skip
        others.update((item.get_absolute_url(), kind) for item in items)
    others.update((f"{search}?q={words.replace(' ', '+')}", "search") for words in SEARCHES)
    wanted = max(count - 2 - len(others), 0)
    articles = Article.objects.published().excluding_events().order_by("pk")[:wanted]
    others.update((article.get_absolute_url(), "article") for article in articles)
    if len(others) < count // 2:
        raise BenchmarkError(f"only {len(others)} public addresses: generate a corpus first")
    ranked = list(others)[: count - 2]
    # A fixed shuffle (not for secrets: S311): the popular pages are of every kind.
    random.Random(1).shuffle(ranked)  # noqa: S311
    return {home: "home", listing: "listing, page 1", **{a: others[a] for a in ranked}}


def log_kinds(kinds):
    """`kinds` ({address: kind}) as `kind_of` looks addresses up: a search's address
    without its words too, which the request log does not keep."""
    return {**{address.partition("?q=")[0]: kind for address, kind in kinds.items()}, **kinds}


def kind_of(line, lookup):
    """The kind of the address of a request's log line, by its `path` and `page` fields
    in `lookup` (log_kinds), or "other"."""
    path, page = line.get("path", ""), line.get("page")
    if page not in (None, "1"):
        path = f"{path}?page={page}"
    return lookup.get(path, "other")


def zipf_sequence(addresses, length, exponent=1.0, seed=1):
    """`length` addresses drawn independently, the one of rank r with a weight of
    1 / r ** exponent (Zipf's law; `addresses` are in rank order)."""
    ranks = range(1, len(addresses) + 1)
    weights = list(itertools.accumulate(1 / rank**exponent for rank in ranks))
    generator = random.Random(seed)  # noqa: S311 - a reproducible load, not a secret
    return generator.choices(addresses, cum_weights=weights, k=length)


def write_paths(path, addresses):
    """One address a line, as benchmarks/paths.lua reads them."""
    path.write_text("".join(f"{address}\n" for address in addresses))
    return path
