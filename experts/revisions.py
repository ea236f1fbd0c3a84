"""What a snapshot of an expert's profile holds: its fields, topics, regions and ordered
links. See docs/revisions.md."""

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
