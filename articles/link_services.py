"""The record of an article body's internal links (ArticleLink), kept in step with the
body by the services that write it (articles.services). See docs/internal-links.md."""

from django.db.models import Q

from articles import links
from articles.models import ArticleLink


def body_link_targets(html):
    """{(kind, target id)} of the internal links of body `html`."""
    return {
        (reference.kind, reference.id)
        for reference in links.references_in(html)
        if reference.kind in links.KINDS
    }


def record_body_links(article):
    """Keep `article.body_links` the targets its body's internal links name (existing or
    not: a link to a deleted piece is a broken link to report). Called by the services
    that write a body, inside their transaction. See docs/internal-links.md."""
    wanted = body_link_targets(article.body)
    recorded = set(article.body_links.values_list("kind", "target_id"))
    if wanted == recorded:
        return
    removed = Q()
    for kind, target_id in recorded - wanted:
        removed |= Q(kind=kind, target_id=target_id)
    if removed:
        article.body_links.filter(removed).delete()
    ArticleLink.objects.bulk_create(
        (
            ArticleLink(article=article, kind=kind, target_id=target_id)
            for kind, target_id in sorted(wanted - recorded)
        ),
        ignore_conflicts=True,  # a concurrent save recorded it too
    )
