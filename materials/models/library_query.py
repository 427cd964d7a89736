"""The materials library's query: the URL's filters, Wagtail search and facet counts.

One `MaterialQuery` serves the library page, skill pages and the materials API, so all of them
list, filter and count exactly the same published materials: those the request may see, which
`MaterialLibraryPage.visible_materials(request)` decides (all published materials, or none when
the library is closed to the request).

Facets combine with AND; several values of one facet combine with OR. Each facet value's count is
the number of materials it would show when combined with the *other* active facets (disjunctive
faceting), computed with four GROUP BYs sent as one UNION query, so the number of queries is fixed.
A facet that no other filter narrows reads counts the database keeps (facet_counts.py),
and so does one that only a single skill narrows.
"""

import hashlib
from typing import TypedDict
from urllib.parse import urlencode

from django import forms
from django.core.paginator import Paginator
from django.db.models import (
    Case,
    CharField,
    Count,
    IntegerField,
    Q,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Cast, Coalesce, Concat
from django.db.models.query import EmptyQuerySet
from django.utils.functional import cached_property

from wagtail.search.utils import parse_query_string

from taggit.models import Tag

from courses.models import EditionPage
from lms.core.cache import cached_for_content
from lms.core.search_text import MAX_QUERY_LENGTH, MAX_QUERY_WORDS
from skills.models import SkillArea

from .facet_counts import MaterialFacetCount, SkillFacetCount
from .material import LANGUAGES, Material, MaterialSkill, MaterialTag

# Wagtail search ranks every match; past this many, further matches add nothing a person reads.
MAX_SEARCH_RESULTS = 500
PER_PAGE = 24
# What a material's card shows: its other fields cost time to load and nothing reads them.
CARD_FIELDS = ("id", "slug", "title", "kind", "description", "edition_id", "language")
MAX_PAGE = 10_000

FACETS = ("skill", "tag", "edition", "kind", "language")
# Facets that are a column of the material itself, and that column.
COLUMN_FACETS = {"edition": "edition_id", "kind": "kind", "language": "language"}
COLUMN_SEPARATOR = "|"
SORTS = [("relevance", "Relevance"), ("newest", "Newest"), ("title", "Title (A–Z)")]
# The order parameters appear in URLs, so that one state has one URL.
URL_PARAMS = ("q", *FACETS, "sort")


def searched_words(text):
    """The words of the text that are searched: the first MAX_QUERY_WORDS."""
    return text.split()[:MAX_QUERY_WORDS]


def ignores_words(text):
    """Whether the text has words beyond those searched, for the note that says so."""
    return len(text.split()) > MAX_QUERY_WORDS


def search_terms(text):
    """The text's searched words as a Wagtail query: "quoted words" become a phrase, and no stray
    quote reaches the backend's own query language (SQLite's full-text MATCH rejects an
    unbalanced one, which a phrase cut short would leave)."""
    return parse_query_string(" ".join(searched_words(text)))[1]


def autocomplete_terms(text):
    """Autocomplete takes plain words only, so quotes become spaces; only the searched words."""
    return " ".join(searched_words(text.replace('"', " ")))


def shows_nothing(materials):
    """Whether `materials` is `Material.objects.none()`: the request may see no material, so there
    is nothing to search or count, and the stored counts (of every published material) must not
    show through."""
    return isinstance(materials, EmptyQuerySet)


class Vocabulary:
    """The facet values the request may see: the taxonomy, public editions, and the tags of
    `materials`, the published materials it may see (none: no tag, not even its name)."""

    def __init__(self, materials):
        self.materials = materials
        self.areas = SkillArea.taxonomy()
        self.skills = [skill for area in self.areas for skill in area.skill_list]

    # Read only by what needs them: site search validates a skill and no more.

    @cached_property
    def editions(self):
        # Only what facets and cards show: a page's many other fields cost time to load.
        fields = ("id", "slug", "title", "number")
        return list(EditionPage.objects.live().public().only(*fields).order_by("number"))

    @cached_property
    def tags(self):
        if shows_nothing(self.materials):
            return []
        published_tags = MaterialFacetCount.objects.filter(facet="tag", count__gt=0)
        return list(
            Tag.objects.annotate(key=Cast("pk", CharField()))
            .filter(key__in=published_tags.values("value"))
            .order_by("name")
        )

    @cached_property
    def skill_ids_by_slug(self):
        """Each skill slug and each area slug, with the ids of the skills it stands for."""
        ids = {skill.slug: [skill.pk] for skill in self.skills}
        for area in self.areas:
            ids[area.slug] = [skill.pk for skill in area.skill_list]
        return ids

    @cached_property
    def edition_ids_by_slug(self):
        return {edition.slug: edition.pk for edition in self.editions}

    def choices(self, facet):
        if facet == "skill":
            return [(slug, slug) for slug in self.skill_ids_by_slug]
        if facet == "tag":
            return [(tag.slug, tag.name) for tag in self.tags]
        if facet == "edition":
            return [(edition.slug, edition.title) for edition in self.editions]
        if facet == "kind":
            return Material.Kind.choices
        return LANGUAGES


class FacetField(forms.MultipleChoiceField):
    """Values of one facet, each of which must be one of `values`. The form is never shown, so
    the values need no labels: giving the fields their choices normalised a few hundred of them
    on every request, which cost more than validating the rest of the form."""

    def __init__(self):
        super().__init__(required=False)
        self.values = frozenset()

    def valid_value(self, value):
        return value in self.values


class MaterialFilterForm(forms.Form):
    """The library's URL parameters; anything else a URL carries is ignored."""

    q = forms.CharField(required=False, max_length=MAX_QUERY_LENGTH, label="Search materials")
    skill = FacetField()
    tag = FacetField()
    edition = FacetField()
    kind = FacetField()
    language = FacetField()
    sort = forms.ChoiceField(required=False, choices=SORTS)
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)

    def __init__(self, data, vocabulary, **kwargs):
        super().__init__(data, **kwargs)
        for facet in FACETS:
            self.fields[facet].values = {value for value, _ in vocabulary.choices(facet)}

    def error_text(self):
        """Every problem in one sentence per parameter, for a 400 response."""
        return " ".join(
            f"{name}: {' '.join(messages)}" for name, messages in self.errors.items()
        ).strip()


class InvalidFilters(ValueError):
    """The URL's parameters do not describe a library state; the message says why."""


# Facets are dicts: a template looks a name up as a key before trying an attribute, and the
# library shows a hundred values, each read several times.


class FacetValue(TypedDict):
    value: str
    label: str
    count: int
    selected: bool
    url: str
    children: list  # A skill area's skills.


class Facet(TypedDict):
    name: str
    label: str
    values: list[FacetValue]


class MaterialQuery:
    """Published materials narrowed by validated filters, with results, pages and facet counts."""

    max_words = MAX_QUERY_WORDS

    def __init__(self, data, materials, vocabulary=None, fixed=None):
        """`data` is a QueryDict-like mapping; `materials` the published materials the request
        may see (`MaterialLibraryPage.visible_materials`): all of them or none, since the stored
        counts are of all of them; `fixed` pins facets (e.g. a skill page's skill)."""
        self.materials = materials
        self.vocabulary = vocabulary or Vocabulary(materials)
        data = data.copy()
        for name, values in (fixed or {}).items():
            data.setlist(name, values)
        self.form = MaterialFilterForm(data, vocabulary=self.vocabulary)
        if not self.form.is_valid():
            raise InvalidFilters(self.form.error_text())
        cleaned = self.form.cleaned_data
        self.text = cleaned["q"].strip()
        # A repeated value (?kind=slides&kind=slides) means the same as one.
        self.filters = {facet: list(dict.fromkeys(cleaned[facet])) for facet in FACETS}
        self.sort = cleaned["sort"] or ("relevance" if self.text else "newest")
        self.page_number = cleaned["page"] or 1

    @property
    def words_ignored(self):
        """Whether the text has more words than are searched, for the note that says so."""
        return ignores_words(self.text)

    # Filtering

    @cached_property
    def search_ids(self):
        """Ids of published materials matching the text query, best match first."""
        results = self.materials.search(search_terms(self.text))
        results = results[:MAX_SEARCH_RESULTS]
        return [material.pk for material in results]

    def _base(self):
        materials = self.materials
        if self.text:
            materials = materials.filter(pk__in=self.search_ids)
        return materials

    def _facet_condition(self, facet, values):
        if facet == "skill":
            skill_ids = {pk for slug in values for pk in self.vocabulary.skill_ids_by_slug[slug]}
            tagged = MaterialSkill.objects.filter(tag_id__in=skill_ids)
            return Q(pk__in=tagged.values("content_object_id"))
        if facet == "tag":
            tagged = MaterialTag.objects.filter(tag__slug__in=values)
            return Q(pk__in=tagged.values("content_object_id"))
        if facet == "edition":
            return Q(edition_id__in=[self.vocabulary.edition_ids_by_slug[v] for v in values])
        return Q(**{f"{facet}__in": values})

    def matching(self, *except_facets):
        """Materials matching the text and every active facet but `except_facets`."""
        materials = self._base()
        for facet, values in self.filters.items():
            if values and facet not in except_facets:
                materials = materials.filter(self._facet_condition(facet, values))
        return materials

    def results(self):
        """The matching materials in the chosen order, to serialise once `describe`d."""
        return self._ordered(self.matching().select_related("document"))

    def _ordered(self, materials):
        if self.sort == "relevance" and self.text:
            rank = Case(
                *(When(pk=pk, then=Value(i)) for i, pk in enumerate(self.search_ids)),
                output_field=IntegerField(),
            )
            return materials.order_by(rank, "title")
        if self.sort == "title":
            return materials.order_by("title", "pk")
        return materials.order_by("-date", "title", "pk")

    def page(self, per_page=PER_PAGE, count=None):
        """One page of results to render as cards, `describe`d; a page past the end shows the
        last page.

        A page costs a count, its rows and one look-up of their skills. A caller that has the
        facet counts passes `count=self.total()`; otherwise the stored counts give it where they
        can, and the paginator counts only what they cannot.
        """
        paginator = Paginator(self._ordered(self.matching().only(*CARD_FIELDS)), per_page)
        if count is None:
            count = self._stored_total()
        if count is not None:
            paginator.count = count
        page = paginator.get_page(self.page_number)
        page.object_list = self.describe(page.object_list)
        return page

    def describe(self, materials, tags=False):
        """The materials, each with its public edition (or None), the labels of its kind and
        language (`kind_label`, `language_label`) and its `skill_list` in the taxonomy's order;
        with `tags`, also its `tag_names` in the order they were given.

        Editions and skills come from the vocabulary already loaded, so this costs one look-up of
        the materials' skills, and one of their tags: taggit's prefetching builds a queryset per
        material. Labels come from one mapping each: Django's `get_kind_display()` builds its
        mapping again on every call.
        """
        materials = list(materials)
        editions = {edition.pk: edition for edition in self.vocabulary.editions}
        skills = {skill.pk: skill for skill in self.vocabulary.skills}
        skill_ids = {material.pk: [] for material in materials}
        for material_id, skill_id in MaterialSkill.objects.filter(
            content_object_id__in=skill_ids
        ).values_list("content_object_id", "tag_id"):
            skill_ids[material_id].append(skill_id)
        order = {skill.pk: i for i, skill in enumerate(self.vocabulary.skills)}
        kinds, languages = dict(Material.Kind.choices), dict(LANGUAGES)
        for material in materials:
            material.edition = editions.get(material.edition_id)
            material.kind_label = kinds.get(material.kind, material.kind)
            material.language_label = languages.get(material.language, material.language)
            material.skill_list = [
                skills[pk] for pk in sorted(skill_ids[material.pk], key=order.get)
            ]
        if tags:
            tag_names = {material.pk: [] for material in materials}
            for material_id, name in (
                MaterialTag.objects.filter(content_object_id__in=tag_names)
                .order_by("pk")
                .values_list("content_object_id", "tag__name")
            ):
                tag_names[material_id].append(name)
            for material in materials:
                material.tag_names = tag_names[material.pk]
        return materials

    # Facet counts

    @cached_property
    def _facet_counts(self):
        if shows_nothing(self.materials):
            return self._no_counts()
        return cached_for_content(self._counts_key(), self._counts)

    @staticmethod
    def _no_counts():
        """The counts when the request may see no material: none, without asking the database."""
        return {
            "tagged": {"skill": {}, "area": {}, "tag": {}},
            "columns": {facet: {} for facet in COLUMN_FACETS},
            "total": 0,
        }

    def total(self):
        """How many materials match, read from the facet counts: the materials grouped by their
        edition, kind and language that every active column facet allows."""
        return self._facet_counts["total"]

    def _counts(self):
        """Every facet's counts from one UNION: skills, skill areas and tags over the tagging
        tables, and the facets that are columns of a material over materials. A part that no
        other active filter or text narrows reads the counts of all published materials, which
        the database keeps (MaterialFacetCount), instead of grouping every material again."""
        # A material has a skill once (unique in the database), so skills need no COUNT(DISTINCT);
        # an area may be shared by several of a material's skills, and free tags are not unique.
        tagged = (
            ("skill", "skill", MaterialSkill, "tag_id", False),
            ("area", "skill", MaterialSkill, "tag__area_id", True),
            ("tag", "tag", MaterialTag, "tag_id", True),
        )
        skill = self._single_skill()
        # The groups read from the stored counts of all materials, and of the one skill's.
        stored, stored_for_skill, parts = [], [], []
        for group, facet, through, column, distinct in tagged:
            if self._unfiltered(facet):
                stored.append(group)
            elif facet == "tag" and skill and self._unfiltered("skill", "tag"):
                stored_for_skill.append(group)
            else:
                parts.append(
                    through.objects.filter(content_object_id__in=self.matching(facet).values("pk"))
                    .order_by()
                    .values(column)
                    .annotate(
                        group=Value(group),
                        key=Cast(column, CharField()),
                        n=Count("content_object_id", distinct=distinct),
                    )
                    .values_list("group", "key", "n")
                )
        if self._unfiltered(*COLUMN_FACETS):
            stored.append("columns")
        elif skill and self._unfiltered("skill", *COLUMN_FACETS):
            stored_for_skill.append("columns")
        else:
            parts.append(self._grouped_columns())
        # Each table's stored groups in one part: a part costs more to build than to run.
        if stored:
            parts.append(self._stored_counts(stored))
        if stored_for_skill:
            parts.append(self._stored_skill_counts(skill, stored_for_skill))
        counts = {group: {} for group, *_ in tagged}
        column_rows = []
        rows = parts[0].union(*parts[1:], all=True) if len(parts) > 1 else parts[0]
        for group, key, n in rows:
            if group == "columns":
                edition, kind, language = key.split(COLUMN_SEPARATOR)
                column_rows.append((int(edition) if edition else None, kind, language, n))
            else:
                counts[group][key] = n
        columns, total = self._column_counts(column_rows)
        return {"tagged": counts, "columns": columns, "total": total}

    def _unfiltered(self, *except_facets):
        """Whether `matching(*except_facets)` is every published material."""
        return not self.text and not any(
            values for facet, values in self.filters.items() if facet not in except_facets
        )

    def _stored_total(self):
        """How many materials match, if the stored counts say: with no filter or one skill alone."""
        if shows_nothing(self.materials):
            return 0
        skill = self._single_skill()
        if self._unfiltered():
            groups = MaterialFacetCount.objects.filter(facet="columns")
        elif skill and self._unfiltered("skill"):
            groups = SkillFacetCount.objects.filter(skill_id=skill, facet="columns")
        else:
            return None
        return groups.aggregate(total=Coalesce(Sum("count"), 0))["total"]

    def _single_skill(self):
        """The id of the one skill filtered by, if one skill (or an area of one) is."""
        slugs = self.filters["skill"]
        ids = self.vocabulary.skill_ids_by_slug[slugs[0]] if len(slugs) == 1 else []
        return ids[0] if len(ids) == 1 else None

    @staticmethod
    def _stored_skill_counts(skill, groups):
        """What `_stored_counts(groups)` gives, for the published materials of one skill."""
        return (
            SkillFacetCount.objects.filter(skill_id=skill, facet__in=groups, count__gt=0)
            .order_by()
            .values_list("facet", "value", "count")
        )

    @staticmethod
    def _stored_counts(groups):
        return (
            MaterialFacetCount.objects.filter(facet__in=groups, count__gt=0)
            .order_by()
            .values_list("facet", "value", "count")
        )

    def _grouped_columns(self):
        """Matching materials grouped by edition, kind and language together."""
        columns = list(COLUMN_FACETS.values())
        return (
            self.matching(*COLUMN_FACETS)
            .order_by()
            .values(*columns)
            .annotate(
                group=Value("columns"),
                key=Concat(
                    Cast("edition_id", CharField()),
                    Value(COLUMN_SEPARATOR),
                    "kind",
                    Value(COLUMN_SEPARATOR),
                    "language",
                    output_field=CharField(),
                ),
                n=Count("pk"),
            )
            .values_list("group", "key", "n")
        )

    def _counts_key(self):
        """One key per text and set of filters, whatever their order or the sort."""
        state = [(name, value) for name, value in sorted(self.params(sort=[]))]
        return "facets:" + hashlib.sha256(urlencode(state).encode()).hexdigest()

    def _column_counts(self, rows):
        """{facet: {value: materials}} for the facets that are columns of a material, from its
        rows grouped by all of them: each facet adds up the groups the other active facets allow;
        and the number of materials in the groups that all of them allow."""
        allowed = {
            facet: {self._column_key(facet, value) for value in self.filters[facet]}
            for facet in COLUMN_FACETS
            if self.filters[facet]
        }
        counts = {facet: {} for facet in COLUMN_FACETS}
        total = 0
        for *keys, n in rows:
            row = dict(zip(COLUMN_FACETS, keys, strict=True))
            refused = [facet for facet in allowed if row[facet] not in allowed[facet]]
            if not refused:
                total += n
            # A facet counts the group when no other facet refuses it.
            for facet in refused or COLUMN_FACETS:
                if len(refused) <= 1:
                    counts[facet][row[facet]] = counts[facet].get(row[facet], 0) + n
        return counts, total

    def _column_key(self, facet, value):
        return self.vocabulary.edition_ids_by_slug[value] if facet == "edition" else value

    def facets(self):
        """Every facet with its values, counts and the URL that toggles each value."""
        counts = self._facet_counts
        tagged = counts["tagged"]
        skill_facet = Facet(name="skill", label="Skill", values=[])
        for area in self.vocabulary.areas:
            count = tagged["area"].get(str(area.pk), 0)
            area_value = self._value("skill", area.slug, area.name, count)
            area_value["children"] = [
                self._value("skill", skill.slug, skill.name, tagged["skill"].get(str(skill.pk), 0))
                for skill in area.skill_list
            ]
            skill_facet["values"].append(area_value)
        facets = [skill_facet]
        counts = {"tag": tagged["tag"], **counts["columns"]}
        for facet, label in (
            ("tag", "Tag"),
            ("edition", "Edition"),
            ("kind", "Kind"),
            ("language", "Language"),
        ):
            values = [
                self._value(facet, value, name, counts[facet].get(key, 0))
                for value, name, key in self._options(facet)
            ]
            facets.append(Facet(name=facet, label=label, values=values))
        return facets

    def _options(self, facet):
        """(URL value, label, key of its count) for each value of a plain facet."""
        if facet == "tag":
            return [(tag.slug, tag.name, str(tag.pk)) for tag in self.vocabulary.tags]
        if facet == "edition":
            return [(e.slug, e.title, e.pk) for e in self.vocabulary.editions]
        return [(value, name, value) for value, name in self.vocabulary.choices(facet)]

    # URLs

    def params(self, **changes):
        """The current state as (name, value) pairs in a fixed order, with `changes` applied."""
        state = {"q": [self.text] if self.text else [], **self.filters}
        state["sort"] = [self.form.cleaned_data["sort"]] if self.form.cleaned_data["sort"] else []
        state.update(changes)
        return [(name, value) for name in URL_PARAMS for value in state.get(name, [])]

    def querystring(self, **changes):
        params = self.params(**changes)
        return "?" + urlencode(params) if params else "?"

    def sort_options(self):
        """(label, URL, selected) for each order; relevance only makes sense with a text query."""
        return [
            (label, self.querystring(sort=[value]), value == self.sort)
            for value, label in SORTS
            if value != "relevance" or self.text
        ]

    def _value(self, facet, value, label, count):
        selected = value in self.filters[facet]
        values = [v for v in self.filters[facet] if v != value]
        if not selected:
            values.append(value)
        url = self.querystring(**{facet: values})
        return FacetValue(
            value=value, label=label, count=count, selected=selected, url=url, children=[]
        )

    @cached_property
    def active_filters(self):
        """(label, URL without it) for each active facet value, to show and remove them."""
        names = {facet: dict(self.vocabulary.choices(facet)) for facet in FACETS}
        names["skill"] = {item.slug: item.name for item in self.vocabulary.skills}
        names["skill"].update({area.slug: area.name for area in self.vocabulary.areas})
        return [
            (names[facet][value], self._value(facet, value, "", 0)["url"])
            for facet, values in self.filters.items()
            for value in values
        ]
