"""The room code, the phones' tokens and the QR code of the join address."""

from __future__ import annotations

from sixstep.room.codes import CODE_ALPHABET, new_room_code, new_token, same_code
from sixstep.room.qr import qr_matrix


def test_room_codes_are_random_from_the_readable_alphabet():
    codes = {new_room_code() for _ in range(200)}
    assert len(codes) == 200  # no counter, no repeats in practice
    assert all(len(c) == 6 and set(c) <= set(CODE_ALPHABET) for c in codes)
    assert not set("01ILO") & set(CODE_ALPHABET)


def test_tokens_are_long_random_and_url_safe():
    tokens = {new_token() for _ in range(200)}
    assert len(tokens) == 200
    assert all(len(t) == 32 and t.replace("-", "").replace("_", "").isalnum() for t in tokens)


def test_a_typed_code_matches_whatever_its_case_and_spaces():
    assert same_code(" abc234 ", "ABC234")
    assert not same_code("ABC235", "ABC234") and not same_code("", "ABC234")
    assert not same_code("\u00c4BC234", "ABC234")


def test_the_qr_matrix_is_square_with_a_quiet_zone_and_finder_patterns():
    matrix = qr_matrix("http://192.168.1.20:8765/?room=ABC234")
    size = len(matrix)
    assert all(len(row) == size for row in matrix) and (size - 8 - 21) % 4 == 0
    assert not any(matrix[0]) and not any(row[0] for row in matrix)
    finder = [row[4:11] for row in matrix[4:11]]
    assert all(finder[0]) and all(finder[6]) and all(r[0] and r[6] for r in finder)
    assert not finder[1][1] and finder[3][3]
    assert len(qr_matrix("x", border=0)) == 21
