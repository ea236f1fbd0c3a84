import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from articles import views as article_views

admin.site.site_header = admin.site.site_title = settings.SITE_NAME
admin.site.index_title = _("Publishing")

handler404 = "thinktank.views.page_not_found"

urlpatterns = [
    path("admin/", admin.site.urls),
    # Previews are in the article's own language, whatever the address: no prefix.
    path("preview/articles/<int:pk>", article_views.article_preview, name="article-preview"),
    path(
        "preview/<str:token>", article_views.article_shared_preview, name="article-preview-shared"
    ),
]

# Every public page exists in every language: English unprefixed, the others
# under /ar/, /fa/, ...
urlpatterns += i18n_patterns(
    path("", include("experts.urls")),
    path("", include("articles.urls")),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
