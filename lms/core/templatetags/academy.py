from django import template

register = template.Library()


@register.filter
def duration(minutes):
    """75 -> "1 h 15 min"; 40 -> "40 min"."""
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h {rest} min" if rest else f"{hours} h"


def ancestors_below_root(page):
    """The page's ancestors from the site root down, each by treebeard's get_parent(), which keeps
    the parent it found: a parent the page's context already asked for is not read again."""
    ancestors, node = [], page
    while node.depth > 2:
        node = node.get_parent()
        ancestors.append(node)
    return ancestors[::-1]


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page, current_title=None):
    """The page's ancestors below the site root, then the page (or a sub-page title)."""
    ancestors = ancestors_below_root(page) if page else []
    if current_title:
        ancestors.append(page)
    return {
        "request": context.get("request"),
        "ancestors": ancestors,
        "current_title": current_title or (page.title if page else ""),
    }
