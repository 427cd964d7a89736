"""The demo academy's content, read from the TOML files in ``demo/data/`` and checked.

Files (``demo/data/README.md`` describes them for content editors):

- ``skills.toml``: the skill areas, each with its skills and each skill's levels (its scale);
- ``editions/*.toml``: one edition per file, with how it takes applications (its cohort, with
  its trainers and demo participants), its live sessions, its courses, their modules and each
  module's body blocks; then its coaching: teams, assignments with their rubric and the work
  handed in, and action plans;
- ``materials.toml``: the materials library;
- ``people.toml``: the demo's fictional people (trainers and participants), named by their email
  address in the editions.

API::

    from demo import academy_data

    data = academy_data.load()      # or load(other_directory); raises DemoDataError
    data.skill_areas                # [area]: slug, name, description, skills: [skill]
                                    #   skill: ..., scale: {importance, level_1..level_5}
    data.editions                   # [edition], ordered by number: ..., cohort: {...},
                                    #   sessions: [session], courses: [course]
                                    #   course: ..., modules: [module]
                                    #   module: ..., body: [(block type, value)]
                                    #   teams, assignments, plans: [...] (RECORDS)
    data.materials                  # [material]
    data.people                     # [person]: email, name, organisation, country, role

``load()`` returns plain lists, dicts, strings, numbers, ``datetime.date`` values and naive
``datetime.datetime`` values (a local time: a session's in its time zone, an assignment's and
its work's in the assignment's, an action plan's in Brussels) with the
keys ``load_academy`` reads (listed once, in ``RECORDS`` below), in the order of the files.
A left-out optional key gets its default from ``OPTIONAL``; a module body block is a
``(type, value)`` pair, its value a text or a dict as ``BLOCK_VALUES`` says.

Before returning, everything is checked. The first problem raises ``DemoDataError`` naming the
file and line: an unknown or missing key, a value of the wrong type (a date that is not a
date, say) or out of its range, edition or session dates out of order, an unknown time zone,
a repeated slug, or a reference to a skill, edition, material or person that is not defined; and
for the coaching records of an edition (``check_coaching``), anything the academy would refuse:
work on a course or module the edition does not have, a team member or an author who is not a
participant, feedback by someone who is not a trainer, a score beyond its criterion's levels,
times out of order.
``python -m demo.academy_data`` runs the same checks.

No Django here: this module only reads and checks data.
"""

import copy
import re
import sys
import tomllib
import zoneinfo
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path
from typing import NamedTuple

DATA_DIR = Path(__file__).resolve().parent / "data"


class Nested(NamedTuple):
    """A key holding a list of records of another kind, written as ``[[...]]`` tables."""

    kind: str


class Table(NamedTuple):
    """A key holding one record of another kind, written as a ``[...]`` table."""

    kind: str


# The keys load_academy reads, per kind of record, in order. Each key maps to its type: str, int,
# float (any number), bool, date, datetime (a local time), [str] (a list of texts), [int] (a list
# of whole numbers), Nested(kind) or Table(kind). A module body block is a table with a "type"
# key; its other keys are those of the "<type> block" record.
RECORDS = {
    "skills file": {"areas": Nested("area")},
    "area": {"slug": str, "name": str, "description": str, "skills": Nested("skill")},
    "skill": {"slug": str, "name": str, "description": str, "scale": Table("scale")},
    # What each level of the skill means in the self-assessment, and how much the skill matters.
    "scale": {
        "importance": int,
        "level_1": str,
        "level_2": str,
        "level_3": str,
        "level_4": str,
        "level_5": str,
    },
    "edition": {
        "number": int,
        "slug": str,
        "title": str,
        "host_city": str,
        "host_organisation": str,
        "online_start": date,
        "online_end": date,
        "onsite_start": date,
        "onsite_end": date,
        "participants": int,
        "countries": int,
        "participants_note": str,
        "format": str,
        "intro": str,
        "cohort": Table("cohort"),
        "sessions": Nested("session"),
        "courses": Nested("course"),
        "teams": Nested("team"),
        "assignments": Nested("assignment"),
        "plans": Nested("plan"),
    },
    # Applications are open from some days before the demo is loaded to some days after; an
    # edition without these two keys takes no applications. Trainers and participants are people
    # of people.toml, by email.
    "cohort": {
        "seats": int,
        "open_to": str,
        "opens_days_before_loading": int,
        "closes_days_after_loading": int,
        "trainers": [str],
        "participants": Nested("participant"),
    },
    # An accepted application; the organisation, role and country are the person's.
    "participant": {
        "email": str,
        "motivation": str,
        "learning_goals": str,
        "completed_courses": [str],
    },
    # Times are local to the session's time zone (Europe/Brussels when left out).
    "session": {
        "title": str,
        "kind": str,
        "description": str,
        "starts_at": datetime,
        "ends_at": datetime,
        "time_zone": str,
        "all_day": bool,
        "venue": str,
        "join_url": str,
        "recording_url": str,
    },
    "course": {
        "slug": str,
        "title": str,
        "delivery": str,
        "level": str,
        "estimated_hours": int,
        "modules_in_order": bool,
        "summary": str,
        "outcomes": [str],
        "skills": [str],
        "tags": [str],
        "modules": Nested("module"),
    },
    "module": {
        "slug": str,
        "title": str,
        "minutes": int,
        "introduction": str,
        "skills": [str],
        "tags": [str],
        "body": Nested("block"),
    },
    "heading block": {"text": str},
    "paragraph block": {"text": str},
    "material block": {"material": str},
    "callout block": {"style": str, "text": str},
    "self_check block": {
        "question": str,
        "options": Nested("option"),
        "explanation": str,
        "required": bool,
    },
    "option": {"text": str, "correct": bool},
    "materials file": {"materials": Nested("material")},
    "people file": {"people": Nested("person")},
    "person": {"email": str, "name": str, "organisation": str, "country": str, "role": str},
    "team": {"name": str, "members": [str]},
    # Work set on a course of the edition, or on one of its modules. Its times, and those of the
    # work handed in to it, are local to its time zone (Europe/Brussels when left out).
    "assignment": {
        "course": str,
        "module": str,
        "title": str,
        "brief": str,
        "due_at": datetime,
        "time_zone": str,
        "work": str,
        "accepts": str,
        "criteria": Nested("criterion"),
        "submissions": Nested("submission"),
    },
    "criterion": {
        "skill": str,
        "title": str,
        "level_1": str,
        "level_2": str,
        "level_3": str,
        "level_4": str,
        "level_5": str,
    },
    # By a participant (individual work) or a team (team work).
    "submission": {"by": str, "team": str, "versions": Nested("submission version")},
    "submission version": {
        "by": str,
        "submitted_at": datetime,
        "text": str,
        "files": Nested("file"),
        "feedback": Table("feedback"),
    },
    # A small PDF made when loading, one page per text.
    "file": {"name": str, "pages": [str]},
    "feedback": {
        "by": str,
        "given_at": datetime,
        "comments": str,
        "outcome": str,
        "scores": [int],
        "file_name": str,
        "file_pages": [str],
    },
    # A participant's action plan, saved in versions (the last is the plan as it stands), with
    # the trainers' comments. Its times are Brussels time.
    "plan": {
        "by": str,
        "shared_at": datetime,
        "versions": Nested("plan version"),
        "comments": Nested("comment"),
    },
    "plan version": {
        "saved_at": datetime,
        "notes": str,
        "goals": Nested("goal"),
        "actions": Nested("action"),
        "kpis": Nested("kpi"),
    },
    "goal": {"title": str, "skill": str},
    "action": {"title": str, "goal": str, "owner": str, "due_on": date, "status": str},
    "kpi": {"name": str, "unit": str, "baseline": float, "target": float},
    # On a goal or an action of the plan's last version, by one of the edition's trainers.
    "comment": {"by": str, "goal": str, "action": str, "at": datetime, "body": str},
    "material": {
        "slug": str,
        "title": str,
        "kind": str,
        "description": str,
        "edition": int,
        "language": str,
        "date": date,
        "skills": [str],
        "tags": [str],
        "external_url": str,
        "pages": [str],
    },
}

LEAVE_OUT = object()

# Keys that may be left out of a file, with the value used instead (LEAVE_OUT: stays missing).
OPTIONAL = {
    ("edition", "participants"): None,
    ("edition", "countries"): None,
    ("edition", "sessions"): [],
    ("cohort", "open_to"): LEAVE_OUT,
    ("cohort", "opens_days_before_loading"): LEAVE_OUT,
    ("cohort", "closes_days_after_loading"): LEAVE_OUT,
    **{
        ("session", key): LEAVE_OUT
        for key in ("description", "time_zone", "all_day", "venue", "join_url", "recording_url")
    },
    ("module", "introduction"): LEAVE_OUT,
    ("material", "external_url"): "",
    ("material", "pages"): [],
    ("edition", "teams"): [],
    ("edition", "assignments"): [],
    ("edition", "plans"): [],
    ("cohort", "trainers"): [],
    ("cohort", "participants"): [],
    ("participant", "completed_courses"): [],
    ("person", "country"): "",
    ("assignment", "module"): LEAVE_OUT,
    ("assignment", "time_zone"): "Europe/Brussels",
    ("assignment", "work"): "individual",
    ("assignment", "accepts"): "both",
    ("assignment", "criteria"): [],
    ("assignment", "submissions"): [],
    ("criterion", "level_4"): "",
    ("criterion", "level_5"): "",
    ("submission", "by"): LEAVE_OUT,
    ("submission", "team"): LEAVE_OUT,
    ("submission version", "by"): LEAVE_OUT,
    ("submission version", "text"): "",
    ("submission version", "files"): [],
    ("submission version", "feedback"): LEAVE_OUT,
    ("feedback", "outcome"): "reviewed",
    ("feedback", "scores"): [],
    ("feedback", "file_name"): LEAVE_OUT,
    ("feedback", "file_pages"): LEAVE_OUT,
    ("plan", "shared_at"): LEAVE_OUT,
    ("plan", "comments"): [],
    ("plan version", "notes"): "",
    ("plan version", "goals"): [],
    ("plan version", "actions"): [],
    ("plan version", "kpis"): [],
    ("goal", "skill"): LEAVE_OUT,
    ("action", "goal"): LEAVE_OUT,
    ("action", "owner"): "",
    ("action", "due_on"): LEAVE_OUT,
    ("action", "status"): "planned",
    ("kpi", "unit"): "",
    ("kpi", "baseline"): LEAVE_OUT,
    ("kpi", "target"): LEAVE_OUT,
    ("comment", "goal"): LEAVE_OUT,
    ("comment", "action"): LEAVE_OUT,
}

# A body block's value: the text of this key for these types, a dict of its keys for the others.
BLOCK_VALUES = {"heading": "text", "paragraph": "text", "material": "material"}

# Keys whose values must not repeat: among all records of the kind, or, for pages (Wagtail slugs
# are unique among siblings), among the children of one parent.
EVERYWHERE, AMONG_SIBLINGS = "everywhere", "among siblings"
UNIQUE = {
    ("area", "slug"): EVERYWHERE,
    ("skill", "slug"): EVERYWHERE,
    ("edition", "number"): EVERYWHERE,
    ("edition", "slug"): EVERYWHERE,
    ("course", "slug"): AMONG_SIBLINGS,
    ("module", "slug"): AMONG_SIBLINGS,
    ("material", "slug"): EVERYWHERE,
    ("person", "email"): EVERYWHERE,
    ("participant", "email"): AMONG_SIBLINGS,
    ("team", "name"): AMONG_SIBLINGS,
    ("goal", "title"): AMONG_SIBLINGS,
    ("action", "title"): AMONG_SIBLINGS,
}

# Values that name a record defined elsewhere: (kind, key) -> (kind, key) of what they name.
REFERENCES = {
    ("course", "skills"): ("skill", "slug"),
    ("module", "skills"): ("skill", "slug"),
    ("material", "skills"): ("skill", "slug"),
    ("material", "edition"): ("edition", "number"),
    ("material block", "material"): ("material", "slug"),
    ("criterion", "skill"): ("skill", "slug"),
    ("goal", "skill"): ("skill", "slug"),
    **{
        reference: ("person", "email")
        for reference in [
            ("cohort", "trainers"),
            ("participant", "email"),
            ("team", "members"),
            ("submission", "by"),
            ("submission version", "by"),
            ("feedback", "by"),
            ("plan", "by"),
            ("comment", "by"),
        ]
    },
}

# Dates of a record that must not go backwards, in this order.
DATE_ORDER = {
    "edition": ("online_start", "online_end", "onsite_start", "onsite_end"),
    "session": ("starts_at", "ends_at"),
}

# Keys naming a time zone of the tz database.
TIME_ZONES = {("session", "time_zone"), ("assignment", "time_zone")}

# Whole numbers that must lie in a range.
RANGES = {("scale", "importance"): range(1, 4)}

TYPE_NAMES = {
    str: "a text",
    int: "a whole number",
    bool: "true or false",
    date: "a date like 2024-03-11 (no quotes)",
    datetime: "a local date and time like 2024-01-23T10:00:00 (no quotes, no offset)",
    float: "a number like 12 or 12.5",
}
LIST_NAMES = {str: "a list of texts", int: "a list of whole numbers"}


class DemoDataError(ValueError):
    """A problem in the demo data files, at ``path`` line ``line``."""

    def __init__(self, path, line, problem):
        self.path, self.line, self.problem = path, line, problem
        super().__init__(f"{path}:{line}: {problem}")


class AcademyData(NamedTuple):
    skill_areas: list
    editions: list
    materials: list
    people: list


def load(data_dir=DATA_DIR):
    """Read and check the files in ``data_dir``; see the module docstring."""
    data_dir = Path(data_dir)
    reader = _Reader()
    skill_areas = reader.read(data_dir / "skills.toml", "skills file")["areas"]
    editions = [reader.read(path, "edition") for path in sorted(data_dir.glob("editions/*.toml"))]
    materials = reader.read(data_dir / "materials.toml", "materials file")["materials"]
    people = reader.read(data_dir / "people.toml", "people file")["people"]
    reader.check_references()
    for edition in editions:
        reader.check_coaching(edition)
    return AcademyData(skill_areas, sorted(editions, key=lambda e: e["number"]), materials, people)


class _Source:
    """One TOML file: its data, and its lines for finding where a record or key is."""

    def __init__(self, path):
        self.path = path
        text = path.read_text(encoding="utf-8")
        self.lines = text.splitlines()
        try:
            self.data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            line = re.search(r"line (\d+)", str(error))
            raise DemoDataError(
                path, int(line[1]) if line else 1, f"not valid TOML: {error}"
            ) from None

    def header_line(self, header, start):
        """The line of the first ``header`` (``[[table]]`` or ``[table]``) from line ``start`` on
        (else ``start``)."""
        for number in range(start, len(self.lines) + 1):
            if "".join(self.lines[number - 1].split("#")[0].split()) == header:
                return number
        return start

    def key_line(self, key, start):
        """The line of the first ``key = ...`` from line ``start`` on (else ``start``)."""
        pattern = re.compile(rf'(^|[{{,])\s*"?{re.escape(key)}"?\s*[=.]')
        for number in range(start, len(self.lines) + 1):
            if pattern.search(self.lines[number - 1]):
                return number
        return start


class _Reader:
    """Builds the records of one data directory, checking them, and remembers what to check
    once every file is read."""

    def __init__(self):
        self.seen = {}  # (kind, key, value[, parent]) -> "file:line" of the record that has it
        self.references = []  # (source, line, label, key, value, (kind, key) it names)
        self.places = {}  # id(record) -> (source, line, label), for the checks across records

    def read(self, path, kind):
        source = _Source(path)
        return self.record(source, kind, source.data, line=1, table="", parent=None)

    def record(self, source, kind, data, line, table, parent):
        """Check one record (a TOML table) of ``kind`` and return it with keys as in RECORDS."""
        fields = RECORDS[kind]
        called = next(
            (data[key] for key in ("slug", "title", "name", "email") if key in data), None
        )
        label = f"{kind} {called!r}" if isinstance(called, str) else kind

        def fail(problem, key=None):
            where = source.key_line(key, line) if key else line
            raise DemoDataError(source.path, where, f"{label}: {problem}")

        for key in data:
            if key not in fields:
                fail(f"unknown key {key!r} (known keys: {', '.join(fields)})", key)
        result = {}
        for key, expected in fields.items():
            if key not in data:
                if (kind, key) not in OPTIONAL:
                    fail(f"missing key {key!r}")
                if OPTIONAL[kind, key] is not LEAVE_OUT:
                    result[key] = copy.copy(OPTIONAL[kind, key])
                continue
            value = data[key]
            if isinstance(expected, Nested):
                path = f"{table}.{key}" if table else key
                if not (isinstance(value, list) and all(isinstance(v, dict) for v in value)):
                    fail(f"{key!r} must be [[{path}]] tables", key)
                value = self.records(source, expected.kind, value, line, path)
            elif isinstance(expected, Table):
                path = f"{table}.{key}" if table else key
                if not isinstance(value, dict):
                    fail(f"{key!r} must be a [{path}] table", key)
                value = self.record(
                    source,
                    expected.kind,
                    value,
                    source.header_line(f"[{path}]", line),
                    path,
                    parent=None,
                )
            elif not _has_type(value, expected):
                name = (
                    LIST_NAMES[expected[0]] if isinstance(expected, list) else TYPE_NAMES[expected]
                )
                fail(f"{key!r} must be {name}, not {value!r}", key)
            if (kind, key) in TIME_ZONES and value not in zoneinfo.available_timezones():
                fail(f"{key!r} must be a time zone like Europe/Brussels, not {value!r}", key)
            if (kind, key) in RANGES and value not in RANGES[kind, key]:
                low, high = RANGES[kind, key][0], RANGES[kind, key][-1]
                fail(f"{key!r} must be from {low} to {high}, not {value!r}", key)
            result[key] = value

            if (kind, key) in UNIQUE:
                scope = () if UNIQUE[kind, key] == EVERYWHERE else (parent,)
                place = (kind, key, value, *scope)
                if place in self.seen:
                    fail(f"{key} {value!r} is used twice (first at {self.seen[place]})", key)
                self.seen[place] = f"{source.path}:{source.key_line(key, line)}"
            if (kind, key) in REFERENCES:
                for name in value if isinstance(value, list) else [value]:
                    self.references.append((source, line, label, key, name, REFERENCES[kind, key]))

        for earlier, later in pairwise(DATE_ORDER.get(kind, ())):
            if result[later] < result[earlier]:
                fail(f"{later} ({result[later]}) is before {earlier} ({result[earlier]})", later)
        self.places[id(result)] = (source, line, label)
        return result

    def records(self, source, kind, tables, parent_line, table):
        """The checked records of a ``[[table]]`` list; body blocks become (type, value)."""
        result = []
        start = parent_line
        for data in tables:
            line = source.header_line(f"[[{table}]]", start)
            start = line + 1
            if kind == "block":
                result.append(self.block(source, data, line, table))
            else:
                parent = (source.path, parent_line)
                result.append(self.record(source, kind, data, line, table, parent))
        return result

    def block(self, source, data, line, table):
        block_type = data.get("type")
        kind = f"{block_type} block"
        if not isinstance(block_type, str) or kind not in RECORDS:
            known = ", ".join(k.removesuffix(" block") for k in RECORDS if k.endswith(" block"))
            where = source.key_line("type", line)
            raise DemoDataError(
                source.path, where, f"block type must be one of {known}, not {block_type!r}"
            )
        fields = {key: value for key, value in data.items() if key != "type"}
        value = self.record(source, kind, fields, line, table, parent=None)
        if block_type in BLOCK_VALUES:
            value = value[BLOCK_VALUES[block_type]]
        return (block_type, value)

    def check_references(self):
        for source, line, label, key, value, (kind, kind_key) in self.references:
            if (kind, kind_key, value) not in self.seen:
                raise DemoDataError(
                    source.path,
                    source.key_line(key, line),
                    f"{label}: {key!r} names {kind} {value!r}, but no {kind} has that {kind_key}",
                )

    # Checks across the records of an edition -------------------------------------------------

    def fail(self, record, problem, key=None):
        """Raise the problem at ``record``'s line, or at its ``key``'s."""
        source, line, label = self.places[id(record)]
        where = source.key_line(key, line) if key else line
        raise DemoDataError(source.path, where, f"{label}: {problem}")

    def check_coaching(self, edition):
        """The edition's teams, assignments and plans hold together as the academy requires:
        its people are its participants and trainers, its work is on its own courses and
        modules, and things happen in order."""
        cohort = edition["cohort"]
        trainers = set(cohort["trainers"])
        participants = {participant["email"] for participant in cohort["participants"]}
        teams = {}
        member_of = {}
        for team in edition["teams"]:
            for email in team["members"]:
                if email not in participants:
                    self.fail(team, f"{email} is not a participant of the edition", "members")
                if email in member_of:
                    self.fail(team, f"{email} is already in team {member_of[email]!r}", "members")
                member_of[email] = team["name"]
            teams[team["name"]] = set(team["members"])
        courses = {
            course["slug"]: {module["slug"] for module in course["modules"]}
            for course in edition["courses"]
        }
        for participant in cohort["participants"]:
            for slug in participant["completed_courses"]:
                if slug not in courses:
                    self.fail(participant, f"the edition has no course {slug!r}", "completed_courses")
        for assignment in edition["assignments"]:
            self.check_assignment(assignment, courses, participants, trainers, teams)
        for plan in edition["plans"]:
            self.check_plan(plan, participants, trainers)

    def check_assignment(self, assignment, courses, participants, trainers, teams):
        course = assignment["course"]
        if course not in courses:
            self.fail(assignment, f"the edition has no course {course!r}", "course")
        module = assignment.get("module")
        if module is not None and module not in courses[course]:
            self.fail(assignment, f"course {course!r} has no module {module!r}", "module")
        for criterion in assignment["criteria"]:
            if criterion["level_5"] and not criterion["level_4"]:
                self.fail(criterion, "describe level_4 before level_5", "level_5")
        levels = [
            sum(1 for n in range(1, 6) if criterion[f"level_{n}"])
            for criterion in assignment["criteria"]
        ]
        team_work = assignment["work"] == "team"
        for submission in assignment["submissions"]:
            if team_work and ("team" not in submission or "by" in submission):
                self.fail(submission, "team work is handed in by a team: give its team, not by")
            if not team_work and ("by" not in submission or "team" in submission):
                self.fail(submission, "individual work is handed in by a participant: give by")
            if team_work:
                if submission["team"] not in teams:
                    self.fail(submission, f"the edition has no team {submission['team']!r}", "team")
                authors = teams[submission["team"]]
            else:
                if submission["by"] not in participants:
                    self.fail(submission, f"{submission['by']} is not a participant", "by")
                authors = {submission["by"]}
            self.check_versions(submission, team_work, authors, trainers, levels)

    def check_versions(self, submission, team_work, authors, trainers, levels):
        if not submission["versions"]:
            self.fail(submission, "a submission has at least one version")
        since, reviewed = None, False
        for version in submission["versions"]:
            if reviewed:
                self.fail(version, "the version before was reviewed: no new version after that")
            author = version.get("by")
            if team_work and author is None:
                self.fail(version, "say which member of the team handed it in: give by")
            if author is not None and author not in authors:
                self.fail(version, f"{author} did not hand in this work", "by")
            if since is not None and version["submitted_at"] < since:
                self.fail(version, "it is before the version or feedback above it", "submitted_at")
            since = version["submitted_at"]
            for file in version["files"]:
                self.check_pdf_name(file, file["name"], "name")
            feedback = version.get("feedback")
            if feedback is None:
                continue
            if feedback["by"] not in trainers:
                self.fail(feedback, f"{feedback['by']} is not a trainer of the edition", "by")
            if feedback["given_at"] < version["submitted_at"]:
                self.fail(feedback, "it is before the version was handed in", "given_at")
            since, reviewed = feedback["given_at"], feedback["outcome"] == "reviewed"
            scores = feedback["scores"]
            if len(scores) != len(levels):
                self.fail(feedback, f"give {len(levels)} scores, one per criterion", "scores")
            for number, (score, top) in enumerate(zip(scores, levels, strict=True), start=1):
                if not 1 <= score <= top:
                    self.fail(
                        feedback, f"criterion {number} is scored 1 to {top}, not {score}", "scores"
                    )
            if ("file_name" in feedback) != ("file_pages" in feedback):
                self.fail(feedback, "a feedback file needs both file_name and file_pages")
            if "file_name" in feedback:
                self.check_pdf_name(feedback, feedback["file_name"], "file_name")

    def check_pdf_name(self, record, name, key):
        if not name.lower().endswith(".pdf"):
            self.fail(
                record, f"the file is made as a PDF: its name ends in .pdf, not {name!r}", key
            )

    def check_plan(self, plan, participants, trainers):
        if plan["by"] not in participants:
            self.fail(plan, f"{plan['by']} is not a participant of the edition", "by")
        versions = plan["versions"]
        if not versions:
            self.fail(plan, "a plan has at least one version")
        for earlier, later in pairwise(versions):
            if later["saved_at"] < earlier["saved_at"]:
                self.fail(later, "it is before the version above it", "saved_at")
        for version in versions:
            goals = {goal["title"] for goal in version["goals"]}
            for action in version["actions"]:
                if "goal" in action and action["goal"] not in goals:
                    self.fail(action, f"this version has no goal {action['goal']!r}", "goal")
        shared_at = plan.get("shared_at")
        if shared_at is not None and shared_at < versions[0]["saved_at"]:
            self.fail(plan, "a plan is shared after its first save", "shared_at")
        last = versions[-1]
        for comment in plan["comments"]:
            if comment["by"] not in trainers:
                self.fail(comment, f"{comment['by']} is not a trainer of the edition", "by")
            if shared_at is None:
                self.fail(comment, "trainers comment on shared plans: give the plan a shared_at")
            if comment["at"] < shared_at:
                self.fail(comment, "it is before the plan was shared", "at")
            if ("goal" in comment) == ("action" in comment):
                self.fail(comment, "give either the goal or the action it is about")
            about = "goal" if "goal" in comment else "action"
            titles = {item["title"] for item in last[f"{about}s"]}
            if comment[about] not in titles:
                self.fail(
                    comment, f"the plan's last version has no {about} {comment[about]!r}", about
                )


def _has_type(value, expected):
    if isinstance(expected, list):
        return isinstance(value, list) and all(_has_type(item, expected[0]) for item in value)
    if expected is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if expected is bool:
        return isinstance(value, bool)
    if expected is datetime:
        return isinstance(value, datetime) and value.tzinfo is None
    # A bool is also an int, and a datetime also a date: neither will do.
    return isinstance(value, expected) and not isinstance(value, bool | datetime)


if __name__ == "__main__":
    try:
        data = load()
    except DemoDataError as error:
        sys.exit(str(error))
    courses = [course for edition in data.editions for course in edition["courses"]]
    sessions = sum(len(edition["sessions"]) for edition in data.editions)
    assignments = sum(len(edition["assignments"]) for edition in data.editions)
    print(
        f"OK: {len(data.skill_areas)} skill areas, {len(data.editions)} editions, "
        f"{sessions} sessions, {len(courses)} courses, "
        f"{sum(len(c['modules']) for c in courses)} modules, {len(data.materials)} materials, "
        f"{assignments} assignments, {len(data.people)} people."
    )
