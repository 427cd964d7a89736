"""The revocation list's bits, encoded as the W3C Bitstring Status List says: GZIP, base64url,
the multibase prefix "u", index 0 the left-most bit, at least 131,072 bits."""

import base64
import gzip

import pytest

from credentials import status_list


def raw_bits(encoded):
    """The bitstring decoded by hand, the way any verifier would, without the module under test."""
    assert encoded.startswith("u")
    body = encoded[1:]
    assert "=" not in body, "base64url without padding"
    return gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))


def test_an_empty_list_is_131072_bits_all_clear():
    bits = raw_bits(status_list.encode([]))
    assert len(bits) * 8 == 131_072
    assert not any(bits)


@pytest.mark.parametrize(
    ("index", "byte", "mask"),
    [(0, 0, 0b1000_0000), (7, 0, 0b0000_0001), (8, 1, 0b1000_0000), (131_071, 16_383, 0b1)],
)
def test_index_0_is_the_left_most_bit(index, byte, mask):
    bits = raw_bits(status_list.encode([index]))
    assert bits[byte] == mask
    assert sum(bin(value).count("1") for value in bits) == 1
    decoded = status_list.decode(status_list.encode([index]))
    assert status_list.is_set(decoded, index)
    assert not status_list.is_set(decoded, index ^ 1)


def test_several_revoked_credentials_round_trip():
    revoked = {0, 3, 8, 9, 1000, 131_071}
    decoded = status_list.decode(status_list.encode(revoked))
    assert {i for i in range(len(decoded) * 8) if status_list.is_set(decoded, i)} == revoked


def test_the_list_grows_in_whole_blocks_beyond_its_minimum():
    assert status_list.length_for(None) == 131_072
    assert status_list.length_for(131_071) == 131_072
    assert status_list.length_for(131_072) == 2 * 131_072
    encoded = status_list.encode([200_000], status_list.length_for(200_000))
    assert status_list.is_set(status_list.decode(encoded), 200_000)
    with pytest.raises(ValueError, match="outside"):
        status_list.encode([131_072])


def test_the_same_bits_always_encode_to_the_same_text():
    assert status_list.encode([5, 6]) == status_list.encode([6, 5])


@pytest.mark.parametrize(
    ("encoded", "message"),
    [
        ("H4sIAAAAAAAA", "multibase prefix"),
        ("u!!!", "base64url"),
        ("u" + base64.urlsafe_b64encode(b"not gzip").decode(), "GZIP"),
        ("u" + base64.urlsafe_b64encode(gzip.compress(bytes(16_384))[:20]).decode(), "cut short"),
    ],
)
def test_an_unreadable_list_is_refused_with_a_reason(encoded, message):
    with pytest.raises(status_list.InvalidStatusList, match=message):
        status_list.decode(encoded)


def test_a_small_text_cannot_expand_without_bound():
    bomb = "u" + base64.urlsafe_b64encode(gzip.compress(bytes(100 * 1024 * 1024))).decode()
    assert len(bomb) < 200_000
    with pytest.raises(status_list.InvalidStatusList, match="longer than"):
        status_list.decode(bomb)
