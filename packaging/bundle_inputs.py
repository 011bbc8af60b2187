"""What goes into the bundle besides the imported code: found at build time, used by ``kiosk.spec``.

Kept out of the spec so it can be tested without running PyInstaller, and so the lists follow the
code they describe (the CLI's command list, the driver registry, the journeys, the lexicon's sources)
instead of being copied into the spec by hand.
"""

from __future__ import annotations

import ast
import importlib
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUNDLE_NAME = "courtkiosk"
#: The bundle's top-level file naming its build; ``deploy/install.sh`` names the install directory after it.
BUILD_FILE = "BUILD"
#: The lexicon is rebuilt from these sources on the kiosk (``kiosk.textinput.lexicon``), which reads them as files.
LEXICON_SOURCES = ("lexicon_build.py", "syllables.py")

#: Installed in the build's virtualenv for tests, docs or the court simulator, never imported by a kiosk.
#: Some are reached through optional imports of libraries (Kivy's code input, pydantic's plugins), so
#: PyInstaller would ship them.
EXCLUDED_MODULES = (
    "tkinter", "_tkinter", "IPython", "matplotlib", "PyQt5", "PyQt6", "PySide6",
    "pytest", "_pytest", "hypothesis", "schemathesis", "hypothesis_graphql", "jsonschema_rs",
    "mypy", "mypyc", "ast_serialize", "librt", "docutils", "pygments",
    "fastapi", "starlette", "uvicorn", "babel",
    "setuptools", "pkg_resources", "pip",
    # jieba's part-of-speech tagger, keyword extraction and neural segmenter: the lexicon reads only
    # its dictionary, and these bring 33 MiB of models.
    "jieba.posseg", "jieba.analyse", "jieba.lac_small",
)
#: Data folders of kept packages that nothing reads (the models of the excluded jieba modules).
EXCLUDED_DATA_PREFIXES = ("jieba/posseg", "jieba/analyse", "jieba/lac_small")

Data = tuple[str, str]
"""A PyInstaller data entry: (source path, destination folder inside the bundle)."""


class MissingBuildInput(RuntimeError):
    """Something the bundle must carry is not installed on the build machine; says which package has it."""


@dataclass(frozen=True)
class BuildInfo:
    """The kiosk version and the commit it was built from (``-dirty`` when the checkout had changes)."""

    version: str
    commit: str

    @property
    def name(self) -> str:
        """The install directory's name: ``<version>-<commit>``, safe as a path component."""
        return re.sub(r"[^A-Za-z0-9._-]", "_", f"{self.version}-{self.commit}")

    def text(self) -> str:
        """The BUILD file's content: ``key=value`` lines a shell script can read."""
        return f"name={self.name}\nversion={self.version}\ncommit={self.commit}\n"


def build_info() -> BuildInfo:
    """The version from the package, the commit from git (``nogit`` outside a checkout)."""
    from kiosk import __version__  # noqa: PLC0415

    described = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty", "--abbrev=10"],
                               capture_output=True, text=True, check=False)
    commit = described.stdout.strip() if described.returncode == 0 else "nogit"
    return BuildInfo(__version__, commit or "nogit")


def command_modules() -> list[str]:
    """The CLI's sub-command modules, imported by name at run time."""
    from kiosk.cli import COMMANDS  # noqa: PLC0415

    return list(COMMANDS)


def driver_modules() -> list[str]:
    """Every built-in driver module, imported only when configured."""
    from drivers.registry import BUILTIN  # noqa: PLC0415

    return sorted({target.partition(":")[0] for target in BUILTIN.values()})


def journey_sample_modules() -> list[str]:
    """The journeys' sample data the self-test renders every screen with."""
    from kiosk.journeys import registry  # noqa: PLC0415
    from kiosk.selftest import SAMPLES_MODULE  # noqa: PLC0415

    return [SAMPLES_MODULE.format(journey=journey.name) for journey in registry.JOURNEYS]


def dynamic_imports() -> list[str]:
    """Modules the kiosk's code imports by a literal name (``importlib.import_module("evdev")``).

    Drivers import their optional libraries so, to report a missing one instead of failing to load;
    PyInstaller does not follow those calls, and a driver would be shipped without its library.
    """
    names = set()
    for package in ("kiosk", "drivers", "screens"):
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)
                        and getattr(node.func, "attr", getattr(node.func, "id", "")) in ("import_module", "find_spec")
                        and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                    names.add(node.args[0].value)
    return sorted(names)


def translations() -> list[Data]:
    """The compiled catalogues (``make locales`` writes them next to the .po files)."""
    compiled = sorted(ROOT.glob("locales/*/LC_MESSAGES/*.mo"))
    if not compiled:
        raise MissingBuildInput("no compiled translations under locales/: run `make locales` first")
    return [(str(mo), str(mo.parent.relative_to(ROOT))) for mo in compiled]


def package_files() -> list[Data]:
    """Assets (templates) and the text-input data and lexicon sources, read as files at run time."""
    entries = [(str(path), str(path.parent.relative_to(ROOT)))
               for path in sorted((ROOT / "assets").rglob("*")) if path.is_file()]
    textinput = ROOT / "kiosk" / "textinput"
    entries += [(str(path), "kiosk/textinput/data") for path in sorted((textinput / "data").glob("*.txt"))]
    entries += [(str(textinput / name), "kiosk/textinput") for name in LEXICON_SOURCES]
    return entries


def stage_fonts(stage_dir: Path) -> list[Data]:
    """Copy the screen font and the document font under the names the kiosk looks for in ``assets/fonts``.

    The screen font is fontconfig's Noto Sans CJK (``screens.fonts``); the document font is WenQuanYi
    Zen Hei (``kiosk.documents.fonts``), which PDFs embed.
    """
    from kiosk.documents.fonts import FONT_PACKAGE, SHIPPED_FONT, FontMissing, find_font  # noqa: PLC0415
    from screens.fonts import find_cjk_font  # noqa: PLC0415

    screen_font = find_cjk_font()
    if screen_font is None:
        raise MissingBuildInput("no Noto Sans CJK font for the screens: install fonts-noto-cjk")
    try:
        document_font, _index = find_font()
    except FontMissing as exc:
        raise MissingBuildInput(f"no document font: install {FONT_PACKAGE}") from exc
    stage_dir.mkdir(parents=True, exist_ok=True)
    staged = []
    for source, name in ((screen_font, screen_font.name), (document_font, SHIPPED_FONT.name)):
        target = stage_dir / name
        shutil.copyfile(source, target)
        staged.append((str(target), "assets/fonts"))
    return staged


def system_library(soname_stem: str) -> Path:
    """The path of a system shared library (``zbar`` → ``/usr/lib/x86_64-linux-gnu/libzbar.so.0``)."""
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    pattern = re.compile(rf"^\s*lib{re.escape(soname_stem)}\.so\.\d+ \(libc6,x86-64\) => (\S+)$", re.M)
    found = pattern.search(listing)
    if found is None:
        raise MissingBuildInput(f"lib{soname_stem} is not installed on the build machine")
    return Path(found.group(1))


def lexicon_metadata_packages() -> tuple[str, ...]:
    """Packages whose versions name the lexicon cache, so their metadata must be in the bundle."""
    return importlib.import_module("kiosk.textinput.lexicon").SOURCE_PACKAGES


def without_unused_data(datas: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """PyInstaller's collected (dest, source, kind) entries minus the data nothing reads."""
    return [entry for entry in datas if not entry[0].startswith(EXCLUDED_DATA_PREFIXES)]


def finish_bundle(bundle_dir: Path, info: BuildInfo) -> None:
    """Add what sits beside the executable: the BUILD file, and ``deploy/`` with the deployment guide.

    A bundle so carries its own installer, service and rollback script: one folder to copy to a terminal.
    """
    (bundle_dir / BUILD_FILE).write_text(info.text())
    strip_debug_sections(bundle_dir / "_internal" / "kivy")
    deploy = bundle_dir / "deploy"
    shutil.rmtree(deploy, ignore_errors=True)
    shutil.copytree(ROOT / "deploy", deploy)
    shutil.copyfile(ROOT / "docs" / "deploy.md", deploy / "deploy.md")


def strip_debug_sections(folder: Path) -> None:
    """Drop the debug sections of the extension modules under ``folder`` (Kivy's are 5/6 debug info).

    Only debug sections: a full strip rewrites the layout that auditwheel's patchelf left in wheels'
    libraries, and some then fail to load.
    """
    for module in sorted(folder.rglob("*.so")):
        subprocess.run(["strip", "--strip-debug", str(module)], check=True)
