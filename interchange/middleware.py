"""Old addresses of imported pages answer 301 to where those pages are now (their
current address, found at each request, so a later change of slug keeps them working).
Like django.contrib.redirects' fallback, but to objects, and an old address on the home
page with a query (WordPress's `/?p=123`) is matched before the home page is shown."""

from django.conf import settings
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils.encoding import escape_uri_path

from interchange.paths import path_key, query_names, request_keys
from interchange.selectors import legacy_path_url, legacy_query_names

SAFE_METHODS = ("GET", "HEAD")
# The home page in each language: the one page of the site an old address with a query
# lands on (others answer 404 at an old address, so the fallback finds them).
HOME_KEYS = {"/", *(f"/{code}" for code, _name in settings.LANGUAGES)}


class LegacyPathMiddleware:
    """A GET or HEAD of an old address answers 301; one of what readers may not see
    answers 404. The home page with a query is looked up before the view (only when the
    query has a parameter some old address has: `?utm_source=` costs nothing); any
    other address only when the site would answer 404 (one query, on a 404 only)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in SAFE_METHODS:
            return self.get_response(request)
        query = request.META.get("QUERY_STRING", "")
        path = escape_uri_path(request.path)  # as asked: keys decode it once
        if query and path_key(path) in HOME_KEYS:
            key = path_key(f"{path}?{query}")
            if key and query_names(key) & legacy_query_names():
                response = self._answer([key])
                if response is not None:
                    return response
        response = self.get_response(request)
        if response.status_code == 404:
            return self._answer(request_keys(path, query)) or response
        return response

    def _answer(self, keys):
        found, url = legacy_path_url(keys)
        if not found:
            return None
        if url is None:
            raise Http404
        return HttpResponsePermanentRedirect(url)
