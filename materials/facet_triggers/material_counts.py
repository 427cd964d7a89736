"""Published materials per facet value, kept exact by triggers (materials/models/facet_counts.py).

Each trigger recounts the facet values its change touches from the materials themselves, rather
than adding or subtracting one, because skill areas and free tags count a material once however
many of its rows name them. PostgreSQL recounts once per statement from the transition tables, so
a bulk insert recounts each value once; it first takes a transaction-level lock, so that two
concurrent changes cannot each store a recount that misses the other's rows. SQLite (one writer
at a time) recounts once per row.
"""

TABLE = "materials_materialfacetcount"
UPSERT = "ON CONFLICT (facet, value) DO UPDATE SET count = excluded.count"
COLUMNS_KEY = "COALESCE(CAST({t}.edition_id AS TEXT), '') || '|' || {t}.kind || '|' || {t}.language"

# Recounts, each for the ids (or material rows) a subquery gives.
RECOUNT_SKILLS = f"""
INSERT INTO {TABLE} (facet, value, count)
SELECT 'skill', CAST(s.id AS TEXT), (
    SELECT COUNT(*) FROM materials_materialskill ms
    JOIN materials_material m ON m.id = ms.content_object_id
    WHERE ms.tag_id = s.id AND m.live
) FROM skills_skill s WHERE s.id IN ({{ids}})
{UPSERT};"""
RECOUNT_AREAS = f"""
INSERT INTO {TABLE} (facet, value, count)
SELECT 'area', CAST(a.id AS TEXT), (
    SELECT COUNT(DISTINCT ms.content_object_id) FROM materials_materialskill ms
    JOIN skills_skill s ON s.id = ms.tag_id
    JOIN materials_material m ON m.id = ms.content_object_id
    WHERE s.area_id = a.id AND m.live
) FROM skills_skillarea a WHERE a.id IN ({{ids}})
{UPSERT};"""
RECOUNT_TAGS = f"""
INSERT INTO {TABLE} (facet, value, count)
SELECT 'tag', CAST(t.id AS TEXT), (
    SELECT COUNT(DISTINCT mt.content_object_id) FROM materials_materialtag mt
    JOIN materials_material m ON m.id = mt.content_object_id
    WHERE mt.tag_id = t.id AND m.live
) FROM taggit_tag t WHERE t.id IN ({{ids}})
{UPSERT};"""
AREAS_OF_SKILLS = "SELECT area_id FROM skills_skill WHERE id IN ({ids})"
SKILLS_OF_MATERIALS = "SELECT tag_id FROM materials_materialskill WHERE content_object_id IN ({ids})"
TAGS_OF_MATERIALS = "SELECT tag_id FROM materials_materialtag WHERE content_object_id IN ({ids})"


def recount_of_materials(ids):
    """Recount every skill, area and tag of these materials: they gained or lost publication."""
    skills = SKILLS_OF_MATERIALS.format(ids=ids)
    return (
        RECOUNT_SKILLS.format(ids=skills)
        + RECOUNT_AREAS.format(ids=AREAS_OF_SKILLS.format(ids=skills))
        + RECOUNT_TAGS.format(ids=TAGS_OF_MATERIALS.format(ids=ids))
    )


# The columns facet (edition, kind, language): every combination recounted at once is one pass
# over the partial index `material_live_columns`, cheaper than many single recounts after a bulk insert.
RECOUNT_COLUMNS = f"""
UPDATE {TABLE} SET count = 0 WHERE facet = 'columns';
INSERT INTO {TABLE} (facet, value, count)
SELECT 'columns', {COLUMNS_KEY.format(t="m")}, COUNT(*) FROM materials_material m
WHERE m.live GROUP BY m.edition_id, m.kind, m.language
{UPSERT};"""

RECOUNT_ALL = (
    RECOUNT_SKILLS.format(ids="SELECT id FROM skills_skill")
    + RECOUNT_AREAS.format(ids="SELECT id FROM skills_skillarea")
    + RECOUNT_TAGS.format(ids="SELECT id FROM taggit_tag")
    + RECOUNT_COLUMNS
)


def sqlite_triggers():
    def trigger(name, event, table, body, when="1"):
        return (
            f"CREATE TRIGGER {name} AFTER {event} ON {table} FOR EACH ROW WHEN {when} "
            f"BEGIN {body} END;"
        )

    changed = "OLD.live IS NOT NEW.live"
    columns_changed = (
        f"{changed} OR OLD.edition_id IS NOT NEW.edition_id OR OLD.kind IS NOT NEW.kind "
        "OR OLD.language IS NOT NEW.language"
    )
    skill = RECOUNT_SKILLS.format(ids="{row}.tag_id") + RECOUNT_AREAS.format(
        ids=AREAS_OF_SKILLS.format(ids="{row}.tag_id")
    )
    tag = RECOUNT_TAGS.format(ids="{row}.tag_id")
    return [
        trigger("materials_material_facets_insert", "INSERT", "materials_material", RECOUNT_COLUMNS,
                "NEW.live"),
        trigger("materials_material_facets_update", "UPDATE", "materials_material",
                RECOUNT_COLUMNS, columns_changed),
        trigger("materials_material_facets_publish", "UPDATE", "materials_material",
                recount_of_materials("NEW.id"), changed),
        trigger("materials_material_facets_delete", "DELETE", "materials_material",
                RECOUNT_COLUMNS + recount_of_materials("OLD.id"), "OLD.live"),
        trigger("materials_materialskill_facets_insert", "INSERT", "materials_materialskill",
                skill.format(row="NEW")),
        trigger("materials_materialskill_facets_update", "UPDATE", "materials_materialskill",
                skill.format(row="OLD") + skill.format(row="NEW")),
        trigger("materials_materialskill_facets_delete", "DELETE", "materials_materialskill",
                skill.format(row="OLD")),
        trigger("materials_materialtag_facets_insert", "INSERT", "materials_materialtag",
                tag.format(row="NEW")),
        trigger("materials_materialtag_facets_update", "UPDATE", "materials_materialtag",
                tag.format(row="OLD") + tag.format(row="NEW")),
        trigger("materials_materialtag_facets_delete", "DELETE", "materials_materialtag",
                tag.format(row="OLD")),
        trigger("materials_skill_facets_update", "UPDATE OF area_id", "skills_skill",
                RECOUNT_AREAS.format(ids="OLD.area_id, NEW.area_id")),
    ]


SQLITE_TRIGGER_NAMES = [
    f"materials_{table}_facets_{event}"
    for table, events in (
        ("material", ("insert", "update", "publish", "delete")),
        ("materialskill", ("insert", "update", "delete")),
        ("materialtag", ("insert", "update", "delete")),
        ("skill", ("update",)),
    )
    for event in events
]

LOCK = f"PERFORM pg_advisory_xact_lock(hashtext('{TABLE}'));"
ROWS = {"INSERT": "new_rows", "DELETE": "old_rows", "UPDATE": "new_rows"}


def postgres_function(name, body):
    return (
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n{LOCK}\n"
        f"{body}\nRETURN NULL;\nEND;\n$$;"
    )


def postgres_statement_triggers(table, function):
    """One statement-level trigger per event (transition tables allow no more), one function."""
    referencing = {
        "INSERT": "NEW TABLE AS new_rows",
        "DELETE": "OLD TABLE AS old_rows",
        "UPDATE": "OLD TABLE AS old_rows NEW TABLE AS new_rows",
    }
    return [
        f"CREATE TRIGGER {table}_facets_{event.lower()} AFTER {event} ON {table} "
        f"REFERENCING {clause} FOR EACH STATEMENT EXECUTE FUNCTION {function}();"
        for event, clause in referencing.items()
    ]


def postgres_by_operation(recount):
    """`recount(rows)` for the transition table each operation has (both for an update)."""
    return (
        f"IF TG_OP IN ('INSERT', 'UPDATE') THEN {recount('new_rows')} END IF;\n"
        f"IF TG_OP IN ('DELETE', 'UPDATE') THEN {recount('old_rows')} END IF;"
    )


# Rows of a material update that change what it counts towards.
CHANGED_MATERIALS = (
    "SELECT n.id FROM new_rows n JOIN old_rows o ON o.id = n.id WHERE {condition}"
)
POSTGRES_MATERIAL = f"""
IF TG_OP = 'UPDATE' THEN
    IF EXISTS ({CHANGED_MATERIALS.format(condition=
        "o.live IS DISTINCT FROM n.live OR o.edition_id IS DISTINCT FROM n.edition_id "
        "OR o.kind IS DISTINCT FROM n.kind OR o.language IS DISTINCT FROM n.language")}) THEN
        {RECOUNT_COLUMNS}
    END IF;
    {recount_of_materials(CHANGED_MATERIALS.format(condition="o.live IS DISTINCT FROM n.live"))}
ELSIF TG_OP = 'INSERT' THEN
    IF EXISTS (SELECT 1 FROM new_rows WHERE live) THEN {RECOUNT_COLUMNS} END IF;
ELSE
    IF EXISTS (SELECT 1 FROM old_rows WHERE live) THEN
        {RECOUNT_COLUMNS}
        {recount_of_materials("SELECT id FROM old_rows WHERE live")}
    END IF;
END IF;"""
POSTGRES_MATERIALSKILL = postgres_by_operation(
    lambda rows: RECOUNT_SKILLS.format(ids=f"SELECT tag_id FROM {rows}")
    + RECOUNT_AREAS.format(ids=AREAS_OF_SKILLS.format(ids=f"SELECT tag_id FROM {rows}"))
)
POSTGRES_MATERIALTAG = postgres_by_operation(
    lambda rows: RECOUNT_TAGS.format(ids=f"SELECT tag_id FROM {rows}")
)
POSTGRES_SKILL = postgres_by_operation(
    lambda rows: RECOUNT_AREAS.format(ids=f"SELECT area_id FROM {rows}")
)
POSTGRES_FUNCTIONS = {
    "materials_material": ("materials_material_facets", POSTGRES_MATERIAL),
    "materials_materialskill": ("materials_materialskill_facets", POSTGRES_MATERIALSKILL),
    "materials_materialtag": ("materials_materialtag_facets", POSTGRES_MATERIALTAG),
    "skills_skill": ("materials_skill_facets", POSTGRES_SKILL),
}


def install(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = []
    if vendor == "postgresql":
        for table, (function, body) in POSTGRES_FUNCTIONS.items():
            statements.append(postgres_function(function, body))
            statements += postgres_statement_triggers(table, function)
    elif vendor == "sqlite":
        statements += sqlite_triggers()
    else:
        raise NotImplementedError(f"No facet count triggers for {vendor}.")
    # The materials already there, counted once; from now on the triggers keep count.
    statements += [statement for statement in RECOUNT_ALL.split(";") if statement.strip()]
    with schema_editor.connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


def uninstall(apps, schema_editor):
    with schema_editor.connection.cursor() as cursor:
        if schema_editor.connection.vendor == "postgresql":
            for function, _ in POSTGRES_FUNCTIONS.values():
                cursor.execute(f"DROP FUNCTION {function}() CASCADE")
        else:
            for name in SQLITE_TRIGGER_NAMES:
                cursor.execute(f"DROP TRIGGER {name}")
