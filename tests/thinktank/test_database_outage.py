"""
The database going away: a request gets the styled 503 page (Retry-After, never
cached, never a traceback), whether the query that fails is in a view, in a template,
in a middleware (the session's) or in the page cache; and the next request after the
database is back is served as usual.
"""

import re
from unittest import mock

import pytest
from django.db import connections
from django.db.utils import InterfaceError
from django.http import HttpResponse
from django.shortcuts import render
from django.template import engines
from django.test import Client
from django.urls import path
from django.utils import translation

from articles.models import Article
from tests.helpers.factories import make_article
from tests.helpers.outages import database_down
from tests.helpers.ports import free_port
from tests.helpers.processes import run_isolated
from website.urls import handler404, handler500  # noqa: F401 (this URLconf's handlers)
from website.urls import urlpatterns as site_urlpatterns

pytestmark = pytest.mark.django_db

UNAVAILABLE = "The site is briefly unavailable"


# A URLconf for these tests (pytest.mark.urls): the site's, with two pages whose query
# happens somewhere other than the view's own code.
def lazy_template_view(request):
    """The queryset is evaluated by the template, while it renders."""
    template = engines["django"].from_string("{% for a in articles %}{{ a.title }}{% endfor %}")
    return HttpResponse(template.render({"articles": Article.objects.all()}))


def session_write_view(request):
    """A new session, saved by SessionMiddleware on the way out: its query is there."""
    request.session["seen"] = True
    return render(request, "error_base.html")


urlpatterns = [
    path("outage/lazy-template", lazy_template_view),
    path("outage/session-write", session_write_view),
    *site_urlpatterns,
]


def assert_unavailable(response):
    assert response.status_code == 503
    page = response.content.decode()
    language = re.search(r'<html lang="([^"]+)"', page).group(1)
    with translation.override(language):  # in the reader's language
        assert translation.gettext(UNAVAILABLE) in page
    assert 'class="site-header"' in page and "css/site.css" in page  # styled
    assert "Traceback" not in page and "OperationalError" not in page
    assert "Connection refused" not in page
    assert response["Retry-After"] == "30"
    assert "no-store" in response["Cache-Control"]
    # The headers middleware is outside: the error page has the policy too.
    assert "Content-Security-Policy" in response.headers


@pytest.fixture
def reader():
    return Client(raise_request_exception=False)


@pytest.mark.parametrize("url", ["/", "/experts", "/policy-analysis", "/ar/"])
def test_a_public_page_during_an_outage_is_a_styled_503(reader, url):
    make_article()
    with database_down():
        assert_unavailable(reader.get(url))


def test_an_interface_error_is_an_outage_too(reader):
    with database_down(InterfaceError):
        assert_unavailable(reader.get("/experts"))


def test_a_query_in_the_view(reader, settings):
    settings.PAGE_CACHE_SECONDS = 0  # so the first query is the view's
    article = make_article()
    with database_down():
        assert_unavailable(reader.get(article.get_absolute_url()))


@pytest.mark.urls(__name__)
def test_a_query_in_a_template(reader, settings):
    settings.PAGE_CACHE_SECONDS = 0
    with database_down():
        assert_unavailable(reader.get("/outage/lazy-template"))


@pytest.mark.urls(__name__)
def test_a_query_in_a_middleware_on_the_way_out(reader, settings):
    settings.PAGE_CACHE_SECONDS = 0
    with database_down():
        assert_unavailable(reader.get("/outage/session-write"))


def test_a_session_that_cannot_be_looked_up(reader, admin_user):
    """A logged-in editor's session is in the database: reading it fails first."""
    reader.force_login(admin_user)
    with database_down():
        assert_unavailable(reader.get("/admin/"))
        assert_unavailable(reader.get("/experts"))


def test_the_page_is_in_the_readers_language(reader):
    with database_down():
        page = reader.get("/ar/experts").content.decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert 'href="/ar/"' in page  # the home page in that language


def test_other_errors_are_the_styled_500(reader):
    make_article()
    with mock.patch("articles.views.HomeView.get", side_effect=ValueError("a bug")):
        response = reader.get("/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong on our side" in page and "css/site.css" in page
    assert "Traceback" not in page and "a bug" not in page
    assert "Retry-After" not in response.headers


def test_the_site_recovers_when_the_database_is_back(reader):
    make_article()
    with database_down():
        assert reader.get("/experts").status_code == 503
    assert reader.get("/experts").status_code == 200


def test_connections_are_checked_before_reuse():
    """With DB_CONN_MAX_AGE > 0 a connection outlives a request: a dead one (the
    server restarted) is found at the next request's start and replaced."""
    assert connections["default"].settings_dict["CONN_HEALTH_CHECKS"] is True


def test_an_unreachable_postgresql_is_a_styled_503(tmp_path):
    """No mock: the production settings, a PostgreSQL address nothing answers at."""
    code = (
        "import os\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'thinktank.settings')\n"
        "import django\n"
        "django.setup()\n"
        "from django.test import Client\n"
        "client = Client(raise_request_exception=False)\n"
        "for url in ['/', '/policy-analysis', '/ar/experts']:\n"
        "    response = client.get(url)\n"
        "    print(response.status_code, response['Retry-After'], '<p class=\"eyebrow\">503</p>' in"
        " response.content.decode(), 'Traceback' in response.content.decode())\n"
        "client.cookies['sessionid'] = 'a-session-key-of-an-editor'\n"
        "response = client.get('/admin/')\n"
        "print(response.status_code, response['Retry-After'], 'briefly unavailable' in"
        " response.content.decode(), 'Traceback' in response.content.decode())\n"
    )
    result = run_isolated(
        ["-c", code],
        tmp_path,
        DEBUG="0",
        HTTPS="0",
        SECRET_KEY="k" * 50,
        STATIC_STORAGE="plain",
        ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"postgres://thinktank@127.0.0.1:{free_port()}/thinktank",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["503 30 True False"] * 4, result.stderr
