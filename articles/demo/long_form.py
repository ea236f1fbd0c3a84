"""
Loading the demo's policy note (articles/demo/policy_note.py): its charts as library
images, its English and Arabic versions with the figures' ids filled in, and its full
report as a PDF document both versions link to. Idempotent like the rest of the demo.
"""

from articles.demo import policy_note, policy_note_ar, report
from articles.demo.charts import DRAWINGS
from articles.demo.services import ensure_document, ensure_image, sync
from articles.models import Document
from articles.services import record_body_images
from library.models import Image

FOLDER = "library/demo"


def load_chart(key, tally):
    """The library image of the chart `key`, drawn once under a fixed name."""
    title, kind, alt_text, caption, credit = policy_note.FIGURES[key]
    arabic_alt, arabic_caption = policy_note_ar.FIGURES[key]
    lookup = {"title": title}
    file = ensure_image(Image, "file", lookup, f"{FOLDER}/{key}.png", DRAWINGS[kind], tally)
    return sync(
        Image,
        lookup,
        tally,
        file=file,
        alt_text=alt_text,
        caption=caption,
        credit=credit,
        translations={"ar": {"alt_text": arabic_alt, "caption": arabic_caption}},
    )


def filled(body, images, documents):
    """`body` with `{figure:key}` as the image's figure and `{document:key}` as the
    document's address (empty until the document exists)."""
    for key, image in images.items():
        figure = f'<figure data-image="{image.pk}" data-size="{figure_size(key)}"></figure>'
        body = body.replace(f"{{figure:{key}}}", figure)
    for key in policy_note.DOCUMENTS:
        document = documents.get(key)
        body = body.replace(f"{{document:{key}}}", document.stable_url() if document else "")
    return body


def figure_size(key):
    """The bar chart sits beside the text; the line chart and the map take the column."""
    return "inline" if policy_note.FIGURES[key][1] == "bars" else "full"


def rows(images, documents):
    """The English and Arabic versions, in the shape of the demo's other articles."""
    common = {
        "type": policy_note.PUBLICATION_TYPE,
        "published_at": policy_note.PUBLISHED_AT,
        "authors": policy_note.AUTHORS,
        "topics": policy_note.TOPICS,
        "regions": policy_note.REGIONS,
    }
    english = {
        **common,
        "slug": policy_note.SLUG,
        "title": policy_note.TITLE,
        "summary": policy_note.SUMMARY,
        "body": filled(policy_note.BODY, images, documents.get("en", {})),
    }
    arabic = {
        **common,
        "language": "ar",
        "translation_of": policy_note.SLUG,
        "slug": policy_note_ar.SLUG,
        "title": policy_note_ar.TITLE,
        "summary": policy_note_ar.SUMMARY,
        "body": filled(policy_note_ar.BODY, images, documents.get("ar", {})),
    }
    return {"en": english, "ar": arabic}


def stored_documents():
    """The policy note's documents already stored: {language: {key: Document}}."""
    slugs = {"en": policy_note.SLUG, "ar": policy_note_ar.SLUG}
    found = {}
    for language, slug in slugs.items():
        documents = Document.objects.filter(
            article__language=language, article__slug=slug, title=report.TITLES[language]
        )
        if document := documents.first():
            found[language] = dict.fromkeys(policy_note.DOCUMENTS, document)
    return found


def load_policy_note(loader):
    """Load the policy note through `loader` (a DemoLoader that has loaded the people,
    types, topics and regions); returns its versions by language."""
    images = {key: load_chart(key, loader.tally) for key in policy_note.FIGURES}
    for image in images.values():
        loader.ensure_renditions(image.file)
    # The bodies name the documents' addresses: those already stored on a second load.
    versions = {
        language: loader.load_article(row)
        for language, row in rows(images, stored_documents()).items()
    }
    documents = {}
    for language, article in versions.items():
        documents[language] = {
            key: ensure_document(
                article,
                report.TITLES[language],
                language=document_language,
                render=report.full_report,
                tally=loader.tally,
            )
            for key, document_language in policy_note.DOCUMENTS.items()
        }
    for language, row in rows(images, documents).items():  # now with the report's address
        versions[language] = loader.load_article(row)
        record_body_images(versions[language])
    return versions
