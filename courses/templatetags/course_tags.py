from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def material_url(context, material):
    """The material's page under the library; the library is looked up once per request."""
    return material.get_url(context.get("request"))
