"""The short code field every code form uses: letters of any script, digits, '.', '-' and '_'."""

from __future__ import annotations

import pytest

from ethics_hr.core.forms import is_short_code


@pytest.mark.parametrize("text", ["FIN", "fin_2", "ETH.101", "สป", "สป.", "ศูนย์-เด็กเล็ก", "กองช่าง", "๑๒"])
def test_a_short_code_accepts_letters_of_any_script_digits_and_three_marks(text):
    assert is_short_code(text)


@pytest.mark.parametrize("text", ["", "A B", "กอง/1", "-A", "_x", "ั", "a\tb", "x@y"])
def test_a_short_code_refuses_spaces_other_punctuation_and_a_leading_mark(text):
    assert not is_short_code(text)
