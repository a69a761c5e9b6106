"""Shrink Qt's ICU data library (libicudata, 32 MB) to what Qt uses, for the bundle.

Qt asks ICU for collation, text boundaries (line and word breaking, CJK dictionaries), case
mapping, normalisation, IDNA and legacy codecs. It never asks for ICU's display names of
languages, regions, currencies, units and time zones, nor for spelled-out numbers or
transliteration: those trees (15 MB) are dropped from the common data package.

libicudata is a shared library whose only content is that package, in `.rodata` as the
symbol `icudt<version>_dat`. The package is rewritten without the dropped items (ICU's
"CmnD" format: a table of contents of names and 16-byte aligned items), and the library is
laid out again: everything after `.rodata` moves down by whole pages, so file offsets and
addresses stay congruent, and the headers that point there are patched.
"""

from __future__ import annotations

import struct
from pathlib import Path

DROPPED_TREES = ("lang", "region", "curr", "unit", "zone", "rbnf", "translit")
PAGE = 0x1000


class IcuDataError(ValueError):
    """The library or its data package is not laid out as expected."""


def trimmed_package(data: bytes, dropped: tuple[str, ...] = DROPPED_TREES) -> bytes:
    """The ICU common data package without the items of the `dropped` trees."""
    header_size, magic1, magic2 = struct.unpack_from("<HBB", data, 0)
    if (magic1, magic2) != (0xDA, 0x27) or data[12:16] != b"CmnD":
        raise IcuDataError("not an ICU common data package")
    toc = header_size
    (count,) = struct.unpack_from("<I", data, toc)
    entries = [struct.unpack_from("<II", data, toc + 4 + 8 * i) for i in range(count)]
    kept: list[tuple[bytes, bytes]] = []
    for number, (name_offset, data_offset) in enumerate(entries):
        name = data[toc + name_offset:data.index(b"\0", toc + name_offset)]
        end = entries[number + 1][1] if number + 1 < count else len(data) - toc
        parts = name.split(b"/")
        if len(parts) > 2 and parts[1].decode() in dropped:
            continue
        kept.append((name, data[toc + data_offset:toc + end]))
    names_at = 4 + 8 * len(kept)
    names = bytearray()
    name_offsets = []
    for name, _item in kept:
        name_offsets.append(names_at + len(names))
        names += name + b"\0"
    items_at = names_at + len(names)
    padding = -(toc + items_at) % 16
    items_at += padding
    items = bytearray()
    item_offsets = []
    for _name, item in kept:
        item_offsets.append(items_at + len(items))
        items += item + b"\0" * (-len(item) % 16)
    table = struct.pack("<I", len(kept)) + b"".join(
        struct.pack("<II", n, i) for n, i in zip(name_offsets, item_offsets, strict=True)
    )
    return data[:toc] + table + bytes(names) + b"\0" * padding + bytes(items)


def _sections(elf: bytes) -> list[list[int]]:
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", elf, 0x3A)
    return [list(struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * shentsize))
            for i in range(shnum)]


def shrink_library(path: Path) -> tuple[int, int]:
    """Rewrite libicudata in place with the trimmed package; returns (old, new) sizes."""
    elf = bytearray(path.read_bytes())
    if elf[:4] != b"\x7fELF" or elf[4] != 2 or elf[5] != 1:
        raise IcuDataError(f"{path.name} is not a 64-bit little-endian ELF file")
    sections = _sections(bytes(elf))
    shstr = sections[struct.unpack_from("<H", elf, 0x3E)[0]]
    def name_of(section: list[int]) -> bytes:
        start = shstr[4] + section[0]
        return bytes(elf[start:elf.index(b"\0", start)])
    rodata = next(s for s in sections if name_of(s) == b".rodata")
    old_start, old_size = rodata[4], rodata[5]
    package = trimmed_package(bytes(elf[old_start:old_start + old_size]))
    delta = -((old_size - len(package)) // PAGE) * PAGE  # whole pages: offsets stay congruent
    if delta == 0:
        return len(elf), len(elf)
    old_end = old_start + old_size
    new_rodata = package + b"\0" * (old_size + delta - len(package))

    # ELF header: section headers move.
    shoff, = struct.unpack_from("<Q", elf, 0x28)
    struct.pack_into("<Q", elf, 0x28, shoff + delta)
    # Program headers: the first LOAD holds .rodata; everything after it moves down.
    phoff, = struct.unpack_from("<Q", elf, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", elf, 0x36)
    for i in range(phnum):
        at = phoff + i * phentsize
        p_type, _flags, offset, vaddr, paddr, filesz, memsz, _align = struct.unpack_from(
            "<IIQQQQQQ", elf, at)
        if offset >= old_end:
            struct.pack_into("<QQQ", elf, at + 8, offset + delta, vaddr + delta, paddr + delta)
        elif p_type == 1 and offset + filesz >= old_end:  # the LOAD segment that holds .rodata
            struct.pack_into("<QQ", elf, at + 32, filesz + delta, memsz + delta)
    # Section headers: those after .rodata move; .rodata shrinks.
    for i, section in enumerate(sections):
        at = shoff + i * 64
        if section is rodata:
            struct.pack_into("<Q", elf, at + 32, old_size + delta)
        elif section[4] >= old_end and section[1] != 0:
            addr = section[3] + delta if section[3] else 0
            struct.pack_into("<QQ", elf, at + 16, addr, section[4] + delta)
    # The data symbol's size; dynamic entries pointing past .rodata (none expected).
    dynsym = next(s for s in sections if name_of(s) == b".dynsym")
    for at in range(dynsym[4], dynsym[4] + dynsym[5], 24):
        value, size = struct.unpack_from("<QQ", elf, at + 8)
        if value == rodata[3] and size == old_size:
            struct.pack_into("<Q", elf, at + 16, len(package))
    dynamic = next(s for s in sections if name_of(s) == b".dynamic")
    for at in range(dynamic[4], dynamic[4] + dynamic[5], 16):
        tag, value = struct.unpack_from("<qQ", elf, at)
        if tag in (4, 5, 6, 0x6FFFFEF5) and value >= rodata[3] + old_size:
            raise IcuDataError("a dynamic entry points past the data")
    shrunk = bytes(elf[:old_start]) + new_rodata + bytes(elf[old_end:])
    path.write_bytes(shrunk)
    return len(elf), len(shrunk)


if __name__ == "__main__":
    import sys

    before, after = shrink_library(Path(sys.argv[1]))
    print(f"{sys.argv[1]}: {before / 1e6:.1f} MB -> {after / 1e6:.1f} MB")
