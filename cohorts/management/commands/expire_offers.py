from django.core.management.base import BaseCommand

from cohorts.applications import expire_due_offers


class Command(BaseCommand):
    help = (
        "Withdraw every seat offer past its deadline and offer the seat to the next person on the "
        "waiting list. Each offer's own task does this on time; run this (from cron, say) so that "
        "no offer depends on its task alone."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{expire_due_offers()} offers expired.")
