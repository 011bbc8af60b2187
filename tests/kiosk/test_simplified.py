"""Elderly mode's simplified choices: a few large choices at a time, every one still reachable."""

from __future__ import annotations

from kiosk.controller import KioskController
from kiosk.i18n import Text, Translator
from kiosk.presenters import Action, ScreenModel
from kiosk.session import Preferences
from kiosk.simplified import PAGE_SIZE, TURN_PAGE, simplify, turn_page

JOURNEYS = ["choose_queue_ticket", "choose_lookup", "choose_payment", "choose_work_order", "choose_filing"]


def elderly_home(controller: KioskController) -> None:
    controller.intent("start_visit")
    controller.intent("elderly_mode")
    assert controller.screen == "home"


def choices(model: ScreenModel) -> list[str]:
    """The screen's large choices, in order (the page-turning button included)."""
    return [a.widget_id for a in model.actions if a.role == "primary"]


def turn(model: ScreenModel) -> Action:
    (action,) = [a for a in model.actions if a.intent == TURN_PAGE]
    return action


def menu(count: int, **extra: Action) -> ScreenModel:
    """A choice screen of ``count`` secondary choices after one main (primary) choice."""
    actions = (*(Action("pick", Text("text.plain", {"text": str(n)}), params={"n": n}) for n in range(count)),
               Action("main", Text("button.search"), "primary"), *extra.values())
    return ScreenModel("menu", Text("title.home"), actions=actions)


def test_home_shows_three_journeys_most_used_first_and_the_rest_a_page_away(controller: KioskController) -> None:
    elderly_home(controller)
    first = controller.model()
    assert choices(first) == [*JOURNEYS[:PAGE_SIZE], f"{TURN_PAGE}-choose_work_order"]
    assert turn(first).label == Text("elderly.button.more_choices", {"count": 2})
    assert {"elderly_mode", "finish"} <= {a.intent for a in first.actions}  # the way back and the way out stay
    controller.intent(TURN_PAGE, **turn(first).params)
    second = controller.model()
    assert choices(second) == [*JOURNEYS[PAGE_SIZE:], f"{TURN_PAGE}-choose_queue_ticket"]
    assert turn(second).label.key == "elderly.button.first_choices"
    controller.intent(TURN_PAGE, **turn(second).params)
    assert choices(controller.model()) == choices(first)


def test_every_choice_stays_reachable_and_one_column_large() -> None:
    model = menu(6, toggle=Action("toggle_voice", Text("button.voice"), "toggle", checked=False))
    seen: list[str] = []
    first = ""
    for _ in range(5):
        page = simplify(model, first)
        picked = [a for a in page.actions if a.intent in ("pick", "main")]
        assert len(picked) <= PAGE_SIZE and all(a.role == "primary" for a in picked)
        assert page.actions[-1].intent == "toggle_voice"  # settings are no choice: on every page
        seen += [a.widget_id for a in picked]
        first = turn(page).params["first"]
    assert sorted(set(seen)) == sorted(a.widget_id for a in model.actions if a.intent != "toggle_voice")
    assert seen[0] == "main"  # the presenter's main choice first


def test_four_choices_fit_without_a_more_button() -> None:
    page = simplify(menu(3))
    assert len(choices(page)) == 4
    assert TURN_PAGE not in {a.intent for a in page.actions}


def test_a_disabled_choice_keeps_its_place_and_the_rating_scale_is_never_split() -> None:
    pay = ScreenModel("payment_items", Text("title.home"), actions=(
        Action("pay_by_qr", Text("payment.button.pay_by_qr"), "primary", enabled=False),
        Action("apply_relief", Text("payment.button.apply_relief")),
        Action("toggle_item", Text("button.search"), "toggle", checked=False)))
    assert [a.intent for a in simplify(pay).actions] == ["pay_by_qr", "apply_relief", "toggle_item"]
    rating = ScreenModel("rating", Text("title.home"), actions=tuple(
        Action("rate", Text(f"rating.score_{s}"), params={"score": s}) for s in range(6)))
    assert simplify(rating).actions == rating.actions


def test_a_page_of_a_list_no_longer_shown_is_the_first_page_again() -> None:
    model = menu(6)
    second = turn(simplify(model)).params["first"]
    assert simplify(model, second).name == "menu#page2"
    other = ScreenModel("menu", Text("title.home"), actions=tuple(
        Action("answer", Text("button.lookup"), params={"value": v}) for v in "abcdef"))
    assert choices(simplify(other, second))[0] == "answer-a"
    assert simplify(other, second).name == "menu"


def test_steps_keep_back_home_help_and_repeat_and_help_keeps_every_setting(controller: KioskController) -> None:
    elderly_home(controller)
    controller.intent("choose_lookup")
    nav = controller.model().nav
    assert [a.intent for a in nav] == ["back", "go_home", "ask_help", "voice_repeat"]
    assert nav[2].label.key == "elderly.button.help"
    controller.intent("ask_help")
    model = controller.model()
    settings = {a.intent for a in model.nav}
    assert {"set_language", "cycle_text_size", "toggle_contrast", "toggle_voice", "voice_slower", "voice_louder"} <= settings
    assert model.body[-1].key == "elderly.body.settings"


def test_long_instructions_have_plain_words_and_the_mode_off_shows_everything(controller: KioskController) -> None:
    controller.intent("start_visit")
    plain = controller.model()
    controller.intent("elderly_mode")
    assert [t.key for t in controller.model().body] == ["elderly.body.home"]
    controller.intent("elderly_mode")
    assert controller.model() == plain


def test_the_more_button_works_by_keypad_and_the_new_page_is_read_from_its_top(controller: KioskController) -> None:
    elderly_home(controller)
    speaker = controller.devices.slots["speech"].driver
    for _ in controller.model().all_actions():
        if controller.focused_widget == f"{TURN_PAGE}-choose_work_order":
            break
        controller.intent("focus_next")
    said_before = len(speaker.utterances)
    controller.intent("activate")
    spoken = "\n".join(u.text for u in speaker.utterances[said_before:])
    translate = Translator().text
    assert translate("button.work_order", "zh_CN") in spoken and translate("button.filing", "zh_CN") in spoken
    assert controller.focused_widget is None  # a new page: focus starts over
    controller.intent("focus_next")
    assert controller.focused_widget == "choose_work_order"
    controller.intent("activate")
    assert controller.flow.step == "work_order_menu"


def test_a_screen_opens_on_its_first_page_again_after_the_visitor_left_it(controller: KioskController) -> None:
    elderly_home(controller)
    controller.intent(TURN_PAGE, **turn(controller.model()).params)
    controller.intent("choose_work_order")
    controller.model()  # the screen the visitor sees now
    controller.intent("go_home")
    assert choices(controller.model())[0] == "choose_queue_ticket"


def test_the_page_is_kept_on_the_visit_preferences_and_ends_with_the_visit(controller: KioskController) -> None:
    prefs = Preferences()
    assert prefs.choice_page.follow("home") == ""
    turn_page(prefs, first="choose_filing")
    assert prefs.choice_page.follow("home") == "choose_filing"
    elderly_home(controller)
    controller.model()
    controller.intent(TURN_PAGE, first="choose_work_order")
    assert controller.model().name == "home#page2"
    controller.visit.wipe()
    assert controller.visit.preferences.choice_page.first == ""
