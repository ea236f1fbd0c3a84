"""
A topic's or region's rename in the admin: the slug input knows the old address (the
page says it will redirect as soon as the slug is changed), and after the save a
message says the old address now redirects, which it does.
"""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from tests.helpers.expertforms import page_form_data
from tests.helpers.factories import make_region, make_topic
from tests.helpers.htmlpage import parse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("make", [make_topic, make_region])
def test_the_slug_input_carries_the_rename_notice(admin_client, make):
    item = make("Maritime Security", slug="maritime-security")
    url = reverse(f"admin:taxonomy_{item._meta.model_name}_change", args=[item.pk])
    page = parse(admin_client.get(url))
    slug = page.find("input", name="slug")
    assert slug.get("data-slug-old") == "maritime-security"
    assert slug.get("data-slug-url") is None  # no proposal for a saved one
    notice = page.find(id="id_slug_notice")
    assert "hidden" in notice.attrs and notice.get("role") == "status"
    assert notice.text == (
        "The old address /policy-analysis/maritime-security will redirect to the new one."
    )


@pytest.mark.parametrize("make", [make_topic, make_region])
def test_a_rename_says_the_old_address_redirects(admin_client, client, make):
    item = make("Sea Lanes", slug="sea-lanes")
    name = item._meta.model_name
    url = reverse(f"admin:taxonomy_{name}_change", args=[item.pk])
    data = page_form_data(parse(admin_client.get(url)), f"{name}_form", slug="shipping-lanes")
    response = admin_client.post(url, data)
    assert response.status_code == 302
    said = [str(message) for message in get_messages(response.wsgi_request)]
    assert (
        "The old address /policy-analysis/sea-lanes now redirects to "
        "/policy-analysis/shipping-lanes." in said
    )
    assert client.get("/policy-analysis/sea-lanes")["Location"] == "/policy-analysis/shipping-lanes"


def test_a_save_without_a_rename_says_nothing_of_addresses(admin_client):
    item = make_topic("Steady", slug="steady")
    url = reverse("admin:taxonomy_topic_change", args=[item.pk])
    data = page_form_data(parse(admin_client.get(url)), "topic_form", description="Calm.")
    response = admin_client.post(url, data)
    said = " ".join(str(message) for message in get_messages(response.wsgi_request))
    assert "redirect" not in said
