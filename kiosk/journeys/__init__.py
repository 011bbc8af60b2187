"""The visitor journeys: each a compound state, its effects (guards and entry actions) and its presenters."""
