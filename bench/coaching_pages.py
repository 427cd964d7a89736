"""SQL queries per request and server time (median, 95th percentile) for the coaching pages: the
trainers' grading list and review page, the submissions report, a participant's /learning/,
assignment page, action plan and "My skills", and the trainers' list of shared plans.

Builds, in a throwaway database (as bench/cohort_pages.py does), an edition with a course of three
modules, an assignment with a two-criterion rubric on each, a trainer and a superuser; then adds
participants who each hand in every assignment, every other one reviewed with rubric scores, and
each keeping a shared action plan; measures at the small size, grows to the large size and
measures again. Requests run in-process with Django's test client, page cache off. Usage:

    .venv/bin/python bench/coaching_pages.py --label "SQLite" [--requests 40]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lms_bench_coaching \\
        .venv/bin/python bench/coaching_pages.py --label "PostgreSQL"
    # sizes: --small 5 --large 200 (participants; each hands in three assignments)

Prints one Markdown table (docs/performance.md).
"""

import argparse
import datetime
import os

from cohort_pages import benchmark_edition, print_rows, throwaway_database
from server_time import measure  # sets Django up against the environment's database

# isort: split
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from coaching.models import (
    ActionPlan,
    Assignment,
    Feedback,
    PlanGoal,
    RubricCriterion,
    RubricScore,
    Submission,
    SubmissionVersion,
)
from cohorts.models import Application, Cohort
from courses.models import CoursePage, ModulePage, ModuleSkill
from lms.accounts.models import User
from skills.models import Skill, SkillArea


class Academy:
    """An edition, its course of three modules with an assignment each, its trainer and staff."""

    def __init__(self):
        now = timezone.now()
        self.edition = benchmark_edition()
        course = self.edition.add_child(
            instance=CoursePage(title="Cluster strategy", slug="strategy", summary="A course.")
        )
        area = SkillArea.objects.create(name="Strategy", slug="strategy")
        self.skills = [
            Skill.objects.create(name=f"Skill {n}", slug=f"skill-{n}", area=area) for n in range(2)
        ]
        self.cohort = Cohort.objects.create(edition=self.edition, seats=300)
        self.trainer = User.objects.create_user("bench-trainer@example.org")
        self.cohort.trainers.add(self.trainer)
        self.staff = User.objects.create_superuser("bench-staff@example.org")
        self.assignments = []
        for n in range(1, 4):
            module = course.add_child(instance=ModulePage(title=f"Module {n}", slug=f"module-{n}"))
            ModuleSkill.objects.create(content_object=module, tag=self.skills[n % 2])
            assignment = Assignment.objects.create(
                page=module,
                title=f"Homework {n}",
                brief="<p>Map your cluster's stakeholders.</p>",
                due_at=now + datetime.timedelta(days=7),
            )
            for skill in self.skills:
                RubricCriterion.objects.create(
                    assignment=assignment,
                    skill=skill,
                    title=f"Uses {skill.name}",
                    level_1="Names it",
                    level_2="Applies it with help",
                    level_3="Applies it on their own",
                )
            self.assignments.append(assignment)
        self.participants = []

    def grow(self, size):
        """Add participants until there are `size`, each with their work and plan."""
        for number in range(len(self.participants), size):
            self.add_participant(number)

    def add_participant(self, number):
        learner = User.objects.create_user(
            f"bench-participant-{number}@example.org", display_name=f"Participant {number}"
        )
        Application.objects.create(
            cohort=self.cohort,
            applicant=learner,
            organisation=f"Cluster {number}",
            role="Cluster manager",
            country="Bulgaria",
            motivation="-",
            learning_goals="-",
            status=Application.Status.ACCEPTED,
        )
        for assignment in self.assignments:
            reviewed = number % 2 == 1
            submission = Submission.objects.create(
                assignment=assignment,
                learner=learner,
                version_count=1,
                status=Submission.Status.REVIEWED if reviewed else Submission.Status.SUBMITTED,
            )
            version = SubmissionVersion.objects.create(
                submission=submission, number=1, text="My answer " * 50, author=learner
            )
            if reviewed:
                feedback = Feedback.objects.create(
                    submission=submission, version=version, trainer=self.trainer, comments="Good."
                )
                RubricScore.objects.bulk_create(
                    RubricScore(feedback=feedback, criterion=criterion, level=2)
                    for criterion in assignment.criteria.all()
                )
        plan = ActionPlan.objects.create(
            learner=learner, edition=self.edition, shared_with_trainers=True, version=1
        )
        PlanGoal.objects.bulk_create(
            PlanGoal(plan=plan, title=f"Goal {n}", skill=self.skills[n % 2], sort_order=n)
            for n in range(5)
        )
        self.participants.append(learner)

    def pages(self):
        """(name, URL, signed-in user)."""
        first = self.participants[0]
        review = Submission.objects.filter(learner=first).first()
        plan = ActionPlan.objects.get(learner=first)
        return [
            ("grading list, trainer", reverse("coaching_grading"), self.trainer),
            ("review page, trainer", reverse("coaching_review", args=[review.pk]), self.trainer),
            ("submissions report, staff", reverse("coaching_submissions_report"), self.staff),
            ("shared plans, trainer", reverse("coaching_plans"), self.trainer),
            ("/learning/, participant", reverse("learning"), first),
            (
                "assignment page, participant",
                reverse("coaching:assignment", args=[self.assignments[0].pk]),
                first,
            ),
            ("action plan, participant", reverse("coaching:plan", args=[self.edition.pk]), first),
            ("plan, trainer", reverse("coaching_plan", args=[plan.pk]), self.trainer),
            ("My skills, participant", reverse("assessments:my_skills"), first),
        ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--label", default=connection.vendor)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--small", type=int, default=5)
    parser.add_argument("--large", type=int, default=200)
    args = parser.parse_args()
    if not 0 < args.small <= args.large:
        parser.error("--small must be at least 1 and at most --large")
    original = throwaway_database()
    try:
        academy = Academy()
        results, loads = [], []
        for size in (args.small, args.large):
            academy.grow(size)
            loads.append(", ".join(f"{value:.1f}" for value in os.getloadavg()))
            results.append(measure_pages(academy, args.requests))
        print_table(args.label, (args.small, args.large), loads, results)
    finally:
        connection.creation.destroy_test_db(original, verbosity=0)


def measure_pages(academy, requests):
    results = {}
    for name, url, user in academy.pages():
        client = Client()
        client.force_login(user)
        results[name] = (url, *measure(client, url, requests))
    return results


def print_table(label, sizes, loads, results):
    small, large = (
        f"{size} participants, {size * 3} submissions (load average {load})"
        for size, load in zip(sizes, loads, strict=True)
    )
    print(f"\n#### {label} ({connection.vendor}; {small}, then {large})\n")
    print_rows(results)


if __name__ == "__main__":
    main()
