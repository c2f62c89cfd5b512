"""The bench's order (requisites, points, three annexes) as a DOCX laid out like our PDF:
A4, margins 20/10/20/20 mm, Liberation Serif 14 pt text and 12 pt tables, the same column
proportions, real Word tables. Needs python-docx (pip install python-docx)."""
import json
import sys

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.shared import Mm, Pt

data = json.load(open(sys.argv[1], encoding="utf-8"))
doc = Document()
normal = doc.styles["Normal"]
normal.font.name = "Liberation Serif"
normal.font.size = Pt(14)
normal.paragraph_format.space_after = Pt(0)


def page(section, landscape):
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.top_margin = section.bottom_margin = section.left_margin = Mm(20)
    section.right_margin = Mm(10)
    return (section.page_width - section.left_margin - section.right_margin)


page(doc.sections[0], False)
for line in data["order"]:
    doc.add_paragraph(line)
for annex in data["annexes"]:
    width = page(doc.add_section(), annex["landscape"])
    for line in annex["head"]:
        doc.add_paragraph(line)
    weights = annex["widths"]
    table = doc.add_table(rows=1, cols=len(annex["columns"]))
    table.style = "Table Grid"
    table.autofit = False

    def fill(cells, texts):
        for i, (cell, text) in enumerate(zip(cells, texts)):
            cell.width = int(width * weights[i] / sum(weights))
            cell.text = text
            for p in cell.paragraphs:
                for run in p.runs:
                    run.font.size = Pt(12)

    fill(table.rows[0].cells, annex["columns"])
    for row in annex["rows"]:
        fill(table.add_row().cells, row)
doc.save(sys.argv[2])
