// The text a person reads in an HTML email, through libxml2's HTML parser (forgiving, like a
// mail client): block elements (p, div, br, li, tr, headings, ...) start new lines, entities are
// decoded, scripts, styles, the head and comments are ignored, runs of whitespace collapse to
// one space (except in <pre>), and no-break spaces read as spaces.
#pragma once

#include <string>
#include <string_view>

namespace esc {

// `html` is UTF-8 (the part's charset already converted); a <meta charset> inside is ignored.
// Lines end with "\n"; trailing spaces are removed; at most one blank line in a row.
std::string html_to_text(std::string_view html);

}  // namespace esc
