"""The demo content (`manage.py load_demo`), for the tests and fixtures that read it."""

import io

from django.core.management import call_command
from django.test.utils import override_settings


def load_demo():
    """Run `load_demo` with DEBUG on for it only (it refuses to run otherwise)."""
    with override_settings(DEBUG=True):
        call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())
