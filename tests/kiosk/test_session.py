"""A visit's data is gone after wipe()."""

import dataclasses
from datetime import date

from drivers.base import ResidentCard
from kiosk.display import TextSize
from kiosk.session import Preferences, Visit

CARD = ResidentCard(
    name="测试人", sex="男", nation="汉", birth_date=date(1950, 1, 1), address="北京市东城区测试路1号",
    id_number="11010119500101001X", issuing_authority="北京市公安局东城分局", valid_from=date(2010, 1, 1),
    valid_until=None, photo=b"WLT" * 300,
)


def test_wipe_leaves_nothing_of_the_visitor_behind() -> None:
    """GIVEN a visit with a card, journey data, preferences and files WHEN wiped THEN all are gone."""
    visit = Visit(default_language="zh_CN")
    visit.card = CARD
    visit.journeys["filing"] = {"plaintiff": "测试人", "claims": ["还款 10000 元"]}
    visit.preferences.text_size = TextSize.LARGE
    visit.preferences.voice = True
    scan = visit.temp_dir / "page-1.png"
    scan.write_bytes(b"scan")
    old_id = visit.visit_id

    visit.wipe()

    assert not scan.exists() and not scan.parent.exists()
    assert visit.card is None
    assert visit.journeys == {}
    assert visit.preferences == Preferences(language="zh_CN")
    assert visit.visit_id != old_id
    fields = {f.name: getattr(visit, f.name) for f in dataclasses.fields(visit)}
    assert "测试人" not in repr(fields) and "11010119500101001X" not in repr(fields)


def test_a_card_never_shows_its_number_or_name_in_a_repr() -> None:
    assert "11010119500101001X" not in repr(CARD)
    assert "测试人" not in repr(CARD)


def test_the_visit_folder_is_private_to_the_kiosk_user() -> None:
    visit = Visit()
    assert visit.temp_dir.stat().st_mode & 0o077 == 0
    visit.wipe()
