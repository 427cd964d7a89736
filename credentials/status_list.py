"""The bits of a W3C Bitstring Status List (https://www.w3.org/TR/vc-bitstring-status-list/).

Bit i says whether the credential at status-list index i is revoked; index 0 is the left-most
bit of the first byte. The list is published GZIP-compressed, base64url-encoded without padding,
with the multibase prefix "u". It is at least 131,072 bits long (16 KB), as the standard asks, so
that a verifier fetching it learns nothing about which credential it is checking.
"""

import base64
import binascii
import gzip
import re
import zlib

MIN_LENGTH = 131_072
MULTIBASE_BASE64URL = "u"
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*={0,2}")


class InvalidStatusList(ValueError):
    """The encoded list cannot be read; the message says why."""


def length_for(highest_index):
    """The list's length in bits: room for `highest_index`, in whole blocks of MIN_LENGTH, so the
    length says little about how many credentials were issued."""
    blocks = (max(highest_index or 0, 0) // MIN_LENGTH) + 1
    return blocks * MIN_LENGTH


def encode(revoked_indexes, length=MIN_LENGTH):
    """The encoded list of `length` bits (at least MIN_LENGTH) with the `revoked_indexes` set."""
    length = max(length, MIN_LENGTH)
    bits = bytearray((length + 7) // 8)
    for index in revoked_indexes:
        if not 0 <= index < length:
            raise ValueError(f"Index {index} is outside a status list of {length} bits.")
        bits[index // 8] |= 0x80 >> (index % 8)
    # mtime=0: the same bits always encode to the same text.
    compressed = gzip.compress(bytes(bits), mtime=0)
    return MULTIBASE_BASE64URL + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def decode(encoded, max_bits=64 * MIN_LENGTH):
    """The bitstring (bytes) of an encoded list; InvalidStatusList if it is not one.

    Decompresses at most `max_bits`, so a small hostile text cannot expand into gigabytes.
    """
    if not isinstance(encoded, str) or not encoded.startswith(MULTIBASE_BASE64URL):
        raise InvalidStatusList("A status list starts with the multibase prefix “u”.")
    body = encoded[1:]
    if not _BASE64URL.fullmatch(body):
        raise InvalidStatusList("The status list is not base64url text.")
    try:
        compressed = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
    except (binascii.Error, ValueError):
        raise InvalidStatusList("The status list is not base64url text.") from None
    decompressor = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # GZIP framing
    try:
        bits = decompressor.decompress(compressed, max_bits // 8)
    except zlib.error:
        raise InvalidStatusList("The status list is not GZIP-compressed.") from None
    if decompressor.unconsumed_tail:
        raise InvalidStatusList(f"The status list is longer than {max_bits} bits.")
    if not decompressor.eof:
        raise InvalidStatusList("The status list is cut short.")
    return bits


def is_set(bitstring, index):
    """Whether bit `index` of the decoded `bitstring` is set (the credential revoked)."""
    if not 0 <= index < len(bitstring) * 8:
        raise IndexError(f"Index {index} is outside a status list of {len(bitstring) * 8} bits.")
    return bool(bitstring[index // 8] & (0x80 >> (index % 8)))
