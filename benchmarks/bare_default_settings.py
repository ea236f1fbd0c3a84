"""
The bare view (benchmarks/bare_urls.py) behind Django's default middleware, the list
`startproject` writes, instead of the site's: issue 16's ceiling for a page-cache hit
(benchmarks/hit.py). Everything else is thinktank.settings.
"""

from thinktank.settings import *  # noqa: F403 - all of them, on purpose

ROOT_URLCONF = "benchmarks.bare_urls"
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
