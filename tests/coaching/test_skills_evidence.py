"""Rubric scores add to the learner's skills profile: "My skills" shows, apart from the levels they
gave themselves, the latest level their trainers scored on each skill, on their own work or their
team's, with the assignment and the date; never anyone else's scores, and as many queries for 200
scored assignments as for 5."""

import datetime
import zoneinfo

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

import pytest
from bs4 import BeautifulSoup

from coaching.models import Feedback, RubricCriterion, RubricScore, Submission
from tests.factories import (
    AssignmentFactory,
    SkillFactory,
    accepted_participant,
    handed_in,
    self_assessment,
    team_of,
)

pytestmark = pytest.mark.django_db

MY_SKILLS = reverse("assessments:my_skills")
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
MAY_12 = datetime.datetime(2026, 5, 12, 10, tzinfo=BRUSSELS)


def scored(submission, trainer, levels, when=MAY_12):
    """A trainer's feedback on the submission's latest version, scoring `levels` ({criterion:
    level}), as coaching.feedback leaves it."""
    feedback = Feedback.objects.create(
        submission=submission,
        version=submission.versions.order_by("-number").first(),
        trainer=trainer,
        comments="See the rubric.",
        created_at=when,
    )
    RubricScore.objects.bulk_create(
        RubricScore(feedback=feedback, criterion=criterion, level=level)
        for criterion, level in levels.items()
    )
    Submission.objects.filter(pk=submission.pk).update(status=Submission.Status.REVIEWED)
    return feedback


def rubric_section(client):
    response = client.get(MY_SKILLS)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    heading = soup.find("h2", string="Scored by trainers on rubrics")
    assert heading is not None
    return soup, heading.find_parent("section")


def scores_shown(section):
    """{skill name: its line} of the rubric scores shown."""
    return {
        item.h3.get_text(strip=True): " ".join(item.p.get_text().split())
        for item in section.find_all("li")
    }


@pytest.fixture
def mapping():
    return SkillFactory(name="Stakeholder mapping")


@pytest.fixture
def foresight():
    return SkillFactory(name="Strategic foresight")


def test_the_latest_score_per_skill_shows_apart_from_self_reported_levels(
    client, module, participant, trainer, mapping, foresight
):
    first = AssignmentFactory(page=module, title="Homework 1", criteria=[mapping, foresight])
    second = AssignmentFactory(page=module, title="Homework 2", criteria=[foresight])
    criteria = {c.skill: c for c in RubricCriterion.objects.filter(assignment=first)}
    scored(handed_in(first, participant), trainer, {criteria[mapping]: 2, criteria[foresight]: 1})
    # A later score on the same skill is the one that counts.
    scored(
        handed_in(second, participant),
        trainer,
        {second.criteria.get(): 3},
        when=MAY_12 + datetime.timedelta(days=20),
    )
    self_assessment(participant, {mapping: 5})
    client.force_login(participant)

    soup, section = rubric_section(client)

    assert scores_shown(section) == {
        "Stakeholder mapping": "Level 2 of 3, Homework 1, 12 May 2026",
        "Strategic foresight": "Level 3 of 3, Homework 2, 1 June 2026",
    }
    # Self-reported levels stay in their own section, which never shows the trainers' scores.
    self_reported = soup.find("h2", string="Self-reported: your levels").find_parent("section")
    assert "Homework" not in self_reported.get_text()


def test_a_criterion_of_more_levels_says_so(client, module, participant, trainer, mapping):
    assignment = AssignmentFactory(page=module, title="Essay", criteria=[mapping])
    criterion = assignment.criteria.get()
    criterion.level_4, criterion.level_5 = "Teaches it", "Shapes the field with it"
    criterion.save()
    scored(handed_in(assignment, participant), trainer, {criterion: 4})
    client.force_login(participant)

    _, section = rubric_section(client)

    assert scores_shown(section) == {"Stakeholder mapping": "Level 4 of 5, Essay, 12 May 2026"}


def test_team_work_scores_count_for_every_member_and_no_one_else(
    client, edition, module, participant, trainer, mapping
):
    teammate = accepted_participant(edition).applicant
    outsider = accepted_participant(edition).applicant
    case = AssignmentFactory(page=module, title="Team case", criteria=[mapping], work="team")
    team = team_of(edition, participant, teammate)
    scored(handed_in(case, teammate, team=team), trainer, {case.criteria.get(): 3})

    for member in (participant, teammate):
        client.force_login(member)
        _, section = rubric_section(client)
        assert scores_shown(section) == {
            "Stakeholder mapping": "Level 3 of 3, Team case, 12 May 2026"
        }

    client.force_login(outsider)
    _, section = rubric_section(client)
    assert scores_shown(section) == {}
    assert "None yet" in section.get_text()


def _scored_assignments(module, participant, trainer, skills, count):
    for n in range(count):
        skill = skills[n % len(skills)]
        assignment = AssignmentFactory(page=module, title=f"Homework {n}", criteria=[skill])
        scored(
            handed_in(assignment, participant),
            trainer,
            {assignment.criteria.get(): 1 + n % 3},
            when=MAY_12 + datetime.timedelta(hours=n),
        )


def test_my_skills_takes_as_many_queries_for_200_scored_assignments_as_for_5(
    client, module, participant, trainer
):
    skills = [SkillFactory(name=f"Skill {n}") for n in range(6)]
    client.force_login(participant)
    client.get(MY_SKILLS)  # the session and the site's first reads, out of the count
    counts = []
    for size in (5, 200):
        _scored_assignments(module, participant, trainer, skills, size)
        with CaptureQueriesContext(connection) as queries:
            _, section = rubric_section(client)
        assert len(scores_shown(section)) == min(size, len(skills))
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
