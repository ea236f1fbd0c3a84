"""
A change form that does not say which version it was opened at (a hand-made POST,
an outside client) is refused with a message, never saved over what is stored.
"""

import pytest

from articles.models import Article
from experts.models import Expert
from tests.helpers import expertforms
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.factories import make_article, make_expert

pytestmark = pytest.mark.django_db

MISSING = "This form does not say which version you opened"


def test_an_article_form_without_its_version_is_refused(client, editor):
    article = make_article("As stored")
    client.force_login(editor)
    data = form_data(article, title="Posted without a version")
    del data["loaded_version"]
    response = client.post(change_url(article), data)
    assert response.status_code == 200
    assert MISSING in response.content.decode()
    assert Article.objects.get(pk=article.pk).title == "As stored"


def test_an_expert_form_without_its_version_is_refused(client, expert_manager):
    expert = make_expert("Omar Saleh", bio="<p>As stored.</p>")
    client.force_login(expert_manager)
    url = expertforms.change_url(expert)
    data = expertforms.form_data(client, url, bio="<p>Posted without a version.</p>")
    del data["loaded_version"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert MISSING in response.content.decode()
    assert Expert.objects.get(pk=expert.pk).bio == "<p>As stored.</p>"
