"""Internal links of article bodies (`<a data-link="article:42">`, thinktank/links.py):
what each kind resolves to, the current address of the public ones (all of a body's
targets in one query), and this site's own addresses pasted into a body turned into
references. See docs/internal-links.md."""

from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db.models import CharField, F, Value
from django.http.request import validate_host
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import get_language_from_path

from articles.models import Article, ArticleLink, ArticleRedirect, Region, TaxonomyRedirect, Topic
from articles.models.publishing import published_condition
from experts.models import Expert
from thinktank.links import Reference, links_in, references_in, register_kind, render_links

ARTICLE, EXPERT, TOPIC, REGION = (kind.value for kind in ArticleLink.Kind)
KINDS = (ARTICLE, EXPERT, TOPIC, REGION)
MODELS = {ARTICLE: Article, EXPERT: Expert, TOPIC: Topic, REGION: Region}
KIND_OF = {model: kind for kind, model in MODELS.items()}
# The class of an unpublished target's text in a preview (a <mark>, so it shows
# without any style sheet).
UNPUBLISHED_CLASS = "unpublished-link"


def register():
    """Let bodies store links to the four kinds (articles.apps)."""
    register_kind(*KINDS)


def public_targets():
    """{kind: queryset} of what readers may open: published articles dated now or
    earlier, experts with a profile page, every topic and region."""
    return {
        ARTICLE: Article.objects.filter(published_condition()),
        EXPERT: Expert.objects.with_profile(),
        TOPIC: Topic.objects.all(),
        REGION: Region.objects.all(),
    }


def _addresses_row(kind, queryset, ids, *, language_field=None):
    text = CharField()
    return (
        queryset.filter(pk__in=ids)
        .order_by()
        .annotate(
            link_kind=Value(kind, output_field=text),
            link_id=F("pk"),
            link_slug=F("slug"),
            link_language=F(language_field) if language_field else Value("", output_field=text),
        )
        .values_list("link_kind", "link_id", "link_slug", "link_language")
    )


def target_addresses(references, language):
    """{Reference: current address} of those of `references` readers may open, in one
    query whatever the kinds (none without references). An article's address is in its
    own language; an expert's, topic's or region's in `language` (the linking page's)."""
    ids = {}
    for reference in dict.fromkeys(references):
        if reference.kind in KINDS:
            ids.setdefault(reference.kind, []).append(reference.id)
    if not ids:
        return {}
    targets = public_targets()
    queries = [
        _addresses_row(
            kind,
            targets[kind],
            sorted(kind_ids),
            language_field="language" if kind == ARTICLE else None,
        )
        for kind, kind_ids in ids.items()
    ]
    rows = queries[0].union(*queries[1:], all=True) if len(queries) > 1 else queries[0]
    addresses = {}
    for kind, pk, slug, own_language in rows:
        with translation.override(own_language or language):
            addresses[Reference(kind, pk)] = _address(kind, slug)
    return addresses


def _address(kind, slug):
    if kind == EXPERT:
        return reverse("experts:detail", kwargs={"slug": slug})
    return reverse("articles:article-topic-or-region", kwargs={"slug": slug})


def body_links(article):
    """{Reference: address} of the public targets of `article`'s body: one query (none
    when the body has no internal link)."""
    return target_addresses(references_in(article.body), article.language)


def with_addresses(html, addresses, *, preview=False):
    """`html` with each internal link pointing to its target's current address
    (`addresses`, from body_links); a link to what readers may not open is its text
    alone, or in a preview its text marked (a <mark>, titled to say why)."""
    if preview:
        title = escape(
            translation.gettext(
                "Linked to work that is not public: readers see this text without a link."
            )
        )
        return render_links(
            html,
            addresses.get,
            unlinked=lambda content: (
                f'<mark class="{UNPUBLISHED_CLASS}" title="{title}">{content}</mark>'
            ),
        )
    return render_links(html, addresses.get)


# --- this site's own addresses, pasted into a body ------------------------------------


@dataclass(frozen=True)
class _Path:
    view_name: str
    slug: str
    language: str


def own_hosts():
    """The host names this site answers at (ALLOWED_HOSTS, without a wildcard)."""
    return [host for host in settings.ALLOWED_HOSTS if host != "*"]


def _own_path(href):
    """The view, slug and language of `href` when it is this site's page of an
    article, expert, topic or region with nothing after it (no query, no fragment)."""
    try:
        url = urlsplit(href.strip())
        host = url.hostname or ""
    except ValueError:  # not an address at all ("http://[")
        return None
    if url.scheme not in ("", "http", "https") or url.query or url.fragment:
        return None
    if url.netloc:
        if not host or not validate_host(host, own_hosts()):
            return None
    elif not url.path.startswith("/") or url.scheme:
        return None
    path = unquote(url.path)
    language = get_language_from_path(path) or settings.LANGUAGE_CODE
    try:
        with translation.override(language):  # only its language's prefix resolves
            match = resolve(path)
    except Resolver404:
        return None
    if match.view_name not in ("articles:article-topic-or-region", "experts:detail"):
        return None
    return _Path(match.view_name, match.kwargs["slug"], language)


def reference_for_address(href):
    """The Reference of what `href` shows on this site (an article in any status, at its
    address or a former one; an expert; a topic or a region, at its address or a former
    one), else None. A few queries: for one pasted address, on save."""
    path = _own_path(href)
    if path is None:
        return None
    if path.view_name == "experts:detail":
        pk = Expert.objects.filter(slug=path.slug).values_list("pk", flat=True).first()
        return Reference(EXPERT, pk) if pk else None
    article = (
        Article.objects.filter(language=path.language, slug=path.slug)
        .values_list("pk", flat=True)
        .first()
    ) or (
        ArticleRedirect.objects.filter(language=path.language, old_slug=path.slug)
        .values_list("article_id", flat=True)
        .first()
    )
    if article:
        return Reference(ARTICLE, article)
    for kind, model in ((TOPIC, Topic), (REGION, Region)):
        pk = model.objects.filter(slug=path.slug).values_list("pk", flat=True).first()
        if pk:
            return Reference(kind, pk)
    moved = TaxonomyRedirect.objects.filter(old_slug=path.slug).values("topic", "region").first()
    if moved:
        return (
            Reference(TOPIC, moved["topic"])
            if moved["topic"]
            else Reference(REGION, moved["region"])
        )
    return None


def with_references(html):
    """`html` with each ordinary link to this site's page of an article, expert, topic or
    region made an internal link (`<a data-link="…">`, its href dropped), so that it
    follows the target's slug; other links are left as they are."""
    pieces, at = [], 0
    for link in links_in(html or ""):
        if link.reference is not None or not link.attrs.get("href"):
            continue
        reference = reference_for_address(link.attrs["href"])
        if reference is None:
            continue
        kept = "".join(
            f' {name}="{escape(link.attrs[name])}"'
            for name in ("title", "hreflang", "lang", "dir")
            if name in link.attrs
        )
        pieces += [html[at : link.start], f'<a data-link="{reference}"{kept}>']
        at = link.open_end
    if not pieces:
        return html
    return "".join(pieces) + html[at:]
