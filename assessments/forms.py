"""The self-assessment: a level from 1 to 5, or none, for each skill of the taxonomy. The view
hands `levels()` to `assessments.services.save_assessment`, which stores them."""

from django import forms

from assessments.models import LEVELS, SkillScale
from skills.models import SkillArea

FIELD = "skill_"


def level_choices(scale):
    """The five levels, each labelled with its descriptor ("3 — Practise it regularly") when the
    skill has a scale, then Skip."""
    if scale is None:
        levels = [(level, f"Level {level}") for level in LEVELS]
    else:
        levels = [
            (level, f"{level} — {descriptor}")
            for level, descriptor in zip(LEVELS, scale.descriptors, strict=True)
        ]
    return [*levels, ("", "Skip")]


class SelfAssessmentForm(forms.Form):
    """A radio group per skill, grouped by area in the taxonomy's order, each preselecting the
    learner's latest level (`latest`, {skill id: level}) or Skip.

    A posted field for a skill the form does not have is an error rather than dropped: it is a
    skill deleted since the form was shown, or a forged request."""

    def __init__(self, *args, latest, **kwargs):
        super().__init__(*args, **kwargs)
        self.areas = SkillArea.taxonomy()
        scales = {scale.skill_id: scale for scale in SkillScale.objects.all()}
        self.skills = {}
        for area in self.areas:
            for skill in area.skill_list:
                self.skills[f"{FIELD}{skill.pk}"] = skill
                self.fields[f"{FIELD}{skill.pk}"] = forms.TypedChoiceField(
                    label=skill.name,
                    help_text=skill.description,
                    choices=level_choices(scales.get(skill.pk)),
                    coerce=int,
                    empty_value=None,
                    required=False,
                    initial=latest.get(skill.pk, ""),
                    widget=forms.RadioSelect,
                    error_messages={
                        "invalid_choice": f"Pick a level from 1 to 5 for {skill.name}, or Skip."
                    },
                )

    def fieldsets(self):
        """(area, its skills' bound fields) for each area, in the taxonomy's order."""
        return [
            (area, [self[f"{FIELD}{skill.pk}"] for skill in area.skill_list]) for area in self.areas
        ]

    def clean(self):
        cleaned_data = super().clean()
        unknown = [name for name in self.data if name.startswith(FIELD) and name not in self.fields]
        if unknown:
            raise forms.ValidationError(
                "These skills are not in the taxonomy (any more): %(unknown)s. "
                "Reload the form and try again.",
                code="unknown_skill",
                params={"unknown": ", ".join(unknown)},
            )
        # A level out of range is its own error: no need to add that nothing was rated.
        if not self.errors and not self.levels():
            raise forms.ValidationError(
                "Rate at least one skill, or skip the form.", code="nothing_rated"
            )
        return cleaned_data

    def levels(self):
        """{skill: level} of the skills rated (the valid ones so far, while cleaning)."""
        return {
            self.skills[name]: level
            for name, level in self.cleaned_data.items()
            if level is not None
        }
