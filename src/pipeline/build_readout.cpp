// The executive readout step of a pack: render, then turn the renderer's outcome into pack
// files, findings and environment errors.
#include <cstdlib>

#include "pipeline/build_packs.h"
#include "core/calendar.h"
#include "render/readout_pdf.h"

namespace esc {

namespace {

// SOURCE_DATE_EPOCH (reproducible builds): the only date a PDF may carry.
std::optional<long long> source_date_epoch() {
  const char* v = std::getenv("SOURCE_DATE_EPOCH");
  if (!v || !*v) return std::nullopt;
  char* end = nullptr;
  long long t = std::strtoll(v, &end, 10);
  if (*end != '\0' || t < 0) return std::nullopt;
  return t;
}

}  // namespace

void build_readout(const Record& record, const Config& config, Instant now, bool draft, const std::string& font,
                   pdf::FontCache& fonts, FileResult& fr, std::vector<PackFile>& files, std::string& error) {
  Calendar calendar(config.calendar, config.holidays);
  ReadoutOptions options;
  options.draft = draft;
  options.now = now;
  options.source_date_epoch = source_date_epoch();
  options.font = font;
  options.fonts = &fonts;
  ReadoutResult r = render_readout(record, config, calendar, options);
  if (r.error) {
    error = *r.error;
    return;
  }
  for (Diagnostic& d : r.findings) fr.diagnostics.push_back(std::move(d));
  if (!r.pdf.empty()) files.push_back({"exec-readout.pdf", std::move(r.pdf)});
}

}  // namespace esc
