"""Where an edition's participants stand together, for its trainers and staff to plan a feedback
session (docs/editors.md, "The cohort's skills").

- The participants are the edition's accepted applicants. Each counts with their latest
  self-assessment only, and is *assessed* if it rates at least one skill.
- The heatmap counts those ratings per skill area and level.
- A skill's need is the sum, over the assessed participants who rated it, of (5 − level) ×
  importance, the gap of docs/recommendations.md; the skills most in need are the MOST_IN_NEED
  largest, ties in the taxonomy's order, each with the live, public modules tagged with it.
- Who may see them: staff, who may view self-assessments (`assessments.view_selfassessment`:
  moderators and superusers), and the edition's trainers (those of any of its sessions).
- Aggregates of fewer than SMALL_GROUP people are shown to staff only: in a group that small,
  a count points at a person.

Fixed queries whatever the number of participants or skills: the participants, their latest
ratings, the taxonomy, the skills' importance, then the modules of the skills most in need.
"""

import math
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import F, OuterRef, Subquery

from assessments.models import (
    LEVELS,
    UNDESCRIBED_IMPORTANCE,
    Rating,
    SelfAssessment,
    gap_size,
    importances,
)
from cohorts.models import Application, trains
from courses.models import ModulePage
from skills.models import Skill, SkillArea

SMALL_GROUP = 5
MOST_IN_NEED = 5
# How dark a heatmap cell may be: 0 (no rating) to SHADES (the most rated cell).
SHADES = 4


def sees_every_cohort(user):
    """Staff see every edition's cohort, however few have assessed themselves."""
    return user.has_perm("assessments.view_selfassessment")


def may_see(user, edition):
    """The cohort's skills, its individual rows included, are for its trainers and staff."""
    return user.is_authenticated and (sees_every_cohort(user) or trains(user, edition))


@dataclass(frozen=True)
class Cell:
    level: int
    count: int
    shade: int  # 0 to SHADES, relative to the heatmap's largest count


@dataclass(frozen=True)
class AreaRow:
    area: object  # a SkillArea
    cells: list  # a Cell per level, level 1 first

    @property
    def total(self):
        return sum(cell.count for cell in self.cells)


@dataclass(frozen=True)
class Need:
    skill: Skill
    gap: int
    rated_by: int
    level_sum: int
    modules: list = field(default_factory=list)

    @property
    def average_level(self):
        return round(self.level_sum / self.rated_by, 1)


@dataclass(frozen=True)
class Person:
    learner: object  # a User
    submitted_at: object
    levels: list  # a level or None (skipped) per skill, in the taxonomy's order


@dataclass
class CohortProfile:
    edition: object
    participants: int
    assessed: int
    # None where the viewer may not see them (fewer than SMALL_GROUP assessed, or not asked for).
    heatmap: list | None = None
    most_in_need: list | None = None
    people: list | None = None
    # The taxonomy's areas, each with its `skill_list`, in order: the columns of `people`.
    areas: list = field(default_factory=list)

    @property
    def small(self):
        return self.assessed < SMALL_GROUP


def latest_ratings(edition):
    """(learner id, submitted at, skill id, level) of the ratings of each participant's latest
    self-assessment."""
    latest = (
        SelfAssessment.objects.filter(learner=OuterRef("assessment__learner"))
        .order_by("-submitted_at", "-pk")
        .values("pk")[:1]
    )
    return Rating.objects.filter(
        assessment__learner__applications__cohort__edition=edition,
        assessment__learner__applications__status=Application.Status.ACCEPTED,
        assessment=Subquery(latest),
    ).values_list("assessment__learner", "assessment__submitted_at", "skill", "level")


def _heatmap(areas, ratings):
    counts = {area.pk: [0] * len(LEVELS) for area in areas}
    area_of = {skill.pk: skill.area_id for area in areas for skill in area.skill_list}
    for _, _, skill_id, level in ratings:
        counts[area_of[skill_id]][level - 1] += 1
    most = max((n for row in counts.values() for n in row), default=0)
    return [
        AreaRow(
            area,
            [
                # Rounded up: any rating at all is at least the lightest shade, a zero none.
                Cell(level, n, math.ceil(n * SHADES / most) if n else 0)
                for level, n in zip(LEVELS, counts[area.pk], strict=True)
            ],
        )
        for area in areas
    ]


def _most_in_need(areas, ratings):
    skills = [skill for area in areas for skill in area.skill_list]
    totals = {skill.pk: [0, 0, 0] for skill in skills}  # gap, rated by, sum of levels
    importance = importances()
    for _, _, skill_id, level in ratings:
        total = totals[skill_id]
        total[0] += gap_size(level, importance.get(skill_id, UNDESCRIBED_IMPORTANCE))
        total[1] += 1
        total[2] += level
    # `skills` are in the taxonomy's order, which a stable sort keeps among equal gaps.
    needs = [Need(skill, *totals[skill.pk]) for skill in skills if totals[skill.pk][0] > 0]
    needs.sort(key=lambda need: -need.gap)
    needs = needs[:MOST_IN_NEED]
    modules = (
        ModulePage.objects.live()
        .public()
        .filter(skill_items__tag__in=[need.skill.pk for need in needs])
        # The tagging row the filter joined: a module teaching two of the skills comes twice.
        .annotate(taught=F("skill_items__tag"))
        .only("title", "slug", "url_path", "path", "depth")
        .order_by("path")
    )
    by_skill = {need.skill.pk: need.modules for need in needs}
    for module in modules:
        by_skill[module.taught].append(module)
    return needs


def _people(participants, areas, ratings):
    levels = {}
    submitted = {}
    for learner_id, submitted_at, skill_id, level in ratings:
        levels.setdefault(learner_id, {})[skill_id] = level
        submitted[learner_id] = submitted_at
    skills = [skill.pk for area in areas for skill in area.skill_list]
    people = [
        Person(participants[learner_id], submitted[learner_id], [rated.get(pk) for pk in skills])
        for learner_id, rated in levels.items()
    ]
    people.sort(key=lambda person: (person.learner.get_full_name().lower(), person.learner.pk))
    return people


def profile_of(edition, viewer, individual=True):
    """The edition's cohort as `viewer` (one who `may_see` it) may see it: the aggregates, unless
    fewer than SMALL_GROUP are assessed and the viewer is not staff, and with them each assessed
    participant's levels if `individual`."""
    participants = {
        user.pk: user
        for user in get_user_model().objects.filter(
            applications__cohort__edition=edition,
            applications__status=Application.Status.ACCEPTED,
        )
    }
    ratings = list(latest_ratings(edition))
    assessed = len({learner_id for learner_id, *_ in ratings})
    profile = CohortProfile(edition, len(participants), assessed)
    if assessed < SMALL_GROUP and not sees_every_cohort(viewer):
        # Nor the individual rows: a trainer would read the withheld aggregates off them.
        return profile
    profile.areas = SkillArea.taxonomy()
    profile.heatmap = _heatmap(profile.areas, ratings)
    profile.most_in_need = _most_in_need(profile.areas, ratings)
    if individual:
        profile.people = _people(participants, profile.areas, ratings)
    return profile
