"""The expert directory's filters, read from the URL so a filtered list can be shared."""

from django import forms
from django.utils.translation import gettext_lazy as _

from experts.models import Program
from taxonomy.models import Region, Topic


class TranslatedChoiceField(forms.ModelChoiceField):
    """Options named in the page's language, chosen by slug so the URL stays readable."""

    def __init__(self, queryset, **kwargs):
        super().__init__(queryset, to_field_name="slug", required=False, **kwargs)

    def label_from_instance(self, obj):
        return obj.translated.name


class ExpertFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=200,
        widget=forms.SearchInput(attrs={"autocomplete": "off"}),
    )
    program = TranslatedChoiceField(Program.objects.all(), label=_("Program"))
    topic = TranslatedChoiceField(Topic.objects.all(), label=_("Topic"))
    region = TranslatedChoiceField(Region.objects.all(), label=_("Region or country"))

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        for name in ("program", "topic", "region"):
            self.fields[name].empty_label = _("All")

    def filter(self, experts):
        """`experts` narrowed by the valid filters; an invalid one is marked on the form."""
        if not self.is_bound:
            return experts
        self.full_clean()  # cleaned_data then holds the valid filters only
        data = self.cleaned_data
        if data.get("q"):
            experts = experts.matching(data["q"])
        if data.get("program"):
            experts = experts.filter(program=data["program"])
        if data.get("topic"):
            experts = experts.filter(topics=data["topic"])
        if data.get("region"):
            # An expert on Israel is an expert on the Levant and the Middle East too.
            region_ids = Region.objects.descendant_ids(data["region"])
            experts = experts.filter(regions__in=region_ids).distinct()
        return experts

    @property
    def is_filtered(self):
        """Whether any filter was given (the "Clear filters" link is then offered)."""
        return self.is_bound and any(self.data.get(name) for name in self.fields)
