"""A learner who has assessed their skills is recommended modules, courses and materials of every
edition for their largest gaps, by the formula of docs/recommendations.md, and never anything they
have completed or may not see.

The academy of these tests (`rated`) spells the formula's terms out: gap = (5 − level) × importance.

| skill            | level | importance        | gap        |
|------------------|------:|-------------------|-----------:|
| Trend analysis   |     2 | 3 (essential)     | 3 × 3 = 9  |
| KPIs and impact  |     3 | 2 (important)     | 2 × 2 = 4  |
| Action planning  |     2 | 1 (useful)        | 3 × 1 = 3  |
| Member surveys   |     5 | 2 (no scale)      | 0 × 2 = 0  |

What teaches them, and its score (the sum of the gaps it is tagged with):
- "Trends in your KPIs", a module on trend analysis and KPIs: 9 + 4 = 13;
- "Reading trends", a module on trend analysis: 9;
- the three modules of "Strategy in Sofia 2024" and the course itself, on KPIs: 4 each;
- the three modules of "Strategy in Strasbourg 2023", the course, and the material "Action plan
  template", on action planning: 3 each.
"""

from datetime import timedelta

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from wagtail.models import APIToken, PageViewRestriction

import pytest

from assessments.models import SelfAssessment, SkillScale
from assessments.recommendations import FULL_LIST, largest_gaps, recommend
from courses.models import ModulePage
from skills.models import Skill
from tests.factories import (
    CertificateFactory,
    CoursePageFactory,
    MaterialFactory,
    ModuleCompletionFactory,
    ModulePageFactory,
    PageViewRestrictionFactory,
    SkillAreaFactory,
    SkillScaleFactory,
    UserFactory,
    hidden_content,
    self_assessment,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def rated(academy):
    """The small academy with the skills' scales and the modules of the table above."""
    SkillScaleFactory(skill=academy.trend_analysis, importance=SkillScale.Importance.ESSENTIAL)
    SkillScaleFactory(skill=academy.kpis, importance=SkillScale.Importance.IMPORTANT)
    SkillScaleFactory(skill=academy.action_planning, importance=SkillScale.Importance.USEFUL)
    sofia = academy.courses[1]
    academy.reading_trends = tagged(
        ModulePageFactory(parent=sofia, title="Reading trends"), academy.trend_analysis
    )
    academy.trends_in_kpis = tagged(
        ModulePageFactory(parent=sofia, title="Trends in your KPIs"),
        academy.trend_analysis,
        academy.kpis,
    )
    return academy


def tagged(page, *skills):
    page.skills.add(*skills)
    page.save()
    return page


def ratings_of(academy):
    """The learner's levels in the table above, {skill: level}."""
    return {
        academy.trend_analysis: 2,
        academy.kpis: 3,
        academy.action_planning: 2,
        academy.surveys: 5,
    }


def levels_of(academy):
    """The same as `services.latest_levels` gives them, {skill id: level}."""
    return {skill.pk: level for skill, level in ratings_of(academy).items()}


def learner_request(rf, learner):
    request = rf.get("/learning/")
    request.user = learner
    request.session = {}
    return request


def listed(entries):
    return [(entry.kind, entry.title, entry.score) for entry in entries]


SOFIA_MODULES = [f"Strategy in Sofia 2024: part {n}" for n in (1, 2, 3)]
STRASBOURG_MODULES = [f"Strategy in Strasbourg 2023: part {n}" for n in (1, 2, 3)]
RANKED = [
    ("module", "Trends in your KPIs", 13),
    ("module", "Reading trends", 9),
    *(("module", title, 4) for title in SOFIA_MODULES),
    ("course", "Strategy in Sofia 2024", 4),
    *(("module", title, 3) for title in STRASBOURG_MODULES),
    ("course", "Strategy in Strasbourg 2023", 3),
    ("material", "Action plan template", 3),
]


def assess(client, levels):
    """The learner posts the self-assessment form: a level for each of `levels`' skills."""
    form = {f"skill_{skill.pk}": level for skill, level in levels.items()}
    response = client.post(reverse("assessments:assess"), form)
    assert response.status_code == 302, response.content


def section(html, heading_id):
    """The <section> labelled by `heading_id`."""
    start = html.index(f'aria-labelledby="{heading_id}"')
    return html[start : html.index("</section>", start)]


def shown(response):
    return [(e.kind, e.title) for e in response.context["recommendations"]]


def test_a_learner_assesses_then_follows_their_recommendations(client, rated, learner):
    """Issue 17's story: assess, be recommended modules for the weakest skills (nothing completed,
    nothing restricted), complete one and see it drop out, reassess and see both dates."""
    client.force_login(learner)
    sofia = rated.courses[1]
    # Completed before: never recommended.
    done_before = ModulePage.objects.child_of(sofia).get(title=SOFIA_MODULES[0])
    ModuleCompletionFactory(learner=learner, module=done_before)
    # What the learner may not see, on their two weakest skills, so it would lead if it leaked.
    hidden = hidden_content(rated)
    for page in hidden.values():
        if page is not hidden["material"]:
            tagged(page, rated.trend_analysis)
    withdrawn = tagged(
        CoursePageFactory(parent=rated.editions[1], title="Quokka withdrawn course"),
        rated.trend_analysis,
    )
    tagged(ModulePageFactory(parent=withdrawn, title="Quokka module"), rated.trend_analysis)
    withdrawn.unpublish()
    closed_library = Group.objects.create(name="Quokka cohort")
    PageViewRestrictionFactory(
        page=rated.library, restriction_type=PageViewRestriction.GROUPS, groups=[closed_library]
    )
    MaterialFactory(title="Quokka trend radar", skills=[rated.trend_analysis, rated.kpis])

    # 1. The learner assesses themselves.
    dashboard = client.get("/learning/")
    assert reverse("assessments:assess") in section(
        dashboard.content.decode(), "recommendations-heading"
    )
    assess(client, ratings_of(rated))

    # 2. Their top three: modules on their weakest skills.
    dashboard = client.get("/learning/")
    assert shown(dashboard) == [
        ("module", "Trends in your KPIs"),
        ("module", "Reading trends"),
        ("module", SOFIA_MODULES[1]),
    ]
    html = section(dashboard.content.decode(), "recommendations-heading")
    assert "You rated Trend analysis 2 of 5; this module covers it." in html
    assert reverse("assessments:my_skills") in html
    # The full list on My skills: nothing completed, restricted, draft or in the closed library.
    my_skills = client.get(reverse("assessments:my_skills"))
    full = shown(my_skills)
    assert full == [
        (kind, title)
        for kind, title, _ in RANKED
        if title != SOFIA_MODULES[0] and kind != "material"
    ]
    assert "Quokka" not in my_skills.content.decode()

    # 3. They complete the first one, and it drops out.
    client.post(reverse("enrol", args=[sofia.pk]))
    client.post(reverse("complete_module", args=[rated.trends_in_kpis.pk]))
    assert shown(client.get("/learning/")) == [
        ("module", "Reading trends"),
        ("module", SOFIA_MODULES[1]),
        ("module", SOFIA_MODULES[2]),
    ]

    # 4. Weeks later they reassess; My skills charts both assessments, each with its date.
    SelfAssessment.objects.update(submitted_at=timezone.now() - timedelta(weeks=6))
    assess(client, {**ratings_of(rated), rated.trend_analysis: 4})
    chart = client.get(reverse("assessments:my_skills")).content.decode()
    first, second = SelfAssessment.objects.filter(learner=learner).order_by("submitted_at")
    assert first.submitted_at.date() != second.submitted_at.date()
    for assessment in (first, second):
        # The page shows the date where the site is (TIME_ZONE), whatever the hour in UTC.
        assert date_format(timezone.localtime(assessment.submitted_at), "j F Y") in chart
    # Trend analysis at 4 of 5 is a gap of 3, now below KPIs and impact (4).
    assert shown(client.get("/learning/"))[0] == ("module", SOFIA_MODULES[1])


def test_the_largest_gaps_weigh_the_level_by_the_skills_importance(rated):
    gaps = largest_gaps(levels_of(rated))
    assert [(gap.skill.name, gap.level, gap.importance, gap.size) for gap in gaps] == [
        ("Trend analysis", 2, 3, 9),
        ("KPIs and impact", 3, 2, 4),
        ("Action planning", 2, 1, 3),
    ]


def test_a_skill_rated_five_or_without_a_scale_and_equal_gaps(academy):
    """Member surveys has no scale (importance 2). Equal gaps go to the lower level first, then to
    the taxonomy's order."""
    SkillScaleFactory(skill=academy.kpis, importance=SkillScale.Importance.ESSENTIAL)
    levels = {
        academy.surveys.pk: 2,  # 3 × 2 = 6
        academy.kpis.pk: 3,  # 2 × 3 = 6, a higher level
        academy.action_planning.pk: 2,  # 3 × 2 = 6, earlier in the taxonomy than surveys
        academy.trend_analysis.pk: 5,  # no gap
    }
    gaps = largest_gaps(levels)
    assert [(gap.skill.name, gap.size) for gap in gaps] == [
        ("Action planning", 6),
        ("Member satisfaction surveys", 6),
        ("KPIs and impact", 6),
    ]
    assert largest_gaps({academy.kpis.pk: 5}) == []


def test_recommendations_rank_by_score_then_kind_then_title(rf, rated, learner):
    entries = recommend(levels_of(rated), learner, learner_request(rf, learner))
    assert listed(entries) == RANKED
    first = entries[0]
    assert first.url == rated.trends_in_kpis.url
    assert first.why == "You rated Trend analysis 2 of 5; this module covers it."
    assert entries[5].why == "You rated KPIs and impact 3 of 5; this course covers it."
    assert entries[-1].why == "You rated Action planning 2 of 5; this material covers it."
    assert entries[-1].url == f"/materials/{rated.material.slug}/"
    top = recommend(levels_of(rated), learner, learner_request(rf, learner), limit=3)
    assert listed(top) == RANKED[:3]


def test_equal_scores_and_titles_are_ordered_by_id(rf, rated, learner):
    twins = [
        tagged(
            ModulePageFactory(parent=course, title="Reading trends", slug=f"twin-{n}"),
            rated.trend_analysis,
        )
        for n, course in enumerate(rated.courses)
    ]
    entries = recommend(levels_of(rated), learner, learner_request(rf, learner))
    assert [entry.id for entry in entries if entry.title == "Reading trends"] == sorted(
        [rated.reading_trends.pk, *(twin.pk for twin in twins)]
    )


def test_completed_modules_and_finished_courses_are_left_out(rf, rated, learner):
    sofia, strasbourg = rated.courses[1], rated.courses[0]
    for module in ModulePage.objects.child_of(sofia):
        ModuleCompletionFactory(learner=learner, module=module)
    CertificateFactory(learner=learner, course=strasbourg)
    entries = recommend(levels_of(rated), learner, learner_request(rf, learner))
    assert listed(entries) == [
        *(("module", title, 3) for title in STRASBOURG_MODULES),
        ("material", "Action plan template", 3),
    ]
    # Someone else's completions change nothing for the learner.
    assert listed(recommend(levels_of(rated), UserFactory(), learner_request(rf, learner))) == (
        RANKED
    )


def test_a_course_with_a_module_left_stays(rf, rated, learner):
    sofia = rated.courses[1]
    *done, left = ModulePage.objects.child_of(sofia).order_by("path")
    for module in done:
        ModuleCompletionFactory(learner=learner, module=module)
    entries = recommend(levels_of(rated), learner, learner_request(rf, learner))
    assert ("course", "Strategy in Sofia 2024", 4) in listed(entries)
    assert [entry.title for entry in entries if entry.kind == "module"][:1] == [left.title]


def test_nothing_restricted_draft_or_below_a_draft_is_recommended(rf, rated, learner):
    """Hidden content (tests/factories.py `hidden_content`) is tagged with action planning, one of
    the learner's gaps; so are a module below a course the editor took offline and a module of a
    course only a group may see."""
    hidden_content(rated)
    withdrawn = tagged(
        CoursePageFactory(parent=rated.editions[0], title="Quokka withdrawn course"),
        rated.action_planning,
    )
    tagged(
        ModulePageFactory(parent=withdrawn, title="Quokka module below a draft"),
        rated.action_planning,
    )
    withdrawn.unpublish()
    entries = recommend(levels_of(rated), learner, learner_request(rf, learner))
    assert listed(entries) == RANKED
    assert not [entry for entry in entries if "Quokka" in entry.title]


def test_no_material_while_the_library_is_closed_to_the_learner(rf, rated, learner):
    group = Group.objects.create(name="Cohort only")
    PageViewRestrictionFactory(
        page=rated.library, restriction_type=PageViewRestriction.GROUPS, groups=[group]
    )
    entries = recommend(levels_of(rated), learner, learner_request(rf, learner))
    assert [entry.kind for entry in entries].count("material") == 0
    learner.groups.add(group)
    entries = recommend(levels_of(rated), learner, learner_request(rf, learner))
    assert [entry.title for entry in entries if entry.kind == "material"] == [
        "Action plan template"
    ]


def test_materials_of_every_edition_and_none_twice(rf, rated, learner):
    """A material tagged with two gaps is one entry, scored with both."""
    MaterialFactory(
        title="Trend radar", edition=rated.editions[1], skills=[rated.trend_analysis, rated.kpis]
    )
    MaterialFactory(title="KPI sheet", edition=None, skills=[rated.kpis])
    entries = recommend(levels_of(rated), learner, learner_request(rf, learner))
    materials = [entry for entry in entries if entry.kind == "material"]
    assert listed(materials) == [
        ("material", "Trend radar", 13),
        ("material", "KPI sheet", 4),
        ("material", "Action plan template", 3),
    ]


def test_a_material_on_more_gaps_leads_whatever_its_title(rf, academy, learner):
    """Many materials on one gap, few on two: the one on both leads, however late its title."""
    levels = {academy.surveys.pk: 1, academy.trend_analysis.pk: 2}  # gaps 4 × 2 = 8, 3 × 2 = 6
    for n in range(5):
        MaterialFactory(title=f"A survey sheet {n}", skills=[academy.surveys])
    MaterialFactory(title="Y trends", skills=[academy.trend_analysis])
    MaterialFactory(
        title="Zebra survey of trends", skills=[academy.surveys, academy.trend_analysis]
    )
    entries = recommend(levels, learner, learner_request(rf, learner), limit=3)
    assert listed(entries) == [
        ("material", "Zebra survey of trends", 14),
        ("material", "A survey sheet 0", 8),
        ("material", "A survey sheet 1", 8),
    ]


def test_the_full_list_is_capped(rf, rated, learner):
    for n in range(FULL_LIST):
        MaterialFactory(title=f"Trend sheet {n:02}", skills=[rated.trend_analysis])
    entries = recommend(levels_of(rated), learner, learner_request(rf, learner))
    assert len(entries) == FULL_LIST
    assert listed(entries[:2]) == RANKED[:2]
    assert entries[2].title == "Trend sheet 00"


def many_rated_skills(count):
    """`count` new skills in an area of their own, and a level for each (1 to 4 in turn), as a
    learner who rated every one of them."""
    area = SkillAreaFactory()
    skills = Skill.objects.bulk_create(
        Skill(name=f"{area.name}: {n}", slug=f"{area.slug}-{n}", area=area, sort_order=n)
        for n in range(count)
    )
    return {skill.pk: 1 + n % 4 for n, skill in enumerate(skills)}


def test_the_queries_are_the_same_for_3_or_300_skills_rated(
    rf, rated, learner, django_assert_num_queries
):
    """The skills rated, the modules, the courses and the materials, with what `public()`, URLs and
    the library's visibility read: the same for any number of skills rated, entries or gaps."""
    levels = {**levels_of(rated), **many_rated_skills(3)}
    with CaptureQueriesContext(connection) as few:
        recommend(levels, learner, learner_request(rf, learner))
    levels = {**levels_of(rated), **many_rated_skills(300)}
    # As at first: the site's root paths, which page URLs read, are not cached yet.
    cache.clear()
    with django_assert_num_queries(len(few)):
        recommend(levels, learner, learner_request(rf, learner))
    assert len(few) == 12


RECOMMENDATIONS = "/api/v3/academy/me/recommendations/"
ASSESSMENTS = "/api/v3/academy/me/assessments/"


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {APIToken.create_token(user=user, name='script')[1]}"}


def test_a_learner_reads_their_own_recommendations_with_a_token(client, rated, learner):
    self_assessment(learner, {rated.action_planning: 5}, when=timezone.now() - timedelta(days=90))
    self_assessment(learner, ratings_of(rated))
    self_assessment(UserFactory(), {rated.surveys: 1})
    data = client.get(RECOMMENDATIONS, **bearer(learner)).json()
    assert data["count"] == len(RANKED)
    assert [(item["kind"], item["title"], item["score"]) for item in data["items"]] == RANKED
    assert data["items"][0] == {
        "kind": "module",
        "id": rated.trends_in_kpis.pk,
        "title": "Trends in your KPIs",
        "url": rated.trends_in_kpis.url,
        "score": 13,
        "why": "You rated Trend analysis 2 of 5; this module covers it.",
        "skill": {"slug": "trend-analysis", "name": "Trend analysis", "area": "strategy-foresight"},
    }


def test_a_learner_reads_their_own_assessments_and_no_one_elses(client, rated, learner):
    earlier = self_assessment(
        learner, {rated.kpis: 1, rated.trend_analysis: 1}, when=timezone.now() - timedelta(days=90)
    )
    latest = self_assessment(learner, ratings_of(rated))
    other = self_assessment(UserFactory(), {rated.surveys: 1})
    data = client.get(ASSESSMENTS, **bearer(learner)).json()
    assert data["count"] == 2
    assert [item["id"] for item in data["items"]] == [latest.pk, earlier.pk]
    assert [(r["skill"]["name"], r["level"]) for r in data["items"][0]["ratings"]] == [
        ("Action planning", 2),
        ("Trend analysis", 2),
        ("KPIs and impact", 3),
        ("Member satisfaction surveys", 5),
    ]
    assert data["items"][1]["submitted_at"].startswith(str(earlier.submitted_at.date()))
    theirs = client.get(ASSESSMENTS, **bearer(other.learner)).json()
    assert [item["id"] for item in theirs["items"]] == [other.pk]
    assert client.get(RECOMMENDATIONS, **bearer(UserFactory())).json() == {"count": 0, "items": []}


def test_without_a_token_the_api_answers_401_even_to_a_signed_in_learner(client, learner):
    self_assessment(learner, {SkillAreaFactory().skills.create(name="Lone skill", slug="lone"): 1})
    for path in (RECOMMENDATIONS, ASSESSMENTS):
        assert client.get(path).status_code == 401
        client.force_login(learner)
        assert client.get(path).status_code == 401
        client.logout()
