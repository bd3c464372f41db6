"""Text in every language sheetplan speaks, and the values the plan workbook's dropdowns offer."""

from __future__ import annotations

from dataclasses import dataclass

from sheetplan.plan.defaults import Lang


def normalise(text: str) -> str:
    """The form in which names are compared: any case, runs of spaces folded, ends trimmed."""
    return " ".join(str(text).split()).casefold()


@dataclass(frozen=True)
class Text:
    """A piece of text a user reads, in every language sheetplan speaks."""

    en: str
    bg: str

    def __call__(self, lang: Lang) -> str:
        return self.bg if lang == "bg" else self.en

    def all(self) -> tuple[str, ...]:
        return (self.en, self.bg)


@dataclass(frozen=True)
class Choices:
    """The values a dropdown offers: each an English value with its labels."""

    key: str
    options: tuple[tuple[str, Text], ...]

    @property
    def values(self) -> tuple[str, ...]:
        return tuple(value for value, _ in self.options)

    def labels(self, lang: Lang) -> list[str]:
        return [label(lang) for _, label in self.options]

    def label(self, value: str, lang: Lang) -> str:
        """The label of `value` in `lang`; a value that is none of the options (a plan reviewed with
        `--force`) is shown as it was typed."""
        label = dict(self.options).get(value)
        return label(lang) if label is not None else value

    def match(self, text: str) -> str | None:
        """The value a typed label means, in either language and any case; None when it means none."""
        wanted = normalise(text)
        for value, label in self.options:
            if wanted in (normalise(value), *(normalise(name) for name in label.all())):
                return value
        return None


def _choices(key: str, *options: tuple[str, str, str]) -> Choices:
    return Choices(key, tuple((value, Text(en, bg)) for value, en, bg in options))


GOAL_STATUS = _choices(
    "goal_status",
    ("active", "active", "активна"),
    ("achieved", "achieved", "постигната"),
    ("dropped", "dropped", "отпаднала"),
)
ACTION_STATUS = _choices(
    "action_status",
    ("not started", "not started", "не е започнато"),
    ("in progress", "in progress", "в процес"),
    ("done", "done", "готово"),
    ("blocked", "blocked", "блокирано"),
    ("dropped", "dropped", "отпаднало"),
)
DIRECTION = _choices(
    "direction",
    ("up", "up", "нагоре"),
    ("down", "down", "надолу"),
)
AGGREGATION = _choices(
    "aggregation",
    ("sum", "sum", "сума"),
    ("last", "last", "последна"),
    ("average", "average", "средна"),
)
STILL_TRUE = _choices(
    "still_true",
    ("yes", "yes", "да"),
    ("no", "no", "не"),
    ("unsure", "unsure", "не е ясно"),
)
DECISION_STATUS = _choices(
    "decision_status",
    ("open", "open", "отворено"),
    ("done", "done", "изпълнено"),
    ("dropped", "dropped", "отпаднало"),
)
DECISION_OPEN = "open"
"""The status of a decision still to be carried out: the review follows it up."""
STATUS = _choices(
    "status",
    ("on_track", "on track", "в график"),
    ("at_risk", "at risk", "под риск"),
    ("off_track", "off track", "извън график"),
    ("no_data", "no data", "няма данни"),
)
"""The review's status of a metric or goal (docs/variance.md); written by reviews, not typed."""

GOAL_DROPPED = "dropped"
"""The goal status of a goal given up: it needs no actions or metrics."""
ACTION_DONE, ACTION_DROPPED = "done", "dropped"
DONE_STATUSES = frozenset({ACTION_DONE, ACTION_DROPPED})
"""Action statuses that close an action: it can no longer be overdue."""
STILL_TRUE_YES = "yes"
STILL_TRUE_STATUS = {STILL_TRUE_YES: "on_track", "unsure": "at_risk", "no": "off_track"}
"""How a review shows an assumption's Still true? answer: as the status of a metric."""

HOW = _choices(
    "how",
    ("sum", "sum", "сума"),
    ("last", "last", "последна"),
    ("average", "average", "средна"),
    ("max", "max", "най-голяма"),
)
"""How a Sources row turns an export's days or posts into a month's number."""
