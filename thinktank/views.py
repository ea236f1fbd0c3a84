"""Site-wide views: the error pages, robots.txt, uploads when Django serves them."""

import errno
import logging
import sys

from django.conf import settings
from django.db.utils import InterfaceError, OperationalError
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe
from django.views.static import serve

logger = logging.getLogger(__name__)

# An unreachable database may be back in a moment: 503 with Retry-After, not 500.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30

ROBOTS_DISALLOW = ["/admin/", "/preview/"]


def search_paths():
    """The search page in every language: endless result pages, each also noindex."""
    paths = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.append(reverse(settings.SITE_SEARCH_URL_NAME))
    return paths


def server_error(request):
    """handler500 (503 when the database is away), rendered without the request: no
    context processor may query a database that may be what failed."""
    error = sys.exc_info()[1]
    if isinstance(error, DATABASE_UNAVAILABLE):
        template_name, status = "503.html", 503
    else:
        template_name, status = "500.html", 500
    try:
        home_url = reverse(settings.SITE_HOME_URL_NAME)
    except Exception:  # noqa: BLE001 (the error page must not fail on the URLconf)
        home_url = "/"
    try:
        body = loader.get_template(template_name).render(
            {"SITE_NAME": settings.SITE_NAME, "home_url": home_url}
        )
    except Exception:  # the last resort: a page that cannot fail
        logger.exception("The %s page could not be rendered", status)
        body = f"<!DOCTYPE html><title>Error</title><h1>Error {status}</h1>"
    response = HttpResponse(body, status=status)
    add_never_cache_headers(response)
    if status == 503:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def page_not_found(request, exception):
    return render(request, "404.html", {"alternates": {}}, status=404)


@require_safe
def robots_txt(request):
    """Crawl everything public; the sitemap index is named by its absolute address."""
    disallowed = [*ROBOTS_DISALLOW, *search_paths()]
    lines = ["User-agent: *", *(f"Disallow: {path}" for path in disallowed), ""]
    lines.append(f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def serve_media(request, path):
    """An upload from MEDIA_ROOT (SERVE_MEDIA); 404 for a name too long for the disk."""
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:
        if error.errno != errno.ENAMETOOLONG:
            raise
        raise Http404(path) from error
