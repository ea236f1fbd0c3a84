"""A web worker loads what serving pages needs, not the libraries of rare writes:
reading PDFs (run in a process of its own), converting Word documents, checking
import records, making PDF editions, S3 when unused. Each
costs the worker's memory (issue 16: a worker's RSS under 80 MB)."""

import json

from tests.helpers.processes import run

# Libraries only a document upload, a Word or site import, a PDF edition or remote
# storage use.
HEAVY = ("pypdf", "fontTools", "mammoth", "jsonschema", "weasyprint", "boto3", "botocore")

LOADED = (
    "import json, os, sys\n"
    "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'thinktank.settings')\n"
    "from django.core.wsgi import get_wsgi_application\n"
    "get_wsgi_application()\n"
    "from django.urls import get_resolver\n"
    "get_resolver().url_patterns  # the admin's and every app's views, as a request loads them\n"
    f"print(json.dumps([name for name in {HEAVY!r} if name in sys.modules]))\n"
)


def test_a_web_worker_loads_no_library_of_rare_writes(tmp_path):
    result = run(["-c", LOADED], tmp_path, DEBUG="0", SECRET_KEY="k" * 50)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
