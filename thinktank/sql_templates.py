"""
SQL compiled once per shape. Building and compiling a complex queryset can take longer
than running it (the article sidebar's six walks: docs/recommendations.md). A template is
compiled from placeholders, values no query holds, and filled in for each run:

    @functools.lru_cache(maxsize=256)
    def latest_by(authors_count):
        slots = Slots()
        queryset = Article.objects.published().filter(
            authorships__expert__in=slots.many("authors", authors_count)
        )
        return slots.template(queryset.values("pk").query.sql_with_params)

    sql, params = latest_by(len(ids)).fill(authors=ids)

What the placeholders take the place of must reach the parameters as it was given (ids,
words, numbers), and what changes the SQL itself (how many values, LIMIT) must be part
of the shape. A reading time (thinktank.reading_time) is now when the template is filled.
"""

from dataclasses import dataclass
from itertools import count

from django.db import connection

from thinktank import reading_time

_FIRST_NUMBER = -(2**62)  # no id, position or count is this low


@dataclass(frozen=True)
class _Slot:
    name: str
    index: int | None  # None: the value itself, not one of a list


class Slots:
    """The placeholders of one template, each a number or a word no query holds."""

    def __init__(self):
        self._numbers = count(_FIRST_NUMBER)
        self._slots = {}

    def one(self, name, *, word=False):
        """A placeholder for the value `name`."""
        return self._new(_Slot(name, None), word)

    def many(self, name, size, *, word=False):
        """`size` placeholders for the values in the list `name`."""
        return [self._new(_Slot(name, index), word) for index in range(size)]

    def _new(self, slot, word):
        number = next(self._numbers)
        placeholder = f"thinktank:slot:{number}" if word else number
        self._slots[placeholder] = slot
        return placeholder

    def template(self, compile):
        """The SqlTemplate of what `compile()`, (sql, params) compiled from these
        placeholders, returns."""
        with reading_time.as_marker():
            sql, params = compile()
        slots = [self._slots.get(param, param) if _may_be_one(param) else param for param in params]
        missing = set(self._slots.values()) - {slot for slot in slots if isinstance(slot, _Slot)}
        if missing:
            names = ", ".join(sorted({slot.name for slot in missing}))
            raise ValueError(f"Placeholders not in the parameters: {names}.")
        return SqlTemplate(sql, tuple(slots))


def _may_be_one(param):
    """Whether `param` may be a placeholder (others, a list among them, are not looked up)."""
    return isinstance(param, (int, str))


@dataclass(frozen=True)
class SqlTemplate:
    sql: str
    slots: tuple

    def fill(self, **values):
        """(sql, params) with `values` in place of the placeholders, and now as the
        reading time."""
        now = None
        params = []
        for slot in self.slots:
            if isinstance(slot, _Slot):
                value = values[slot.name]
                params.append(value if slot.index is None else value[slot.index])
            elif slot == reading_time.MARKER:
                if now is None:
                    now = reading_time.now_value(connection)
                params.append(now)
            else:
                params.append(slot)
        return self.sql, params
