#include "render/ttf_subset.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <map>

namespace esc::pdf {

namespace {

// Big-endian reads that never go past the end: out-of-range reads give 0, and every table range
// is checked once at parse time, so a damaged font yields a refusal, never a crash.
std::uint16_t u16(std::string_view d, std::size_t at) {
  if (at + 2 > d.size()) return 0;
  return static_cast<std::uint16_t>((static_cast<unsigned char>(d[at]) << 8) |
                                    static_cast<unsigned char>(d[at + 1]));
}
std::uint32_t u32(std::string_view d, std::size_t at) {
  return (static_cast<std::uint32_t>(u16(d, at)) << 16) | u16(d, at + 2);
}
void put16(std::string& out, std::uint32_t v) {
  out.push_back(static_cast<char>((v >> 8) & 0xFF));
  out.push_back(static_cast<char>(v & 0xFF));
}
void put32(std::string& out, std::uint32_t v) {
  put16(out, v >> 16);
  put16(out, v & 0xFFFF);
}
void set16(std::string& out, std::size_t at, std::uint32_t v) {
  if (at + 2 > out.size()) return;
  out[at] = static_cast<char>((v >> 8) & 0xFF);
  out[at + 1] = static_cast<char>(v & 0xFF);
}
void set32(std::string& out, std::size_t at, std::uint32_t v) {
  set16(out, at, v >> 16);
  set16(out, at + 2, v & 0xFFFF);
}
void pad4(std::string& out) {
  while (out.size() % 4 != 0) out.push_back('\0');
}
std::uint32_t checksum(std::string_view t) {
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < t.size(); i += 4) {
    std::uint32_t word = 0;
    for (std::size_t k = 0; k < 4; ++k)
      word = (word << 8) | (i + k < t.size() ? static_cast<unsigned char>(t[i + k]) : 0u);
    sum += word;
  }
  return sum;
}

// Composite glyph component flags (OpenType glyf table).
constexpr std::uint16_t kArgsAreWords = 0x0001, kHaveScale = 0x0008, kMoreComponents = 0x0020,
                        kHaveXYScale = 0x0040, kHaveTwoByTwo = 0x0080;

constexpr std::uint16_t kHaveInstructions = 0x0100;

// Calls fn(offset of the flags field) for each component of a composite glyph (the glyph index
// follows the flags); returns the offset just past the last component.
template <class Fn> std::size_t for_each_component(std::string_view glyph, Fn fn) {
  if (glyph.size() < 10 || static_cast<std::int16_t>(u16(glyph, 0)) >= 0) return glyph.size();
  std::size_t at = 10;
  for (int guard = 0; guard < 1024 && at + 4 <= glyph.size(); ++guard) {
    const std::uint16_t flags = u16(glyph, at);
    fn(at);
    at += 4 + ((flags & kArgsAreWords) ? 4 : 2);
    if (flags & kHaveScale) at += 2;
    else if (flags & kHaveXYScale) at += 4;
    else if (flags & kHaveTwoByTwo) at += 8;
    if (!(flags & kMoreComponents)) break;
  }
  return std::min(at, glyph.size());
}

// Removes a glyph's hinting instructions (about half of DejaVu's glyph bytes). PDF viewers
// rasterise without TrueType hinting, so they are dead weight in an embedded font.
std::string strip_instructions(std::string glyph) {
  if (glyph.size() < 12) return glyph;
  const auto contours = static_cast<std::int16_t>(u16(glyph, 0));
  if (contours >= 0) {
    const std::size_t len_at = 10 + 2 * static_cast<std::size_t>(contours);
    const std::size_t length = u16(glyph, len_at);
    if (len_at + 2 + length > glyph.size()) return glyph;
    glyph.erase(len_at + 2, length);
    set16(glyph, len_at, 0);
    return glyph;
  }
  std::vector<std::size_t> flag_offsets;
  const std::size_t end = for_each_component(glyph, [&](std::size_t at) { flag_offsets.push_back(at); });
  for (std::size_t at : flag_offsets) set16(glyph, at, u16(glyph, at) & ~kHaveInstructions);
  glyph.resize(end);
  return glyph;
}

}  // namespace

std::string_view TrueTypeFont::bytes(const Table& t) const { return data_.substr(t.offset, t.length); }

std::optional<TrueTypeFont> TrueTypeFont::parse(std::string bytes, std::string* error) {
  auto owner = std::make_shared<const std::string>(std::move(bytes));
  const std::string_view view = *owner;
  return parse_view(std::move(owner), view, error);
}

namespace {
struct Mapping {
  void* address = MAP_FAILED;
  std::size_t size = 0;
  ~Mapping() {
    if (address != MAP_FAILED) ::munmap(address, size);
  }
};
}  // namespace

std::optional<TrueTypeFont> TrueTypeFont::open(const std::string& path, std::string* error) {
  auto fail = [&](std::string why) -> std::optional<TrueTypeFont> {
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return fail("it does not exist or cannot be read");
  struct stat st {};
  auto mapping = std::make_shared<Mapping>();
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 && st.st_size <= (256 << 20)) {
    mapping->size = static_cast<std::size_t>(st.st_size);
    mapping->address = ::mmap(nullptr, mapping->size, PROT_READ, MAP_PRIVATE, fd, 0);
  }
  ::close(fd);
  if (mapping->address == MAP_FAILED) return fail("it is not a readable regular file");
  const std::string_view view(static_cast<const char*>(mapping->address), mapping->size);
  return parse_view(std::move(mapping), view, error);
}

std::optional<TrueTypeFont> TrueTypeFont::parse_view(std::shared_ptr<const void> owner, std::string_view data,
                                                     std::string* error) {
  auto fail = [&](std::string why) -> std::optional<TrueTypeFont> {
    if (error) *error = std::move(why);
    return std::nullopt;
  };
  TrueTypeFont f;
  f.owner_ = std::move(owner);
  f.data_ = data;
  const std::string_view d = f.data_;
  if (d.size() < 12) return fail("it is not a TrueType font file");
  if (d.substr(0, 4) == "ttcf") f.base_ = u32(d, 12);  // the first font of a collection
  const std::uint32_t version = u32(d, f.base_);
  if (version == 0x4F54544F) return fail("it is an OpenType/CFF font; a TrueType (.ttf) font is needed");
  if (version != 0x00010000 && version != 0x74727565) return fail("it is not a TrueType font file");

  const std::uint16_t count = u16(d, f.base_ + 4);
  std::map<std::string, Table, std::less<>> tables;
  for (std::uint16_t i = 0; i < count; ++i) {
    const std::size_t rec = f.base_ + 12 + 16 * std::size_t{i};
    if (rec + 16 > d.size()) return fail("its table directory is truncated");
    Table t{u32(d, rec + 8), u32(d, rec + 12)};
    if (std::size_t{t.offset} + t.length > d.size()) return fail("a table runs past the end of the file");
    tables[std::string(d.substr(rec, 4))] = t;
  }
  auto take = [&](const char* tag, Table& into, bool required) {
    auto it = tables.find(tag);
    if (it != tables.end()) into = it->second;
    return it != tables.end() || !required;
  };
  if (tables.contains("CFF ")) return fail("it is an OpenType/CFF font; a TrueType (.ttf) font is needed");
  for (auto [tag, table] : std::initializer_list<std::pair<const char*, Table*>>{
           {"head", &f.head_}, {"hhea", &f.hhea_}, {"maxp", &f.maxp_}, {"hmtx", &f.hmtx_},
           {"loca", &f.loca_}, {"glyf", &f.glyf_}, {"cmap", &f.cmap_}, {"OS/2", &f.os2_}})
    if (!take(tag, *table, true)) return fail(std::string("it has no '") + tag + "' table");
  take("name", f.name_, false);
  take("post", f.post_, false);
  take("cvt ", f.cvt_, false);
  take("fpgm", f.fpgm_, false);
  take("prep", f.prep_, false);
  if (f.head_.length < 54 || f.hhea_.length < 36 || f.maxp_.length < 6 || f.os2_.length < 78)
    return fail("its head, hhea, maxp or OS/2 table is too short");

  f.num_glyphs_ = u16(d, f.maxp_.offset + 4);
  f.num_hmetrics_ = u16(d, f.hhea_.offset + 34);
  f.long_loca_ = u16(d, f.head_.offset + 50) != 0;
  if (f.num_glyphs_ == 0 || f.num_hmetrics_ == 0 || f.num_hmetrics_ > f.num_glyphs_ ||
      f.hmtx_.length < 4u * f.num_hmetrics_ + 2u * (f.num_glyphs_ - f.num_hmetrics_) ||
      f.loca_.length < (f.long_loca_ ? 4u : 2u) * (f.num_glyphs_ + 1u))
    return fail("its glyph tables are inconsistent");

  // Prefer the Windows Unicode BMP subtable, else a Unicode-platform one; format 4 only.
  const std::uint16_t subtables = u16(d, f.cmap_.offset + 2);
  std::uint32_t unicode_platform = 0;
  for (std::uint16_t i = 0; i < subtables; ++i) {
    const std::size_t rec = f.cmap_.offset + 4 + 8 * std::size_t{i};
    const std::uint32_t at = f.cmap_.offset + u32(d, rec + 4);
    if (rec + 8 > std::size_t{f.cmap_.offset} + f.cmap_.length || u16(d, at) != 4) continue;
    if (std::size_t{at} + u16(d, at + 2) > std::size_t{f.cmap_.offset} + f.cmap_.length) continue;
    if (u16(d, rec) == 3 && u16(d, rec + 2) == 1) {
      f.cmap_sub_ = at;
      break;
    }
    if (u16(d, rec) == 0 && !unicode_platform) unicode_platform = at;
  }
  if (!f.cmap_sub_) f.cmap_sub_ = unicode_platform;
  if (!f.cmap_sub_) return fail("it has no Unicode character map");
  return std::optional<TrueTypeFont>(std::move(f));
}

std::uint16_t TrueTypeFont::glyph_for(char32_t c) const {
  if (c > 0xFFFF || !cmap_sub_) return 0;
  const std::string_view d = data_;
  const std::uint32_t segs = u16(d, cmap_sub_ + 6) / 2;
  const std::size_t ends = cmap_sub_ + 14, starts = ends + 2 * std::size_t{segs} + 2;
  const std::size_t deltas = starts + 2 * std::size_t{segs}, ranges = deltas + 2 * std::size_t{segs};
  // Binary search for the first segment whose end >= c.
  std::uint32_t lo = 0, hi = segs;
  while (lo < hi) {
    const std::uint32_t mid = (lo + hi) / 2;
    if (u16(d, ends + 2 * mid) < c) lo = mid + 1;
    else hi = mid;
  }
  if (lo >= segs) return 0;
  const std::uint16_t start = u16(d, starts + 2 * lo);
  if (c < start) return 0;
  const std::uint16_t delta = u16(d, deltas + 2 * lo);
  const std::uint16_t range = u16(d, ranges + 2 * lo);
  std::uint16_t gid;
  if (range == 0) {
    gid = static_cast<std::uint16_t>(c + delta);
  } else {
    const std::uint16_t g = u16(d, ranges + 2 * lo + range + 2 * (c - start));
    gid = g ? static_cast<std::uint16_t>(g + delta) : 0;
  }
  return gid < num_glyphs_ ? gid : 0;
}

bool TrueTypeFont::glyph_range(std::uint16_t gid, std::uint32_t& begin, std::uint32_t& end) const {
  const std::string_view d = data_;
  if (long_loca_) {
    begin = u32(d, loca_.offset + 4 * std::size_t{gid});
    end = u32(d, loca_.offset + 4 * std::size_t{gid} + 4);
  } else {
    begin = 2u * u16(d, loca_.offset + 2 * std::size_t{gid});
    end = 2u * u16(d, loca_.offset + 2 * std::size_t{gid} + 2);
  }
  return begin <= end && end <= glyf_.length;
}

std::string TrueTypeFont::build_name_table() const {
  // Keep the copyright and the family/style/full/version/PostScript names (IDs 0-6), as
  // Windows Unicode English records; drop the rest (the licence text alone is ~10 KB).
  std::array<std::u16string, 7> names;
  const std::string_view d = data_;
  if (name_.length >= 6) {
    const std::uint16_t count = u16(d, name_.offset + 2);
    const std::size_t strings = name_.offset + u16(d, name_.offset + 4);
    std::array<int, 7> rank{};  // 3: (3,1,0x409), 2: (3,1,other), 1: (1,0,*)
    for (std::uint16_t i = 0; i < count; ++i) {
      const std::size_t rec = name_.offset + 6 + 12 * std::size_t{i};
      if (rec + 12 > std::size_t{name_.offset} + name_.length) break;
      const std::uint16_t platform = u16(d, rec), encoding = u16(d, rec + 2), language = u16(d, rec + 4);
      const std::uint16_t id = u16(d, rec + 6), length = u16(d, rec + 8), offset = u16(d, rec + 10);
      if (id > 6 || strings + offset + length > std::size_t{name_.offset} + name_.length) continue;
      const int r = platform == 3 && encoding == 1 ? (language == 0x409 ? 3 : 2)
                    : platform == 1 && encoding == 0 ? 1 : 0;
      if (r <= rank[id]) continue;
      std::u16string s;
      const std::string_view raw = d.substr(strings + offset, length);
      if (r >= 2) {
        for (std::size_t k = 0; k + 1 < raw.size(); k += 2) s.push_back(static_cast<char16_t>(u16(raw, k)));
      } else {
        for (unsigned char ch : raw) s.push_back(ch < 0x80 ? ch : u'?');
      }
      names[id] = std::move(s);
      rank[id] = r;
    }
  }
  if (names[1].empty()) names[1] = u"Font";
  if (names[2].empty()) names[2] = u"Regular";
  if (names[4].empty()) names[4] = names[1];
  // libharu uses the PostScript name as the PDF font name: printable ASCII without spaces,
  // and it refuses names whose PostScript + style length exceeds ~120 characters.
  std::u16string ps;
  for (char16_t ch : names[6].empty() ? names[4] : names[6])
    if (ch > 0x20 && ch < 0x7F && ch != u'/' && ch != u'(' && ch != u')' && ch != u'[' &&
        ch != u']' && ch != u'<' && ch != u'>' && ch != u'{' && ch != u'}' && ch != u'%')
      ps.push_back(ch);
  if (ps.empty()) ps = u"Font";
  names[6] = ps.substr(0, 63);
  names[2] = names[2].substr(0, 32);
  if (names[0].size() > 512) names[0].resize(512);

  std::string records, strings;
  std::uint16_t count = 0;
  for (std::uint16_t id = 0; id < names.size(); ++id) {
    if (names[id].empty()) continue;
    put16(records, 3);
    put16(records, 1);
    put16(records, 0x409);
    put16(records, id);
    put16(records, static_cast<std::uint32_t>(2 * names[id].size()));
    put16(records, static_cast<std::uint32_t>(strings.size()));
    for (char16_t ch : names[id]) put16(strings, ch);
    ++count;
  }
  std::string out;
  put16(out, 0);
  put16(out, count);
  put16(out, 6 + 12u * count);
  return out + records + strings;
}

std::string TrueTypeFont::subset(const std::vector<char32_t>& chars_in, bool keep_hinting) const {
  const std::string_view d = data_;
  std::vector<char32_t> chars;
  for (char32_t c : chars_in)
    if (glyph_for(c)) chars.push_back(c);
  std::sort(chars.begin(), chars.end());
  chars.erase(std::unique(chars.begin(), chars.end()), chars.end());

  // New glyph order: .notdef, the characters' glyphs in code-point order, then the parts of
  // composite glyphs.
  std::vector<std::uint16_t> order{0};
  std::map<std::uint16_t, std::uint16_t> new_id{{0, 0}};
  auto add = [&](std::uint16_t gid) {
    auto [it, inserted] = new_id.emplace(gid, static_cast<std::uint16_t>(order.size()));
    if (inserted) order.push_back(gid);
    return it->second;
  };
  std::vector<std::uint16_t> char_gid;
  for (char32_t c : chars) char_gid.push_back(add(glyph_for(c)));
  for (std::size_t i = 0; i < order.size() && order.size() < 0xFFFF; ++i) {
    std::uint32_t b = 0, e = 0;
    if (!glyph_range(order[i], b, e)) continue;
    const std::string_view glyph = d.substr(glyf_.offset + b, e - b);
    for_each_component(glyph, [&](std::size_t at) {
      const std::uint16_t part = u16(glyph, at + 2);
      if (part < num_glyphs_) add(part);
    });
  }

  std::string glyf, loca, hmtx;
  for (std::uint16_t old : order) {
    put32(loca, static_cast<std::uint32_t>(glyf.size()));
    std::uint32_t b = 0, e = 0;
    if (glyph_range(old, b, e) && e > b) {
      std::string glyph(d.substr(glyf_.offset + b, e - b));
      for_each_component(std::string_view(glyph), [&](std::size_t at) {
        auto it = new_id.find(u16(glyph, at + 2));
        set16(glyph, at + 2, it != new_id.end() ? it->second : 0);
      });
      if (!keep_hinting) glyph = strip_instructions(std::move(glyph));
      glyf += glyph;
      pad4(glyf);
    }
    const std::uint16_t metric = old < num_hmetrics_ ? old : num_hmetrics_ - 1;
    put16(hmtx, u16(d, hmtx_.offset + 4 * std::size_t{metric}));
    const std::size_t lsb_at = old < num_hmetrics_
                                   ? hmtx_.offset + 4 * std::size_t{old} + 2
                                   : hmtx_.offset + 4 * std::size_t{num_hmetrics_} +
                                         2 * static_cast<std::size_t>(old - num_hmetrics_);
    put16(hmtx, u16(d, lsb_at));
  }
  put32(loca, static_cast<std::uint32_t>(glyf.size()));

  // cmap: format 4. Characters closer than kMaxGap code points share a segment whose glyphs are
  // listed in glyphIdArray (0 for the gaps): libharu looks each character up with a linear scan
  // over the segments (and a UTF-8 CID font would look up all 65,536 codes), so few is fast.
  constexpr int kMaxGap = 48;
  struct Segment {
    std::uint16_t start, end;
    std::vector<std::uint16_t> gids;
  };
  std::vector<Segment> segs;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const auto c = static_cast<std::uint16_t>(chars[i]);
    if (c == 0xFFFF) continue;
    if (segs.empty() || c - segs.back().end > kMaxGap) segs.push_back({c, c, {}});
    Segment& s = segs.back();
    s.gids.resize(static_cast<std::size_t>(c - s.start), 0);
    s.gids.push_back(char_gid[i]);
    s.end = c;
  }
  const auto seg_count = static_cast<std::uint32_t>(segs.size() + 1);  // + the 0xFFFF segment
  std::uint32_t search = 1, selector = 0;
  while (search * 2 <= seg_count) search *= 2, ++selector;
  std::string sub;
  put16(sub, 4);
  put16(sub, 0);  // length, set below
  put16(sub, 0);
  put16(sub, 2 * seg_count);
  put16(sub, 2 * search);
  put16(sub, selector);
  put16(sub, 2 * seg_count - 2 * search);
  for (const Segment& s : segs) put16(sub, s.end);
  put16(sub, 0xFFFF);
  put16(sub, 0);
  for (const Segment& s : segs) put16(sub, s.start);
  put16(sub, 0xFFFF);
  for (std::size_t i = 0; i < segs.size(); ++i) put16(sub, 0);  // idDelta 0: glyphIdArray holds ids
  put16(sub, 1);
  std::uint32_t array_at = 0;  // in entries, from the start of glyphIdArray
  for (std::size_t i = 0; i < segs.size(); ++i) {
    // idRangeOffset: bytes from this field to the segment's first glyphIdArray entry.
    put16(sub, 2 * (seg_count - static_cast<std::uint32_t>(i)) + 2 * array_at);
    array_at += static_cast<std::uint32_t>(segs[i].gids.size());
  }
  put16(sub, 0);
  for (const Segment& s : segs)
    for (std::uint16_t g : s.gids) put16(sub, g);
  set16(sub, 2, static_cast<std::uint32_t>(sub.size()));
  std::string cmap;
  put16(cmap, 0);
  put16(cmap, 1);
  put16(cmap, 3);
  put16(cmap, 1);
  put32(cmap, 12);
  cmap += sub;

  const auto n = static_cast<std::uint32_t>(order.size());
  std::string head(bytes(head_).substr(0, 54));
  set32(head, 8, 0);  // checkSumAdjustment, set below
  set16(head, 50, 1);  // long loca
  std::string hhea(bytes(hhea_).substr(0, 36));
  set16(hhea, 34, n);
  std::string maxp(bytes(maxp_));
  set16(maxp, 4, n);
  std::string post;
  put32(post, 0x00030000);  // format 3: no glyph names
  post += post_.length >= 16 ? std::string(bytes(post_).substr(4, 12)) : std::string(12, '\0');
  post += std::string(16, '\0');
  // libharu wants the hinting tables to exist; without hinting they get harmless stand-ins
  // (two zero control values; four SVTCA instructions).
  auto or_stub = [&](const Table& t) {
    return keep_hinting && t.length ? std::string(bytes(t)) : std::string(4, '\0');
  };

  std::vector<std::pair<std::string, std::string>> tables = {
      {"OS/2", std::string(bytes(os2_))}, {"cmap", cmap}, {"cvt ", or_stub(cvt_)},
      {"fpgm", or_stub(fpgm_)}, {"glyf", glyf}, {"head", head}, {"hhea", hhea},
      {"hmtx", hmtx}, {"loca", loca}, {"maxp", maxp}, {"name", build_name_table()},
      {"post", post}, {"prep", or_stub(prep_)}};
  std::sort(tables.begin(), tables.end());

  const auto table_count = static_cast<std::uint32_t>(tables.size());
  search = 1, selector = 0;
  while (search * 2 <= table_count) search *= 2, ++selector;
  std::string out;
  put32(out, 0x00010000);
  put16(out, table_count);
  put16(out, 16 * search);
  put16(out, selector);
  put16(out, 16 * table_count - 16 * search);
  std::uint32_t offset = 12 + 16 * table_count;
  std::size_t head_at = 0;
  for (auto& [tag, body] : tables) {
    out += tag;
    put32(out, checksum(body));
    put32(out, offset);
    put32(out, static_cast<std::uint32_t>(body.size()));
    if (tag == "head") head_at = offset;
    offset += static_cast<std::uint32_t>((body.size() + 3) / 4 * 4);
  }
  for (auto& [tag, body] : tables) {
    out += body;
    pad4(out);
  }
  set32(out, head_at + 8, 0xB1B0AFBAu - checksum(out));
  return out;
}

}  // namespace esc::pdf
