"""Editors describe each skill's levels in the admin ("Skill levels"): moderators add and change
them, editors read them; a skill without levels is listed, with a link to add them; bad input is a
form error."""

from django.urls import reverse

import pytest

from assessments.models import SkillScale
from tests.factories import EditorFactory, ModeratorFactory, SkillScaleFactory, UserFactory

pytestmark = pytest.mark.django_db

INDEX = reverse("skill_levels:index")
ADD = reverse("skill_levels:add")


def edit_url(scale):
    return reverse("skill_levels:edit", args=[scale.pk])


def scale_form(skill, **changes):
    return {
        "skill": skill.pk,
        "importance": SkillScale.Importance.ESSENTIAL,
        "level_1": "I have never analysed a trend.",
        "level_2": "I read trend reports now and then.",
        "level_3": "I scan trends regularly for our members.",
        "level_4": "I run foresight workshops with members.",
        "level_5": "I could teach trend analysis.",
        **changes,
    }


@pytest.fixture
def scales(academy):
    """Levels for three of the small academy's four skills: trend analysis has none yet."""
    return [
        SkillScaleFactory(skill=academy.action_planning, importance=SkillScale.Importance.USEFUL),
        SkillScaleFactory(skill=academy.kpis, level_1="I count nothing yet."),
        SkillScaleFactory(skill=academy.surveys),
    ]


@pytest.fixture
def moderator(client):
    client.force_login(ModeratorFactory())
    return client


def listed(response):
    return [row.skill.name for row in response.context["object_list"]]


def test_moderators_find_skill_levels_in_the_admin_menu(moderator, scales):
    response = moderator.get(reverse("wagtailadmin_home"))
    assert "Skill levels" in response.content.decode()
    assert INDEX in response.content.decode()


def test_the_levels_are_listed_in_the_taxonomys_order_and_filtered_by_area(
    moderator, academy, scales
):
    response = moderator.get(INDEX)
    assert response.status_code == 200
    assert listed(response) == ["Action planning", "KPIs and impact", "Member satisfaction surveys"]
    body = response.content.decode()
    assert "I count nothing yet." in body
    assert "Useful" in body

    response = moderator.get(INDEX, {"area": academy.performance.pk})
    assert listed(response) == ["KPIs and impact", "Member satisfaction surveys"]
    response = moderator.get(INDEX, {"importance": SkillScale.Importance.USEFUL})
    assert listed(response) == ["Action planning"]
    response = moderator.get(INDEX, {"q": "surveys"})
    assert listed(response) == ["Member satisfaction surveys"]


def test_a_skill_without_levels_is_listed_with_a_link_that_adds_them(moderator, academy, scales):
    add_trends = f"{ADD}?skill={academy.trend_analysis.pk}"
    response = moderator.get(INDEX)
    body = response.content.decode()
    assert "1 skill has no levels yet" in body
    assert f'<a href="{add_trends}">Trend analysis</a>' in body

    form = moderator.get(add_trends).context["form"]
    assert form["skill"].value() == str(academy.trend_analysis.pk)
    # Only skills without levels are offered.
    assert list(form.fields["skill"].queryset) == [academy.trend_analysis]

    response = moderator.post(ADD, scale_form(academy.trend_analysis))
    assert response.status_code == 302
    scale = SkillScale.objects.get(skill=academy.trend_analysis)
    assert scale.importance == SkillScale.Importance.ESSENTIAL
    assert scale.descriptors[4] == "I could teach trend analysis."
    assert "no levels yet" not in moderator.get(INDEX).content.decode()


def test_moderators_change_a_skills_importance_and_levels(moderator, scales):
    kpis = scales[1]
    response = moderator.post(
        edit_url(kpis),
        scale_form(kpis.skill, importance=SkillScale.Importance.USEFUL, level_3="I report KPIs."),
    )
    assert response.status_code == 302
    kpis.refresh_from_db()
    assert kpis.importance == SkillScale.Importance.USEFUL
    assert kpis.level_3 == "I report KPIs."


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"level_2": ""}, "level_2"),
        ({"level_5": "x" * 201}, "level_5"),
        ({"importance": 4}, "importance"),
        ({"importance": "essential"}, "importance"),
    ],
)
def test_a_bad_level_or_importance_is_a_form_error(moderator, scales, changes, field):
    kpis = scales[1]
    response = moderator.post(edit_url(kpis), scale_form(kpis.skill, **changes))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    kpis.refresh_from_db()
    assert kpis.level_1 == "I count nothing yet."


def test_a_second_scale_for_a_skill_is_a_form_error(moderator, academy, scales):
    response = moderator.post(ADD, scale_form(academy.kpis))
    assert response.status_code == 200
    assert "skill" in response.context["form"].errors
    assert SkillScale.objects.filter(skill=academy.kpis).count() == 1


def test_editors_read_the_levels_but_change_nothing(client, academy, scales):
    client.force_login(EditorFactory())
    response = client.get(INDEX)
    assert response.status_code == 200
    assert listed(response) == ["Action planning", "KPIs and impact", "Member satisfaction surveys"]
    # The skills without levels are named, without a link to add them.
    body = response.content.decode()
    assert "Trend analysis" in body and f"{ADD}?skill=" not in body
    # Each scale opens on a read-only page with its five levels.
    kpis = scales[1]
    inspect = reverse("skill_levels:inspect", args=[kpis.pk])
    assert f'href="{inspect}"' in body
    response = client.get(inspect)
    assert response.status_code == 200
    assert all(line in response.content.decode() for line in kpis.descriptors)

    assert client.get(ADD).status_code in (302, 403)
    assert client.post(ADD, scale_form(academy.trend_analysis)).status_code in (302, 403)
    assert client.post(edit_url(kpis), scale_form(kpis.skill, level_1="Hacked")).status_code in (
        302,
        403,
    )
    kpis.refresh_from_db()
    assert kpis.level_1 == "I count nothing yet."
    assert not SkillScale.objects.filter(skill=academy.trend_analysis).exists()


def test_learners_have_no_admin(client, scales):
    client.force_login(UserFactory())
    response = client.get(INDEX)
    assert response.status_code == 302
    assert "login" in response["Location"]
