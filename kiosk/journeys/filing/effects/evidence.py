"""Evidence: pages from the document camera, grouped into named items; retake or delete a page.

A capture is judged before it is kept (no page, blank, blurred: the visitor is told why and tries
again). Kept pages are JPEG files in the visit's own folder, deleted with the visit.
"""

from __future__ import annotations

import uuid
from pathlib import Path

from drivers.base import DeviceError, DocumentCamera
from kiosk.complaints.compose import evidence_slots
from kiosk.complaints.template import EvidenceSlot, LocalText
from kiosk.journeys.filing import fields as f
from kiosk.journeys.filing.draft import Draft, EvidenceDraft
from kiosk.journeys.filing.effects.base import FilingBase

CAMERA_ROLE = "camera"
JPEG_QUALITY = 80
OTHER_SLOT = "other"
RELIEF_SLOT = EvidenceSlot(
    id="relief_proof",
    name=LocalText(zh_CN="申请缓减免诉讼费的证明材料", en="Proof for the fee relief request", ko="소송비용 감면 신청 증빙"),
    purpose="证明原告确有交纳诉讼费用困难",
)
OTHER = EvidenceSlot(id=OTHER_SLOT, name=LocalText(zh_CN="其他证据", en="Other evidence", ko="기타 증거"),
                     purpose="证明原告的主张")


def offered_slots(draft: Draft) -> list[EvidenceSlot]:
    """The evidence the answers call for, proof for a fee relief request, and "other" evidence."""
    slots = evidence_slots(draft.interview.template, draft.interview.answers) if draft.interview else []
    if draft.relief != "none":
        slots.append(RELIEF_SLOT)
    return [*slots, OTHER]


def scan_page(camera: DocumentCamera | None, directory: Path) -> Path:
    """Photograph, judge and keep one page; ``DeviceError`` with what the visitor should do otherwise."""
    import cv2  # noqa: PLC0415 - OpenCV (and numpy) only when a page is captured

    from drivers.camera.pages import process_capture  # noqa: PLC0415 - imports OpenCV

    if camera is None:
        raise DeviceError("filing.error.camera_unavailable")
    page = process_capture(camera.capture())
    ok, jpeg = cv2.imencode(".jpg", page.image, [cv2.IMWRITE_JPEG_QUALITY, JPEG_QUALITY])
    if not ok:
        raise DeviceError("filing.error.camera_unavailable", "JPEG encoding failed")
    path = directory / f"page-{uuid.uuid4().hex}.jpg"
    path.write_bytes(jpeg.tobytes())
    return path


class EvidenceEffects(FilingBase):
    """Evidence items and their pages."""

    def item_added(self, slot: str = "") -> bool:
        """A new item named after the chosen evidence (the visitor may rename it)."""
        chosen = next((s for s in offered_slots(self.draft) if s.id == slot), None)
        if chosen is None:
            return False
        self.draft.evidence.append(EvidenceDraft(chosen.name.zh_CN, chosen.purpose))
        return self._open(len(self.draft.evidence) - 1)

    def item_opened(self, index: int = -1) -> bool:
        """A listed item, to add, retake or delete pages."""
        return 0 <= index < len(self.draft.evidence) and self._open(index)

    def item_removed(self, index: int = -1) -> bool:
        """An item and its page files go."""
        if not 0 <= index < len(self.draft.evidence):
            return False
        for page in self.draft.evidence.pop(index).pages:
            page.unlink(missing_ok=True)
        return True

    def retake_chosen(self, index: int = -1) -> bool:
        """The next capture replaces this page."""
        item = self._item()
        if item is None or not 0 <= index < len(item.pages):
            return False
        self.draft.retake = index
        return True

    def page_deleted(self, index: int = -1) -> bool:
        """One page of the item goes."""
        item = self._item()
        if item is None or not 0 <= index < len(item.pages):
            return False
        item.pages.pop(index).unlink(missing_ok=True)
        return True

    def item_name_ok(self) -> bool:
        """The typed name is printable: it names the item in the complaint's evidence list."""
        item = self._item()
        values = self.checked({f.EVIDENCE_NAME: lambda v: f.text(v, 200)})
        if item is None or values is None:
            return False
        item.name = values[f.EVIDENCE_NAME]
        return True

    def item_ok(self) -> bool:
        """The item has at least one page."""
        item = self._item()
        if item is None:
            return False
        if not item.pages:
            self.draft.capture_error = "filing.error.no_pages"
            return False
        self.draft.item = None
        self.draft.capture_error = None
        return True

    def on_enter_filing_capturing(self) -> None:
        """Photograph the page off the UI thread; the item screen shows the page or why it was refused."""
        camera = self.host.devices.driver(CAMERA_ROLE)
        directory = self.host.visit.temp_dir
        self.host.run_task("filing.capture", lambda: scan_page(camera, directory),  # type: ignore[arg-type]
                           "captured", "capture_failed", self._keep_page)

    def on_capture_failed(self) -> None:
        """The reason a capture was refused moves from the journey's problem to the item screen."""
        self.draft.capture_error = self.data.pop("problem", "filing.error.camera_unavailable")
        self.draft.retake = None

    def _keep_page(self, path: Path) -> None:
        item = self._item()
        retake, self.draft.retake = self.draft.retake, None
        self.draft.capture_error = None
        if item is None:
            path.unlink(missing_ok=True)
        elif retake is not None and retake < len(item.pages):
            item.pages[retake].unlink(missing_ok=True)
            item.pages[retake] = path
        else:
            item.pages.append(path)

    def _item(self) -> EvidenceDraft | None:
        index = self.draft.item
        return self.draft.evidence[index] if index is not None and index < len(self.draft.evidence) else None

    def _open(self, index: int) -> bool:
        self.draft.item = index
        self.draft.capture_error = None
        self.draft.retake = None
        self.fill({f.EVIDENCE_NAME: self.draft.evidence[index].name})
        return True
