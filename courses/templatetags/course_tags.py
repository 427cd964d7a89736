from django import template

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
