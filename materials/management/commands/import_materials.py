"""Import materials from a CSV file as drafts; one bad row and nothing is imported."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from materials.importing import MaterialImport


class Command(BaseCommand):
    help = "Import materials (title, kind, edition, skills, tags, url) from a CSV file as drafts."

    def add_arguments(self, parser):
        parser.add_argument("csv_file", type=Path)

    def handle(self, csv_file, **options):
        try:
            text = csv_file.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as error:
            raise CommandError(f"Cannot read {csv_file}: {error}") from error
        result = MaterialImport(text).save()
        if result.errors:
            for error in result.errors:
                self.stderr.write(str(error))
            raise CommandError("Nothing was imported: fix the rows above and run it again.")
        self.stdout.write(f"Imported {len(result.created)} materials as drafts.")
