"""The triggers that keep the library's facet counts exact (materials/facet_triggers/), with
every count made once from the materials already there."""

from django.db import migrations

from materials.facet_triggers import material_counts, skill_counts


class Migration(migrations.Migration):
    dependencies = [
        ("materials", "0001_initial"),
        ("skills", "0001_initial"),
        ("taggit", "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx"),
    ]

    operations = [
        migrations.RunPython(material_counts.install, material_counts.uninstall),
        migrations.RunPython(skill_counts.install, skill_counts.uninstall),
    ]
