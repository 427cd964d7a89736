"""The demo academy's content, read from the TOML files in ``demo/data/`` and checked.

Files (``demo/data/README.md`` describes them for content editors):

- ``skills.toml``: the skill areas, each with its skills and each skill's levels (its scale);
- ``editions/*.toml``: one edition per file, with how it takes applications (its cohort), its
  live sessions, its courses, their modules and each module's body blocks;
- ``materials.toml``: the materials library.

API::

    from demo import academy_data

    data = academy_data.load()      # or load(other_directory); raises DemoDataError
    data.skill_areas                # [area]: slug, name, description, skills: [skill]
                                    #   skill: ..., scale: {importance, level_1..level_5}
    data.editions                   # [edition], ordered by number: ..., cohort: {...},
                                    #   sessions: [session], courses: [course]
                                    #   course: ..., modules: [module]
                                    #   module: ..., body: [(block type, value)]
    data.materials                  # [material]

``load()`` returns plain lists, dicts, strings, numbers, ``datetime.date`` values and naive
``datetime.datetime`` values (a session's local time in its time zone) with the
keys ``load_academy`` reads (listed once, in ``RECORDS`` below), in the order of the files.
A left-out optional key gets its default from ``OPTIONAL``; a module body block is a
``(type, value)`` pair, its value a text or a dict as ``BLOCK_VALUES`` says.

Before returning, everything is checked. The first problem raises ``DemoDataError`` naming the
file and line: an unknown or missing key, a value of the wrong type (a date that is not a
date, say) or out of its range, edition or session dates out of order, an unknown time zone,
a repeated slug, or a reference to a skill, edition or material that is not defined.
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
# bool, date, datetime (a local time), [str] (a list of texts), Nested(kind) or Table(kind). A module body block is a table with a
# "type" key; its other keys are those of the "<type> block" record.
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
    },
    # Applications are open from some days before the demo is loaded to some days after; an
    # edition without these two keys takes no applications.
    "cohort": {
        "seats": int,
        "open_to": str,
        "opens_days_before_loading": int,
        "closes_days_after_loading": int,
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
}

# Values that name a record defined elsewhere: (kind, key) -> (kind, key) of what they name.
REFERENCES = {
    ("course", "skills"): ("skill", "slug"),
    ("module", "skills"): ("skill", "slug"),
    ("material", "skills"): ("skill", "slug"),
    ("material", "edition"): ("edition", "number"),
    ("material block", "material"): ("material", "slug"),
}

# Dates of a record that must not go backwards, in this order.
DATE_ORDER = {
    "edition": ("online_start", "online_end", "onsite_start", "onsite_end"),
    "session": ("starts_at", "ends_at"),
}

# Keys naming a time zone of the tz database.
TIME_ZONES = {("session", "time_zone")}

# Whole numbers that must lie in a range.
RANGES = {("scale", "importance"): range(1, 4)}

TYPE_NAMES = {
    str: "a text",
    int: "a whole number",
    bool: "true or false",
    date: "a date like 2024-03-11 (no quotes)",
    datetime: "a local date and time like 2024-01-23T10:00:00 (no quotes, no offset)",
}


class DemoDataError(ValueError):
    """A problem in the demo data files, at ``path`` line ``line``."""

    def __init__(self, path, line, problem):
        self.path, self.line, self.problem = path, line, problem
        super().__init__(f"{path}:{line}: {problem}")


class AcademyData(NamedTuple):
    skill_areas: list
    editions: list
    materials: list


def load(data_dir=DATA_DIR):
    """Read and check the files in ``data_dir``; see the module docstring."""
    data_dir = Path(data_dir)
    reader = _Reader()
    skill_areas = reader.read(data_dir / "skills.toml", "skills file")["areas"]
    editions = [reader.read(path, "edition") for path in sorted(data_dir.glob("editions/*.toml"))]
    materials = reader.read(data_dir / "materials.toml", "materials file")["materials"]
    reader.check_references()
    return AcademyData(skill_areas, sorted(editions, key=lambda e: e["number"]), materials)


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

    def read(self, path, kind):
        source = _Source(path)
        return self.record(source, kind, source.data, line=1, table="", parent=None)

    def record(self, source, kind, data, line, table, parent):
        """Check one record (a TOML table) of ``kind`` and return it with keys as in RECORDS."""
        fields = RECORDS[kind]
        called = data.get("slug", data.get("title"))
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
                name = "a list of texts" if expected == [str] else TYPE_NAMES[expected]
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


def _has_type(value, expected):
    if expected == [str]:
        return isinstance(value, list) and all(isinstance(item, str) for item in value)
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
    print(
        f"OK: {len(data.skill_areas)} skill areas, {len(data.editions)} editions, "
        f"{sessions} sessions, {len(courses)} courses, "
        f"{sum(len(c['modules']) for c in courses)} modules, {len(data.materials)} materials."
    )
