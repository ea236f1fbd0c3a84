"""Bodies with internal links (`<a data-link="kind:id">`, docs/internal-links.md)."""

from articles.models import Article, Region, Topic
from experts.models import Expert

KIND_OF = {Article: "article", Expert: "expert", Topic: "topic", Region: "region"}


def reference(target):
    """The stored reference of `target` (an article, expert, topic or region)."""
    return f"{KIND_OF[type(target)]}:{target.pk}"


def link(target, text=None):
    """An internal link to `target`, as the link tool stores it."""
    return f'<a data-link="{reference(target)}">{text or f"link to {target}"}</a>'


def body_linking(*targets):
    """A body of one paragraph per target, each holding a link to it."""
    return "".join(f"<p>See {link(target)} here.</p>" for target in targets)
