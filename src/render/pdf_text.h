// Text for the PDF: UTF-8 decoding, the Windows-1252 (WinAnsi) mapping that base-14 fonts
// use, and line breaking that never stalls on a word wider than the line.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace esc::pdf {

// Decodes UTF-8; an invalid sequence becomes U+FFFD (the loader already refuses invalid UTF-8,
// this only keeps the renderer total).
std::u32string decode_utf8(std::string_view text);
std::string encode_utf8(std::u32string_view text);

// What a record value looks like on paper: control characters and runs of whitespace become
// one space, and leading/trailing whitespace goes.
std::u32string clean_text(std::string_view utf8);

// The Windows-1252 byte for a character (the WinAnsiEncoding of base-14 PDF fonts), or nullopt
// when it has none. "—", "“", "£", "é" and "€" have one; "Ł", "ő" and CJK do not.
std::optional<unsigned char> to_cp1252(char32_t c);
// The character of a Windows-1252 byte (0x20-0xFF), or nullopt for the five unassigned bytes
// and the control range.
std::optional<char32_t> from_cp1252(unsigned char b);

// The script of `c` when it cannot be read without shaping — letters joined by context
// (Arabic), vowel signs reordered around consonants (Devanagari and the other Indic scripts),
// marks stacked (Thai, Tibetan) or text set right to left (Hebrew) — which the readout does not
// do: it draws one glyph per character, left to right. nullopt for every other character.
std::optional<std::string_view> script_needing_shaping(char32_t c);

// Breaks text into lines no wider than `max_width`, at spaces; a word wider than a whole line is
// split between characters (every line holds at least one character, so this always ends).
// `advance` gives a character's width in the same unit as max_width.
std::vector<std::u32string> wrap_lines(std::u32string_view text, double max_width,
                                       const std::function<double(char32_t)>& advance);

// The longest prefix of `text` that fits `max_width` with "…" appended (the whole text when it
// fits). For labels in tight spaces such as table cells and timeline flags.
std::u32string ellipsize(std::u32string_view text, double max_width,
                         const std::function<double(char32_t)>& advance);

}  // namespace esc::pdf
