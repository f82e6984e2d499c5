// Email templates: plain-text rendering (no HTML escaping) and strictness about variables.
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

#include "render/templates.h"

using namespace esc;

namespace {

TemplateValues values() {
  TemplateValues v = sample_values(CommType::initial);
  v.strings["customer_name"] = "Pat O'Neill & Co <ops>";
  v.strings["account"] = "Northwind";
  v.strings["title"] = "Card payments declined";
  return v;
}

std::string render_body(const std::string& tmpl) {
  auto r = render_email_template(tmpl, values(), "t.mustache");
  if (auto* e = std::get_if<std::string>(&r)) return "error: " + *e;
  return std::get<RenderedEmail>(r).body;
}

}  // namespace

TEST(Templates, BuiltInTemplatesUseOnlyKnownVariables) {
  EmailTemplates t = builtin_templates();
  for (int i = 0; i < 3; ++i) {
    auto type = static_cast<CommType>(i);
    auto r = render_email_template(t.for_type(type), sample_values(type), "built-in");
    EXPECT_TRUE(std::holds_alternative<RenderedEmail>(r)) << std::get<std::string>(r);
  }
}

TEST(Templates, PlainTextNoHtmlEscaping) {
  EXPECT_EQ(render_body("Subject: x\n\n{{customer_name}},\n"), "Pat O'Neill & Co <ops>,\n");
}

TEST(Templates, SubjectIsTheFirstLine) {
  auto r = render_email_template("Subject: {{account}} — Escalation Opened: {{title}}\n\nHi\n", values(), "t");
  ASSERT_TRUE(std::holds_alternative<RenderedEmail>(r));
  EXPECT_EQ(std::get<RenderedEmail>(r).subject, "Northwind — Escalation Opened: Card payments declined");
  EXPECT_EQ(std::get<RenderedEmail>(r).body, "Hi\n");
}

TEST(Templates, AnUnknownVariableIsAnErrorNotAnEmptyGap) {
  EXPECT_EQ(render_body("Subject: x\n\nDear {{custmer_name}},\n"),
            "error: t.mustache: unknown template variable '{{custmer_name}}'; see templates/README.md for the "
            "variables escalate provides");
}

TEST(Templates, ATemplateWithoutSubjectIsAnError) {
  EXPECT_EQ(render_body("Hello {{customer_name}}\n"), "error: t.mustache: the first line must be 'Subject: ...'");
}

TEST(Templates, ACustomFolderIsCheckedWhenLoaded) {
  auto dir = std::filesystem::temp_directory_path() / "escalate-templates-test";
  std::filesystem::create_directories(dir);
  for (const char* name : {"initial", "progress", "resolution"})
    std::ofstream(dir / (std::string(name) + ".mustache")) << "Subject: {{account}}\n\n{{customer_name}}\n";
  EmailTemplates t;
  EXPECT_EQ(load_templates(dir.string(), t), std::nullopt);
  std::ofstream(dir / "progress.mustache") << "Subject: {{account}}\n\n{{nmber}}\n";
  auto err = load_templates(dir.string(), t);
  ASSERT_TRUE(err.has_value());
  EXPECT_NE(err->find("unknown template variable '{{nmber}}'"), std::string::npos) << *err;
  std::filesystem::remove_all(dir);
}

TEST(Templates, DeeplyNestedSectionsAreRefusedBeforeTheLibrarySeesThem) {
  // 12,000 nested sections overflowed the stack inside kainjow::mustache (SIGSEGV).
  std::string deep = "Subject: x\n\n";
  for (int i = 0; i < 12000; ++i) deep += "{{#title}}";  // 240 KB: under the size limit
  for (int i = 0; i < 12000; ++i) deep += "{{/title}}";
  EXPECT_EQ(render_body(deep), "error: t.mustache:3: sections are nested more than 32 deep, the limit for a template");
  // Inverted sections count too, and a delimiter change does not hide them.
  std::string hidden = "Subject: x\n\n{{=<% %>=}}";
  for (int i = 0; i < 40; ++i) hidden += "<%^account%>";
  EXPECT_NE(render_body(hidden).find("nested more than 32 deep"), std::string::npos);
  std::string ok = "Subject: x\n\n";
  for (int i = 0; i < 32; ++i) ok += "{{#account}}";
  ok += "{{account}}";
  for (int i = 0; i < 32; ++i) ok += "{{/account}}";
  EXPECT_EQ(render_body(ok), "Northwind");
}

TEST(Templates, AnUnknownPartialIsAnError) {
  EXPECT_EQ(render_body("Subject: x\n\nHello {{> signature }}\n"),
            "error: t.mustache:3: unknown partial '{{> signature}}'; escalate provides no partials (see "
            "templates/README.md)");
}

TEST(Templates, AFileOverTheLimitIsAnErrorNamingFileAndLimit) {
  // It used to be cut at 256 KiB without a word: an email ending mid-sentence.
  auto dir = std::filesystem::temp_directory_path() / "escalate-templates-big";
  std::filesystem::create_directories(dir);
  for (const char* name : {"initial", "progress", "resolution"})
    std::ofstream(dir / (std::string(name) + ".mustache")) << "Subject: {{account}}\n\n{{customer_name}}\n";
  std::ofstream(dir / "progress.mustache") << "Subject: {{account}}\n\n" << std::string(300 * 1024, 'x') << "\n";
  EmailTemplates t;
  auto err = load_templates(dir.string(), t);
  ASSERT_TRUE(err.has_value());
  EXPECT_EQ(*err, (dir / "progress.mustache").string() +
                      ": the template is over the 262144-byte (256 KiB) limit for a template");
  std::filesystem::remove_all(dir);
}
