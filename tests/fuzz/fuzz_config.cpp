// libFuzzer target: the configuration loader (.escalate.yaml).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "load/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<esc::Diagnostic> problems;
  esc::load_config(text, ".escalate.yaml", problems);
  return 0;
}
