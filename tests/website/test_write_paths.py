"""
Every write goes through services: read statically (`ast`, like test_dependencies), no
module of the apps outside a services module calls a write method of a model; every
admin of the apps' models saves and deletes through services; and the services the
admin, the demo loader and the corpus generator write through check what they promise.

Not the apps' code, so not checked here: Django's own writes (the admin's LogEntry,
sessions, the auth and taggit admins' users, groups and tags) and the migrations. Raw
SQL is not read: only articles/search writes so, keeping the search index (derived).
"""

import ast
from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission, User
from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError
from django.test import RequestFactory

from articles import services, site_services, taxonomy_services
from articles.admin.features import HomeFeatureAdmin
from articles.models import (
    ArticleRedirect,
    Feature,
    HomeFeature,
    PublicationType,
    Topic,
    TranslationSet,
)
from experts import services as expert_services
from experts.models import Expert, Program
from tests.helpers.factories import (
    make_article,
    make_expert,
    make_program,
    make_publication_type,
    make_region,
    make_topic,
)

ROOT = Path(__file__).resolve().parents[2]
APPS = ["thinktank", "library", "taxonomy", "experts", "articles", "interchange", "website"]

# A call of one of these writes, whatever it is called on.
WRITES = {
    "save",
    "delete",
    "create",
    "bulk_create",
    "bulk_update",
    "get_or_create",
    "update_or_create",
    "create_user",
    "create_superuser",
}
# These write when called on a queryset or a related manager (`Model.objects...`,
# `qs.filter(...).update()`, `article.topics.set()`), not on a dict or a set.
RELATION_WRITES = {"update", "set", "add", "remove", "clear"}

# Service modules not named services.py: the proposed changes' (atomic, permission-checked).
SERVICE_MODULES = {"articles/proposals.py"}

# (module, what the write is called on): why it is no model write outside the services.
EXEMPT = {
    ("thinktank/concurrency.py", "super()"): "the version-checked save() every service calls",
    ("thinktank/uploads.py", "super()"): "a file field's save: storage, not a row",
    ("experts/models.py", "super()"): "Expert.save() deriving its sort keys",
    ("articles/models/article.py", "super()"): "Article.save() deriving its dates",
    ("articles/models/article.py", "TranslationSet.objects"): "Article.save() makes its set",
    ("articles/models/links.py", "super()"): "the bylines' bulk_create, re-indexing",
    ("articles/models/publishing.py", "super()"): "the articles' update(), re-indexing",
    ("thinktank/revisions.py", "obj"): "applying a revision: only the services' restore",
    ("thinktank/revisions.py", "getattr(obj, self.name)"): "the same",
    ("thinktank/revisions.py", "getattr(obj, self.accessor).all()"): "the same",
    ("thinktank/revisions.py", "self.row_model.objects"): "the same",
    ("articles/search/__init__.py", "_backend(connection)"): "the search index, derived",
    ("articles/proposals.py", "value"): "an upload put in storage (save=False): no row",
    ("thinktank/health.py", "cache"): "the cache, not the database",
    ("interchange/importer.py", "default_storage"): "a dry run's stored files removed again",
    ("interchange/wordpress/scan.py", "index.images"): "the first pass's index, in memory",
    ("interchange/wordpress/scan.py", "index.originals"): "the same",
    ("interchange/uploads.py", "storage"): "an admin import's uploaded files, not rows",
    ("thinktank/renditions.py", "storage"): "image files, not rows",
    ("thinktank/private_files.py", "storage"): "private files, not rows (after a service's commit)",
    ("thinktank/renditions.py", "image"): "a Pillow image",
    ("thinktank/uploads.py", "first"): "a Pillow image",
    ("articles/demo/photos.py", "image"): "a Pillow image",
    ("articles/demo/charts.py", "image"): "a Pillow image",
}


def is_service_module(path):
    name = path.rsplit("/", 1)[-1]
    return name == "services.py" or name.endswith("_services.py") or path in SERVICE_MODULES


def writes(tree):
    """[(line, what it is called on, method)] of every call that may write a row."""
    found = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        method, receiver = node.func.attr, node.func.value
        if any(
            keyword.arg == "commit" and getattr(keyword.value, "value", True) is False
            for keyword in node.keywords
        ):
            continue  # a form's or formset's save(commit=False) writes nothing
        on_relation = (
            isinstance(receiver, ast.Call)
            or "objects" in ast.unparse(receiver)
            or (
                isinstance(receiver, ast.Attribute)
                and isinstance(receiver.value, ast.Name)
                and receiver.value.id != "self"
            )
        )
        if method in WRITES or (method in RELATION_WRITES and on_relation):
            found.append((node.lineno, ast.unparse(receiver), method))
    return found


def test_no_module_outside_the_services_writes_a_model():
    outside = []
    for layer in APPS:
        for path in sorted((ROOT / layer).rglob("*.py")):
            module = path.relative_to(ROOT).as_posix()
            if "/migrations/" in module or is_service_module(module):
                continue
            for line, receiver, method in writes(ast.parse(path.read_text(), module)):
                if (module, receiver) not in EXEMPT:
                    outside.append(f"{module}:{line}: {receiver}.{method}()")
    assert not outside, "Write through a service (or state the exemption in EXEMPT):\n" + (
        "\n".join(outside)
    )


def test_the_check_sees_a_write():
    source = """
def f(article, topic):
    article.save()
    Topic.objects.filter(pk=1).update(name="x")
    article.topics.add(topic)
    form.save(commit=False)
    context.update(x=1)
    self.seen.add(1)
"""
    assert [(receiver, method) for _line, receiver, method in writes(ast.parse(source))] == [
        ("article", "save"),
        ("Topic.objects.filter(pk=1)", "update"),
        ("article.topics", "add"),
    ]


# Django's and taggit's admins, not the apps'.
OTHER_ADMINS = {"auth", "taggit"}
# Inlines saved by Django's admin with their parent, right after the parent's service
# checked the permission, in its transaction (the revision recorded next holds them).
INLINES_SAVED_WITH_THEIR_PARENT = {"Article", "Expert", "TranslationSet"}


def test_every_admin_of_the_apps_saves_and_deletes_through_services():
    default = admin.ModelAdmin
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label in OTHER_ADMINS:
            continue
        kind = type(model_admin)
        name = model.__name__
        assert kind.save_model is not default.save_model, name
        assert kind.delete_model is not default.delete_model, name
        assert kind.delete_queryset is not default.delete_queryset, name
        if model_admin.inlines and name not in INLINES_SAVED_WITH_THEIR_PARENT:
            assert kind.save_formset is not default.save_formset, name


# --- the services -----------------------------------------------------------------------


def with_permissions(username, *codenames):
    user = User.objects.create_user(username, password="x", is_staff=True)
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return User.objects.get(pk=user.pk)  # a fresh permission cache


@pytest.fixture
def superuser(db):
    return User.objects.create_superuser("root", "root@example.org", "x")


@pytest.mark.django_db
def test_a_topic_feature_is_saved_by_who_may_change_the_topic(editor, contributor):
    topic = make_topic()
    feature = Feature(topic=topic, article=make_article(), position=0)
    with pytest.raises(PermissionDenied):
        site_services.feature_save(feature, user=contributor)
    site_services.feature_save(feature, user=editor)
    assert topic.features.get() == feature
    with pytest.raises(PermissionDenied):
        site_services.feature_delete(feature, user=contributor)
    site_services.feature_delete(feature, user=editor)
    assert not topic.features.exists()


@pytest.mark.django_db
def test_a_home_feature_is_chosen_by_who_may_publish(editor):
    may_change_topics = with_permissions("topics", "change_topic")
    feature = HomeFeature(article=make_article(), position=0)
    with pytest.raises(PermissionDenied):
        site_services.feature_save(feature, user=may_change_topics)
    site_services.feature_save(feature, user=editor)
    assert list(HomeFeature.objects.all()) == [feature]
    # Moving it from the home page to a topic takes the home page's permission too.
    feature.topic = make_topic()
    with pytest.raises(PermissionDenied):
        site_services.feature_save(feature, user=may_change_topics)
    assert HomeFeature.objects.filter(pk=feature.pk).exists()


@pytest.mark.django_db
def test_publication_types_are_written_by_editors(editor, contributor):
    kind = PublicationType(name="Brief", slug="brief")
    with pytest.raises(PermissionDenied):
        site_services.publication_type_save(kind, user=contributor)
    site_services.publication_type_save(kind, user=editor)
    with pytest.raises(PermissionDenied):
        site_services.publication_type_delete(kind, user=contributor)
    site_services.publication_type_delete(kind, user=editor)
    assert not PublicationType.objects.filter(slug="brief").exists()


@pytest.mark.django_db
def test_redirects_and_translation_sets_are_written_with_their_permissions(editor, superuser):
    article = make_article()
    redirect = ArticleRedirect(language=article.language, old_slug="old", article=article)
    with pytest.raises(PermissionDenied):
        site_services.redirect_save(redirect, user=editor)
    site_services.redirect_save(redirect, user=superuser)
    site_services.redirect_delete(redirect, user=superuser)
    assert not ArticleRedirect.objects.exists()
    empty = site_services.translation_set_save(TranslationSet(), user=editor)
    with pytest.raises(PermissionDenied):
        site_services.translation_set_delete(empty, user=with_permissions("viewer"))
    site_services.translation_set_delete(empty, user=editor)
    assert not TranslationSet.objects.filter(pk=empty.pk).exists()


@pytest.mark.django_db
def test_articles_and_experts_are_deleted_by_superusers_only(editor, expert_manager, superuser):
    article = make_article()
    with pytest.raises(PermissionDenied):
        services.article_delete(article, user=editor)
    services.article_delete(article, user=superuser)
    expert = make_expert()
    with pytest.raises(PermissionDenied):
        expert_services.expert_delete(expert, user=expert_manager)
    expert_services.expert_delete(expert, user=superuser)
    assert not Expert.objects.filter(pk=expert.pk).exists()


@pytest.mark.django_db
def test_topics_and_programs_are_deleted_with_their_permissions(
    editor, contributor, expert_manager
):
    topic, region = make_topic(), make_region()
    with pytest.raises(PermissionDenied):
        taxonomy_services.topic_or_region_delete(topic, user=contributor)
    taxonomy_services.topic_or_region_delete(topic, user=editor)
    taxonomy_services.topic_or_region_delete(region, user=editor)
    assert not Topic.objects.filter(pk=topic.pk).exists()
    program = make_program()
    with pytest.raises(PermissionDenied):
        expert_services.program_delete(program, user=editor)
    expert_services.program_delete(program, user=expert_manager)
    assert not Program.objects.filter(pk=program.pk).exists()


@pytest.mark.django_db
def test_the_admins_delete_selected_deletes_all_or_none(editor):
    features = [
        site_services.feature_save(HomeFeature(article=make_article(), position=n), user=editor)
        for n in range(2)
    ]

    def refuse_the_second(feature, *, user):
        if feature.pk == features[1].pk:
            raise PermissionDenied
        site_services.feature_delete(feature, user=user)

    class Refusing(HomeFeatureAdmin):
        delete_service = staticmethod(refuse_the_second)

    request = RequestFactory().post("/")
    request.user = editor
    with pytest.raises(PermissionDenied):
        Refusing(HomeFeature, admin.site).delete_queryset(request, HomeFeature.objects.all())
    assert HomeFeature.objects.count() == 2
    HomeFeatureAdmin(HomeFeature, admin.site).delete_queryset(request, HomeFeature.objects.all())
    assert not HomeFeature.objects.exists()


@pytest.mark.django_db
def test_a_publication_type_in_use_is_not_deleted(editor):
    kind = make_publication_type("Commentary")
    make_article(publication_type=kind)
    with pytest.raises(ProtectedError):
        site_services.publication_type_delete(kind, user=editor)
    assert PublicationType.objects.filter(pk=kind.pk).exists()


@pytest.mark.django_db
def test_the_topic_admin_takes_a_feature_off_through_the_service(client, editor):
    topic = make_topic("Inline Topic")
    kept, dropped = make_article("Kept Feature"), make_article("Dropped Feature")
    features = [
        site_services.feature_save(Feature(topic=topic, article=article, position=n), user=editor)
        for n, article in enumerate([kept, dropped])
    ]
    client.force_login(editor)
    data = {
        "name": topic.name,
        "slug": topic.slug,
        **dict.fromkeys(["description", "name__ar", "description__ar"], ""),
        **dict.fromkeys(["name__fa", "description__fa"], ""),
        "features-TOTAL_FORMS": "2",
        "features-INITIAL_FORMS": "2",
        "_save": "Save",
    }
    for n, feature in enumerate(features):
        data |= {
            f"features-{n}-id": str(feature.pk),
            f"features-{n}-topic": str(topic.pk),
            f"features-{n}-article": str(feature.article_id),
            f"features-{n}-position": str(n),
        }
    data["features-1-DELETE"] = "on"
    response = client.post(f"/admin/taxonomy/topic/{topic.pk}/change/", data)
    assert response.status_code == 302
    assert list(Feature.objects.on(topic).values_list("article__title", flat=True)) == [
        "Kept Feature"
    ]
