"""
Per-language values of a model's own fields (thinktank/translation.py): reading them
with `.translated` and `get_translation`, tidying the JSON on save, and editing them
in the admin (thinktank/translation_admin.py).
"""

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import translation

from articles.models import PublicationType, Region, Topic
from experts.models import Expert, Program
from tests.helpers.expertforms import expert_form_from_page
from tests.helpers.factories import (
    make_expert,
    make_program,
    make_publication_type,
    make_region,
    make_topic,
)
from tests.helpers.htmlpage import parse

pytestmark = pytest.mark.django_db

ARABIC_NAME = "منافسة القوى الكبرى"
PERSIAN_NAME = "رقابت قدرت‌های بزرگ"


@pytest.fixture
def topic():
    return make_topic(
        "Great Power Rivalry",
        description="How the great powers compete.",
        translations={"ar": {"name": ARABIC_NAME}},
    )


# --- reading -------------------------------------------------------------------------------


def test_translated_name_in_each_language(topic):
    with translation.override("ar"):
        assert topic.translated.name == ARABIC_NAME
    with translation.override("fa"):
        assert topic.translated.name == "Great Power Rivalry"  # no Persian value: English
    with translation.override("en"):
        assert topic.translated.name == "Great Power Rivalry"
    assert topic.translated.name == "Great Power Rivalry"  # the tests' default language


def test_translated_description_falls_back_when_only_the_name_is_translated(topic):
    with translation.override("ar"):
        assert topic.translated.description == "How the great powers compete."


def test_translated_follows_the_language_active_when_it_is_created(topic):
    """`.translated` reads in the language active when it is created (as a template does)."""
    with translation.override("ar"):
        values = topic.translated
    assert values.name == ARABIC_NAME


def test_get_translation(topic):
    assert topic.get_translation("name", "ar") == ARABIC_NAME
    assert topic.get_translation("name", "fa") == "Great Power Rivalry"
    assert topic.get_translation("name", "en") == "Great Power Rivalry"
    assert topic.get_translation("description", "ar") == "How the great powers compete."
    # Without a language: the active one.
    with translation.override("ar"):
        assert topic.get_translation("name") == ARABIC_NAME
    assert topic.get_translation("name") == "Great Power Rivalry"


def test_own_text_never_falls_back(topic):
    """A language's own text, stripped; "" where it has none, whatever is stored there."""
    assert topic.own_text("name", "ar") == ARABIC_NAME
    assert topic.own_text("name", "fa") == ""
    assert topic.own_text("description", "ar") == ""
    assert topic.own_text("name", "en") == "Great Power Rivalry"
    for stored in ({"fa": {"name": "  "}}, {"fa": {"name": 7}}, {"fa": "name"}, None):
        topic.translations = stored
        assert topic.own_text("name", "fa") == ""


def test_source_language_reads_the_column_even_with_a_stray_value(topic):
    """The English text is the column: an "en" key in the JSON is never read."""
    topic.translations = {"en": {"name": "Stray"}, "ar": {"name": ARABIC_NAME}}
    assert topic.get_translation("name", "en") == "Great Power Rivalry"
    with translation.override("en"):
        assert topic.translated.name == "Great Power Rivalry"


def test_empty_translations_fall_back(topic):
    topic.translations = {"ar": {"name": ""}, "fa": {}}
    assert topic.get_translation("name", "ar") == "Great Power Rivalry"
    assert topic.get_translation("name", "fa") == "Great Power Rivalry"
    topic.translations = None
    assert topic.get_translation("name", "ar") == "Great Power Rivalry"


def test_unknown_attribute_raises_attribute_error(topic):
    with translation.override("ar"):
        with pytest.raises(AttributeError):
            topic.translated.colour  # noqa: B018
        with pytest.raises(AttributeError):
            topic.translated.slug  # noqa: B018  (a field, but not a translatable one)
        assert not hasattr(topic.translated, "slug")
        assert getattr(topic.translated, "missing", "default") == "default"


def test_every_translatable_model_reads_its_fields(topic):
    expert = make_expert(
        "Jane Roe",
        role="Fellow",
        short_bio="Jane Roe studies energy.",
        bio="<p>Jane Roe's full bio.</p>",
        translations={"ar": {"name": "جين رو", "role": "زميلة", "bio": "<p>سيرة جين رو.</p>"}},
    )
    program = make_program("Energy Program", translations={"fa": {"name": "برنامه انرژی"}})
    kind = make_publication_type("Explainer", translations={"ar": {"name": "شرح"}})
    region = make_region("Levant Coast", translations={"fa": {"description": "ساحل شام"}})
    with translation.override("ar"):
        assert expert.translated.name == "جين رو"
        assert expert.translated.role == "زميلة"
        assert expert.translated.short_bio == "Jane Roe studies energy."
        assert expert.translated.bio == "<p>سيرة جين رو.</p>"
        assert program.translated.name == "Energy Program"
        assert kind.translated.name == "شرح"
    with translation.override("fa"):
        assert program.translated.name == "برنامه انرژی"
        assert region.translated.name == "Levant Coast"
        assert region.translated.description == "ساحل شام"
        assert kind.translated.name == "Explainer"
    assert {model.translatable_fields for model in (Topic, Region)} == {("name", "description")}
    assert Expert.translatable_fields == (
        "name",
        "sort_name",
        "role",
        "short_bio",
        "bio",
        "languages",
    )
    assert Program.translatable_fields == ("name", "description")
    assert PublicationType.translatable_fields == ("name",)


# --- tidying on save -----------------------------------------------------------------------


def test_translations_are_tidied_on_save():
    topic = make_topic(
        "Energy Transitions",
        translations={
            "fa": {"name": "  گذار انرژی  ", "description": ""},
            "ar": {"name": "تحولات الطاقة", "slug": "not-translatable", "colour": "red"},
            "ur": {"name": "   ", "description": ""},  # nothing left: the language goes
            "he": "not a dict",
            "fr": {"name": 42},
        },
    )
    expected = {"ar": {"name": "تحولات الطاقة"}, "fa": {"name": "گذار انرژی"}}
    assert topic.translations == expected
    topic.refresh_from_db()
    assert topic.translations == expected
    assert list(topic.translations) == ["ar", "fa"]  # sorted


def test_empty_translations_are_saved_as_an_empty_object():
    topic = make_topic("Plain Topic", translations={"ar": {"name": ""}})
    topic.refresh_from_db()
    assert topic.translations == {}
    none = make_topic("No Translations")
    none.refresh_from_db()
    assert none.translations == {}


def test_bio_translation_html_is_sanitized():
    expert = make_expert(
        "Sam Doe",
        bio="<p>English bio.</p>",
        translations={
            "ar": {
                "bio": '<p onclick="steal()">سيرة <script>alert("x")</script>'
                '<a href="javascript:alert(1)">رابط</a> <strong>مهمة</strong></p>',
                "short_bio": "نص <b>عادي</b>",
            }
        },
    )
    expert.refresh_from_db()
    bio = expert.translations["ar"]["bio"]
    assert "<script" not in bio
    assert "alert" not in bio
    assert "onclick" not in bio
    assert "javascript:" not in bio
    assert "<strong>مهمة</strong>" in bio
    assert bio.startswith("<p>سيرة")
    # short_bio is plain text (escaped where shown), kept as typed.
    assert expert.translations["ar"]["short_bio"] == "نص <b>عادي</b>"


def test_bio_that_is_only_a_script_is_dropped():
    expert = make_expert("Only Script", translations={"fa": {"bio": "<script>x()</script>"}})
    expert.refresh_from_db()
    assert expert.translations == {}
    with translation.override("fa"):
        assert expert.translated.bio == ""


def test_sanitized_bio_is_what_the_arabic_profile_shows(client):
    expert = make_expert(
        "Profile Person",
        bio="<p>English.</p>",
        translations={"ar": {"bio": "<p>سيرة<script>alert(1)</script></p>"}},
    )
    response = client.get(f"/ar/experts/{expert.slug}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    assert parse(response).find(cls="profile__bio").text == "سيرة"


# --- the admin -----------------------------------------------------------------------------


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


OTHER_LANGUAGES = [code for code, _name in django_settings.LANGUAGES if code != "en"]


def assert_translation_inputs(page, fields):
    for language in OTHER_LANGUAGES:
        for field in fields:
            name = f"{field}__{language}"
            found = page.find_all("input", name=name) + page.find_all("textarea", name=name)
            assert len(found) == 1, f"no single input {name}"
            (widget,) = found
            assert widget.get("lang") == language, name
            assert widget.get("dir") == "rtl", name
            assert "required" not in widget.attrs, name


def test_topic_change_form_has_an_input_per_language(admin_client, topic):
    response = admin_client.get(admin_url(Topic, "change", topic.pk))
    assert response.status_code == 200
    page = parse(response)
    assert_translation_inputs(page, ["name", "description"])
    assert page.find("input", name="name__ar").get("value") == ARABIC_NAME
    assert page.find("input", name="name__fa").get("value") in (None, "")
    # The JSON column itself is not a form field.
    assert not page.find_all(name="translations")
    # Each language has its own fieldset (a tab), titled with the language's own name.
    assert page.find_all("fieldset", cls="language-tab--ar")
    assert page.find_all("fieldset", cls="language-tab--fa")
    labels = [label.text for label in page.find_all("label")]
    assert any("(العربية)" in label for label in labels)
    assert any("(فارسی)" in label for label in labels)


def test_topic_add_form_has_the_inputs(admin_client):
    page = parse(admin_client.get(admin_url(Topic, "add")))
    assert_translation_inputs(page, ["name", "description"])


def test_expert_change_form_has_an_input_per_language(admin_client):
    expert = make_expert("Form Expert", translations={"fa": {"role": "پژوهشگر"}})
    response = admin_client.get(admin_url(Expert, "change", expert.pk))
    assert response.status_code == 200
    page = parse(response)
    assert_translation_inputs(page, ["name", "role", "short_bio", "bio"])
    assert page.find("input", name="role__fa").get("value") == "پژوهشگر"


def topic_form_data(topic, **overrides):
    data = {
        "name": topic.name,
        "slug": topic.slug,
        "description": topic.description,
        "name__ar": "",
        "description__ar": "",
        "name__fa": "",
        "description__fa": "",
        "features-TOTAL_FORMS": "0",
        "features-INITIAL_FORMS": "0",
        "_save": "Save",
    }
    data.update(overrides)
    return data


def test_saving_the_topic_form_stores_translations(admin_client, topic):
    data = topic_form_data(
        topic,
        name__ar="  التنافس بين القوى الكبرى ",
        name__fa=PERSIAN_NAME,
        description__fa="چگونه قدرت‌های بزرگ رقابت می‌کنند.",
    )
    response = admin_client.post(admin_url(Topic, "change", topic.pk), data)
    assert response.status_code == 302, parse(response).find_all(cls="errorlist")
    topic.refresh_from_db()
    assert topic.translations == {
        "ar": {"name": "التنافس بين القوى الكبرى"},
        "fa": {"name": PERSIAN_NAME, "description": "چگونه قدرت‌های بزرگ رقابت می‌کنند."},
    }
    # The form shows what was saved.
    page = parse(admin_client.get(admin_url(Topic, "change", topic.pk)))
    assert page.find("input", name="name__fa").get("value") == PERSIAN_NAME


def test_clearing_an_input_removes_that_translation(admin_client, topic):
    response = admin_client.post(admin_url(Topic, "change", topic.pk), topic_form_data(topic))
    assert response.status_code == 302, parse(response).find_all(cls="errorlist")
    topic.refresh_from_db()
    assert topic.translations == {}
    with translation.override("ar"):
        assert topic.translated.name == topic.name


def test_adding_a_topic_with_translations(admin_client):
    data = {
        "name": "Water Security",
        "slug": "water-security",
        "description": "",
        "name__ar": "الأمن المائي",
        "description__ar": "",
        "name__fa": "",
        "description__fa": "",
        "features-TOTAL_FORMS": "0",
        "features-INITIAL_FORMS": "0",
        "_save": "Save",
    }
    response = admin_client.post(admin_url(Topic, "add"), data)
    assert response.status_code == 302, parse(response).find_all(cls="errorlist")
    assert Topic.objects.get(slug="water-security").translations == {"ar": {"name": "الأمن المائي"}}


def test_invalid_topic_form_shows_the_error_and_stores_nothing(admin_client, topic):
    before = Topic.objects.get(pk=topic.pk)
    data = topic_form_data(topic, name="", name__ar="اسم جديد", name__fa=PERSIAN_NAME)
    response = admin_client.post(admin_url(Topic, "change", topic.pk), data)
    assert response.status_code == 200
    page = parse(response)
    errors = page.find_all(cls="errorlist")
    assert errors, "the form shows no error"
    assert "This field is required." in " ".join(error.text for error in errors)
    # The typed translations are shown again, not lost, and nothing is stored.
    assert page.find("input", name="name__ar").get("value") == "اسم جديد"
    after = Topic.objects.get(pk=topic.pk)
    assert (after.name, after.translations) == (before.name, before.translations)
    assert after.translations == {"ar": {"name": ARABIC_NAME}}


def expert_form_data(client, expert, **overrides):
    """The expert's change form as the admin renders it (whatever its layout), with
    `overrides`, as a browser would post it."""
    return expert_form_from_page(
        parse(client.get(admin_url(Expert, "change", expert.pk))), **overrides
    )


def test_saving_the_expert_form_stores_sanitized_translations(admin_client):
    expert = make_expert("Anna Example", role="Senior Fellow", bio="<p>English bio.</p>")
    data = expert_form_data(
        admin_client,
        expert,
        name__ar="آنا إكزامبل",
        role__ar="زميلة أولى",
        bio__ar="<p>سيرة <script>alert(1)</script>كاملة</p>",
        short_bio__fa="پژوهشگر ارشد.",
    )
    response = admin_client.post(admin_url(Expert, "change", expert.pk), data)
    assert response.status_code == 302, parse(response).find_all(cls="errorlist")
    expert.refresh_from_db()
    assert expert.translations == {
        "ar": {"name": "آنا إكزامبل", "role": "زميلة أولى", "bio": "<p>سيرة كاملة</p>"},
        "fa": {"short_bio": "پژوهشگر ارشد."},
    }
    assert expert.name == "Anna Example"


def test_invalid_expert_form_shows_the_error_and_stores_nothing(admin_client):
    expert = make_expert("Kept Name", translations={"ar": {"name": "اسم محفوظ"}})
    data = expert_form_data(admin_client, expert, name="", name__ar="اسم آخر", role__fa="نقش")
    response = admin_client.post(admin_url(Expert, "change", expert.pk), data)
    assert response.status_code == 200
    errors = parse(response).find_all(cls="errorlist")
    assert "This field is required." in " ".join(error.text for error in errors)
    expert.refresh_from_db()
    assert expert.name == "Kept Name"
    assert expert.translations == {"ar": {"name": "اسم محفوظ"}}
