"""The one screen class: it lays out any :class:`~kiosk.presenters.ScreenModel`.

Title, body, the screen's actions, then the navigation bar at the bottom, and the inactivity
warning as a modal layer over it. Widgets are rebuilt only when the model or the language changes;
size and colour changes reach them through the theme's bindings.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from kivy.graphics import Color, Rectangle
from kivy.uix.anchorlayout import AnchorLayout
from kivy.uix.boxlayout import BoxLayout
from kivy.uix.floatlayout import FloatLayout
from kivy.uix.gridlayout import GridLayout
from kivy.uix.screenmanager import Screen
from kivy.uix.widget import Widget

from kiosk.form import FormInput
from kiosk.i18n import Text, Translator
from kiosk.presenters import Action, Field, ScreenModel
from kiosk.textinput.editor import FieldEditor
from screens.keyboard import FieldBox, KeyboardPanel
from screens.qr import QR_SIZE_MM, QrCode
from screens.theme import Theme
from screens.widgets import KioskButton, KioskLabel, TapScrollView

Intent = Callable[..., None]


class ModelScreen(Screen):
    """A screen named after a router output, rendering that screen's model."""

    def __init__(self, name: str, theme: Theme, translator: Translator, send_intent: Intent, form: FormInput) -> None:
        super().__init__(name=name)
        self.theme = theme
        self.translator = translator
        self.send_intent = send_intent
        self.form = form
        self.buttons: dict[str, KioskButton] = {}
        self._rendered: tuple[ScreenModel, str, str | None] | None = None
        self._structure: tuple[ScreenModel, str, str | None] | None = None
        self.field_boxes: dict[str, FieldBox] = {}
        self.field_rows: dict[str, KioskButton] = {}
        self.keyboard: KeyboardPanel | None = None
        self._keyboards: dict[tuple[object, ...], KeyboardPanel] = {}
        with self.canvas.before:
            self._bg_colour = Color(*theme.colour_background)
            self._bg = Rectangle(pos=self.pos, size=self.size)
        theme.bind(colour_background=lambda _, value: setattr(self._bg_colour, "rgba", value))
        self.bind(pos=self._redraw_bg, size=self._redraw_bg)
        self.layer = FloatLayout()
        self.add_widget(self.layer)

    @property
    def editors(self) -> dict[str, FieldEditor]:
        """Each field's editor (shared with the controller, so touch and keypad edit the same text)."""
        return self.form.editors

    def _redraw_bg(self, *_: object) -> None:
        self._bg.pos, self._bg.size = self.pos, self.size

    def show(self, model: ScreenModel, language: str) -> None:
        """Render ``model`` in ``language`` unless exactly that is already on screen.

        When only what was typed into fields changed, the fields are updated in place, so the
        keyboard (and the pinyin being composed) stays as it is; the keyboard follows its editor,
        which the keypad may have changed without the model changing.
        """
        self.form.follow(model.fields)  # a model shown without the controller (the tours) brings its fields
        rendered = (model, language, self.form.focused)
        if self._rendered == rendered:
            self._sync_keyboard(model, language)
            return
        self._rendered = rendered
        structure = (replace(model, fields=tuple(replace(f, value="", error=None) for f in model.fields)),
                     language, self.form.focused)
        if structure == self._structure:
            self._sync_keyboard(model, language)
            return
        self._structure = structure
        self.buttons = {}
        self.field_boxes = {}
        self.field_rows = {}
        self.keyboard = None
        self.layer.clear_widgets()
        self.layer.add_widget(self._content(model, language))
        if model.overlay is not None:
            self.layer.add_widget(self._overlay(model, language))

    def on_touch_down(self, touch: object) -> bool:
        """Remember whether a touch began outside every button (for the background intent)."""
        rendered = self._rendered
        if rendered and rendered[0].background_intent and self.collide_point(*touch.pos):  # type: ignore[attr-defined]
            touch.ud["background"] = not any(  # type: ignore[attr-defined]
                b.collide_point(*b.to_widget(*touch.pos)) for b in self.all_buttons().values())  # type: ignore[attr-defined]
        return super().on_touch_down(touch)

    def on_touch_up(self, touch: object) -> bool:
        """A touch that began and ended outside every button sends the model's background intent."""
        handled = super().on_touch_up(touch)
        rendered = self._rendered
        if (rendered and rendered[0].background_intent and touch.ud.get("background")  # type: ignore[attr-defined]
                and self.collide_point(*touch.pos)):  # type: ignore[attr-defined]
            self.send_intent(rendered[0].background_intent)
            return True
        return handled

    def _tr(self, text: Text, language: str) -> str:
        return self.translator.text(text, language)

    def _content(self, model: ScreenModel, language: str) -> Widget:
        """Title, body, QR and actions scroll when they outgrow the screen (large text). On a form
        only the focused field with its keyboard, the actions and the navigation stay in place; the
        other fields and the mode toggles scroll as compact rows, so a crowded form fits the largest
        text while its keys stay 15 mm."""
        pad = self.theme.spacing_px * 2
        box = BoxLayout(orientation="vertical", padding=pad, spacing=self.theme.spacing_px * 1.5)
        scrolled = BoxLayout(orientation="vertical", size_hint_y=None, spacing=self.theme.spacing_px * 1.5)
        scrolled.bind(minimum_height=scrolled.setter("height"))
        scrolled.add_widget(KioskLabel(self.theme, text=self._tr(model.title, language), style="title"))
        for paragraph in model.body:
            scrolled.add_widget(KioskLabel(self.theme, text=self._tr(paragraph, language)))
        if model.qr_payload:
            scrolled.add_widget(QrCode(model.qr_payload, self.theme.panel.px(QR_SIZE_MM)))
        self.field_rows = {}
        for field in model.fields:
            if field.field_id != self.form.focused:
                scrolled.add_widget(self._field_row(field, language))
        scroll = TapScrollView(do_scroll_x=False, bar_width=self.theme.spacing_px, scroll_type=["bars", "content"])
        scroll.add_widget(scrolled)
        box.add_widget(scroll)
        actions_box = box if model.fields else scrolled
        if model.fields:
            box.add_widget(self._focused_field(model, language))
        main = tuple(a for a in model.actions if a.role == "primary")
        others = tuple(a for a in model.actions if a.role != "primary")
        if main:
            actions_box.add_widget(self._grid(main, language, cols=1))
        if others:
            actions_box.add_widget(self._grid(others, language, cols=2))
        steps = tuple(a for a in model.nav if a.role != "toggle")
        modes = tuple(a for a in model.nav if a.role == "toggle")
        if steps:
            box.add_widget(self._grid(steps, language, cols=len(steps)))
        if modes:  # set once per visit: on a form they give their room to the keyboard
            (scrolled if model.fields else box).add_widget(self._grid(modes, language, cols=3))
        return box

    def _field_row(self, field: Field, language: str) -> KioskButton:
        """A field not being typed into: one tap target saying what it holds; touching it focuses it."""
        row = KioskButton(self.theme, text="", role="secondary", widget_id=field.widget_id)
        row.halign = "left"
        row.bind(on_release=lambda *_: self._focus(field.field_id))
        self.field_rows[field.field_id] = row
        self.buttons[row.widget_id] = row
        return row

    def _focused_field(self, model: ScreenModel, language: str) -> Widget:
        """The focused field's label, value and error, then the keyboard its kind calls for."""
        box = BoxLayout(orientation="vertical", size_hint_y=None, spacing=self.theme.spacing_px)
        box.bind(minimum_height=box.setter("height"))
        focused = next(f for f in model.fields if f.field_id == self.form.focused)
        field_box = FieldBox(self.theme, self._tr(focused.label, language), focused.field_id, self._focus, focused.masked)
        self.field_boxes = {focused.field_id: field_box}
        self.buttons[field_box.text_button.widget_id] = field_box.text_button
        box.add_widget(field_box)
        self.keyboard = self._keyboard_for(focused, language, lambda: self._update_fields(model, language))
        box.add_widget(self.keyboard)
        self._update_fields(model, language)
        return box

    def _keyboard_for(self, field: Field, language: str, on_refresh: Callable[[], None]) -> KeyboardPanel:
        """The keyboard made before for this field's layout, in this language and size, re-attached; else a new one.

        Making a keyboard's forty-odd keys and drawing their labels was a third of opening a form.
        """
        editor = self.form.editors[field.field_id]
        key = (editor.layout, editor.shift, language, self.theme.body_px, self.theme.key_px, self.theme.spacing_px)
        keyboard = self._keyboards.get(key)
        if keyboard is None:
            keyboard = self._keyboards[key] = KeyboardPanel(
                self.theme, self.translator, language, field, editor, self._field_changed, on_refresh)
        else:
            if keyboard.parent is not None:  # still in the content this screen showed before
                keyboard.parent.remove_widget(keyboard)
            keyboard.attach(field, editor, self._field_changed, on_refresh)
        return keyboard

    def _sync_keyboard(self, model: ScreenModel, language: str) -> None:
        if self.keyboard is not None:
            self.keyboard.sync()
        self._update_fields(model, language)

    def _update_fields(self, model: ScreenModel, language: str) -> None:
        for field in model.fields:
            editor = self.form.editors.get(field.field_id)
            if editor is None:
                continue
            error = self._tr(field.error, language) if field.error else ""
            row = self.field_rows.get(field.field_id)
            if row is not None:
                value = "•" * len(editor.value) if field.masked else editor.value
                colon = "：" if language == "zh_CN" else ": "
                row.text = f"{self._tr(field.label, language)}{colon}{value}" + (f"\n{error}" if error else "")
                continue
            field_box = self.field_boxes.get(field.field_id)
            if field_box is None:
                continue
            if self.keyboard is not None and not error:
                error = self.keyboard.error_text()
            field_box.show(editor.value, editor.letters, error, True)

    def _focus(self, field_id: str) -> None:
        self.send_intent("focus_field", field=field_id)

    def outline(self, widget_id: str | None) -> None:
        """Show the keypad focus (a 3:1 outline from the theme) on ``widget_id`` only (a key of the
        keyboard while the keypad types); without one, the field being typed into."""
        for button_id, button in self.all_buttons().items():
            button.focused = button_id == widget_id or (widget_id is None and button_id == f"field-{self.form.focused}")

    def _field_changed(self, field_id: str, value: str) -> None:
        self.send_intent("edit_field", field=field_id, value=value)

    def all_buttons(self) -> dict[str, KioskButton]:
        """Every touchable button, the keyboard's included, by widget id."""
        return {**self.buttons, **(self.keyboard.buttons if self.keyboard and self.keyboard.parent else {})}

    def _overlay(self, model: ScreenModel, language: str) -> Widget:
        assert model.overlay is not None
        veil = AnchorLayout(anchor_y="center")
        with veil.canvas.before:
            Color(0, 0, 0, 0.6)
            shade = Rectangle()
        veil.bind(pos=lambda w, v: setattr(shade, "pos", v), size=lambda w, v: setattr(shade, "size", v))
        pad = self.theme.spacing_px * 2
        panel = BoxLayout(orientation="vertical", padding=pad, spacing=self.theme.spacing_px, size_hint=(0.9, None))
        with panel.canvas.before:
            Color(*self.theme.colour_background)
            frame = Rectangle()
        panel.bind(pos=lambda w, v: setattr(frame, "pos", v), size=lambda w, v: setattr(frame, "size", v))
        panel.add_widget(KioskLabel(self.theme, text=self._tr(model.overlay.title, language), style="title"))
        panel.add_widget(KioskLabel(self.theme, text=self._tr(model.overlay.body, language)))
        if model.overlay.actions:
            panel.add_widget(self._grid(model.overlay.actions, language, cols=1))
        panel.bind(minimum_height=panel.setter("height"))
        veil.add_widget(panel)
        return veil

    def _grid(self, actions: tuple[Action, ...], language: str, cols: int) -> GridLayout:
        grid = GridLayout(cols=cols, spacing=self.theme.spacing_px, size_hint_y=None)
        grid.bind(minimum_height=grid.setter("height"))
        for action in actions:
            grid.add_widget(self._button(action, language))
        return grid

    def _button(self, action: Action, language: str) -> KioskButton:
        label = action.literal or self._tr(action.label, language)
        if action.checked is not None and action.literal is None:
            state = self._tr(Text("toggle.on" if action.checked else "toggle.off"), language)
            label = f"{label}：{state}" if language == "zh_CN" else f"{label}: {state}"
        button = KioskButton(
            self.theme, text=label, role=action.role, widget_id=action.widget_id,
            checked=action.checked, enabled=action.enabled,
        )
        button.bind(on_release=lambda *_: self._activate(action))
        self.buttons[action.widget_id] = button
        return button

    def _activate(self, action: Action) -> None:
        if action.enabled:
            self.send_intent(action.intent, **action.params)

