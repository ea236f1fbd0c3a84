"""`manage.py load_demo`: the reference page's facts, idempotent, development only."""

import hashlib
import io
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from articles.models import Article, Recommendation, Region
from experts.models import Expert
from tests.helpers.demo import load_demo

pytestmark = pytest.mark.django_db

MAIN_SLUG = (
    "putins-alignment-in-middle-east-should-signal-to-israel-its-time-for-a-change-of-allegiance"
)
ARABIC_SLUG = "anyaz-bwtyn-fy-alshrq-alawst-yjb-yshyr-lasrayyl-ban-alwqt-qd-han-ltghyyr-alwlaat"


def dump_database():
    """Every row of every installed model's table (auto-created ones too), all columns."""
    tables = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.proxy or not model._meta.managed:
            continue
        columns = [field.attname for field in model._meta.concrete_fields]
        rows = model._base_manager.order_by("pk").values_list(*columns)
        tables[model._meta.db_table] = (columns, list(rows))
    return tables


def dump_media(root):
    """Each stored file: its path, content hash and modification time."""
    root = Path(root)
    return {
        str(path.relative_to(root)): (
            hashlib.sha256(path.read_bytes()).hexdigest(),
            path.stat().st_mtime_ns,
        )
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_second_run_leaves_every_row_as_it_was(settings):
    load_demo()
    first = dump_database()
    media = dump_media(settings.MEDIA_ROOT)
    private = dump_media(settings.PRIVATE_MEDIA_ROOT)
    load_demo()
    second = dump_database()
    assert first.keys() == second.keys()
    for table, (columns, rows) in first.items():
        assert second[table] == (columns, rows), f"{table} changed on the second run"
    # The loader really wrote something that the comparison covers.
    assert len(first["articles_article"][1]) >= 30
    assert first["articles_articleauthor"][1]
    assert first["articles_article_topics"][1]
    # Files are neither added nor rewritten.
    assert dump_media(settings.MEDIA_ROOT) == media
    assert dump_media(settings.PRIVATE_MEDIA_ROOT) == private


def test_second_run_says_nothing_changed(demo, settings):
    settings.DEBUG = True
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    assert "nothing to change" in output.getvalue()


def test_demo_repairs_an_edited_row():
    load_demo()
    article = Article.objects.get(language="en", slug=MAIN_SLUG)
    article.title = "Edited by someone"
    article.save()
    article.authorships.all().delete()
    load_demo()
    article.refresh_from_db()
    assert article.title.startswith("Putin's Alignment")
    assert [a.expert.slug for a in article.authorships.all()] == ["anna-borshchevskaya"]


def test_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        call_command("load_demo", stdout=io.StringIO())
    assert not Article.objects.exists()
    assert not get_user_model().objects.exists()


def test_existing_admin_account_is_left_alone():
    users = get_user_model()
    users.objects.create_superuser("admin", "boss@example.org", "a-better-password")
    load_demo()
    admin = users.objects.get(username="admin")
    assert admin.check_password("a-better-password")
    assert admin.email == "boss@example.org"


@pytest.mark.usefixtures("demo_for_class")
class TestDemoFacts:
    """What the demo holds (loaded once for these tests)."""

    @pytest.fixture
    def loaded(self):
        return Article.objects.get(language="en", slug=MAIN_SLUG)

    def test_reference_article_facts(self, loaded, client):
        article = loaded
        assert article.title == (
            "Putin's Alignment in Middle East Should Signal to Israel It's Time for a Change "
            "of Allegiance"
        )
        assert article.get_absolute_url() == f"/policy-analysis/{MAIN_SLUG}"
        assert Article.objects.published().filter(pk=article.pk).exists()
        assert client.get(article.get_absolute_url()).status_code == 200
        assert [a.expert.name for a in article.authorships.order_by("position")] == [
            "Anna Borshchevskaya"
        ]
        assert article.published_at.astimezone(UTC).date() == date(2023, 11, 27)
        assert article.publication_type.name == "Articles & Testimony"
        assert article.outlet_name == "19FortyFive"
        assert article.outlet_url.startswith("https://www.19fortyfive.com/")
        assert article.summary
        assert article.body.count("<h2>") >= 4
        assert article.footer_note
        assert [topic.slug for topic in article.topics.all()] == ["great-power-competition"]
        assert sorted(region.slug for region in article.regions.all()) == ["israel", "palestinians"]

    def test_reference_author(self, loaded):
        anna = Expert.objects.get(slug="anna-borshchevskaya")
        assert anna.name == "Anna Borshchevskaya"
        assert anna.has_profile
        assert anna.photo
        assert anna.short_bio
        assert anna.program is not None

    def test_arabic_translation(self, loaded, client):
        arabic = Article.objects.get(language="ar", slug=ARABIC_SLUG)
        assert arabic.translation_set_id == loaded.translation_set_id
        assert arabic.get_absolute_url() == f"/ar/policy-analysis/{ARABIC_SLUG}"
        assert Article.objects.published().filter(pk=arabic.pk).exists()
        assert client.get(arabic.get_absolute_url()).status_code == 200
        assert any("\u0600" <= character <= "\u06ff" for character in arabic.title)

    def test_three_recommendations_in_order(self, loaded):
        links = Recommendation.objects.filter(article=loaded).order_by("position", "pk")
        recommended = [link.recommended_article for link in links]
        assert [(item.publication_type.name, item.title) for item in recommended] == [
            (
                "Brief Analysis",
                "Women's Dress in Iran: From the Islamic Sitr to the Political Hijab",
            ),
            ("Brief Analysis", "Houthi Ship Attacks Are Affecting Red Sea Trade Routes"),
            ("Event", "The Hamas-Israel War: End of the Beginning or Beginning of the End?"),
        ]
        assert [item.published_at.date() for item in recommended[:2]] == [date(2023, 12, 7)] * 2
        assert [a.expert.name for a in recommended[0].authorships.all()] == ["Mushtaq Abd Manaf"]
        assert recommended[0].authorships.get().expert.kind == Expert.Kind.GUEST
        assert [a.expert.name for a in recommended[1].authorships.all()] == ["Noam Raydan"]

    def test_event_with_three_speakers_in_order(self, loaded):
        event = Article.objects.get(
            language="en",
            title="The Hamas-Israel War: End of the Beginning or Beginning of the End?",
        )
        assert event.publication_type.is_event
        assert event.event_start == datetime(2023, 12, 14, 16, 0, tzinfo=UTC)
        assert event.event_time_zone == "America/New_York"
        assert event.event_start_local.strftime("%H:%M %Z") == "11:00 EST"
        assert [a.expert.name for a in event.authorships.order_by("position")] == [
            "Assaf Orion",
            "Hanin Ghaddar",
            "Matthew Levitt",
        ]
        event.full_clean()

    def test_catalogue_size(self, loaded):
        assert Article.objects.count() >= 30
        assert Article.objects.published().in_language("en").count() >= 25
        assert Article.objects.published().in_language("ar").exists()
        assert Expert.objects.count() >= 10
        assert Expert.objects.filter(kind=Expert.Kind.GUEST).exists()

    def test_regions_nest(self, loaded):
        israel = Region.objects.get(slug="israel")
        assert israel.parent.slug == "levant"
        assert israel.parent.parent.slug == "middle-east"
        assert Region.objects.get(slug="palestinians").parent.slug == "levant"

    def test_draft_and_scheduled_pieces_exist_but_are_not_published(self, loaded):
        draft = Article.objects.get(slug="demo-draft-not-public")
        scheduled = Article.objects.get(slug="demo-scheduled-not-public")
        assert draft.status == Article.Status.DRAFT
        assert scheduled.status == Article.Status.PUBLISHED
        assert scheduled.published_at.year > datetime.now(UTC).year
        published = Article.objects.published()
        assert not published.filter(pk__in=[draft.pk, scheduled.pk]).exists()

    def test_every_demo_row_is_valid(self, loaded):
        """The demo is what an editor could have entered through the admin."""
        for model in [Article, Expert, Region]:
            for instance in model.objects.all():
                instance.full_clean()

    def test_admin_account(self, loaded, client):
        admin = get_user_model().objects.get(username="admin")
        assert admin.is_superuser
        assert admin.is_staff
        assert admin.is_active
        assert admin.check_password("changeme")
        assert client.login(username="admin", password="changeme")
        assert client.get("/admin/").status_code == 200
