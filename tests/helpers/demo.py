"""The demo content (`manage.py load_demo`), for the tests and fixtures that read it."""

import io

from django.core.management import call_command
from django.test.utils import override_settings

from articles.demo.reference import MAIN_ARABIC_SLUG, MAIN_SLUG

# The reference article (the seed page), as readers reach it.
MAIN_URL = f"/policy-analysis/{MAIN_SLUG}"
MAIN_ARABIC_URL = f"/ar/policy-analysis/{MAIN_ARABIC_SLUG}"
MAIN_TITLE = (
    "Putin's Alignment in Middle East Should Signal to Israel It's Time for a Change of Allegiance"
)
BROWSER_VIEWPORT = {"width": 1280, "height": 900}


def load_demo():
    """Run `load_demo` with DEBUG on for it only (it refuses to run otherwise)."""
    with override_settings(DEBUG=True):
        call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
