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


def _ancestors_below_root(page):
    """The page's ancestors from the site root down. Routing leaves each page's parent on it, so a
    routed page needs no query; anything else (a preview, say) reads them."""
    chain, node = [], page
    while (parent := getattr(node, "_cached_parent_obj", None)) is not None and parent.depth > 1:
        chain.append(parent)
        node = parent
    if node.depth == 2:
        return chain[::-1]
    return list(page.get_ancestors().filter(depth__gt=1))


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page, current_title=None):
    """The page's ancestors below the site root, then the page (or a sub-page title)."""
    ancestors = _ancestors_below_root(page) if page else []
    if current_title:
        ancestors.append(page)
    return {
        "request": context.get("request"),
        "ancestors": ancestors,
        "current_title": current_title or (page.title if page else ""),
    }
