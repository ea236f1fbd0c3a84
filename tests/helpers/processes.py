"""
Our Python run in a fresh process, in the repository, with an environment the test
controls: settings are read once, at import, so a test of settings starts a process.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

# The repository: the folder the processes run in.
REPO = Path(__file__).resolve().parents[2]

# Variables the settings read; each test sets the ones it needs and no others leak in.
SETTINGS_VARIABLES = {
    "SECRET_KEY",
    "DEBUG",
    "DATABASE_URL",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "DJANGO_SETTINGS_MODULE",
    "MEDIA_URL",
    "MEDIA_ROOT",
    "STATIC_ROOT",
    "SERVE_MEDIA",
    "TIME_ZONE",
    "SITE_NAME",
    "DB_CONN_MAX_AGE",
    "MAX_IMAGE_UPLOAD_SIZE",
    "LOG_LEVEL",
    "STATIC_URL",
    "STATIC_STORAGE",
    "MEDIA_STORAGE",
    "DATABASE_REPLICA_URL",
}


def run(args, tmp_path, *, own_database=True, **env):
    """
    Run our Python with `args` in the repository, in an environment without any of
    the settings' variables except `env` (and, unless told otherwise, a DATABASE_URL
    for a throwaway SQLite file, so nothing touches the project's own database).
    """
    base = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    if own_database:
        base["DATABASE_URL"] = f"sqlite:///{tmp_path / 'settings-test.sqlite3'}"
    base.update(env)
    return python(args, base, timeout=60)


def settings_json(tmp_path, expression, *, own_database=True, **env):
    """The JSON of `expression` (evaluated on django.conf.settings) in a fresh process."""
    code = (
        "import json, os\n"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'thinktank.settings')\n"
        "from django.conf import settings\n"
        f"print(json.dumps({expression}, default=str))\n"
    )
    result = run(["-c", code], tmp_path, own_database=own_database, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def run_isolated(args, tmp_path, **env):
    """Our Python in the repository, with only the environment given (and a throwaway
    SQLite database): nothing of this process's settings leaks in."""
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", str(tmp_path)),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'security.sqlite3'}",
        **env,
    }
    return python(args, environment, timeout=120)


def python(args, environment, *, timeout):
    """Our Python with `args` in the repository, in exactly `environment`; its output."""
    return subprocess.run(  # noqa: S603 (our own interpreter, our own code)
        [sys.executable, *args],
        cwd=REPO,
        env=environment,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
