"""What the "link to an existing translation" chooser offers. See docs/admin-choosers.md."""

from articles.models import Article

CANDIDATES_SHOWN = 20


def translation_candidates(article, *, term="", limit=CANDIDATES_SHOWN):
    """Articles that could join `article`'s translation set: in a language the set lacks,
    titles containing `term`, the latest changed first, with their publication type."""
    taken = Article.objects.filter(translation_set_id=article.translation_set_id).values("language")
    candidates = (
        Article.objects.exclude(language__in=taken)
        .select_related("publication_type")
        .order_by("-updated_at", "-pk")
    )
    if term.strip():
        candidates = candidates.filter(title__icontains=term.strip())
    return candidates[:limit]
