"""
The policy note's full report, a PDF made with WeasyPrint from the demo's invented
data (articles/demo/charts.py): a title, a summary and the tables behind the charts.
"""

import functools

from django.utils.html import escape
from weasyprint import HTML

from articles.demo import policy_note
from articles.demo.charts import REVENUE, TRANSITS

# The document's title, by the language of the article it is attached to.
TITLES = {
    "en": "The full report: Red Sea shipping, 2023–2025",
    "ar": "التقرير الكامل: الملاحة في البحر الأحمر، ٢٠٢٣–٢٠٢٥",
}
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

STYLE = """
@page { size: A4; margin: 20mm; @bottom-center { content: counter(page); font-size: 9pt; } }
body { font-family: serif; font-size: 11pt; line-height: 1.4; }
h1 { font-size: 20pt; } h2 { font-size: 14pt; margin-top: 10mm; }
table { border-collapse: collapse; width: 100%; } th, td { border: 1px solid #999;
padding: 2pt 4pt; text-align: right; } th:first-child, td:first-child { text-align: left; }
"""


def _rows(cells):
    return "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in cells
    )


@functools.cache  # the same bytes every time: made once a process
def full_report():
    """The report's PDF bytes."""
    years = range(2022, 2022 + (len(TRANSITS) + 11) // 12)
    monthly = [
        [str(year)] + [f"{value:,}" for value in TRANSITS[index * 12 : index * 12 + 12]]
        for index, year in enumerate(years)
    ]
    html = f"""<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{escape(TITLES["en"])}</title><style>{STYLE}</style></head><body>
<h1>{escape(TITLES["en"])}</h1>
<p>{escape(policy_note.SUMMARY)}</p>
<p>This report gives the data behind the policy note “{escape(policy_note.TITLE)}”.
Its figures are invented for the demonstration site of the Thinktank CMS.</p>
<h2>Suez Canal transits per month</h2>
<table><thead><tr><th>Year</th>{"".join(f"<th>{month}</th>" for month in MONTHS)}</tr>
</thead><tbody>{_rows(monthly)}</tbody></table>
<h2>Suez Canal revenue by fiscal year</h2>
<table><thead><tr><th>Fiscal year</th><th>Revenue, $ billion</th></tr></thead>
<tbody>{_rows([[year, f"{value:.1f}"] for year, value in REVENUE])}</tbody></table>
<h2>Method</h2>
<p>Transits are counted from published daily figures for all vessel types; revenue is
the Suez Canal Authority's reported total for each fiscal year ending in June.</p>
</body></html>"""
    return HTML(string=html).write_pdf()
