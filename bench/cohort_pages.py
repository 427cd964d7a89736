"""SQL queries per request and server time (median, 95th percentile) for an edition run as a cohort:
its page, its calendar feeds, /learning/, the sessions API and the admin's applications.

Builds, in a throwaway database, an edition with a cohort, its sessions (online ones, all-day
on-site days, a few cancelled) and its applicants (submitted, accepted, waitlisted, declined,
withdrawn), measures at the small size, grows the same edition to the large size and measures
again. The database is Django's test database for the one the environment names: a file
var/bench-cohorts.sqlite3 (under LMS_VAR_DIR) for SQLite, test_<name> for DATABASE_URL's
PostgreSQL; it is created here and dropped at the end. Requests run in-process with Django's test
client, page cache off (bench/server_time.py `measure`). Usage:

    .venv/bin/python bench/cohort_pages.py --label "SQLite" [--requests 40]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lms_bench_cohorts \\
        .venv/bin/python bench/cohort_pages.py --label "PostgreSQL"
    # sizes: --small-sessions 3 --small-applicants 10 --sessions 60 --applicants 500

Prints one Markdown table (docs/performance.md).
"""

import argparse
import datetime
import logging
import os
import zoneinfo

from server_time import measure  # sets Django up against the environment's database

# isort: split
from django.conf import settings
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page, Site

from cohorts import applications, calendar
from cohorts.models import Application, Cohort, Session
from courses.models import CoursePage, EditionPage, ModulePage
from home.models import HomePage
from lms.accounts.models import User

ONLINE_ZONE = zoneinfo.ZoneInfo("Europe/Brussels")
ON_SITE_ZONE = zoneinfo.ZoneInfo("Europe/Sofia")
# Applicant n's status: 1 in 17 accepted (30 of 500), then waitlisted, declined, withdrawn, and
# the rest left submitted.
DECISIONS = {0: "accept", 1: "waitlist", 2: "waitlist", 3: "waitlist", 8: "withdraw"}
DECISIONS.update(dict.fromkeys((4, 5, 6, 7), "decline"))
ADMIN_APPLICATIONS = "/admin/cohorts/applications/"


def throwaway_database():
    """Create and migrate Django's test database for the environment's; returns the name to give
    back to `destroy_test_db`."""
    original = connection.settings_dict["NAME"]
    if connection.vendor == "sqlite":
        # A file, as the site runs on, rather than Django's in-memory test database.
        connection.settings_dict["TEST"]["NAME"] = str(settings.VAR_DIR / "bench-cohorts.sqlite3")
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    return original


def benchmark_edition():
    """The site's home page with one edition under it, its online weeks starting today."""
    today = timezone.localdate()
    home = HomePage(title="Cluster Booster Academy", slug="academy")
    Page.get_first_root_node().add_child(instance=home)
    Site.objects.filter(is_default_site=True).update(root_page=home)
    return home.add_child(
        instance=EditionPage(
            title="Benchmark edition",
            slug="benchmark-edition",
            number=9,
            host_city="Sofia",
            online_start=today,
            online_end=today + datetime.timedelta(days=90),
            onsite_start=today + datetime.timedelta(days=100),
            onsite_end=today + datetime.timedelta(days=101),
        )
    )


class Academy:
    """An edition with a course of three modules, a cohort, a trainer, a superuser, and the
    participant whose pages are measured (the first applicant, accepted)."""

    def __init__(self):
        now = timezone.now()
        self.edition = benchmark_edition()
        course = self.edition.add_child(
            instance=CoursePage(title="Cluster strategy", slug="strategy", summary="A course.")
        )
        self.modules = [
            course.add_child(instance=ModulePage(title=f"Module {n}", slug=f"module-{n}"))
            for n in range(1, 4)
        ]
        self.cohort = Cohort.objects.create(
            edition=self.edition,
            seats=40,
            applications_open_at=now - datetime.timedelta(days=10),
            applications_close_at=now + datetime.timedelta(days=30),
        )
        self.trainer = User.objects.create_user("bench-trainer@example.org")
        self.staff = User.objects.create_superuser("bench-staff@example.org")
        self.participant = None

    def grow(self, sessions, applicants):
        """Add sessions and applicants until the edition has `sessions` and `applicants`."""
        for number in range(Session.objects.filter(edition=self.edition).count(), sessions):
            session = Session.objects.create(edition=self.edition, **session_fields(number))
            session.trainers.add(self.trainer)
            session.modules.add(self.modules[number % len(self.modules)])
        for number in range(Application.objects.filter(cohort=self.cohort).count(), applicants):
            self.apply(number)

    def apply(self, number):
        user = User.objects.create_user(
            f"bench-applicant-{number}@example.org", display_name=f"Applicant {number}"
        )
        application = Application.objects.create(
            cohort=self.cohort,
            applicant=user,
            organisation=f"Cluster {number}",
            role="Cluster manager",
            country="Bulgaria",
            motivation="Our cluster is growing and needs a strategy.",
            learning_goals="Strategy, funding and internationalisation.",
        )
        decision = DECISIONS.get(number % 17)
        if decision == "withdraw":
            applications.withdraw(application)
        elif decision:
            getattr(applications, decision)(application, by=self.staff)
        if number == 0:
            self.participant = user

    def pages(self):
        """(name, URL, the URL as the table shows it, signed-in user or None)."""
        edition, participant = self.edition, self.participant
        session = Session.objects.filter(edition=edition, cancelled=False, all_day=False).first()
        token = calendar.feed_for(participant).token
        feed = reverse("cohorts:edition_feed", args=[edition.id])
        api = f"{reverse('wagtailapi_v3:academy_sessions')}?edition={edition.id}"
        private = reverse("cohorts:private_feed", args=[token])
        one = reverse("cohorts:session_ics", args=[session.uid])
        return [
            ("edition page, anonymous", edition.url, edition.url, None),
            ("edition page, participant", edition.url, edition.url, participant),
            ("public edition feed", feed, feed, None),
            ("private feed", private, private.replace(token, "<token>"), None),
            (
                "one session's .ics, participant",
                one,
                one.replace(str(session.uid), "<uid>"),
                participant,
            ),
            ("/learning/, participant", "/learning/", "/learning/", participant),
            ("sessions API", api, api, None),
            ("admin applications, superuser", ADMIN_APPLICATIONS, ADMIN_APPLICATIONS, self.staff),
        ]


def session_fields(number):
    """Session `number` of the series, every other day from three days ago: online afternoons
    in Brussels, each fifth an all-day on-site day in Sofia, each twelfth cancelled."""
    day = timezone.localdate() + datetime.timedelta(days=2 * number - 3)
    on_site = number % 5 == 2
    if on_site:
        starts = datetime.datetime.combine(day, datetime.time(9), ON_SITE_ZONE)
        ends = datetime.datetime.combine(day, datetime.time(17, 30), ON_SITE_ZONE)
    else:
        starts = datetime.datetime.combine(day, datetime.time(14), ONLINE_ZONE)
        ends = starts + datetime.timedelta(hours=2)
    return {
        "title": f"{'On-site day' if on_site else 'Live session'} {number + 1}",
        "kind": Session.Kind.ON_SITE if on_site else Session.Kind.ONLINE,
        "description": "Lecture with interaction, then work on the case study.",
        "starts_at": starts,
        "ends_at": ends,
        "time_zone": (ON_SITE_ZONE if on_site else ONLINE_ZONE).key,
        "all_day": on_site,
        "venue": "Sofia Tech Park" if on_site else "",
        "join_url": "" if on_site else f"https://meet.example.org/benchmark-{number}",
        "recording_url": f"https://video.example.org/{number}" if starts < timezone.now() else "",
        "cancelled": number % 12 == 1,
    }


def measure_pages(academy, requests):
    """{name: (shown URL, status, queries, median, p95)} for each of the academy's pages."""
    results = {}
    for name, url, shown, user in academy.pages():
        client = Client()
        if user is not None:
            client.force_login(user)
        results[name] = (shown, *measure(client, url, requests))
    return results


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--label", default=connection.vendor)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--small-sessions", type=int, default=3)
    parser.add_argument("--small-applicants", type=int, default=10)
    parser.add_argument("--sessions", type=int, default=60)
    parser.add_argument("--applicants", type=int, default=500)
    args = parser.parse_args()
    if not (
        0 < args.small_sessions <= args.sessions and 0 < args.small_applicants <= args.applicants
    ):
        parser.error("each small size must be at least 1 and at most its large size")
    # Every status change logs an audit line; hundreds of them would bury the table.
    logging.getLogger("lms.audit").setLevel(logging.WARNING)
    original = throwaway_database()
    try:
        academy = Academy()
        sizes = [(args.small_sessions, args.small_applicants), (args.sessions, args.applicants)]
        results, loads = [], []
        for sessions, applicants in sizes:
            academy.grow(sessions, applicants)
            loads.append(", ".join(f"{value:.1f}" for value in os.getloadavg()))
            results.append(measure_pages(academy, args.requests))
        print_table(args.label, sizes, loads, academy.cohort, results)
    finally:
        connection.creation.destroy_test_db(original, verbosity=0)


def print_table(label, sizes, loads, cohort, results):
    accepted = cohort.applications.filter(status=Application.Status.ACCEPTED).count()
    small, large = (
        f"{sessions} sessions and {applicants} applicants (load average {load})"
        for (sessions, applicants), load in zip(sizes, loads, strict=True)
    )
    print(f"\n#### {label} ({connection.vendor}; {small}, then {large}, {accepted} accepted)\n")
    print_rows(results)


def print_rows(results):
    """The table of `results`, one {name: (shown URL, status, queries, median, p95)} per size."""
    print(
        "| page | URL | SQL queries, small / large | median ms, small | p95 ms, small | median ms, large | p95 ms, large |"
    )
    print("|---|---|---:|---:|---:|---:|---:|")
    for name, (shown, *_) in results[0].items():
        cells = [result[name][1:] for result in results]
        if any(status != 200 for status, *_ in cells):
            statuses = " / ".join(f"HTTP {status}" for status, *_ in cells)
            print(f"| {name} | `{shown}` | {statuses} | | | | |")
            continue
        queries = " / ".join(str(count) for _, count, _, _ in cells)
        times = " | ".join(f"{median:.1f} | {p95:.1f}" for _, _, median, p95 in cells)
        print(f"| {name} | `{shown}` | {queries} | {times} |")


if __name__ == "__main__":
    main()
