"""Fictitious courts, people, cases, hearings, documents and fees for the demo court.

Every name, ID number and court here is invented; dates follow the day the database is seeded, so a demo
always has hearings ahead of it and the same seed day always gives the same data.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from kiosk.court.contract import Court
from kiosk.court.demo.store import CHINA

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(region: str, born: date, sequence: str) -> str:
    """A resident ID number with a correct GB 11643 check digit."""
    body = f"{region}{born:%Y%m%d}{sequence}"
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, _WEIGHTS, strict=True)) % 11]
    return body + check


@dataclass(frozen=True)
class Person:
    """A fictitious visitor of the demo court."""

    name: str
    id_number: str


ZHANG = Person("张明华", id_number("110105", date(1985, 3, 12), "231"))
LI = Person("李秀英", id_number("110108", date(1956, 7, 21), "042"))
WANG = Person("王建军", id_number("110101", date(1972, 11, 2), "153"))
ZHAO = Person("赵丽", id_number("120101", date(1990, 1, 15), "268"))
LAWYER = Person("周律师", id_number("110102", date(1980, 5, 30), "311"))
MINGHU_TECH = "北京明湖科技有限公司"
INSURER = "青松财产保险股份有限公司北京分公司"

COURTS = [
    Court(code="京0191", name="北京市明湖区人民法院", level="basic", address="北京市明湖区湖滨路18号",
          phone="010-5550191", this_court=True, accepts_cross_court_filing=True),
    Court(code="京0192", name="北京市青川区人民法院", level="basic", address="北京市青川区青川大街66号",
          phone="010-5550192", this_court=False, accepts_cross_court_filing=True),
    Court(code="京0193", name="北京市云岭区人民法院", level="basic", address="北京市云岭区山前路2号",
          phone="010-5550193", this_court=False, accepts_cross_court_filing=True),
    Court(code="京0194", name="北京市松溪区人民法院", level="basic", address="北京市松溪区溪口街9号",
          phone="010-5550194", this_court=False, accepts_cross_court_filing=False),
    Court(code="京05", name="北京市第五中级人民法院", level="intermediate", address="北京市明湖区法源路1号",
          phone="010-5550500", this_court=False, accepts_cross_court_filing=True),
    Court(code="京79", name="北京湖畔知识产权法院", level="specialised", address="北京市青川区知新路7号",
          phone="010-5550790", this_court=False, accepts_cross_court_filing=False),
]


def _team(presiding: str, *others: tuple[str, str]) -> list[dict[str, str]]:
    return [{"name": presiding, "role": "presiding_judge"}] + [{"name": n, "role": r} for n, r in others]


def _at(day: date, hour: int, minute: int = 0) -> str:
    return datetime.combine(day, time(hour, minute), CHINA).isoformat()


def seed(db: sqlite3.Connection, today: date) -> None:
    """Fill an empty database (inside the caller's transaction)."""
    year, last_year = today.year, today.year - 1
    for position, court in enumerate(COURTS):
        db.execute("INSERT INTO courts VALUES (?, ?, ?)", (court.code, court.model_dump_json(), position))
    cases = [
        (f"（{year}）京0191民初1024号", "京0191", "民间借贷纠纷", "in_trial", today - timedelta(days=40),
         "民事审判第一庭", _team("王立新", ("李文静", "judge_assistant")), "赵倩",
         [(_at(today + timedelta(days=7), 9, 30), "第三法庭", "hearing", True)],
         [("evidence", today + timedelta(days=5), "举证期限届满")],
         [("plaintiff", "person", ZHANG), ("defendant", "person", WANG)],
         [("F1001", "acceptance", "案件受理费", "2300.00", "due"), ("F1002", "announcement", "公告费", "300.00", "due")],
         [("D2001", ZHANG, "开庭传票", "summons", 2), ("D2002", ZHANG, "举证通知书", "notice", 1),
          ("D2003", WANG, "应诉通知书", "notice", 1)]),
        (f"（{year}）京0191民初1187号", "京0191", "买卖合同纠纷", "pre_trial", today - timedelta(days=20),
         "民事审判第二庭", _team("张建国", ("刘晓梅", "judge"), ("陈志远", "people_assessor")), "孙磊",
         [(_at(today + timedelta(days=14), 14, 0), "第五法庭", "evidence_exchange", False)],
         [("defence", today + timedelta(days=3), "答辩期限届满")],
         [("plaintiff", "organisation", Person(MINGHU_TECH, "")), ("defendant", "person", ZHAO)],
         [("F1003", "acceptance", "案件受理费", "4550.00", "due"),
          ("F1004", "preservation", "财产保全申请费", "1520.00", "due")],
         [("D2004", ZHAO, "起诉状副本及应诉通知书", "notice", 3)]),
        (f"（{year}）京0191民初877号", "京0191", "离婚纠纷", "judgment_issued", today - timedelta(days=120),
         "民事审判第一庭", _team("杨慧"), "周敏",
         [(_at(today - timedelta(days=30), 9, 0), "第二法庭", "pronouncement", False)],
         [("appeal", today + timedelta(days=10), "上诉期限届满")],
         [("plaintiff", "person", LI), ("defendant", "person", WANG)],
         [("F1005", "acceptance", "案件受理费", "300.00", "paid")],
         [("D2005", LI, "民事判决书", "judgment", 6), ("D2006", WANG, "民事判决书", "judgment", 6)]),
        (f"（{year}）京0191执1203号", "京0191", "民间借贷纠纷执行", "enforcement", today - timedelta(days=10),
         "执行局", _team("陈志远", ("孙磊", "judge_assistant")), "赵倩", [], [],
         [("applicant", "person", ZHANG), ("respondent", "person", ZHAO)],
         [("F1006", "enforcement", "申请执行费", "1350.00", "due")],
         [("D2007", ZHAO, "执行通知书", "notice", 1)]),
        (f"（{year}）京0191民初1420号", "京0191", "机动车交通事故责任纠纷", "accepted", today - timedelta(days=3),
         None, [], None, [], [("payment", today + timedelta(days=7), "缴纳诉讼费用期限")],
         [("plaintiff", "person", LI), ("defendant", "organisation", Person(INSURER, ""))],
         [("F1007", "acceptance", "案件受理费", "1775.00", "due")],
         [("D2008", LI, "受理案件通知书", "notice", 1), ("D2009", LI, "交纳诉讼费用通知书", "fee_notice", 1)]),
        (f"（{year}）京0191民初1302号", "京0191", "劳动争议", "closed", today - timedelta(days=90),
         "民事审判第三庭", _team("刘晓梅"), "周敏", [], [],
         [("plaintiff", "person", ZHAO), ("defendant", "organisation", Person(MINGHU_TECH, ""))],
         [("F1008", "acceptance", "案件受理费", "10.00", "paid")],
         [("D2010", ZHAO, "民事调解书", "mediation_statement", 3)]),
        (f"（{last_year}）京0192民初455号", "京0192", "物业服务合同纠纷", "closed", today - timedelta(days=300),
         "民事审判庭", _team("吴清"), "郑越", [], [],
         [("plaintiff", "organisation", Person("青川物业管理有限公司", "")), ("defendant", "person", ZHAO)],
         [], []),
        (f"（{year}）京05民终321号", "京05", "民间借贷纠纷", "in_trial", today - timedelta(days=25),
         "民事审判第四庭", _team("冯立", ("何静", "judge"), ("许青", "judge")), "韩冰",
         [(_at(today + timedelta(days=21), 10, 0), "第一法庭", "hearing", True)], [],
         [("appellant", "person", WANG), ("appellee", "person", ZHANG)], [], []),
    ]
    for (number, court_code, cause, stage, filed_on, tribunal, team, clerk, hearings, deadlines, parties, fees,
         documents) in cases:
        body = {
            "cause": cause, "stage": stage, "filed_on": filed_on.isoformat(), "tribunal": tribunal,
            "judge_team": team, "clerk": clerk,
            "hearings": [{"starts_at": s, "room": r, "kind": k, "public": p} for s, r, k, p in hearings],
            "deadlines": [{"kind": k, "due_on": d.isoformat(), "description": t} for k, d, t in deadlines],
        }
        db.execute("INSERT INTO cases VALUES (?, ?, ?)", (number, court_code, json.dumps(body, ensure_ascii=False)))
        for position, (role, kind, person) in enumerate(parties):
            db.execute("INSERT INTO parties VALUES (?, ?, ?, ?, ?, ?)",
                       (number, position, role, kind, person.name, person.id_number or None))
        for item_id, kind, description, amount, status in fees:
            due_on = None if status == "paid" else (today + timedelta(days=7)).isoformat()
            db.execute("INSERT INTO fee_items VALUES (?, ?, ?, ?, ?, ?, ?)",
                       (item_id, number, kind, description, amount, status, due_on))
        for document_id, person, title, kind, pages in documents:
            served = _at(filed_on + timedelta(days=2), 10)
            text = f"{person.name}：本院受理的{cause}一案，现依法向你送达{title}。"
            db.execute(
                "INSERT INTO documents (document_id, case_number, addressee_id_number, addressee_name, title,"
                " kind, served_at, pages, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (document_id, number, person.id_number, person.name, title, kind, served, pages, text),
            )
    db.execute("INSERT INTO agents VALUES (?, ?)", (f"（{year}）京0191民初1187号", LAWYER.id_number))
