"""
Experts, staff side: Expert managers add, edit, reorder, deactivate and reactivate
experts and programs in the admin, and nothing else; nobody else changes experts.
Every write goes through experts.services, which checks the permission on the server.
"""

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied

from articles.models import Article
from experts import services
from experts.models import Expert, ExpertRevision, Program
from tests.helpers.expertforms import add_url, change_url, changelist_url, form_data, links
from tests.helpers.factories import (
    make_article,
    make_expert,
    make_program,
    make_publication_type,
    make_region,
    make_topic,
)
from tests.helpers.htmlpage import parse

pytestmark = pytest.mark.django_db


def action(client, name, *experts):
    return client.post(
        changelist_url(), {"action": name, "_selected_action": [e.pk for e in experts]}
    )


# --- Expert managers: experts ----------------------------------------------------------


def test_expert_manager_adds_an_expert_with_expertise_contact_and_links(client, expert_manager):
    program, topic, region = make_program(), make_topic(), make_region()
    client.force_login(expert_manager)
    data = form_data(
        client,
        add_url(),
        name="Nadia Haddad",
        slug="nadia-haddad",
        role="Senior Fellow",
        program=str(program.pk),
        short_bio="Writes on energy.",
        bio="<p>A longer bio.</p>",
        languages="English, Arabic",
        topics=[str(topic.pk)],
        regions=[str(region.pk)],
        email="nadia@example.org",
        phone="+1 202 555 0100",
        **links(("website", "https://nadia.example.org"), ("orcid", "orcid.org/0000-0001")),
    )
    response = client.post(add_url(), data)
    assert response.status_code == 302, parse(response).find_all(cls="errorlist")
    expert = Expert.objects.get(slug="nadia-haddad")
    assert (expert.role, expert.program, expert.email) == ("Senior Fellow", program, data["email"])
    assert list(expert.topics.all()) == [topic] and list(expert.regions.all()) == [region]
    assert list(expert.links.values_list("kind", "url")) == [
        ("website", "https://nadia.example.org"),
        ("orcid", "https://orcid.org/0000-0001"),  # typed without a scheme: https
    ]
    assert expert.revisions.get().user == expert_manager


def test_expert_manager_edits_a_profile(client, expert_manager):
    expert = make_expert("Omar Saleh", bio="<p>Old bio.</p>")
    client.force_login(expert_manager)
    data = form_data(client, change_url(expert), bio="<p>New bio.</p>", phone="+44 20 7946 0000")
    assert client.post(change_url(expert), data).status_code == 302
    expert.refresh_from_db()
    assert (expert.bio, expert.phone) == ("<p>New bio.</p>", "+44 20 7946 0000")


def test_the_form_covers_every_editable_field(client, expert_manager):
    client.force_login(expert_manager)
    page = parse(client.get(change_url(make_expert())))
    names = {element.get("name") for element in page.find("form", id="expert_form").iter()}
    editable = {
        field.name
        for field in [*Expert._meta.concrete_fields, *Expert._meta.many_to_many]
        if field.editable and not field.primary_key and field.name != "translations"
    }
    assert editable <= names, editable - names
    assert {"loaded_version", "links-TOTAL_FORMS"} <= names
    # Topics and regions of expertise are picked with the admin's autocomplete.
    assert "admin-autocomplete" in page.find("select", name="topics").classes
    assert "admin-autocomplete" in page.find("select", name="regions").classes


def test_expert_manager_picks_topics_and_regions_with_the_autocomplete(client, expert_manager):
    make_topic("Maritime security")
    make_region("Levant")
    client.force_login(expert_manager)
    for field, term, found in [
        ("topics", "Mari", "Maritime security"),
        ("regions", "Lev", "Levant"),
    ]:
        response = client.get(
            "/admin/autocomplete/",
            {"app_label": "experts", "model_name": "expert", "field_name": field, "term": term},
        )
        assert response.status_code == 200, field
        assert [item["text"] for item in response.json()["results"]] == [found]


def test_expert_manager_reorders_experts_in_the_list(client, expert_manager):
    program = make_program()
    first, second = make_expert(program=program, position=0), make_expert(program=program)
    second.position = 1
    second.save()
    client.force_login(expert_manager)
    page = parse(client.get(changelist_url()))
    assert page.find("input", name="form-0-position")  # the position is edited in the list
    response = client.post(
        changelist_url(),
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-id": str(first.pk),
            "form-0-position": "5",
            "form-1-id": str(second.pk),
            "form-1-position": "1",
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.position == 5
    # Through the service: kept as a revision, and the version moved on.
    assert first.revisions.get().data["position"] == "5"
    assert first.version == 2


def test_expert_manager_deactivates_and_reactivates(client, expert_manager):
    expert = make_expert()
    client.force_login(expert_manager)
    assert action(client, "deactivate", expert).status_code == 302
    expert.refresh_from_db()
    assert not expert.is_active
    assert action(client, "reactivate", expert).status_code == 302
    expert.refresh_from_db()
    assert expert.is_active
    notes = list(expert.revisions.order_by("pk").values_list("note", flat=True))
    assert notes == ["Deactivated (former expert)", "Reactivated"]


def test_deactivating_replaces_deleting(client, expert_manager):
    expert = make_expert()
    client.force_login(expert_manager)
    page = parse(client.get(changelist_url()))
    offered = {option.get("value") for option in page.find("select", name="action").iter()}
    assert {"deactivate", "reactivate"} <= offered
    assert "delete_selected" not in offered
    # Expert managers may not delete an expert at all, even by a crafted POST.
    assert (
        client.post(f"/admin/experts/expert/{expert.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    assert action(client, "delete_selected", expert).status_code in (200, 302)
    assert Expert.objects.filter(pk=expert.pk).exists()


def test_deactivating_keeps_the_bylines(client, expert_manager):
    expert = make_expert("Leila Farouk")
    article = make_article(
        "A byline kept", authors=[expert], publication_type=make_publication_type()
    )
    client.force_login(expert_manager)
    action(client, "deactivate", expert)
    client.logout()
    page = parse(client.get(article.get_absolute_url()))
    assert expert.get_absolute_url() in page.hrefs()
    profile = client.get(expert.get_absolute_url())
    assert profile.status_code == 200
    assert "Former expert" in profile.content.decode()


# --- Expert managers: programs ---------------------------------------------------------


def program_data(program=None, **changes):
    data = {"name": "", "slug": "", "description": "", "position": "0"}
    if program is not None:
        data.update(
            name=program.name,
            slug=program.slug,
            description=program.description,
            position=str(program.position),
        )
    data.update(changes)
    return data


def test_expert_manager_adds_edits_and_reorders_programs(client, expert_manager):
    client.force_login(expert_manager)
    response = client.post(
        "/admin/experts/program/add/", program_data(name="Energy", slug="energy")
    )
    assert response.status_code == 302
    program = Program.objects.get(slug="energy")
    response = client.post(
        f"/admin/experts/program/{program.pk}/change/",
        program_data(program, description="Oil, gas and power."),
    )
    assert response.status_code == 302
    other = make_program()
    response = client.post(
        "/admin/experts/program/",
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-id": str(program.pk),
            "form-0-position": "3",
            "form-1-id": str(other.pk),
            "form-1-position": "1",
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    program.refresh_from_db()
    assert (program.description, program.position) == ("Oil, gas and power.", 3)


def test_program_save_checks_the_permission(contributor):
    with pytest.raises(PermissionDenied):
        services.program_save(Program(name="Nope", slug="nope"), user=contributor)
    assert not Program.objects.filter(slug="nope").exists()


# --- Expert managers: no articles ------------------------------------------------------


def test_expert_manager_can_not_add_change_or_publish_articles(client, expert_manager):
    article = make_article(
        "Still a draft", published=False, publication_type=make_publication_type()
    )
    client.force_login(expert_manager)
    add = client.post(
        "/admin/articles/article/add/",
        {"title": "Sneaked in", "slug": "sneaked-in", "status": "published"},
    )
    assert add.status_code == 403
    change = client.post(
        f"/admin/articles/article/{article.pk}/change/",
        {"title": "Changed", "slug": article.slug, "status": "published"},
    )
    assert change.status_code == 403
    publish = client.post(
        "/admin/articles/article/", {"action": "publish", "_selected_action": [article.pk]}
    )
    assert publish.status_code == 403
    assert not Article.objects.filter(slug="sneaked-in").exists()
    article.refresh_from_db()
    assert (article.title, article.status) == ("Still a draft", Article.Status.DRAFT)
    assert not Article.objects.published().exists()


# --- nobody else changes experts -------------------------------------------------------


@pytest.mark.parametrize("role", ["contributor", "editor"])
def test_contributors_and_editors_cannot_change_experts(client, request, role):
    user = request.getfixturevalue(role)
    expert = make_expert("Unchanged Name", bio="<p>Kept.</p>")
    client.force_login(user)
    assert client.get(change_url(expert)).status_code == 200  # they may look
    response = client.post(
        change_url(expert),
        {"name": "Crafted", "slug": expert.slug, "kind": "fellow", "bio": "<p>Crafted.</p>"},
    )
    assert response.status_code == 403
    add = client.post(add_url(), {"name": "New", "slug": "new", "kind": "fellow"})
    assert add.status_code == 403
    listed = client.post(
        changelist_url(),
        {
            "form-TOTAL_FORMS": "1",
            "form-INITIAL_FORMS": "1",
            "form-0-id": str(expert.pk),
            "form-0-position": "9",
            "_save": "Save",
        },
    )
    assert listed.status_code == 403
    action(client, "deactivate", expert)  # not offered to them: nothing happens
    expert.refresh_from_db()
    assert (expert.name, expert.bio, expert.position, expert.is_active) == (
        "Unchanged Name",
        "<p>Kept.</p>",
        0,
        True,
    )
    assert not Expert.objects.filter(slug="new").exists()
    assert not ExpertRevision.objects.exists()


@pytest.mark.parametrize("role", ["contributor", "editor"])
def test_the_services_refuse_them_too(request, role):
    user = request.getfixturevalue(role)
    expert = make_expert()
    for service in (services.expert_save, services.expert_deactivate):
        with pytest.raises(PermissionDenied):
            service(expert, user=user)
    expert.refresh_from_db()
    assert expert.is_active and expert.version == 1


def test_expert_managers_may_not_delete_experts_but_may_delete_programs():
    def perms(name):
        return set(Permission.objects.filter(group__name=name).values_list("codename", flat=True))

    assert "delete_expert" not in perms("Expert managers")
    assert {"add_expert", "change_expert", "delete_program", "delete_expertlink"} <= perms(
        "Expert managers"
    )
