"""Served documents rendered to PDF on demand, deterministically (same document, same bytes).

reportlab is imported when a document is rendered: the demo court is built at every kiosk start, a
document only when a visitor prints one.
"""

from __future__ import annotations

import io


def render_pdf(court_name: str, case_number: str, title: str, body: str, pages: int) -> bytes:
    """An A4 document with the court's heading; ``pages`` pages so print tests see real page counts."""
    from reportlab.lib.pagesizes import A4  # noqa: PLC0415 - see the module's docstring
    from reportlab.lib.units import mm  # noqa: PLC0415

    from kiosk.documents.fonts import CjkCanvas, cjk_font  # noqa: PLC0415

    font = cjk_font()
    out = io.BytesIO()
    canvas = CjkCanvas(out, pagesize=A4, invariant=1)
    canvas.setTitle(f"{case_number} {title}")
    width, height = A4
    for page in range(1, pages + 1):
        canvas.setFont(font, 20)
        canvas.drawCentredString(width / 2, height - 30 * mm, court_name)
        canvas.setFont(font, 18)
        canvas.drawCentredString(width / 2, height - 42 * mm, title)
        canvas.setFont(font, 12)
        canvas.drawRightString(width - 25 * mm, height - 54 * mm, case_number)
        if page == 1:
            canvas.drawString(25 * mm, height - 70 * mm, body)
        canvas.setFont(font, 9)
        canvas.drawCentredString(width / 2, 15 * mm, f"第 {page} 页 / 共 {pages} 页（演示法院，虚构文书）")
        canvas.showPage()
    canvas.save()
    return out.getvalue()
