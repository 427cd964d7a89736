"""The staff's submissions report (coaching.reports): per edition and assignment, the work
expected, handed in, late and reviewed, and the average rubric level on each skill; with CSV and
XLSX exports, for staff only, at the same cost for 5 or 200 submissions."""

import datetime
import zoneinfo

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

import pytest

from coaching.feedback import give_feedback
from coaching.models import (
    Assignment,
    Feedback,
    RubricScore,
    Submission,
    SubmissionVersion,
)
from lms.accounts.models import User
from tests.factories import (
    AssignmentFactory,
    CourseWithModulesFactory,
    EditionPageFactory,
    ModeratorFactory,
    SkillFactory,
    UserFactory,
    accepted_participant,
    handed_in,
    team_of,
)
from tests.spreadsheets import exported_rows

pytestmark = pytest.mark.django_db

REPORT = "/admin/reports/submissions/"
BRUSSELS = zoneinfo.ZoneInfo("Europe/Brussels")
DUE = datetime.datetime(2027, 2, 1, 17, 0, tzinfo=BRUSSELS)


def participants(edition, *names):
    people = [UserFactory(display_name=name) for name in names]
    for person in people:
        accepted_participant(edition, applicant=person)
    return people


def feedback(submission, trainer, levels, outcome=Feedback.Outcome.REVIEWED):
    """Feedback on the latest version, `levels` by skill name."""
    criteria = submission.assignment.criteria.select_related("skill")
    return give_feedback(
        submission,
        submission.versions.get(number=submission.version_count),
        trainer,
        "Comments.",
        {criterion: levels[criterion.skill.name] for criterion in criteria},
        outcome=outcome,
    )


@pytest.fixture
def skills():
    return SkillFactory(name="Cluster strategy"), SkillFactory(name="Funding")


@pytest.fixture
def known_edition(edition, module, skills, trainer):
    """Four participants; individual work handed in by three (one late, two reviewed, one of them
    twice) and team work by one team of two."""
    ana, ben, cleo, dan = participants(edition, "Ana", "Ben", "Cleo", "Dan")
    homework = AssignmentFactory(
        page=module, title="Stakeholder map", due_at=DUE, criteria=list(skills)
    )
    first = feedback(
        handed_in(homework, ana, when=DUE - datetime.timedelta(days=1)),
        trainer,
        {"Cluster strategy": 2, "Funding": 3},
    )
    assert first.submission.status == Submission.Status.REVIEWED
    # Ben's first version scored 1 and 1, then a second one 3 and 3: only the latest counts.
    again = handed_in(homework, ben, when=DUE - datetime.timedelta(days=2))
    feedback(again, trainer, {"Cluster strategy": 1, "Funding": 1}, Feedback.Outcome.RESUBMIT)
    SubmissionVersion.objects.create(submission=again, number=2, text="Better.")
    Submission.objects.filter(pk=again.pk).update(
        version_count=2, status=Submission.Status.SUBMITTED
    )
    again.refresh_from_db()
    feedback(again, trainer, {"Cluster strategy": 3, "Funding": 3})
    handed_in(homework, cleo, when=DUE + datetime.timedelta(hours=2))
    team_of(edition, ana, ben)
    team = team_of(edition, cleo, dan)
    team_work = AssignmentFactory(
        page=module, title="Team case", work=Assignment.Work.TEAM, due_at=DUE
    )
    handed_in(team_work, cleo, team=team, when=DUE - datetime.timedelta(days=1))
    return edition


EXPECTED_ROWS = [
    [
        "Coaching edition",
        "Stakeholder map",
        "01 Feb 2027 17:00 (Europe/Brussels)",
        "4",
        "3",
        "1",
        "2",
        "Cluster strategy 2.5; Funding 3.0",
    ],
    [
        "Coaching edition",
        "Team case",
        "01 Feb 2027 17:00 (Europe/Brussels)",
        "2",
        "1",
        "0",
        "0",
        "",
    ],
]


def rows_shown(response):
    assert response.status_code == 200
    return [
        [
            str(getattr(row, field))
            for field in (
                "edition_title",
                "title",
                "due_display",
                "expected",
                "handed_in",
                "late",
                "reviewed",
                "average_levels",
            )
        ]
        for row in response.context["object_list"]
    ]


def test_one_row_per_edition_and_assignment_with_its_figures(client, known_edition):
    client.force_login(ModeratorFactory())

    response = client.get(REPORT)

    assert rows_shown(response) == EXPECTED_ROWS
    page = response.content.decode()
    assert "Cluster strategy 2.5; Funding 3.0" in page
    assert "<caption" in page


def test_the_report_exports_the_same_rows_as_csv_and_xlsx(client, known_edition):
    client.force_login(ModeratorFactory())

    csv_rows = exported_rows(client, REPORT, "csv")
    xlsx_rows = exported_rows(client, REPORT, "xlsx")

    heading = [
        "Edition",
        "Assignment",
        "Due (in its time zone)",
        "Time zone",
        "Expected",
        "Handed in",
        "Late",
        "Reviewed",
        "Average rubric level per skill",
    ]
    assert csv_rows[0] == xlsx_rows[0] == heading
    assert csv_rows[1][:2] == ["Coaching edition", "Stakeholder map"]
    assert csv_rows[1][3:] == [
        "Europe/Brussels",
        "4",
        "3",
        "1",
        "2",
        "Cluster strategy 2.5; Funding 3.0",
    ]
    # In the spreadsheet the due date stays a date and time, as read in Brussels, and the
    # counts stay numbers.
    assert xlsx_rows[1] == [
        "Coaching edition",
        "Stakeholder map",
        datetime.datetime(2027, 2, 1, 17, 0),
        "Europe/Brussels",
        4,
        3,
        1,
        2,
        "Cluster strategy 2.5; Funding 3.0",
    ]
    assert xlsx_rows[2][1] == "Team case" and xlsx_rows[2][4:8] == [2, 1, 0, 0]


def test_the_report_filters_by_edition(client, known_edition, home):
    other = EditionPageFactory(parent=home, title="Other edition", slug="other-edition")
    course = CourseWithModulesFactory(parent=other, modules=1)
    AssignmentFactory(page=course.get_children().first(), title="Other homework")
    client.force_login(ModeratorFactory())

    everything = rows_shown(client.get(REPORT))
    ours = rows_shown(client.get(REPORT, {"edition": known_edition.pk}))
    theirs = rows_shown(client.get(REPORT, {"edition": other.pk}))
    unknown = client.get(REPORT, {"edition": "99999999999999999999999"})

    assert len(everything) == 3
    assert ours == EXPECTED_ROWS
    assert [row[1] for row in theirs] == ["Other homework"]
    assert unknown.status_code == 200


def test_only_staff_open_the_report(client, known_edition, trainer, participant):
    client.force_login(trainer)
    assert client.get(REPORT).status_code == 302
    assert REPORT not in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(participant)
    assert client.get(REPORT).status_code == 302
    assert client.get(REPORT, {"export": "csv"}).status_code == 302

    client.force_login(ModeratorFactory())
    assert REPORT in client.get(reverse("wagtailadmin_home")).content.decode()


def crowd_with_feedback(assignment, size, start, trainer):
    """`size` learners' reviewed work on `assignment`, with scores, made in bulk."""
    learners = User.objects.bulk_create(
        User(email=f"crowd{start + i}@clusters.example.org", display_name=f"Crowd {start + i}")
        for i in range(size)
    )
    now = timezone.now()
    work = Submission.objects.bulk_create(
        Submission(
            assignment=assignment,
            learner=learner,
            version_count=1,
            late=bool(i % 2),
            status=Submission.Status.REVIEWED,
            reviewed_at=now,
        )
        for i, learner in enumerate(learners)
    )
    versions = SubmissionVersion.objects.bulk_create(
        SubmissionVersion(submission=submission, number=1, text="Work.") for submission in work
    )
    given = Feedback.objects.bulk_create(
        Feedback(submission=submission, version=version, trainer=trainer, comments="Good.")
        for submission, version in zip(work, versions, strict=True)
    )
    criteria = list(assignment.criteria.all())
    RubricScore.objects.bulk_create(
        RubricScore(feedback=one, criterion=criterion, level=1 + i % 3)
        for i, one in enumerate(given)
        for criterion in criteria
    )


def test_the_report_runs_the_same_queries_for_5_or_200_submissions(
    client, edition, module, skills, trainer, django_assert_num_queries
):
    assignments = [
        AssignmentFactory(page=module, title=f"Homework {n}", criteria=list(skills))
        for n in range(3)
    ]
    crowd_with_feedback(assignments[0], 5, 0, trainer)
    client.force_login(ModeratorFactory())
    client.get(REPORT)  # Fills the caches every request then finds filled.
    with CaptureQueriesContext(connection) as few:
        assert client.get(REPORT).status_code == 200
    with CaptureQueriesContext(connection) as few_exported:
        client.get(REPORT, {"export": "csv"})

    crowd_with_feedback(assignments[0], 95, 5, trainer)
    crowd_with_feedback(assignments[1], 100, 100, trainer)
    with django_assert_num_queries(len(few)):
        response = client.get(REPORT)
    with django_assert_num_queries(len(few_exported)):
        client.get(REPORT, {"export": "csv"})
    handed_in = {row.title: row.handed_in for row in response.context["object_list"]}
    assert handed_in == {"Homework 0": 100, "Homework 1": 100, "Homework 2": 0}
