import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from articles import sitemaps as article_sitemaps
from articles import urls as article_urls
from articles import views as article_views
from experts import sitemaps as expert_sitemaps
from experts import urls as expert_urls
from thinktank import health, views

admin.site.site_header = admin.site.site_title = settings.SITE_NAME
admin.site.index_title = _("Publishing")

handler404 = "thinktank.views.page_not_found"
handler500 = "thinktank.views.server_error"

# /sitemap.xml is an index of these sections, each at /sitemap-<section>.xml; one
# sitemap lists every language's addresses, so it sits outside i18n_patterns.
SITEMAPS = {
    "pages": article_sitemaps.PageSitemap,
    "articles": article_sitemaps.ArticleSitemap,
    "events": article_sitemaps.EventSitemap,
    "topics": article_sitemaps.TopicSitemap,
    "regions": article_sitemaps.RegionSitemap,
    "experts": article_sitemaps.ExpertSitemap,
    "programs": article_sitemaps.ProgramSitemap,
    "directories": expert_sitemaps.DirectorySitemap,
}

urlpatterns = [
    # Bookmarked admin addresses of topics and regions from when articles owned them.
    re_path(
        r"^admin/articles/(?P<model>topic|region)/(?P<rest>[\w/-]*)$",
        RedirectView.as_view(
            url="/admin/taxonomy/%(model)s/%(rest)s", permanent=True, query_string=True
        ),
    ),
    # Bookmarked admin addresses of TaxonomyRedirect, once named LandingRedirect.
    re_path(
        r"^admin/(?:articles|taxonomy)/landingredirect/(?P<rest>[\w/-]*)$",
        RedirectView.as_view(
            url="/admin/taxonomy/taxonomyredirect/%(rest)s", permanent=True, query_string=True
        ),
    ),
    path("admin/", admin.site.urls),
    path("robots.txt", views.robots_txt, name="robots"),
    # For load balancers and operators: one address whatever the language.
    path("healthz", health.healthz, name="healthz"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    # Previews are in the article's own language, whatever the address: no prefix.
    path("preview/articles/<int:pk>", article_views.article_preview, name="article-preview"),
    path(
        "preview/<str:token>", article_views.article_shared_preview, name="article-preview-shared"
    ),
    path(
        "preview/articles/<int:pk>/documents/<int:document>",
        article_views.article_document_preview,
        name="article-document-preview",
    ),
    path(
        "preview/<str:token>/documents/<int:document>",
        article_views.shared_preview_document,
        name="article-document-preview-shared",
    ),
]

# Every public page exists in every language: English unprefixed, the others
# under /ar/, /fa/, ...
urlpatterns += i18n_patterns(
    path(
        "",
        include((expert_urls.urlpatterns + article_urls.EXPERT_WORK_PATTERNS, "experts")),
    ),
    path("", include("articles.urls")),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            views.serve_media,
        )
    ]
