"""Where a learner stands on the skills taxonomy: the levels they give themselves, as often as
they reassess, and the scale editors describe for each skill.

Levels are 1 to 5 and one rating per skill and assessment: the database enforces both. Every
assessment is kept with its date, so a learner's progress can be shown over time; deleting the
account deletes them.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

LEVELS = range(1, 6)


class SkillScale(models.Model):
    """What each level of one skill means, in a line each, and how much the skill matters when
    the site recommends what to learn next (recommendations weigh a gap by it)."""

    class Importance(models.IntegerChoices):
        USEFUL = 1, "Useful"
        IMPORTANT = 2, "Important"
        ESSENTIAL = 3, "Essential"

    skill = models.OneToOneField("skills.Skill", on_delete=models.CASCADE, related_name="scale")
    importance = models.PositiveSmallIntegerField(
        choices=Importance.choices, default=Importance.IMPORTANT
    )
    level_1 = models.CharField("level 1", max_length=200, help_text="e.g. “New to it”.")
    level_2 = models.CharField("level 2", max_length=200)
    level_3 = models.CharField("level 3", max_length=200)
    level_4 = models.CharField("level 4", max_length=200)
    level_5 = models.CharField("level 5", max_length=200, help_text="e.g. “Could teach it”.")

    class Meta:
        ordering = ["skill__area__sort_order", "skill__sort_order", "skill__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(importance__gte=1, importance__lte=3),
                name="skill_scale_importance_1_to_3",
            ),
        ]

    def __str__(self):
        return f"Levels of {self.skill}"

    @property
    def descriptors(self):
        """The five descriptors, level 1 first."""
        return [getattr(self, f"level_{level}") for level in LEVELS]


def gap_size(level, importance):
    """How far a skill rated `level` is from the top, weighed by its importance: what
    recommendations and the cohort's skills most in need rank by (docs/recommendations.md)."""
    return (LEVELS[-1] - level) * importance


# A skill no editor has described yet counts as important, neither more nor less than most.
UNDESCRIBED_IMPORTANCE = SkillScale.Importance.IMPORTANT


def importances():
    """{skill id: importance} of the skills editors described (the rest: UNDESCRIBED_IMPORTANCE)."""
    return dict(SkillScale.objects.order_by().values_list("skill", "importance"))


class SelfAssessment(models.Model):
    learner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="self_assessments"
    )
    submitted_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-submitted_at", "-pk"]
        get_latest_by = ["submitted_at", "pk"]

    def __str__(self):
        return f"{self.learner} on {self.submitted_at:%Y-%m-%d}"


class Rating(models.Model):
    """The level a learner gave themselves on one skill in one assessment; a skipped skill has
    none."""

    assessment = models.ForeignKey(SelfAssessment, on_delete=models.CASCADE, related_name="ratings")
    skill = models.ForeignKey("skills.Skill", on_delete=models.CASCADE, related_name="ratings")
    level = models.PositiveSmallIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "skill"], name="one_rating_per_skill"),
            models.CheckConstraint(
                condition=Q(level__gte=1, level__lte=5),
                name="rating_level_1_to_5",
                violation_error_message="A level is 1 to 5.",
            ),
        ]

    def __str__(self):
        return f"{self.skill}: {self.level}"
