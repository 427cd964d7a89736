"""What a learner could learn next: the modules, courses and materials of every edition that teach
the skills of their largest gaps, ranked by a formula a learner can check by hand
(docs/recommendations.md).

- A skill rated at level L, of importance w (its scale's, IMPORTANT without one), is a gap of
  (5 − L) × w; a skill rated 5 is no gap. The largest gaps are the GAPS largest, ties to the lower
  level, then in the taxonomy's order.
- A candidate is a live, public module or course, or a material the request may see, tagged with
  any of those skills; the learner's completed modules are left out, and so are the courses they
  have finished (every live module completed) or hold a certificate for.
- Its score is the sum of the gaps it is tagged with. The list runs by score, highest first, then
  modules before courses before materials, then by title and id.

A fixed number of queries whatever the number of skills rated or of candidates: the skills
rated, then one ranked list per kind, plus what `public()`, page URLs and the library's
visibility read.
"""

from dataclasses import dataclass
from itertools import combinations

from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    IntegerField,
    Min,
    OuterRef,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Substr

from wagtail.models import Page

from assessments.models import LEVELS, UNDESCRIBED_IMPORTANCE, gap_size
from courses.models import CoursePage, ModulePage
from learning.models import ModuleCompletion
from materials.models import MaterialLibraryPage
from skills.models import Skill

GAPS = 3
HIGHEST = LEVELS[-1]
# How long "the full list" is: past it, a list of every material about a skill is the library's.
FULL_LIST = 30
KINDS = ("module", "course", "material")
# What an entry shows of a page: its title and URL.
PAGE_FIELDS = ("title", "url_path", "path", "depth")


@dataclass(frozen=True)
class Gap:
    skill: Skill
    level: int
    importance: int

    @property
    def size(self):
        return gap_size(self.level, self.importance)


@dataclass(frozen=True)
class Recommendation:
    kind: str  # one of KINDS
    id: int
    title: str
    url: str
    score: int
    gap: Gap  # the largest of the gaps it covers, which `why` names

    @property
    def why(self):
        return (
            f"You rated {self.gap.skill.name} {self.gap.level} of {HIGHEST}; "
            f"this {self.kind} covers it."
        )


def largest_gaps(levels):
    """The GAPS largest gaps of `levels` ({skill id: level}), largest first; one query."""
    skills = (
        Skill.objects.filter(pk__in=levels)
        .select_related("area")
        .annotate(importance=Coalesce("scale__importance", UNDESCRIBED_IMPORTANCE))
    )
    gaps = [Gap(skill, levels[skill.pk], skill.importance) for skill in skills]
    gaps = [gap for gap in gaps if gap.size > 0]
    gaps.sort(
        key=lambda gap: (
            -gap.size,
            gap.level,
            gap.skill.area.sort_order,
            gap.skill.sort_order,
            gap.skill.name,
        )
    )
    return gaps[:GAPS]


def _per_gap(gaps, values):
    """A tagging row's value: values[i] where it tags the skill of gaps[i]."""
    whens = [
        When(skill_items__tag=gap.skill.pk, then=Value(value))
        for gap, value in zip(gaps, values, strict=True)
    ]
    return Case(*whens, output_field=IntegerField())


def _shortlist(items, gaps, limit):
    """The items that may be among the first `limit` by score: for each combination of the
    gaps, the first `limit` by title and id of the items tagged with all of its skills.

    None of the first `limit` is left out: an item left out comes after `limit` items tagged with
    every gap skill it is tagged with, so scoring at least as much, and earlier by title and id.
    For materials: ranking every material tagged with a gap adds up the tagging rows of thousands
    (three skills tag a fifth of the generated library), where each combination's first rows are
    read in title order from an index.
    """
    firsts = []
    for size in range(1, len(gaps) + 1):
        for combination in combinations(gaps, size):
            tagged = items
            for gap in combination:
                tagged = tagged.filter(skill_items__tag=gap.skill.pk)
            first = tagged.order_by("title", "pk").values("pk")[:limit]
            # SQLite takes no LIMIT in a part of a UNION, but does in a subquery of one.
            firsts.append(items.model.objects.filter(pk__in=first).order_by().values("pk"))
    return items.filter(pk__in=firsts[0].union(*firsts[1:], all=True))


def _ranked(items, gaps, limit):
    """The first `limit` of `items` tagged with any of the gaps' skills, by score then title and
    id, each with its `score` and the index in `gaps` of the largest gap it covers (`largest`)."""
    # Filtered before it is annotated, the sum and the minimum read only the gaps' tagging rows.
    return list(
        items.filter(skill_items__tag__in=[gap.skill.pk for gap in gaps])
        .annotate(
            score=Sum(_per_gap(gaps, [gap.size for gap in gaps])),
            largest=Min(_per_gap(gaps, range(len(gaps)))),
        )
        .order_by("-score", "title", "pk")[:limit]
    )


def _unfinished_courses(learner, modules):
    """Live, public courses the learner holds no certificate for and has not finished: some of
    the course's `modules` (the live, public ones) are not completed, or it has none."""
    # A module's course is its parent page, whose path is the module's less its last step.
    by_course = modules.annotate(
        course_path=Substr("path", 1, (F("depth") - 1) * Page.steplen)
    ).values("course_path")
    done = Exists(ModuleCompletion.objects.filter(learner=learner, module=OuterRef("pk")))
    started = by_course.filter(done)
    finished = (
        by_course.filter(course_path__in=started)
        .order_by()
        .annotate(left=Count("pk", filter=~done))
        .filter(left=0)
        .values("course_path")
    )
    return (
        CoursePage.objects.live()
        .public()
        .exclude(certificates__learner=learner)
        .exclude(path__in=finished)
    )


def _url(kind, item, request):
    if kind == "material":
        return MaterialLibraryPage.material_url(item, request)
    return item.get_url(request)


def recommend(levels, learner, request, limit=None):
    """The learner's recommendations for their latest `levels` ({skill id: level}): the first
    `limit` of the list, or the full list (at most FULL_LIST entries); empty without a gap."""
    gaps = largest_gaps(levels)
    if not gaps:
        return []
    limit = min(limit or FULL_LIST, FULL_LIST)
    modules = ModulePage.objects.live().public()
    pages = {
        "module": modules.exclude(completions__learner=learner),
        "course": _unfinished_courses(learner, modules),
    }
    ranked = [
        (kind, page)
        for kind, items in pages.items()
        for page in _ranked(items.only(*PAGE_FIELDS), gaps, limit)
    ]
    materials = MaterialLibraryPage.visible_materials(request).only("title", "slug")
    ranked += [
        ("material", material)
        for material in _ranked(_shortlist(materials, gaps, limit), gaps, limit)
    ]
    # Stable: each kind's entries keep the database's order by title and id.
    ranked.sort(key=lambda entry: (-entry[1].score, KINDS.index(entry[0])))
    return [
        Recommendation(
            kind, item.pk, item.title, _url(kind, item, request), item.score, gaps[item.largest]
        )
        for kind, item in ranked[:limit]
    ]
