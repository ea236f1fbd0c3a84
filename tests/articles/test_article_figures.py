"""
An article's figures on its page: library images rendered with their renditions, in
the article's language (English and Arabic), lazy below the top, captions and credits,
nothing where the image is gone; the body's images recorded by the services.
"""

import pytest

from articles import services
from articles.body import rendered_body
from articles.models import Article
from library.figures import EAGER_WITHIN
from library.models import Image
from tests.helpers.factories import make_article
from tests.helpers.htmlpage import get_page, parse
from tests.helpers.library import body_with_figures, figure, make_image

pytestmark = pytest.mark.django_db


def figures_of(page):
    return page.find(cls="prose").find_all("figure")


def test_a_figure_renders_its_image_with_renditions_caption_and_credit(client):
    image = make_image("Exports", size=(1400, 700), credit="Chart: Thinktank", caption="Exports.")
    article = make_article(body=f"<p>Intro.</p>{figure(image, 'full', 'Oil <em>exports</em>')}")
    (shown,) = figures_of(get_page(client, article.get_absolute_url()))
    assert shown.classes == ["figure", "figure--full"]
    link = shown.find("a")
    assert link.get("href") == image.file.url  # the full-size image
    source, img = shown.find("source"), shown.find("img")
    assert source.get("type") == "image/webp"
    assert [c.split()[1] for c in source.get("srcset").split(", ")] == [
        "160w",
        "320w",
        "640w",
        "1280w",
    ]
    assert img.get("sizes") == source.get("sizes")
    assert (img.get("width"), img.get("height")) == ("1400", "700")
    assert img.get("alt") == image.alt_text
    assert img.get("loading") is None  # the first figure, at the top: not lazy
    caption = shown.find("figcaption")
    assert caption.text == "Oil exports Chart: Thinktank"  # the body's caption wins
    assert caption.find("em").text == "exports"
    assert caption.find(cls="figure__credit").text == "Chart: Thinktank"


def test_the_library_caption_shows_without_the_body_s_own():
    image = make_image(caption="Exports by year.")
    article = make_article(body=figure(image, "inline") + figure(image, "full", " "))
    html = str(rendered_body(article))
    page = parse(html)
    first, second = page.find_all("figure")
    assert "figure--inline" in first.classes
    assert first.find("figcaption").text == "Exports by year."
    assert second.find("figcaption").text == "Exports by year."


def test_figures_below_the_top_load_lazily():
    images = [make_image(renditions=False) for _ in range(3)]
    near = make_article(body=body_with_figures(images, words=10))
    lazy = [img.get("loading") for img in parse(str(rendered_body(near))).find_all("img")]
    assert lazy == [None, "lazy", "lazy"]
    far = make_article(body=body_with_figures(images, words=EAGER_WITHIN // 4))
    lazy = [img.get("loading") for img in parse(str(rendered_body(far))).find_all("img")]
    assert lazy == ["lazy", "lazy", "lazy"]


def test_an_arabic_article_shows_arabic_alt_and_caption_and_marks_a_fallback(client):
    translated = make_image(
        alt_text="Map",
        caption="The Gulf.",
        translations={"ar": {"alt_text": "خريطة", "caption": "الخليج."}},
    )
    untranslated = make_image(alt_text="Chart of exports", caption="Exports.")
    article = make_article(
        "تقرير", slug="report-ar", language="ar", body=figure(translated) + figure(untranslated)
    )
    page = get_page(client, article.get_absolute_url())
    assert (page.find("html").get("lang"), page.find("html").get("dir")) == ("ar", "rtl")
    first, second = figures_of(page)
    assert first.find("img").get("alt") == "خريطة"
    assert first.find("img").get("lang") is None
    assert first.find("figcaption").text == "الخليج."
    # No Arabic text: the English one, marked as English so it is read as such.
    img = second.find("img")
    assert (img.get("alt"), img.get("lang"), img.get("dir")) == ("Chart of exports", "en", "ltr")
    span = second.find("figcaption").find("span")
    assert (span.text, span.get("lang"), span.get("dir")) == ("Exports.", "en", "ltr")


def test_a_figure_whose_image_is_gone_or_unreadable_renders_nothing(client):
    kept = make_image()
    no_file = make_image(renditions=False)
    Image.objects.filter(pk=no_file.pk).update(file="", width=None, height=None)
    body = "<p>Before.</p>" + figure(kept) + figure(999999, caption="Lost") + figure(no_file)
    article = make_article(body=body + "<p>After.</p>")
    page = get_page(client, article.get_absolute_url())
    assert len(figures_of(page)) == 1
    assert "Lost" not in page.find(cls="prose").text
    assert page.find(cls="prose").text == "Before.After."
    assert not [img for img in page.find(cls="prose").find_all("img") if not img.get("src")]


def test_the_preview_renders_figures_too(admin_client):
    image = make_image()
    article = make_article(published=False, body=figure(image))
    response = admin_client.get(f"/preview/articles/{article.pk}")
    assert response.status_code == 200
    assert len(parse(response).find(cls="prose").find_all("figure", cls="figure")) == 1


def test_the_services_record_the_images_a_body_shows(editor):
    first, second = make_image(), make_image()
    article = make_article(published=False, body=figure(first) + figure(999999))
    services.article_save(article, user=editor)
    assert list(article.images.all()) == [first]
    article.body = figure(second) + figure(first) + figure(second)
    services.article_save(article, user=editor)
    assert set(article.images.all()) == {first, second}
    article.body = "<p>No figure.</p>"
    services.article_save(article, user=editor)
    assert not article.images.exists()


def test_a_restored_revision_records_its_images(editor):
    image = make_image()
    article = make_article(published=False, body=figure(image))
    services.article_save(article, user=editor)
    revision = services.article_record_revision(article, user=editor)
    article.body = "<p>Gone.</p>"
    services.article_save(article, user=editor)
    assert not article.images.exists()
    services.article_restore(Article.objects.get(pk=article.pk), revision, user=editor)
    assert list(article.images.all()) == [image]


def test_notes_around_figures_are_numbered_and_a_caption_holds_none(client):
    """Figures render, then notes are numbered (Arabic digits); a note in a figure's
    caption is kept as text (docs/notes.md: no note in a caption)."""
    image = make_image()
    body = (
        '<p>Before<span data-note="">first</span>.</p>'
        + figure(image, caption='Chart<span data-note="">in the caption</span>')
        + '<p>After<span data-note="">second</span>.</p>'
    )
    article = make_article("أشكال وملاحظات", slug="figures-notes", language="ar", body=body)
    rendered = rendered_body(article)
    assert [str(note.html) for note in rendered.notes] == ["first", "second"]
    page = get_page(client, article.get_absolute_url())
    (shown,) = figures_of(page)
    assert shown.find("figcaption").text.startswith("Chart in the caption")
    assert len(page.find("section", cls="notes").find("ol").find_all("li")) == 2
