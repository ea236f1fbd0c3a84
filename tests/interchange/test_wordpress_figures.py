"""Images of a body found as attachments: by their wp-image-N class, else by their
file (a resized, scaled, edited or multisite copy), and made library figures."""

import pytest

from interchange.wordpress.figures import ImageIndex, figures_from_images
from thinktank.html_tree import parse, serialize

UPLOADS = "https://example.org/wp-content/uploads/"


@pytest.fixture
def images():
    index = ImageIndex()
    index.add("45", "2019/03/rig.jpg", "10")
    index.add("46", "2019/03/ميناء.png", "0")
    return index


@pytest.mark.parametrize(
    "src",
    [
        f"{UPLOADS}2019/03/rig.jpg",
        f"{UPLOADS}2019/03/rig-1024x768.jpg",
        f"{UPLOADS}2019/03/rig-scaled.jpg",
        f"{UPLOADS}2019/03/rig-e1552000000000-300x200.jpg",
        "https://example.org/wp-content/uploads/sites/3/2019/03/rig.jpg",
        "https://example.org/files/2019/03/rig.jpg",
        "/wp-content/uploads/2019/03/rig.jpg?ver=2",
    ],
)
def test_an_image_is_found_by_its_file(images, src):
    assert images.resolve({"src": src}) == "45"


def test_the_class_names_the_attachment_and_an_encoded_file_is_found(images):
    assert images.resolve({"class": "alignnone wp-image-46 size-full", "src": "x"}) == "46"
    assert images.resolve({"src": f"{UPLOADS}2019/03/%D9%85%D9%8A%D9%86%D8%A7%D8%A1.png"}) == "46"
    assert images.resolve({"class": "wp-image-99", "src": "https://cdn.example/a.jpg"}) is None


def convert(markup, images):
    problems = []
    root = parse(markup)
    figures_from_images(root, images, problems)
    return serialize(root), problems


def test_a_linked_image_in_a_paragraph_is_lifted_out(images):
    html, problems = convert(
        f'<p>Before <a href="{UPLOADS}2019/03/rig.jpg"><img class="alignright wp-image-45" '
        'src="x"></a> after</p>',
        images,
    )
    assert html == '<p>Before</p><figure data-image="45" data-size="inline"></figure><p>after</p>'
    assert problems == []


def test_an_image_alone_leaves_no_empty_paragraph(images):
    html, _ = convert(f'<p><img src="{UPLOADS}2019/03/rig-300x200.jpg"><br></p>', images)
    assert html == '<figure data-image="45" data-size="full"></figure>'


def test_a_block_editor_gallery_becomes_its_figures(images):
    html, _ = convert(
        '<figure class="wp-block-gallery"><figure class="wp-block-image">'
        '<img class="wp-image-45" src="a"></figure><figure class="wp-block-image">'
        '<img class="wp-image-46" src="b"><figcaption>Port</figcaption></figure></figure>',
        images,
    )
    assert html == (
        '<figure data-image="45" data-size="full"></figure>'
        '<figure data-image="46" data-size="full"><figcaption>Port</figcaption></figure>'
    )


def test_images_outside_the_export_are_kept_and_uploads_reported(images):
    markup = f'<p><img src="https://cdn.example/a.jpg"><img src="{UPLOADS}2020/01/gone.jpg"></p>'
    html, problems = convert(markup, images)
    assert html == markup
    assert problems == [f"the image {UPLOADS}2020/01/gone.jpg is not in the export: kept as it was"]
