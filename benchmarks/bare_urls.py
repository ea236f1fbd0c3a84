"""
One view returning the saved bytes of an article page, at the article's address: what
Django, the site's middleware and gunicorn cost with no query and no template, the
ceiling of any page on this machine (benchmarks/serve.py saves the page and names it
in BARE_PAGE and its content type in BARE_CONTENT_TYPE; with BARE_REDIS_PING=1 the view
first makes one round trip to the cache's Redis, the least a page-cache hit does:
benchmarks/hit.py). The site's own URLs follow it,
so that what the middleware reverses (the admin's address) is there; the bare view is
matched first.
"""

import os
from pathlib import Path

from django.core.cache import cache
from django.http import HttpResponse
from django.urls import path

from website.urls import urlpatterns as site_urlpatterns

PAGE = Path(os.environ["BARE_PAGE"]).read_bytes()
CONTENT_TYPE = os.environ.get("BARE_CONTENT_TYPE", "text/html; charset=utf-8")


PING = os.environ.get("BARE_REDIS_PING") == "1"


def saved_page(request, slug):
    if PING:
        cache._cache.get_client(write=True).ping()
    return HttpResponse(PAGE, content_type=CONTENT_TYPE)


urlpatterns = [path("policy-analysis/<slug:slug>", saved_page), *site_urlpatterns]
