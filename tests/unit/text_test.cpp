#include "core/text.h"

#include <gtest/gtest.h>
#include <re2/re2.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

using esc::TextMatch;

namespace {

// The matched texts only, which is what most expectations care about.
std::vector<std::string> texts(const std::vector<TextMatch>& matches) {
  std::vector<std::string> out;
  for (const auto& m : matches) out.push_back(m.text);
  return out;
}
std::vector<std::string> placeholders(std::string_view s) { return texts(esc::find_placeholders(s)); }
std::vector<std::string> hedges(std::string_view s) { return texts(esc::find_speculative(s)); }

using Strings = std::vector<std::string>;

}  // namespace

// ---- is_placeholder_value -----------------------------------------------------------------------

TEST(PlaceholderValueTest, SaysNobody) {
  EXPECT_TRUE(esc::is_placeholder_value(""));
  EXPECT_TRUE(esc::is_placeholder_value("   \t"));
  EXPECT_TRUE(esc::is_placeholder_value("\xC2\xA0"));  // a no-break space is blank too
  EXPECT_TRUE(esc::is_placeholder_value("?"));
  EXPECT_TRUE(esc::is_placeholder_value("-"));
  EXPECT_TRUE(esc::is_placeholder_value("n/a"));
  EXPECT_TRUE(esc::is_placeholder_value("N/A"));
  EXPECT_TRUE(esc::is_placeholder_value("TBD"));
  EXPECT_TRUE(esc::is_placeholder_value("tbc"));
  EXPECT_TRUE(esc::is_placeholder_value("unknown"));
  EXPECT_TRUE(esc::is_placeholder_value("None"));
  EXPECT_TRUE(esc::is_placeholder_value("_____"));
  EXPECT_TRUE(esc::is_placeholder_value("[Name]"));
  EXPECT_TRUE(esc::is_placeholder_value("[anything at all]"));
  EXPECT_TRUE(esc::is_placeholder_value("  TBD  "));  // judged after trimming
  EXPECT_TRUE(esc::is_placeholder_value("<Owner>"));
  EXPECT_TRUE(esc::is_placeholder_value("{{ owner }}"));
}

// ASCII values are trimmed by hand, others by the pattern: the same spaces either way (RE2's \s
// has no vertical tab, so "\v" is a value, not a blank).
TEST(PlaceholderValueTest, AsciiAndUnicodeTrimAlike) {
  EXPECT_TRUE(esc::is_placeholder_value("\f\r\n TBD \t"));
  EXPECT_TRUE(esc::is_placeholder_value("\f\r\n TBD \t\xC2\xA0"));
  EXPECT_FALSE(esc::is_placeholder_value("\v"));
  EXPECT_FALSE(esc::is_placeholder_value("\v\xC2\xA0"));
  EXPECT_FALSE(esc::is_placeholder_value("\vTBD"));
  EXPECT_FALSE(esc::is_placeholder_value("\xC2\xA0\vTBD"));
  EXPECT_FALSE(esc::is_placeholder_value("\xFF"));  // not UTF-8: not blank
}

// Values are trimmed by hand (RE2's [\s\p{Z}]: \t \n \f \r and every Zs, Zl, Zp code point), and
// a value whose first character no placeholder starts with skips the patterns: the same answers
// as trimming and matching with the patterns.
TEST(PlaceholderValueTest, TrimsEveryUnicodeSpace) {
  const char* spaces[] = {" ", "\t", "\n", "\f", "\r", "\u00A0", "\u1680", "\u2000", "\u2005", "\u200A",
                          "\u2028", "\u2029", "\u202F", "\u205F", "\u3000"};
  for (const char* sp : spaces) {
    EXPECT_TRUE(esc::is_placeholder_value(std::string(sp) + "TBD" + sp)) << sp;
    EXPECT_TRUE(esc::is_placeholder_value(std::string(sp) + sp)) << sp;
    EXPECT_FALSE(esc::is_placeholder_value(std::string(sp) + "Dana" + sp)) << sp;
  }
  // Not spaces to RE2: zero-width space, Mongolian vowel separator, BOM, next line (U+0085).
  for (const char* other : {"\u200B", "\u180E", "\uFEFF", "\u0085"}) {
    EXPECT_FALSE(esc::is_placeholder_value(other)) << other;
    EXPECT_FALSE(esc::is_placeholder_value(std::string(other) + "TBD")) << other;
  }
}

TEST(PlaceholderValueTest, EveryFormWhateverItsFirstCharacter) {
  for (const char* v : {"???", "--", "\u2013", "\u2014\u2014", "N.A.", "n.a", "Nobody", "NULL", "todo", "Tba",
                        "UNKNOWN", "xx", "XXX", "___", "[x]", "[]", "<X>", "{{x}}", "\u3000 nobody \u00A0"})
    EXPECT_TRUE(esc::is_placeholder_value(v)) << v;
  for (const char* v : {"Tom", "Xavier", "Null Island", "Ursula", "\u00C9lodie", "\u2013 Dana", "\u65E5\u672C",
                        "-Dana", "?Dana", "_Dana", "[x] y", "<a@b.c>", "{x}"})
    EXPECT_FALSE(esc::is_placeholder_value(v)) << v;
  // Not UTF-8: never blank and never a placeholder, as the pattern has it.
  EXPECT_FALSE(esc::is_placeholder_value("TBD\xFF"));
  EXPECT_FALSE(esc::is_placeholder_value("\xC2\xA0\xFF"));
}

TEST(PlaceholderValueTest, RealNamesAreNotPlaceholders) {
  EXPECT_FALSE(esc::is_placeholder_value("Dana Whitfield"));
  EXPECT_FALSE(esc::is_placeholder_value("Tomás Ferreira"));
  EXPECT_FALSE(esc::is_placeholder_value("Ann"));
  EXPECT_FALSE(esc::is_placeholder_value("Na"));  // a surname, not "n/a"
  EXPECT_FALSE(esc::is_placeholder_value("Noné"));
  EXPECT_FALSE(esc::is_placeholder_value("TBD Smith"));  // only the whole value counts
  EXPECT_FALSE(esc::is_placeholder_value("[Name] Smith"));
  EXPECT_FALSE(esc::is_placeholder_value("<dana@example.com>"));
}

// ---- find_placeholders --------------------------------------------------------------------------

TEST(FindPlaceholdersTest, ReportsOffsetLengthAndText) {
  const auto found = esc::find_placeholders("Dear [Customer Name], ok");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].offset, 5u);
  EXPECT_EQ(found[0].length, 15u);
  EXPECT_EQ(found[0].text, "[Customer Name]");
}

TEST(FindPlaceholdersTest, OffsetsAreBytes) {
  const auto found = esc::find_placeholders("Café TBD");  // "é" is two bytes
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].offset, 6u);
}

TEST(FindPlaceholdersTest, InTextOrder) {
  EXPECT_EQ(placeholders("{{name}} owes <Amount> by ___ (TODO) [Date]"),
            (Strings{"{{name}}", "<Amount>", "___", "TODO", "[Date]"}));
}

TEST(FindPlaceholdersTest, Brackets) {
  EXPECT_EQ(placeholders("Hi [Name],"), Strings{"[Name]"});
  EXPECT_EQ(placeholders("[x]"), Strings{"[x]"});
  EXPECT_EQ(placeholders("see [1] and [ ]"), Strings{});  // no letter inside: footnote, checkbox
  EXPECT_EQ(placeholders("read [the status page](https://status.example)"), Strings{});  // a link
  EXPECT_EQ(placeholders("[TBD]"), Strings{"[TBD]"});  // reported once, not also as "TBD"
}

TEST(FindPlaceholdersTest, Underscores) {
  EXPECT_EQ(placeholders("signed ___"), Strings{"___"});
  EXPECT_EQ(placeholders("ref ________ today"), Strings{"________"});
  EXPECT_EQ(placeholders("snake__case and __init"), Strings{});  // fewer than three
}

TEST(FindPlaceholdersTest, TbdAndTbcInAnyCase) {
  EXPECT_EQ(placeholders("ETA TBD."), Strings{"TBD"});
  EXPECT_EQ(placeholders("eta tbd, owner Tbc"), (Strings{"tbd", "Tbc"}));
  EXPECT_EQ(placeholders("TBDs TBCx xTBD TBD_1"), Strings{});  // whole words only
  EXPECT_EQ(placeholders("owner tBd, next tbC"), (Strings{"tBd", "tbC"}));
  EXPECT_EQ(placeholders("a bb b.d t b"), Strings{});  // 'b' alone is no reason to look
}

TEST(FindPlaceholdersTest, TodoOnlyInUpperCase) {
  EXPECT_EQ(placeholders("TODO: add impact"), Strings{"TODO"});
  EXPECT_EQ(placeholders("gracias por todo"), Strings{});  // Spanish "all"
  EXPECT_EQ(placeholders("TODOS"), Strings{});
}

TEST(FindPlaceholdersTest, RunsOfCapitalX) {
  EXPECT_EQ(placeholders("about £XX,XXX lost"), (Strings{"XX", "XXX"}));
  EXPECT_EQ(placeholders("99.XX%"), Strings{"XX"});
  EXPECT_EQ(placeholders("size XXL"), Strings{});
  EXPECT_EQ(placeholders("X marks it"), Strings{});  // one X is a letter
  EXPECT_EQ(placeholders("love, xx"), Strings{});    // a sign-off, not a placeholder
}

TEST(FindPlaceholdersTest, AngleBrackets) {
  EXPECT_EQ(placeholders("Dear <first name>,"), Strings{"<first name>"});
  EXPECT_EQ(placeholders("Dana <dana@example.com>"), Strings{});
  EXPECT_EQ(placeholders("see <https://x>"), Strings{});
  EXPECT_EQ(placeholders("<mailto:ops@example.com> <www.example.com>"), Strings{});
  EXPECT_EQ(placeholders("if p95 < 200ms and > 100ms"), Strings{});  // comparisons
  EXPECT_EQ(placeholders("<p>Hello</p><br/><a href=\"x\">"), Strings{});  // HTML markup
  EXPECT_EQ(placeholders("<!-- note -->"), Strings{});
  EXPECT_EQ(placeholders("<123>"), Strings{});  // no letter
  EXPECT_EQ(placeholders("<https://x> then <Name>"), Strings{"<Name>"});
}

TEST(FindPlaceholdersTest, Mustache) {
  EXPECT_EQ(placeholders("Hello {{customer}}!"), Strings{"{{customer}}"});
  EXPECT_EQ(placeholders("{{ account.name }}"), Strings{"{{ account.name }}"});
  EXPECT_EQ(placeholders("a {single} brace"), Strings{});
}

TEST(FindPlaceholdersTest, CleanTextHasNone) {
  EXPECT_EQ(placeholders(""), Strings{});
  EXPECT_EQ(placeholders("All card payments through Northwind's EU checkout were declined."),
            Strings{});
}

// ---- count_sentences ----------------------------------------------------------------------------

TEST(CountSentencesTest, Basics) {
  EXPECT_EQ(esc::count_sentences(""), 0);
  EXPECT_EQ(esc::count_sentences("   \n "), 0);
  EXPECT_EQ(esc::count_sentences("One."), 1);
  EXPECT_EQ(esc::count_sentences("One. Two. Three."), 3);
  EXPECT_EQ(esc::count_sentences("No full stop at the end"), 1);
  EXPECT_EQ(esc::count_sentences("One. Then a second without one"), 2);
  EXPECT_EQ(esc::count_sentences("!!!"), 0);  // no words, no sentence
}

TEST(CountSentencesTest, FixtureText) {
  EXPECT_EQ(esc::count_sentences(
                "All card payments through Northwind's EU checkout were declined for 35 minutes.\n"
                "An estimated £180,000 of orders could not be taken during that window."),
            2);
  EXPECT_EQ(esc::count_sentences("Monthly availability of 99.95% breached; 99.91% delivered."), 1);
  EXPECT_EQ(esc::count_sentences("An expired TLS certificate on the payment gateway caused every "
                                 "authorisation call to fail."),
            1);
}

TEST(CountSentencesTest, QuestionAndExclamationMarks) {
  EXPECT_EQ(esc::count_sentences("Is it fixed? Yes! It is."), 3);
  EXPECT_EQ(esc::count_sentences("Really?! We checked."), 2);
  EXPECT_EQ(esc::count_sentences("They asked \"is it down?\" and we said no."), 1);  // carries on
}

TEST(CountSentencesTest, ClosingQuotesAndBrackets) {
  EXPECT_EQ(esc::count_sentences("She said \"it is down.\" We replied."), 2);
  EXPECT_EQ(esc::count_sentences("She said “it is down.” We replied."), 2);
  EXPECT_EQ(esc::count_sentences("(See the log.) Then retry."), 2);
  EXPECT_EQ(esc::count_sentences("Is it down?' he asked"), 1);
}

TEST(CountSentencesTest, Abbreviations) {
  EXPECT_EQ(esc::count_sentences("Some regions, e.g. Ireland, were hit."), 1);
  EXPECT_EQ(esc::count_sentences("Some regions, e.g. the EU, were hit."), 1);
  EXPECT_EQ(esc::count_sentences("The primary, i.e. London, failed."), 1);
  EXPECT_EQ(esc::count_sentences("Logs, metrics etc. were reviewed."), 1);
  EXPECT_EQ(esc::count_sentences("Northwind Ltd. was told first."), 1);
  EXPECT_EQ(esc::count_sentences("Northwind Inc. and Contoso agreed."), 1);
  EXPECT_EQ(esc::count_sentences("Northwind Co. Ltd. agreed."), 1);
  EXPECT_EQ(esc::count_sentences("We raised ticket No. 4 for it."), 1);
  EXPECT_EQ(esc::count_sentences("Mr. Chen and Mrs. Raman met Dr. Okafor."), 1);
  EXPECT_EQ(esc::count_sentences("The office on Main St. London was closed."), 1);
  EXPECT_EQ(esc::count_sentences("Northwind vs. Contoso was the comparison."), 1);
  EXPECT_EQ(esc::count_sentences("It took approx. 35 minutes."), 1);
  EXPECT_EQ(esc::count_sentences("We restarted pods, cleared caches, etc. The fault remained."), 2);
  EXPECT_EQ(esc::count_sentences("No. We did not."), 2);  // "No." not before a number
}

TEST(CountSentencesTest, DecimalsAndAmounts) {
  EXPECT_EQ(esc::count_sentences("Availability was 99.95% this month."), 1);
  EXPECT_EQ(esc::count_sentences("We lost £1.2m of orders."), 1);
  EXPECT_EQ(esc::count_sentences("Fixed in v2.3 yesterday."), 1);
  EXPECT_EQ(esc::count_sentences("It lasted 3.5 hours. Then it stopped."), 2);
  EXPECT_EQ(esc::count_sentences("Upgrade to v2.3. Then retry."), 2);
  EXPECT_EQ(esc::count_sentences("It took 35 minutes. 12 orders failed."), 2);
}

TEST(CountSentencesTest, OtherScriptsEndSentencesTheirOwnWay) {
  // CJK full stops need no space after them.
  EXPECT_EQ(esc::count_sentences("決済が35分間停止しました。約18万ポンドの注文が失われました。"), 2);
  EXPECT_EQ(esc::count_sentences("決済が停止しました！原因は何ですか？証明書です。"), 3);
  EXPECT_EQ(esc::count_sentences("「決済が停止しました。」注文が失われました"), 2);
  EXPECT_EQ(esc::count_sentences("支付中断了35分钟。订单丢失了。"), 2);
  EXPECT_EQ(esc::count_sentences("半角の句点｡もう一つ｡"), 2);
  // Devanagari danda, Arabic and Urdu, Armenian, Ethiopic, Greek question mark.
  EXPECT_EQ(esc::count_sentences("भुगतान विफल रहे। आदेश खो गए।"), 2);
  EXPECT_EQ(esc::count_sentences("هل تم الإصلاح؟ نعم"), 2);
  EXPECT_EQ(esc::count_sentences("ادائیگیاں ناکام ہوئیں۔ آرڈر ضائع ہوئے۔"), 2);
  EXPECT_EQ(esc::count_sentences("Վճարումները ձախողվեցին։ Պատվերները կորան։"), 2);
  EXPECT_EQ(esc::count_sentences("ክፍያዎች አልተሳኩም። ትዕዛዞች ጠፍተዋል።"), 2);
  EXPECT_EQ(esc::count_sentences("Διορθώθηκε\u037E Ναι."), 2);  // U+037E, not ";"
  EXPECT_EQ(esc::count_sentences("Monthly availability breached; 99.91% delivered."), 1);
  // Mixed with Latin abbreviations, which still are not ends.
  EXPECT_EQ(esc::count_sentences("Northwind Ltd.の決済が停止しました。e.g. 注文です。"), 2);
}

TEST(CountSentencesTest, Initials) {
  EXPECT_EQ(esc::count_sentences("J. R. R. Tolkien wrote it."), 1);
  EXPECT_EQ(esc::count_sentences("Sam A. Okafor confirmed the fix."), 1);
  EXPECT_EQ(esc::count_sentences("J.R.R. Tolkien wrote it."), 1);
}

TEST(CountSentencesTest, Ellipses) {
  EXPECT_EQ(esc::count_sentences("We waited... and it recovered."), 1);
  EXPECT_EQ(esc::count_sentences("We waited… and it recovered."), 1);
  EXPECT_EQ(esc::count_sentences("We waited... Then it recovered."), 1);  // a trailing-off, not a stop
  EXPECT_EQ(esc::count_sentences("It recovered..."), 1);
  EXPECT_EQ(esc::count_sentences("Did it recover...? Yes."), 2);
}

TEST(CountSentencesTest, Paragraphs) {
  EXPECT_EQ(esc::count_sentences("Summary\n\nThe gateway failed."), 2);  // a blank line ends one
  EXPECT_EQ(esc::count_sentences("The gateway\nfailed."), 1);            // a wrapped line does not
  EXPECT_EQ(esc::count_sentences("It failed.\r\n\r\nIt recovered."), 2);
}

TEST(CountSentencesTest, LowerCaseAfterAFullStopContinues) {
  // An abbreviation we do not know about is still not a sentence end.
  EXPECT_EQ(esc::count_sentences("The outage lasted ca. two hours."), 1);
  EXPECT_EQ(esc::count_sentences("Started at 9 a.m. on Monday."), 1);
  EXPECT_EQ(esc::count_sentences("Started at 9 a.m. Engineers were paged."), 2);
}

// ---- find_speculative ---------------------------------------------------------------------------

TEST(FindSpeculativeTest, Phrases) {
  EXPECT_EQ(hedges("We think the cache was stale."), Strings{"We think"});
  EXPECT_EQ(hedges("we believe it is fixed"), Strings{"we believe"});
  EXPECT_EQ(hedges("We suspect DNS"), Strings{"We suspect"});
  EXPECT_EQ(hedges("we hope to"), Strings{"we hope"});
  EXPECT_EQ(hedges("probably possibly perhaps presumably hopefully likely"),
            (Strings{"probably", "possibly", "perhaps", "presumably", "hopefully", "likely"}));
  EXPECT_EQ(hedges("it might recur"), Strings{"might"});
  EXPECT_EQ(hedges("it may have failed, it may be back"), (Strings{"may have", "may be"}));
  EXPECT_EQ(hedges("it appears to work; they appear to agree"), (Strings{"appears to", "appear to"}));
  EXPECT_EQ(hedges("it seems to work; they seem to agree"), (Strings{"seems to", "seem to"}));
  EXPECT_EQ(hedges("this should be fixed and should be resolved"),
            (Strings{"should be fixed", "should be resolved"}));
  EXPECT_EQ(hedges("we are not sure, not certain"), (Strings{"not sure", "not certain"}));
  EXPECT_EQ(hedges("maybe"), Strings{"maybe"});
}

TEST(FindSpeculativeTest, ConditionalStatementsOfFactAreNotHedges) {
  // A modal that picks out a set of things, or states an entitlement, asserts a fact.
  EXPECT_EQ(hedges("Replayed requests that may have been rejected"), Strings{});
  EXPECT_EQ(hedges("Customers who might have seen errors were told"), Strings{});
  EXPECT_EQ(hedges("orders, which may be duplicated, were held"), Strings{});
  EXPECT_EQ(hedges("Service credits may be due under clause 7.2"), Strings{});
  EXPECT_EQ(hedges("credits MAY BE payable"), Strings{});
  // The same modals as guesses still are.
  EXPECT_EQ(hedges("Requests may have been rejected"), Strings{"may have"});
  EXPECT_EQ(hedges("the outage may be due to a DNS change"), Strings{"may be"});
  EXPECT_EQ(hedges("it may be back"), Strings{"may be"});
  EXPECT_EQ(hedges("the node that probably failed"), Strings{"probably"});
}

TEST(FindSpeculativeTest, CaseInsensitive) {
  EXPECT_EQ(hedges("We THINK so"), Strings{"We THINK"});
  EXPECT_EQ(hedges("PROBABLY"), Strings{"PROBABLY"});
}

TEST(FindSpeculativeTest, WholeWordsOnly) {
  EXPECT_EQ(hedges("Mighty fine"), Strings{});
  EXPECT_EQ(hedges("an unlikely cause"), Strings{});
  EXPECT_EQ(hedges("improbably"), Strings{});
  EXPECT_EQ(hedges("we thinking"), Strings{});
  EXPECT_EQ(hedges("may_be"), Strings{});  // '_' is a word character
  EXPECT_EQ(hedges("might2"), Strings{});
}

TEST(FindSpeculativeTest, UnicodeWordBoundaries) {
  EXPECT_EQ(hedges("café might"), Strings{"might"});
  EXPECT_EQ(hedges("cafémight"), Strings{});       // "é" is a letter: one word
  EXPECT_EQ(hedges("mightñ"), Strings{});
  EXPECT_EQ(hedges("ça probably"), Strings{"probably"});
  EXPECT_EQ(hedges("“probably”"), Strings{"probably"});      // curly quotes are not letters
  EXPECT_EQ(hedges("fixed—probably—today"), (Strings{"probably"}));  // nor is an em dash
}

TEST(FindSpeculativeTest, AnySpaceBetweenWords) {
  EXPECT_EQ(hedges("we\nthink"), Strings{"we\nthink"});
  EXPECT_EQ(hedges("we\xC2\xA0think"), Strings{"we\xC2\xA0think"});  // no-break space
}

TEST(FindSpeculativeTest, InOrderWithoutOverlaps) {
  const auto found = esc::find_speculative("It might, we think, probably recur");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].offset, 3u);
  EXPECT_EQ(found[0].length, 5u);
  EXPECT_EQ(found[1].offset, 10u);
  EXPECT_EQ(found[2].text, "probably");
  EXPECT_EQ(hedges("might might"), (Strings{"might", "might"}));  // one space shared by both
  EXPECT_EQ(hedges("The certificate expired."), Strings{});
}

// ---- edit_distance / did_you_mean ---------------------------------------------------------------

TEST(EditDistanceTest, Levenshtein) {
  EXPECT_EQ(esc::edit_distance("", ""), 0u);
  EXPECT_EQ(esc::edit_distance("abc", ""), 3u);
  EXPECT_EQ(esc::edit_distance("", "abc"), 3u);
  EXPECT_EQ(esc::edit_distance("kitten", "sitting"), 3u);
  EXPECT_EQ(esc::edit_distance("sitting", "kitten"), 3u);
  EXPECT_EQ(esc::edit_distance("sumary", "summary"), 1u);
  EXPECT_EQ(esc::edit_distance("status", "status"), 0u);
  EXPECT_EQ(esc::edit_distance("é", "e"), 2u);  // bytes, not code points
}

TEST(DidYouMeanTest, Suggests) {
  const std::vector<std::string> keys{"summary", "status", "severity"};
  EXPECT_EQ(esc::did_you_mean("sumary", keys), "summary");
  EXPECT_EQ(esc::did_you_mean("staus", keys), "status");
  EXPECT_EQ(esc::did_you_mean("severtiy", keys), "severity");
  EXPECT_EQ(esc::did_you_mean("status", keys), "status");
}

TEST(DidYouMeanTest, NothingClose) {
  const std::vector<std::string> keys{"summary", "status", "severity"};
  EXPECT_EQ(esc::did_you_mean("owner", keys), std::nullopt);
  EXPECT_EQ(esc::did_you_mean("", keys), std::nullopt);
  EXPECT_EQ(esc::did_you_mean("sumary", {}), std::nullopt);
}

TEST(DidYouMeanTest, Limit) {
  // max(2, len/3): a 9-letter word may be 3 edits away, a short one only 2.
  EXPECT_EQ(esc::did_you_mean("abcdefxyz", {"abcdefghi"}), "abcdefghi");
  EXPECT_EQ(esc::did_you_mean("abcdewxyz", {"abcdefghi"}), std::nullopt);
  EXPECT_EQ(esc::did_you_mean("axy", {"abc"}), "abc");
  EXPECT_EQ(esc::did_you_mean("xyz", {"abc"}), std::nullopt);
}

TEST(DidYouMeanTest, TieGoesToTheFirstCandidate) {
  EXPECT_EQ(esc::did_you_mean("cat", {"bat", "hat"}), "bat");
  EXPECT_EQ(esc::did_you_mean("cat", {"hat", "bat"}), "hat");
  EXPECT_EQ(esc::did_you_mean("cat", {"dog", "hat", "cut"}), "hat");
}

// ---- UTF-8 --------------------------------------------------------------------------------------

TEST(Utf8Test, ValidText) {
  EXPECT_EQ(esc::first_invalid_utf8(""), std::nullopt);
  EXPECT_EQ(esc::first_invalid_utf8("plain ASCII"), std::nullopt);
  EXPECT_EQ(esc::first_invalid_utf8("Tomás £180,000 – “ok” 😀"), std::nullopt);
  EXPECT_EQ(esc::first_invalid_utf8("\xF4\x8F\xBF\xBF"), std::nullopt);  // U+10FFFF, the last
  EXPECT_EQ(esc::first_invalid_utf8("\xED\x9F\xBF"), std::nullopt);      // U+D7FF, before surrogates
  EXPECT_EQ(esc::first_invalid_utf8(std::string_view("a\0b", 3)), std::nullopt);
}

TEST(Utf8Test, InvalidText) {
  EXPECT_EQ(esc::first_invalid_utf8("ab\xC0\x80"), 2u);          // overlong NUL
  EXPECT_EQ(esc::first_invalid_utf8("\xC1\xBF"), 0u);            // overlong
  EXPECT_EQ(esc::first_invalid_utf8("\xE0\x80\xAF"), 0u);        // overlong 3-byte
  EXPECT_EQ(esc::first_invalid_utf8("\xF0\x80\x80\xAF"), 0u);    // overlong 4-byte
  EXPECT_EQ(esc::first_invalid_utf8("x\xED\xA0\x80"), 1u);       // surrogate U+D800
  EXPECT_EQ(esc::first_invalid_utf8("\xF4\x90\x80\x80"), 0u);    // above U+10FFFF
  EXPECT_EQ(esc::first_invalid_utf8("\xF5\x80\x80\x80"), 0u);
  EXPECT_EQ(esc::first_invalid_utf8("ok\x80"), 2u);              // stray continuation byte
  EXPECT_EQ(esc::first_invalid_utf8("é\xA9"), 2u);
  EXPECT_EQ(esc::first_invalid_utf8("abc\xE2\x82"), 3u);         // truncated at the end
  EXPECT_EQ(esc::first_invalid_utf8("\xC3"), 0u);
  EXPECT_EQ(esc::first_invalid_utf8("\xE2\x82x"), 0u);           // interrupted
  EXPECT_EQ(esc::first_invalid_utf8("\xFF"), 0u);
}

// ASCII runs are skipped eight bytes at a time: an invalid byte is found at any offset.
TEST(Utf8Test, InvalidAfterAsciiRunsOfAnyLength) {
  for (std::size_t k = 0; k < 20; ++k) {
    EXPECT_EQ(esc::first_invalid_utf8(std::string(k, 'a') + "\xFF" + std::string(9, 'b')), k) << k;
    EXPECT_EQ(esc::first_invalid_utf8(std::string(k, 'a') + "\xC3\xA9" + std::string(k, 'b') + "\xE2\x82"), 2 * k + 2) << k;
    EXPECT_EQ(esc::first_invalid_utf8(std::string(k, 'a') + "\xC3\xA9" + std::string(k, 'b')), std::nullopt) << k;
  }
}

TEST(LineColTest, Positions) {
  EXPECT_EQ(esc::line_col_at("", 0).line, 1);
  EXPECT_EQ(esc::line_col_at("", 0).col, 1);
  const std::string_view text = "ab\ncd";
  EXPECT_EQ(esc::line_col_at(text, 1).line, 1);
  EXPECT_EQ(esc::line_col_at(text, 1).col, 2);
  EXPECT_EQ(esc::line_col_at(text, 2).col, 3);  // the '\n' itself ends line 1
  EXPECT_EQ(esc::line_col_at(text, 3).line, 2);
  EXPECT_EQ(esc::line_col_at(text, 3).col, 1);
  EXPECT_EQ(esc::line_col_at(text, 5).col, 3);  // end of text
  EXPECT_EQ(esc::line_col_at(text, 99).col, 3);  // clamped
}

TEST(LineColTest, ColumnsCountCodePoints) {
  const std::string_view text = "Tomás F";  // "á" is two bytes
  EXPECT_EQ(esc::line_col_at(text, 5).col, 5);  // the 's'
  EXPECT_EQ(esc::line_col_at(text, 7).col, 7);  // the 'F'
  EXPECT_EQ(esc::line_col_at(text, 4).col, 4);  // inside "á": the "á"
}

TEST(LineColTest, CarriageReturnIsPartOfTheLineEnd) {
  const std::string_view text = "ab\r\ncd";
  EXPECT_EQ(esc::line_col_at(text, 2).col, 3);  // the '\r'
  EXPECT_EQ(esc::line_col_at(text, 3).col, 3);  // the '\n': same line end
  EXPECT_EQ(esc::line_col_at(text, 4).line, 2);
  EXPECT_EQ(esc::line_col_at(text, 4).col, 1);
  EXPECT_EQ(esc::line_col_at("a\rb", 2).col, 3);  // a lone '\r' is not a line end
}

TEST(Utf8Test, Length) {
  EXPECT_EQ(esc::utf8_length(""), 0u);
  EXPECT_EQ(esc::utf8_length("abc"), 3u);
  EXPECT_EQ(esc::utf8_length("Tomás"), 5u);
  EXPECT_EQ(esc::utf8_length("£€😀"), 3u);
}

TEST(CapitaliseTest, FirstAsciiLetter) {
  EXPECT_EQ(esc::capitalise("ongoing"), "Ongoing");
  EXPECT_EQ(esc::capitalise("Ongoing"), "Ongoing");
  EXPECT_EQ(esc::capitalise(""), "");
  EXPECT_EQ(esc::capitalise("p1 incident"), "P1 incident");
  EXPECT_EQ(esc::capitalise("1st"), "1st");
  EXPECT_EQ(esc::capitalise("élan"), "élan");  // ASCII only
}

TEST(UnifyLineEndsTest, LoneCarriageReturnsBecomeLineFeeds) {
  EXPECT_EQ(esc::unify_line_ends("a\rb\rc"), "a\nb\nc");
  EXPECT_EQ(esc::unify_line_ends("a\r\nb\r\n"), "a\r\nb\r\n");  // CRLF kept
  EXPECT_EQ(esc::unify_line_ends("a\r\r\nb\r"), "a\n\r\nb\n");
  EXPECT_EQ(esc::unify_line_ends(""), "");
}

TEST(FormatAmountDigitsTest, GroupsAndCentsForEveryFiniteAmount) {
  EXPECT_EQ(esc::format_amount_digits(0), "0");
  EXPECT_EQ(esc::format_amount_digits(1234.5), "1,234.50");
  EXPECT_EQ(esc::format_amount_digits(999), "999");
  EXPECT_EQ(esc::format_amount_digits(-12.3), "-12.30");
  EXPECT_EQ(esc::format_amount_digits(1e20), "100,000,000,000,000,000,000");
  EXPECT_EQ(esc::format_amount_digits(9.3e18), "9,300,000,000,000,000,000");
}

TEST(Utf16Test, RecognisedByMarkOrByNulBesideAscii) {
  EXPECT_TRUE(esc::looks_like_utf16(std::string_view("\xFF\xFEi\0d\0", 6)));
  EXPECT_TRUE(esc::looks_like_utf16(std::string_view("\xFE\xFF\0i\0d", 6)));
  EXPECT_TRUE(esc::looks_like_utf16(std::string_view("i\0d\0:\0 \0", 8)));
  EXPECT_TRUE(esc::looks_like_utf16(std::string_view("\0i\0d\0:\0 ", 8)));
  EXPECT_FALSE(esc::looks_like_utf16("id: x\n"));
  EXPECT_FALSE(esc::looks_like_utf16(std::string_view("\x7F" "ELF\0\0\0\0", 8)));
}

TEST(ConcatTest, JoinsInOrder) {
  EXPECT_EQ(esc::concat({}), "");
  EXPECT_EQ(esc::concat({":", std::to_string(12), ":", "5"}), ":12:5");
  EXPECT_EQ(esc::concat({"'", "", "'"}), "''");
}

// Chinese and Japanese end sentences with full-width terminators and no space after them.
TEST(CountSentencesTest, FullWidthTerminators) {
  EXPECT_EQ(esc::count_sentences("請求書の出力が停止しました。失われたものはありません。"), 2);
  EXPECT_EQ(esc::count_sentences("发票导出停滞了三小时。没有丢失！"), 2);
  EXPECT_EQ(esc::count_sentences("「保留中」のまま停止しました。"), 1);
  EXPECT_EQ(esc::count_sentences("约£45,000的开票被延迟"), 1);
}

// A word a shell reads back as it is: bare when nothing in it is special, else single-quoted.
TEST(ShellQuoteTest, QuotesOnlyWhatAShellWouldChange) {
  EXPECT_EQ(esc::shell_quote("tests/data/next/ESC-2026-0302.yaml"), "tests/data/next/ESC-2026-0302.yaml");
  EXPECT_EQ(esc::shell_quote("2026-11-02T10:25:00Z"), "2026-11-02T10:25:00Z");
  EXPECT_EQ(esc::shell_quote("my draft.eml"), "'my draft.eml'");
  EXPECT_EQ(esc::shell_quote("Bob's.eml"), "'Bob'\\''s.eml'");
  EXPECT_EQ(esc::shell_quote("$HOME/*.eml"), "'$HOME/*.eml'");
  EXPECT_EQ(esc::shell_quote(""), "''");
}

TEST(NextCodePoint, DecodesWellFormedUtf8AndReplacesEachBadByte) {
  auto decode = [](std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) out.push_back(esc::next_code_point(s, i));
    return out;
  };
  EXPECT_EQ(decode("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"), U"a\u00E9\u20AC\U0001F600");
  // Overlong, surrogate, beyond U+10FFFF and truncated: one U+FFFD a byte, never a code point.
  EXPECT_EQ(decode("\xC0\x80"), U"\uFFFD\uFFFD");
  EXPECT_EQ(decode("\xED\xA0\x80"), U"\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(decode("\xF4\x90\x80\x80"), U"\uFFFD\uFFFD\uFFFD\uFFFD");
  EXPECT_EQ(decode("x\xE2\x82"), U"x\uFFFD\uFFFD");
  EXPECT_EQ(esc::utf8_sequence_length("\xE2\x82\xAC", 0), 3u);
  EXPECT_EQ(esc::utf8_sequence_length("\xE2\x82", 0), 0u);
}

// ---- whole words: the boundary checked outside the pattern ----------------------------------

namespace {

// What the patterns were before their word boundaries moved out of them: the boundary class
// written on both sides, "(?:^|[^W])(words)(?:[^W]|$)", every match of group 1 with the search
// resumed at its end. The oracle for the property below.
std::vector<std::pair<std::size_t, std::size_t>> regex_whole_words(const re2::RE2& re, std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  const re2::StringPiece all(text.data(), text.size());
  re2::StringPiece m[2];
  std::size_t pos = 0;
  while (pos <= text.size() && re.Match(all, pos, text.size(), re2::RE2::UNANCHORED, m, 2)) {
    const std::size_t start = static_cast<std::size_t>(m[1].data() - text.data());
    out.emplace_back(start, m[1].size());
    pos = start + m[1].size() > pos ? start + m[1].size() : pos + 1;
  }
  return out;
}

std::vector<std::pair<std::size_t, std::size_t>> spans(const std::vector<TextMatch>& matches) {
  std::vector<std::pair<std::size_t, std::size_t>> out;
  for (const TextMatch& m : matches) out.emplace_back(m.offset, m.length);
  return out;
}

// Texts made of the words, their look-alikes inside longer words ("we hope" in "we hopefully"),
// and every kind of neighbour: spaces (a no-break space too), hyphens, underscores, digits in two
// scripts, accented and combining letters, a title-case letter, letters that fold to ASCII (ſ,
// the Kelvin sign), 4-byte letters and symbols, CJK, punctuation, a surrogate's encoding (RE2
// reads it as a code point) and bytes that are not UTF-8.
std::vector<std::string> word_soup(unsigned seed, std::size_t count) {
  static const std::vector<std::string> pieces = {
      "TBD", "tbd", "Tbc", "TODO", "todo", "XX", "XXX", "X", "we think", "We\u00a0believe", "we  suspect",
      "probably", "PROBABLY", "likely", "unlikely", "might", "mighty", "maybe", "appears to", "appear to",
      "seems to", "not sure", "not certain", "should be fixed", "should be resolved", " ", "\u00a0", "-", "_",
      "a", "\u00e9", "e\u0301", "\u0301", "1", "\u0663", ".", ",", "\n", "\xff", "\xc3", "\xe2\x80", "\u65e5\u672c",
      "\u216b", "\u01c5", "(", "\"", "\u2019", "we hope", "hopefully", "\u017f", "\u212a", "\U0001D400",
      "\U0001F600", "\xed\xa0\x80"};
  std::mt19937 rng(seed);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < count; ++i) {
    std::string text;
    for (std::size_t n = 1 + rng() % 10; n > 0; --n) text += pieces[rng() % pieces.size()];
    out.push_back(text);
  }
  return out;
}

}  // namespace

TEST(WholeWords, PlaceholderWordsAreThoseTheBoundaryPatternFinds) {
  static const re2::RE2 old_word(
      R"((?:^|[^\pL\pN\pM_\-])((?i:tbd|tbc)|TODO|X{2,})(?:[^\pL\pN\pM_\-]|$))");
  std::size_t found = 0;
  for (const std::string& text : word_soup(20261205, 20000)) {
    if (text.find("___") != std::string::npos) continue;  // a blank to fill in, another kind
    const auto expected = regex_whole_words(old_word, text);
    found += expected.size();
    EXPECT_EQ(spans(esc::find_placeholders(text)), expected) << "text: '" << text << "'";
  }
  EXPECT_GT(found, 1000u);  // the soup has plenty of whole words, not only near misses
}

TEST(WholeWords, HedgesAreThoseTheBoundaryPatternFinds) {
#define GAP R"([\s\p{Zs}]+)"
  static const re2::RE2 old_hedge(
      R"((?i)(?:^|[^\pL\pN\pM_])()"
      "we" GAP "think|we" GAP "believe|we" GAP "suspect|we" GAP "hope|"
      "probably|possibly|perhaps|presumably|hopefully|likely|might|maybe|"
      "may" GAP "have|may" GAP "be|appears" GAP "to|appear" GAP "to|"
      "seems" GAP "to|seem" GAP "to|should" GAP "be" GAP "fixed|"
      "should" GAP "be" GAP "resolved|not" GAP "sure|not" GAP "certain"
      R"()(?:[^\pL\pN\pM_]|$))");
#undef GAP
  std::size_t found = 0;
  // The soup has no "may be", "may have" and no "that"/"which"/"who" before "might": with them,
  // find_speculative drops matches that state a fact ("credits may be due", "customers who
  // might have seen"), a filter of its own, tested above.
  for (const std::string& text : word_soup(5122026, 20000)) {
    const auto expected = regex_whole_words(old_hedge, text);
    found += expected.size();
    EXPECT_EQ(spans(esc::find_speculative(text)), expected) << "text: '" << text << "'";
  }
  EXPECT_GT(found, 1000u);
}

// A long run of letters holding no whole word (a field of X's): every candidate in it is rejected
// at once, not once per byte. What this catches is a hang (the search restarted at every byte
// took minutes at 100,000), not a speed.
TEST(WholeWords, ALongRunOfLettersIsSearchedOnce) {
  const std::string run = std::string(1000000, 'X') + "a";
  EXPECT_TRUE(esc::find_placeholders(run).empty());
  EXPECT_EQ(placeholders(run + " XX"), (std::vector<std::string>{"XX"}));
  const std::string hedge_run = "we" + std::string(300000, ' ') + "hopefully" + std::string(300000, 'y');
  EXPECT_TRUE(esc::find_speculative(hedge_run).empty());
  EXPECT_EQ(hedges("we hopefully"), (std::vector<std::string>{"hopefully"}));
}
