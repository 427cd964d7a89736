"""A learner rates themselves on the taxonomy's skills, from 1 to 5 or not at all, an area per
fieldset, without JavaScript; every submission is kept with its date. Whatever is posted, the
answer is the form with its error or a redirect, never a 500."""

import datetime

from django.db import IntegrityError
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from assessments.models import Rating, SelfAssessment
from assessments.services import latest_levels, save_assessment
from skills.models import Skill
from tests.factories import (
    SkillAreaFactory,
    SkillFactory,
    SkillScaleFactory,
    UserFactory,
    self_assessment,
)

pytestmark = pytest.mark.django_db

ASSESS = reverse("assessments:assess")
MY_SKILLS = reverse("assessments:my_skills")


def field(skill):
    return f"skill_{skill.pk}"


def radio_group(html, skill):
    """The skill's fieldset: its legend and, for each radio, (label, value, checked)."""
    fieldset = (
        BeautifulSoup(html, "html.parser").find("legend", string=skill.name).find_parent("fieldset")
    )
    return [
        (
            label.get_text(" ", strip=True),
            label.find("input")["value"],
            label.find("input").has_attr("checked"),
        )
        for label in fieldset.find_all("label")
    ]


@pytest.fixture
def scaled(academy):
    """Action planning has editors' descriptors; the other skills have none."""
    SkillScaleFactory(skill=academy.action_planning)
    return academy


def test_an_area_per_fieldset_and_a_radio_group_per_skill_with_its_descriptors(
    scaled, learner_client
):
    response = learner_client.get(ASSESS)

    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    areas = [
        fieldset.legend.get_text(strip=True) for fieldset in page.select("fieldset.assess__area")
    ]
    assert areas == ["Strategy & foresight", "Performance & impact"]
    strategy = page.select("fieldset.assess__area")[0]
    assert [legend.get_text() for legend in strategy.select(".assess__skill > legend")] == [
        "Action planning",
        "Trend analysis",
    ]
    # A new learner's answers start at Skip.
    assert radio_group(response.content, scaled.action_planning) == [
        ("1 — New to it", "1", False),
        ("2 — Know the basics", "2", False),
        ("3 — Practise it regularly", "3", False),
        ("4 — Lead it in my cluster", "4", False),
        ("5 — Could teach it", "5", False),
        ("Skip", "", True),
    ]
    # Without a scale, the levels are plain numbers.
    assert [label for label, *_ in radio_group(response.content, scaled.kpis)] == [
        "Level 1",
        "Level 2",
        "Level 3",
        "Level 4",
        "Level 5",
        "Skip",
    ]
    # Plain HTML: the form needs no script.
    assert not page.select("form script")


def test_the_form_starts_from_the_learners_latest_levels(academy, learner, learner_client):
    long_ago = timezone.now() - datetime.timedelta(days=90)
    self_assessment(learner, {academy.kpis: 1, academy.trend_analysis: 1}, when=long_ago)
    self_assessment(learner, {academy.kpis: 4})
    self_assessment(UserFactory(), {academy.trend_analysis: 5})

    html = learner_client.get(ASSESS).content

    assert ("Level 4", "4", True) in radio_group(html, academy.kpis)
    # Skipped in the latest: the older rating and another learner's are not brought back.
    assert ("Skip", "", True) in radio_group(html, academy.trend_analysis)


def test_saving_keeps_the_levels_given_and_leaves_skipped_skills_out(academy, learner, client):
    client.force_login(learner)

    response = client.post(
        ASSESS,
        {field(academy.action_planning): "2", field(academy.kpis): "4", field(academy.surveys): ""},
    )

    assert response.status_code == 302
    assert response.url == MY_SKILLS
    assessment = SelfAssessment.objects.get(learner=learner)
    assert dict(assessment.ratings.values_list("skill", "level")) == {
        academy.action_planning.pk: 2,
        academy.kpis.pk: 4,
    }
    assert latest_levels(learner) == {academy.action_planning.pk: 2, academy.kpis.pk: 4}
    followed = client.get(response.url)
    assert "Your self-assessment is saved." in followed.content.decode()


def test_reassessing_adds_an_assessment_and_keeps_the_earlier_one(academy, learner, client):
    first = self_assessment(
        learner, {academy.kpis: 2}, when=timezone.now() - datetime.timedelta(days=60)
    )
    client.force_login(learner)

    client.post(ASSESS, {field(academy.kpis): "3", field(academy.trend_analysis): "1"})

    assert learner.self_assessments.count() == 2
    assert dict(first.ratings.values_list("skill", "level")) == {academy.kpis.pk: 2}
    assert latest_levels(learner) == {academy.kpis.pk: 3, academy.trend_analysis.pk: 1}


def test_an_assessment_is_saved_whole_or_not_at_all(academy, learner):
    """The ratings are written with their assessment in one transaction: a level the database
    refuses leaves no assessment behind."""
    with pytest.raises(IntegrityError):
        save_assessment(learner, {academy.kpis: 3, academy.surveys: 7})

    assert not SelfAssessment.objects.exists()
    assert not Rating.objects.exists()


def test_signing_in_comes_first(academy, client):
    for url in (ASSESS, MY_SKILLS):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("accounts:login"))
    assert client.post(ASSESS, {field(academy.kpis): "3"}).status_code == 302
    assert not SelfAssessment.objects.exists()


def test_other_methods_are_refused(academy, learner_client):
    assert learner_client.put(ASSESS).status_code == 405
    assert learner_client.delete(ASSESS).status_code == 405


@pytest.mark.parametrize("level", ["0", "6", "-1", "x", "3.5", "１"])
def test_a_level_outside_1_to_5_is_a_form_error(academy, learner_client, level):
    response = learner_client.post(
        ASSESS, {field(academy.kpis): level, field(academy.trend_analysis): "2"}
    )

    assert response.status_code == 400
    assert "Pick a level from 1 to 5 for KPIs and impact, or Skip." in response.content.decode()
    assert not SelfAssessment.objects.exists()


@pytest.mark.parametrize("name", ["skill_999999", "skill_x", "skill_", "skill_1e3"])
def test_an_unknown_skill_is_a_form_error_not_dropped(academy, learner_client, name):
    response = learner_client.post(ASSESS, {field(academy.kpis): "3", name: "3"})

    assert response.status_code == 400
    assert "not in the taxonomy" in response.content.decode()
    assert name in response.content.decode()
    assert not SelfAssessment.objects.exists()


def test_a_skill_deleted_since_the_form_was_shown_is_a_form_error(academy, learner_client):
    retired = SkillFactory(area=academy.performance)
    name = field(retired)
    retired.delete()

    response = learner_client.post(ASSESS, {field(academy.kpis): "3", name: "4"})

    assert response.status_code == 400
    assert not SelfAssessment.objects.exists()


def test_nothing_rated_is_a_form_error(academy, learner_client):
    response = learner_client.post(ASSESS, {field(academy.kpis): ""})

    assert response.status_code == 400
    assert "Rate at least one skill, or skip the form." in response.content.decode()
    assert not SelfAssessment.objects.exists()


def test_a_form_with_errors_keeps_what_was_picked(academy, learner_client):
    response = learner_client.post(ASSESS, {field(academy.kpis): "9", field(academy.surveys): "4"})

    assert ("Level 4", "4", True) in radio_group(response.content, academy.surveys)


def test_an_oversized_form_is_refused(academy, learner_client, settings):
    data = {f"skill_{n}": "3" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}

    response = learner_client.post(ASSESS, data)

    assert response.status_code == 400
    assert not SelfAssessment.objects.exists()


def test_an_oversized_body_is_refused(academy, learner_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1_000
    data = {field(academy.kpis): "3", "padding": "x" * 2_000}

    response = learner_client.post(ASSESS, data)

    assert response.status_code == 400
    assert not SelfAssessment.objects.exists()


def test_another_learners_assessment_cannot_be_reached_or_changed(academy, learner, client):
    """There is no URL of an assessment: a learner posts only new assessments of their own."""
    someone = UserFactory()
    theirs = self_assessment(someone, {academy.kpis: 5})
    client.force_login(learner)

    assert client.get(f"{MY_SKILLS}{theirs.pk}/").status_code == 404
    client.post(ASSESS, {field(academy.kpis): "1", "assessment": theirs.pk, "learner": someone.pk})

    assert dict(theirs.ratings.values_list("skill", "level")) == {academy.kpis.pk: 5}
    assert someone.self_assessments.count() == 1
    assert learner.self_assessments.count() == 1
    assert ("Level 1", "1", True) in radio_group(client.get(ASSESS).content, academy.kpis)


def test_the_form_costs_the_same_queries_for_3_or_300_skills(
    learner, client, django_assert_num_queries
):
    client.force_login(learner)
    area = SkillAreaFactory()

    def skills(count):
        made = Skill.objects.bulk_create(SkillFactory.build_batch(count, area=area))
        for skill in made[::2]:
            SkillScaleFactory(skill=skill)
        return made

    few = skills(3)
    self_assessment(learner, dict.fromkeys(few, 3))
    client.get(ASSESS)  # the session and the site, read once
    with django_assert_num_queries(7) as few_queries:
        client.get(ASSESS)
    many = skills(297)
    self_assessment(learner, dict.fromkeys([*few, *many], 2))
    with django_assert_num_queries(len(few_queries)):
        response = client.get(ASSESS)
    assert response.content.decode().count('type="radio"') == 300 * 6
