"""A learner's self-assessments: saving one, their latest levels, the latest next to the previous
for "My skills", and beside them the evidence the site holds (the modules they completed).

Each read is a fixed number of queries however many skills are rated."""

from dataclasses import dataclass

from django.db import transaction
from django.db.models import F

from assessments.models import Rating, SelfAssessment
from courses.models import ModulePage
from skills.models import Skill, SkillArea


def latest_levels(learner):
    """{skill id: level} of the learner's latest self-assessment; empty if they have none.
    One query."""
    latest = SelfAssessment.objects.filter(learner=learner).order_by("-submitted_at", "-pk")[:1]
    return dict(Rating.objects.filter(assessment__in=latest).values_list("skill", "level"))


@transaction.atomic
def save_assessment(learner, levels):
    """A new self-assessment by the learner with `levels` ({skill: level}); earlier ones are kept
    as their history."""
    assessment = SelfAssessment.objects.create(learner=learner)
    Rating.objects.bulk_create(
        Rating(assessment=assessment, skill=skill, level=level) for skill, level in levels.items()
    )
    return assessment


def average(levels):
    """The mean of the levels given (None for a skipped skill), to one decimal; None if none."""
    rated = [level for level in levels if level is not None]
    return round(sum(rated) / len(rated), 1) if rated else None


@dataclass(frozen=True)
class SkillLevels:
    skill: Skill
    latest: int | None  # None: skipped in that assessment
    previous: int | None


@dataclass(frozen=True)
class AreaLevels:
    area: SkillArea
    skills: list  # SkillLevels of the skills rated in either assessment, in the taxonomy's order

    @property
    def latest(self):
        """The average level of the area's skills rated in the latest assessment."""
        return average(skill.latest for skill in self.skills)

    @property
    def previous(self):
        return average(skill.previous for skill in self.skills)


@dataclass(frozen=True)
class Comparison:
    latest: SelfAssessment
    previous: SelfAssessment | None  # None after a first assessment
    areas: list  # AreaLevels, in the taxonomy's order


def assessments_for_chart(learner):
    """The learner's latest self-assessment next to the previous one, per area and skill; None if
    they have not assessed themselves. Two queries."""
    assessments = list(
        SelfAssessment.objects.filter(learner=learner).order_by("-submitted_at", "-pk")[:2]
    )
    if not assessments:
        return None
    latest, previous = assessments[0], (assessments[1] if len(assessments) > 1 else None)
    levels = {}  # {skill: [latest level, previous level]}
    ratings = (
        Rating.objects.filter(assessment__in=assessments)
        .select_related("skill__area")
        .order_by(
            "skill__area__sort_order", "skill__area__name", "skill__sort_order", "skill__name"
        )
    )
    for rating in ratings:
        column = 0 if rating.assessment_id == latest.pk else 1
        levels.setdefault(rating.skill, [None, None])[column] = rating.level
    areas = {}
    for skill, (latest_level, previous_level) in levels.items():
        areas.setdefault(skill.area, []).append(SkillLevels(skill, latest_level, previous_level))
    return Comparison(
        latest, previous, [AreaLevels(area, skills) for area, skills in areas.items()]
    )


@dataclass(frozen=True)
class Evidence:
    skill: Skill
    modules: list  # the live modules tagged with the skill that the learner completed


def evidence(learner):
    """The skills the learner's completed live modules teach, in the taxonomy's order, each with
    those modules by title. Two queries."""
    modules = (
        ModulePage.objects.live()
        .filter(completions__learner=learner, skill_items__isnull=False)
        # The tagging row the filter joined: a module teaching two skills comes twice.
        .annotate(taught=F("skill_items__tag"))
        .only("title", "url_path", "path", "depth")
        .order_by("title", "pk")
    )
    by_skill = {}
    for module in modules:
        by_skill.setdefault(module.taught, []).append(module)
    skills = Skill.objects.filter(pk__in=by_skill).select_related("area")
    return [Evidence(skill, by_skill[skill.pk]) for skill in skills]
