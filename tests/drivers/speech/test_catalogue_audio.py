"""Every catalogue message, synthesised by the real espeak-ng, is audible, plausibly long, and Mandarin
is spoken as Mandarin.

Length bounds, per unit of speech (a syllable for Chinese and Korean, a word or number for
English) at the driver's default 160 words per minute: people speak about 4–6 Mandarin syllables,
5–7 Korean syllables or 2.5–3 English words a second. The lower bounds (0.12, 0.08, 0.15 s per
unit) sit at about twice the fastest of those rates, so a truncated or empty synthesis fails; the
upper bounds (0.8, 0.7, 1.2 s per unit) at about three times the slowest, plus the pause espeak-ng
adds at the end, so reading hanzi as English words ("chinese letter …"), or spelling, fails.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from drivers.speech.mandarin import to_pinyin
from drivers.speech.pyttsx3_speaker import Pyttsx3Speaker
from drivers.speech.wav import measure
from kiosk.i18n import LANGUAGES, Translator, placeholders

#: Quietest acceptable RMS (−40 dBFS); espeak-ng's quietest prompt here is around 0.04.
MIN_RMS = 0.01
#: Seconds per unit of speech: (lowest, highest), justified in the module docstring.
SECONDS_PER_UNIT = {"zh_CN": (0.12, 0.8), "en": (0.15, 1.2), "ko": (0.08, 0.7)}
#: espeak-ng's pause after the last word, allowed on top of the upper bound.
END_PAUSE_S = 0.5
#: espeak-ng marks a switch to another language's rules as "(en)", "(ko)" … in ``-x`` output.
LANGUAGE_SWITCH = re.compile(r"\([a-z]{2,3}(?:-[a-z]+)?\)")


def catalogue_texts(language: str) -> dict[str, str]:
    """Every message of ``language``, placeholders filled with a sample number."""
    translator = Translator()
    texts = {}
    for key in sorted(translator.keys(language)):
        message = translator.raw(key, language)
        texts[key] = message.format(**{name: "30" for name in placeholders(message)})
    return texts


def units(text: str, language: str) -> int:
    """Syllables (Chinese, Korean) or words and numbers (English)."""
    if language == "zh_CN":
        return len(re.findall(r"[a-z]+[1-5]", to_pinyin(text)))
    if language == "ko":
        return len(re.findall(r"[\uac00-\ud7a3]|\d|[A-Za-z]+", text))
    return len(re.findall(r"[A-Za-z]+|\d+", text))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_synthesises_to_audible_speech_of_plausible_length(
    language: str, open_speaker: Callable[..., Pyttsx3Speaker], tmp_path: Path
) -> None:
    speaker = open_speaker()
    low, high = SECONDS_PER_UNIT[language]
    problems, per_unit = [], []
    for key, text in catalogue_texts(language).items():
        path = tmp_path / f"{key}.wav"
        speaker.synthesize_to_wav(text, language, path)
        stats = measure(path)
        count = units(text, language)
        per_unit.append(stats.duration_s / count)
        if stats.rms < MIN_RMS:
            problems.append(f"{key}: too quiet, rms {stats.rms:.4f}")
        if not count * low <= stats.duration_s <= count * high + END_PAUSE_S:
            problems.append(f"{key}: {stats.duration_s:.2f} s for {count} units")
    print(f"{language}: {len(per_unit)} messages, {min(per_unit):.3f}–{max(per_unit):.3f} s per unit")
    assert not problems


def test_every_chinese_message_is_phonemised_as_mandarin_only() -> None:
    switched = {}
    for key, text in catalogue_texts("zh_CN").items():
        phonemes = subprocess.run(
            ["espeak-ng", "-q", "-x", "-v", "cmn-latn-pinyin", to_pinyin(text)],
            capture_output=True, text=True, check=True,
        ).stdout
        assert phonemes.strip(), key
        if LANGUAGE_SWITCH.search(phonemes):
            switched[key] = phonemes
    assert not switched


def test_the_check_would_catch_hanzi_read_by_the_plain_cmn_voice() -> None:
    """espeak-ng 1.51's ``cmn`` voice reads hanzi through its English rules: the reason for pinyin."""
    phonemes = subprocess.run(
        ["espeak-ng", "-q", "-x", "-v", "cmn", "你好"], capture_output=True, text=True, check=True
    ).stdout
    assert LANGUAGE_SWITCH.search(phonemes)
