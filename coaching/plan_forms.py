"""The action plan's form: its notes and the version it started from, and one formset each for the
goals, the actions and the KPIs, with blank rows to add to, working without JavaScript.

Every row carries the key of the goal, action or KPI it shows (hidden), so that a save updates it
in place and the trainers' comments stay with it; a key that is not one of the plan's makes a new
row (coaching.plans.save_plan), so a forged key reaches nobody else's plan. An action names its
goal by the goal's row in this same form ("Goal 2"), which lets it name a goal added in the same
save; naming anything else is an error on the field, as is a bad date or a figure too large.
"""

from django import forms

from coaching.models import ActionPlan, PlanAction, PlanComment, PlanGoal, PlanKPI
from lms.core.api_guards import MAX_KEY
from skills.models import SkillArea

EXTRA_ROWS = 2
MAX_GOALS = 20
MAX_ACTIONS = 60
MAX_KPIS = 30
# The largest number a PositiveIntegerField holds on every database.
MAX_VERSION = 2**31 - 1


def limit(model, field):
    return model._meta.get_field(field).max_length


class PlanForm(forms.Form):
    based_on = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=MAX_VERSION)
    notes = forms.CharField(
        label="Your notes",
        required=False,
        max_length=limit(ActionPlan, "notes"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Anything else about your plan: context, risks, who to involve.",
    )


class RowForm(forms.Form):
    id = forms.IntegerField(
        widget=forms.HiddenInput, required=False, min_value=1, max_value=MAX_KEY
    )


class GoalForm(RowForm):
    title = forms.CharField(
        label="Goal",
        max_length=limit(PlanGoal, "title"),
        error_messages={"required": "Write the goal, or tick “Remove” to drop the row."},
    )
    skill = forms.TypedChoiceField(
        label="Skill it builds",
        coerce=int,
        empty_value=None,
        required=False,
        error_messages={"invalid_choice": "Choose a skill of the academy's skills list."},
    )

    def __init__(self, *args, skill_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["skill"].choices = skill_choices


class ActionForm(RowForm):
    title = forms.CharField(
        label="Action",
        max_length=limit(PlanAction, "title"),
        error_messages={"required": "Describe the action, or tick “Remove” to drop the row."},
    )
    goal = forms.ChoiceField(
        label="Goal it serves",
        required=False,
        error_messages={"invalid_choice": "Choose one of this plan's goals, or none."},
    )
    owner = forms.CharField(
        label="Who does it", required=False, max_length=limit(PlanAction, "owner")
    )
    due_on = forms.DateField(
        label="Due",
        required=False,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages={"invalid": "Enter a real date, e.g. 2026-03-31."},
    )
    status = forms.ChoiceField(
        label="Status", choices=PlanAction.Status.choices, initial=PlanAction.Status.PLANNED
    )

    def __init__(self, *args, goal_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["goal"].choices = goal_choices


FIGURE_ERRORS = {
    "invalid": "Enter a number, e.g. 42 or 12.5.",
    "max_digits": "Enter a number of at most 12 digits before the decimal point.",
    "max_whole_digits": "Enter a number of at most 12 digits before the decimal point.",
    "max_decimal_places": "Enter at most 2 decimal places.",
}


class KPIForm(RowForm):
    name = forms.CharField(
        label="KPI",
        max_length=limit(PlanKPI, "name"),
        error_messages={"required": "Name the KPI, or tick “Remove” to drop the row."},
    )
    unit = forms.CharField(label="Unit", required=False, max_length=limit(PlanKPI, "unit"))
    baseline = forms.DecimalField(
        label="Baseline",
        required=False,
        max_digits=14,
        decimal_places=2,
        error_messages=FIGURE_ERRORS,
    )
    target = forms.DecimalField(
        label="Target",
        required=False,
        max_digits=14,
        decimal_places=2,
        error_messages=FIGURE_ERRORS,
    )


class RowFormSet(forms.BaseFormSet):
    """Rows of a plan's section; a blank row is ignored, a ticked one removed."""

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if "DELETE" in form.fields:
            form.fields["DELETE"].label = "Remove"

    def kept(self):
        """The (row index, cleaned data) of each filled row not ticked for removal."""
        return [
            (index, form.cleaned_data)
            for index, form in enumerate(self.forms)
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


def row_formset(form, max_num):
    return forms.formset_factory(
        form,
        formset=RowFormSet,
        extra=EXTRA_ROWS,
        can_delete=True,
        max_num=max_num,
        validate_max=True,
        absolute_max=max_num,
    )


GoalFormSet = row_formset(GoalForm, MAX_GOALS)
ActionFormSet = row_formset(ActionForm, MAX_ACTIONS)
KPIFormSet = row_formset(KPIForm, MAX_KPIS)


def goal_value(index):
    return f"goal-{index + 1}"


class PlanEditor:
    """The plan form and its three formsets, bound together (to `data` when given); `plan` is the
    stored plan or None before the first save."""

    def __init__(self, plan=None, data=None):
        self.data = data
        taxonomy = SkillArea.taxonomy()
        self.skills = {skill.pk: skill for area in taxonomy for skill in area.skill_list}
        skill_choices = [
            ("", "No skill"),
            *[
                (area.name, [(skill.pk, skill.name) for skill in area.skill_list])
                for area in taxonomy
            ],
        ]
        self.form = PlanForm(
            data,
            initial={"based_on": plan.version if plan else 0, "notes": plan.notes if plan else ""},
        )
        # Bound to input, the rows start from nothing: a blank row sent back is then unchanged
        # (and ignored) even if the stored plan has gained rows since the form was opened.
        initial = self.stored_rows(plan) if data is None else {}
        self.goals = GoalFormSet(
            data,
            prefix="goals",
            initial=initial.get("goals"),
            form_kwargs={"skill_choices": skill_choices},
        )
        self.actions = ActionFormSet(
            data,
            prefix="actions",
            initial=initial.get("actions"),
            form_kwargs={"goal_choices": self.goal_choices()},
        )
        self.kpis = KPIFormSet(data, prefix="kpis", initial=initial.get("kpis"))

    @staticmethod
    def stored_rows(plan):
        if plan is None:
            return {}
        goals = list(plan.goals.all())
        goal_rows = {goal.pk: index for index, goal in enumerate(goals)}
        return {
            "goals": [{"id": g.pk, "title": g.title, "skill": g.skill_id} for g in goals],
            "actions": [
                {
                    "id": action.pk,
                    "title": action.title,
                    "goal": (
                        goal_value(goal_rows[action.goal_id]) if action.goal_id in goal_rows else ""
                    ),
                    "owner": action.owner,
                    "due_on": action.due_on,
                    "status": action.status,
                }
                for action in plan.actions.all()
            ],
            "kpis": [
                {
                    "id": kpi.pk,
                    "name": kpi.name,
                    "unit": kpi.unit,
                    "baseline": kpi.baseline,
                    "target": kpi.target,
                }
                for kpi in plan.kpis.all()
            ],
        }

    def goal_choices(self):
        """One choice per goal row, named as the participant wrote it (in this form, when it
        comes back with their input)."""
        choices = [("", "No goal")]
        for index, form in enumerate(self.goals.forms):
            title = (form["title"].value() or "").strip()
            label = f"Goal {index + 1}: {title}" if title else f"Goal {index + 1} (the new goal)"
            choices.append((goal_value(index), label))
        return choices

    @property
    def formsets(self):
        return [self.goals, self.actions, self.kpis]

    def is_valid(self):
        valid = self.form.is_valid() and all(formset.is_valid() for formset in self.formsets)
        if not valid:
            return False
        kept_goals = {index for index, _ in self.goals.kept()}
        for form in self.actions.forms:
            chosen = form.cleaned_data.get("goal")
            if chosen and form.cleaned_data and not form.cleaned_data.get("DELETE"):
                row = int(chosen.removeprefix("goal-")) - 1
                if row not in kept_goals:
                    form.add_error(
                        "goal",
                        f"Goal {row + 1} is empty or removed in this save: "
                        "choose another goal, or none.",
                    )
                    valid = False
        return valid

    @property
    def has_errors(self):
        return bool(
            self.form.errors or any(formset.total_error_count() for formset in self.formsets)
        )

    def cleaned(self):
        """The input as coaching.plans.save_plan takes it (after is_valid)."""
        goal_rows = self.goals.kept()
        goal_index = {row: position for position, (row, _) in enumerate(goal_rows)}
        goals = [
            {"id": data["id"], "title": data["title"], "skill": self.skills.get(data["skill"])}
            for _, data in goal_rows
        ]
        actions = [
            {
                "id": data["id"],
                "title": data["title"],
                "goal": (
                    goal_index[int(data["goal"].removeprefix("goal-")) - 1]
                    if data["goal"]
                    else None
                ),
                "owner": data["owner"],
                "due_on": data["due_on"],
                "status": data["status"],
            }
            for _, data in self.actions.kept()
        ]
        kpis = [
            {key: data[key] for key in ("id", "name", "unit", "baseline", "target")}
            for _, data in self.kpis.kept()
        ]
        return {
            "based_on": self.form.cleaned_data["based_on"],
            "notes": self.form.cleaned_data["notes"],
            "goals": goals,
            "actions": actions,
            "kpis": kpis,
        }

    def rebased(self, number):
        """The same input, now starting from version `number`: after a conflict, saving it again
        is a deliberate choice to keep it over the version shown beside it."""
        data = self.data.copy()
        data["based_on"] = str(number)
        return PlanEditor(data=data)


class CommentForm(forms.Form):
    """A trainer's comment on a goal or an action; `target` names which ("goal-3", "action-7")."""

    target = forms.CharField(widget=forms.HiddenInput, max_length=40)
    body = forms.CharField(
        label="Your comment",
        max_length=limit(PlanComment, "body"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write your comment before sending it."},
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.plan = plan

    def clean_target(self):
        kind, _, key = self.cleaned_data["target"].partition("-")
        model = {"goal": PlanGoal, "action": PlanAction}.get(kind)
        if model is None or not key.isdigit() or int(key) > MAX_KEY:
            raise forms.ValidationError("Comment on a goal or an action of this plan.")
        found = model.objects.filter(plan=self.plan, pk=int(key)).first()
        if found is None:
            raise forms.ValidationError(
                "That goal or action is no longer in the plan: the participant changed it."
            )
        return found
