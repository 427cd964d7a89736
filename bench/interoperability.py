"""Open Badges credentials and xAPI statements, measured: SQL queries per request and server time
(median, 95th percentile) of the credentials' public documents, pages and verification; the
time an xAPI statement adds to a learner's request; and how fast the worker's task sends the
outbox to a real Ralph LRS.

Builds, in a throwaway database (as bench/cohort_pages.py does), an edition with a course of
three modules with a skill each; learners who complete it, each earning the course's and the
edition's credentials, every fourth course credential revoked. Measures at the small size, grows to the large size and measures again.
Requests run in-process with Django's test client, page cache off. The xAPI part starts Ralph
from `.venv-ralph` (`make ralph`) as the tests do (tests/lrs.py). Usage:

    .venv/bin/python bench/interoperability.py --label "SQLite" [--requests 40]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/lms_bench_interop \\
        .venv/bin/python bench/interoperability.py --label "PostgreSQL"
    # sizes: --small 10 --large 400 (learners with a credential); --statements 500

Prints Markdown tables (docs/performance.md).
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from cohort_pages import benchmark_edition, print_rows, throwaway_database
from server_time import measure  # sets Django up against the environment's database

# isort: split
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse

from courses.models import CoursePage, ModulePage, ModuleSkill
from credentials.issuing import revoke
from credentials.models import Credential
from learning.models import Enrolment, ModuleCompletion
from learning.services import enrol, issue_certificate_if_complete, leave
from lms.accounts.models import User
from skills.models import Skill, SkillArea
from xapi.models import Statement
from xapi.sending import send_due

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.lrs import Ralph, ralph_binary  # noqa: E402 (the tests' own LRS launcher)


def course_credential(learner):
    # The course is its edition's only one: completing it earns the edition's credential too.
    return learner.credentials.get(kind=Credential.Kind.COURSE)


class Academy:
    """An edition with a course of three modules, and learners who completed it."""

    def __init__(self):
        self.edition = benchmark_edition()
        self.course = self.edition.add_child(
            instance=CoursePage(title="Cluster strategy", slug="strategy", summary="A course.")
        )
        area = SkillArea.objects.create(name="Strategy", slug="strategy")
        self.modules = []
        for number in range(1, 4):
            skill = Skill.objects.create(name=f"Skill {number}", slug=f"skill-{number}", area=area)
            module = self.course.add_child(
                instance=ModulePage(title=f"Module {number}", slug=f"module-{number}")
            )
            ModuleSkill.objects.create(content_object=module, tag=skill)
            self.modules.append(module)
        self.staff = User.objects.create_superuser("bench-staff@example.org")
        self.learners = []

    def grow(self, size):
        for number in range(len(self.learners), size):
            learner = User.objects.create_user(
                f"bench-learner-{number}@example.org", display_name=f"Learner {number}"
            )
            Enrolment.objects.create(learner=learner, course=self.course)
            ModuleCompletion.objects.bulk_create(
                ModuleCompletion(learner=learner, module=module) for module in self.modules
            )
            issue_certificate_if_complete(learner, self.course)
            if number % 4 == 3:
                revoke(course_credential(learner), self.staff, "Issued by mistake.")
            self.learners.append(learner)

    def pages(self):
        """(name, URL, signed-in user or None)."""
        credential = course_credential(self.learners[0])
        return [
            ("issuer profile", reverse("credentials:issuer"), None),
            ("public keys (JWKS)", reverse("credentials:jwks"), None),
            ("revocation status list", reverse("credentials:status_list"), None),
            ("achievement", reverse("credentials:achievement", args=[self.course.pk]), None),
            ("credential page, public", credential.get_absolute_url(), None),
            ("`.jwt` download, learner", reverse("credentials:download_jwt", args=[credential.public_id]), self.learners[0]),
            ("/learning/, learner with a credential", reverse("learning"), self.learners[0]),
        ]


def measure_pages(academy, requests):
    results = {}
    for name, url, user in academy.pages():
        client = Client()
        if user is not None:
            client.force_login(user)
        results[name] = (url, *measure(client, url, requests))
    return results


def measure_verification(academy, requests):
    """Server time of the verification page checking a pasted `.jwt`."""
    token = course_credential(academy.learners[0]).jwt
    client, url = Client(), reverse("credentials:verify")
    timings = []
    for number in range(requests + 3):
        cache.clear()  # the page allows 30 verifications a minute per address; this is one visitor
        started = time.perf_counter()
        response = client.post(url, {"credential": token})
        if number >= 3:
            timings.append((time.perf_counter() - started) * 1000)
    if response.status_code != 200:
        raise SystemExit(f"The verification page answered HTTP {response.status_code}")
    timings.sort()
    return statistics.median(timings), timings[int(0.95 * (len(timings) - 1))]


def enrol_and_leave_ms(academy, requests):
    """Median ms of enrolling (and leaving again), the service a learner's POST runs."""
    learner, timings = academy.learners[-1], []
    leave(learner, academy.course)
    for _ in range(requests):
        started = time.perf_counter()
        enrol(learner, academy.course)
        timings.append((time.perf_counter() - started) * 1000)
        leave(learner, academy.course)
    enrol(learner, academy.course)
    return statistics.median(timings)


def measure_xapi(academy, statements, requests):
    """The enrolment with the outbox off and on, and the send task's rate against Ralph."""
    off = enrol_and_leave_ms(academy, requests)
    with tempfile.TemporaryDirectory(prefix="lms-bench-ralph-") as directory:
        lrs = Ralph(ralph_binary(), directory)
        lrs.start()
        try:
            with override_settings(**lrs.settings):
                on = enrol_and_leave_ms(academy, requests)
                Statement.objects.filter(state=Statement.State.PENDING).delete()
                # Statements as the receivers store them, many learners' completions at once.
                for learner in academy.learners * (statements // len(academy.learners) + 1):
                    if Statement.objects.count() >= statements:
                        break
                    leave(learner, academy.course)
                    enrol(learner, academy.course)
                pending = Statement.objects.filter(state=Statement.State.PENDING).count()
                started = time.perf_counter()
                while Statement.objects.filter(state=Statement.State.PENDING).exists():
                    send_due.call()
                seconds = time.perf_counter() - started
        finally:
            lrs.stop()
    return off, on, pending, seconds


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--label", default=connection.vendor)
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--small", type=int, default=10)
    parser.add_argument("--large", type=int, default=400)
    parser.add_argument("--statements", type=int, default=500)
    args = parser.parse_args()
    if not 0 < args.small <= args.large:
        parser.error("--small must be at least 1 and at most --large")
    if not ralph_binary().exists():
        parser.error("Ralph is not installed: run `make ralph`")
    original = throwaway_database()
    try:
        academy = Academy()
        results, loads, verification = [], [], []
        for size in (args.small, args.large):
            academy.grow(size)
            loads.append(", ".join(f"{value:.1f}" for value in os.getloadavg()))
            results.append(measure_pages(academy, args.requests))
            verification.append(measure_verification(academy, args.requests))
        small, large = (
            f"{size} credentials, {size // 4} revoked (load average {load})"
            for size, load in zip((args.small, args.large), loads, strict=True)
        )
        print(f"\n#### {args.label} ({connection.vendor}; {small}, then {large})\n")
        print_rows(results)
        cells = " | ".join(f"{median:.1f} | {p95:.1f}" for median, p95 in verification)
        print(f"| verification page, pasted `.jwt` (POST) | `/credentials/verify/` | | {cells} |")
        off, on, pending, seconds = measure_xapi(academy, args.statements, args.requests)
        print(f"\nxAPI ({args.label}): enrolling takes {off:.1f} ms with no LRS set, ")
        print(f"{on:.1f} ms with the outbox on (median of {args.requests});")
        print(f"`send_due` sent {pending} statements to Ralph in {seconds:.1f} s ")
        print(f"({pending / seconds:.0f} statements/s, one PUT each).")
    finally:
        connection.creation.destroy_test_db(original, verbosity=0)


if __name__ == "__main__":
    main()
