"""
The live preview beside the article form: the form's unsaved state, posted by
static/js/live-preview.js as the editor types, validated by the article's own form and
rendered through the public page's view and templates, in the article's language, with
what a search engine and a link preview would show of it and how long it reads. Nothing
is saved: the form and the authors' inline are validated, never saved. See
docs/live-preview.md.
"""

from django import forms
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db.models import prefetch_related_objects
from django.http import Http404, HttpResponseNotAllowed, JsonResponse
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers

from articles import page_selectors
from articles.models import Article, ArticleAuthor, TranslationSet
from articles.models.publishing import TAXONOMY_LINK_FIELDS
from articles.reading import reading_minutes, text_of, word_count
from articles.views.pages import ArticleDetailView
from articles.views.previews import staff_document_url
from thinktank.concurrency import as_stored
from thinktank.html import SanitizedHTMLField
from thinktank.link_previews import measures, page_metadata

INCLUDES = "admin/articles/article/includes"


class LivePreviewPage(ArticleDetailView):
    """The article page of a form not saved: its topics and regions as the form has them
    (`form_taxonomy`), answered to the preview's POST."""

    form_taxonomy = None

    def post(self, request, *args, **kwargs):
        return self.get(request, *args, **kwargs)

    def taxonomy(self, article):
        return self.form_taxonomy


def byline_from(formset):
    """The authors of the inline `formset` (valid) in the order they will be saved in:
    by position, then as listed; unsaved ArticleAuthor rows for the page's byline."""
    rows = [
        (form.cleaned_data.get("position") or 0, index, form.cleaned_data["expert"])
        for index, form in enumerate(formset.forms)
        if form.cleaned_data.get("expert") and not form.cleaned_data.get("DELETE")
    ]
    byline = [
        ArticleAuthor(expert=expert, position=position) for position, _i, expert in sorted(rows)
    ]
    prefetch_related_objects([authorship.expert for authorship in byline], "program")
    return byline


def ordered_links(items):
    """Topics or regions chosen in the form, as the page lists them (by name)."""
    if not items:
        return []
    return list(items.only(*TAXONOMY_LINK_FIELDS).order_by("name"))


class LivePreviewAdminMixin:
    """The "Live preview" panel of the article's add and change pages and the endpoint
    it posts the form to (`…/live-preview/`)."""

    live_preview_errors_template = f"{INCLUDES}/live_preview_errors.html"
    live_preview_quality_template = f"{INCLUDES}/live_preview_quality.html"

    @property
    def media(self):
        return super().media + forms.Media(
            js=["js/live-preview.js"], css={"all": ["css/admin-preview.css"]}
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        urls = [
            path(
                "live-preview/",
                view(self.live_preview_view),
                name="articles_article_live_preview_new",
            ),
            path(
                "<path:object_id>/live-preview/",
                view(self.live_preview_view),
                name="articles_article_live_preview",
            ),
        ]
        return urls + super().get_urls()

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        # Offered to those the endpoint answers: who may change this article, or add one.
        if obj is not None and self.has_change_permission(request, obj):
            context["live_preview_url"] = reverse(
                "admin:articles_article_live_preview", args=[obj.pk]
            )
        elif obj is None and self.has_add_permission(request):
            context["live_preview_url"] = reverse("admin:articles_article_live_preview_new")
        return super().render_change_form(request, context, add, change, form_url, obj)

    def live_preview_view(self, request, object_id=None):
        """POST the article form: JSON with the page (`page`, a whole document) and its
        search, social and length panel (`quality`), or with `errors` (status 400)
        when the form is not valid. Saves nothing."""
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        article = None
        if object_id is not None:
            # The admin's own lookup: any address, only the articles its list offers.
            stored = self.get_object(request, unquote(object_id))
            article = stored and page_selectors.article_for_preview(stored.pk)
            if article is None:
                raise Http404("No such article.")
            if not self.has_change_permission(request, article):
                raise PermissionDenied
        elif not self.has_add_permission(request):
            raise PermissionDenied
        form, formset = self.live_preview_forms(request, article)
        if not (form.is_valid() and formset.is_valid()):
            response = JsonResponse(
                {"errors": self.live_preview_errors(request, form, formset)}, status=400
            )
        else:
            response = JsonResponse(self.live_preview_page(request, form, formset))
        add_never_cache_headers(response)
        response["X-Robots-Tag"] = "noindex, nofollow"
        return response

    def live_preview_forms(self, request, article):
        """The article form and the authors' inline bound to the posted data. The form
        is checked against the version it was opened at only when it is saved: a
        preview shows the editor's text whatever was saved meanwhile."""
        data = request.POST.copy()
        if article is not None:
            data["loaded_version"] = article.version
        form_class = self.get_form(request, article, change=article is not None)
        form = form_class(data, instance=article if article is not None else Article())
        authors = next(
            inline
            for inline in self.get_inline_instances(request, article)
            if inline.model is ArticleAuthor
        )
        formset_class = authors.get_formset(request, article)
        formset = formset_class(
            data,
            instance=form.instance,
            prefix=formset_class.get_default_prefix(),
            queryset=authors.get_queryset(request),
        )
        return form, formset

    def live_preview_page(self, request, form, formset):
        article = form.instance
        # As it will be stored: rich text sanitized (the model does it when saving).
        for field in Article._meta.concrete_fields:
            if isinstance(field, SanitizedHTMLField):
                setattr(article, field.attname, as_stored(field, getattr(article, field.attname)))
        article.byline = byline_from(formset)
        if article.pk is None:  # nothing links to it yet, in no language
            article.sidebar_articles = []
        if article.translation_set_id is None:
            article.translation_set = TranslationSet()
            article.translation_set.published_versions = []
        taxonomy = {
            "topics": ordered_links(form.cleaned_data.get("topics")),
            "regions": ordered_links(form.cleaned_data.get("regions")),
        }
        with translation.override(article.language):
            response = LivePreviewPage.as_view(
                extra_context={"preview": True},
                document_url=staff_document_url,
                form_taxonomy=taxonomy,
            )(request, slug=article.slug, article=article)
            page = response.rendered_content
            body = response.context_data["body"]
        words = word_count(article.summary) + word_count(text_of(body.html))
        metadata = page_metadata(page)
        quality = render_to_string(
            self.live_preview_quality_template,
            {
                "metadata": metadata,
                "measures": measures(metadata),
                "words": words,
                "minutes": reading_minutes(words, article.language),
                "language": article.language,
                "address": request.build_absolute_uri(article.get_absolute_url()),
            },
            request=request,
        )
        return {"page": page, "quality": quality, "language": article.language}

    def live_preview_errors(self, request, form, formset):
        return render_to_string(
            self.live_preview_errors_template,
            {
                "form": form,
                "formset": formset,
                "authors": ArticleAuthor._meta.verbose_name_plural,
                "fields": [
                    (form.fields[name].label if name in form.fields else "", errors)
                    for name, errors in form.errors.items()
                    if name != forms.forms.NON_FIELD_ERRORS
                ],
            },
            request=request,
        )
