"""
The expert form in the admin: the name, role and bios in every language side by side
(one row per field: the English input and each translation beside it, each marked
with its language and direction), and the photo shown as a thumbnail to click its
focal point on, beside the two focal point inputs.
"""

import pytest
from django.conf import settings as django_settings
from django.contrib import admin
from django.utils.translation import gettext

from experts.models import Expert
from tests.helpers.expertforms import change_url, page_form_data
from tests.helpers.factories import make_expert
from tests.helpers.htmlpage import parse
from thinktank.renditions import make_renditions
from thinktank.translation_admin import TranslatableAdmin

pytestmark = pytest.mark.django_db

OTHER_LANGUAGES = [code for code, _name in django_settings.LANGUAGES if code != "en"]
SIDE_BY_SIDE = ["name", "role", "short_bio", "bio"]
# The admin's own stylesheets, in their order (thinktank/admin_site.py).
ADMIN_SHEETS = ["/static/css/admin.css", "/static/css/admin-editor-tools.css"]


def widget(row, name):
    found = row.find_all("input", name=name) + row.find_all("textarea", name=name)
    assert len(found) == 1, f"no single input {name} in the row"
    return found[0]


def box_of(element):
    """The .fieldBox around `element` (each input of a multi-field row has its own)."""
    while element is not None and "fieldBox" not in element.classes:
        element = element.parent
    assert element is not None, "the input is not in a .fieldBox"
    return element


def row_of(element):
    while element is not None and "form-row" not in element.classes:
        element = element.parent
    assert element is not None, "the input is not in a .form-row"
    return element


def test_names_roles_and_bios_in_a_tab_per_language(admin_client):
    """One fieldset per language (the tabs of static/js/language-tabs.js), each input
    marked with its language and direction, and each field on the form once."""
    expert = make_expert(
        "Tab Expert",
        role="Fellow",
        translations={"ar": {"name": "خبير جانبي"}, "fa": {"role": "پژوهشگر"}},
    )
    page = parse(admin_client.get(change_url(expert)))
    assert not page.find_all("fieldset", cls="translations--side-by-side")
    tabs = page.find_all("fieldset", cls="language-tab")
    assert [tab.find("h2").text for tab in tabs] == ["English", "العربية", "فارسی"]
    # The tabs follow one another, so the script can put one tab list above them.
    parent = tabs[0].parent
    siblings = [child for child in parent.children if not isinstance(child, str)]
    first = siblings.index(tabs[0])
    assert siblings[first : first + len(tabs)] == tabs
    for tab, language in zip(tabs, ["en", *OTHER_LANGUAGES], strict=True):
        assert f"language-tab--{language}" in tab.classes
        suffix = "" if language == "en" else f"__{language}"
        for field in SIDE_BY_SIDE:
            input_ = widget(tab, f"{field}{suffix}")
            assert input_.get("lang") == language, field
            assert input_.get("dir") == ("ltr" if language == "en" else "rtl"), field
            found = page.find_all("input", name=f"{field}{suffix}")
            found += page.find_all("textarea", name=f"{field}{suffix}")
            assert len(found) == 1, field
    assert widget(tabs[1], "name__ar").get("value") == "خبير جانبي"
    assert widget(tabs[2], "role__fa").get("value") == "پژوهشگر"
    # What is not translated stays where it was.
    assert page.find("input", name="slug")
    assert not any(tab.find_all("input", name="slug") for tab in tabs)


def test_every_input_says_where_the_public_site_shows_it(admin_client, admin_user, rf):
    """The help of each input, in every language, names the page and place that show it
    (checked against templates/experts/ and the article byline)."""
    page = parse(admin_client.get(change_url(make_expert("Help Expert"))))
    admin_of = admin.site._registry[Expert]
    for name, use in admin_of.field_uses.items():
        names = [name]
        if name in Expert.translatable_fields:
            names += [f"{name}__{language}" for language in OTHER_LANGUAGES]
        for field_name in names:
            help_box = page.find(id=f"id_{field_name}_helptext")
            assert help_box is not None, field_name
            assert help_box.text == str(use), field_name
    short_bio = page.find(id="id_short_bio__ar_helptext").text
    assert "under the expert's articles" in short_bio
    # Every input of the form is labelled with its use (or was already, by the model).
    request = rf.get(change_url(make_expert("Request Expert")))
    request.user = admin_user
    form = admin_of.get_form(request)
    unlabelled = [
        name
        for name, field in form.base_fields.items()
        if not field.help_text
        and name not in ("slug", "loaded_version", "sort_name")
        and not name.startswith(("photo_focal", "sort_name__"))
    ]
    assert unlabelled == []


def test_saving_side_by_side_stores_the_translations(admin_client):
    expert = make_expert("Saved Side", role="Fellow", bio="<p>English bio.</p>")
    page = parse(admin_client.get(change_url(expert)))
    data = page_form_data(
        page,
        "expert_form",
        _continue="Save and continue editing",
        name__ar="خبير محفوظ",
        name__fa="کارشناس ذخیره",
        role__ar="زميل",
        bio__fa="<p>زندگی‌نامه <script>x()</script>کامل</p>",
        short_bio="Studies saving.",
    )
    response = admin_client.post(change_url(expert), data)
    assert response.status_code == 302, parse(response).find_all(cls="errorlist")
    expert.refresh_from_db()
    assert expert.short_bio == "Studies saving."
    assert expert.translations == {
        "ar": {"name": "خبير محفوظ", "role": "زميل"},
        "fa": {"name": "کارشناس ذخیره", "bio": "<p>زندگی‌نامه کامل</p>"},
    }
    page = parse(admin_client.get(change_url(expert)))
    assert page.find("input", name="name__fa").get("value") == "کارشناس ذخیره"


def test_side_by_side_fieldsets_from_any_layout():
    """Lines holding several fields lose only the translated ones; emptied fieldsets go."""

    class Layout(TranslatableAdmin):
        translations_side_by_side = True
        fieldsets = [
            ("First", {"fields": [("slug", "kind"), "is_active"]}),
            ("Who", {"fields": [("name", "slug2"), "role"]}),
            ("Bio", {"fields": ["short_bio", "bio"]}),
        ]

    fieldsets = Layout(Expert, admin.site).side_by_side_fieldsets(Layout.fieldsets)
    titles = [title for title, _options in fieldsets]
    assert titles == ["First", Layout.translations_fieldset_title, "Who"]
    assert fieldsets[0][1]["fields"] == [("slug", "kind"), "is_active"]
    assert fieldsets[2][1]["fields"] == [("slug2",)]
    rows = fieldsets[1][1]["fields"]
    assert ("name", "name__ar", "name__fa") in rows
    assert ("bio", "bio__ar", "bio__fa") in rows
    # A translatable field the layout does not show gets its translations only.
    assert ("sort_name__ar", "sort_name__fa") in rows


def test_topics_programs_and_regions_have_a_tab_per_language_too(admin_client):
    for url in (
        "/admin/taxonomy/topic/add/",
        "/admin/taxonomy/region/add/",
        "/admin/experts/program/add/",
    ):
        page = parse(admin_client.get(url))
        tabs = page.find_all("fieldset", cls="language-tab")
        assert [tab.find("h2").text for tab in tabs] == ["English", "العربية", "فارسی"], url
        assert widget(tabs[0], "name") and widget(tabs[1], "name__ar"), url
        scripts = [script.get("src") or "" for script in page.find_all("script")]
        assert any(src.endswith("js/language-tabs.js") for src in scripts), url


# --- the photo and its focal point -----------------------------------------------------


def test_the_photo_is_a_thumbnail_to_click_the_focal_point_on(admin_client):
    expert = make_expert("Thumbnail Expert", photo=True)
    expert.photo_focal_x, expert.photo_focal_y = 30, 70
    expert.save()
    make_renditions(expert.photo)
    response = admin_client.get(change_url(expert))
    page = parse(response)
    (profile,) = [
        fieldset
        for fieldset in page.find_all("fieldset")
        if fieldset.find_all("h2") and fieldset.find("h2").text == gettext("Profile")
    ]
    box = profile.find(cls="focal-point")
    assert (box.get("data-focal-x"), box.get("data-focal-y")) == ("photo_focal_x", "photo_focal_y")
    assert box.get("dir") == "ltr"
    image = box.find("img", cls="focal-point__image")
    # An uncropped rendition, never the original (which may be megabytes).
    assert image.get("src") == f"/media/renditions/{expert.photo.name}/8.webp"
    assert admin_client.get(image.get("src")).status_code == 200  # it exists
    assert box.find(cls="focal-point__marker")
    across = profile.find("input", name="photo_focal_x")
    down = profile.find("input", name="photo_focal_y")
    assert (across.get("type"), across.get("value"), across.get("max")) == ("number", "30", "100")
    assert down.get("value") == "70"
    labels = {label.get("for"): label.text for label in profile.find_all("label")}
    assert labels["id_photo_focal_x"] == "Focal point, across (%):"
    assert labels["id_photo_focal_y"] == "Focal point, down (%):"
    assert row_of(across) is row_of(down)  # side by side
    scripts = [script.get("src") for script in page.find_all("script")]
    assert "/static/js/focal-point.js" in scripts
    styles = [link.get("href") for link in page.find_all("link", rel="stylesheet")]
    assert [href for href in styles if href in ADMIN_SHEETS] == ADMIN_SHEETS  # once each


def test_without_a_photo_there_is_no_thumbnail_yet(admin_client):
    page = parse(admin_client.get("/admin/experts/expert/add/"))
    image = page.find("img", cls="focal-point__image")
    assert "hidden" in image.attrs and not image.get("src")
    assert page.find("input", name="photo_focal_x").get("value") == "50"


def test_the_bio_is_written_in_the_rich_text_editor_in_every_language(admin_client):
    expert = make_expert("Rich Bio", bio="<p>English <strong>bio</strong>.</p>")
    page = parse(admin_client.get(change_url(expert)))
    textareas = {el.get("name"): el for el in page.iter() if el.tag == "textarea"}
    for name in ["bio", *(f"bio__{language}" for language in OTHER_LANGUAGES)]:
        # django-prose-editor turns a textarea carrying its configuration into the editor.
        assert textareas[name].get("data-django-prose-editor-configurable"), name
    assert (textareas["bio__ar"].get("lang"), textareas["bio__ar"].get("dir")) == ("ar", "rtl")
    assert not textareas["short_bio"].get("data-django-prose-editor-configurable")  # plain text
