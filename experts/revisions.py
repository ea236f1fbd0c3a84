"""
An expert's profile revisions: what a snapshot holds (thinktank.revisions does the rest).

Every editable field of the expert (its translations included) plus its topics and
regions of expertise and its public links in order, each link as its kind and
address (links are rows of their own, not pointers to other objects).
"""

from experts.models import Expert
from thinktank.revisions import ManyToMany, OrderedChildren, RevisionSchema

SCHEMA = RevisionSchema(
    Expert,
    [
        ManyToMany("topics"),
        ManyToMany("regions"),
        OrderedChildren("links", accessor="links", fields=["kind", "url"]),
    ],
    text_fields={"short_bio", "bio", "translations"},
)
