"""The search box's text read as web search engines read it, into plain folded words
that never reach SQL as syntax. See docs/search.md."""

import re
from dataclasses import dataclass, field

from thinktank.text import fold

# A pasted page must not become a huge query.
MAX_WORDS = 32
TOKENS = re.compile(r'"([^"]*)"?|(\S+)')
WORD = re.compile(r"\w+")
OR_WORD = "or"


@dataclass(frozen=True)
class Term:
    """One word, or a phrase of words that must come in order; `excluded` for -term."""

    words: tuple[str, ...]
    excluded: bool = False


@dataclass
class ParsedQuery:
    """Alternatives (`or`), each a list of terms that must all match."""

    alternatives: list[list[Term]] = field(default_factory=list)

    @property
    def is_empty(self):
        """No word to look for (an excluded word alone finds nothing)."""
        return not self.highlight_words

    @property
    def highlight_words(self):
        """The folded words a result matches, in the order typed, each once."""
        words = []
        for terms in self.alternatives:
            for term in terms:
                if not term.excluded:
                    words.extend(word for word in term.words if word not in words)
        return words


def words_of(text):
    """`text` folded (case, accents, Arabic letter variants) and split into words."""
    return WORD.findall(fold(text).replace("_", " "))


def parse(query):
    parsed = ParsedQuery()
    current, pending_or, budget = [], False, MAX_WORDS
    for match in TOKENS.finditer(query or ""):
        phrase, bare = match.group(1), match.group(2)
        excluded = False
        if bare is not None:
            if bare.casefold() == OR_WORD:
                pending_or = bool(current)
                continue
            excluded = bare.startswith("-")
            bare = bare.lstrip("-")
        words = tuple(words_of(phrase if phrase is not None else bare))[:budget]
        if not words:
            continue
        budget -= len(words)
        if pending_or and current:
            parsed.alternatives.append(current)
            current = []
        pending_or = False
        current.append(Term(words, excluded))
        if budget <= 0:
            break
    if current:
        parsed.alternatives.append(current)
    parsed.alternatives = [
        terms for terms in parsed.alternatives if any(not term.excluded for term in terms)
    ]
    return parsed
