"""Old addresses of imported pages answer 301 to where those pages are now (their
current address, found at each request, so a later change of slug keeps them working).
Like django.contrib.redirects' fallback, but to objects, and old addresses with a query
(WordPress's `/?p=123`) are matched before the page they would otherwise show."""

from django.http import Http404, HttpResponsePermanentRedirect

from interchange.paths import path_key, query_names, request_keys
from interchange.selectors import legacy_path_url, legacy_query_names

SAFE_METHODS = ("GET", "HEAD")


class LegacyPathMiddleware:
    """A GET or HEAD of an old address answers 301; one of what readers may not see
    answers 404. Addresses with a query are looked up before the view (only when the
    query has a parameter some old address has: a list's `?page=2` costs nothing);
    others only when the site would answer 404."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in SAFE_METHODS:
            return self.get_response(request)
        query = request.META.get("QUERY_STRING", "")
        if query:
            key = path_key(f"{request.path}?{query}")
            if key and query_names(key) & legacy_query_names():
                response = self._answer([key])
                if response is not None:
                    return response
        response = self.get_response(request)
        if response.status_code == 404:
            return self._answer(request_keys(request.path, query)) or response
        return response

    def _answer(self, keys):
        found, url = legacy_path_url(keys)
        if not found:
            return None
        if url is None:
            raise Http404
        return HttpResponsePermanentRedirect(url)
