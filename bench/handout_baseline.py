"""The baseline for bench_handout.py: a bare ReportLab script that builds a
page comparable to the demo's bilingual handout (the same text, two
columns, the meeting in a box, a QR code, metadata) at one fixed size, with
no workspace, no question bank, no size search and no font check.

    python bench/handout_baseline.py OUT.pdf
"""

from __future__ import annotations

import sys

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.colors import black
from reportlab.lib.pagesizes import LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

SIZE = 10
TEXT = ParagraphStyle("text", fontName="Helvetica", fontSize=SIZE, leading=SIZE * 1.2)
ITEM = ParagraphStyle("item", TEXT, leftIndent=1.9 * SIZE, bulletFontName="Helvetica-Bold")
TITLE = ParagraphStyle("title", TEXT, fontName="Helvetica-Bold", fontSize=17, leading=20)
HEAD = ParagraphStyle("head", TEXT, fontName="Helvetica-Bold", fontSize=12.5, leading=15)
MEETING = (
    ("<b>Alder County Board of Commissioners</b>", "Wednesday, December 9, 2026, 6:30 PM"),
    ("<b>La Junta de Comisionados del Condado de Alder</b>", "Miércoles, 9 de diciembre de 2026, 18:30"),
)
PLACE = [
    "Alder County Courthouse, Room 101, 200 Main Street",
    "Public comment (non-agenda items) · 2 minutes per speaker",
    "<b>To speak:</b> Sign up with the clerk before 6:00 pm, in person or at the kiosk by the door.",
]
QUESTIONS = [
    (
        "Does the Alder County Sheriff's Office have a written policy on ICE administrative warrants, Forms "
        "I-200 and I-205, which are signed by ICE officers rather than a judge, and does it treat them "
        "differently from a judge's warrant?<br/><b>Why it matters:</b> An ICE administrative warrant looks "
        "official, but it is signed by an ICE officer, not by a judge.",
        "¿Tiene la Oficina del Sheriff del Condado de Alder una política escrita sobre las órdenes "
        "administrativas de ICE (formularios I-200 e I-205), que firman agentes de ICE y no un juez, y las "
        "trata de forma distinta a una orden firmada por un juez?<br/><b>Por qué importa:</b> Una orden "
        "administrativa de ICE parece oficial, pero la firma un agente de ICE, no un juez.",
    ),
    (
        "Does Alder County, or the state of Columbia, have any law or written policy that limits local "
        "cooperation with federal immigration enforcement, and how does the Alder County Sheriff's Office "
        "make sure its officers follow it?<br/><b>Why it matters:</b> Some places have laws or policies, "
        "often called sanctuary or welcoming policies, that limit what local police may do for ICE, while "
        "some states require cooperation.",
        "¿Tiene Alder County, o el estado de Columbia, alguna ley o política escrita que limite la "
        "cooperación local con el control migratorio federal, y cómo se asegura la Oficina del Sheriff del "
        "Condado de Alder de que sus agentes la cumplan?<br/><b>Por qué importa:</b> Algunos lugares tienen "
        "leyes o políticas, a menudo llamadas políticas santuario o de bienvenida, que limitan lo que la "
        "policía local puede hacer para ICE, mientras que algunos estados exigen la cooperación.",
    ),
]
WAYS = [
    ("Partner with local immigration advocacy groups.", "Trabaje junto con organizaciones locales que "
     "defienden a los inmigrantes."),
    ("Attend council or agency meetings and testify during public comment, so both the question and the "
     "answer become part of the public record.", "Asista a las reuniones del concejo o de la agencia y hable "
     "durante el tiempo de comentarios del público, para que la pregunta y la respuesta queden en el "
     "registro oficial."),
    ("Submit public records requests for the agreements, policies, logs and emails listed under each "
     "question.", "Presente solicitudes de registros públicos para pedir los acuerdos, las políticas, los "
     "registros y los correos que se indican en cada pregunta."),
    ("Review local budget documents for federal law-enforcement grants and memoranda of understanding "
     "(MOUs) with federal agencies.", "Revise el presupuesto local en busca de subvenciones federales para "
     "la policía y de memorandos de entendimiento (MOU) con agencias federales."),
    ("Submit media inquiries.", "Comuníquese con los medios de comunicación."),
]  # fmt: skip


def row(left, right, style=None) -> Table:  # type: ignore[no-untyped-def]
    width = (LETTER[0] - inch - 16) / 2
    return Table(
        [[left, right]], colWidths=[width, width + 16], style=style or [("VALIGN", (0, 0), (-1, -1), "TOP")]
    )


def main(out: str) -> None:
    qr = QrCodeWidget("https://example.org/alder-rights", barLevel="M")
    x0, y0, x1, y1 = qr.getBounds()
    code = Drawing(72, 72, transform=[72 / (x1 - x0), 0, 0, 72 / (y1 - y0), 0, 0])
    code.add(qr)
    titles = [Paragraph("Questions for the Alder County Sheriff's Office", TITLE),
              Paragraph("Preguntas para la Oficina del Sheriff del Condado de Alder", TITLE)]  # fmt: skip
    story = [
        Paragraph("<b>Alder County Immigrant Rights Network</b>", TEXT),
        Table([[titles, code]], colWidths=[LETTER[0] - inch - 96, 96]),
        Spacer(0, 8),
        row(
            [Paragraph(m, TEXT) for m in MEETING[0]] + [Paragraph(p, TEXT) for p in PLACE],
            [Paragraph(m, TEXT) for m in MEETING[1]] + [Paragraph(p, TEXT) for p in PLACE],
            [("BOX", (0, 0), (-1, -1), 1.25, black), ("VALIGN", (0, 0), (-1, -1), "TOP")],
        ),
        row(Paragraph("Our questions", HEAD), Paragraph("Nuestras preguntas", HEAD)),
    ]
    for n, (en, es) in enumerate(QUESTIONS, 1):
        story.append(row(Paragraph(en, ITEM, bulletText=f"{n}."), Paragraph(es, ITEM, bulletText=f"{n}.")))
    story.append(row(Paragraph("What you can do", HEAD), Paragraph("Qué puede hacer", HEAD)))
    for en, es in WAYS:
        story.append(row(Paragraph(en, ITEM, bulletText="•"), Paragraph(es, ITEM, bulletText="•")))
    story.append(Paragraph("Alder County Immigrant Rights Network · info@example.org · (555) 010-0199", TEXT))
    margins = {side: inch / 2 for side in ("leftMargin", "rightMargin", "topMargin", "bottomMargin")}
    doc = SimpleDocTemplate(
        out,
        pagesize=LETTER,
        title="Questions for the Alder County Sheriff's Office",
        author="Alder County Immigrant Rights Network",
        subject="Questions for public comment",
        lang="en",
        **margins,
    )
    doc.build(story)


if __name__ == "__main__":
    main(sys.argv[1])
