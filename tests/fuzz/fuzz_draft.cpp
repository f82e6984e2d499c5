// libFuzzer target: the draft reader and every lint-comms rule, with and without --incident.
// The first byte picks the format (.eml or text) and whether the example record is the incident.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <optional>
#include <sstream>
#include <string_view>

#include "draft/draft.h"
#include "load/loader.h"
#include "rules/draft_lint.h"

namespace {

const esc::Record* example_record() {
  static const std::optional<esc::Record> record = [] {
    std::ifstream in(std::string(ESCALATE_FUZZ_SOURCE_DIR) + "/fixtures/ESC-2026-0142.yaml", std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return esc::load_record(ss.str(), "ESC-2026-0142.yaml", {}).record;
  }();
  return record ? &*record : nullptr;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const esc::Config config;
  static const esc::Instant now = *esc::parse_now("2026-11-02T08:45:00Z");
  const uint8_t mode = data[0];
  std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
  esc::Draft draft = esc::read_draft(text, (mode & 1) ? esc::DraftFormat::email : esc::DraftFormat::text);
  esc::DraftLintOptions options;
  options.config = &config;
  options.now = now;
  std::optional<esc::Incident> incident;
  if ((mode & 2) && example_record()) {
    incident.emplace(esc::Incident{*example_record(), "ESC-2026-0142.yaml"});
    options.incident = &*incident;
  }
  esc::lint_draft(draft, "fuzz.eml", options);
  return 0;
}
