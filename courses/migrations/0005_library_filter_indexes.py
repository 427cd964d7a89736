"""Indexes for counting the materials a skill filter admits without reading their rows.

The library's facet counts join a skill's tagging rows to the published materials' edition, kind
and language: with these, both sides are read from indexes alone. INCLUDE is PostgreSQL's; on
SQLite the skill index is enough at demo size.
"""

from django.db import migrations

SKILL_INDEX = "courses_materialskill_tag_material"
LIVE_INDEX = "courses_material_live_covering"


def create(apps, schema_editor):
    statements = [
        f"CREATE INDEX {SKILL_INDEX} ON courses_materialskill (tag_id, content_object_id)"
    ]
    if schema_editor.connection.vendor == "postgresql":
        statements.append(
            f"CREATE INDEX {LIVE_INDEX} ON courses_material (id) "
            "INCLUDE (edition_id, kind, language) WHERE live"
        )
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def drop(apps, schema_editor):
    names = [SKILL_INDEX]
    if schema_editor.connection.vendor == "postgresql":
        names.append(LIVE_INDEX)
    with schema_editor.connection.cursor() as cursor:
        for name in names:
            cursor.execute(f"DROP INDEX {name}")


class Migration(migrations.Migration):
    dependencies = [("courses", "0004_material_facet_counts")]

    operations = [migrations.RunPython(create, drop)]
