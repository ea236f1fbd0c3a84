"""The article change form of the admin, as a browser would post it."""


def form_data(article, **changes):
    data = {
        "title": article.title,
        "slug": article.slug,
        "publication_type": article.publication_type_id,
        "language": article.language,
        "translation_set": article.translation_set_id,
        "status": article.status,
        "published_at_0": "",
        "published_at_1": "",
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
    }
    if article.published_at:
        data["published_at_0"] = article.published_at.strftime("%Y-%m-%d")
        data["published_at_1"] = article.published_at.strftime("%H:%M:%S")
    data.update(changes)
    return data


def change_url(article):
    return f"/admin/articles/article/{article.pk}/change/"


def history_url(article):
    return f"/admin/articles/article/{article.pk}/revisions/"


def revision_url(article, revision):
    return f"{history_url(article)}{revision.pk}/"
