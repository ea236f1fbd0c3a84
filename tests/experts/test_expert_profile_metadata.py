"""
The expert profile for search engines and link previews: the JSON-LD Person (in
English and Arabic, a hostile name kept as data) and the OpenGraph tags.
"""

import pytest

from tests.helpers.expert_profile import URL, json_ld, make_anna, meta_property
from tests.helpers.factories import make_expert
from tests.helpers.htmlpage import get_page, parse
from tests.helpers.multilingual import SERVER
from thinktank.renditions import rendition_urls

pytestmark = pytest.mark.django_db

anna = pytest.fixture(make_anna, name="anna")


# --- for search engines and link previews --------------------------------------------------------


def test_json_ld_person(client, anna):
    page = get_page(client, URL)
    data = json_ld(page)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Person"
    assert data["name"] == "Anna Borshchevskaya"
    assert data["jobTitle"] == "Senior Fellow"
    assert data["url"] == f"{SERVER}{URL}"
    organization = {"@type": "Organization", "name": "The Thinktank Institute", "url": SERVER + "/"}
    assert data["worksFor"] == organization
    assert data["affiliation"] == organization
    assert data["memberOf"]["name"] == "Program on Great Power Competition"
    assert data["memberOf"]["url"] == f"{SERVER}/programs/great-power-program"
    assert data["sameAs"] == ["https://x.com/annaborsh", "https://anna.example.org/"]
    assert data["email"] == "mailto:anna@example.org"
    assert data["knowsAbout"] == ["Great Power Competition", "Levant"]
    assert data["image"].startswith(f"{SERVER}/")
    assert data["image"].removeprefix(SERVER) in {
        url for url, _width in rendition_urls(anna.photo)["image/png"]
    }
    assert client.get(data["image"].removeprefix(SERVER)).status_code == 200


def test_json_ld_person_in_arabic(client, anna):
    data = json_ld(get_page(client, f"/ar{URL}"))
    assert data["name"] == "آنا بورشيفسكايا"
    assert data["jobTitle"] == "زميلة أولى"
    assert data["url"] == f"{SERVER}/ar{URL}"
    assert data["memberOf"]["name"] == "برنامج منافسة القوى الكبرى"


def test_json_ld_of_a_hostile_name_stays_data(client):
    name = 'Eve </script><script>alert("x")</script> & <!--'
    make_expert(name, slug="eve", role="</script>")
    response = client.get("/experts/eve")
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "</script><script>" not in html  # the name never ends the JSON-LD block
    data = json_ld(parse(response))
    assert (data["name"], data["jobTitle"]) == (name, "</script>")


def test_opengraph(client, anna):
    page = get_page(client, URL)
    assert meta_property(page, "og:type") == "profile"
    assert meta_property(page, "og:title") == "Anna Borshchevskaya"
    assert meta_property(page, "og:url") == f"{SERVER}{URL}"
    image = meta_property(page, "og:image")
    assert image == json_ld(page)["image"]
    assert image.startswith(f"{SERVER}/")
    # The largest stored rendition, in a format every previewer reads (not WebP).
    largest_url, _width = max(rendition_urls(anna.photo)["image/png"], key=lambda c: c[1])
    assert image == SERVER + largest_url
    assert meta_property(get_page(client, f"/ar{URL}"), "og:title") == "آنا بورشيفسكايا"
