"""Simulated learners against gunicorn and PostgreSQL, with PostgreSQL restarted mid-run.

Starts gunicorn (gunicorn.conf.py, production settings) on a free port of 127.0.0.1 against a
PostgreSQL database of its own (created, migrated and loaded with the demo academy here). N
learners sign up, then for D seconds browse, search, filter the library by skill, enrol and
complete modules (POST with the form's CSRF token, answering the self-checks by trial as a
learner would). Each learner keeps what the server told it: "enrolled", "complete". Halfway,
PostgreSQL is restarted (stopped, held down until /healthz/ has answered 503, started) while
/healthz/ is polled. Afterwards the database must hold exactly the enrolments and completions
the learners were told about. Loopback only, bounded in time and in requests. Usage:

    .venv/bin/python bench/load_faults.py [--learners 50] [--seconds 60] [--no-restart]
    .venv/bin/python bench/load_faults.py --short      # CI: 10 learners, 15 s, with the restart

What counts (exit status 1 if any check fails):
- outside the outage, every request answers below 500 (connection errors count as failures);
- during the outage (restart until /healthz/ answers 200 again, plus a short grace), a request may
  fail only cleanly: refused or reset connection, or a 503; never a 500, never a traceback;
- /healthz/ answers 503 JSON while the database is down and 200 again within --recovery seconds;
- per learner, the enrolments and completions in the database equal what the learner was told
  succeeded; no learner was told twice that the same record was newly created.

A POST whose answer was lost (connection dropped, 503) is retried until the server says
"enrolled"/"already enrolled" or "complete"/"already completed", as a learner would retry: this is
how a write committed just before the outage is told apart from one that never happened.
"""

import argparse
import html
import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from functools import partial
from http.client import HTTPConnection, HTTPException
from http.cookies import CookieError, SimpleCookie
from urllib.parse import urlencode

from throughput import ROOT, gunicorn

HOST = "127.0.0.1"
SIGN_UPS = threading.Semaphore(5)
PG_PORT = "5432"
GRACE = 3.0  # seconds after /healthz/ recovers during which requests started earlier may fail
SEARCH_TERMS = ["strategy", "members", "funding", "internationalisation", "foresight", "network"]
MESSAGE = re.compile(r'<p class="message message--\w+">(.*?)</p>', re.S)
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
QUESTION = re.compile(r"<legend>(.*?)</legend>(.*?)</fieldset>", re.S)
ANSWER = re.compile(r'name="(answer-[^"]+)" value="(\d+)"')


# PostgreSQL: the machine's only cluster, restarted in place ------------------------------------


def pg_cluster():
    versions = sorted(os.listdir("/etc/postgresql"))
    return [versions[-1], "main"]


def pg_ready():
    command = ["pg_isready", "-q", "-h", HOST, "-p", PG_PORT]
    return subprocess.run(command, check=False).returncode == 0  # noqa: S603 (fixed arguments)


def pg_ctl(action):
    subprocess.run(  # noqa: S603 (fixed arguments)
        ["pg_ctlcluster", "--skip-systemctl-redirect", *pg_cluster(), action],  # noqa: S607
        check=True,
        timeout=120,
    )


def ensure_postgres_running():
    """Whatever happened (failure, ctrl-c mid-restart), leave the machine's PostgreSQL up."""
    for _ in range(60):
        if pg_ready():
            return
        try:
            pg_ctl("start")
        except subprocess.SubprocessError:
            pass  # already starting, or stopping: look again in a moment
        time.sleep(1)
    raise SystemExit("PostgreSQL did not come back: start it with pg_ctlcluster")


def prepare_database(name, env, fresh):
    import psycopg
    from psycopg import sql

    with psycopg.connect(f"postgresql://postgres@{HOST}:{PG_PORT}/postgres", autocommit=True) as db:
        if fresh:
            db.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            db.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    for command in (
        ["migrate", "--noinput", "-v0"],
        ["load_academy", "-v0"],
        ["collectstatic", "--noinput", "-v0"],
    ):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)  # noqa: S603


def catalogue():
    """URLs the learners visit, from the database the server uses (os.environ names it)."""
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.db import connection

    from courses.models import CoursePage, EditionPage
    from skills.models import Skill

    ids = {}
    courses = []
    for course in CoursePage.objects.live().public().order_by("path"):
        modules = list(course.get_modules())
        ids.update({course.url: course.pk, **{module.url: module.pk for module in modules}})
        if modules:
            courses.append((course.url, [module.url for module in modules]))
    found = {
        "editions": [edition.url for edition in EditionPage.objects.live().public()],
        "courses": courses,
        "skills": list(Skill.objects.values_list("slug", flat=True)),
        "ids": ids,
    }
    connection.close()  # no connection of ours may be open across the restart
    return found


def stored_records(run):
    """{email: (course ids enrolled, module ids completed)} for this run's learners."""
    from django.db import connection

    from learning.models import Enrolment, ModuleCompletion

    prefix = f"bench-{run}-"
    stored = {}
    for email, url in Enrolment.objects.filter(learner__email__startswith=prefix).values_list(
        "learner__email", "course_id"
    ):
        stored.setdefault(email, (set(), set()))[0].add(url)
    for email, url in ModuleCompletion.objects.filter(
        learner__email__startswith=prefix
    ).values_list("learner__email", "module_id"):
        stored.setdefault(email, (set(), set()))[1].add(url)
    connection.close()
    return stored


# One simulated learner -------------------------------------------------------------------------


class Log:
    """Every request any learner or the health poller made: (start, end, what, status, traceback)."""

    def __init__(self):
        self.rows = []
        self.lock = threading.Lock()

    def add(self, *row):
        with self.lock:
            self.rows.append(row)

    def __len__(self):
        return len(self.rows)


class Learner:
    def __init__(self, number, port, run, site, log, budget):
        self.email = f"bench-{run}-{number}@example.org"
        self.port, self.site, self.log, self.budget = port, site, log, budget
        self.random = random.Random(f"{run}-{number}")  # noqa: S311 (not cryptographic)
        self.conn = None
        self.cookies = {}
        self.answers = {}  # self-check field name -> option index to try next
        self.enrolled, self.completed = set(), set()
        self.unsure = set()  # (action, URL) whose POST got no clear answer: retried until it does
        self.created = Counter()  # (action, URL) -> times the server said "newly done"
        self.refusals = Counter()
        self.surprises = []
        self.settled = 0  # POSTs whose answer was lost, settled by asking again
        self.last_failed = False

    # HTTP with cookies over one keep-alive connection ---------------------------------------

    def request(self, method, path, form=None):
        """(status, headers, body) or None when the connection failed; every call is logged."""
        if self.budget.take() is False:
            raise TimeoutError("request budget spent")
        headers = {"Host": HOST}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.monotonic()
        try:
            if self.conn is None:
                self.conn = HTTPConnection(HOST, self.port, timeout=30)
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, HTTPException):
            self.log.add(started, time.monotonic(), path, None, False)
            self.last_failed = True
            if self.conn is not None:
                self.conn.close()
            self.conn = None
            return None
        self.log.add(started, time.monotonic(), path, response.status, "Traceback" in text)
        self.last_failed = response.status >= 500
        for header in response.msg.get_all("Set-Cookie") or []:
            try:
                parsed = SimpleCookie(header)
            except CookieError:
                continue
            for name, morsel in parsed.items():
                if morsel["max-age"] == "0" or "1970" in morsel["expires"]:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.coded_value
        if response.will_close:
            self.conn.close()
            self.conn = None
        return response.status, response.msg, text

    def get(self, path):
        answer = self.request("GET", path)
        return answer[2] if answer and answer[0] == 200 else None

    def post(self, path, form, retry_until):
        """POST, then GET the page it redirects to and return its messages; None if unclear."""
        answer = self.request("POST", path, form)
        if answer is None or answer[0] != 302:
            if answer is not None and answer[0] < 500:
                self.surprises.append(f"POST {path}: HTTP {answer[0]}")
            return None
        location = answer[1]["Location"]
        # The message waits in a cookie until a page shows it, so a failed GET can be retried.
        while time.monotonic() < retry_until:
            page = self.get(location)
            if page is not None:
                return [html.unescape(m).strip() for m in MESSAGE.findall(page)]
            time.sleep(0.5)
        return None

    # What a learner does ----------------------------------------------------------------------

    def form_post(self, path, fields):
        """GET the form at `path`, POST `fields` with its CSRF token; the answer, or None."""
        page = self.get(path)
        token = page and CSRF.search(page)
        if not token:
            return None
        return self.request("POST", path, {"csrfmiddlewaretoken": token.group(1), **fields})

    def sign_up(self, until):
        """Sign up (a few learners at a time: password hashing is slow on purpose)."""
        password = secrets.token_urlsafe(16)
        fields = {
            "email": self.email,
            "display_name": f"Bench learner {self.email.split('@')[0]}",
            "password1": password,
            "password2": password,
        }
        with SIGN_UPS:
            while time.monotonic() < until:
                answer = self.form_post("/accounts/signup/", fields)
                if answer and answer[0] == 302:
                    return True
                if answer and answer[0] == 200 and "already exists" in answer[2]:
                    # An earlier attempt's answer was lost but the account was made: sign in.
                    login = {"username": self.email, "password": password}
                    answer = self.form_post("/accounts/login/", login)
                    if answer and answer[0] == 302:
                        return True
                if answer and answer[0] < 500:
                    self.surprises.append(f"sign-up answered HTTP {answer[0]}")
                    return False
                time.sleep(0.5)
        self.surprises.append("no answer to sign-up in time")
        return False

    def browse(self):
        course, modules = self.random.choice(self.site["courses"])
        path = self.random.choice(
            ["/", self.random.choice(self.site["editions"]), course, self.random.choice(modules)]
        )
        self.get(path)

    def search(self):
        self.get("/search/?" + urlencode({"q": self.random.choice(SEARCH_TERMS)}))

    def library(self):
        self.get("/materials/?" + urlencode({"skill": self.random.choice(self.site["skills"])}))

    def enrol(self, course, retry_until):
        page = self.get(course)
        if page and re.search(r'<form method="post" action="[^"]+/leave/"', page):
            # The page offers to leave: an earlier POST's answer was lost but its write stands.
            self.record("enrol", course, ["You were already enrolled"], (), "You were already")
            return
        token = page and CSRF.search(page)
        action = page and re.search(r'<form method="post" action="([^"]+/enrol/)"', page)
        if not (token and action):
            return  # not asked yet: nothing to record
        messages = self.post(
            html.unescape(action.group(1)), {"csrfmiddlewaretoken": token.group(1)}, retry_until
        )
        self.record("enrol", course, messages, new=("You are enrolled",), old="You were already")

    def complete(self, course, module, retry_until):
        """Answer the module's self-checks, changing only answers the server says are wrong."""
        for _ in range(6):
            page = self.get(module)
            if page is None:
                return
            if "You have completed this module" in page:
                # The page itself says so: an earlier POST's answer was lost but its write stands.
                self.record("complete", module, ["You had already completed"], (), "You had")
                return
            token = CSRF.search(page)
            action = re.search(
                r'<form id="module-complete-form" method="post" action="([^"]+)"', page
            )
            if not (token and action):
                self.surprises.append(f"{module}: no completion form")
                return
            form = {"csrfmiddlewaretoken": token.group(1)}
            questions = {}
            for legend, options in QUESTION.findall(page):
                values = ANSWER.findall(options)
                if values:
                    name = values[0][0]
                    questions[html.unescape(legend).strip()] = (name, len(values))
                    form[name] = str(self.answers.get(name, 0))
            messages = self.post(html.unescape(action.group(1)), form, retry_until)
            refused = [m for m in messages or [] if m.startswith("Not quite")]
            wrong = [q for q in questions if any(f"“{q}”" in m for m in refused)]
            if not wrong:
                self.record(
                    "complete", module, messages, new=("“", "Course complete!"), old="You had"
                )
                return
            self.refusals["wrong answer"] += 1
            for question in wrong:
                name, count = questions[question]
                self.answers[name] = (self.answers.get(name, 0) + 1) % count

    def record(self, action, url, messages, new, old):
        if messages is None:
            self.unsure.add((action, url))
            return
        done = self.enrolled if action == "enrol" else self.completed
        if any(m.startswith(new) for m in messages if new):
            self.created[(action, url)] += 1
        elif not any(m.startswith(old) for m in messages):
            self.refusals[" ".join(messages)[:60] or "no message"] += 1
            if not messages:
                self.unsure.add((action, url))
            return
        done.add(url)
        if (action, url) in self.unsure:
            self.unsure.discard((action, url))
            self.settled += 1

    def next_step(self, retry_until):
        open_courses = [
            (course, [m for m in modules if m not in self.completed])
            for course, modules in self.site["courses"]
            if course in self.enrolled
        ]
        open_courses = [(course, left) for course, left in open_courses if left]
        roll = self.random.random()
        if roll < 0.40 and open_courses:
            course, left = self.random.choice(open_courses)
            self.complete(course, left[0], retry_until)
        elif roll < 0.50:
            candidates = [c for c, _ in self.site["courses"] if c not in self.enrolled]
            if candidates:
                self.enrol(self.random.choice(candidates), retry_until)
        elif roll < 0.60:
            self.search()
        elif roll < 0.70:
            self.library()
        else:
            self.browse()

    def settle(self, until):
        """After the run: repeat each unanswered POST until the server says where it stands."""
        while self.unsure and time.monotonic() < until:
            action, url = next(iter(self.unsure))
            if action == "enrol":
                self.enrol(url, until)
            else:
                course = next(c for c, modules in self.site["courses"] if url in modules)
                self.complete(course, url, until)
            if (action, url) in self.unsure:
                time.sleep(0.5)

    def run(self, deadline, settle_until):
        try:
            while time.monotonic() < deadline:
                self.next_step(deadline + 10)
                if self.last_failed:
                    time.sleep(0.5)  # the site is unwell: a person waits before trying again
            self.settle(settle_until)
        except TimeoutError:
            pass
        finally:
            if self.conn is not None:
                self.conn.close()


class Budget:
    """At most `limit` requests in all: the run is bounded in count as well as in time."""

    def __init__(self, limit):
        self.left, self.lock = limit, threading.Lock()

    def take(self):
        with self.lock:
            self.left -= 1
            return self.left >= 0


# The fault ------------------------------------------------------------------------------------


def restart_and_watch(port, log, outage, recovery_limit, down):
    """Restart PostgreSQL while polling /healthz/; fills `outage` with the timings it saw.

    A poll starts every 0.25 s without waiting for the previous one: each waits in gunicorn's
    queue behind the learners' requests, and polls in flight together sample the outage. A plain
    `restart` can be over before any queued poll is answered, so the cluster is stopped and
    started with a pause between, long enough for /healthz/ to be seen answering 503.
    """
    health, lock = Counter(), threading.Lock()

    def restart():
        """Stop, stay down until /healthz/ has said so (at least `down`, at most 20 s), start."""
        try:
            pg_ctl("stop")
            stopped = time.monotonic()
            while time.monotonic() < stopped + 20 and (
                time.monotonic() < stopped + down or not health["503 JSON"]
            ):
                time.sleep(0.1)
        finally:
            try:
                pg_ctl("start")
            finally:
                outage["pg_back"] = time.monotonic()

    def poll():
        started = time.monotonic()
        try:
            conn = HTTPConnection(HOST, port, timeout=30)
            conn.request("GET", "/healthz/", headers={"Host": HOST})
            response = conn.getresponse()
            body = response.read().decode("utf-8", "replace")
            conn.close()
        except (OSError, HTTPException):
            log.add(started, time.monotonic(), "/healthz/", None, False)
            with lock:
                health["connection failed"] += 1
            return
        ended = time.monotonic()
        log.add(started, ended, "/healthz/", response.status, "Traceback" in body)
        outcome = str(response.status)
        if response.status == 503:
            json_error = response.headers.get("Content-Type", "").startswith("application/json")
            outcome = "503 JSON" if json_error and '"status": "error"' in body else "503 other"
        with lock:
            health[outcome] += 1
            if response.status == 200 and started > outage.get("pg_back", float("inf")):
                outage["healthy"] = min(outage.get("healthy", ended), ended)

    outage["start"] = time.monotonic()
    restarter = threading.Thread(target=restart)
    restarter.start()
    polls = []
    until = outage["start"] + recovery_limit + 60
    while "healthy" not in outage and time.monotonic() < until and len(polls) < 400:
        polls.append(threading.Thread(target=poll, daemon=True))
        polls[-1].start()
        time.sleep(0.25)
    restarter.join()
    for thread in polls:
        thread.join(timeout=35)
    outage["health"] = health


# The run --------------------------------------------------------------------------------------


def free_port():
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def classify(rows, outage):
    """Counts of requests by outcome; failures are what the module docstring says they are."""
    window = None
    if "start" in outage:
        window = (outage["start"], outage.get("healthy", float("inf")) + GRACE)
    counts = Counter()
    for started, ended, _path, status, traceback in rows:
        during = window is not None and started <= window[1] and ended >= window[0]
        if traceback:
            counts["traceback in body (failure)"] += 1
        elif status is None:
            counts[
                "connection failed during outage" if during else "connection failed (failure)"
            ] += 1
        elif status == 503 and during:
            counts["503 during outage"] += 1
        elif status >= 500:
            counts[f"HTTP {status} (failure)"] += 1
        elif status >= 400:
            counts[f"HTTP {status}"] += 1
        else:
            counts["answered < 400"] += 1
    return counts


def compare(learners, stored, ids):
    """What learners were told against what the database holds, summed over learners."""
    totals = Counter()
    for learner in learners:
        told = ({ids[url] for url in learner.enrolled}, {ids[url] for url in learner.completed})
        held = stored.get(learner.email, (set(), set()))
        totals["told enrolments"] += len(told[0])
        totals["stored enrolments"] += len(held[0])
        totals["told completions"] += len(told[1])
        totals["stored completions"] += len(held[1])
        totals["differing records"] += len(told[0] ^ held[0]) + len(told[1] ^ held[1])
        totals["told 'new' twice"] += sum(1 for times in learner.created.values() if times > 1)
        totals["still unanswered"] += len(learner.unsure)
        totals["lost answers settled by asking again"] += learner.settled
    return totals


def report(args, learners, log, signed_up, outage, seconds, totals):
    """Print the figures; return the failed checks."""
    counts = classify(log.rows, outage)
    timed = len(log) - signed_up
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    restart = "no" if args.no_restart else "yes"
    print(f"\n{args.learners} learners, {seconds:.1f} s, PostgreSQL restart: {restart}")
    print(f"load average {load}")
    answered = sum(1 for row in log.rows[signed_up:] if row[3] is not None and row[3] < 400)
    print(
        f"requests: {len(log)} ({signed_up} signing up, {timed} in the run: {timed / seconds:.1f}/s"
    )
    print(f"  of which answered below 400: {answered / seconds:.1f}/s)")
    for key, value in sorted(counts.items()):
        print(f"  {key}: {value}")
    failures = []
    if any("(failure)" in key for key in counts):
        failures.append("requests failed outside the rules (see above)")
    if outage:
        healthy = outage.get("healthy", float("nan"))
        print(
            f"PostgreSQL stopped and started in {outage['pg_back'] - outage['start']:.1f} s; /healthz/ "
            f"answered 200 {healthy - outage['pg_back']:.1f} s after it was back "
            f"({healthy - outage['start']:.1f} s after the restart began)"
        )
        print(f"  /healthz/ polls: {dict(outage['health'])}")
        if not healthy - outage["pg_back"] <= args.recovery:
            failures.append(f"/healthz/ not 200 within {args.recovery:g} s of PostgreSQL's return")
        if set(outage["health"]) - {"503 JSON", "connection failed", "200"}:
            failures.append("/healthz/ answered otherwise than 503 JSON during the outage")
        if not outage["health"]["503 JSON"]:
            failures.append("no /healthz/ poll reached the site while PostgreSQL was down")
    for key in ("enrolments", "completions"):
        print(f"{key}: learners told {totals['told ' + key]}, database {totals['stored ' + key]}")
    mismatch = ("differing records", "told 'new' twice", "still unanswered")
    print("  " + ", ".join(f"{key} {totals[key]}" for key in mismatch))
    print(
        f"  lost answers settled by asking again: {totals['lost answers settled by asking again']}"
    )
    if any(totals[key] for key in mismatch):
        failures.append("database records differ from what learners were told")
    refusals = sum((learner.refusals for learner in learners), Counter())
    print(f"  refusals, answered cleanly: {dict(refusals)}")
    surprises = [text for learner in learners for text in learner.surprises]
    if surprises:
        failures.append("unexpected answers: " + "; ".join(surprises[:5]))
    return failures


def interrupted(signum, frame):
    raise KeyboardInterrupt


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--no-restart", action="store_true", help="do not restart PostgreSQL")
    parser.add_argument("--short", action="store_true", help="CI size: 10 learners, 15 s")
    parser.add_argument("--database", default="lms_bench_faults")
    parser.add_argument("--fresh", action="store_true", help="drop and recreate the database")
    parser.add_argument("--max-requests", type=int, default=100_000)
    parser.add_argument("--recovery", type=float, default=15, help="seconds allowed to recover")
    parser.add_argument("--down", type=float, default=2, help="least seconds PostgreSQL is down")
    args = parser.parse_args()
    if args.short:
        args.learners, args.seconds = 10, 15
    return args


def in_parallel(calls):
    threads = [threading.Thread(target=call, daemon=True) for call in calls]
    for thread in threads:
        thread.start()
    return threads


def main():
    args = arguments()
    # ctrl-c and kill alike unwind through the `finally` that restores PostgreSQL.
    signal.signal(signal.SIGTERM, interrupted)
    ensure_postgres_running()
    var_dir = ROOT / "var" / "bench-faults"
    var_dir.mkdir(parents=True, exist_ok=True)
    os.environ.pop("REDIS_URL", None)  # the shared Redis stays out of it
    server_env = {
        "DJANGO_SETTINGS_MODULE": "lms.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "false",
        "SESSION_COOKIE_SECURE": "false",
        "CSRF_COOKIE_SECURE": "false",
        # The simulated learners sign up and go straight on; no mail reaches them here.
        "ACCOUNTS_EMAIL_CONFIRMATION": "false",
        "DATABASE_URL": f"postgres://postgres@{HOST}:{PG_PORT}/{args.database}",
        "LMS_VAR_DIR": str(var_dir),
        "LOG_LEVEL": "warning",
    }
    os.environ.update(server_env)
    print(f"Preparing {args.database}: migrate, demo academy, static files", flush=True)
    prepare_database(args.database, dict(os.environ), args.fresh)
    site = catalogue()
    run, port = secrets.token_hex(3), free_port()
    log, budget, outage = Log(), Budget(args.max_requests), {}
    learners = [Learner(n, port, run, site, log, budget) for n in range(args.learners)]
    with (var_dir / "gunicorn.log").open("w") as server_log:
        process = gunicorn(port, 0, server_env, output=server_log)
        try:
            signing_up = time.monotonic() + 300
            for thread in in_parallel(partial(learner.sign_up, signing_up) for learner in learners):
                thread.join()
            refused = [text for learner in learners for text in learner.surprises]
            if refused:
                raise SystemExit(f"Sign-up failed: {'; '.join(refused[:3])}")
            signed_up = len(log)
            print(
                f"{args.learners} learners signed up; {args.seconds:g} s on port {port}", flush=True
            )
            started = time.monotonic()
            deadline = started + args.seconds
            threads = in_parallel(
                partial(learner.run, deadline, deadline + 60) for learner in learners
            )
            if not args.no_restart:
                time.sleep(args.seconds / 2)
                print("Restarting PostgreSQL", flush=True)
                restart_and_watch(port, log, outage, args.recovery, args.down)
            for thread in threads:
                thread.join()
            seconds = time.monotonic() - started
        finally:
            process.terminate()
            process.wait(timeout=30)
            ensure_postgres_running()
    totals = compare(learners, stored_records(run), site["ids"])
    failures = report(args, learners, log, signed_up, outage, seconds, totals)
    print(f"server log: {var_dir / 'gunicorn.log'}")
    if failures:
        print("\nFAILED: " + "; ".join(failures))
        sys.exit(1)
    print("\nOK: no 5xx outside the outage, only clean failures during it, exact counts")


if __name__ == "__main__":
    main()
