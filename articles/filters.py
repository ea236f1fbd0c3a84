"""The filters of a list of published work, read from the URL so a filtered list can be
shared: `ArticleFilterForm(request.GET, language=...).filter(queryset)` or `filters()`."""

import html

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import slug_re
from django.template.loader import render_to_string
from django.utils.choices import BaseChoiceIterator
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from articles.models import PublicationType, Region, Topic
from experts.models import Expert, Program
from experts.page_cache import listed_experts_shown, programs_shown
from taxonomy.models import RegionTree
from thinktank.cache import remember
from thinktank.languages import local_name
from thinktank.translation import translated_field

ALL_LANGUAGES = "all"
SLUG_MAX_LENGTH = 200
# "from" is a Python keyword, so the date fields are named date_from and date_to in
# Python and `from` and `to` in the URL (see ArticleFilterForm.add_prefix).
URL_NAMES = {"date_from": "from", "date_to": "to"}
# What an option shows, so 500 experts' rows are read without their bios.
OPTION_FIELDS = ("pk", "slug", "name", "translations")
# The fields whose options are read from the database: remembered (options()).
CHOICE_FIELDS = ("type", "topic", "region", "expert", "program")
SHOWN_TEMPLATE = "includes/filter_form.html"


class ByLabelIterator(forms.models.ModelChoiceIterator):
    """The options sorted by their label, which is in the page's language."""

    def __iter__(self):
        yield ("", self.field.empty_label)
        yield from sorted(
            (self.choice(obj) for obj in self.queryset), key=lambda choice: choice[1].casefold()
        )


class InOrderIterator(forms.models.ModelChoiceIterator):
    """(slug, translated name) options in the queryset's order, read as values, not
    instances: a large site has 500 experts."""

    def __iter__(self):
        yield ("", self.field.empty_label)
        name = translated_field("name", get_language() or settings.LANGUAGE_CODE)
        yield from self.queryset.values_list("slug", name)


class RegionTreeIterator(forms.models.ModelChoiceIterator):
    """Regions as a tree: each followed by the regions nested in it, indented."""

    def __iter__(self):
        yield ("", self.field.empty_label)
        regions = {region.pk: region for region in self.queryset}
        tree = RegionTree.of(regions.values())
        for pk, depth in tree.walk(key=lambda pk: regions[pk].translated.name):
            value, label = self.choice(regions[pk])
            # No-break spaces: an indent that screen readers do not read out.
            yield value, "\u00a0\u00a0\u00a0" * depth + label


class OptionsSelect(forms.Select):
    """Django's Select markup, written without a template per option (slow for 500
    experts); tests/articles/test_list_performance.py compares the two."""

    def render(self, name, value, attrs=None, renderer=None):
        # Widget's context, not ChoiceWidget's: its option dicts are what costs.
        widget = forms.Widget.get_context(self, name, value, attrs)["widget"]
        if self.allow_multiple_selected:
            widget["attrs"]["multiple"] = True
        chosen, has_selected = widget["value"], False
        parts = [f"<select name={_quoted(widget['name'])}{_attributes(widget['attrs'])}>"]
        for group_value, group_label in self.choices:
            grouped = isinstance(group_label, list | tuple)
            if grouped:
                parts.append(f"\n  <optgroup label={_quoted(group_value)}>")
            for option_value, option_label in (
                group_label if grouped else [(group_value, group_label)]
            ):
                option_value = "" if option_value is None else str(option_value)
                selected = (not has_selected or self.allow_multiple_selected) and (
                    option_value in chosen
                )
                has_selected |= selected
                parts.append(
                    f"\n  <option value={_quoted(option_value)}{' selected' if selected else ''}>"
                    f"{_escaped(option_label)}</option>\n"
                )
            if grouped:
                parts.append("\n  </optgroup>")
        parts.append("\n</select>")
        return mark_safe("".join(parts))  # noqa: S308 - every value above is escaped


def _escaped(value):
    """`value` escaped as a template escapes it (text marked safe is left as it is)."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _quoted(value):
    return f'"{_escaped(value)}"'


def _attributes(attrs):
    """HTML attributes as Django's attrs.html writes them: True bare, False left out."""
    return "".join(
        f" {name}" if value is True else f" {name}={_quoted(value)}"
        for name, value in attrs.items()
        if value is not False
    )


class RememberedOptions(BaseChoiceIterator):
    """The options of the field `name` of `form`, read from its options() when shown:
    filtering by the form reads none."""

    def __init__(self, form, name):
        self.form, self.name = form, name

    def __iter__(self):
        yield from self.form.options()[self.name]


def _options_read(field):
    """A model choice field's options as (slug, label) text, read from its queryset (its
    choices are RememberedOptions)."""
    return [(str(value), str(label)) for value, label in field.iterator(field)]


class SlugChoiceField(forms.ModelChoiceField):
    """A topic, region, program, type or expert, chosen by slug so the URL stays readable."""

    iterator = ByLabelIterator
    widget = OptionsSelect

    def __init__(self, queryset, *, unknown, iterator=None, **kwargs):
        super().__init__(
            queryset,
            to_field_name="slug",
            required=False,
            empty_label=_("All"),
            error_messages={"invalid_choice": unknown},
            **kwargs,
        )
        if iterator is not None:
            self.iterator = iterator

    def to_python(self, value):
        # Only a slug is looked up: other text (a NUL byte, 5,000 characters) is
        # refused here, with its first characters in the message, before any query.
        if value not in self.empty_values and (
            not isinstance(value, str) or len(value) > SLUG_MAX_LENGTH or not slug_re.match(value)
        ):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": Truncator(str(value)).chars(40)},
            )
        return super().to_python(value)

    def label_from_instance(self, obj):
        return obj.translated.name


class ArticleFilterForm(forms.Form):
    type = SlugChoiceField(
        PublicationType.objects.only(*OPTION_FIELDS),
        label=_("Type"),
        iterator=InOrderIterator,
        unknown=_("There is no publication type “%(value)s”."),
    )
    topic = SlugChoiceField(
        Topic.objects.only(*OPTION_FIELDS),
        label=_("Topic"),
        unknown=_("There is no topic “%(value)s”."),
    )
    region = SlugChoiceField(
        Region.objects.only(*OPTION_FIELDS, "parent"),
        label=_("Region or country"),
        iterator=RegionTreeIterator,
        unknown=_("There is no region or country “%(value)s”."),
    )
    expert = SlugChoiceField(
        Expert.objects.with_profile().only(*OPTION_FIELDS),
        label=_("Expert"),
        iterator=InOrderIterator,
        unknown=_("There is no expert “%(value)s”."),
    )
    program = SlugChoiceField(
        Program.objects.only(*OPTION_FIELDS),
        label=_("Program"),
        unknown=_("There is no program “%(value)s”."),
    )
    language = forms.ChoiceField(
        label=_("Language"),
        required=False,
        error_messages={"invalid_choice": _("There is no language “%(value)s” on this site.")},
    )
    date_from = forms.DateField(
        label=_("From"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter the date as YYYY-MM-DD, e.g. 2023-12-14.")},
    )
    date_to = forms.DateField(
        label=_("To"),
        required=False,
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Enter the date as YYYY-MM-DD, e.g. 2023-12-14.")},
    )

    _options = None  # options(), once read

    def __init__(self, data=None, *, language=None, **kwargs):
        """`language`: the page's language, listed unless the URL asks for another or all."""
        super().__init__(data, **kwargs)
        self.page_language = language or get_language()
        if self.is_bound and not self.data.get(self.add_prefix("language")):
            # As if asked for: the form then shows it chosen, and "all" stays a choice.
            self.data = self.data.copy()
            self.data[self.add_prefix("language")] = self.page_language
        experts = Expert.objects.with_profile().only(*OPTION_FIELDS)
        experts = experts.sorted_by_name(self.page_language)
        self.fields["expert"].queryset = experts
        self.fields["language"].choices = [
            (ALL_LANGUAGES, _("All languages")),
            *((code, local_name(code)) for code, _name in settings.LANGUAGES),
        ]
        self.fields["language"].initial = self.page_language
        for name in CHOICE_FIELDS:
            self.fields[name].choices = RememberedOptions(self, name)

    def options(self):
        """The CHOICE_FIELDS' options as (slug, label) in the page's language, remembered
        by the page cache until an expert enters, leaves or moves in the lists of
        experts (topics, regions, types and programs purge everything)."""
        if self._options is None:
            parts = (self.page_language, get_language())
            self._options = remember("filter-options", parts, self._read_options)
        return self._options

    def shown(self, **context):
        """The form as SHOWN_TEMPLATE writes it with `context` (its action and labels),
        remembered by the page cache as its options are: a page miss writes the form of
        a language and of a URL's filters once. What it shows (options chosen, messages)
        follows from its data and its options."""
        parts = (
            type(self).__qualname__,
            get_language(),
            self.page_language,
            self.is_bound,
            [(name, self[name].data) for name in self.fields],
            sorted((name, str(value)) for name, value in context.items()),
        )
        return remember(
            "filter-form",
            parts,
            lambda: render_to_string(SHOWN_TEMPLATE, {"form": self, **context}),
        )

    def _read_options(self):
        listed_experts_shown()
        programs_shown()
        return {name: _options_read(self.fields[name]) for name in CHOICE_FIELDS}

    def add_prefix(self, field_name):
        return super().add_prefix(URL_NAMES.get(field_name, field_name))

    def clean(self):
        data = super().clean()
        for name in URL_NAMES:
            if name in self.errors:
                # What was typed is shown back to be corrected, and an <input type=date>
                # may not hold a value that is no date.
                self.fields[name].widget.input_type = "text"
        first, last = data.get("date_from"), data.get("date_to")
        if first and last and first > last:
            self.add_error(
                "date_to", _("“To” is before “From”: choose a last day on or after the first.")
            )
            data.pop("date_from", None)  # the range is left out whole, not half of it
        return data

    @property
    def is_filtered(self):
        """Whether the URL asks for anything besides the page's language."""
        if not self.is_bound:
            return False
        language = self.data.get(self.add_prefix("language"))
        others = (name for name in self.fields if name != "language")
        return language != self.page_language or any(
            self.data.get(self.add_prefix(name)) for name in others
        )

    def filters(self):
        """The valid filters as `selectors.published_work`'s keyword filters; an invalid
        one is left out (its message on the form). Language: the page's by default,
        None for "all"."""
        data = {}
        if self.is_bound:
            self.is_valid()  # cleaned_data then holds the valid filters only
            data = self.cleaned_data
        language = data.get("language") or self.page_language
        return {
            "language": None if language == ALL_LANGUAGES else language,
            "publication_type": data.get("type") or None,
            "topic": data.get("topic") or None,
            "region": data.get("region") or None,
            "author": data.get("expert") or None,
            "program": data.get("program") or None,
            "first_day": data.get("date_from"),
            "last_day": data.get("date_to"),
        }

    def filter(self, articles):
        """`articles` narrowed to what the valid filters ask for, all of them at once."""
        return articles.matching(**self.filters())
