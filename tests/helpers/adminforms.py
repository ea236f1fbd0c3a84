"""The article add and change forms of the admin, as a browser would post them."""

from tests.helpers.factories import make_publication_type


def form_data(article, **changes):
    """The change form of `article` as posted by its plain save button; a workflow step
    is `workflow_action=` (with `schedule_at=`, `publish_anyway=`)."""
    data = {
        "title": article.title,
        "slug": article.slug,
        "publication_type": article.publication_type_id,
        "language": article.language,
        "loaded_version": article.version,
        "summary": article.summary,
        "body": article.body,
        "footer_note": "",
        "outlet_name": "",
        "outlet_url": "",
        "hero_image_alt": "",
        "hero_image_credit": "",
        "event_time_zone": "",
        "event_location": "",
        "authorships-TOTAL_FORMS": "0",
        "authorships-INITIAL_FORMS": "0",
        "recommendations-TOTAL_FORMS": "0",
        "recommendations-INITIAL_FORMS": "0",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
    }
    data.update(changes)
    return data


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def history_url(article):
    return f"/admin/articles/article/{article.pk}/revisions/"


def revision_url(article, revision):
    return f"{history_url(article)}{revision.pk}/"


def article_form_data(**overrides):
    """The add form's fields as a browser would send them, with empty inlines, posted
    with "Publish now" (confirmed despite the checks before publish)."""
    data = {
        "title": "Written in the Admin",
        "slug": "written-in-the-admin",
        "publication_type": str(make_publication_type().pk),
        "language": "en",
        "workflow_action": "publish",
        "publish_anyway": "on",
        "summary": "A summary typed by an editor.",
        "body": "<h2>Heading</h2><p>Body <script>alert(1)</script></p>",
        "footer_note": "",
        "outlet_name": "",
        "outlet_url": "",
        "hero_image_alt": "",
        "hero_image_credit": "",
        "event_start_0": "",
        "event_start_1": "",
        "event_time_zone": "",
        "event_end_0": "",
        "event_end_1": "",
        "event_location": "",
        "authorships-TOTAL_FORMS": "0",
        "authorships-INITIAL_FORMS": "0",
        "authorships-MIN_NUM_FORMS": "0",
        "authorships-MAX_NUM_FORMS": "1000",
        "recommendations-TOTAL_FORMS": "0",
        "recommendations-INITIAL_FORMS": "0",
        "recommendations-MIN_NUM_FORMS": "0",
        "recommendations-MAX_NUM_FORMS": "1000",
        "documents-TOTAL_FORMS": "0",
        "documents-INITIAL_FORMS": "0",
        "_save": "Save",
    }
    data.update(overrides)
    return data
