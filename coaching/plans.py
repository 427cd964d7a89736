"""A participant's strategic action plan: saving it without ever overwriting another save, its
versions and how two of them differ, sharing it with the edition's trainers, and their comments.

Two tabs may hold the same plan. Each save names the version it started from (`based_on`) and
moves the plan to the next number only if it is still at that one, in a single UPDATE: of two
saves from the same version exactly one gets the row, and the other is refused as a
`PlanConflict` carrying the version stored meanwhile, having stored nothing. The database decides,
not a read followed by a write, so the rule holds across processes and servers.
"""

import difflib
from dataclasses import dataclass
from types import SimpleNamespace

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.formats import date_format

from coaching.access import readable_plans
from coaching.models import ActionPlan, PlanAction, PlanComment, PlanGoal, PlanKPI, PlanVersion
from cohorts.models import participates
from lms.core.mail import send_templated_email

STATUS_LABELS = dict(PlanAction.Status.choices)


class PlanRefused(Exception):
    """A change the rules do not allow; its message says why, for the person who tried."""


class PlanConflict(Exception):
    """Another save came first: `current` is the version it stored (None if the plan has none
    yet), to show beside the refused input."""

    def __init__(self, current):
        super().__init__(
            "Someone saved this plan in another tab or window since you opened it: "
            "your changes are not saved yet."
        )
        self.current = current


def plan_of(learner, edition):
    """The learner's plan in the edition, or None before their first save."""
    return ActionPlan.objects.filter(learner=learner, edition=edition).first()


def latest_version(plan):
    if plan is None:
        return None
    return plan.versions.order_by("-number").select_related("saved_by").first()


def snapshot(plan):
    """The whole plan as JSON-able data: what a version keeps and two versions compare."""
    return {
        "notes": plan.notes,
        "goals": [
            goal_entry(goal.title, goal.skill) for goal in plan.goals.select_related("skill")
        ],
        "actions": [
            action_entry(action, action.goal.title if action.goal else "")
            for action in plan.actions.select_related("goal")
        ],
        "kpis": [kpi_entry(kpi) for kpi in plan.kpis.all()],
    }


def input_snapshot(goals, actions, kpis, notes):
    """The snapshot `save_plan` would store from this input (its arguments): to set input that a
    conflict refused beside the version stored meanwhile."""
    return {
        "notes": notes,
        "goals": [goal_entry(goal["title"], goal["skill"]) for goal in goals],
        "actions": [
            action_entry(
                SimpleNamespace(**action),
                "" if action["goal"] is None else goals[action["goal"]]["title"],
            )
            for action in actions
        ],
        "kpis": [kpi_entry(SimpleNamespace(**kpi)) for kpi in kpis],
    }


def goal_entry(title, skill):
    return {"title": title, "skill": skill.name if skill else ""}


def action_entry(action, goal_title):
    return {
        "title": action.title,
        "goal": goal_title,
        "owner": action.owner,
        "due": action.due_on.isoformat() if action.due_on else "",
        "status": action.status,
    }


def kpi_entry(kpi):
    return {
        "name": kpi.name,
        "unit": kpi.unit,
        "baseline": number_text(kpi.baseline),
        "target": number_text(kpi.target),
    }


def number_text(value):
    """A KPI's figure as written, without trailing zeros: 40 rather than 40.00."""
    if value is None:
        return ""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


@transaction.atomic
def save_plan(learner, edition, based_on, goals, actions, kpis, notes, by):
    """Store the learner's plan as the next version after `based_on`, and return it.

    `goals` are dicts of `id` (None for a new goal), `title` and `skill` (a Skill or None);
    `actions` of `id`, `title`, `goal` (the index of its goal in `goals`, or None), `owner`,
    `due_on` and `status`; `kpis` of `id`, `name`, `unit`, `baseline` and `target`. A row whose
    `id` is one of the plan's is updated in place, so that the trainers' comments on it stay with
    it; any other row is new, and the plan's rows left out are removed.

    Raises PlanRefused for someone who is not a participant of the edition, and PlanConflict if
    the plan is no longer at version `based_on`.
    """
    if not participates(learner, edition):
        raise PlanRefused("Only the edition's participants keep an action plan in it.")
    plan = plan_of(learner, edition)
    if plan is None:
        if based_on != 0:
            raise PlanConflict(None)
        try:
            # A savepoint: the losing tab of two first saves finds the winner's plan.
            with transaction.atomic():
                plan = ActionPlan.objects.create(learner=learner, edition=edition)
        except IntegrityError:
            raise PlanConflict(latest_version(plan_of(learner, edition))) from None
    now = timezone.now()
    moved = ActionPlan.objects.filter(pk=plan.pk, version=based_on).update(
        version=F("version") + 1, notes=notes, updated_at=now
    )
    if not moved:
        raise PlanConflict(latest_version(plan))
    plan.refresh_from_db()
    stored_goals = replace_rows(plan, PlanGoal, plan.goals.all(), goals, ["title", "skill"])
    actions = [
        {**row, "goal": None if row.get("goal") is None else stored_goals[row["goal"]]}
        for row in actions
    ]
    replace_rows(
        plan,
        PlanAction,
        plan.actions.all(),
        actions,
        ["title", "goal", "owner", "due_on", "status"],
    )
    replace_rows(plan, PlanKPI, plan.kpis.all(), kpis, ["name", "unit", "baseline", "target"])
    PlanVersion.objects.create(
        plan=plan, number=plan.version, content=snapshot(plan), saved_by=by, saved_at=now
    )
    return plan


def replace_rows(plan, model, stored, rows, fields):
    """Make the plan's `model` rows those of `rows`, in their order; return them."""
    existing = {row.pk: row for row in stored}
    saved, kept, created = [], [], []
    for position, row in enumerate(rows):
        instance = existing.pop(row.get("id"), None)
        if instance is None:
            instance = model(plan=plan)
            created.append(instance)
        else:
            kept.append(instance)
        for field in fields:
            setattr(instance, field, row[field])
        instance.sort_order = position
        saved.append(instance)
    if existing:
        model.objects.filter(pk__in=existing).delete()
    if kept:
        model.objects.bulk_update(kept, [*fields, "sort_order"])
    for instance in created:
        # One by one: a plan has a few dozen rows, and actions need their new goals' keys, which
        # not every SQLite returns from a bulk insert.
        instance.save()
    return saved


def compare(version_a, version_b):
    """What changed from `version_a` to `version_b`: per section of the plan, its lines added,
    removed and changed, each as a Change."""
    return compare_contents(version_a.content, version_b.content)


def compare_contents(old, new):
    """compare() for two snapshots."""
    sections = []
    for key, title in SECTIONS:
        changes = list(
            line_changes(section_lines(key, old.get(key)), section_lines(key, new.get(key)))
        )
        sections.append(Section(title, changes))
    return sections


@dataclass
class Change:
    kind: str  # "added", "removed" or "changed"
    old: str = ""
    new: str = ""


@dataclass
class Section:
    title: str
    changes: list

    @property
    def unchanged(self):
        return not self.changes


SECTIONS = [("goals", "Goals"), ("actions", "Actions"), ("kpis", "KPIs"), ("notes", "Notes")]


def readable(content):
    """A snapshot as (section title, lines of text) pairs, as compare() words them."""
    return [(title, section_lines(key, content.get(key))) for key, title in SECTIONS]


def section_lines(key, content):
    """A section of a snapshot as lines of text, one per goal, action or KPI (notes: per line)."""
    if key == "notes":
        return [line for line in (content or "").splitlines() if line.strip()]
    render = {"goals": goal_line, "actions": action_line, "kpis": kpi_line}[key]
    return [render(item) for item in content or []]


def goal_line(goal):
    return f"{goal['title']} (skill: {goal['skill']})" if goal.get("skill") else goal["title"]


def action_line(action):
    parts = [STATUS_LABELS.get(action.get("status"), action.get("status", ""))]
    if action.get("goal"):
        parts.append(f"goal: {action['goal']}")
    if action.get("owner"):
        parts.append(f"owner: {action['owner']}")
    due = parse_date(action.get("due") or "")
    if due:
        parts.append(f"due {date_format(due, 'j M Y')}")
    return f"{action['title']} ({'; '.join(parts)})"


def kpi_line(kpi):
    unit = f" {kpi['unit']}" if kpi.get("unit") else ""
    figures = [
        f"{label} {kpi[key]}{unit}"
        for key, label in (("baseline", "baseline"), ("target", "target"))
        if kpi.get(key)
    ]
    return f"{kpi['name']}: {', '.join(figures)}" if figures else kpi["name"]


def line_changes(old_lines, new_lines):
    matcher = difflib.SequenceMatcher(a=old_lines, b=new_lines, autojunk=False)
    for tag, a_start, a_end, b_start, b_end in matcher.get_opcodes():
        if tag == "equal":
            continue
        removed, added = old_lines[a_start:a_end], new_lines[b_start:b_end]
        if tag == "replace":
            # Lines replaced one for one are one line changed; the rest were added or removed.
            for before, after in zip(removed, added, strict=False):
                yield Change("changed", before, after)
            paired = min(len(removed), len(added))
            removed, added = removed[paired:], added[paired:]
        for line in removed:
            yield Change("removed", old=line)
        for line in added:
            yield Change("added", new=line)


def share(plan):
    """Let the edition's trainers read the plan and comment on it."""
    if not plan.version:
        raise PlanRefused("Save your plan before you share it.")
    ActionPlan.objects.filter(pk=plan.pk).update(
        shared_with_trainers=True, shared_at=timezone.now()
    )
    plan.refresh_from_db(fields=["shared_with_trainers", "shared_at"])


def unshare(plan):
    """Stop sharing: the trainers no longer see the plan; their comments stay on it."""
    ActionPlan.objects.filter(pk=plan.pk).update(shared_with_trainers=False, shared_at=None)
    plan.refresh_from_db(fields=["shared_with_trainers", "shared_at"])


@transaction.atomic
def comment(plan, trainer, goal_or_action, body):
    """A comment by `trainer` on a goal or an action of a plan shared with them; the participant
    is emailed (queued with the comment, or not at all)."""
    if not readable_plans(trainer).filter(pk=plan.pk).exists():
        raise PlanRefused("This plan is not shared with you.")
    if goal_or_action.plan_id != plan.pk:
        raise PlanRefused("Comment on a goal or an action of this plan.")
    is_goal = isinstance(goal_or_action, PlanGoal)
    about = f"{'Goal' if is_goal else 'Action'}: {goal_or_action.title}"
    note = PlanComment.objects.create(
        plan=plan,
        goal=goal_or_action if is_goal else None,
        action=None if is_goal else goal_or_action,
        about=about[: PlanComment._meta.get_field("about").max_length],
        author=trainer,
        body=body,
    )
    send_templated_email(
        "coaching/emails/plan_comment",
        plan.learner,
        {
            "comment": note,
            "trainer_name": trainer.get_full_name() or trainer.get_short_name(),
            "edition": plan.edition,
            "plan_url": settings.WAGTAILADMIN_BASE_URL
            + reverse("coaching:plan", args=[plan.edition_id]),
        },
    )
    return note
