from django.apps import AppConfig


class MaterialsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "materials"
    verbose_name = "Materials"

    def ready(self):
        # Wagtail's own apps add their routers to the v3 API here, before its URLs are built.
        from materials.api import register

        register()
