"""A new translation starts empty beside its source: the text to write is empty, the
rest carried over, the source shown read-only in its language and direction beside
each field, and the figures' texts still to translate listed."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles import services, translation_services
from articles.models import Article
from library.selectors import figure_texts_to_translate
from tests.helpers.adminforms import change_url, form_data
from tests.helpers.factories import (
    image_upload,
    make_article,
    make_event_type,
    make_expert,
    make_region,
    make_topic,
)
from tests.helpers.htmlpage import parse
from tests.helpers.library import figure, make_image

pytestmark = pytest.mark.django_db

TEXTS = {
    "title": "Grain Corridors",
    "summary": "How grain leaves the Black Sea.",
    "body": "<p>The body of the source.</p>",
    "footer_note": "<p>First published elsewhere.</p>",
    "outlet_name": "19FortyFive",
    "hero_image_alt": "A ship at a grain terminal",
    "hero_image_credit": "Photo: Reuters",
}


def source_article(editor, **fields):
    first, second = make_expert(), make_expert()
    article = make_article(
        authors=[first, second], topics=[make_topic()], regions=[make_region()], **fields
    )
    services.article_save(article, user=editor)
    return Article.objects.get(pk=article.pk)


def test_a_new_translation_starts_with_every_text_empty(editor):
    source = source_article(editor, **TEXTS, outlet_url="https://example.org/grain")
    translation = translation_services.article_add_translation(source, "ar", user=editor)
    translation = Article.objects.get(pk=translation.pk)
    for name in translation_services.TRANSLATED_FIELDS:
        assert getattr(translation, name) == "", name
    assert translation.status == Article.Status.DRAFT
    assert translation.translation_source == source
    assert translation_services.is_untitled_translation(translation)
    assert str(translation)  # named in the admin although untitled
    assert translation.slug  # an address, free in its language, until a title gives one


def test_a_new_translation_carries_the_fields_that_are_not_text(editor):
    start = timezone.now() + timezone.timedelta(days=3)
    source = source_article(
        editor,
        publication_type=make_event_type(),
        outlet_url="https://example.org/grain",
        event_start=start,
        event_time_zone="Asia/Beirut",
        event_location="Beirut",
        hero_image=image_upload("hero.png"),
        hero_image_alt="A ship",
    )
    translation = translation_services.article_add_translation(source, "fa", user=editor)
    translation = Article.objects.get(pk=translation.pk)
    assert translation.publication_type_id == source.publication_type_id
    assert translation.outlet_url == source.outlet_url
    assert translation.hero_image.name == source.hero_image.name
    assert (translation.event_start, translation.event_time_zone) == (start, "Asia/Beirut")
    assert translation.event_location == "Beirut"
    assert list(translation.authorships.values_list("expert_id", "position")) == list(
        source.authorships.values_list("expert_id", "position")
    )
    assert set(translation.topics.all()) == set(source.topics.all())
    assert set(translation.regions.all()) == set(source.regions.all())


def test_an_untitled_translation_cannot_be_published(editor):
    source = source_article(editor)
    translation = translation_services.article_add_translation(source, "ar", user=editor)
    with pytest.raises(PermissionDenied):
        services.article_publish(translation, user=editor)
    assert Article.objects.get(pk=translation.pk).status == Article.Status.DRAFT


def test_staleness_is_still_tracked_from_an_empty_start(editor):
    source = source_article(editor)
    translation = translation_services.article_add_translation(source, "ar", user=editor)
    fresh = Article.objects.select_related("translation_source").get(pk=translation.pk)
    assert not fresh.is_translation_stale
    source.summary = "A rewritten summary."
    services.article_save(source, user=editor)
    stale = Article.objects.select_related("translation_source").get(pk=translation.pk)
    assert stale.is_translation_stale


def page_of(client, article):
    return parse(client.get(change_url(article)).content.decode())


def test_the_change_page_shows_the_source_beside_each_field(client, editor):
    source = source_article(editor, **TEXTS)
    translation = translation_services.article_add_translation(source, "ar", user=editor)
    client.force_login(editor)
    page = page_of(client, translation)
    for name in translation_services.TRANSLATED_FIELDS:
        row = page.find(cls=f"field-{name}")
        pair = row.find(cls="translating-pair")
        assert pair is not None, name
        text = pair.find(cls="translating-source__text")
        assert (text.get("lang"), text.get("dir")) == ("en", "ltr")
        field = pair.find(id=f"id_{name}")
        assert field.get("dir") == "rtl" or name in ("body", "footer_note", "hero_image_credit")
    assert page.find(cls="field-title").find(cls="translating-source__text").text == (
        "Grain Corridors"
    )
    body = page.find(cls="field-body").find(cls="translating-source__text")
    assert body.find("p").text == "The body of the source."  # rendered, not its source
    assert page.find(id="id_title").get("value", "") == ""
    assert page.find(id="id_slug").get("value", "") == ""  # the title typed makes it
    assert page.find(id="translating-heading") is not None


def test_an_arabic_source_is_shown_right_to_left_beside_an_english_translation(client, editor):
    source = source_article(editor, language="ar", title="ممرات الحبوب", slug="mamarrat")
    translation = translation_services.article_add_translation(source, "en", user=editor)
    client.force_login(editor)
    page = page_of(client, translation)
    text = page.find(cls="field-title").find(cls="translating-source__text")
    assert (text.get("lang"), text.get("dir"), text.text) == ("ar", "rtl", "ممرات الحبوب")


def test_an_article_that_is_no_translation_has_no_source_beside_it(client, editor):
    article = source_article(editor)
    client.force_login(editor)
    page = page_of(client, article)
    assert page.find_all(cls="translating-pair") == []
    assert page.find_all(id="translating-heading") == []


@settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    title=st.text(
        st.characters(exclude_categories=("Cc", "Cs"), exclude_characters="\r"),
        min_size=1,
        max_size=60,
    ).filter(str.strip)
)
def test_the_source_text_is_escaped(client, editor, title):
    title = title.replace("\x00", "") or "x"
    source = source_article(editor, title=f"<script>{title}</script>", slug="")
    translation = translation_services.article_add_translation(source, "ar", user=editor)
    client.force_login(editor)
    page = page_of(client, translation)
    shown = page.find(cls="field-title").find(cls="translating-source__text")
    assert shown.find_all("script") == []
    assert shown.text == " ".join(f"<script>{title}</script>".split())
    Article.objects.filter(pk__in=[source.pk, translation.pk]).delete()


def test_the_translator_saves_the_first_text_and_the_title_makes_the_slug(client, editor):
    source = source_article(editor, **TEXTS)
    translation = Article.objects.get(
        pk=translation_services.article_add_translation(source, "ar", user=editor).pk
    )
    client.force_login(editor)
    empty = form_data(translation, slug="")
    assert client.post(change_url(translation), empty).status_code == 200  # title required
    typed = form_data(translation, slug="", title="ممرات الحبوب", summary="كيف تخرج الحبوب.")
    assert client.post(change_url(translation), typed).status_code == 302
    saved = Article.objects.get(pk=translation.pk)
    assert saved.title == "ممرات الحبوب"
    assert saved.slug != source.slug and saved.slug.isascii()


def test_figures_texts_still_to_translate_are_listed_with_their_library_page(client, editor):
    done = make_image("Done", caption="A caption", translations={"ar": {"alt_text": "نص"}})
    half = make_image("Half", credit="Photo: Reuters", translations={"ar": {"alt_text": "نص"}})
    todo = make_image("Todo", renditions=False)
    source = source_article(editor, body=figure(done) + figure(half) + figure(todo))
    translation = translation_services.article_add_translation(source, "ar", user=editor)
    missing = figure_texts_to_translate([source.body, translation.body], "ar")
    assert [(image.title, [f.name for f in fields]) for image, fields in missing] == [
        ("Done", ["caption"]),
        ("Half", ["credit"]),
        ("Todo", ["alt_text"]),
    ]
    assert figure_texts_to_translate([source.body], "en") == []
    client.force_login(editor)
    listed = page_of(client, translation).find(cls="translating__figures")
    links = [link.get("href") for link in listed.find_all("a")]
    assert links == [f"/admin/library/image/{image.pk}/change/" for image in (done, half, todo)]


def test_the_figures_list_takes_one_query_however_many_figures(editor, django_assert_num_queries):
    images = [make_image(renditions=False) for _ in range(5)]
    bodies = ["".join(figure(image) for image in images)]
    with django_assert_num_queries(1):
        assert len(figure_texts_to_translate(bodies, "ar")) == 5


def test_an_untitled_translation_is_named_in_the_list_and_the_set(client, editor):
    source = source_article(editor)
    translation = translation_services.article_add_translation(source, "ar", user=editor)
    client.force_login(editor)
    listing = parse(client.get("/admin/articles/article/").content.decode())
    link = listing.find("a", href=change_url(translation))
    assert link.text == str(translation) and link.text.strip()
    versions = page_of(client, source).find(id="translation-set")
    assert versions.find("a", href=change_url(translation)).text == str(translation)
