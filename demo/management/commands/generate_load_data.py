"""Generate a large academy on top of whatever is loaded, for benchmarks and capacity planning.

Everything is written in bulk: page rows get their treebeard paths computed here rather than one
add_child() at a time, materials go in with bulk_create, their skill and tag rows (like learners'
enrolments and completions) as plain rows, with COPY on PostgreSQL. The search index gets just
the new objects, with the rows the backend's own bulk add would write, only faster
(lms/core/search_index.py).
"""

import json
import random
import secrets
import time
from datetime import date, timedelta

from django.contrib.auth.hashers import make_password
from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backends

from modelcluster.queryset import FakeQuerySet
from taggit.models import Tag

from courses.models import CoursePage, CourseSkill, EditionPage, ModulePage, ModuleSkill
from learning.models import Enrolment, ModuleCompletion
from lms.accounts.models import User
from lms.core.cache import bump_generation
from lms.core.search_index import add_new
from materials import facet_triggers
from materials.models import Material, MaterialSkill, MaterialTag
from skills.models import Skill

BATCH = 2000
TOPICS = [
    "cluster strategy",
    "member needs",
    "trend analysis",
    "action planning",
    "governance",
    "business models",
    "membership fees",
    "EU funding",
    "service design",
    "member engagement",
    "internationalisation",
    "value chains",
    "branding",
    "community building",
    "green transition",
    "digital transition",
    "resilience",
    "KPIs",
    "benchmarking",
    "excellence labels",
]
CITIES = ["Lisbon", "Tallinn", "Vienna", "Kraków", "Lyon", "Bilbao", "Ghent", "Aarhus", "Brno"]
FREE_TAGS = ["hybrid", "peer learning", "homework", "case work", "coaching", "toolkit", "survey"]


def insert_rows(model, field_names, rows):
    """Write rows of values ready for the database, in order: for hundreds of thousands of rows,
    making a model instance of each for bulk_create took longer than the writing. PostgreSQL
    gets them with COPY, other databases as one prepared INSERT."""
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    columns = ", ".join(quote(model._meta.get_field(name).column) for name in field_names)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            placeholders = ", ".join(["%s"] * len(field_names))
            insert = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
            cursor.executemany(insert, rows)


class Command(BaseCommand):
    help = "Add a large generated academy (editions, courses, modules, materials, learners)."

    def add_arguments(self, parser):
        for name, default in (
            ("editions", 20),
            ("courses", 200),
            ("modules", 2400),
            ("materials", 100_000),
            ("learners", 10_000),
            ("completions", 500_000),
        ):
            parser.add_argument(f"--{name}", type=int, default=default, metavar="N")
        parser.add_argument("--seed", type=int, default=None, help="For repeatable content.")

    def handle(self, *args, **options):
        sizes = {name: options[name] for name in ("editions", "courses", "modules", "materials")}
        sizes |= {name: options[name] for name in ("learners", "completions")}
        if any(value < 0 for value in sizes.values()):
            raise CommandError("Sizes cannot be negative.")
        if sizes["editions"] == 0 and (sizes["courses"] or sizes["modules"]):
            raise CommandError("Courses need at least one edition.")
        if sizes["courses"] == 0 and sizes["modules"]:
            raise CommandError("Modules need at least one course.")
        if sizes["completions"] and not (sizes["learners"] and sizes["modules"]):
            raise CommandError("Completions need learners and modules.")
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("No default site: run `manage.py load_academy` first.")
        self.skills = list(Skill.objects.all())
        if not self.skills:
            raise CommandError("No skills: run `manage.py load_academy` first.")
        self.random = random.Random(options["seed"])  # noqa: S311 (made-up content, not secrets)
        # Unique per run, so that every run adds to what earlier runs made.
        self.run = secrets.token_hex(3)
        self.now = timezone.now()
        self.material_ids = []

        with transaction.atomic(), facet_triggers.paused():
            editions = self.step("editions", self.make_editions, site.root_page, sizes["editions"])
            self.step("materials", self.make_materials, editions, sizes["materials"])
            courses = self.step("courses", self.make_courses, editions, sizes["courses"])
            modules = self.step("modules", self.make_modules, courses, sizes["modules"])
            learners = self.step("learners", self.make_learners, sizes["learners"])
            self.step(
                "completions",
                self.make_completions,
                courses,
                modules,
                learners,
                sizes["completions"],
            )
        self.refresh_statistics()
        bump_generation()
        self.stdout.write(self.style.SUCCESS(f"Generated load data (run {self.run})."))

    def step(self, label, function, *args):
        started = time.monotonic()
        result = function(*args)
        count = len(result) if isinstance(result, list) else result
        self.stdout.write(f"  {label}: {count:,} in {time.monotonic() - started:.1f} s")
        return result

    def refresh_statistics(self):
        """PostgreSQL plans with table statistics that autovacuum refreshes only some minutes
        after a bulk load, and the search index's title-norm refresh leaves a dead copy of every
        entry: until then pages read twice the index and plan blind (at 100,000 materials the
        edition page took 47 ms instead of 16, search 250 ms instead of 190). SQLite is left
        alone: with ANALYZE's statistics its planner chose slower plans for the academy's pages."""
        if connection.vendor != "postgresql":
            return
        started = time.monotonic()
        with connection.cursor() as cursor:
            # VACUUM cannot run inside a transaction (a test's, say); ANALYZE alone can.
            cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")
        self.stdout.write(f"  planner statistics: {time.monotonic() - started:.1f} s")

    # Pages ---------------------------------------------------------------------------------

    def add_children(self, model, parent, instances):
        """Insert pages under parent in bulk: treebeard paths computed here, then each row of
        the page type's own table written against the new page ids."""
        if not instances:
            return []
        last = parent.get_last_child()
        first_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        content_type = ContentType.objects.get_for_model(model)
        for offset, page in enumerate(instances):
            page.path = Page._get_path(parent.path, parent.depth + 1, first_step + offset)
            page.depth = parent.depth + 1
            page.numchild = 0
            page.url_path = f"{parent.url_path}{page.slug}/"
            page.draft_title = page.title
            page.content_type = content_type
            page.locale_id = parent.locale_id
            page.live = True
            page.has_unpublished_changes = False
            page.first_published_at = page.last_published_at = self.now
        bases = Page.objects.bulk_create(
            [
                Page(**{f.attname: getattr(p, f.attname) for f in Page._meta.concrete_fields})
                for p in instances
            ],
            batch_size=BATCH,
        )
        for page, base in zip(instances, bases, strict=True):
            page.pk = page.id = page.page_ptr_id = base.pk
            page.translation_key = base.translation_key
        own_fields = model._meta.local_concrete_fields
        for start in range(0, len(instances), 500):
            model._base_manager._insert(
                instances[start : start + 500], fields=own_fields, using=connection.alias
            )
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(instances))
        parent.numchild += len(instances)
        return instances

    def make_editions(self, home, count):
        next_number = max(EditionPage.objects.values_list("number", flat=True), default=0) + 1
        editions = []
        for number in range(next_number, next_number + count):
            city = self.random.choice(CITIES)
            start = date(2024, 1, 1) + timedelta(days=30 * (number % 24))
            editions.append(
                EditionPage(
                    title=f"Edition {number}: {city}",
                    slug=f"edition-{number}-{self.run}",
                    number=number,
                    host_city=city,
                    online_start=start,
                    online_end=start + timedelta(days=2),
                    onsite_start=start + timedelta(days=60),
                    onsite_end=start + timedelta(days=61),
                    format="Online sessions, then two days on site.",
                    participants=self.random.randint(20, 45),
                    intro=f"<p>A generated edition hosted in {city}.</p>",
                )
            )
        editions = self.add_children(EditionPage, home, editions)
        self.index(EditionPage, editions)
        return editions

    def make_courses(self, editions, count):
        courses = []
        for edition, chunk in zip(editions, self.spread(count, len(editions)), strict=False):
            made = [
                self.with_skills(
                    CoursePage(
                        title=f"{self.topic().capitalize()} in practice ({edition.number}.{i + 1})",
                        slug=f"course-{i + 1}",
                        summary=self.sentence(),
                        level=self.random.choice(CoursePage.Level.values),
                        delivery=self.random.choice(CoursePage.Delivery.values),
                        estimated_hours=self.random.randint(2, 12),
                        learning_outcomes=json.dumps(
                            [{"type": "outcome", "value": self.sentence()} for _ in range(3)]
                        ),
                    ),
                    high=3,
                )
                for i in range(chunk)
            ]
            courses += self.add_children(CoursePage, edition, made)
        self.save_relations(courses, (CourseSkill, "skills"))
        self.index(CoursePage, courses)
        return courses

    def make_modules(self, courses, count):
        material_ids = self.material_ids or list(
            Material.objects.published().values_list("pk", flat=True)[:1000]
        )
        modules = []
        for course, chunk in zip(courses, self.spread(count, len(courses)), strict=False):
            made = [
                self.with_skills(
                    ModulePage(
                        title=f"Module {i + 1}: {self.topic()}",
                        slug=f"module-{i + 1}",
                        estimated_minutes=self.random.choice([15, 20, 30, 45, 60]),
                        introduction=self.sentence(),
                        body=json.dumps(self.module_body(material_ids)),
                    ),
                    high=3,
                )
                for i in range(chunk)
            ]
            modules += self.add_children(ModulePage, course, made)
        self.save_relations(modules, (ModuleSkill, "skills"))
        self.index(ModulePage, modules)
        return modules

    def module_body(self, material_ids):
        body = [{"type": "paragraph", "value": f"<p>{self.paragraph()}</p>"} for _ in range(3)]
        for material_id in self.random.sample(material_ids, min(2, len(material_ids))):
            body.append({"type": "material", "value": {"material": material_id, "note": ""}})
        return body

    # Materials -----------------------------------------------------------------------------

    def make_materials(self, editions, count):
        editions = editions or list(EditionPage.objects.all())
        kinds = Material.Kind.values
        languages = ["en"] * 6 + ["fr", "de", "it", "es", "bg", "pl"]
        tags = [Tag.objects.get_or_create(name=name)[0] for name in FREE_TAGS]
        self.material_ids = []
        for start in range(0, count, BATCH):
            materials = []
            for number in range(start + 1, min(start + BATCH, count) + 1):
                material = Material(
                    title=f"{self.random.choice(['Worksheet', 'Slides', 'Case study', 'Guide'])}: "
                    f"{self.topic()} #{number}",
                    slug=f"m-{self.run}-{number}",
                    kind=self.random.choice(kinds),
                    description=self.sentence(),
                    external_url="https://video.example.org/recording",
                    edition=self.random.choice(editions) if editions else None,
                    language=self.random.choice(languages),
                    date=date(2022, 1, 1) + timedelta(days=self.random.randrange(1500)),
                    live=True,
                    first_published_at=self.now,
                    last_published_at=self.now,
                )
                free_tags = self.random.sample(tags, self.random.randint(0, 3))
                materials.append(self.with_skills(material, high=4, tags=free_tags))
            Material.objects.bulk_create(materials)
            self.save_relations(materials, (MaterialSkill, "skills"), (MaterialTag, "tags"))
            self.index(Material, materials)
            self.material_ids += [material.pk for material in materials]
        return len(self.material_ids)

    def with_skills(self, obj, high, tags=()):
        """obj with 1..high random skills (and the given free tags), primed as if prefetched:
        the search indexer reads them from there with no query, and save_relations() writes
        them once the object has its id."""
        skills = self.random.sample(self.skills, self.random.randint(1, high))
        obj._prefetched_objects_cache = {
            "skills": FakeQuerySet(Skill, skills),
            "tags": FakeQuerySet(Tag, list(tags)),
        }
        return obj

    @staticmethod
    def save_relations(objects, *throughs):
        for through, name in throughs:
            insert_rows(
                through,
                ("content_object", "tag"),
                [
                    (obj.pk, tag.pk)
                    for obj in objects
                    for tag in obj._prefetched_objects_cache[name]
                ],
            )

    @staticmethod
    def index(model, objects):
        """Add just these new objects to the search index."""
        for backend in get_search_backends(with_auto_update=True):
            for start in range(0, len(objects), BATCH):
                add_new(backend, model, objects[start : start + BATCH])

    # Learners ------------------------------------------------------------------------------

    def make_learners(self, count):
        # One hash for all: hashing 10,000 passwords would take minutes and prove nothing.
        password = make_password(secrets.token_urlsafe(16))
        learners = [
            User(
                email=f"learner-{self.run}-{i}@load.example.org",
                display_name=f"Load learner {i}",
                password=password,
            )
            for i in range(count)
        ]
        return User.objects.bulk_create(learners, batch_size=BATCH)

    def make_completions(self, courses, modules, learners, count):
        """Each learner enrols in courses and completes their first modules, `count` in all."""
        courses = courses or list(CoursePage.objects.live())
        modules_by_course = {}
        for module in modules or ModulePage.objects.live().order_by("path"):
            modules_by_course.setdefault(module.path[: -Page.steplen], []).append(module.pk)
        courses = [c for c in courses if modules_by_course.get(c.path)]
        if not courses or not learners:
            return 0
        now = Enrolment._meta.get_field("enrolled_at").get_db_prep_save(self.now, connection)
        enrolments, completions = [], []
        for learner, quota in zip(learners, self.spread(count, len(learners)), strict=False):
            for course in self.random.sample(courses, len(courses)):
                if quota <= 0:
                    break
                done = modules_by_course[course.path][:quota]
                quota -= len(done)
                enrolments.append((learner.pk, course.pk, now))
                completions += ((learner.pk, module, now) for module in done)
        insert_rows(Enrolment, ("learner", "course", "enrolled_at"), enrolments)
        insert_rows(ModuleCompletion, ("learner", "module", "completed_at"), completions)
        return len(completions)

    # Text ----------------------------------------------------------------------------------

    @staticmethod
    def spread(total, buckets):
        """total split as evenly as possible over buckets."""
        if buckets == 0:
            return []
        base, extra = divmod(total, buckets)
        return [base + (1 if i < extra else 0) for i in range(buckets)]

    def topic(self):
        return self.random.choice(TOPICS)

    def sentence(self):
        first, second = self.random.sample(TOPICS, 2)
        return f"How cluster managers connect {first} with {second} for their members."

    def paragraph(self):
        return " ".join(self.sentence() for _ in range(4))
