"""
The filters of the list of published work, read from the URL so a filtered list can be
shared: `ArticleFilterForm(request.GET, language=...).filter(queryset)`.

The form knows nothing of the page that shows it: the listing at /policy-analysis uses
it, and so can a search page, on its own queryset.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import slug_re
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from articles.models import PublicationType, Region, Topic
from experts.models import Expert, Program
from thinktank.languages import local_name

ALL_LANGUAGES = "all"
SLUG_MAX_LENGTH = 200
# "from" is a Python keyword, so the date fields are named date_from and date_to in
# Python and `from` and `to` in the URL (see ArticleFilterForm.add_prefix).
URL_NAMES = {"date_from": "from", "date_to": "to"}


class ByLabelIterator(forms.models.ModelChoiceIterator):
    """The options sorted by their label, which is in the page's language."""

    def __iter__(self):
        yield ("", self.field.empty_label)
        yield from sorted(
            (self.choice(obj) for obj in self.queryset), key=lambda choice: choice[1].casefold()
        )


class InOrderIterator(forms.models.ModelChoiceIterator):
    """The options in the queryset's own order (the editors' order, or sort names)."""

    def __iter__(self):
        yield ("", self.field.empty_label)
        for obj in self.queryset:
            yield self.choice(obj)


class RegionTreeIterator(forms.models.ModelChoiceIterator):
    """Regions as a tree: each followed by the regions nested in it, indented."""

    def __iter__(self):
        yield ("", self.field.empty_label)
        regions = list(self.queryset)
        known = {region.pk for region in regions}
        children = {}
        for region in regions:
            parent = region.parent_id if region.parent_id in known else None
            children.setdefault(parent, []).append(region)
        seen = set()

        def walk(parent, depth):
            for region in sorted(children.get(parent, []), key=lambda r: r.translated.name):
                if region.pk not in seen:  # a loop saved around clean() must not hang a page
                    seen.add(region.pk)
                    value, label = self.choice(region)
                    # No-break spaces: an indent that screen readers do not read out.
                    yield value, "\u00a0\u00a0\u00a0" * depth + label
                    yield from walk(region.pk, depth + 1)

        yield from walk(None, 0)


class SlugChoiceField(forms.ModelChoiceField):
    """A topic, region, program, type or expert, chosen by slug so the URL stays readable."""

    iterator = ByLabelIterator

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
        PublicationType.objects.all(),
        label=_("Type"),
        iterator=InOrderIterator,
        unknown=_("There is no publication type “%(value)s”."),
    )
    topic = SlugChoiceField(
        Topic.objects.all(), label=_("Topic"), unknown=_("There is no topic “%(value)s”.")
    )
    region = SlugChoiceField(
        Region.objects.all(),
        label=_("Region or country"),
        iterator=RegionTreeIterator,
        unknown=_("There is no region or country “%(value)s”."),
    )
    expert = SlugChoiceField(
        Expert.objects.with_profile(),
        label=_("Expert"),
        iterator=InOrderIterator,
        unknown=_("There is no expert “%(value)s”."),
    )
    program = SlugChoiceField(
        Program.objects.all(), label=_("Program"), unknown=_("There is no program “%(value)s”.")
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

    def __init__(self, data=None, *, language=None, **kwargs):
        """`language`: the page's language, listed unless the URL asks for another or all."""
        super().__init__(data, **kwargs)
        self.page_language = language or get_language()
        if self.is_bound and not self.data.get(self.add_prefix("language")):
            # As if asked for: the form then shows it chosen, and "all" stays a choice.
            self.data = self.data.copy()
            self.data[self.add_prefix("language")] = self.page_language
        experts = Expert.objects.with_profile().sorted_by_name(self.page_language)
        self.fields["expert"].queryset = experts
        self.fields["language"].choices = [
            (ALL_LANGUAGES, _("All languages")),
            *((code, local_name(code)) for code, _name in settings.LANGUAGES),
        ]
        self.fields["language"].initial = self.page_language

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

    def filter(self, articles):
        """
        `articles` narrowed to what the valid filters ask for, all of them at once. A
        filter that cannot be used (an unknown slug, a bad date, a range backwards) is
        left out and its message is on the form; the others still apply. With no
        language asked for, the page's language is listed.
        """
        data = {}
        if self.is_bound:
            self.is_valid()  # cleaned_data then holds the valid filters only
            data = self.cleaned_data
        language = data.get("language") or self.page_language
        if language != ALL_LANGUAGES:
            articles = articles.in_language(language)
        if data.get("type"):
            articles = articles.filter(publication_type=data["type"])
        if data.get("topic"):
            articles = articles.filter(topics=data["topic"])
        if data.get("region"):
            articles = articles.in_region(data["region"])
        if data.get("expert"):
            articles = articles.by_author(data["expert"])
        if data.get("program"):
            articles = articles.by_program(data["program"])
        return articles.published_between(data.get("date_from"), data.get("date_to"))
