"""What an import did, for the terminal and a file: counts by kind and outcome, every
problem with the source item's kind and id, notes of what was mapped where, and a
progress line (rate, time left) while it runs when the total is known."""

import json
import sys
import time
from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

CREATED, UPDATED, UNCHANGED, SKIPPED = "created", "updated", "unchanged", "skipped"
OUTCOMES = (CREATED, UPDATED, UNCHANGED, SKIPPED)
OUTCOME_LABELS = {
    CREATED: gettext_lazy("created"),
    UPDATED: gettext_lazy("updated"),
    UNCHANGED: gettext_lazy("unchanged"),
    SKIPPED: gettext_lazy("skipped"),
}
# The kinds of items, as the report's readers name them.
KIND_LABELS = {
    "topic": pgettext_lazy("import kind", "topic"),
    "region": pgettext_lazy("import kind", "region"),
    "expert": pgettext_lazy("import kind", "expert"),
    "image": pgettext_lazy("import kind", "image"),
    "article": pgettext_lazy("import kind", "article"),
    "record": pgettext_lazy("import kind", "record"),
    "line": pgettext_lazy("import kind", "line"),
}


@dataclass(frozen=True)
class Line:
    """A problem or a note about one source item: its kind, its id, what happened."""

    kind: str
    id: str
    message: str

    def as_dict(self):
        return {"kind": self.kind, "id": self.id, "message": self.message}

    def __str__(self):
        return f"{self.kind} {self.id}: {self.message}"


class Report:
    """Collects an import's outcome. `progress` is a text stream for the progress line
    (None: no progress shown); `total` the number of items, if known (set_total later);
    `every` how many items between two progress lines."""

    def __init__(self, *, progress=None, total=None, every=100, clock=time.monotonic):
        self.counts = Counter()  # (kind, outcome) -> number
        self.problems = []
        self.notes = []
        self.dry_run = False
        self._lines = set()
        self._said = set()  # (kind, message) said once only (unknown keys)
        self._progress = progress
        self._total = total
        self._every = max(1, every)
        self._clock = clock
        self._started = clock()
        self._done = 0

    # --- what the importer (and a reader of another format) calls ------------------------

    def count(self, kind, outcome):
        """One item of `kind` was created, updated, unchanged or skipped."""
        self.counts[(kind, outcome)] += 1

    def problem(self, kind, item_id, message):
        """Something about source item `kind` `item_id` that needs a look (said once)."""
        line = Line(str(kind), str(item_id), str(message))
        if line not in self._lines:
            self._lines.add(line)
            self.problems.append(line)

    def problem_once(self, kind, item_id, message):
        """A problem said only the first time (the same message for many items)."""
        if (kind, str(message)) not in self._said:
            self._said.add((kind, str(message)))
            self.problem(kind, item_id, message)

    def note(self, kind, item_id, message):
        """What was done with an item, worth knowing but no problem (mapped where)."""
        self.notes.append(Line(str(kind), str(item_id), str(message)))

    def skipped(self, kind, item_id, reason):
        """An item left out, and why: counted as skipped and noted as a problem."""
        self.count(kind, SKIPPED)
        self.problem(kind, item_id, reason)

    def set_total(self, total):
        self._total = total

    def advance(self, items=1):
        """`items` more items were handled: the progress line says so now and then."""
        self._done += items
        if self._progress is not None and (
            self._done % self._every == 0 or self._done == self._total
        ):
            self._progress.write("\r" + self.progress_line())
            self._progress.flush()

    # --- what it says ----------------------------------------------------------------

    def progress_line(self):
        """ "1,200 / 10,000 (12%), 85.3 a second, about 1m 43s left", as far as known."""
        elapsed = max(self._clock() - self._started, 1e-9)
        rate = self._done / elapsed
        if not self._total:
            return _("%(done)s done, %(rate).1f a second") % {
                "done": f"{self._done:,}",
                "rate": rate,
            }
        left = (self._total - self._done) / rate if rate else 0
        return _(
            "%(done)s / %(total)s (%(percent)d%%), %(rate).1f a second, about %(left)s left"
        ) % {
            "done": f"{self._done:,}",
            "total": f"{self._total:,}",
            "percent": 100 * self._done // self._total,
            "rate": rate,
            "left": duration(left),
        }

    def total_of(self, outcome):
        return sum(number for (_kind, done), number in self.counts.items() if done == outcome)

    def kinds(self):
        return sorted({kind for kind, _outcome in self.counts})

    def summary(self):
        """The report as text: a line of counts per kind, then the problems and notes."""
        lines = [_("Dry run: nothing was written.")] if self.dry_run else []
        for kind in self.kinds():
            counted = ", ".join(
                f"{OUTCOME_LABELS[outcome]} {self.counts[(kind, outcome)]}"
                for outcome in OUTCOMES
                if self.counts[(kind, outcome)]
            )
            lines.append(f"{kind}: {counted}")
        if not self.counts:
            lines.append(_("Nothing was imported."))
        if self.problems:
            lines.append(_("Problems (%(count)d):") % {"count": len(self.problems)})
            lines += [f"  {line}" for line in self.problems]
        if self.notes:
            lines.append(_("Notes (%(count)d):") % {"count": len(self.notes)})
            lines += [f"  {line}" for line in self.notes]
        return "\n".join(lines) + "\n"

    def as_dict(self):
        return {
            "dry_run": self.dry_run,
            "counts": {
                kind: {outcome: self.counts[(kind, outcome)] for outcome in OUTCOMES}
                for kind in self.kinds()
            },
            "problems": [line.as_dict() for line in self.problems],
            "notes": [line.as_dict() for line in self.notes],
        }

    def print_summary(self, stream=None):
        stream = stream or sys.stdout
        if self._progress is not None and self._done:
            self._progress.write("\n")
        stream.write(self.summary())

    def write(self, path):
        """Write the report to `path`: JSON when its name ends in .json, else text."""
        path = str(path)
        with open(path, "w", encoding="utf-8") as file:
            if path.endswith(".json"):
                json.dump(self.as_dict(), file, ensure_ascii=False, indent=2)
                file.write("\n")
            else:
                file.write(self.summary())


def duration(seconds):
    """ "2h 5m", "1m 43s", "12s"."""
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes}m"
    if minutes:
        return f"{minutes}m {seconds}s"
    return f"{seconds}s"
