#include "render/mime.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace mime = esc::mime;

namespace {

const std::string kEmDashSubject =
    "Northwind Logistics — Escalation Opened: Card payments declined at EU checkout";

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find("\r\n", start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 2;
  }
  return lines;
}

std::size_t longest_line(const std::string& text) {
  std::size_t longest = 0;
  for (const std::string& line : split_lines(text)) longest = std::max(longest, line.size());
  return longest;
}

// The value of a header field as a receiver sees it: name and CRLF removed, then unfolded.
std::string field_value(const std::string& field) {
  std::string unfolded;
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field.compare(i, 2, "\r\n") == 0) {
      ++i;
      continue;
    }
    unfolded += field[i];
  }
  return unfolded.substr(unfolded.find(": ") + 2);
}

std::string round_trip_header(const std::string& text) {
  return mime::decode_encoded_words(
      field_value(*mime::header_field("Subject", mime::encode_unstructured(text))));
}

// Whole UTF-8 sequences only (enough for the test texts: no check for overlong forms).
bool whole_utf8(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t len = lead < 0x80    ? 1
                            : lead >= 0xF0 ? 4
                            : lead >= 0xE0 ? 3
                            : lead >= 0xC0 ? 2
                                           : 0;
    if (len == 0 || i + len > text.size()) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) return false;
    }
    i += len;
  }
  return true;
}

std::string crlf_to_lf(std::string text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\r\n") == 0) continue;  // the '\n' is copied next
    out += text[i];
  }
  return out;
}

}  // namespace

TEST(MimeTest, NoControlCharacterEverReachesAHeader) {
  // With --force, a CR/LF in a name went into an encoded word ("Dana\r\nBcc: evil@x").
  EXPECT_EQ(mime::without_control_chars("Dana\r\nBcc: evil@example.com"), "Dana Bcc: evil@example.com");
  EXPECT_EQ(mime::without_control_chars("Outage\x1B[31m \x07now\x7F"), "Outage [31m now");
  EXPECT_EQ(mime::without_control_chars("a\xC2\x85" "b"), "a b");          // U+0085 NEL
  EXPECT_EQ(mime::without_control_chars("Zoë — €"), "Zoë — €");        // continuation bytes stay
  for (std::string text : {mime::format_address({"Zoë\r\nBcc: evil@example.com", "z@example.com"}),
                           mime::encode_unstructured("Zoë \x1B\x07 down"), mime::encode_unstructured("ok\r\nBcc: x")}) {
    EXPECT_FALSE(mime::has_control_chars(mime::decode_encoded_words(text))) << text;
    EXPECT_FALSE(mime::has_control_chars(text)) << text;
  }
}

// --- has_control_chars / is_email_address ------------------------------------------------------

TEST(MimeTest, ControlChars) {
  EXPECT_FALSE(mime::has_control_chars("plain text\twith tab"));
  EXPECT_FALSE(mime::has_control_chars("Zoë — €"));  // E2 80 94 holds a byte 0x80
  EXPECT_TRUE(mime::has_control_chars("a\rb"));
  EXPECT_TRUE(mime::has_control_chars("a\nb"));
  EXPECT_TRUE(mime::has_control_chars(std::string_view("a\0b", 3)));
  EXPECT_TRUE(mime::has_control_chars("a\x7F"));
  EXPECT_TRUE(mime::has_control_chars("a\xC2\x85"));  // U+0085 NEL
  EXPECT_FALSE(mime::has_control_chars("\xC2\xA0"));  // U+00A0 no-break space
}

TEST(MimeTest, EmailAddress) {
  EXPECT_TRUE(mime::is_email_address("dana@example.com"));
  EXPECT_TRUE(mime::is_email_address("first.last+tag@mail.example.co.uk"));
  EXPECT_FALSE(mime::is_email_address(""));
  EXPECT_FALSE(mime::is_email_address("dana"));
  EXPECT_FALSE(mime::is_email_address("dana@localhost"));
  EXPECT_FALSE(mime::is_email_address("@example.com"));
  EXPECT_FALSE(mime::is_email_address("a@b@example.com"));
  EXPECT_FALSE(mime::is_email_address("dana whitfield@example.com"));
  EXPECT_FALSE(mime::is_email_address("<dana@example.com>"));
  EXPECT_FALSE(mime::is_email_address("dana@example..com"));
  EXPECT_FALSE(mime::is_email_address(".dana@example.com"));
  EXPECT_FALSE(mime::is_email_address("dana;x@example.com"));
  EXPECT_FALSE(mime::is_email_address("zë@example.com"));
  EXPECT_FALSE(mime::is_email_address("dana@1.2.3.4"));
}

// --- encoded words -------------------------------------------------------------------------------

TEST(MimeTest, AsciiPassesUnchanged) {
  EXPECT_EQ(mime::encode_unstructured("Escalation Opened: ticket #4821"),
            "Escalation Opened: ticket #4821");
  EXPECT_EQ(mime::encode_unstructured("two  spaces"), "two  spaces");
  EXPECT_EQ(mime::encode_unstructured(""), "");
}

TEST(MimeTest, AsciiThatWouldNotSurviveIsEncoded) {
  // "=?" looks like an encoded word; a leading space is dropped by receivers.
  EXPECT_EQ(mime::encode_unstructured("=?x?="), "=?UTF-8?B?PT94Pz0=?=");
  EXPECT_EQ(mime::encode_unstructured(" lead"), "=?UTF-8?B?IGxlYWQ=?=");
  EXPECT_EQ(round_trip_header("=?UTF-8?B?PT94Pz0=?="), "=?UTF-8?B?PT94Pz0=?=");
  EXPECT_EQ(round_trip_header("  lead and trail  "), "  lead and trail  ");
}

TEST(MimeTest, EncodesNonAscii) {
  EXPECT_EQ(mime::encode_unstructured("Zoë"), "=?UTF-8?B?Wm/Dqw==?=");
  EXPECT_EQ(mime::decode_encoded_words("=?UTF-8?B?Wm/Dqw==?="), "Zoë");
}

TEST(MimeTest, RoundTrips) {
  for (const std::string& text :
       std::vector<std::string>{"plain ASCII subject", "Zoë", "Łukasz Wróbel", "株式会社",
                                "emoji 🚀 ok", "  spaced   out  ", kEmDashSubject}) {
    EXPECT_EQ(round_trip_header(text), text);
  }
}

TEST(MimeTest, WordsAreShortAndKeepCharactersWhole) {
  std::string text;
  for (int i = 0; i < 40; ++i) text += "株🚀 a";  // 3-, 4- and 1-byte
  const std::string encoded = mime::encode_unstructured(text);
  std::size_t words = 0;
  std::size_t start = 0;
  while (start < encoded.size()) {
    std::size_t end = encoded.find(' ', start);
    if (end == std::string::npos) end = encoded.size();
    const std::string word = encoded.substr(start, end - start);
    EXPECT_LE(word.size(), 75u);
    // Every word decodes on its own to whole characters: no sequence was split.
    const std::string decoded = mime::decode_encoded_words(word);
    EXPECT_NE(decoded, word);
    EXPECT_TRUE(whole_utf8(decoded)) << word;
    ++words;
    start = end + 1;
  }
  EXPECT_GT(words, 5u);
  EXPECT_EQ(round_trip_header(text), text);
}

TEST(MimeTest, DecodeEncodedWords) {
  EXPECT_EQ(mime::decode_encoded_words("=?UTF-8?Q?Zo=C3=AB_x?="), "Zoë x");
  EXPECT_EQ(mime::decode_encoded_words("=?iso-8859-1?q?Zo=EB?="), "Zoë");
  EXPECT_EQ(mime::decode_encoded_words("=?US-ASCII?B?aGk=?="), "hi");
  EXPECT_EQ(mime::decode_encoded_words("=?utf-8*en?B?aGk=?="), "hi");
  // Whitespace (and folding) between adjacent words is dropped; next to text it stays.
  EXPECT_EQ(mime::decode_encoded_words("=?UTF-8?B?YQ==?= \r\n =?UTF-8?B?Yg==?= c"), "ab c");
  EXPECT_EQ(mime::decode_encoded_words("x =?UTF-8?B?YQ==?="), "x a");
  // A UTF-8 sequence split across words by another mailer is joined again.
  EXPECT_EQ(mime::decode_encoded_words("=?UTF-8?Q?Zo=C3?= =?UTF-8?Q?=AB?="), "Zoë");
  // Unknown charsets and malformed words are left as they are.
  EXPECT_EQ(mime::decode_encoded_words("=?KOI8-R?B?8NLJ18XU?= x"), "Привет x");  // any charset iconv knows
  EXPECT_EQ(mime::decode_encoded_words("=?X-MARTIAN?B?aGk=?= x"), "=?X-MARTIAN?B?aGk=?= x");
  EXPECT_EQ(mime::decode_encoded_words("=?UTF-8?B?a!k=?="), "=?UTF-8?B?a!k=?=");
  EXPECT_EQ(mime::decode_encoded_words("=?UTF-8?X?aGk=?="), "=?UTF-8?X?aGk=?=");
  EXPECT_EQ(mime::decode_encoded_words("no words here"), "no words here");
}

// --- addresses -----------------------------------------------------------------------------------

TEST(MimeTest, FormatAddress) {
  EXPECT_EQ(mime::format_address({"Dana Whitfield", "dana@example.com"}),
            "Dana Whitfield <dana@example.com>");
  EXPECT_EQ(mime::format_address({"", "dana@example.com"}), "dana@example.com");
  EXPECT_EQ(mime::format_address({"O'Neill, Pat", "pat@example.com"}),
            "\"O'Neill, Pat\" <pat@example.com>");
  EXPECT_EQ(mime::format_address({"J. R. Smith", "jr@example.com"}),
            "\"J. R. Smith\" <jr@example.com>");
  EXPECT_EQ(mime::format_address({"Say \"Hi\" \\o/", "hi@example.com"}),
            "\"Say \\\"Hi\\\" \\\\o/\" <hi@example.com>");
  EXPECT_EQ(mime::format_address({"Zoë Łukasz", "zoe@example.com"}),
            "=?UTF-8?B?Wm/DqyDFgXVrYXN6?= <zoe@example.com>");
}

TEST(MimeTest, FormatAddressList) {
  EXPECT_EQ(mime::format_address_list({}), "");
  EXPECT_EQ(mime::format_address_list({{"Dana", "d@example.com"}, {"", "ops@example.com"}}),
            "Dana <d@example.com>, ops@example.com");
}

// --- header_field --------------------------------------------------------------------------------

TEST(MimeTest, HeaderFieldShort) {
  EXPECT_EQ(mime::header_field("MIME-Version", "1.0"), "MIME-Version: 1.0\r\n");
}

TEST(MimeTest, HeaderFieldRejectsInjection) {
  EXPECT_EQ(mime::header_field("Subject", "x\r\nBcc: evil@x"), std::nullopt);
  EXPECT_EQ(mime::header_field("Subject", "x\nBcc: evil@x"), std::nullopt);
  EXPECT_EQ(mime::header_field("Subject", "x\rBcc: evil@x"), std::nullopt);
  EXPECT_EQ(mime::header_field("Subject", std::string_view("x\0y", 3)), std::nullopt);
  EXPECT_EQ(mime::header_field("Bad Name", "x"), std::nullopt);
  EXPECT_EQ(mime::header_field("Bad:Name", "x"), std::nullopt);
  EXPECT_EQ(mime::header_field("", "x"), std::nullopt);
}

TEST(MimeTest, HeaderFieldFoldsLongValues) {
  std::string value;
  for (int i = 0; i < 30; ++i) value += "word" + std::to_string(i) + " ";
  value += "end";
  const std::string field = *mime::header_field("Subject", value);
  EXPECT_LE(longest_line(field), 78u);
  EXPECT_GT(split_lines(field).size(), 1u);
  EXPECT_EQ(field.substr(field.size() - 2), "\r\n");
  EXPECT_EQ(field_value(field), value);
}

TEST(MimeTest, HeaderFieldLongWord) {
  // Cannot fold inside a word: the line is long but legal; beyond 998 it is refused.
  const std::string word(200, 'x');
  EXPECT_EQ(mime::header_field("X-Long", word), "X-Long: " + word + "\r\n");
  EXPECT_EQ(mime::header_field("X-Long", std::string(1000, 'x')), std::nullopt);
  // encode_unstructured turns such a word into (foldable) encoded words instead.
  const std::string huge(1000, 'y');
  const std::string field = *mime::header_field("Subject", mime::encode_unstructured(huge));
  EXPECT_LE(longest_line(field), 78u);
  EXPECT_EQ(mime::decode_encoded_words(field_value(field)), huge);
}

TEST(MimeTest, HeaderFieldEncodedSubject) {
  const std::string field =
      *mime::header_field("Subject", mime::encode_unstructured(kEmDashSubject));
  // RFC 2047 2: lines holding encoded words are at most 76 characters.
  EXPECT_LE(longest_line(field), 76u);
  EXPECT_EQ(mime::decode_encoded_words(field_value(field)), kEmDashSubject);
}

// --- quoted-printable ----------------------------------------------------------------------------

TEST(MimeTest, QuotedPrintableBasics) {
  EXPECT_EQ(mime::quoted_printable("Hello\nWorld\n"), "Hello\r\nWorld\r\n");
  EXPECT_EQ(mime::quoted_printable("a\r\nb"), "a\r\nb");
  EXPECT_EQ(mime::quoted_printable("1+1=2"), "1+1=3D2");
  EXPECT_EQ(mime::quoted_printable("Zoë"), "Zo=C3=AB");
  EXPECT_EQ(mime::quoted_printable("trail \nand\t"), "trail=20\r\nand=09");
  EXPECT_EQ(mime::quoted_printable("mid space ok"), "mid space ok");
  EXPECT_EQ(mime::quoted_printable("From here\nnot From"), "=46rom here\r\nnot From");
  EXPECT_EQ(mime::quoted_printable(""), "");
}

TEST(MimeTest, QuotedPrintableSoftBreaks) {
  const std::string text =
      std::string(200, 'a') + "\n" + std::string(76, 'b') + "\n" + std::string(75, 'c');
  const std::string qp = mime::quoted_printable(text);
  EXPECT_LE(longest_line(qp), 76u);
  EXPECT_EQ(qp.substr(0, 78), std::string(75, 'a') + "=\r\n");
  EXPECT_NE(qp.find("\r\n" + std::string(76, 'b') + "\r\n"), std::string::npos);  // fits exactly
  EXPECT_EQ(mime::decode_quoted_printable(qp), text);
}

TEST(MimeTest, QuotedPrintableNeverSplitsEscapesOrCharacters) {
  for (int shift = 0; shift < 12; ++shift) {
    std::string text(static_cast<std::size_t>(shift), 'x');
    for (int i = 0; i < 30; ++i) text += "=ë—🚀 ";
    text += " ";  // trailing space at the very end
    const std::string qp = mime::quoted_printable(text);
    for (const std::string& line : split_lines(qp)) {
      EXPECT_LE(line.size(), 76u);
      // Every line starts a new character, never a UTF-8 continuation byte "=80".."=BF", and
      // no line ends in a cut escape "=X".
      if (line[0] == '=') {
        EXPECT_TRUE(line[1] != '8' && line[1] != '9' && line[1] != 'A' && line[1] != 'B') << line;
      }
      EXPECT_FALSE(line.size() >= 2 && line[line.size() - 2] == '=') << line;
    }
    EXPECT_EQ(mime::decode_quoted_printable(qp), text);
  }
}

TEST(MimeTest, QuotedPrintableRoundTrips) {
  for (const std::string& text : std::vector<std::string>{
           "a = b\n", "line with trailing spaces   \nnext\t\n", "\n\n", "tab\tinside",
           "control \x01 and DEL \x7F", "lone CR \r here", kEmDashSubject + "\n"}) {
    EXPECT_EQ(mime::decode_quoted_printable(mime::quoted_printable(text)), text);
  }
  // CRLF input comes back with "\n" line ends.
  EXPECT_EQ(mime::decode_quoted_printable(mime::quoted_printable("a\r\nb\r\n")), "a\nb\n");
}

TEST(MimeTest, DecodeQuotedPrintableLeniency) {
  EXPECT_EQ(mime::decode_quoted_printable("soft=\r\nbreak"), "softbreak");
  EXPECT_EQ(mime::decode_quoted_printable("padded   \r\nx"), "padded\nx");  // transport padding
  EXPECT_EQ(mime::decode_quoted_printable("=c3=ab"), "ë");
  EXPECT_EQ(mime::decode_quoted_printable("1 =Z 2"), "1 =Z 2");
}

// --- a whole message through Python's email package ----------------------------------------------

namespace {

std::optional<std::string> run(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return std::nullopt;
  std::string output;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), n);
  if (pclose(pipe) != 0) return std::nullopt;
  return output;
}

}  // namespace

TEST(MimeTest, PythonParsesOurMessage) {
  const std::filesystem::path python = "/usr/bin/python3";
  const std::filesystem::path script =
      std::filesystem::path(ESCALATE_SOURCE_DIR) / "tests/tools/parse_eml.py";
  if (!std::filesystem::exists(python)) GTEST_SKIP() << "no " << python;
  ASSERT_TRUE(std::filesystem::exists(script)) << script;

  const mime::Address from{"Dana Whitfield", "dana@example.com"};
  const std::vector<mime::Address> to{{"Zoë Łukasz", "zoe@example.com"},
                                      {"O'Neill, Pat", "pat@example.com"},
                                      {"株式会社 Northwind", "jp@example.co.jp"}};
  const std::vector<mime::Address> cc{{"Łukasz Wróbel", "lukasz@example.com"},
                                      {"", "ops@example.com"}};
  const std::string body =
      "Dear Zoë,\n"
      "\n"
      "We opened an escalation — card payments are declined at EU checkout.\n"
      "Impact: 12% of checkouts = roughly 4,100 orders/hour; this line is deliberately long so "
      "that it needs soft line breaks in quoted-printable — and some more non-ASCII: Łóź.\n"
      "Trailing spaces here   \n"
      "From the on-call team.\n"
      ".\n";

  std::string eml;
  const std::vector<std::pair<std::string, std::string>> fields{
      {"From", mime::format_address(from)},
      {"To", mime::format_address_list(to)},
      {"Cc", mime::format_address_list(cc)},
      {"Subject", mime::encode_unstructured(kEmDashSubject)},
      {"Date", "Tue, 04 Mar 2025 09:30:00 +0000"},
      {"Message-ID", "<20250304093000.4821@escalate.invalid>"},
      {"MIME-Version", "1.0"},
      {"Content-Type", "text/plain; charset=UTF-8"},
      {"Content-Transfer-Encoding", "quoted-printable"}};
  for (const auto& [name, value] : fields) {
    const std::optional<std::string> field = mime::header_field(name, value);
    ASSERT_TRUE(field.has_value()) << name;
    EXPECT_LE(longest_line(*field), 78u) << *field;
    eml += *field;
  }
  eml += "\r\n" + mime::quoted_printable(body);
  EXPECT_LE(longest_line(eml), 78u);

  const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                     ("escalate_mime_test_" + std::to_string(getpid()) + ".eml");
  std::ofstream(file, std::ios::binary) << eml;
  const std::optional<std::string> output =
      run(python.string() + " '" + script.string() + "' '" + file.string() + "'");
  std::filesystem::remove(file);
  ASSERT_TRUE(output.has_value());

  const nlohmann::json parsed = nlohmann::json::parse(*output);
  EXPECT_EQ(parsed.at("defects"), nlohmann::json::array()) << parsed.at("defects").dump();
  EXPECT_EQ(parsed.at("headers").at("Subject"), kEmDashSubject);
  EXPECT_EQ(parsed.at("headers").at("From"), "Dana Whitfield <dana@example.com>");
  EXPECT_EQ(parsed.at("headers").at("Date"), "Tue, 04 Mar 2025 09:30:00 +0000");
  EXPECT_EQ(parsed.at("headers").at("Message-ID"), "<20250304093000.4821@escalate.invalid>");

  const auto check_addresses = [&](const std::string& name,
                                   const std::vector<mime::Address>& expected) {
    const nlohmann::json& got = parsed.at("addresses").at(name);
    ASSERT_EQ(got.size(), expected.size()) << name;
    for (std::size_t i = 0; i < expected.size(); ++i) {
      EXPECT_EQ(got[i].at("display_name"), expected[i].display_name);
      EXPECT_EQ(got[i].at("addr_spec"), expected[i].email);
    }
  };
  check_addresses("From", {from});
  check_addresses("To", to);
  check_addresses("Cc", cc);

  // Python's get_content() may keep the file's CRLF line ends (it does for ASCII payloads).
  EXPECT_EQ(crlf_to_lf(parsed.at("body").get<std::string>()), body);
}
