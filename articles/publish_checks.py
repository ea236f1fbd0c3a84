"""Checks before publish: what an article should have before readers see it (alt text
on every figure and on the hero image in the article's language, a summary, a topic, no
internal link to what readers cannot open).
A failing check does not forbid publishing; the editor confirms ("publish anyway").

Each check is a function of a `Candidate` (the article as it would be published)
returning the problems it finds, [] when none; `CHECKS` lists them in the order shown.
Another check is one more function added to `CHECKS`. See docs/editorial-workflow.md."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from articles.link_selectors import draft_links
from library.figures import figures_of
from library.selectors import images_by_id


@dataclass
class Candidate:
    """The article to check, as it would be published: `article` holds its fields (the
    form's, not yet saved, or the stored ones), `topic_ids` its topics."""

    article: object
    topic_ids: list = field(default_factory=list)

    @classmethod
    def stored(cls, article):
        """The candidate of a stored (or new, unsaved) article."""
        return cls(article, list(article.topics.values_list("pk", flat=True)) if article.pk else [])


@dataclass(frozen=True)
class Problem:
    """One failing check: a code for machines, a message for the editor."""

    code: str
    message: str


def figures_have_alt_text(candidate):
    """Every library figure of the body has alt text in the article's language."""
    article = candidate.article
    images = images_by_id(figure.image_id for figure in figures_of(article.body))
    language = article.language
    missing = [image for image in images.values() if not image.own_text("alt_text", language)]
    if not missing:
        return []
    names = ", ".join(sorted(image.title or str(image.pk) for image in missing))
    return [
        Problem(
            "figure-alt-text",
            _("A figure of the body has no alt text in this article's language: %(images)s.")
            % {"images": names},
        )
    ]


def hero_image_has_alt_text(candidate):
    article = candidate.article
    if article.hero_image and not article.hero_image_alt.strip():
        return [Problem("hero-alt-text", _("The hero image has no alt text."))]
    return []


def has_summary(candidate):
    if not candidate.article.summary.strip():
        return [Problem("summary", _("The article has no summary."))]
    return []


def has_topic(candidate):
    if not candidate.topic_ids:
        return [Problem("topic", _("The article has no topic."))]
    return []


def links_to_public_work(candidate):
    """Every internal link of the body leads to what readers may open now (a link to a
    draft would show as its text alone: docs/internal-links.md)."""
    found = draft_links(candidate.article)
    if not found:
        return []
    links = ", ".join(f"{link.title or link.reference} ({link.reason})" for link in found)
    return [
        Problem(
            "draft-links",
            _("The body links to what readers cannot open: %(links)s.") % {"links": links},
        )
    ]


CHECKS = [
    figures_have_alt_text,
    hero_image_has_alt_text,
    has_summary,
    has_topic,
    links_to_public_work,
]


def problems(candidate):
    """Every problem the checks find in `candidate`, in the order of CHECKS."""
    return [problem for check in CHECKS for problem in check(candidate)]
