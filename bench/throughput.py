"""Requests per second under gunicorn, as a ratio to a static file served by the same stack.

Starts gunicorn (gunicorn.conf.py, production settings, whitenoise) on 127.0.0.1, then loads it
with wrk (Debian's package: `apt-get install wrk`) from this machine only, for a bounded time
per URL, with keep-alive HTTP/1.1 connections:
a static file, the course page uncached, and the course page from the anonymous page cache
(Redis on 127.0.0.1, under a key prefix of its own). Usage, against the database the
environment names:

    .venv/bin/python bench/throughput.py [--seconds 10] [--connections 8] [--port 18765]
"""

import argparse
import http.client
import os
import re
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
WRK = shutil.which("wrk")


def load(port, path, seconds, connections):
    """(requests per second, failed requests) from wrk over `connections` keep-alive clients."""
    output = subprocess.run(  # noqa: S603 (fixed arguments)
        [WRK, "-t1", f"-c{connections}", f"-d{seconds:g}s", f"http://127.0.0.1:{port}{path}"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    failed = sum(
        int(number)
        for number in re.findall(
            r"(?:Non-2xx or 3xx responses|connect|read|write|timeout) (\d+)", output
        )
    )
    return rps, failed


def gunicorn(port, cache_seconds, extra_env, output=None):
    """gunicorn on 127.0.0.1:`port`, once it accepts connections; its log goes to `output`."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "false",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "GUNICORN_ACCESS_LOG": "",
        "LOG_LEVEL": "warning",
        "PAGE_CACHE_SECONDS": str(cache_seconds),
        **extra_env,
    }
    process = subprocess.Popen(  # noqa: S603 (fixed arguments)
        [sys.executable, "-m", "gunicorn", "--config", "gunicorn.conf.py"],
        cwd=ROOT,
        env=env,
        stdout=output,
        stderr=output,
    )
    for _ in range(100):
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited: is port {port} free?")
        try:
            http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/healthz/")
            return process
        except OSError:
            time.sleep(0.2)
    process.terminate()
    raise SystemExit("gunicorn did not start")


def course_and_static():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.conf import settings

    from courses.models import CoursePage

    course = CoursePage.objects.live().order_by("-pk").first()
    return course.url, Path(settings.STATIC_ROOT)


def forget(redis_env):
    """Remove this run's keys from the shared Redis."""
    import redis

    client = redis.Redis.from_url(redis_env["REDIS_URL"])
    keys = list(client.scan_iter(match=f"{redis_env['CACHE_KEY_PREFIX']}:*"))
    if keys:
        client.delete(*keys)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--port", type=int, default=18765)
    args = parser.parse_args()
    if WRK is None:
        raise SystemExit("bench/throughput.py needs wrk: apt-get install wrk")
    course_url, static_root = course_and_static()
    subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "lms.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
        },
        check=True,
    )
    manifest = (static_root / "staticfiles.json").read_text()
    hashed = manifest.split('"css/academy.css": "')[1].split('"')[0]
    static_url = f"/static/{hashed}"
    redis = {
        "REDIS_URL": os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0"),
        "CACHE_KEY_PREFIX": f"lms-bench-{secrets.token_hex(4)}",
    }
    rows = []
    for label, url, cache_seconds in (
        ("static file (whitenoise)", static_url, 0),
        ("course page, uncached", course_url, 0),
        ("course page, cached (anonymous)", course_url, 600),
    ):
        process = gunicorn(args.port, cache_seconds, redis)
        try:
            load(args.port, url, 3, args.connections)  # warm every worker
            rps, errors = load(args.port, url, args.seconds, args.connections)
        finally:
            process.terminate()
            process.wait(timeout=30)
        rows.append((label, url, rps, errors))
    forget(redis)
    base = rows[0][2]
    load_avg = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"\n{args.connections} connections, {args.seconds:g} s each; load average {load_avg}\n")
    print("| what | URL | requests/s | errors | ratio to static |")
    print("|---|---|---:|---:|---:|")
    for label, url, rps, errors in rows:
        print(f"| {label} | `{url}` | {rps:.0f} | {errors} | {rps / base:.0%} |")


if __name__ == "__main__":
    main()
