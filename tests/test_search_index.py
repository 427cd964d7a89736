"""The generator's fast indexing writes exactly the rows Wagtail's search backend writes.

On PostgreSQL the vectors are built by our own SQL, on SQLite the texts by our own loop: either
way every column of the index row must equal what the backend's own `add_bulk` writes.
"""

from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

import pytest
from modelsearch.utils import get_content_type_pk

from courses.models import CoursePage, ModulePage
from lms.core.search_index import add_new
from materials.models import Material
from tests.test_generate_load_data import SMALL, generate

# Every column but the row id: tsvectors and plain texts on PostgreSQL, texts on SQLite.
COLUMNS = [
    field.attname
    for field in IndexEntry._meta.concrete_fields
    if not field.primary_key and field.attname not in ("content_type_id", "object_id")
]


def index_rows(model, objects):
    rows = IndexEntry.objects.filter(
        content_type_id=get_content_type_pk(model),
        object_id__in=[str(obj.pk) for obj in objects],
    ).values("object_id", *COLUMNS)
    return {row.pop("object_id"): row for row in rows}


def reindexed_rows(add, model, objects):
    """The rows add(backend, model, objects) writes for these objects, in place of the current
    ones: title norms depend on the rest of the index, so both ways start from the same state."""
    IndexEntry.objects.filter(
        content_type_id=get_content_type_pk(model),
        object_id__in=[str(obj.pk) for obj in objects],
    ).delete()
    add(get_search_backend(), model, objects)
    return index_rows(model, objects)


def backends_own(backend, model, objects):
    backend.add_bulk(model, objects)


def without_title_norm(rows):
    return {pk: {**row, "title_norm": None} for pk, row in rows.items()}


# Each test generates its objects (tests/test_generate_load_data.py) into a small academy: the
# generator needs a site to build under and a taxonomy to tag with.


def generated(model):
    """The objects of model the last generate() made, read afresh: their skills and tags come in
    the order of their rows, as `update_index` would read them."""
    count = SMALL[model._meta.model_name.removesuffix("page") + "s"]
    return list(model.objects.order_by("-pk")[:count])


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Material, CoursePage, ModulePage])
def test_index_rows_equal_the_backends_own_column_by_column(academy, model):
    generate()
    objects = generated(model)
    rows = index_rows(model, objects)
    assert len(rows) == len(objects)
    assert all(row["body"] and row["title_norm"] != 1.0 for row in rows.values())

    theirs = reindexed_rows(backends_own, model, objects)
    # Title norms depend on what else was in the index at the time.
    assert without_title_norm(rows) == without_title_norm(theirs)
    assert reindexed_rows(add_new, model, objects) == theirs


@pytest.mark.django_db
def test_objects_without_text_get_the_backends_empty_values(academy):
    generate()
    material = Material.objects.order_by("-pk").first()
    material.description = "   "
    material._prefetched_objects_cache = {"skills": [], "tags": []}
    ours = reindexed_rows(add_new, Material, [material])
    assert not ours[str(material.pk)]["body"].strip()
    assert ours == reindexed_rows(backends_own, Material, [material])


@pytest.mark.django_db
def test_a_generated_materials_words_find_it_through_wagtail_search(academy):
    generate()
    material = Material.objects.order_by("-pk").first()
    number = material.title.split("#")[1]
    assert material in Material.objects.search(number)
    assert material in Material.objects.autocomplete(material.title.split(":")[0])
    skill = material.skills.first()
    assert material in Material.objects.search(f"{skill.name} {number}")
