"""The demo academy: its data files are checked against the models, with every fault named by file
and line; it loads what the files say, idempotently, and every page works.

The demo's own tests (with the browser journeys) are the only tests that load the demo academy:
those that need it ask for the `demo_academy` fixture.
"""

import shutil
import subprocess
import sys
from datetime import date
from html.parser import HTMLParser
from io import StringIO
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from django.core.management import call_command
from django.db import models, transaction

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Site

import pytest
from taggit.models import Tag

from courses.models import CoursePage, EditionPage, ModulePage
from demo import academy_data
from demo.academy_data import DemoDataError, Nested
from home.models import HomePage
from materials.models import Material, MaterialLibraryPage
from skills.models import Skill, SkillArea

PROJECT = Path(__file__).resolve().parents[1]
MODULE_BODY = ModulePage._meta.get_field("body").stream_block


@pytest.fixture(scope="module")
def loaded_demo(django_db_setup, django_db_blocker):
    """The demo academy, loaded from demo/data/ as `manage.py load_academy` loads it: once for
    this module's tests, in a transaction rolled back after them (each test's own transaction
    nests in it), so no other test ever sees it."""
    outer = transaction.atomic()
    with django_db_blocker.unblock():
        outer.__enter__()
        try:
            call_command("load_academy", verbosity=0, stdout=StringIO())
        except BaseException:
            outer.__exit__(*sys.exc_info())
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def demo_academy(loaded_demo, db):
    """The demo academy's home page."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture(scope="module")
def data():
    return academy_data.load()


# The data files ---------------------------------------------------------------------------------


def test_every_shipped_data_file_loads_cleanly(data):
    edition_files = sorted(path.stem for path in academy_data.DATA_DIR.glob("editions/*.toml"))
    assert sorted(edition["slug"] for edition in data.editions) == edition_files
    assert data.skill_areas and all(area["skills"] for area in data.skill_areas)
    assert all(edition["courses"] for edition in data.editions)
    assert data.materials
    # The check content editors run (demo/data/README.md).
    check = subprocess.run(
        [sys.executable, "-m", "demo.academy_data"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith("OK: ")


def test_the_demo_matches_the_domain_brief(data):
    """Three editions: Strasbourg, Turin and Sofia, with their participants and on-site dates;
    every course has three to five modules, and each course and module teaches a skill."""
    assert [(e["number"], e["host_city"]) for e in data.editions] == [
        (1, "Strasbourg"),
        (2, "Turin"),
        (3, "Sofia"),
    ]
    assert [e["participants"] for e in data.editions] == [27, 21, 45]
    assert [str(e["onsite_start"]) for e in data.editions] == [
        "2023-03-02",
        "2023-09-21",
        "2024-03-11",
    ]
    for edition in data.editions:
        for course in edition["courses"]:
            assert 3 <= len(course["modules"]) <= 5, course["slug"]
            assert course["skills"], course["slug"]
            assert all(module["skills"] for module in course["modules"]), course["slug"]


@pytest.fixture
def data_copy(tmp_path):
    """A copy of demo/data/ to break."""
    shutil.copytree(academy_data.DATA_DIR, tmp_path, dirs_exist_ok=True)
    return tmp_path


def break_file(path, after, old, new):
    """Replace the first line reading `old` after the first line reading `after` with `new`."""
    lines = path.read_text(encoding="utf-8").splitlines()
    start = lines.index(after)
    lines[lines.index(old, start)] = new
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return lines


# Each fault: the file, where the change is (the first `old` line after the line `after`), the
# `new` line or lines, and what the error says.
FAULTS = {
    "an unknown key in a module": (
        "editions/strasbourg-2023.toml",
        "[[courses.modules]]",
        'title = "What a cluster strategy is (and is not)"',
        'title = "What a cluster strategy is (and is not)"\ncolour = "blue"',
        "unknown key 'colour'",
    ),
    "a course naming a skill that is not in skills.toml": (
        "editions/strasbourg-2023.toml",
        "[[courses]]",
        "skills = [",
        'skills = ["no-such-skill",',
        "'skills' names skill 'no-such-skill', but no skill has that slug",
    ),
    "an edition whose online part ends before it starts": (
        "editions/strasbourg-2023.toml",
        "number = 1",
        "online_end = 2022-12-02",
        "online_end = 2022-11-30",
        "online_end (2022-11-30) is before online_start (2022-12-01)",
    ),
    "a date that is not a date": (
        "materials.toml",
        "[[materials]]",
        "date = 2022-12-01",
        'date = "1 December 2022"',
        "'date' must be a date",
    ),
}


@pytest.mark.parametrize(
    ("file", "after", "old", "new", "problem"), FAULTS.values(), ids=FAULTS.keys()
)
def test_a_fault_in_the_data_names_its_file_and_line(data_copy, file, after, old, new, problem):
    academy_data.load(data_copy)  # the copy is sound before the change
    path = data_copy / file
    break_file(path, after, old, new)
    # The line named is the faulty one: the last of the new lines.
    line = path.read_text(encoding="utf-8").splitlines().index(new.split("\n")[-1]) + 1
    with pytest.raises(DemoDataError) as raised:
        academy_data.load(data_copy)
    error = raised.value
    assert (error.path, error.line) == (path, line)
    assert problem in error.problem
    assert str(error).startswith(f"{path}:{line}: ")


# The data files against the models --------------------------------------------------------------

CHILD_PAGES = object()

# The model of each kind of record, and the field each of its keys fills where the field is named
# differently (CHILD_PAGES: the records are pages below it).
MODELS = {
    "area": (SkillArea, {}),
    "skill": (Skill, {}),
    "edition": (EditionPage, {"courses": CHILD_PAGES}),
    "course": (CoursePage, {"outcomes": "learning_outcomes", "modules": CHILD_PAGES}),
    "module": (ModulePage, {"minutes": "estimated_minutes"}),
    "material": (Material, {"pages": "document"}),
}
# Records that only hold others: the files themselves.
CONTAINERS = {"skills file", "materials file"}
# What a key of each type may fill.
FIELD_TYPES = {date: models.DateField, bool: models.BooleanField}


def test_every_data_key_fills_a_field_of_its_model():
    kinds = set(academy_data.RECORDS) - CONTAINERS
    blocks = {kind for kind in kinds if kind.endswith(" block")} | {"option"}
    assert kinds - blocks == set(MODELS)
    for kind, (model, renamed) in MODELS.items():
        for key, expected in academy_data.RECORDS[kind].items():
            target = renamed.get(key, key)
            if target is CHILD_PAGES:
                child_model = MODELS[expected.kind][0]
                assert child_model in model.allowed_subpage_models(), (kind, key)
                continue
            field = model._meta.get_field(target)  # raises FieldDoesNotExist
            if isinstance(expected, type) and expected in FIELD_TYPES:
                assert isinstance(field, FIELD_TYPES[expected]), (kind, key)
    # Block records: a block type of module bodies, with the keys of its value.
    for kind in blocks - {"option"}:
        block = MODULE_BODY.child_blocks[kind.removesuffix(" block")]
        keys = academy_data.RECORDS[kind]
        value_key = academy_data.BLOCK_VALUES.get(block.name)
        if value_key and not hasattr(block, "child_blocks"):
            assert list(keys) == [value_key], kind
        else:
            assert set(keys) <= set(block.child_blocks), kind
    option = MODULE_BODY.child_blocks["self_check"].child_blocks["options"].child_block
    assert set(academy_data.RECORDS["option"]) == set(option.child_blocks)
    assert academy_data.RECORDS["self_check block"]["options"] == Nested("option")


def choices(model, field):
    return {value for value, _ in model._meta.get_field(field).flatchoices}


def records(data):
    """(kind, record) for every record of the data, body blocks as (type, value)."""
    for area in data.skill_areas:
        yield "area", area
        for skill in area["skills"]:
            yield "skill", skill
    for edition in data.editions:
        yield "edition", edition
        for course in edition["courses"]:
            yield "course", course
            for module in course["modules"]:
                yield "module", module
                for block in module["body"]:
                    yield "block", block
    for material in data.materials:
        yield "material", material


def test_every_value_in_the_data_is_one_its_model_field_accepts(data):
    """Choices (a material's kind and language, a course's level and delivery, a callout's
    style) are among the field's choices, and no text is longer than its field allows."""
    callout_styles = {
        value
        for value, _ in MODULE_BODY.child_blocks["callout"].child_blocks["style"].field.choices
    }
    problems = []
    for kind, record in records(data):
        if kind == "block":
            block_type, value = record
            if block_type == "callout" and value["style"] not in callout_styles:
                problems.append(f"callout style {value['style']!r}")
            continue
        model, renamed = MODELS[kind]
        for key, value in record.items():
            target = renamed.get(key, key)
            if target is CHILD_PAGES or not isinstance(value, str):
                continue
            field = model._meta.get_field(target)
            if field.choices and value not in choices(model, target):
                problems.append(f"{kind} {record['slug']}: {key} {value!r} is not a choice")
            if getattr(field, "max_length", None) and len(value) > field.max_length:
                problems.append(f"{kind} {record['slug']}: {key} is over {field.max_length}")
    assert problems == []
    # The checks above see the choices they are about.
    values = {
        (kind, key): {r[key] for k, r in records(data) if k == kind}
        for kind, key in [
            ("material", "kind"),
            ("material", "language"),
            ("course", "level"),
            ("course", "delivery"),
        ]
    }
    assert values["material", "kind"] <= set(Material.Kind.values)
    assert values["material", "language"] <= choices(Material, "language")
    assert values["course", "level"] <= set(CoursePage.Level.values)
    assert values["course", "delivery"] <= set(CoursePage.Delivery.values)


@pytest.mark.usefixtures("demo_academy")
def test_everything_loaded_passes_its_models_validation():
    """What the admin would check: fields, and module bodies block by block (a self-check has
    exactly one right answer, a callout a known style...)."""
    for model in (SkillArea, Skill, Material):
        for obj in model.objects.all():
            obj.full_clean()
    for page in Page.objects.filter(depth__gt=1).specific():
        page.full_clean()
    for module in ModulePage.objects.all():
        MODULE_BODY.clean(module.body)


@pytest.mark.usefixtures("demo_academy")
def test_demo_materials_carry_files_skills_and_editions():
    materials = Material.objects.published().prefetch_related("skills", "tags")
    assert materials.count() >= 28
    assert {m.kind for m in materials} == set(Material.Kind.values)
    for material in materials:
        assert 1 <= len(material.skills.all()) <= 4, material
        assert len(material.tags.all()) <= 3, material
        assert material.edition_id, material
        assert material.document_id or material.external_url, material
    with_files = [m for m in materials if m.document_id]
    for material in with_files[:3]:
        with material.document.file.open("rb") as handle:
            assert handle.read(5) == b"%PDF-"


@pytest.mark.usefixtures("demo_academy")
def test_the_demo_taxonomy_has_eight_areas_with_their_skills():
    areas = SkillArea.objects.prefetch_related("skills")
    assert len(areas) == 8
    assert all(len(area.skills.all()) >= 3 for area in areas)


# The loaded academy -----------------------------------------------------------------------------


def academy_counts():
    return {
        "pages": Page.objects.count(),
        "live pages": Page.objects.live().count(),
        "skill areas": SkillArea.objects.count(),
        "skills": Skill.objects.count(),
        "materials": Material.objects.count(),
        "documents": get_document_model().objects.count(),
        "images": get_image_model().objects.count(),
        "tags": Tag.objects.count(),
    }


@pytest.mark.usefixtures("demo_academy")
def test_loading_the_academy_twice_changes_nothing():
    before = academy_counts()
    call_command("load_academy", verbosity=0, stdout=StringIO())
    assert academy_counts() == before


def slugs(queryset):
    return list(queryset.values_list("slug", flat=True))


def block_as_data(block):
    """A module body block as the data files write it: (type, text or dict)."""
    value = block.value
    match block.block_type:
        case "heading":
            return "heading", value
        case "paragraph":
            return "paragraph", value.source
        case "material":
            return "material", value["material"].slug
        case "callout":
            return "callout", {"style": value["style"], "text": value["text"].source}
        case "self_check":
            options = [{"text": o["text"], "correct": o["correct"]} for o in value["options"]]
            return "self_check", {**dict(value), "options": options}
    raise AssertionError(f"the demo data has no {block.block_type} block")


def as_data(obj, kind, key):
    """What `obj` holds for the data file's `key`, written as the data files write it."""
    model, renamed = MODELS[kind]
    value = getattr(obj, renamed.get(key, key))
    match kind, key:
        case (_, "skills"):
            return slugs(value.order_by("slug"))
        case (_, "tags"):
            return sorted(value.names())
        case ("course", "outcomes"):
            return [block.value for block in value]
        case ("module", "body"):
            return [block_as_data(block) for block in value]
        case ("material", "edition"):
            return value.number
        case ("material", "pages"):
            return value is not None
    return value


def assert_holds(obj, kind, record):
    """Every key of the record went into the model field it maps to (MODELS)."""
    for key, expected in academy_data.RECORDS[kind].items():
        if key not in record or isinstance(expected, Nested) and kind != "module":
            continue  # left out (the model's default applies), or records of their own
        value = record[key]
        if key in ("skills", "tags"):
            value = sorted(value)
        elif (kind, key) == ("material", "pages"):
            # The pages become the PDF document; a recording has none.
            value = bool(value) and record["kind"] != Material.Kind.RECORDING
        assert as_data(obj, kind, key) == value, f"{kind} {record['slug']}: {key}"


def test_the_academy_holds_what_the_data_files_say(demo_academy, data):
    assert isinstance(demo_academy, HomePage)
    assert demo_academy.live

    areas = SkillArea.objects.order_by("sort_order")
    assert slugs(areas) == [area["slug"] for area in data.skill_areas]
    for area, area_data in zip(areas, data.skill_areas, strict=True):
        assert_holds(area, "area", area_data)
        skills = area.skills.order_by("sort_order")
        assert slugs(skills) == [skill["slug"] for skill in area_data["skills"]]
        for skill, skill_data in zip(skills, area_data["skills"], strict=True):
            assert_holds(skill, "skill", skill_data)

    # Every page where its slugs put it, live, holding what its data says.
    editions = EditionPage.objects.child_of(demo_academy).live().order_by("number")
    assert slugs(editions) == [edition["slug"] for edition in data.editions]
    for edition, edition_data in zip(editions, data.editions, strict=True):
        assert edition.url == f"/{edition.slug}/"
        assert_holds(edition, "edition", edition_data)
        courses = CoursePage.objects.child_of(edition).live().order_by("path")
        assert slugs(courses) == [course["slug"] for course in edition_data["courses"]]
        for course, course_data in zip(courses, edition_data["courses"], strict=True):
            assert course.url == f"{edition.url}{course.slug}/"
            assert_holds(course, "course", course_data)
            modules = ModulePage.objects.child_of(course).live().order_by("path")
            assert slugs(modules) == [module["slug"] for module in course_data["modules"]]
            for module, module_data in zip(modules, course_data["modules"], strict=True):
                assert module.url == f"{course.url}{module.slug}/"
                assert_holds(module, "module", module_data)

    materials = Material.objects.published().select_related("edition", "document")
    assert sorted(slugs(materials)) == sorted(material["slug"] for material in data.materials)
    by_slug = {material.slug: material for material in materials}
    for material_data in data.materials:
        material = by_slug[material_data["slug"]]
        assert_holds(material, "material", material_data)
        assert MaterialLibraryPage.material_url(material) == f"/materials/{material.slug}/"


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)


@pytest.mark.usefixtures("demo_academy")
def test_every_page_reachable_from_home_answers_200(client):
    """Follow every local link from / (pages, materials, skills, documents), by path."""
    seen, queue, failures = set(), ["/"], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if response.status_code != 200:
            failures.append((url, response.status_code))
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        parser = LinkParser()
        parser.feed(response.content.decode())
        for href in parser.links:
            parts = urlsplit(urljoin(url, href))
            if parts.scheme in ("http", "https") and parts.netloc not in ("", "testserver"):
                continue
            if parts.scheme not in ("", "http", "https") or parts.path.startswith("/admin/"):
                continue
            # Filter and sort links combine without end; every page is reachable by its path.
            queue.append(parts.path)
    assert not failures
    # The crawl really covered the academy: every published module and material page.
    for module in ModulePage.objects.live():
        assert module.url in seen
    for material in Material.objects.published():
        assert MaterialLibraryPage.material_url(material) in seen
