"""Text for generated articles from templates and vocabulary, one seed one text. Each
article keeps to a subject, so a search finds a realistic share of the corpus."""

import string
from dataclasses import dataclass

from articles.corpus import vocabulary, vocabulary_ar

_FORMATTER = string.Formatter()
# Sentences whose other slots are filled once, in advance, so a body is cheap.
POOL = 4000
SUBJECT_SLOTS = frozenset({"a", "b", "noun", "noun2", "term"})


@dataclass(frozen=True)
class Subject:
    nouns: tuple[str, ...]
    actors: tuple[str, ...]
    term: str


def _slots(template):
    return tuple(name for _text, name, _spec, _conv in _FORMATTER.parse(template) if name)


class Writer:
    """Writes in one language, from its vocabulary module, with the generator `rng`."""

    def __init__(self, rng, words):
        self.rng = rng
        self.words = words
        self._parsed = {}
        self.sentences = self.ledes = self.headings = None
        self.fillers = {
            "city": words.CITIES,
            "verb": words.VERBS,
            "adjective": words.ADJECTIVES,
            "risk": words.RISKS,
            "people": words.PEOPLE,
            "policy": words.POLICIES,
        }

    def subject(self):
        rng = self.rng
        return Subject(
            nouns=tuple(rng.sample(self.words.NOUNS, 3)),
            actors=tuple(rng.sample(self.words.ACTORS, 3)),
            term=rng.choice(self.words.TERMS),
        )

    def fill(self, template, subject=None, turn=0):
        """`template` with the subject's slots from `subject` (None: left), the rest drawn."""
        slots = self._parsed.get(template)
        if slots is None:
            slots = self._parsed[template] = _slots(template)
        values = {}
        for slot in slots:
            key = slot.lower()
            if key in SUBJECT_SLOTS:
                value = "{" + slot + "}" if subject is None else _subject_value(subject, key, turn)
            elif key == "year":
                value = str(self.rng.randint(2008, 2025))
            else:
                value = self.rng.choice(self.fillers[key])
            if slot[0].isupper() and subject is not None:  # {A}, {Noun}: capitalized
                value = value.title() if key.startswith("noun") else value[:1].upper() + value[1:]
            values[slot] = value
        return template.format(**values)

    def _pools(self):
        if self.sentences is None:
            choice, words = self.rng.choice, self.words
            self.sentences = [self.fill(choice(words.SENTENCES)) for _ in range(POOL)]
            self.ledes = [self.fill(choice(words.LEDES)) for _ in range(POOL // 10)]
            self.headings = [self.fill(choice(words.HEADINGS)) for _ in range(50)]

    def title(self, subject):
        return self.fill(self.rng.choice(self.words.TITLES), subject)

    def event_title(self, subject):
        return self.fill(self.rng.choice(self.words.EVENT_TITLES), subject)

    def summary(self, subject):
        return self.fill(self.rng.choice(self.words.SUMMARIES), subject)

    def body(self, subject):
        """Sanitizer-clean HTML, 350-600 words: a lede, then three to five sections."""
        self._pools()
        rng, pool = self.rng, self.sentences
        turn = 0
        values = {"term": subject.term}

        def sentence(template):
            nonlocal turn
            turn += 1
            values.update(
                a=subject.actors[turn % 2],
                b=subject.actors[1 + turn % 2],
                noun=subject.nouns[turn % 3],
                noun2=subject.nouns[(turn + 1) % 3],
            )
            text = template.format(**values)
            return text[:1].upper() + text[1:]

        parts = [f"<p>{sentence(rng.choice(self.ledes))}</p>"]
        for _section in range(rng.randint(3, 5)):
            if rng.random() < 0.6:
                parts.append(f"<h2>{rng.choice(self.headings)}</h2>")
            parts.extend(
                "<p>" + " ".join(sentence(text) for text in rng.choices(pool, k=size)) + "</p>"
                for size in rng.choices((3, 4, 4, 5), k=2)
            )
        return "".join(parts)


def _subject_value(subject, key, turn):
    if key == "term":
        return subject.term
    if key in ("a", "b"):
        return subject.actors[(turn + (key == "b")) % 3]
    return subject.nouns[(turn + (key == "noun2")) % 3]


def writers(rng):
    """{language: Writer} for the languages the corpus is written in."""
    return {"en": Writer(rng, vocabulary), "ar": Writer(rng, vocabulary_ar)}
