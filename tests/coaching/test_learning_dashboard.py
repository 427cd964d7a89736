"""My learning shows a participant their work: what is still to hand in (due in the assignment's
own zone, late once past), what they or their team handed in and wait feedback on, what their
trainers gave feedback on (an extract, and the way to all of it), and their action plan per
edition. Only theirs, and as many queries for 200 assignments as for 5."""

import datetime
import zoneinfo

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest
from bs4 import BeautifulSoup

from coaching.models import Assignment, Feedback, Submission, SubmissionVersion
from tests.factories import (
    AssignmentFactory,
    CourseWithModulesFactory,
    EditionPageFactory,
    ModulePageFactory,
    accepted_participant,
    action_plan,
    handed_in,
    team_of,
)

pytestmark = pytest.mark.django_db

LEARNING = reverse("learning")
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")


def _text(element):
    return " ".join(element.get_text(" ", strip=True).split())


def your_work(client):
    """The "Your work" section of My learning, as its text by list: {heading: [item text]}."""
    response = client.get(LEARNING)
    assert response.status_code == 200
    section = BeautifulSoup(response.content, "html.parser").find(
        "section", attrs={"aria-labelledby": "work-heading"}
    )
    assert section is not None, "No “Your work” section"
    lists = {}
    for heading in section.find_all("h3"):
        found = heading.find_next_sibling(["ul", "p"])
        lists[heading.get_text(strip=True)] = (
            [_text(item) for item in found.find_all("li", recursive=False)]
            if found.name == "ul"
            else [_text(found)]
        )
    return lists, section


def give_feedback(submission, comments, trainer, outcome=Feedback.Outcome.REVIEWED):
    """What a trainer's feedback leaves in the database (coaching.feedback does it for real)."""
    feedback = Feedback.objects.create(
        submission=submission,
        version=submission.versions.order_by("-number").first(),
        trainer=trainer,
        comments=comments,
        outcome=outcome,
    )
    submission.status = (
        Submission.Status.REVIEWED
        if outcome == Feedback.Outcome.REVIEWED
        else Submission.Status.RESUBMIT
    )
    submission.reviewed_at = feedback.created_at
    submission.save()
    return feedback


def test_work_to_hand_in_shows_its_due_date_in_the_assignments_zone_and_late_once_past(
    client, module, participant
):
    due = datetime.datetime(2099, 5, 12, 15, 0, tzinfo=datetime.UTC)
    AssignmentFactory(page=module, title="Stakeholder map", due_at=due, time_zone="Europe/Brussels")
    AssignmentFactory(
        page=module,
        title="Cluster SWOT",
        due_at=timezone.now() - datetime.timedelta(days=1),
        work=Assignment.Work.TEAM,
    )
    client.force_login(participant)

    lists, section = your_work(client)

    swot, stakeholder_map = lists["To hand in"]
    assert stakeholder_map.startswith("Stakeholder map Coaching edition")
    in_brussels = due.astimezone(BRUSSELS)
    assert f"Due {in_brussels:%a %-d %b %Y}, 17:00 CEST (Europe/Brussels)" in stakeholder_map
    assert "Late" not in stakeholder_map
    assert "team work" in swot and "Late" in swot and "marked late" in swot
    link = section.find("a", string="Stakeholder map")
    assignment = Assignment.objects.get(title="Stakeholder map")
    assert link["href"] == reverse("coaching:assignment", args=[assignment.pk])


def test_work_handed_in_waits_for_feedback_with_its_version_own_or_teams(
    client, edition, module, participant
):
    essay = AssignmentFactory(page=module, title="Essay")
    case = AssignmentFactory(page=module, title="Team case", work=Assignment.Work.TEAM)
    teammate = accepted_participant(edition).applicant
    team = team_of(edition, participant, teammate, name="Blue team")
    handed_in(essay, participant)
    team_work = handed_in(case, teammate, team=team)
    SubmissionVersion.objects.create(submission=team_work, number=2, text="v2", author=teammate)
    Submission.objects.filter(pk=team_work.pk).update(version_count=2)
    client.force_login(participant)

    lists, _ = your_work(client)

    essay_item, case_item = lists["Handed in, waiting for feedback"]
    assert "Your version 1, handed in on" in essay_item
    assert "Your team's version 2" in case_item and "team work" in case_item
    assert lists["To hand in"] == ["Nothing to hand in right now."]


def test_feedback_given_shows_an_extract_and_leads_to_the_assignment(
    client, module, participant, trainer
):
    essay = AssignmentFactory(page=module, title="Essay")
    plan = AssignmentFactory(page=module, title="Plan draft")
    give_feedback(handed_in(essay, participant), "Clear and well argued. " * 20, trainer)
    give_feedback(
        handed_in(plan, participant),
        "Add KPIs with a baseline.",
        trainer,
        outcome=Feedback.Outcome.RESUBMIT,
    )
    client.force_login(participant)

    lists, section = your_work(client)

    items = lists["Feedback from your trainers"]
    assert len(items) == 2
    [reviewed] = [item for item in items if item.startswith("Essay")]
    [invited] = [item for item in items if item.startswith("Plan draft")]
    assert "Reviewed" in reviewed and "Clear and well argued." in reviewed
    # An extract: the whole of a long comment is on the assignment's page.
    assert reviewed.count("Clear and well argued.") < 20 and "…" in reviewed
    assert "A new version is invited" in invited and "Add KPIs with a baseline." in invited
    links = {
        a["href"] for a in section.find_all("a") if a.get_text().startswith("Read the feedback on")
    }
    assert links == {reverse("coaching:assignment", args=[a.pk]) for a in (essay, plan)}


def test_one_action_plan_link_per_edition_taken_part_in(client, home, edition, participant):
    other = EditionPageFactory(parent=home, title="Second edition")
    accepted_participant(other, applicant=participant)
    action_plan(participant, edition, version=3, shared_with_trainers=True)
    client.force_login(participant)

    lists, section = your_work(client)

    coaching, second = lists["Your action plan"]
    assert coaching.startswith("Your action plan for Coaching edition")
    assert "version 3, saved" in coaching and "shared with your trainers" in coaching
    assert second.startswith("Your action plan for Second edition")
    assert second.endswith("not started yet.")
    hrefs = [a["href"] for a in section.find_all("a", string=lambda s: "action plan" in s)]
    assert hrefs == [
        reverse("coaching:plan", kwargs={"edition_id": e.pk}) for e in (edition, other)
    ]


def test_only_the_learners_own_editions_and_work_are_shown(client, home, edition, module):
    """Another edition's assignments, an assignment on an unpublished module, and another
    participant's work never reach the learner's list."""
    participant = accepted_participant(edition).applicant
    neighbour = accepted_participant(edition).applicant
    elsewhere = EditionPageFactory(parent=home, title="Elsewhere edition")
    elsewhere_course = CourseWithModulesFactory(parent=elsewhere, modules=1)
    AssignmentFactory(page=elsewhere_course, title="Elsewhere homework")
    draft = ModulePageFactory(parent=module.get_parent(), title="Draft module", live=False)
    AssignmentFactory(page=draft, title="Draft homework")
    shared = AssignmentFactory(page=module, title="Shared homework")
    handed_in(shared, neighbour)
    client.force_login(participant)

    lists, section = your_work(client)

    assert [item.split(" Coaching")[0] for item in lists["To hand in"]] == ["Shared homework"]
    assert "Handed in, waiting for feedback" not in lists
    text = section.get_text()
    assert "Elsewhere" not in text and "Draft homework" not in text


def test_a_learner_of_no_edition_has_no_work_section(client, learner):
    client.force_login(learner)

    response = client.get(LEARNING)

    assert response.status_code == 200
    assert b"work-heading" not in response.content


def _assignments(module, participant, trainer, count):
    """`count` assignments of the module's edition: a third to hand in, a third handed in, a
    third with feedback; made in bulk."""
    assignments = Assignment.objects.bulk_create(
        Assignment(
            page=module,
            edition_id=module.get_parent().get_parent().pk,
            title=f"Homework {n}",
            brief="<p>Do it.</p>",
            due_at=timezone.now() + datetime.timedelta(days=n - count // 2),
        )
        for n in range(count)
    )
    submitted = assignments[count // 3 :]
    submissions = Submission.objects.bulk_create(
        Submission(assignment=assignment, learner=participant, version_count=1)
        for assignment in submitted
    )
    versions = SubmissionVersion.objects.bulk_create(
        SubmissionVersion(submission=submission, number=1, text="Mine", author=participant)
        for submission in submissions
    )
    reviewed = list(zip(submissions, versions, strict=True))[len(submitted) // 2 :]
    Feedback.objects.bulk_create(
        Feedback(submission=submission, version=version, trainer=trainer, comments="Good.")
        for submission, version in reviewed
    )
    Submission.objects.filter(pk__in=[s.pk for s, _ in reviewed]).update(
        status=Submission.Status.REVIEWED
    )


def test_my_learning_takes_as_many_queries_for_200_assignments_as_for_5(
    client, home, edition, module, participant, trainer
):
    action_plan(participant, edition, version=1)
    client.force_login(participant)
    client.get(LEARNING)  # the session and the site's first reads, out of the count
    counts = []
    for size in (5, 200):
        Assignment.objects.all().delete()
        _assignments(module, participant, trainer, size)
        with CaptureQueriesContext(connection) as queries:
            lists, _ = your_work(client)
        assert sum(len(items) for items in lists.values()) >= size
        counts.append(len(queries))
    assert counts[0] == counts[1], counts
