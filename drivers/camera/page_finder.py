"""Find a sheet of paper in a camera frame and straighten it into an upright A4 page.

Pure functions over numpy images. The page is found twice over, as the largest bright, unsaturated
region and as the largest closed edge contour; each candidate outline is reduced to four corners
and refined by fitting a straight line to each side, so a pen across an edge or a rounded corner
does not pull a corner off. The candidate that best fills its own quadrilateral wins.
"""

from __future__ import annotations

import cv2
import numpy as np

A4_ASPECT = 297 / 210
_WORK_SIZE = 640  # long side, in pixels, at which the outline is searched
_MIN_AREA = 0.08  # a page smaller than this share of the frame is too far away to be read


def find_page(frame: np.ndarray) -> np.ndarray | None:
    """The page's corners in ``frame`` as float32 (4, 2), top-left first and clockwise; None if no page."""
    scale = _WORK_SIZE / max(frame.shape[:2])
    small = cv2.resize(frame, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    paper = _paper_mask(small)
    brightness = cv2.cvtColor(small, cv2.COLOR_BGR2HSV)[..., 2]
    best: tuple[float, np.ndarray] | None = None
    for mask in (paper, _edge_mask(small)):
        found = _quad_from_mask(mask, paper)
        if found is not None and _stands_out(found[1], brightness) and (best is None or found[0] > best[0]):
            best = found
    if best is None:
        return None
    return order_corners(best[1] / scale)


def order_corners(corners: np.ndarray) -> np.ndarray:
    """Clockwise from the corner nearest the frame's top-left, so a page rotated up to ±45° stays upright."""
    pts = np.asarray(corners, np.float32).reshape(4, 2)
    centre = pts.mean(axis=0)
    angles = np.arctan2(pts[:, 1] - centre[1], pts[:, 0] - centre[0])
    pts = pts[np.argsort(angles)]
    first = int(np.argmin(pts.sum(axis=1)))
    return np.roll(pts, -first, axis=0)


def straighten(frame: np.ndarray, corners: np.ndarray, width: int = 1240) -> np.ndarray:
    """Warp the page to an upright A4 rectangle ``width`` pixels wide (1240 px = 150 dpi).

    A page that lies sideways (its top edge the longer one) is turned a quarter so its long side
    stands upright; which way up the text reads is not decided here.
    """
    pts = order_corners(corners)
    top = np.linalg.norm(pts[1] - pts[0]) + np.linalg.norm(pts[2] - pts[3])
    side = np.linalg.norm(pts[3] - pts[0]) + np.linalg.norm(pts[2] - pts[1])
    if top > side:
        pts = np.roll(pts, -1, axis=0)
    height = round(width * A4_ASPECT)
    target = np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(pts, target)
    return cv2.warpPerspective(frame, matrix, (width, height), flags=cv2.INTER_CUBIC, borderMode=cv2.BORDER_REPLICATE)


def _paper_mask(small: np.ndarray) -> np.ndarray:
    """Paper is brighter and less coloured than desks and most things on them."""
    hsv = cv2.cvtColor(small, cv2.COLOR_BGR2HSV)
    whiteness = cv2.addWeighted(hsv[..., 2], 1.0, hsv[..., 1], -2.0, 0)  # saturates at 0
    whiteness = cv2.GaussianBlur(whiteness, (5, 5), 0)
    _, mask = cv2.threshold(whiteness, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    mask = cv2.morphologyEx(mask, cv2.MORPH_CLOSE, np.ones((15, 15), np.uint8))
    return cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((7, 7), np.uint8))


def _edge_mask(small: np.ndarray) -> np.ndarray:
    """Closed outlines from edges, filled, for pages on a light desk where brightness does not separate."""
    gray = cv2.GaussianBlur(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY), (5, 5), 0)
    edges = cv2.Canny(gray, 30, 90)
    edges = cv2.dilate(edges, np.ones((3, 3), np.uint8))
    contours, _ = cv2.findContours(edges, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    mask = np.zeros_like(gray)
    cv2.drawContours(mask, contours, -1, 255, thickness=cv2.FILLED)
    return cv2.morphologyEx(mask, cv2.MORPH_OPEN, np.ones((9, 9), np.uint8))


def _quad_from_mask(mask: np.ndarray, paper: np.ndarray) -> tuple[float, np.ndarray] | None:
    """Score and corners of the largest four-sided region, or None.

    The score favours large quadrilaterals that the region fills and that are mostly paper, so an
    edge outline that swallowed a dark object next to the page loses to the page itself.
    """
    contours, _ = cv2.findContours(mask, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_NONE)
    if not contours:
        return None
    contour = max(contours, key=cv2.contourArea)
    area = cv2.contourArea(contour)
    if area < _MIN_AREA * mask.size:
        return None
    quad = _four_corners(cv2.convexHull(contour))
    if quad is None or not cv2.isContourConvex(quad.astype(np.int32).reshape(-1, 1, 2)):
        return None
    points = contour.reshape(-1, 2).astype(np.float32)
    refined = _fit_sides(points, _fit_sides(points, quad))
    quad_area = cv2.contourArea(refined.reshape(-1, 1, 2))
    if quad_area <= 0 or not _inside(refined, mask.shape, 0.05):
        return None
    fill = area / quad_area
    inside = np.zeros_like(paper)
    cv2.fillConvexPoly(inside, np.round(refined).astype(np.int32), 255)
    coverage = cv2.countNonZero(cv2.bitwise_and(inside, paper)) / max(cv2.countNonZero(inside), 1)
    if not 0.85 < fill < 1.1 or coverage < 0.8:
        return None
    return quad_area * coverage**2 * (1 - abs(1 - fill)), refined


def _stands_out(quad: np.ndarray, brightness: np.ndarray, min_step: float = 20.0) -> bool:
    """True when the region is clearly brighter just inside its outline than just outside.

    A lit patch of a plain grey desk fades into the rest; a sheet of paper has an edge.
    """
    band = max(3, round(0.02 * max(brightness.shape)))
    inside = np.zeros_like(brightness)
    cv2.fillConvexPoly(inside, np.round(quad).astype(np.int32), 255)
    kernel = np.ones((band, band), np.uint8)
    inner_ring = cv2.subtract(inside, cv2.erode(inside, kernel))
    outer_ring = cv2.subtract(cv2.dilate(inside, kernel), inside)
    if not cv2.countNonZero(outer_ring):
        return False
    return cv2.mean(brightness, inner_ring)[0] - cv2.mean(brightness, outer_ring)[0] >= min_step


def _four_corners(hull: np.ndarray) -> np.ndarray | None:
    perimeter = cv2.arcLength(hull, True)
    for share in (0.01, 0.02, 0.03, 0.05, 0.08):
        approx = cv2.approxPolyDP(hull, share * perimeter, True)
        if len(approx) == 4:
            return approx.reshape(4, 2).astype(np.float32)
        if len(approx) < 4:
            return None
    return None


def _fit_sides(points: np.ndarray, quad: np.ndarray) -> np.ndarray:
    """Refit each side as a line through the outline points along its middle, then intersect."""
    lines = []
    for i in range(4):
        a, b = quad[i], quad[(i + 1) % 4]
        direction = b - a
        length = float(np.linalg.norm(direction))
        direction /= length
        normal = np.array([-direction[1], direction[0]], np.float32)
        offsets = points - a
        along = offsets @ direction
        across = np.abs(offsets @ normal)
        near = points[(along > 0.15 * length) & (along < 0.85 * length) & (across < max(3.0, 0.02 * length))]
        if len(near) < 10:
            lines.append((a, direction))
            continue
        vx, vy, x0, y0 = cv2.fitLine(near, cv2.DIST_HUBER, 0, 0.01, 0.01).reshape(4)
        lines.append((np.array([x0, y0], np.float32), np.array([vx, vy], np.float32)))
    corners = [_intersect(lines[i - 1], lines[i]) for i in range(4)]
    if any(c is None for c in corners):
        return quad
    return np.array(corners, np.float32)


def _intersect(l1: tuple[np.ndarray, np.ndarray], l2: tuple[np.ndarray, np.ndarray]) -> np.ndarray | None:
    (p, r), (q, s) = l1, l2
    cross = float(r[0] * s[1] - r[1] * s[0])
    if abs(cross) < 1e-6:
        return None
    t = float((q - p)[0] * s[1] - (q - p)[1] * s[0]) / cross
    return p + t * r


def _inside(quad: np.ndarray, shape: tuple[int, ...], slack: float) -> bool:
    h, w = shape[:2]
    return bool((quad[:, 0] > -slack * w).all() and (quad[:, 0] < (1 + slack) * w).all()
                and (quad[:, 1] > -slack * h).all() and (quad[:, 1] < (1 + slack) * h).all())
