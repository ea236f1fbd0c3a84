"""
Admin login throttling (django-axes): five wrong passwords in a row for one username
from one address lock that pair out for the cool-off, with a page saying so (429);
another address, or another username, may still log in; a success resets the count.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.test import Client

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
ADDRESS = "203.0.113.5"
OTHER_ADDRESS = "198.51.100.7"


def attempt(client, password, *, username="admin", address=ADDRESS, **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def fail(client, times, **kwargs):
    return [attempt(client, "wrong", **kwargs).status_code for _ in range(times)]


def logged_in(client):
    return client.get("/admin/").status_code == 200


def test_five_wrong_passwords_lock_the_account_for_that_address(admin_user):
    client = Client()
    # Four failures: the login form again, with its error.
    assert fail(client, 4) == [200, 200, 200, 200]
    # The fifth reaches the limit: refused from now on.
    assert fail(client, 1) == [429]

    response = attempt(client, "password")  # the right password, too late
    assert response.status_code == 429
    assert not logged_in(client)
    page = response.content.decode()
    assert "Too many failed logins" in page
    assert "locked on this connection after 5 failed logins" in page
    assert "try again in 15 minutes" in page
    assert response["Retry-After"] == str(15 * 60)
    # The admin's look, and a way back.
    assert "admin/css/login.css" in page
    assert 'href="/admin/login/"' in page


def test_another_address_is_not_locked(admin_user):
    fail(Client(), 5)
    client = Client()
    response = attempt(client, "password", address=OTHER_ADDRESS)
    assert response.status_code == 302
    assert logged_in(client)


def test_another_username_from_the_same_address_is_not_locked(admin_user, django_user_model):
    django_user_model.objects.create_superuser("editor-in-chief", password="other-password")
    fail(Client(), 5)
    client = Client()
    response = attempt(client, "other-password", username="editor-in-chief")
    assert response.status_code == 302
    assert logged_in(client)


def test_a_success_before_the_limit_resets_the_count(admin_user):
    client = Client()
    assert fail(client, 4) == [200] * 4
    assert attempt(client, "password").status_code == 302
    client.logout()
    # Counting starts again: four more failures are still below the limit.
    assert fail(client, 4) == [200] * 4
    assert attempt(client, "password").status_code == 302


def test_the_lockout_ends_after_the_cool_off(admin_user):
    client = Client()
    fail(client, 5)
    assert attempt(client, "password").status_code == 429
    # Sixteen minutes later (the last attempt is what the cool-off counts from).
    AccessAttempt.objects.update(
        attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16)
    )
    assert attempt(client, "password").status_code == 302


def test_the_limit_and_the_cool_off_come_from_the_settings(admin_user, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.AXES_COOLOFF_TIME = timedelta(minutes=1)
    client = Client()
    assert fail(client, 2) == [200, 429]
    response = attempt(client, "password")
    assert response.status_code == 429
    assert "try again in 1 minute." in response.content.decode()
    assert response["Retry-After"] == "60"


def test_a_forwarded_address_is_ignored_without_a_proxy(admin_user):
    """Anyone can send X-Forwarded-For: unless the site is told a proxy writes it, a
    new value per attempt does not make a new client."""
    client = Client()
    statuses = [
        attempt(client, "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}").status_code
        for number in range(5)
    ]
    assert statuses[-1] == 429
    assert attempt(client, "password", HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_behind_a_proxy_the_client_is_the_address_it_forwarded(admin_user, settings):
    settings.PROXY_COUNT = 1
    proxy = "10.0.0.2"
    client = Client()
    # The client's own first entry is whatever it sent; the proxy's, last, is its address.
    fail(client, 5, address=proxy, HTTP_X_FORWARDED_FOR=f"1.2.3.4, {ADDRESS}")
    locked = attempt(client, "password", address=proxy, HTTP_X_FORWARDED_FOR=f"5.6.7.8, {ADDRESS}")
    assert locked.status_code == 429
    assert AccessAttempt.objects.get().ip_address == ADDRESS
    # Another reader behind the same proxy is another client.
    response = attempt(client, "password", address=proxy, HTTP_X_FORWARDED_FOR=OTHER_ADDRESS)
    assert response.status_code == 302


def test_a_login_without_a_request_is_not_throttled(admin_user):
    """The test client's login() (and code calling authenticate()) has no address."""
    fail(Client(), 5)
    assert Client().login(username="admin", password="password")
