"""
Figures in the PDF edition: each library image the body shows is drawn (read from the
media storage, never fetched) with its caption, in English and Arabic; an image gone
from the library leaves nothing broken.
"""

import pytest

from tests.helpers.factories import make_article
from tests.helpers.library import figure, make_image
from tests.helpers.pdf import pdf_bytes, pdf_reader, pdf_text

pytestmark = pytest.mark.usefixtures("db", "private_folder")


def images_drawn(content):
    return len(
        {
            item.idnum
            for page in pdf_reader(content).pages
            for item in page["/Resources"].get("/XObject", {}).values()
            if item.get_object()["/Subtype"] == "/Image"
        }
    )


@pytest.mark.parametrize(
    ("language", "caption"),
    [("en", "Water flow by year"), ("ar", "تدفق المياه حسب السنة")],
)
def test_figures_are_drawn_with_their_captions(client, remote_server, language, caption):
    chart, map_ = make_image("Flow chart"), make_image("Basin map", size=(600, 600))
    body = (
        f"<p>Before the figures.</p>{figure(chart, caption=caption)}"
        f"{figure(map_, size='inline', caption='Map')}"
        f'<p>After them.<img src="{remote_server.address}/pasted.png" alt=""></p>'
    )
    article = make_article("With figures", slug="with-figures", language=language, body=body)
    response = client.get(f"{article.get_absolute_url()}.pdf")
    content = pdf_bytes(response)
    assert images_drawn(content) == 2
    assert caption in pdf_text(content)
    assert remote_server.requests == []


def test_an_image_gone_from_the_library_leaves_the_rest(client):
    chart = make_image("Soon gone")
    article = make_article("Gone figure", body=f"<p>Text stays.</p>{figure(chart)}")
    chart.delete()
    content = pdf_bytes(client.get(f"{article.get_absolute_url()}.pdf"))
    assert images_drawn(content) == 0
    assert "Text stays." in pdf_text(content)
