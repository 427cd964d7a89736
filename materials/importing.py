"""Import materials from a CSV file: every row is checked first, and one bad row imports nothing.

Columns: title, kind, edition, skills, tags, url. `kind` is a kind's value or label ("case_study"
or "Case study"); `edition` is the edition's number; `skills` and `tags` are separated by ";"
(skills by slug or name, from the taxonomy). Imported materials are drafts, so they go through
moderation like any other new material.
"""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils.text import slugify

from wagtail.actions.create import CreateAction

from courses.models import EditionPage
from materials.models import Material
from skills.models import Skill

COLUMNS = ["title", "kind", "edition", "skills", "tags", "url"]


@dataclass
class RowError:
    line: int
    reason: str

    def __str__(self):
        return f"Line {self.line}: {self.reason}"


@dataclass
class ImportResult:
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    created: list = field(default_factory=list)


def split(value):
    return [item.strip() for item in (value or "").split(";") if item.strip()]


class MaterialImport:
    """Parse and validate a CSV of materials; `save()` writes them only when every row is good."""

    def __init__(self, text):
        self.text = text
        kinds = {value: value for value in Material.Kind.values}
        kinds.update({label.lower(): value for value, label in Material.Kind.choices})
        self.kinds = kinds
        self.editions = {str(e.number): e for e in EditionPage.objects.all()}
        # Read once, at the first row: `find` looks up in the rows already read.
        self.skills = Skill.objects.all()
        self.slugs = set(Material.objects.values_list("slug", flat=True))

    def parse(self):
        result = ImportResult()
        reader = csv.DictReader(io.StringIO(self.text))
        missing = [column for column in COLUMNS if column not in (reader.fieldnames or [])]
        if missing:
            result.errors.append(RowError(1, f"missing column(s): {', '.join(missing)}"))
            return result
        for row in reader:
            line = reader.line_num
            errors, material = self.parse_row(row)
            result.errors.extend(RowError(line, reason) for reason in errors)
            if material:
                result.rows.append(material)
        if not result.rows and not result.errors:
            result.errors.append(RowError(1, "the file has no rows"))
        return result

    def parse_row(self, row):
        errors = []
        title = (row["title"] or "").strip()
        if not title:
            errors.append("the title is empty")
        kind = self.kinds.get((row["kind"] or "").strip().lower())
        if kind is None:
            errors.append(f"unknown kind “{row['kind']}”")
        edition = None
        if (row["edition"] or "").strip():
            edition = self.editions.get(row["edition"].strip())
            if edition is None:
                errors.append(f"no edition number “{row['edition']}”")
        names = split(row["skills"])
        skills = self.skills.find(names)
        errors.extend(f"unknown skill “{name}”" for name in names if name not in skills)
        url = (row["url"] or "").strip()
        if url:
            try:
                URLValidator()(url)
            except ValidationError:
                errors.append(f"“{url}” is not a valid URL")
        if kind == Material.Kind.RECORDING and not url:
            errors.append("a recording needs a URL")
        slug = slugify(title)[:255]
        if slug and slug in self.slugs:
            errors.append(f"a material with the slug “{slug}” already exists")
        self.slugs.add(slug)
        if errors:
            return errors, None
        material = Material(
            title=title, slug=slug, kind=kind, edition=edition, external_url=url, live=False
        )
        material.skills.set(list(skills.values()))
        material.tags.set(split(row["tags"]))
        return [], material

    @transaction.atomic
    def save(self, user=None):
        """Check every row and create the materials as drafts, or create nothing."""
        result = self.parse()
        if result.errors:
            return result
        for material in result.rows:
            # As the snippet create view does: a draft revision and a "wagtail.create" log entry.
            # The import view has already checked that the user may add materials.
            CreateAction(material, user=user).execute(skip_permission_checks=True)
            result.created.append(material)
        return result
