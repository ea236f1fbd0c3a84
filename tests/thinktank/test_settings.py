"""
Settings come from the environment. Each test starts a fresh Python process with a
controlled environment, since settings are read once, at import.
"""

from pathlib import Path

import pytest

from tests.helpers.processes import REPO, run, settings_json
from thinktank.environment import env_bool


def test_missing_secret_key_with_debug_off_stops_with_one_line(tmp_path):
    result = run(["manage.py", "check"], tmp_path, DEBUG="0")
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "SECRET_KEY" in lines[0]
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_missing_secret_key_without_debug_variable_also_stops(tmp_path):
    """Production is the default: no DEBUG variable means DEBUG off."""
    result = run(["manage.py", "check"], tmp_path)
    assert result.returncode != 0
    assert len(result.stderr.strip().splitlines()) == 1
    assert "SECRET_KEY" in result.stderr


def test_empty_secret_key_counts_as_missing(tmp_path):
    result = run(["manage.py", "check"], tmp_path, DEBUG="0", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_debug_without_secret_key_runs(tmp_path):
    result = run(["manage.py", "check"], tmp_path, DEBUG="1")
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_secret_key_with_debug_off_runs(tmp_path):
    result = run(["manage.py", "check"], tmp_path, DEBUG="0", SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    "value, expected",
    [("1", True), ("true", True), ("yes", True), ("on", True), ("0", False), ("false", False),
     ("", False), ("no", False)],
)  # fmt: skip
def test_debug_values(monkeypatch, value, expected):
    monkeypatch.setenv("DEBUG", value)
    assert env_bool("DEBUG") is expected


def test_debug_is_read_from_the_environment(tmp_path):
    assert settings_json(tmp_path, "settings.DEBUG", DEBUG="1", SECRET_KEY="k") is True
    assert settings_json(tmp_path, "settings.DEBUG", DEBUG="0", SECRET_KEY="k") is False


def test_database_url_is_honoured(tmp_path):
    database = settings_json(
        tmp_path,
        "settings.DATABASES['default']",
        SECRET_KEY="k",
        DATABASE_URL="sqlite:////tmp/x.sqlite3",
    )
    assert database["ENGINE"] == "thinktank.sqlite_backend"  # Django's, with statistics
    assert database["NAME"] == "/tmp/x.sqlite3"  # noqa: S108 (only a name, never opened)


def test_postgres_database_url_is_honoured(tmp_path):
    database = settings_json(
        tmp_path,
        "settings.DATABASES['default']",
        SECRET_KEY="k",
        DATABASE_URL="postgres://editor:s3cret@db.example:6543/thinktank",
        DB_CONN_MAX_AGE="60",
    )
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert (database["NAME"], database["USER"], database["PASSWORD"]) == (
        "thinktank",
        "editor",
        "s3cret",
    )
    assert (database["HOST"], str(database["PORT"])) == ("db.example", "6543")
    assert database["CONN_MAX_AGE"] == 60


def test_default_database_is_the_local_sqlite_file(tmp_path):
    database = settings_json(
        tmp_path, "settings.DATABASES['default']", own_database=False, SECRET_KEY="k"
    )
    assert database["ENGINE"] == "thinktank.sqlite_backend"  # Django's, with statistics
    assert database["NAME"] == str(REPO / "db.sqlite3")


def test_allowed_hosts_from_a_list(tmp_path):
    hosts = settings_json(
        tmp_path,
        "settings.ALLOWED_HOSTS",
        SECRET_KEY="k",
        ALLOWED_HOSTS="www.example.org, example.org ,,admin.example.org",
    )
    assert hosts == ["www.example.org", "example.org", "admin.example.org"]


def test_allowed_hosts_default_is_local_only(tmp_path):
    hosts = settings_json(tmp_path, "settings.ALLOWED_HOSTS", SECRET_KEY="k")
    assert hosts == ["localhost", "127.0.0.1", "[::1]"]


def test_csrf_trusted_origins_from_a_list(tmp_path):
    origins = settings_json(
        tmp_path,
        "settings.CSRF_TRUSTED_ORIGINS",
        SECRET_KEY="k",
        CSRF_TRUSTED_ORIGINS="https://www.example.org,https://example.org",
    )
    assert origins == ["https://www.example.org", "https://example.org"]


def test_unknown_host_is_refused_with_debug_off(tmp_path):
    """With ALLOWED_HOSTS from the environment, another Host header gets a 400."""
    code = (
        "import os\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'thinktank.settings')\n"
        "import django\n"
        "django.setup()\n"
        "from django.test import Client\n"
        "client = Client()\n"
        "print(client.get('/admin/login/', HTTP_HOST='evil.example').status_code)\n"
        "print(client.get('/admin/login/', HTTP_HOST='www.example.org').status_code)\n"
    )
    # The plain static storage: no `collectstatic` ran for this throwaway process.
    result = run(
        ["-c", code],
        tmp_path,
        SECRET_KEY="k",
        DEBUG="0",
        ALLOWED_HOSTS="www.example.org",
        STATIC_STORAGE="plain",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["400", "200"]


def test_test_settings_keep_uploads_out_of_the_project(settings):
    assert not Path(settings.MEDIA_ROOT).is_relative_to(REPO)
    assert settings.SECRET_KEY
