"""Unsaved content to validate with full_clean(), and the errors full_clean() finds in it."""

import pytest
from django.core.exceptions import ValidationError

from articles.models import Article
from tests.helpers.factories import make_publication_type


def new_article(**fields):
    """An unsaved article with every required field, to validate with full_clean()."""
    defaults = {
        "title": "New Article",
        "slug": "new-article",
        "language": "en",
        "publication_type": make_publication_type(),
        "summary": "A summary.",
        "status": Article.Status.DRAFT,
    }
    return Article(**{**defaults, **fields})


def errors_of(instance):
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict
