"""SQL queries and server time (median, 95th percentile) of a learner's recommendations: the
ranking itself (`assessments.recommendations.recommend`, the full list and the top three), and the
pages and API that show it.

The learner ("bench-reco@example.org") has rated every skill of the taxonomy, levels 1 to 5 in
turn, so their three largest gaps are three skills rated 1, each tagged on about a fifth of the
generated materials. Runs in-process against the database the environment names, page cache off
(bench/server_time.py `measure`). Usage, on an academy with generated load data:

    createdb -h 127.0.0.1 -U postgres lms_bench_reco
    export DATABASE_URL=postgres://postgres@127.0.0.1:5432/lms_bench_reco
    .venv/bin/python manage.py migrate && .venv/bin/python manage.py load_academy
    .venv/bin/python manage.py generate_load_data
    .venv/bin/python bench/recommendations.py --label "100,000 materials, PostgreSQL"

Prints one Markdown table (docs/performance.md).
"""

import argparse
import os
import statistics
import time

from server_time import measure  # sets Django up against the environment's database

# isort: split
from django.db import connection, reset_queries
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from wagtail.models import APIToken

from assessments.models import Rating, SelfAssessment
from assessments.recommendations import largest_gaps, recommend
from assessments.services import latest_levels
from lms.accounts.models import User
from materials.models import Material, MaterialSkill
from skills.models import Skill

EMAIL = "bench-reco@example.org"


def bench_learner():
    """The learner with a full self-assessment, made on the first run."""
    learner, _ = User.objects.get_or_create(email=EMAIL, defaults={"display_name": "Bench"})
    if not learner.self_assessments.exists():
        assessment = SelfAssessment.objects.create(learner=learner)
        Rating.objects.bulk_create(
            Rating(assessment=assessment, skill=skill, level=1 + n % 5)
            for n, skill in enumerate(Skill.objects.all())
        )
    return learner


def time_recommend(learner, limit, requests):
    """(queries, median ms, p95 ms) of `recommend` for a new request each time, as a page does."""

    def run():
        request = RequestFactory().get("/learning/")
        request.user, request.session = learner, {}
        return recommend(latest_levels(learner), learner, request, limit=limit)

    for _ in range(3):
        run()
    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        run()
    count = len(queries)
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        run()
        timings.append((time.perf_counter() - started) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, int(round(0.95 * len(timings))) - 1)]
    return count, statistics.median(timings), p95


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--label", default=connection.vendor)
    parser.add_argument("--requests", type=int, default=40)
    args = parser.parse_args()
    learner = bench_learner()
    gaps = largest_gaps(latest_levels(learner))
    candidates = (
        Material.objects.published()
        .filter(
            pk__in=MaterialSkill.objects.filter(tag__in=[gap.skill for gap in gaps]).values(
                "content_object"
            )
        )
        .count()
    )
    counts = f"{Material.objects.count():,} materials, {candidates:,} of them on the gaps"
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"\n#### {args.label} ({connection.vendor}; {counts}; load average {load})\n")
    print("| what | URL | SQL queries | median ms | p95 ms |")
    print("|---|---|---:|---:|---:|")
    for name, limit in (("recommend(), full list", None), ("recommend(), top three", 3)):
        queries, median, p95 = time_recommend(learner, limit, args.requests)
        print(f"| {name} | – | {queries} | {median:.1f} | {p95:.1f} |")
    token = APIToken.create_token(user=learner, name="bench")[1]
    pages = [
        ("My learning", reverse("learning"), {}),
        ("My skills", reverse("assessments:my_skills"), {}),
        (
            "recommendations API",
            reverse("wagtailapi_v3:academy_my_recommendations"),
            {"HTTP_AUTHORIZATION": f"Bearer {token}"},
        ),
    ]
    for name, url, headers in pages:
        client = Client(**headers)
        if not headers:
            client.force_login(learner)
        status, queries, median, p95 = measure(client, url, args.requests)
        if status != 200:
            print(f"| {name} | `{url}` | HTTP {status} | | |")
            continue
        print(f"| {name} | `{url}` | {queries} | {median:.1f} | {p95:.1f} |")
    APIToken.objects.filter(user=learner, name="bench").delete()


if __name__ == "__main__":
    main()
