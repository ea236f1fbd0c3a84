"""The public pages, one of each kind, as the demo content has them (load_demo first)."""

from articles.models import Article
from experts.models import Expert, Program

MAIN_SLUG = (
    "putins-alignment-in-middle-east-should-signal-to-israel-its-time-for-a-change-of-allegiance"
)


def public_pages():
    """{kind of page: its address} for every kind of public page."""
    article = Article.objects.get(language="en", slug=MAIN_SLUG)
    arabic = Article.objects.get(translation_set=article.translation_set, language="ar")
    return {
        "home": "/",
        "article": article.get_absolute_url(),
        "listing": "/policy-analysis",
        "topic": article.topics.order_by("pk").first().get_absolute_url(),
        "region": article.regions.order_by("pk").first().get_absolute_url(),
        "events": "/events",
        "search": "/search?q=Russia",
        "experts directory": "/experts",
        "expert profile": Expert.objects.get(slug="anna-borshchevskaya").get_absolute_url(),
        "programs": "/programs",
        "program": Program.objects.order_by("pk").first().get_absolute_url(),
        "Arabic home": "/ar/",
        "Arabic article": arabic.get_absolute_url(),
    }
