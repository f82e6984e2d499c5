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
