// The one-page executive readout (exec-readout.pdf): the playbook's "Exec Readout — Companion
// Format" plus a timeline strip, typeset with libharu on one A4 page.
//
// Fonts: when no font is configured and every character of the page is in Windows-1252, the
// page uses the PDF's built-in Helvetica (nothing embedded: ~5 KB, under 1 ms). Otherwise it
// embeds subsets of DejaVu Sans (or the configured font) shown through WinAnsi plus custom
// single-byte encodings built for the page (see pdf_document.h), so any mix of "Ł", "ő", "Ş",
// "ı", Cyrillic or Greek renders and comes back out of pdftotext (~18 KB, ~2 ms). A character
// that neither face has is looked up in the installed fonts through fontconfig (CJK from
// fonts-wqy-microhei, say); one that no font has is drawn as "\uFFFD" and reported as a
// readout-glyph finding at the record field it comes from. Text in scripts that need shaping
// (Arabic, Devanagari, Thai...) is drawn letter by letter and reported the same way.
//
// The PDF's title is the readout's id and title, and its /Lang is the page's own language.
//
// Output is deterministic: no date unless SOURCE_DATE_EPOCH is given, no document ID, and font
// subset tags that depend only on the load order — the same inputs give the same bytes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/calendar.h"
#include "core/diagnostic.h"
#include "core/time.h"
#include "load/config.h"
#include "load/record.h"
#include "render/font_cache.h"

namespace esc {

inline constexpr const char* kDefaultReadoutFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
inline constexpr const char* kDefaultReadoutBoldFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

struct ReadoutOptions {
  bool draft = false;                          // --force on a record with errors: "DRAFT" on the page
  Instant now{};                               // the build's clock (--now): overdue promises, triage
  std::optional<long long> source_date_epoch;  // the PDF's CreationDate; no date at all when unset
  std::string font;       // --font; overrides Config::font; empty: the configured font, else DejaVu Sans
  std::string bold_font;  // empty: DejaVuSans-Bold for the default font, "<name>-Bold.ttf" beside a
                          // configured font when it exists, else the regular font
  std::vector<std::string> fallback_fonts;  // tried first for characters the fonts lack
  bool system_fonts = true;  // then the installed fonts that fontconfig finds have them
  bool allow_base14 = true;  // Helvetica when no font is configured and all text is WinAnsi
  pdf::FontCache* fonts = nullptr;  // fonts parsed once for a whole run; null: opened per readout
};

struct ReadoutResult {
  std::string pdf;                     // the PDF bytes; empty when there is no PDF
  std::vector<Diagnostic> findings;    // readout-one-page (error) when the content cannot fit;
                                       // readout-glyph (warning) per field with characters no font
                                       // has (drawn as U+FFFD) or in a script the page cannot shape
  std::optional<std::string> error;    // environment problem (missing or unusable font file, PDF
                                       // library failure): the caller exits 2
  double body_size = 0;                // the body text size that fitted (10 down to 8 pt)
  bool embedded_fonts = false;         // false: base-14 Helvetica
};

// Renders the readout of one record. Never throws for bad record content and never returns a
// partial PDF: either `pdf` holds a complete one-page document or it is empty.
ReadoutResult render_readout(const Record& record, const Config& config, const Calendar& calendar,
                             const ReadoutOptions& options);

}  // namespace esc
