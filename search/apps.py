from django.apps import AppConfig


class SearchConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "search"
    # "search" alone would read as Wagtail's own search app in the admin and in permissions.
    label = "site_search"
    verbose_name = "Site search"

    def ready(self):
        # Wagtail's own apps add their routers to the v3 API here, before its URLs are built.
        from search.api import register

        register()
