"""Masking of personal data on screens, receipts and in logs.

The shown parts follow common Chinese practice (居民身份证号 110101********1233, 手机号 138****5678,
张**), so a visitor recognises their own data while a bystander or a log reader learns little. Input that
does not look like the expected kind is masked entirely rather than shown: when in doubt, hide.
"""

from __future__ import annotations

import re

MASK = "*"
_NAME_SEPARATORS = re.compile(r"([\s·•‧.]+)")
_PHONE_SEPARATORS = re.compile(r"[\s\-()（）]")


def mask_id_number(id_number: str) -> str:
    """First 6 and last 4 characters shown: the region and the end a visitor checks against their card."""
    text = "".join(id_number.split())
    if len(text) <= 10:
        return MASK * len(text)
    return text[:6] + MASK * (len(text) - 10) + text[-4:]


def mask_name(name: str) -> str:
    """First character of each part of the name shown: 张三丰 → 张**, 张三 → 张*, John Smith → J*** S****.

    Parts are split at spaces and the middle dot of transliterated names (阿依古丽·买买提 → 阿***·买**).
    A one-character name is masked entirely, since showing it would show all of it.
    """
    text = " ".join(name.split())
    if len(text) <= 1:
        return MASK * len(text)
    return "".join(
        part if _NAME_SEPARATORS.fullmatch(part) else _mask_part(part) for part in _NAME_SEPARATORS.split(text)
    )


def mask_phone(phone: str) -> str:
    """Mobile numbers keep the first 3 and last 4 digits (138****5678); shorter numbers only the last 4."""
    text = _PHONE_SEPARATORS.sub("", phone)
    if len(text) <= 4:
        return MASK * len(text)
    head = 3 if len(text) >= 11 else 0
    return text[:head] + MASK * (len(text) - head - 4) + text[-4:]


def _mask_part(part: str) -> str:
    if len(part) <= 1:
        return part
    return part[0] + MASK * (len(part) - 1)
