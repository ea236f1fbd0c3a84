"""
An article's revisions: what its snapshot holds (thinktank.revisions does the rest).

A snapshot is every editable field of the article plus its ordered authors and
recommendations, its topics, regions and tags, so a restore brings all of them back.
"""

from django.utils.translation import gettext_lazy as _

from articles.models import Article
from thinktank.revisions import ManyToMany, OrderedLinks, RevisionSchema, Tags

SCHEMA = RevisionSchema(
    Article,
    [
        OrderedLinks("authors", _("authors"), accessor="authorships", target="expert"),
        ManyToMany("topics", _("topics")),
        ManyToMany("regions", _("regions and countries")),
        OrderedLinks(
            "recommendations",
            _("recommendations"),
            accessor="recommendations",
            target="recommended_article",
            exclude_self=True,
        ),
        Tags("tags", _("tags")),
    ],
    text_fields=Article.TEXT_FIELDS,
)

snapshot = SCHEMA.snapshot
apply = SCHEMA.apply
compare = SCHEMA.compare
