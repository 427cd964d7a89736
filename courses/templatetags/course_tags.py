import html

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag(takes_context=True)
def material_url(context, material):
    """The material's page under the library; the library is looked up once per request."""
    return material.get_url(context.get("request"))


@register.simple_tag(takes_context=True)
def skill_url(context, skill):
    """The skill's page, reversed once per skill and request: a page of cards repeats skills."""
    request = context.get("request")
    if request is None:
        return skill.get_absolute_url()
    urls = request.__dict__.setdefault("_skill_urls", {})
    if skill.slug not in urls:
        urls[skill.slug] = skill.get_absolute_url()
    return urls[skill.slug]


SELECTED_VALUE = (
    '<li class="facet__value is-selected"><a href="{}" data-facet="{}" data-value="{}" '
    'aria-current="true"><span class="facet__check" aria-hidden="true">☑</span> {}'
    '<span class="visually-hidden"> (selected, choose to remove)</span></a> '
    '<span class="facet__count" data-count>{}</span></li>'
)
SHOWN_VALUE = (
    '<li class="facet__value"><a href="{}" data-facet="{}" data-value="{}">'
    '<span class="facet__check" aria-hidden="true">☐</span> {}</a> '
    '<span class="facet__count" data-count>{}</span></li>'
)
NESTED_VALUES = '<li><ul class="facet__values facet__values--nested">{}</ul></li>'


@register.simple_tag
def facet_values(facet):
    """A facet's values as list items, each linking to the library with it toggled, with an
    area's skills nested under it; values no material has are left out unless selected.

    Built here rather than in a template: the library shows a hundred values, which took the
    template engine over a millisecond, a tenth of the page, and Django's format_html() most of
    one.
    """
    # Safe: every value that goes in is escaped by _facet_items().
    return mark_safe(_facet_items(facet["name"], facet["values"]))  # noqa: S308


def _facet_items(name, values):
    items = []
    for value in values:
        if value["selected"] or value["count"]:
            template = SELECTED_VALUE if value["selected"] else SHOWN_VALUE
            texts = (value["url"], name, value["value"], value["label"])
            items.append(template.format(*map(_escape, texts), int(value["count"])))
        if value["children"]:
            items.append(NESTED_VALUES.format(_facet_items(name, value["children"])))
    return "".join(items)


def _escape(text):
    return html.escape(str(text))
