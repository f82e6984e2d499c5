// draft/html: the text a person reads in an HTML email.
#include "draft/html.h"

#include <gtest/gtest.h>

using namespace esc;

TEST(HtmlToText, BlockElementsAreLinesAndEntitiesDecoded) {
  EXPECT_EQ(html_to_text("<html><body><p>Priya&nbsp;Raman,</p><div>Current status: <b>Contained</b></div>"
                         "<div>Impact: caf&eacute; &lt;NAME&gt; &amp; more</div><ul><li>one</li><li>two</li></ul>"
                         "tail</body></html>"),
            "Priya Raman,\nCurrent status: Contained\nImpact: café <NAME> & more\none\ntwo\ntail\n");
}

TEST(HtmlToText, ScriptsStylesHeadAndCommentsAreNotText) {
  EXPECT_EQ(html_to_text("<head><title>TODO</title><style>p{color:red}</style></head><body><!-- TBD -->"
                         "<p>Hello</p><script>var TODO = 1;</script></body>"),
            "Hello\n");
}

TEST(HtmlToText, BlankLinesAsMailClientsWriteThem) {
  // Outlook: an empty paragraph holds a no-break space; Gmail: <div><br></div>.
  EXPECT_EQ(html_to_text("<p class=MsoNormal>a<o:p></o:p></p><p class=MsoNormal>&nbsp;</p><p class=MsoNormal>b</p>"),
            "a\n\nb\n");
  EXPECT_EQ(html_to_text("<div dir=\"ltr\">a<div><br></div><div>b</div></div>"), "a\n\nb\n");
  EXPECT_EQ(html_to_text("<p>a   b\n  c<br>d</p>"), "a b c\nd\n");
  EXPECT_EQ(html_to_text("<pre>a\n  b</pre>"), "a\n  b\n");
}

TEST(HtmlToText, TableRowsAreLinesAndCellsAreSeparated) {
  EXPECT_EQ(html_to_text("<table><tr><td><b>Impact:</b></td><td>All card payments</td></tr>"
                         "<tr><td>Current status:</td><td>Contained</td></tr></table>"),
            "Impact: All card payments\nCurrent status: Contained\n");
}

TEST(HtmlToText, ForgivingAndBounded) {
  EXPECT_EQ(html_to_text(""), "");
  EXPECT_EQ(html_to_text("<p>unclosed <b>bold"), "unclosed bold\n");
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  deep += "x";
  EXPECT_NE(html_to_text(deep).find('x'), std::string::npos);
}
