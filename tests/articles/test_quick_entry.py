"""
The add form (articles/admin/quick_entry.py) starts in the title, with the type of the
article the editor last worked on, not another editor's; a type given in the address
wins; with no work of theirs, nothing is chosen. The change form keeps no autofocus.
"""

import pytest

from articles import services
from articles.desk import selectors
from tests.helpers.factories import make_article, make_publication_type
from tests.helpers.htmlpage import parse

pytestmark = pytest.mark.django_db

ADD = "/admin/articles/article/add/"


def chosen_type(client, address=ADD):
    """The publication types the add form's chooser starts with: their ids."""
    select = parse(client.get(address)).find_all("select", id="id_publication_type")[0]
    return [option.get("value") for option in select.find_all("option", selected=True)]


def worked_on(user, publication_type):
    article = make_article(publication_type=publication_type, published=False)
    services.article_record_revision(article, user=user)


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0), (0, 0, 1)])
def test_the_type_of_the_editors_last_article_is_chosen(client, editor, contributor, order):
    types = [make_publication_type(name) for name in ("Analysis", "Commentary", "Report")]
    for index in order:
        worked_on(editor, types[index])
    worked_on(contributor, types[order[0]] if order[-1] != order[0] else types[2])
    client.force_login(editor)
    assert chosen_type(client) == [str(types[order[-1]].pk)]


def test_a_type_in_the_address_wins(client, editor):
    analysis, report = make_publication_type("Analysis"), make_publication_type("Report")
    worked_on(editor, analysis)
    client.force_login(editor)
    assert chosen_type(client, f"{ADD}?publication_type={report.pk}") == [str(report.pk)]


def test_nothing_is_chosen_before_any_work(client, editor, contributor):
    worked_on(contributor, make_publication_type("Analysis"))
    client.force_login(editor)
    assert chosen_type(client) == []


def test_one_query(editor, django_assert_num_queries):
    worked_on(editor, make_publication_type("Analysis"))
    with django_assert_num_queries(1):
        selectors.last_publication_type_of(editor)


def test_the_add_form_starts_in_the_title(client, editor):
    article = make_article(published=False)
    client.force_login(editor)
    added = parse(client.get(ADD)).find_all(autofocus=True)
    changed = parse(client.get(f"/admin/articles/article/{article.pk}/change/"))
    assert [field.get("id") for field in added] == ["id_title"]
    assert changed.find_all(autofocus=True) == []


def test_enter_in_the_title_moves_to_the_summary(client, editor):
    """On the add and the change form alike: the title names the summary to go on to."""
    article = make_article(published=False)
    client.force_login(editor)
    for address in (ADD, f"/admin/articles/article/{article.pk}/change/"):
        title = parse(client.get(address)).find("input", id="id_title")
        assert title.get("data-enter-moves-to") == "id_summary"
