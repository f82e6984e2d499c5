// The TrueType fonts of a run, each mapped and parsed once, then shared read-only by every
// document rendered from it, on any thread: a build renders one readout per record, and opening
// and parsing DejaVu Sans for each cost more than subsetting it.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>

#include "render/ttf_subset.h"

namespace esc::pdf {

class FontCache {
 public:
  struct Font {
    std::shared_ptr<const TrueTypeFont> font;  // null when the file cannot be used
    bool missing = false;                       // ... because it does not exist
    std::string why;                            // ... otherwise why (TrueTypeFont::open)
  };

  // The font file at `path`, opened on the first call; later calls give the same answer.
  // Safe to call from several threads at once.
  Font open(const std::string& path);

 private:
  std::mutex mutex_;
  std::map<std::string, Font, std::less<>> fonts_;
};

}  // namespace esc::pdf
