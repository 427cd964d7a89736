"""Published materials of each skill per facet value, kept exact by triggers (SkillFacetCount).

A skill filter alone is the library's most common state; counting its materials' tags, editions,
kinds and languages on each request groups thousands of rows (about 70 ms at 100,000 materials).

SQLite (one row at a time, so also each row of a bulk insert) adds or takes one per row changed:
a recount per row would regroup the skill's materials for every tagging row inserted. A material
counts towards a tag once however many rows tag it with that tag, hence the checks on its other
rows. PostgreSQL regroups the skills a statement touches once per statement, from the transition
tables, under the lock the other facet triggers take (material_counts.py).
"""

TABLE = "materials_skillfacetcount"
KEY = "COALESCE(CAST({t}.edition_id AS TEXT), '') || '|' || {t}.kind || '|' || {t}.language"
LIVE = "EXISTS (SELECT 1 FROM materials_material WHERE id = {material} AND live)"
ADD = "ON CONFLICT (skill_id, facet, value) DO UPDATE SET count = {TABLE}.count + excluded.count"


def add(select):
    return f"INSERT INTO {TABLE} (skill_id, facet, value, count) {select} {ADD.format(TABLE=TABLE)};"


# SQLite: the changes one row makes, `sign` 1 or -1.


def skill_row(skill, material, sign):
    """A material gains or loses a skill: its column key and each of its tags, for that skill."""
    return add(
        f"SELECT {skill}, 'columns', {KEY.format(t='m')}, {sign} FROM materials_material m "
        f"WHERE m.id = {material} AND m.live"
    ) + add(
        f"SELECT {skill}, 'tag', CAST(t.tag_id AS TEXT), {sign} FROM (SELECT DISTINCT tag_id "
        f"FROM materials_materialtag WHERE content_object_id = {material}) t "
        f"WHERE {LIVE.format(material=material)}"
    )


def tag_row(tag, material, sign):
    """A material gains its first row of a tag (1) or loses its last (0), for each of its skills."""
    remaining = 1 if sign > 0 else 0
    return add(
        f"SELECT ms.tag_id, 'tag', CAST({tag} AS TEXT), {sign} FROM materials_materialskill ms "
        f"WHERE ms.content_object_id = {material} AND {LIVE.format(material=material)} "
        f"AND (SELECT COUNT(*) FROM materials_materialtag WHERE content_object_id = {material} "
        f"AND tag_id = {tag}) = {remaining}"
    )


def material_columns(row, sign):
    return add(
        f"SELECT ms.tag_id, 'columns', {KEY.format(t=row)}, {sign} FROM materials_materialskill ms "
        f"WHERE ms.content_object_id = {row}.id AND {row}.live"
    )


def material_tags(row, sign):
    return add(
        f"SELECT ms.tag_id, 'tag', CAST(t.tag_id AS TEXT), {sign} FROM materials_materialskill ms "
        f"JOIN (SELECT DISTINCT tag_id FROM materials_materialtag WHERE content_object_id = "
        f"{row}.id) t WHERE ms.content_object_id = {row}.id"
    )


def sqlite_triggers():
    def trigger(name, event, table, body, when="1"):
        return (
            f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW WHEN {when} "
            f"BEGIN {body} END;"
        )

    moved = "OLD.content_object_id IS NOT NEW.content_object_id OR OLD.tag_id IS NOT NEW.tag_id"
    columns_changed = (
        "OLD.live IS NOT NEW.live OR OLD.edition_id IS NOT NEW.edition_id "
        "OR OLD.kind IS NOT NEW.kind OR OLD.language IS NOT NEW.language"
    )
    return [
        trigger("materials_materialskill_skill_facets_insert", "INSERT", "materials_materialskill",
                skill_row("NEW.tag_id", "NEW.content_object_id", 1)),
        trigger("materials_materialskill_skill_facets_update", "UPDATE", "materials_materialskill",
                skill_row("OLD.tag_id", "OLD.content_object_id", -1)
                + skill_row("NEW.tag_id", "NEW.content_object_id", 1), moved),
        trigger("materials_materialskill_skill_facets_delete", "DELETE", "materials_materialskill",
                skill_row("OLD.tag_id", "OLD.content_object_id", -1)),
        trigger("materials_materialtag_skill_facets_insert", "INSERT", "materials_materialtag",
                tag_row("NEW.tag_id", "NEW.content_object_id", 1)),
        trigger("materials_materialtag_skill_facets_update", "UPDATE", "materials_materialtag",
                tag_row("OLD.tag_id", "OLD.content_object_id", -1)
                + tag_row("NEW.tag_id", "NEW.content_object_id", 1), moved),
        trigger("materials_materialtag_skill_facets_delete", "DELETE", "materials_materialtag",
                tag_row("OLD.tag_id", "OLD.content_object_id", -1)),
        trigger("materials_material_skill_facets_insert", "INSERT", "materials_material",
                material_columns("NEW", 1) + material_tags("NEW", 1), "NEW.live"),
        trigger("materials_material_skill_facets_update", "UPDATE", "materials_material",
                material_columns("OLD", -1) + material_columns("NEW", 1), columns_changed),
        trigger("materials_material_skill_facets_publish", "UPDATE", "materials_material",
                material_tags("NEW", "CASE WHEN NEW.live THEN 1 ELSE -1 END"),
                "OLD.live IS NOT NEW.live"),
        trigger("materials_material_skill_facets_delete", "DELETE", "materials_material",
                material_columns("OLD", -1) + material_tags("OLD", -1), "OLD.live"),
    ]


SQLITE_TRIGGER_NAMES = [
    f"materials_{table}_skill_facets_{event}"
    for table, events in (
        ("materialskill", ("insert", "update", "delete")),
        ("materialtag", ("insert", "update", "delete")),
        ("material", ("insert", "update", "publish", "delete")),
    )
    for event in events
]

# PostgreSQL: every count of the skills a subquery gives, grouped again.


def recount(skills):
    return f"""
DELETE FROM {TABLE} WHERE skill_id IN ({skills});
INSERT INTO {TABLE} (skill_id, facet, value, count)
SELECT ms.tag_id, 'columns', {KEY.format(t="m")}, COUNT(*)
FROM materials_materialskill ms JOIN materials_material m ON m.id = ms.content_object_id
WHERE m.live AND ms.tag_id IN ({skills})
GROUP BY ms.tag_id, m.edition_id, m.kind, m.language;
INSERT INTO {TABLE} (skill_id, facet, value, count)
SELECT ms.tag_id, 'tag', CAST(mt.tag_id AS TEXT), COUNT(DISTINCT mt.content_object_id)
FROM materials_materialskill ms JOIN materials_material m ON m.id = ms.content_object_id
JOIN materials_materialtag mt ON mt.content_object_id = m.id
WHERE m.live AND ms.tag_id IN ({skills})
GROUP BY ms.tag_id, mt.tag_id;"""


SKILLS_OF = "SELECT tag_id FROM materials_materialskill WHERE content_object_id IN ({materials})"
CHANGED = (
    "SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE o.live IS DISTINCT FROM "
    "n.live OR o.edition_id IS DISTINCT FROM n.edition_id OR o.kind IS DISTINCT FROM n.kind "
    "OR o.language IS DISTINCT FROM n.language"
)
LOCK = "PERFORM pg_advisory_xact_lock(hashtext('materials_materialfacetcount'));"


def by_operation(recount_rows):
    return (
        f"IF TG_OP IN ('INSERT', 'UPDATE') THEN {recount_rows('new_rows')} END IF;\n"
        f"IF TG_OP IN ('DELETE', 'UPDATE') THEN {recount_rows('old_rows')} END IF;"
    )


POSTGRES_FUNCTIONS = {
    "materials_material": f"""
IF TG_OP = 'UPDATE' THEN
    {recount(SKILLS_OF.format(materials=CHANGED))}
ELSIF TG_OP = 'INSERT' THEN
    {recount(SKILLS_OF.format(materials="SELECT id FROM new_rows WHERE live"))}
ELSE
    {recount(SKILLS_OF.format(materials="SELECT id FROM old_rows WHERE live"))}
END IF;""",
    "materials_materialskill": by_operation(lambda rows: recount(f"SELECT tag_id FROM {rows}")),
    "materials_materialtag": by_operation(
        lambda rows: recount(SKILLS_OF.format(materials=f"SELECT content_object_id FROM {rows}"))
    ),
}


def postgres_statements():
    referencing = {
        "INSERT": "NEW TABLE AS new_rows",
        "DELETE": "OLD TABLE AS old_rows",
        "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    }
    statements = []
    for table, body in POSTGRES_FUNCTIONS.items():
        function = f"{table}_skill_facets"
        statements.append(
            f"CREATE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n"
            f"{LOCK}\n{body}\nRETURN NULL;\nEND;\n$$;"
        )
        statements += [
            f"CREATE TRIGGER {table}_skill_facets_{event.lower()} AFTER {event} ON {table} "
            f"REFERENCING {clause} FOR EACH STATEMENT EXECUTE FUNCTION {function}();"
            for event, clause in referencing.items()
        ]
    return statements


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        statements = postgres_statements()
    elif vendor == "sqlite":
        statements = sqlite_triggers()
    else:
        raise NotImplementedError(f"No facet count triggers for {vendor}.")
    # The materials already there, counted once; from now on the triggers keep count.
    everything = recount("SELECT id FROM skills_skill")
    statements += [statement for statement in everything.split(";") if statement.strip()]
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def uninstall(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            for table in POSTGRES_FUNCTIONS:
                cursor.execute(f"DROP FUNCTION {table}_skill_facets() CASCADE")
        else:
            for name in SQLITE_TRIGGER_NAMES:
                cursor.execute(f"DROP TRIGGER {name}")
