"""Deterministic photographs of documents on a desk, with the page's true corners.

The simulated camera shows these to the kiosk, and the page-finder tests measure against the
known corners. A scene is drawn from a seeded generator: a printed page (title, text lines,
sometimes a table and a stamp), laid on a cluttered desk under perspective and rotation, lit
unevenly, with sensor noise.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

A4_ASPECT = 297 / 210
_CJK_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
_SC_INDEX = 2  # Simplified Chinese face in the Noto CJK collection
_TITLES = ("民事起诉状", "证据清单", "财产保全申请书", "授权委托书", "答辩状")
_TEXT = ("原告与被告因买卖合同纠纷一案依法向贵院提起诉讼请求判令被告支付货款及利息并承担本案诉讼费用"
         "事实与理由双方于签订合同约定交付货物后付款被告至今未履行付款义务此致人民法院具状人年月日")


@dataclass(frozen=True)
class Scene:
    """A camera frame and the page's corners in it (top-left, top-right, bottom-right, bottom-left)."""

    image: np.ndarray
    corners: np.ndarray  # float32, shape (4, 2); empty (0, 2) when no page lies on the desk


@cache
def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if _CJK_FONT.exists():
        return ImageFont.truetype(str(_CJK_FONT), size, index=_SC_INDEX)
    return ImageFont.load_default(size)


def render_page(rng: np.random.Generator, width: int = 840, *, blank: bool = False) -> np.ndarray:
    """A printed A4 page as a BGR image; ``blank`` leaves the sheet empty."""
    height = round(width * A4_ASPECT)
    tint = rng.integers(236, 252)
    paper = Image.new("RGB", (width, height), (int(tint), int(tint), int(tint - rng.integers(0, 8))))
    if blank:
        return cv2.cvtColor(np.asarray(paper), cv2.COLOR_RGB2BGR)
    draw = ImageDraw.Draw(paper)
    margin = width // 9
    ink = (int(rng.integers(10, 50)),) * 3
    title = _TITLES[int(rng.integers(len(_TITLES)))]
    title_size = width // 18
    draw.text(((width - title_size * len(title)) // 2, margin), title, fill=ink, font=_font(title_size))
    y = margin + title_size * 2
    size = width // 36
    table_at = int(rng.integers(4, 14)) if rng.random() < 0.5 else -1
    line = 0
    while y < height - margin - size:
        if line == table_at:
            y = _table(draw, rng, margin, y, width - 2 * margin, size, ink)
        else:
            chars = int(rng.integers(8, (width - 2 * margin) // size))
            start = int(rng.integers(0, len(_TEXT) - chars))
            indent = 2 * size if rng.random() < 0.2 else 0
            draw.text((margin + indent, y), _TEXT[start:start + chars - indent // size], fill=ink, font=_font(size))
            y += int(size * 1.8)
        line += 1
    if rng.random() < 0.4:
        cx, cy, r = width - margin * 2, height - margin * 2, width // 10
        draw.ellipse((cx - r, cy - r, cx + r, cy + r), outline=(200, 30, 30), width=max(2, width // 200))
    return cv2.cvtColor(np.asarray(paper), cv2.COLOR_RGB2BGR)


def _table(draw: ImageDraw.ImageDraw, rng: np.random.Generator, x: int, y: int, w: int, size: int,
           ink: tuple[int, ...]) -> int:
    rows, cols = int(rng.integers(3, 6)), int(rng.integers(2, 5))
    row_h = int(size * 1.8)
    for r in range(rows + 1):
        draw.line((x, y + r * row_h, x + w, y + r * row_h), fill=ink, width=2)
    for c in range(cols + 1):
        draw.line((x + c * w // cols, y, x + c * w // cols, y + rows * row_h), fill=ink, width=2)
    for r in range(rows):
        for c in range(cols):
            start = int(rng.integers(0, len(_TEXT) - 4))
            draw.text((x + c * w // cols + size // 3, y + r * row_h + size // 3), _TEXT[start:start + 3],
                      fill=ink, font=_font(size))
    return y + rows * row_h + size


def render_desk(rng: np.random.Generator, size: tuple[int, int]) -> np.ndarray:
    """An empty desk: a wood, grey or green surface with objects lying on it."""
    w, h = size
    palettes = ((60, 100, 150), (70, 70, 75), (50, 95, 55), (110, 85, 60))  # BGR: wood, grey, green mat, blue-grey
    base = np.array(palettes[int(rng.integers(len(palettes)))], np.float32) * rng.uniform(0.7, 1.2)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    grain = np.sin(ys / rng.uniform(6, 20) + np.sin(xs / rng.uniform(80, 200)) * 3) * rng.uniform(4, 14)
    desk = np.clip(base[None, None, :] + grain[..., None], 0, 255).astype(np.uint8)
    for _ in range(int(rng.integers(3, 9))):
        _clutter(desk, rng)
    return desk


def _clutter(img: np.ndarray, rng: np.random.Generator) -> None:
    h, w = img.shape[:2]
    kind = int(rng.integers(5))
    cx, cy = int(rng.integers(0, w)), int(rng.integers(0, h))
    angle = float(rng.uniform(0, 180))
    if kind == 0:  # a pen
        _box(img, (cx, cy), (int(rng.integers(120, 260)), int(rng.integers(8, 16))), angle,
             tuple(int(v) for v in rng.integers(0, 200, 3)))
    elif kind == 1:  # a phone
        _box(img, (cx, cy), (int(rng.integers(70, 100)), int(rng.integers(140, 200))), angle, (25, 25, 30))
    elif kind == 2:  # a sticky note
        colours = ((90, 230, 250), (180, 140, 250), (150, 230, 140))
        _box(img, (cx, cy), (int(rng.integers(60, 110)),) * 2, angle, colours[int(rng.integers(3))])
    elif kind == 3:  # a mug seen from above
        r = int(rng.integers(35, 60))
        cv2.circle(img, (cx, cy), r, tuple(int(v) for v in rng.integers(40, 220, 3)), -1, cv2.LINE_AA)
        cv2.circle(img, (cx, cy), r - 8, (30, 45, 60), -1, cv2.LINE_AA)
    else:  # a keyboard edge
        _box(img, (cx, cy), (int(rng.integers(300, 500)), int(rng.integers(90, 140))), angle, (45, 45, 48))


def _box(img: np.ndarray, centre: tuple[int, int], size: tuple[int, int], angle: float,
         colour: tuple[int, ...]) -> None:
    pts = cv2.boxPoints((centre, size, angle)).astype(np.int32)
    cv2.fillConvexPoly(img, pts, colour, cv2.LINE_AA)


def photograph(page: np.ndarray, rng: np.random.Generator, size: tuple[int, int] = (1280, 960), *,
               rotation_deg: float | None = None, keystone: float | None = None) -> Scene:
    """Lay ``page`` on a desk and photograph it from slightly off-axis."""
    w, h = size
    desk = render_desk(rng, size)
    ph, pw = page.shape[:2]
    rotation = float(rng.uniform(-30, 30)) if rotation_deg is None else rotation_deg
    skew = float(rng.uniform(0.0, 0.08)) if keystone is None else keystone
    for _ in range(100):
        scale = rng.uniform(0.55, 0.85) * h / ph
        half = np.array([[-pw, -ph], [pw, -ph], [pw, ph], [-pw, ph]], np.float32) * scale / 2
        theta = np.deg2rad(rotation)
        rot = np.array([[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]], np.float32)
        centre = np.array([w / 2, h / 2], np.float32) + rng.uniform(-0.12, 0.12, 2).astype(np.float32) * (w, h)
        corners = half @ rot.T + centre + rng.uniform(-skew, skew, (4, 2)).astype(np.float32) * ph * scale
        if (corners.min(axis=0) > 12).all() and (corners[:, 0] < w - 12).all() and (corners[:, 1] < h - 12).all():
            break
    else:
        raise ValueError("page does not fit the frame")
    src = np.array([[0, 0], [pw, 0], [pw, ph], [0, ph]], np.float32)
    matrix = cv2.getPerspectiveTransform(src, corners.astype(np.float32))
    warped = cv2.warpPerspective(page, matrix, size, flags=cv2.INTER_AREA)
    mask = cv2.warpPerspective(np.full((ph, pw), 255, np.uint8), matrix, size, flags=cv2.INTER_LINEAR)
    shadow = cv2.GaussianBlur(np.roll(mask, (6, 6), (0, 1)), (0, 0), 8).astype(np.float32) / 255
    scene = desk.astype(np.float32) * (1 - np.float32(0.35) * shadow[..., None])
    alpha = mask.astype(np.float32)[..., None] / np.float32(255)
    scene = scene * (1 - alpha) + warped.astype(np.float32) * alpha
    if rng.random() < 0.25:  # a pen lying across the page's edge
        edge = int(rng.integers(4))
        a, b = corners[edge], corners[(edge + 1) % 4]
        at = a + (b - a) * rng.uniform(0.3, 0.7)
        _box(scene, (int(at[0]), int(at[1])), (int(rng.integers(120, 200)), 10), float(rng.uniform(0, 180)),
             (30, 30, 160))
    scene = _light(scene, rng)
    blurred = cv2.GaussianBlur(scene, (0, 0), rng.uniform(0.5, 1.0))
    noisy = blurred + rng.standard_normal(blurred.shape, dtype=np.float32) * np.float32(rng.uniform(2, 6))
    return Scene(np.clip(noisy, 0, 255).astype(np.uint8), corners.astype(np.float32))


def _light(img: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Uneven light: a tilted gradient, a lamp's hot spot and a soft shadow (the camera arm)."""
    full_h, full_w = img.shape[:2]
    h, w = full_h // 8, full_w // 8  # the light field is smooth: compute it small, then enlarge
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    angle = rng.uniform(0, 2 * np.pi)
    ramp = ((xs - w / 2) * np.cos(angle) + (ys - h / 2) * np.sin(angle)) / max(w, h)
    field = 0.85 + ramp * rng.uniform(0.2, 0.5)
    lx, ly = rng.uniform(0, w), rng.uniform(0, h)
    field += 0.2 * np.exp(-((xs - lx) ** 2 + (ys - ly) ** 2) / (2 * (0.35 * w) ** 2))
    sx, sy = rng.uniform(0, w), rng.uniform(0, h)
    arm = (xs - sx) ** 2 / (2 * (0.08 * w) ** 2) + (ys - sy) ** 2 / (2 * (0.4 * h) ** 2)
    field -= rng.uniform(0.1, 0.3) * np.exp(-arm)
    field = cv2.resize(np.clip(field, 0.35, 1.2).astype(np.float32), (full_w, full_h), interpolation=cv2.INTER_CUBIC)
    return img * field[..., None]


def document_scene(seed: int, size: tuple[int, int] = (1280, 960)) -> Scene:
    """A photographed page of text, the simulated camera's ``document`` scenario."""
    rng = np.random.default_rng(seed)
    return photograph(render_page(rng), rng, size)


def blank_scene(seed: int, size: tuple[int, int] = (1280, 960)) -> Scene:
    """An empty sheet of paper on the desk."""
    rng = np.random.default_rng(seed)
    return photograph(render_page(rng, blank=True), rng, size)


def blurred_scene(seed: int, size: tuple[int, int] = (1280, 960)) -> Scene:
    """A page photographed out of focus (the visitor moved it, or held it too close)."""
    scene = document_scene(seed, size)
    sigma = 3.0 + (seed % 4) * 0.75
    return Scene(cv2.GaussianBlur(scene.image, (0, 0), sigma), scene.corners)


def empty_desk_scene(seed: int, size: tuple[int, int] = (1280, 960)) -> Scene:
    """The desk with nothing laid under the camera."""
    rng = np.random.default_rng(seed)
    desk = _light(render_desk(rng, size).astype(np.float32), rng)
    return Scene(np.clip(desk, 0, 255).astype(np.uint8), np.zeros((0, 2), np.float32))
