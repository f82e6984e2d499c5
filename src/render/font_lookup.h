// Which installed fonts can show a character, asked of fontconfig (the system's font catalogue)
// rather than guessed from a list of paths that differs between distributions and releases.
#pragma once

#include <span>
#include <string>
#include <vector>

namespace esc::pdf {

// TrueType-outline font files (the first face of each file; what TrueTypeFont and libharu can
// embed) that together have glyphs for as many of `chars` as the installed fonts allow. Chosen
// greedily: first the file that covers the most of them, then the one that covers the most of
// the rest, and so on; ties go to the lower path, so the choice is the same on every run. Empty
// when fontconfig is unavailable or no installed font helps.
std::vector<std::string> fonts_covering(std::span<const char32_t> chars);

}  // namespace esc::pdf
