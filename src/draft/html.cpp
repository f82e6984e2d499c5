#include "draft/html.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <array>
#include <climits>
#include <memory>
#include <vector>

namespace esc {

namespace {

bool name_is(const xmlNode* n, std::string_view name) {
  return n->name && std::string_view(reinterpret_cast<const char*>(n->name)) == name;
}

bool is_ignored(const xmlNode* n) {
  static constexpr std::array kIgnored = {"script", "style", "head", "title", "template", "xml"};
  for (std::string_view name : kIgnored)
    if (name_is(n, name)) return true;
  return false;
}

bool is_block(const xmlNode* n) {
  static constexpr std::array kBlocks = {
      "p",     "div",   "li",      "ul",      "ol",     "dl",      "dt",     "dd",     "tr",
      "table", "h1",    "h2",      "h3",      "h4",     "h5",      "h6",     "blockquote", "pre",
      "hr",    "body",  "section", "article", "header", "footer",  "address", "center", "form",
      "fieldset", "caption", "thead", "tbody", "tfoot", "main", "nav", "aside", "figure", "figcaption"};
  for (std::string_view name : kBlocks)
    if (name_is(n, name)) return true;
  return false;
}

class TextWriter {
 public:
  static constexpr char kNoBreakSpace = '\x01';  // never in parsed text (a control character)

  void text(std::string_view s, bool preformatted) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      char c = s[i];
      // U+00A0 no-break space: kept as a marker until finish(), so "<p>&nbsp;</p>" (how
      // Outlook writes a blank line) is a line of its own, then read as a space.
      if (c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
        ++i;
        c = kNoBreakSpace;
      }
      if (preformatted) {
        if (c == '\r') continue;
        if (c == '\n') {
          line_break();
        } else {
          out_ += c;
        }
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        if (!out_.empty() && out_.back() != ' ' && out_.back() != '\n') out_ += ' ';
        continue;
      }
      out_ += c;
    }
  }
  // <br>: always a new line.
  void line_break() {
    trim_spaces();
    out_ += '\n';
  }
  // A block's edge: a new line unless the text already starts one.
  void block_edge() {
    trim_spaces();
    if (!out_.empty() && out_.back() != '\n') out_ += '\n';
  }
  std::string finish() {
    block_edge();
    // No-break spaces read as spaces; no trailing spaces; at most one blank line in a row and
    // none at the start.
    std::string result;
    int newlines = 2;
    for (char c : out_) {
      if (c == kNoBreakSpace) c = ' ';
      if (c == '\n') {
        while (!result.empty() && result.back() == ' ') result.pop_back();
        if (++newlines > 2) continue;
      } else {
        newlines = 0;
      }
      result += c;
    }
    return result;
  }

 private:
  std::string out_;
  void trim_spaces() {
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
  }
};

// Depth first, with an explicit stack: deeply nested markup cannot exhaust the call stack.
void walk(const xmlNode* root, TextWriter& w) {
  struct Frame {
    const xmlNode* node;
    bool leaving;  // the element's children are done: close its block
    bool preformatted;
  };
  std::vector<Frame> stack{{root, false, false}};
  while (!stack.empty()) {
    const Frame f = stack.back();
    stack.pop_back();
    const xmlNode* n = f.node;
    if (!n) continue;
    if (f.leaving) {
      if (is_block(n)) w.block_edge();
      continue;
    }
    if (n->next) stack.push_back({n->next, false, f.preformatted});
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      if (n->content) w.text(reinterpret_cast<const char*>(n->content), f.preformatted);
      continue;
    }
    if (n->type != XML_ELEMENT_NODE || is_ignored(n)) continue;
    if (name_is(n, "br")) {
      w.line_break();
      continue;
    }
    if (is_block(n)) w.block_edge();
    if (name_is(n, "td") || name_is(n, "th")) w.text(" ", false);  // cells of a row: "Impact: value"
    stack.push_back({n, true, f.preformatted});
    if (n->children) stack.push_back({n->children, false, f.preformatted || name_is(n, "pre")});
  }
}

}  // namespace

std::string html_to_text(std::string_view html) {
  if (html.size() > static_cast<std::size_t>(INT_MAX)) html = html.substr(0, INT_MAX);
  // HUGE lifts the nesting limit from 256 to 2048 (mail from some editors nests deeply).
  const int options =
      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | XML_PARSE_HUGE;
  std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> doc(
      htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", options), &xmlFreeDoc);
  if (!doc) return {};
  TextWriter w;
  walk(xmlDocGetRootElement(doc.get()), w);
  return w.finish();
}

}  // namespace esc
