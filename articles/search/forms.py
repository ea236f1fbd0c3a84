"""The search page's form: what to look for, and the listing's filters beside it."""

from django import forms
from django.utils.translation import gettext_lazy as _

from articles.filters import ALL_LANGUAGES, ArticleFilterForm
from articles.search.query import parse

MAX_QUERY_LENGTH = 200


class ArticleSearchForm(ArticleFilterForm):
    """
    `q` in web-search syntax, with the filters of the list of work (type, topic,
    region, expert, program, language, dates). Results are in the page's language
    unless the URL asks for another or for all.
    """

    q = forms.CharField(
        label=_("Search for"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        widget=forms.SearchInput(attrs={"autocomplete": "off", "enterkeyhint": "search"}),
        error_messages={
            "max_length": _(
                "This search is too long: use at most %(limit_value)d characters "
                "(it has %(show_value)d)."
            )
        },
    )

    field_order = ["q"]

    @property
    def query(self):
        """What to look for: the valid `q`, or "" (no query, or one that cannot be used)."""
        if not self.is_bound or (not self.is_valid() and "q" in self.errors):
            return ""
        return self.cleaned_data.get("q", "")

    @property
    def has_words(self):
        """Whether the query holds a word to look for (not only quotes, dashes or signs)."""
        return not parse(self.query).is_empty

    @property
    def highlight_words(self):
        return parse(self.query).highlight_words

    @property
    def search_language(self):
        """The language searched in (its stemming), or None for every language."""
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        language = data.get("language") or self.page_language
        return None if language == ALL_LANGUAGES else language

    @property
    def is_filtered(self):
        """Whether the URL asks for a filter besides the page's language (the query aside)."""
        if not self.is_bound:
            return False
        language = self.data.get(self.add_prefix("language"))
        others = (name for name in self.fields if name not in ("language", "q"))
        return language != self.page_language or any(
            self.data.get(self.add_prefix(name)) for name in others
        )

    def search(self, articles):
        """`articles` filtered as asked, matching the query, best first (none without one)."""
        if not self.has_words:
            return articles.none()
        return self.filter(articles).search(self.query, self.search_language)
