#include "render/font_cache.h"

#include <filesystem>

namespace esc::pdf {

FontCache::Font FontCache::open(const std::string& path) {
  const std::lock_guard lock(mutex_);
  if (auto it = fonts_.find(path); it != fonts_.end()) return it->second;
  Font f;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) {
    f.missing = true;
  } else if (auto ttf = TrueTypeFont::open(path, &f.why)) {
    f.font = std::make_shared<const TrueTypeFont>(std::move(*ttf));
  }
  return fonts_[path] = f;
}

}  // namespace esc::pdf
