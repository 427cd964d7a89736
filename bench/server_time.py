"""SQL queries per request and server time (median, 95th percentile) for the academy's pages.

Runs in-process with Django's test client against the database the environment names
(DATABASE_URL, LMS_VAR_DIR), with the page cache off, so every request renders. Usage:

    .venv/bin/python bench/server_time.py --label "demo, SQLite" [--requests 40]

Prints one Markdown table (docs/performance.md). Pages that do not exist yet are reported so.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
os.environ["PAGE_CACHE_SECONDS"] = "0"
os.environ["DEBUG"] = "false"

import django  # noqa: E402

django.setup()

from django.db import connection, reset_queries  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402

from courses.models import CoursePage, EditionPage, ModulePage  # noqa: E402
from learning.models import Enrolment, ModuleCompletion  # noqa: E402
from lms.accounts.models import User  # noqa: E402
from materials.models import Material  # noqa: E402
from skills.models import Skill  # noqa: E402


def pages():
    """(name, url, signed-in learner or None): the largest of each kind, so large data shows."""
    edition = EditionPage.objects.live().order_by("-pk").first()
    course = CoursePage.objects.live().order_by("-pk").first()
    module = ModulePage.objects.live().order_by("-pk").first()
    skill = (
        Skill.objects.annotate(n=Count("material_items")).order_by("-n").first()
        if Material.objects.exists()
        else Skill.objects.first()
    )
    learner = User.objects.annotate(n=Count("module_completions")).order_by("-n").first()
    if learner is None or learner.n == 0:
        learner = bench_learner(course)
    found = [
        ("home", "/", None),
        ("edition", edition.url, None),
        ("course", course.url, None),
        ("module", module.url, None),
        ("materials", "/materials/", None),
        ("materials by skill", f"/materials/?skill={skill.slug}", None),
        ("skill page", f"/skills/{skill.slug}/", None),
        ("search", "/search/?q=strategy", None),
        ("learning (signed in)", "/learning/", learner),
    ]
    try:
        api = reverse("wagtailapi_v3:academy_materials")
    except NoReverseMatch:
        api = None
    found.append(("materials API", f"{api}?skill={skill.slug}" if api else None, None))
    return found


def bench_learner(course):
    """A learner enrolled in a course with half its modules done, for /learning/."""
    learner, _ = User.objects.get_or_create(email="bench-learner@example.org")
    Enrolment.objects.get_or_create(learner=learner, course=course)
    modules = list(course.get_modules())
    for module in modules[: len(modules) // 2 or 1]:
        ModuleCompletion.objects.get_or_create(learner=learner, module=module)
    return learner


def measure(client, url, requests):
    for _ in range(3):  # warm caches of templates, URL resolvers and the database
        response = client.get(url)
    if response.status_code != 200:
        return response.status_code, None, None, None
    reset_queries()  # the request resets the log itself; start it empty so nothing is lost
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    query_count = len(queries)  # read now: the captured list is a view of the live log
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)]
    return 200, query_count, statistics.median(timings), p95


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--label", default=connection.vendor)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    counts = f"{Material.objects.count():,} materials, {ModulePage.objects.count():,} modules"
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"\n#### {args.label} ({connection.vendor}; {counts}; load average {load})\n")
    print("| page | URL | SQL queries | median ms | p95 ms |")
    print("|---|---|---:|---:|---:|")
    for name, url, learner in pages():
        if url is None:
            print(f"| {name} | – | not built yet | | |")
            continue
        client = Client()
        if learner is not None:
            client.force_login(learner)
        status, queries, median, p95 = measure(client, url, args.requests)
        if status != 200:
            print(f"| {name} | `{url}` | HTTP {status} | | |")
            continue
        print(f"| {name} | `{url}` | {queries} | {median:.1f} | {p95:.1f} |")


if __name__ == "__main__":
    main()
