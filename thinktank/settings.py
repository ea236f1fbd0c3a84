"""Settings for thinktank, read from the environment (12-factor); see the README."""

import datetime
import os
import sys

import dj_database_url
from django.utils.translation import gettext_lazy as _
from django_prose_editor.config import html_tags
from js_asset import static_lazy

from thinktank.environment import BASE_DIR, DEBUG, env_bool, env_list

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        sys.exit(
            "thinktank: SECRET_KEY is not set. Set the SECRET_KEY environment variable "
            "(or DEBUG=1 for local development)."
        )
    SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105 (DEBUG only)

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "thinktank.admin_config.SiteAdminConfig",  # django.contrib.admin, our AdminSite
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "taggit",
    "js_asset",
    "django_prose_editor",
    "axes",
    "thinktank",
    "editing",
    "library",
    "taxonomy",
    "experts",
    "articles",
    "interchange",
]

MIDDLEWARE = [
    # First: a hit is served from the page as the whole stack below made it (docs/page-cache.md).
    "thinktank.cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "thinktank.logging.RequestLogMiddleware",
    "thinktank.security.SecurityHeadersMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "thinktank.admin_language.AdminLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "thinktank.middleware.RemoveTrailingSlashMiddleware",
    # After it: an old address of an imported page (a 404 here) answers 301 first.
    "interchange.middleware.LegacyPathMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After authentication: it turns a refused login into the lockout page.
    "axes.middleware.AxesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "website.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "thinktank.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "thinktank.wsgi.application"

DB_CONN_MAX_AGE = int(os.environ.get("DB_CONN_MAX_AGE", "0"))
DATABASES = {
    "default": dj_database_url.config(
        env="DATABASE_URL",
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=DB_CONN_MAX_AGE,
        conn_health_checks=True,
    )
}
# An optional read replica: thinktank.routers sends reads to it, writes to the primary.
if os.environ.get("DATABASE_REPLICA_URL", "").strip():
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"].strip(),
        conn_max_age=DB_CONN_MAX_AGE,
        conn_health_checks=True,
        test_options={"MIRROR": "default"},
    )
    DATABASE_ROUTERS = ["thinktank.routers.ReplicaRouter"]
# SQLite with its planner's statistics kept current (thinktank/sqlite_backend).
for database in DATABASES.values():
    if database["ENGINE"] == "django.db.backends.sqlite3":
        database["ENGINE"] = "thinktank.sqlite_backend"

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# English URLs carry no prefix; the others do (/ar/, /fa/).
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("ar", _("Arabic")),
    ("fa", _("Persian")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# The language cookie is the admin's alone (thinktank/admin_language.py): public pages
# take their language from the address, and stay free of cookies for shared caches.
LANGUAGE_COOKIE_PATH = "/admin/"
FORMAT_MODULE_PATH = ["thinktank.formats"]
USE_I18N = True
TIME_ZONE = os.environ.get("TIME_ZONE", "UTC")
USE_TZ = True

# Static files, uploads and private files: where each is kept, how big an upload may be.
from thinktank.storage_settings import *  # noqa: E402, F403

SITE_NAME = os.environ.get("SITE_NAME", "The Thinktank Institute")
# The site's address ("https://example.org"), for links in the workflow's emails.
SITE_URL = os.environ.get("SITE_URL", "").strip()

# Mail (the workflow's notifications, docs/editorial-workflow.md): sent only when
# EMAIL_HOST (SMTP) or EMAIL_BACKEND is set; otherwise nobody is emailed.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "").strip() or (
    "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "").strip()
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL")
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "").strip() or "webmaster@localhost"
EMAIL_CONFIGURED = bool(EMAIL_HOST or os.environ.get("EMAIL_BACKEND", "").strip())
# The pages the frame's chrome links to, named here so that thinktank/ names no app.
SITE_HOME_URL_NAME = "articles:home"
SITE_SEARCH_URL_NAME = "articles:search"
SITE_FEED_RSS_URL_NAME = "articles:feed-latest-rss"
SITE_FEED_ATOM_URL_NAME = "articles:feed-latest-atom"
# Where a topic or a region is shown (Topic.get_absolute_url).
TAXONOMY_PAGE_URL_NAME = "articles:article-topic-or-region"

TAGGIT_CASE_INSENSITIVE = True

# Redis when REDIS_URL is set, else local memory. Short timeouts: a lost cache must
# not hold pages up.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "thinktank.cache_backends.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "thinktank"),
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The parts of every page that are the same on every page of a language and section
# (base.html's {% cache ... using="chrome" %}): each process's own, as its templates
# are; none while DEBUG, where templates change under a running server.
CACHES["chrome"] = {
    "BACKEND": "django.core.cache.backends."
    + ("dummy.DummyCache" if DEBUG else "locmem.LocMemCache"),
    "LOCATION": "chrome",  # its own store: local-memory caches of one LOCATION share one
    "TIMEOUT": None,
}

# The page cache (docs/page-cache.md): at most this long, 0 for off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 600))
PAGE_CACHE_REPLICA_LAG_SECONDS = int(
    os.environ.get("REPLICA_LAG_SECONDS", 5 if "replica" in DATABASES else 0)
)
PAGE_CACHE_EXCLUDED_PATHS = ("/admin/", "/preview/", "/healthz")
# Shared HTTP caches in front (Varnish: deploy/varnish.vcl; docs/page-cache.md): where
# to purge them, comma-separated. None, and no shared cache is let keep a page.
SHARED_CACHE_PURGE_URLS = env_list("VARNISH_PURGE_URLS", [])
# A purge is sent again this long after, for a page that reached a cache just after it.
SHARED_CACHE_REPURGE_SECONDS = float(os.environ.get("SHARED_CACHE_REPURGE_SECONDS", "2"))

# HTTPS (redirect, HSTS, secure cookies) wherever DEBUG is off, unless HTTPS=0.
HTTPS = env_bool("HTTPS", default=not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
# A load balancer's health check often asks each server over plain http.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 365 * 24 * 3600)) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# Preloading is hard to take back: opt-in, and W021 silenced until then.
SECURE_HSTS_PRELOAD = HTTPS and env_bool("SECURE_HSTS_PRELOAD")
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
# X-Forwarded-Proto is trusted only when the operator says a TLS proxy sets it.
if env_bool("SECURE_PROXY_SSL_HEADER"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many reverse proxies append to X-Forwarded-For (thinktank.security.client_ip).
PROXY_COUNT = int(os.environ.get("PROXY_COUNT", "0"))
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = CSRF_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Empty: thinktank.security's built-in policies.
CONTENT_SECURITY_POLICY = os.environ.get("CONTENT_SECURITY_POLICY", "").strip()
CONTENT_SECURITY_POLICY_ADMIN = os.environ.get("CONTENT_SECURITY_POLICY_ADMIN", "").strip()
PERMISSIONS_POLICY = os.environ.get("PERMISSIONS_POLICY", "").strip()

# Admin login throttling (django-axes), per username and address. Attempts are kept in
# the database: the cache may go away, and the count with it.
AUTHENTICATION_BACKENDS = [
    "thinktank.security.LoginThrottleBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "thinktank.security.client_ip"
AXES_LOCKOUT_CALLABLE = "thinktank.security.lockout_response"
# Keep only the failures the throttle needs, no log of every login.
AXES_DISABLE_ACCESS_LOG = True
AXES_ENABLE_ADMIN = False

# Logs (docs/request-log.md): LOG_FORMAT=logfmt (the default) or json.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "").strip().lower() or "logfmt"
if LOG_FORMAT not in ("logfmt", "json"):
    sys.exit("thinktank: LOG_FORMAT must be logfmt or json.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "logfmt": {"()": "thinktank.logging.LogfmtFormatter"},
        "json": {"()": "thinktank.logging.JSONFormatter"},
    },
    "filters": {
        "database_outage": {"()": "thinktank.logging.DatabaseOutageFilter"},
        "suspicious_request": {"()": "thinktank.logging.SuspiciousRequestFilter"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": LOG_FORMAT,
            "filters": ["database_outage", "suspicious_request"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint (PDF editions) logs each step of each document, fontTools each font it
    # reads: their warnings only.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# The rich-text editor's own extensions (django-prose-editor's configurable preset),
# each loaded only where a widget enables it: the note of an article's body
# (static/js/editor-note.js; thinktank/html.py offers it) and its figure tool
# (static/js/figure-tool.js; library/editor.py configures it), and its link tool
# (static/js/link-tool.js; articles/admin/links.py configures it).
DJANGO_PROSE_EDITOR_EXTENSIONS = [
    {
        "js": [static_lazy("js/editor-note.js")],
        "extensions": {"Note": html_tags(["span"], {"span": ["data-note"]})},
    },
    {
        "js": [static_lazy("js/figure-tool.js")],
        "extensions": {
            "LibraryFigure": html_tags(
                ["figure", "figcaption"], {"figure": ["data-image", "data-size"]}
            ),
        },
    },
    {
        "js": [static_lazy("js/link-tool.js")],
        "extensions": {"InternalLink": html_tags(["a"], {"a": ["data-link"]})},
    },
]
