"""
Choosers: pick an expert or an article by searching, seeing the person's photo or the
article's type and date (in the results and in the chosen rows), and one tag field that
finds existing tags and creates new ones on save. Django's autocomplete is the base
(its JSON view, its select2); static/js/choosers.js shows the details.
See docs/admin-choosers.md.
"""

from django import forms
from django.contrib import admin
from django.contrib.admin.views.autocomplete import AutocompleteJsonView
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from articles.models import Article
from experts.models import Expert
from thinktank.renditions import rendition_urls

CHOOSERS_JS = "js/choosers.js"
CHOOSERS_CSS = "css/admin-choosers.css"
CHOOSER_URL = "admin:articles_article_chooser"
# What a chosen object's details are read from, beside the object itself.
DETAIL_RELATIONS = {Article: ["publication_type"]}
NEW_TAG = "new:"  # the value the tag field sends for a tag typed, not chosen


def thumbnail_url(fieldfile):
    """The smallest rendition of an image (square where the field is shown square), or ""."""
    for candidates in rendition_urls(fieldfile).values():
        return min(candidates, key=lambda candidate: candidate[1])[0]
    return ""


def details(obj):
    """What a chooser shows beside an object's name: {"photo": url, "detail": text}."""
    if isinstance(obj, Expert):
        return {"photo": thumbnail_url(obj.photo), "detail": obj.role}
    if isinstance(obj, Article):
        when = obj.published_at or obj.created_at
        parts = [
            str(obj.publication_type),
            formats.date_format(timezone.localtime(when), "DATE_FORMAT") if when else "",
            obj.get_language_display(),
            "" if obj.status == Article.Status.PUBLISHED else obj.get_status_display(),
        ]
        return {"photo": "", "detail": " · ".join(part for part in parts if part)}
    return {"photo": "", "detail": ""}


def language_attrs(obj):
    """The `lang` of an article's title (Arabic and Persian ones are shown right to left)."""
    return {"lang": obj.language} if isinstance(obj, Article) else {}


class ChooserJsonView(AutocompleteJsonView):
    """Django's autocomplete answer (same search, same permission check), with details."""

    def get_queryset(self):
        queryset = super().get_queryset()
        related = DETAIL_RELATIONS.get(queryset.model)
        return queryset.select_related(*related) if related else queryset

    def serialize_result(self, obj, to_field_name):
        return {
            **super().serialize_result(obj, to_field_name),
            **details(obj),
            **language_attrs(obj),
        }


class ChooserMixin:
    """An autocomplete widget that asks ChooserJsonView and is set up by choosers.js."""

    kind = "object"

    def get_url(self):
        return reverse(CHOOSER_URL)

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs=extra_attrs)
        classes = attrs["class"].split()
        attrs["class"] = " ".join(
            "chooser-autocomplete" if name == "admin-autocomplete" else name for name in classes
        )
        attrs["data-chooser"] = self.kind
        return attrs

    def optgroups(self, name, value, attr=None):
        """The chosen options; a value that cannot be an id (a crafted POST shown again
        with its errors) is left out instead of failing the page."""
        target = self.field.remote_field.model._meta.pk
        valid = []
        for item in value:
            try:
                target.to_python(item)
            except ValidationError:
                continue
            valid.append(item)
        return super().optgroups(name, valid, attr)

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        obj = getattr(label, "chosen", None)
        if obj is not None:
            described = details(obj)
            option["label"] = str(obj)
            option["attrs"].update(
                {
                    "data-photo": described["photo"],
                    "data-detail": described["detail"],
                    **{f"data-{name}": value for name, value in language_attrs(obj).items()},
                }
            )
        return option

    @property
    def media(self):
        # One list, so choosers.js comes after jQuery, select2 and jquery.init.js.
        autocomplete = super().media
        return forms.Media(
            js=[*autocomplete._js, CHOOSERS_JS],
            css={**autocomplete._css, "all": [CHOOSERS_CSS]},
        )


class ChosenLabel(str):
    """An option's label that still knows its object (for its details)."""

    chosen = None


class DetailedChoiceField(forms.ModelChoiceField):
    """A model choice whose labels carry their object, read with its detail relations."""

    def __init__(self, queryset, **kwargs):
        related = DETAIL_RELATIONS.get(queryset.model)
        super().__init__(queryset.select_related(*related) if related else queryset, **kwargs)

    def label_from_instance(self, obj):
        label = ChosenLabel(super().label_from_instance(obj))
        label.chosen = obj
        return label


class ChooserSelect(ChooserMixin, AutocompleteSelect):
    """Choose one expert or article by searching (its photo, or type and date, shown)."""


class ChooserFieldsMixin:
    """An admin or inline whose autocomplete fields are choosers with details."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = ChooserSelect(db_field, self.admin_site)
            kwargs.setdefault("form_class", DetailedChoiceField)
            kwargs.setdefault("queryset", self.get_field_queryset(None, db_field, request))
            if kwargs["queryset"] is None:
                kwargs["queryset"] = db_field.remote_field.model._default_manager.all()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# --- the tag field ------------------------------------------------------------------------


class TagChooser(ChooserMixin, AutocompleteSelectMultiple):
    """Existing tags found by searching; a name typed and ended with Enter or a comma is
    sent as a new tag (NEW_TAG + name), made when the article is saved."""

    kind = "tags"

    def build_attrs(self, base_attrs, extra_attrs=None):
        attrs = super().build_attrs(base_attrs, extra_attrs=extra_attrs)
        attrs["data-new-prefix"] = NEW_TAG
        attrs["data-new-label"] = _("new tag")
        return attrs

    def optgroups(self, name, value, attr=None):
        ids = [item for item in value if not str(item).startswith(NEW_TAG)]
        groups = super().optgroups(name, ids, attr)
        options = groups[0][1]
        for typed in value:
            if str(typed).startswith(NEW_TAG):
                option = self.create_option(
                    name, typed, typed[len(NEW_TAG) :], True, len(options), attrs=None
                )
                option["attrs"]["data-new"] = "true"
                options.append(option)
        return groups


class TagChooserField(forms.ModelMultipleChoiceField):
    """Tags: existing ones by id, new ones by name (NEW_TAG + name). Cleans to a list of
    Tag objects and new names, as taggit's `set()` takes them."""

    default_error_messages = {
        **forms.ModelMultipleChoiceField.default_error_messages,
        "too_long": _("A tag has at most %(limit)d characters."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", TagChooser(Article._meta.get_field("tags"), admin.site))
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Tags"))
        kwargs.setdefault(
            "help_text",
            _("Search the tags; type a new one and press Enter or a comma to add it."),
        )
        super().__init__(Tag.objects.order_by("name"), **kwargs)

    def label_from_instance(self, obj):
        return obj.name

    def clean(self, value):
        values = [str(item).strip() for item in (value or []) if str(item).strip()]
        typed = [item[len(NEW_TAG) :].strip() for item in values if item.startswith(NEW_TAG)]
        limit = Tag._meta.get_field("name").max_length
        if any(len(name) > limit for name in typed):
            raise forms.ValidationError(
                self.error_messages["too_long"], code="too_long", params={"limit": limit}
            )
        chosen = [item for item in values if not item.startswith(NEW_TAG)]
        tags = list(super().clean(chosen)) if chosen else []
        known = {tag.name for tag in tags}
        new = []
        for name in typed:
            if name and name not in known and name not in new:
                new.append(name)
        return [*tags, *new]

    def has_changed(self, initial, data):
        before = {str(item) for item in self.prepare_value(initial or [])}  # ids
        return before != {str(item) for item in (data or [])}
