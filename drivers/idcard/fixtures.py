"""Fictitious cardholders for the simulated reader and the tests.

Every person here is invented; the ID numbers are well-formed (GB 11643 check digit right, birth
date inside) but belong to nobody we know of. The main fixture's name and number are distinctive
so privacy tests can search logs, temporary files and printouts for them.
"""

from __future__ import annotations

from datetime import date

from drivers.base import ResidentCard

#: Stand-in for the WLT photo: opaque bytes of the real size, never decoded.
FIXTURE_PHOTO = b"WLT\x00" + bytes(range(256)) * 3 + bytes(252)

FIXTURE_NAME = "郝示范"
FIXTURE_ID_NUMBER = "110105198803151232"

FIXTURE_CARD = ResidentCard(
    name=FIXTURE_NAME,
    sex="男",
    nation="汉",
    birth_date=date(1988, 3, 15),
    address="北京市朝阳区示例路88号院3号楼2单元101室",
    id_number=FIXTURE_ID_NUMBER,
    issuing_authority="北京市公安局朝阳分局",
    valid_from=date(2019, 4, 2),
    valid_until=date(2039, 4, 2),
    photo=FIXTURE_PHOTO,
)

#: Aged 60+ with a long-term (长期) card, born before 1983 in a county code stdnum would reject.
ELDERLY_CARD = ResidentCard(
    name="钱晚晴",
    sex="女",
    nation="满",
    birth_date=date(1952, 7, 8),
    address="浙江省杭州市西湖区样板巷7号",
    id_number="330106195207082246",
    issuing_authority="杭州市公安局西湖分局",
    valid_from=date(2012, 9, 1),
    valid_until=None,
    photo=FIXTURE_PHOTO,
)

#: A ten-year card that ran out in 2018: readable, but the flow must refuse it.
EXPIRED_CARD = ResidentCard(
    name="柯逾期",
    sex="男",
    nation="壮",
    birth_date=date(1990, 6, 11),
    address="广东省深圳市宝安区演示街道测试社区5号",
    id_number="440306199006111359",
    issuing_authority="深圳市公安局宝安分局",
    valid_from=date(2008, 7, 1),
    valid_until=date(2018, 7, 1),
    photo=FIXTURE_PHOTO,
)
