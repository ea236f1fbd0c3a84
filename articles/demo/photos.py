"""
Demo images drawn with Pillow: nothing is downloaded, and the same input always
gives the same bytes (colours and shapes come from a hash of the slug, not from
a random generator).
"""

import colorsys
import hashlib
import io
import itertools
import math

from PIL import Image, ImageDraw, ImageFilter, ImageFont

PORTRAIT_SIZE = 400
HERO_SIZE = (1600, 900)


def numbers(seed):
    """An endless, reproducible stream of floats in [0, 1) derived from `seed`."""
    for counter in itertools.count():
        digest = hashlib.sha256(f"{seed}:{counter}".encode()).digest()
        for offset in range(0, len(digest), 4):
            yield int.from_bytes(digest[offset : offset + 4], "big") / 2**32


def rgb(hue, lightness, saturation):
    red, green, blue = colorsys.hls_to_rgb(hue % 1.0, lightness, saturation)
    return round(red * 255), round(green * 255), round(blue * 255)


def font(size):
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, ImportError):  # Pillow < 10.1, or built without FreeType
        return ImageFont.load_default()


def initials(name):
    words = [word for word in name.replace("-", " ").split() if word[:1].isalpha()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][0].upper()
    return (words[0][0] + words[-1][0]).upper()


def jpeg(image, quality=86):
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=quality, optimize=True)
    return buffer.getvalue()


def portrait(slug, name):
    """A 400×400 JPEG avatar: a head-and-shoulders silhouette and the initials."""
    size = PORTRAIT_SIZE
    stream = numbers(f"portrait:{slug}")
    hue = next(stream)
    background = rgb(hue, 0.36, 0.45)
    image = Image.new("RGB", (size, size), background)
    draw = ImageDraw.Draw(image)

    # A soft lighter disc behind the figure, like studio lighting.
    glow = Image.new("L", (size, size), 0)
    ImageDraw.Draw(glow).ellipse((40, 10, size - 40, size - 70), fill=110)
    glow = glow.filter(ImageFilter.GaussianBlur(60))
    image.paste(rgb(hue, 0.52, 0.40), mask=glow)

    figure = rgb(hue + 0.02, 0.24, 0.35)
    draw.ellipse((130, 70, 270, 215), fill=figure)  # head
    draw.ellipse((55, 225, 345, 520), fill=figure)  # shoulders
    draw.rectangle((178, 200, 222, 250), fill=figure)  # neck

    text = initials(name)
    label_font = font(96)
    draw.text(
        (size / 2, 318),
        text,
        font=label_font,
        fill=(255, 255, 255),
        anchor="mm",
        stroke_width=2,
        stroke_fill=rgb(hue, 0.18, 0.35),
    )
    return jpeg(image)


def hero(slug):
    """A 1600×900 JPEG: an abstract map, with coastlines, a graticule and routes."""
    width, height = HERO_SIZE
    stream = numbers(f"hero:{slug}")
    hue = 0.55 + next(stream) * 0.08
    image = Image.new("RGB", HERO_SIZE, rgb(hue, 0.30, 0.38))
    draw = ImageDraw.Draw(image)

    grid = rgb(hue, 0.36, 0.30)
    for x in range(0, width, 100):
        draw.line((x, 0, x, height), fill=grid, width=1)
    for y in range(0, height, 100):
        draw.line((0, y, width, y), fill=grid, width=1)

    land = Image.new("L", HERO_SIZE, 0)
    land_draw = ImageDraw.Draw(land)
    centres = [(250, 260), (760, 180), (1320, 330), (520, 700), (1130, 720)]
    for centre_x, centre_y in centres:
        points = []
        corners = 14
        radius = 150 + next(stream) * 140
        for corner in range(corners):
            angle = 2 * math.pi * corner / corners
            reach = radius * (0.65 + 0.5 * next(stream))
            points.append(
                (centre_x + reach * math.cos(angle) * 1.3, centre_y + reach * math.sin(angle) * 0.9)
            )
        land_draw.polygon(points, fill=255)
    land = land.filter(ImageFilter.GaussianBlur(10)).point(lambda value: 255 if value > 128 else 0)
    image.paste(rgb(hue - 0.45, 0.62, 0.22), mask=land)
    draw = ImageDraw.Draw(image)

    cities = sorted(
        (int(120 + next(stream) * (width - 240)), int(100 + next(stream) * (height - 200)))
        for _ in range(8)
    )
    route = rgb(0.08, 0.62, 0.85)
    for start, end in itertools.pairwise(cities):
        draw.line((*start, *end), fill=route, width=4)
    for x, y in cities:
        draw.ellipse((x - 11, y - 11, x + 11, y + 11), fill=(255, 255, 255), outline=route, width=4)
    return jpeg(image, quality=82)
