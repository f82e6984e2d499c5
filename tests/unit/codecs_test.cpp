// core/codecs: quoted-printable with source offsets, base64, and charsets through iconv.
#include "core/codecs.h"

#include <gtest/gtest.h>

using namespace esc;

TEST(QuotedPrintable, DecodesAndSaysWhereEachByteCameFrom) {
  SourceOffsets from;
  EXPECT_EQ(decode_quoted_printable("caf=C3=A9 ok=\r\nay\r\nx", &from), "café okay\nx");
  // "é" is two bytes decoded from "=C3" (offset 3) and "=A9" (offset 6); the soft break is gone.
  ASSERT_EQ(from.size(), 12u);
  EXPECT_EQ(from[3], 3u);
  EXPECT_EQ(from[4], 6u);
  EXPECT_EQ(from[8], 15u);   // "a" after the soft line break
  EXPECT_EQ(from[10], 18u);  // the hard line break is at the "\r\n"
  EXPECT_EQ(decode_quoted_printable("1 =Z 2 ="), "1 =Z 2 ");
}

TEST(Base64, StrictAlphabet) {
  EXPECT_EQ(decode_base64("aGVs\r\nbG8="), "hello");
  EXPECT_FALSE(decode_base64("aGVs!bG8="));
  EXPECT_FALSE(decode_base64("aGVsbG8=x"));
}

TEST(Charsets, EveryCharsetIconvKnows) {
  auto latin2 = to_utf8("\xA3\xF3\x64\xBC", "ISO-8859-2");
  ASSERT_TRUE(latin2);
  EXPECT_EQ(latin2->text, "Łódź");
  EXPECT_FALSE(latin2->invalid_at);
  auto cp1250 = to_utf8("\xA3\xF3\x64\x9F \x96", "windows-1250");
  ASSERT_TRUE(cp1250);
  EXPECT_EQ(cp1250->text, "Łódź –");
  auto cp1252 = to_utf8("\x93quoted\x94 \x80", "cp1252");
  ASSERT_TRUE(cp1252);
  EXPECT_EQ(cp1252->text, "“quoted” €");
  auto latin1 = to_utf8("Caf\xE9", "latin1");
  ASSERT_TRUE(latin1);
  EXPECT_EQ(latin1->text, "Café");
  EXPECT_FALSE(to_utf8("x", "x-no-such-charset"));
}

TEST(Charsets, Iso2022JpKeepsTheOffsetOfEachCharacter) {
  // ESC $ B (to JIS X 0208), two characters, ESC ( B (back to ASCII), " a".
  auto jp = to_utf8("\x1B$B$3$s\x1B(B a", "iso-2022-jp");
  ASSERT_TRUE(jp);
  EXPECT_EQ(jp->text, "こん a");
  ASSERT_EQ(jp->from.size(), jp->text.size());
  EXPECT_EQ(jp->from[0], 3u);  // "こ" is "$3" after the escape
  EXPECT_EQ(jp->from[3], 5u);
  EXPECT_EQ(jp->from[7], 11u);  // "a"
}

TEST(Charsets, InvalidBytesBecomeReplacementCharacters) {
  auto jp = to_utf8("ok \x1B$B\xA4\xA2\x1B(B x", "ISO-2022-JP");
  ASSERT_TRUE(jp);
  ASSERT_TRUE(jp->invalid_at);
  EXPECT_NE(jp->text.find("\xEF\xBF\xBD"), std::string::npos);
  // UTF-8 itself is copied (invalid bytes are the caller's to report).
  auto utf8 = to_utf8("caf\xC3\xA9", "UTF-8");
  ASSERT_TRUE(utf8);
  EXPECT_EQ(utf8->text, "café");
}

TEST(EncodedWords, AnyCharsetIconvKnows) {
  EXPECT_EQ(decode_encoded_words("=?ISO-2022-JP?B?GyRCJDMkcxsoQg==?="), "こん");
  EXPECT_EQ(decode_encoded_words("=?windows-1250?Q?=A3=F3d=9F?="), "Łódź");
  EXPECT_EQ(decode_encoded_words("=?x-unknown?B?aGk=?= x"), "=?x-unknown?B?aGk=?= x");
}
