vcl 4.1;
# thinktank behind Varnish (Debian's varnish and varnish-modules, for the xkey vmod):
# anonymous readers' pages kept here until a write purges them by the keys they name.
# See docs/page-cache.md, "A shared HTTP cache in front". `make serve VARNISH=1` and the
# tests (tests/helpers/varnish.py) run it with their own backend port put in below.

import std;
import xkey;

backend thinktank {
    .host = "127.0.0.1";
    .port = "8000";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;  # gunicorn's timeout (GUNICORN_TIMEOUT)
}

# Who may purge: the app servers (settings.SHARED_CACHE_PURGE_URLS point here).
acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-purge) {
            # Hard: a page taken down must go, not linger in grace.
            set req.http.n-gone = xkey.purge(req.http.xkey-purge);
            return (synth(200, "Purged " + req.http.n-gone));
        }
        return (purge);
    }
    # Readers never name keys nor see what was checked for whom.
    unset req.http.xkey-purge;
    unset req.http.X-Cache;
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # Staff (the session cookie: Django's SESSION_COOKIE_NAME), Django's one-off
    # messages, the admin, previews and the health check are never shared.
    if (req.http.Cookie ~ "(^|;)\s*(sessionid|messages)=" || req.http.Authorization) {
        return (pass);
    }
    if (req.url ~ "^/(admin|preview)/" || req.url ~ "^/healthz") {
        return (pass);
    }
    # Every reader asks for the same page: public pages take their language from the
    # address (/ar/, /fa/), never from a cookie or Accept-Language (LocaleMiddleware
    # still answers "Vary: Accept-Language" on unprefixed ones).
    unset req.http.Cookie;
    unset req.http.Accept-Language;
    return (hash);
}

sub vcl_backend_response {
    if (bereq.uncacheable) {
        return (deliver);
    }
    # Only what the site marked for shared caches (thinktank/shared_cache.py), for as
    # long as it said; everything else goes to the site each time.
    if (beresp.status == 200 && !beresp.http.Set-Cookie
            && beresp.http.Surrogate-Control ~ "max-age=[0-9]+") {
        set beresp.ttl = std.duration(
            regsub(beresp.http.Surrogate-Control, "^.*max-age=([0-9]+).*$", "\1s"), 0s);
        # No grace, no keep: an expired or purged page is never served meanwhile.
        set beresp.grace = 0s;
        set beresp.keep = 0s;
        # Kept compressed; gunzipped for the rare reader that asks for identity.
        if (beresp.http.Content-Type ~ "^(text/|application/(rss\+xml|atom\+xml|xml|json))") {
            set beresp.do_gzip = true;
        }
        return (deliver);
    }
    # Not kept; a later answer that may be kept replaces this (hit-for-miss).
    set beresp.uncacheable = true;
    set beresp.ttl = 10s;
    set beresp.grace = 0s;
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } else if (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    # For shared caches only: readers need neither the keys nor the shared lifetime.
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Cache-Tag;
    unset resp.http.Surrogate-Control;
    unset resp.http.CDN-Cache-Control;
}
