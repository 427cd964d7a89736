"""The action plan as a PDF, for the participant to print or take to their cluster's board.

Names and plans are written in every European language, so the PDF is set in DejaVu Sans, a
Unicode font kept in coaching/fonts/ (licence beside it): the PDF looks the same on every server,
whatever fonts it has.
"""

from pathlib import Path

from django.utils.formats import date_format

from fpdf import FPDF
from fpdf.fonts import FontFace

from coaching.plans import STATUS_LABELS, number_text

FONT_FOLDER = Path(__file__).resolve().parent / "fonts"
FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}


class PlanPDF(FPDF):
    def __init__(self):
        super().__init__(format="A4")
        self.set_margins(18, 18, 18)
        self.set_auto_page_break(auto=True, margin=18)
        for style, name in FONT_FILES.items():
            self.add_font("DejaVu", style, FONT_FOLDER / name)

    def heading(self, text, size=14):
        self.ln(3)
        self.set_font("DejaVu", "B", size)
        self.multi_cell(0, size * 0.5, str(text or ""), new_x="LMARGIN", new_y="NEXT")
        self.ln(1)

    def paragraph(self, text, size=10, style=""):
        self.set_font("DejaVu", style, size)
        self.multi_cell(0, 5.5, str(text or ""), new_x="LMARGIN", new_y="NEXT")

    def grid(self, headings, rows, widths):
        self.set_font("DejaVu", "", 9)
        with self.table(
            col_widths=widths,
            text_align="LEFT",
            line_height=5,
            padding=1.5,
            headings_style=FontFace(emphasis="BOLD"),
        ) as table:
            for row in [headings, *rows]:
                cells = table.row()
                for value in row:
                    cells.cell(str(value or ""))
        self.ln(2)


def plan_pdf(plan, goals, actions, kpis, comments):
    """The PDF's bytes: the plan's goals, actions, KPIs and notes, and the trainers' comments."""
    pdf = PlanPDF()
    learner = plan.learner.get_full_name() or plan.learner.get_short_name()
    pdf.set_title(f"Strategic action plan: {learner}, {plan.edition.title}")
    pdf.set_author(learner)
    pdf.set_creator("Cluster Booster Academy")
    pdf.add_page()

    pdf.heading("Strategic action plan", size=18)
    pdf.paragraph(f"{learner} · {plan.edition.title}", size=11, style="B")
    saved = date_format(plan.updated_at, "j F Y")
    pdf.paragraph(f"Version {plan.version}, saved on {saved}", size=9)

    pdf.heading("Goals")
    if not goals:
        pdf.paragraph("No goals yet.")
    for number, goal in enumerate(goals, start=1):
        skill = f" (skill: {goal.skill.name})" if goal.skill else ""
        pdf.paragraph(f"{number}. {goal.title}{skill}")

    pdf.heading("Actions")
    if actions:
        pdf.grid(
            ["Action", "Goal", "Who", "Due", "Status"],
            [
                [
                    action.title,
                    action.goal.title if action.goal else "",
                    action.owner,
                    date_format(action.due_on, "j M Y") if action.due_on else "",
                    STATUS_LABELS.get(action.status, action.status),
                ]
                for action in actions
            ],
            widths=(34, 26, 16, 12, 12),
        )
    else:
        pdf.paragraph("No actions yet.")

    pdf.heading("KPIs")
    if kpis:
        pdf.grid(
            ["KPI", "Unit", "Baseline", "Target"],
            [
                [kpi.name, kpi.unit, number_text(kpi.baseline), number_text(kpi.target)]
                for kpi in kpis
            ],
            widths=(46, 18, 18, 18),
        )
    else:
        pdf.paragraph("No KPIs yet.")

    pdf.heading("Notes")
    pdf.paragraph(plan.notes or "No notes.")

    if comments:
        pdf.heading("Trainers' comments")
        for note in comments:
            author = (
                (note.author.get_full_name() or note.author.get_short_name())
                if note.author
                else "A trainer"
            )
            when = date_format(note.created_at, "j M Y")
            pdf.paragraph(f"{note.about} - {author}, {when}", size=9, style="B")
            pdf.paragraph(note.body)
            pdf.ln(1)
    return bytes(pdf.output())
