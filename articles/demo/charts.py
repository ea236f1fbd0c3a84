"""
The policy note's figures, drawn with Pillow from the demo's invented data: a line
chart, a bar chart and a schematic map. Same input, same bytes; labels are figures and
Latin letters only, which the default font draws in every language version.
"""

import io

from PIL import Image, ImageDraw

from articles.demo.photos import font

CHART_SIZE = (1600, 900)
INK = (34, 40, 49)
GRID = (214, 219, 226)
ACCENT = (176, 58, 46)
SECOND = (31, 94, 140)
PAPER = (255, 255, 255)

# Monthly transits, January 2022 to March 2025 (invented).
TRANSITS = [
    2050, 2010, 2120, 2080, 2140, 2100, 2160, 2130, 2090, 2150, 2110, 2080,  # 2022
    2120, 2070, 2150, 2110, 2170, 2130, 2180, 2140, 2100, 2160, 2050, 1890,  # 2023
    1420, 1230, 1150, 1170, 1190, 1210, 1180, 1200, 1220, 1190, 1170, 1210,  # 2024
    1230, 1200, 1240,  # 2025
]  # fmt: skip
# Revenue by fiscal year, billions of dollars (invented).
REVENUE = [("2021-22", 6.3), ("2022-23", 7.0), ("2023-24", 7.2), ("2024-25", 4.0)]


def png(image):
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def _frame(draw, box, maximum, step, label):
    """Axes with horizontal grid lines every `step` up to `maximum`, inside `box`."""
    left, top, right, bottom = box
    small = font(26)
    for value in range(0, int(maximum) + 1, step):
        y = bottom - (bottom - top) * value / maximum
        draw.line((left, y, right, y), fill=GRID, width=2)
        draw.text((left - 16, y), f"{value:,}", font=small, fill=INK, anchor="rm")
    draw.line((left, top, left, bottom), fill=INK, width=3)
    draw.line((left, bottom, right, bottom), fill=INK, width=3)
    draw.text((left, top - 40), label, font=font(30), fill=INK, anchor="ls")


def line_chart():
    """Monthly transits as a line, the months of 2024 onward in the accent colour."""
    image = Image.new("RGB", CHART_SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    box = (150, 110, 1540, 780)
    left, top, right, bottom = box
    _frame(draw, box, 2500, 500, "Transits per month")
    step = (right - left) / (len(TRANSITS) - 1)
    points = [
        (left + index * step, bottom - (bottom - top) * value / 2500)
        for index, value in enumerate(TRANSITS)
    ]
    draw.line(points[:24], fill=SECOND, width=6, joint="curve")
    draw.line(points[23:], fill=ACCENT, width=6, joint="curve")
    for year in range(4):
        x = left + year * 12 * step
        draw.line((x, bottom, x, bottom + 14), fill=INK, width=3)
        draw.text((x + 6 * step, bottom + 44), str(2022 + year), font=font(30), fill=INK,
                  anchor="mm")  # fmt: skip
    return png(image)


def bar_chart():
    """Revenue by fiscal year as bars, the last one in the accent colour."""
    image = Image.new("RGB", CHART_SIZE, PAPER)
    draw = ImageDraw.Draw(image)
    box = (150, 110, 1540, 780)
    left, top, right, bottom = box
    _frame(draw, box, 8, 2, "Revenue, $ billion")
    slot = (right - left) / len(REVENUE)
    for index, (year, value) in enumerate(REVENUE):
        x = left + slot * index + slot * 0.2
        y = bottom - (bottom - top) * value / 8
        colour = ACCENT if index == len(REVENUE) - 1 else SECOND
        draw.rectangle((x, y, x + slot * 0.6, bottom), fill=colour)
        draw.text((x + slot * 0.3, y - 28), f"{value:.1f}", font=font(34), fill=INK, anchor="mm")
        draw.text((x + slot * 0.3, bottom + 44), year, font=font(30), fill=INK, anchor="mm")
    return png(image)


def route_map():
    """Two routes from Singapore to Rotterdam: via Suez, and around the Cape."""
    image = Image.new("RGB", CHART_SIZE, (226, 236, 243))
    draw = ImageDraw.Draw(image)
    land = (203, 196, 178)
    europe = [(500, 50), (900, 70), (950, 300), (860, 318), (560, 318), (505, 230)]
    africa = [(520, 362), (880, 362), (965, 470), (1010, 540), (880, 700), (760, 860),
              (690, 860), (610, 620), (505, 450)]  # fmt: skip
    asia = [(985, 290), (1500, 110), (1580, 430), (1360, 500), (1160, 480), (1065, 410)]
    for shape in (europe, africa, asia):
        draw.polygon(shape, fill=land)
    rotterdam, suez, singapore = (530, 130), (920, 340), (1440, 540)
    atlantic = [rotterdam, (470, 170), (455, 300), (500, 340)]
    suez_route = [*atlantic, (860, 340), suez, (1000, 470), (1060, 540), (1250, 560), singapore]
    cape_route = [*atlantic[:-1], (470, 450), (570, 660), (720, 890), (890, 760), (1060, 620),
                  (1260, 580), singapore]  # fmt: skip
    draw.line(cape_route, fill=SECOND, width=7, joint="curve")
    draw.line(suez_route, fill=ACCENT, width=7, joint="curve")
    places = {"Rotterdam": (rotterdam, "ls"), "Suez": (suez, "ls"), "Singapore": (singapore, "rs")}
    for name, ((x, y), anchor) in places.items():
        draw.ellipse((x - 12, y - 12, x + 12, y + 12), fill=PAPER, outline=INK, width=4)
        side = 20 if anchor == "ls" else -20
        draw.text((x + side, y - 20), name, font=font(32), fill=INK, anchor=anchor)
    draw.text((1060, 720), "Suez: 8,300 nm, 25 days", font=font(36), fill=ACCENT)
    draw.text((1060, 780), "Cape: 11,800 nm, 37 days", font=font(36), fill=SECOND)
    return png(image)


DRAWINGS = {"line": line_chart, "bars": bar_chart, "routes": route_map}
