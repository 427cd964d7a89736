"""The generator's fast PostgreSQL indexing writes exactly the rows Wagtail's backend writes."""

from django.db import connection

import pytest

if connection.vendor != "postgresql":
    pytest.skip(
        "The fast path writes PostgreSQL tsvectors; other databases index through the backend.",
        allow_module_level=True,
    )

from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from modelsearch.utils import get_content_type_pk

from courses.models import CoursePage, Material, ModulePage
from lms.core.search_index import add_bulk
from tests.test_generate_load_data import SMALL, generate

COLUMNS = ("title", "autocomplete", "body", "title_norm", "title_text", "body_text")


def index_rows(model, objects):
    rows = IndexEntry.objects.filter(
        content_type_id=get_content_type_pk(model),
        object_id__in=[str(obj.pk) for obj in objects],
    ).values_list("object_id", *COLUMNS)
    return {row[0]: row[1:] for row in rows}


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
    return {pk: row[:3] + row[4:] for pk, row in rows.items()}


def generated(model):
    """The objects of model the last generate() made, read afresh: their skills and tags come in
    the order of their rows, as `update_index` would read them."""
    count = SMALL[model._meta.model_name.removesuffix("page") + "s"]
    return list(model.objects.order_by("-pk")[:count])


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Material, CoursePage, ModulePage])
def test_index_rows_equal_the_backends_own_column_by_column(model):
    generate()
    objects = generated(model)
    rows = index_rows(model, objects)
    assert len(rows) == len(objects)
    assert all(row[2] and row[3] != 1.0 for row in rows.values()), "body text, norm set"

    theirs = reindexed_rows(backends_own, model, objects)
    # Title norms depend on what else was indexed at the time.
    assert without_title_norm(rows) == without_title_norm(theirs)
    assert reindexed_rows(add_bulk, model, objects) == theirs


@pytest.mark.django_db
def test_objects_without_text_get_the_backends_empty_vectors():
    generate()
    material = Material.objects.order_by("-pk").first()
    material.description = "   "
    material._prefetched_objects_cache = {"skills": [], "tags": []}
    ours = reindexed_rows(add_bulk, Material, [material])
    assert ours[str(material.pk)][2] == ""
    assert ours == reindexed_rows(backends_own, Material, [material])


@pytest.mark.django_db
def test_a_generated_materials_word_finds_it_through_wagtail_search():
    generate()
    material = Material.objects.order_by("-pk").first()
    number = material.title.split("#")[1]
    assert material in Material.objects.search(number)
    assert material in Material.objects.autocomplete(material.title.split(":")[0])
