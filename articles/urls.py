from django.urls import path

from articles import feeds, views
from articles.views.citations import article_citation
from articles.views.experts import ExpertDetailView, ProgramDetailView
from articles.views.pdf_edition import article_pdf
from articles.views.search import SearchView

app_name = "articles"

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("policy-analysis", views.ArticleListView.as_view(), name="list"),
    path(
        "policy-analysis/<slug:slug>", views.article_topic_or_region, name="article-topic-or-region"
    ),
    # An article's documents (docs/documents.md): at their article's address, and at
    # an address for links in bodies that outlives a new title or slug.
    path(
        "policy-analysis/<slug:slug>/documents/<int:pk>/<str:filename>",
        views.article_document,
        name="document",
    ),
    path("documents/<int:pk>", views.document_link, name="document-link"),
    path("search", SearchView.as_view(), name="search"),
    path("events", views.EventListView.as_view(), name="events"),
    path("events/<slug:slug>.ics", views.event_calendar, name="event-calendar"),
]

# Feeds of each language's published work (README, "Feeds"): the latest work at
# feeds/latest.rss and .atom, one topic's, region's, expert's or publication type's
# at feeds/<kind>/<slug>.rss and .atom.
FEEDS = {
    "topics": feeds.TopicFeed,
    "regions": feeds.RegionFeed,
    "experts": feeds.ExpertFeed,
    "types": feeds.PublicationTypeFeed,
}
urlpatterns += [
    path(f"feeds/latest.{ext}", feeds.ArticleFeed.as_view(ext), name=f"feed-latest-{ext}")
    for ext in feeds.FORMATS
]
urlpatterns += [
    path(f"feeds/{kind}/<slug:slug>.{ext}", feed.as_view(ext), name=f"feed-{kind}-{ext}")
    for kind, feed in FEEDS.items()
    for ext in feeds.FORMATS
]

# An article's citation for reference managers (the slug converter has no ".").
urlpatterns += [
    path(
        "policy-analysis/<slug:slug>.bib",
        article_citation,
        {"format": "bibtex"},
        name="citation-bibtex",
    ),
    path(
        "policy-analysis/<slug:slug>.ris", article_citation, {"format": "ris"}, name="citation-ris"
    ),
]

# An article's PDF edition (articles/pdf_edition.py).
urlpatterns += [path("policy-analysis/<slug:slug>.pdf", article_pdf, name="article-pdf")]

# An expert's profile and a program's page list work: in the "experts" namespace
# with experts.urls (website/urls.py).
EXPERT_WORK_PATTERNS = [
    path("experts/<slug:slug>", ExpertDetailView.as_view(), name="detail"),
    path("programs/<slug:slug>", ProgramDetailView.as_view(), name="program"),
]
