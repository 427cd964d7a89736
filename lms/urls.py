from django.conf import settings
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.api.v3.urls import api
from wagtail.documents import urls as wagtaildocs_urls

from learning import urls as learning_urls
from lms.accounts import urls as accounts_urls
from lms.core.views import healthz
from search import urls as search_urls

# A database that has gone away answers 503 (retry shortly) rather than 500.
handler500 = "lms.core.views.server_error"

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v3/", api.urls),
    path("accounts/", include(accounts_urls)),
    path("", include(learning_urls)),
    path("", include(search_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail serves every other URL from the page tree; it must come last.
urlpatterns += [path("", include(wagtail_urls))]
