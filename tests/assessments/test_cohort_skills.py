"""An edition's trainers and staff see where its participants stand together, to plan a feedback
session: a heatmap of their latest self-assessments by skill area and level, the skills most in
need with the modules that teach them, and each participant's levels. Nobody else sees any of it,
and only staff see it while fewer than five participants have assessed themselves.

The cohort of these tests (`cohort`), in the small academy, with the skills' importance:

| participant | Action planning (1) | Trend analysis (3) | KPIs and impact (2, no scale) | Surveys (2) |
|-------------|--------------------:|-------------------:|------------------------------:|------------:|
| Ana         |                   1 |                  2 |                             3 |           – |
| Ben         |                   2 |                  2 |                             4 |           5 |
| Chloé       |                   1 |                  3 |                             – |           – |
| Dan         |                   5 |                  4 |                             2 |           2 |
| Eva         |                   2 |                  – |                             1 |           3 |

Ana assessed herself once before (all 5s: not counted), Fay is a participant who has not assessed
herself, and Gil, on the waiting list, has assessed himself (not counted either).

Gaps, the sum of (5 − level) × importance: Trend analysis (3 + 3 + 2 + 1) × 3 = 27, KPIs and
impact (2 + 1 + 3 + 4) × 2 = 20, Action planning (4 + 3 + 4 + 0 + 3) × 1 = 14, Member
satisfaction surveys (0 + 3 + 2) × 2 = 10.
"""

import datetime

from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from wagtail.models import APIToken

import pytest

from assessments.models import SkillScale
from cohorts.models import Application
from lms.accounts.models import User
from tests.factories import (
    ApplicationFactory,
    CohortFactory,
    EditorFactory,
    ModeratorFactory,
    ModulePageFactory,
    PageViewRestrictionFactory,
    SessionFactory,
    SkillAreaFactory,
    SkillFactory,
    SkillScaleFactory,
    SuperuserFactory,
    UserFactory,
    crowd_of_applicants,
    self_assessment,
)

pytestmark = pytest.mark.django_db

API = "/api/v3/academy/editions/{}/skills/"


def url(edition):
    return reverse("assessments:cohort_skills", args=[edition.pk])


def participant(cohort, name):
    user = UserFactory(display_name=name)
    ApplicationFactory(cohort=cohort, applicant=user, status=Application.Status.ACCEPTED)
    return user


@pytest.fixture
def edition(academy):
    return academy.editions[1]


@pytest.fixture
def cohort(academy, edition):
    """The cohort of the table above, in the Sofia edition."""
    SkillScaleFactory(skill=academy.action_planning, importance=SkillScale.Importance.USEFUL)
    SkillScaleFactory(skill=academy.trend_analysis, importance=SkillScale.Importance.ESSENTIAL)
    SkillScaleFactory(skill=academy.surveys, importance=SkillScale.Importance.IMPORTANT)
    cohort = CohortFactory(edition=edition)
    ap, ta, kpis, surveys = (
        academy.action_planning,
        academy.trend_analysis,
        academy.kpis,
        academy.surveys,
    )
    last_month = timezone.now() - datetime.timedelta(days=30)
    ana = participant(cohort, "Ana")
    self_assessment(ana, {ap: 5, ta: 5, kpis: 5, surveys: 5}, when=last_month)
    self_assessment(ana, {ap: 1, ta: 2, kpis: 3})
    self_assessment(participant(cohort, "Ben"), {ap: 2, ta: 2, kpis: 4, surveys: 5})
    self_assessment(participant(cohort, "Chloé"), {ap: 1, ta: 3})
    self_assessment(participant(cohort, "Dan"), {ap: 5, ta: 4, kpis: 2, surveys: 2})
    self_assessment(participant(cohort, "Eva"), {ap: 2, kpis: 1, surveys: 3})
    participant(cohort, "Fay")
    gil = UserFactory(display_name="Gil")
    ApplicationFactory(
        cohort=cohort,
        applicant=gil,
        status=Application.Status.WAITLISTED,
        waitlisted_at=timezone.now(),
    )
    self_assessment(gil, {ap: 1, ta: 1, kpis: 1, surveys: 1})
    return cohort


@pytest.fixture
def trainer(edition):
    trainer = UserFactory(display_name="Tess Trainer")
    SessionFactory(edition=edition).trainers.add(trainer)
    return trainer


@pytest.fixture
def staff():
    return ModeratorFactory()


def heatmap(response):
    return {
        row.area.name: [cell.count for cell in row.cells]
        for row in response.context["profile"].heatmap
    }


def text(response):
    return response.content.decode()


# What trainers and staff see


def test_the_heatmap_counts_each_participants_latest_ratings_by_area_and_level(
    client, cohort, trainer
):
    client.force_login(trainer)
    response = client.get(url(cohort.edition))
    assert response.status_code == 200
    profile = response.context["profile"]
    assert (profile.participants, profile.assessed) == (6, 5)
    assert heatmap(response) == {
        "Strategy & foresight": [2, 4, 1, 1, 1],
        "Performance & impact": [1, 2, 2, 1, 1],
    }
    # Numbers in the cells' text, shaded relative to the largest count (4).
    body = text(response)
    assert '<th scope="row">Strategy &amp; foresight</th>' in body
    assert '<td class="heatmap__cell heatmap__cell--2">2</td>' in body
    assert '<td class="heatmap__cell heatmap__cell--4">4</td>' in body
    assert '<td class="heatmap__cell heatmap__cell--1">1</td>' in body
    assert '<th scope="col">Level 5</th>' in body


def test_the_skills_most_in_need_are_ranked_by_total_gap_with_the_modules_that_teach_them(
    client, academy, cohort, staff
):
    reading = ModulePageFactory(parent=academy.courses[1], title="Reading trends")
    reading.skills.add(academy.trend_analysis)
    reading.save()
    draft = ModulePageFactory(parent=academy.courses[1], title="Trend draft", live=False)
    draft.skills.add(academy.trend_analysis)
    draft.save()
    restricted = ModulePageFactory(parent=academy.courses[0], title="Members-only trends")
    restricted.skills.add(academy.trend_analysis)
    restricted.save()
    PageViewRestrictionFactory(page=restricted)

    client.force_login(staff)
    response = client.get(url(cohort.edition))
    needs = response.context["profile"].most_in_need
    assert [(need.skill.name, need.gap, need.rated_by) for need in needs] == [
        ("Trend analysis", 27, 4),
        ("KPIs and impact", 20, 4),
        ("Action planning", 14, 5),
        ("Member satisfaction surveys", 10, 3),
    ]
    assert needs[0].average_level == 2.8  # 11 / 4
    assert [module.title for module in needs[0].modules] == ["Reading trends"]
    assert [module.title for module in needs[1].modules] == [
        f"Strategy in Sofia 2024: part {n}" for n in (1, 2, 3)
    ]
    body = text(response)
    assert "Gap 27: rated by 4 participants, 2.8 of 5 on average." in body
    assert f'href="{reading.url}"' in body
    assert "Trend draft" not in body and "Members-only trends" not in body


def test_only_the_five_largest_gaps_are_listed_ties_in_the_taxonomys_order(client, cohort, staff):
    """Ben reassesses himself on four new skills only, at level 1: a gap of 4 × 2 = 8 each.
    Without his earlier ratings, Trend analysis and KPIs and impact are at 18 each, Action
    planning at 11, Member satisfaction surveys at 10."""
    area = SkillAreaFactory(name="Extra area")
    extras = [SkillFactory(name=f"Extra skill {n}", area=area) for n in range(4)]
    self_assessment(User.objects.get(display_name="Ben"), dict.fromkeys(extras, 1))
    client.force_login(staff)
    needs = client.get(url(cohort.edition)).context["profile"].most_in_need
    assert [(need.skill.name, need.gap) for need in needs] == [
        ("Trend analysis", 18),
        ("KPIs and impact", 18),
        ("Action planning", 11),
        ("Member satisfaction surveys", 10),
        ("Extra skill 0", 8),
    ]


def test_trainers_and_staff_see_each_participants_levels(client, cohort, trainer, staff):
    for viewer in (trainer, staff):
        client.force_login(viewer)
        response = client.get(url(cohort.edition))
        people = response.context["profile"].people
        # By name; the levels in the taxonomy's order, None for a skill skipped.
        assert [(p.learner.display_name, p.levels) for p in people] == [
            ("Ana", [1, 2, 3, None]),
            ("Ben", [2, 2, 4, 5]),
            ("Chloé", [1, 3, None, None]),
            ("Dan", [5, 4, 2, 2]),
            ("Eva", [2, None, 1, 3]),
        ]
        body = text(response)
        assert '<th scope="row">Chloé</th>' in body
        assert '<th scope="col">Trend analysis</th>' in body
        assert "Gil" not in body and "Fay" not in body


# The small-group rule


@pytest.fixture
def small_cohort(cohort):
    """Four participants assessed: Eva's application is withdrawn."""
    Application.objects.filter(applicant__display_name="Eva").update(
        status=Application.Status.WITHDRAWN
    )
    return cohort


def test_a_trainer_of_fewer_than_five_assessed_participants_sees_a_note_and_no_numbers(
    client, small_cohort, trainer
):
    client.force_login(trainer)
    response = client.get(url(small_cohort.edition))
    assert response.status_code == 200
    profile = response.context["profile"]
    assert profile.assessed == 4
    assert profile.heatmap is profile.most_in_need is profile.people is None
    body = text(response)
    assert "Fewer than 5 participants have assessed their skills." in body
    assert "4 of 5 participants have assessed their skills." in body
    for hidden in ("Ana", "Ben", "Trend analysis", "heatmap__cell", "Gap "):
        assert hidden not in body


def test_staff_see_a_small_cohort_in_full_with_a_warning(client, small_cohort, staff):
    client.force_login(staff)
    response = client.get(url(small_cohort.edition))
    profile = response.context["profile"]
    assert profile.assessed == 4
    assert heatmap(response)["Strategy & foresight"] == [2, 3, 1, 1, 1]
    assert [p.learner.display_name for p in profile.people] == ["Ana", "Ben", "Chloé", "Dan"]
    assert "only staff see what follows" in text(response)


def test_a_reassessment_replaces_the_participants_levels(client, academy, cohort, trainer):
    dan = User.objects.get(display_name="Dan")
    self_assessment(dan, {academy.action_planning: 1})
    client.force_login(trainer)
    response = client.get(url(cohort.edition))
    assert response.context["profile"].assessed == 5
    assert heatmap(response) == {
        "Strategy & foresight": [3, 4, 1, 0, 0],
        "Performance & impact": [1, 0, 2, 1, 1],
    }


# Who gets in


def test_nobody_but_the_editions_trainers_and_staff_gets_in(client, academy, cohort):
    path = url(cohort.edition)
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))

    other_trainer = UserFactory()
    SessionFactory(edition=academy.editions[0]).trainers.add(other_trainer)
    ana = User.objects.get(display_name="Ana")
    for visitor in (UserFactory(), ana, other_trainer, EditorFactory()):
        client.force_login(visitor)
        assert client.get(path).status_code == 404, visitor

    # Staff are whoever may view self-assessments: moderators, superusers, or a group given it.
    curious = UserFactory()
    curious.user_permissions.add(Permission.objects.get(codename="view_selfassessment"))
    for visitor in (ModeratorFactory(), SuperuserFactory(), curious):
        client.force_login(visitor)
        assert client.get(path).status_code == 200, visitor


def test_the_page_is_never_cached_and_refuses_a_post(client, cohort, trainer):
    client.force_login(trainer)
    response = client.get(url(cohort.edition))
    assert "no-store" in response["Cache-Control"]
    assert client.post(url(cohort.edition)).status_code == 405


@pytest.mark.parametrize(
    "edition_id", ["0", "999999", "9223372036854775807", "99999999999999999999999999"]
)
def test_an_edition_that_does_not_exist_is_a_404(client, edition_id):
    client.force_login(SuperuserFactory())
    response = client.get(f"/learning/editions/{edition_id}/skills/")
    assert response.status_code == 404


def test_a_page_that_is_not_an_edition_is_a_404(client, academy):
    client.force_login(SuperuserFactory())
    for page in (academy.home, academy.course):
        assert client.get(f"/learning/editions/{page.pk}/skills/").status_code == 404


def test_an_edition_without_a_cohort_has_nobody_assessed(client, academy):
    client.force_login(SuperuserFactory())
    response = client.get(url(academy.editions[0]))
    assert response.status_code == 200
    assert "No participant has assessed their skills yet." in text(response)


# Fixed queries


def grow(edition, participants, skills):
    """`participants` more participants of the edition, each rating `skills` new skills."""
    area = SkillAreaFactory()
    new_skills = [SkillFactory(area=area) for _ in range(skills)]
    for skill in new_skills[::2]:
        module = ModulePageFactory(parent=edition.get_children().first().specific)
        module.skills.add(skill)
        module.save()
    cohort = edition.cohort
    before = set(User.objects.filter(applications__cohort=cohort).values_list("pk", flat=True))
    crowd_of_applicants(cohort, participants, Application.Status.ACCEPTED)
    for n, user in enumerate(
        User.objects.filter(applications__cohort=cohort).exclude(pk__in=before)
    ):
        self_assessment(user, {skill: 1 + (n + i) % 5 for i, skill in enumerate(new_skills)})


@pytest.mark.parametrize("viewer", ["trainer", "staff"])
def test_the_page_runs_the_same_queries_for_5_or_60_participants_and_3_or_30_skills(
    client, academy, edition, trainer, staff, viewer, django_assert_num_queries
):
    CohortFactory(edition=edition)
    grow(edition, participants=5, skills=3)
    client.force_login(trainer if viewer == "trainer" else staff)
    client.get(url(edition))  # Fills the caches every request then finds filled.
    with CaptureQueriesContext(connection) as few:
        response = client.get(url(edition))
    assert len(response.context["profile"].people) == 5

    grow(edition, participants=55, skills=27)
    with django_assert_num_queries(len(few)):
        response = client.get(url(edition))
    assert len(response.context["profile"].people) == 60
    assert len(response.context["profile"].most_in_need) == 5


# The API: staff read the aggregates


def bearer(user):
    return {"HTTP_AUTHORIZATION": f"Bearer {APIToken.create_token(user=user, name='cohort')[1]}"}


def test_staff_read_the_cohorts_aggregates_with_a_token(client, academy, cohort, staff):
    response = client.get(API.format(cohort.edition.pk), **bearer(staff))
    assert response.status_code == 200
    data = response.json()
    assert data["edition"]["id"] == cohort.edition.pk
    assert (data["participants"], data["assessed"]) == (6, 5)
    assert [(area["slug"], [n["count"] for n in area["levels"]]) for area in data["areas"]] == [
        ("strategy-foresight", [2, 4, 1, 1, 1]),
        ("performance-impact", [1, 2, 2, 1, 1]),
    ]
    assert [(need["skill"]["slug"], need["gap"]) for need in data["most_in_need"]] == [
        ("trend-analysis", 27),
        ("kpis-impact", 20),
        ("action-planning", 14),
        ("member-satisfaction-surveys", 10),
    ]
    kpis = data["most_in_need"][1]
    assert kpis["rated_by"] == 4 and kpis["average_level"] == 2.5
    assert [module["url"] for module in kpis["modules"]] == [
        module.url for module in academy.courses[1].get_children().live().order_by("path")
    ]
    # Aggregates only: nobody's name.
    assert "Ana" not in response.content.decode()


def test_staff_read_a_small_cohort_too(client, small_cohort, staff):
    response = client.get(API.format(small_cohort.edition.pk), **bearer(staff))
    assert response.status_code == 200
    assert response.json()["assessed"] == 4


def test_nobody_but_staff_reads_the_aggregates(client, cohort, trainer):
    path = API.format(cohort.edition.pk)
    assert client.get(path).status_code == 401
    client.force_login(SuperuserFactory())  # a session does not count: a token does
    assert client.get(path).status_code == 401
    ana = User.objects.get(display_name="Ana")
    for user in (trainer, ana, UserFactory(), EditorFactory()):
        response = client.get(path, **bearer(user))
        assert response.status_code == 404, user
        assert "Trend" not in response.content.decode()


@pytest.mark.parametrize("edition_id", ["0", "999999", "99999999999999999999999999", "x", "-1"])
def test_a_hostile_edition_id_in_the_api_is_a_4xx(client, staff, edition_id):
    response = client.get(API.format(edition_id), **bearer(staff))
    assert 400 <= response.status_code < 500
