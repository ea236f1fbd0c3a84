"""
The database going away, for the tests of what the site does then (test_health.py,
test_database_outage.py). A port nothing listens at is tests.helpers.ports.free_port().
"""

from unittest import mock

from django.db import connections
from django.db.utils import OperationalError

# What the driver says, with what no page may show: the host, the reason, a password.
MESSAGE = 'connection to server at "db.internal" failed: Connection refused (password=s3cret)'


def database_down(error=OperationalError, alias="default"):
    """Every query on the `alias` database fails with `error`, as with the server gone."""
    return mock.patch.object(connections[alias], "cursor", side_effect=error(MESSAGE))
