// The record loader: every error path with its exact message and 1-based line:col.
#include <algorithm>
#include <gtest/gtest.h>

#include "load/loader.h"
#include "rule_test_util.h"

using namespace esc;
using esc::testing::read_text;

namespace {

// "rule 3:5: message" for every diagnostic of loading `text`.
std::vector<std::string> load(const std::string& text, ParseLimits limits = {}) {
  std::vector<std::string> out;
  for (const Diagnostic& d : load_record(text, "r.yaml", limits).diagnostics)
    out.push_back(d.rule + " " + std::to_string(d.mark.line) + ":" + std::to_string(d.mark.col) + ": " + d.message);
  return out;
}

std::string example() { return read_text("fixtures/ESC-2026-0142.yaml"); }

std::string replace(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  return text.replace(pos, from.size(), to);
}

using V = std::vector<std::string>;

}  // namespace

TEST(Loader, ExampleLoadsCleanAndTyped) {
  LoadResult r = load_record(example(), "ex.yaml", {});
  EXPECT_TRUE(r.diagnostics.empty());
  ASSERT_TRUE(r.record.has_value());
  const Record& rec = *r.record;
  EXPECT_EQ(*rec.id, "ESC-2026-0142");
  EXPECT_EQ(*rec.severity, Priority::P1);
  EXPECT_EQ(*rec.status, Status::resolved);
  EXPECT_EQ(rec.comms().size(), 3u);
  EXPECT_EQ(*rec.comms()[1].number, 1);
  EXPECT_EQ(format_rfc3339(rec.comms()[1].sent_at->utc), "2026-11-02T09:40:00Z");
  EXPECT_EQ(*rec.triage.impact.revenue_at_risk, 180000);
  EXPECT_EQ(rec.id.loc.mark, (Mark{4, 5}));
  EXPECT_EQ(rec.comms()[1].sent_at.loc.path, "communications[1].sent_at");
  EXPECT_EQ(*rec.stakeholder(Role::csm)->frequency, Frequency::per_cadence);  // grid default
  EXPECT_EQ(format_iso_date(*rec.pir.delivered_at), "2026-11-12");
}

TEST(Loader, DuplicateKeyPointsAtTheSecondWithANoteAtTheFirst) {
  auto r = load_record("version: 1\nversion: 1\n", "r.yaml", {});
  ASSERT_FALSE(r.diagnostics.empty());
  EXPECT_EQ(r.diagnostics[0].message,
            "duplicate key 'version' (first defined at line 1); YAML keeps only one of them, remove the other");
  EXPECT_EQ(r.diagnostics[0].mark, (Mark{2, 1}));
  ASSERT_EQ(r.diagnostics[0].notes.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].notes[0].mark, (Mark{1, 1}));
}

// A mapping of many keys (looked up by hash rather than by a scan): the same findings, each
// duplicate pointing at the first definition.
TEST(Loader, DuplicateKeysInALargeMapping) {
  std::string extra;
  for (int i = 0; i < 40; ++i) extra += "x-k" + std::to_string(i % 30) + ": v\n";
  const std::string base = example(), text = base + extra;
  const int first = static_cast<int>(std::count(base.begin(), base.end(), '\n')) + 1;
  V want;
  for (int i = 30; i < 40; ++i)
    want.push_back("schema " + std::to_string(first + i) + ":1: duplicate key 'x-k" + std::to_string(i % 30) +
                   "' (first defined at line " + std::to_string(first + i % 30) +
                   "); YAML keeps only one of them, remove the other");
  EXPECT_EQ(load(text), want);
}

TEST(Loader, DuplicateKeyDeepInsideAList) {
  auto text = replace(example(), "    owner: Aoife Brennan\n", "    owner: Aoife Brennan\n    owner: Dana\n");
  EXPECT_EQ(load(text), (V{"schema 63:5: duplicate key 'owner' (first defined at line 62); YAML keeps only one of them, remove the other"}));
}

TEST(Loader, UnknownKeySuggestsTheNearestAndIsNotAlsoMissing) {
  auto text = replace(example(), "summary: card", "sumary: card");
  EXPECT_EQ(load(text), (V{"schema 6:1: unknown key 'sumary'; did you mean 'summary'?"}));
}

TEST(Loader, UnknownKeyWithoutSuggestion) {
  auto text = replace(example(), "summary: card", "zzz: 1\nsummary: card");
  EXPECT_EQ(load(text).at(0), "schema 6:1: unknown key 'zzz'");
}

TEST(Loader, UnknownKeyInANestedMapping) {
  auto text = replace(example(), "  contract_tier: Enterprise Plus", "  contract_teir: Enterprise Plus");
  EXPECT_EQ(load(text), (V{"schema 10:3: unknown key 'contract_teir' in 'account'; did you mean 'contract_tier'?"}));
}

TEST(Loader, MissingKeyPointsAtTheParentMapping) {
  auto text = replace(example(), "  contract_tier: Enterprise Plus\n", "");
  EXPECT_EQ(load(text), (V{"schema 9:3: missing required key 'contract_tier' in 'account'"}));
}

TEST(Loader, MissingTopLevelKeyPointsAtTheRecord) {
  auto text = replace(example(), "severity: P1\n", "");
  EXPECT_EQ(load(text), (V{"schema 3:1: missing required key 'severity'"}));
}

TEST(Loader, TimestampWithoutZone) {
  auto text = replace(example(), "owners_confirmed_at: 2026-11-02T08:30:00Z", "owners_confirmed_at: 2026-11-02T08:30:00");
  EXPECT_EQ(load(text), (V{"schema 40:22: 'owners_confirmed_at': timestamp \"2026-11-02T08:30:00\" has no time zone; add Z for UTC (the playbook works in UTC)"}));
}

TEST(Loader, NonUtcOffsetIsNormalisedAndWarned) {
  auto text = replace(example(), "confirmed_at: 2026-11-02T08:38:00Z", "confirmed_at: 2026-11-02T09:38:00+01:00");
  auto r = load_record(text, "r.yaml", {});
  ASSERT_EQ(r.diagnostics.size(), 1u);
  EXPECT_EQ(r.diagnostics[0].rule, "timestamp-utc");
  EXPECT_EQ(r.diagnostics[0].severity, Severity::warning);
  EXPECT_EQ(format_rfc3339(r.record->facts.confirmed_at->utc), "2026-11-02T08:38:00Z");
}

TEST(Loader, PlusZeroIsUtc) {
  auto text = replace(example(), "confirmed_at: 2026-11-02T08:38:00Z", "confirmed_at: 2026-11-02T08:38:00+00:00");
  EXPECT_EQ(load(text), V{});
}

TEST(Loader, BadDate) {
  auto text = replace(example(), "pir_share_by: 2026-11-13", "pir_share_by: 2026-11-31");
  EXPECT_EQ(load(text).size(), 1u);
  EXPECT_TRUE(load(text)[0].starts_with("schema 136:19: 'communications[2].pir_share_by': "));
}

TEST(Loader, WrongTypes) {
  EXPECT_EQ(load(replace(example(), "revenue_at_risk: 180000", "revenue_at_risk: lots")),
            (V{"schema 25:22: 'triage.impact.revenue_at_risk' must be a number, got 'lots'"}));
  EXPECT_EQ(load(replace(example(), "genuine: true", "genuine: yes")),
            (V{"schema 21:12: 'triage.genuine' must be true or false, got 'yes'"}));
  EXPECT_EQ(load(replace(example(), "customers_affected: 1", "customers_affected: \"1\"")),
            (V{"schema 24:25: 'triage.impact.customers_affected' must be an integer, got '1'"}));
  EXPECT_EQ(load(replace(example(), "version: 1", "version: 2")),
            (V{"schema 3:10: 'version' must be 1, got 2"}));
}

TEST(Loader, EnumWithSuggestion) {
  EXPECT_EQ(load(replace(example(), "status: resolved", "status: resolvd")),
            (V{"schema 13:9: 'status' must be ongoing, contained or resolved, got 'resolvd'; did you mean 'resolved'?"}));
}

TEST(Loader, CommunicationTypeChoosesTheShape) {
  EXPECT_EQ(load(replace(example(), "  - type: initial", "  - type: intial")),
            (V{"schema 108:11: 'communications[0].type' must be initial, progress or resolution, got 'intial'; did you mean 'initial'?"}));
  // A key that belongs to another type is unknown here.
  EXPECT_EQ(load(replace(example(), "    pir_share_by: 2026-11-13", "    pir_share_by: 2026-11-13\n    number: 3")).at(0),
            "schema 137:5: unknown key 'number' in 'communications[2]'");
}

TEST(Loader, TimelineRowNeedsMilestoneOrEvent) {
  auto text = replace(example(), "  - milestone: first_signal\n", "  - milstone: first_signal\n");
  EXPECT_EQ(load(text), (V{"schema 69:5: a row in 'timeline[0]' needs a 'milestone' or an 'event' key"}));
}

TEST(Loader, ControlCharactersAndLineBreaks) {
  EXPECT_EQ(load(replace(example(), "title: Card payments declined at EU checkout", "title: \"Card\\r\\nBcc: x@evil.example\"")),
            (V{"schema 5:8: 'title' must be one line; it contains a line break"}));
  EXPECT_EQ(load(replace(example(), "title: Card payments declined at EU checkout", "title: \"Card\\x07\"")),
            (V{"schema 5:8: 'title' contains a control character (U+0007); remove it"}));
}

// YAML's \N (U+0085, a C1 control) and \_ (U+00A0, no-break space) are characters like any other:
// the record holds their UTF-8, never the single bytes yaml-cpp 0.7 decodes them to.
TEST(Loader, EscapesForLatin1CharactersDecodeToUtf8) {
  const std::string title = "title: Card payments declined at EU checkout";
  EXPECT_EQ(load(replace(example(), title, "title: \"Card\\Npayments\"")),
            (V{"schema 5:8: 'title' contains a control character (U+0085); remove it"}));
  LoadResult r = load_record(replace(example(), title, "title: \"Card\\_payments \\x85\\u00A0 d\\xE9clin\\u00E9s\\_\""),
                             "r.yaml", {});
  ASSERT_TRUE(r.record && r.record->title);
  EXPECT_EQ(*r.record->title, "Card\u00A0payments \u0085\u00A0 d\u00E9clin\u00E9s\u00A0");
}

// An update number is 1..9999: one beyond is a slip, and a next number past the integer's
// range overflowed into "Escalation Update #-9223372036854775808".
TEST(Loader, UpdateNumbersHaveAnUpperBound) {
  EXPECT_EQ(load(replace(example(), "    number: 1\n", "    number: 9999\n")), V{});
  EXPECT_EQ(load(replace(example(), "    number: 1\n", "    number: 9223372036854775807\n")),
            (V{"schema 115:13: 'communications[1].number' must be at most 9999, got 9223372036854775807"}));
  // Reported, and not compared as if it were a number (its value stays missing).
  LoadResult r = load_record(replace(example(), "    number: 1\n", "    number: 9223372036854775807\n"), "r.yaml", {});
  ASSERT_TRUE(r.record);
  EXPECT_FALSE(r.record->comms()[1].number);
}

// A value outside its range is reported and stays missing: a readout built with --force never
// says "-5 customers affected".
TEST(Loader, AnIntegerOutOfRangeStaysMissing) {
  const std::string text = replace(example(), "    customers_affected: 1\n", "    customers_affected: -5\n");
  EXPECT_EQ(load(text), (V{"schema 24:25: 'triage.impact.customers_affected' must be at least 0, got -5"}));
  LoadResult r = load_record(text, "r.yaml", {});
  ASSERT_TRUE(r.record);
  EXPECT_FALSE(r.record->triage.impact.customers_affected);
}

TEST(Loader, InvalidIds) {
  for (std::string id : {"../../x", "/etc/x", ".hidden", "a b"}) {
    auto d = load(replace(example(), "id: ESC-2026-0142", "id: \"" + id + "\""));
    ASSERT_EQ(d.size(), 1u) << id;
    EXPECT_TRUE(d[0].starts_with("schema 4:5: 'id' must be 1-64 letters")) << d[0];
  }
  EXPECT_EQ(load(replace(example(), "id: ESC-2026-0142", "id: CON")), V{});  // a valid name on Linux
}

TEST(Loader, HostileDocuments) {
  EXPECT_EQ(load(""), (V{"schema 1:1: the file is empty; a record is a YAML mapping starting with 'version: 1'"}));
  EXPECT_EQ(load("# only a comment\n"), (V{"schema 1:1: the file is empty; a record is a YAML mapping starting with 'version: 1'"}));
  EXPECT_EQ(load("- a\n- b\n"), (V{"schema 1:1: the record must be a mapping (key: value lines), got a list"}));
  EXPECT_EQ(load("just words\n"), (V{"schema 1:1: the record must be a mapping (key: value lines), got a scalar"}));
  EXPECT_EQ(load("a: 1\n---\nb: 2\n"), (V{"yaml-syntax 2:1: the file holds more than one YAML document; keep one record per file"}));
}

TEST(Loader, SyntaxErrorsHaveRealPositions) {
  EXPECT_EQ(load("version: 1\ntitle: a: b\n"), (V{"yaml-syntax 2:9: invalid YAML: illegal map value; a value holding ': ' must be quoted (title: \"SSO outage: logins fail\"), or the indentation is off"}));
  EXPECT_EQ(load("version: 1\n\ttitle: x\n"), (V{"yaml-syntax 2:1: invalid YAML: illegal tab when looking for indentation; indent with spaces, not tabs"}));
  // yaml-cpp accepts an unclosed quote that runs to the end of the file; we do not.
  EXPECT_EQ(load("version: 1\ntitle: \"abc\nid: x\n"), (V{"yaml-syntax 2:8: invalid YAML: the quoted string starting here has no closing \""}));
}

TEST(Loader, InvalidUtf8AndBinary) {
  EXPECT_EQ(load("version: 1\ntitle: caf\xc3\n"), (V{"yaml-syntax 2:11: invalid UTF-8 (byte 0xC3); save the file as UTF-8"}));
  EXPECT_EQ(load(std::string("version: 1\n\0\0\0", 14)), (V{"yaml-syntax 2:1: the file holds a NUL byte: it is binary data, not a YAML record"}));
}

TEST(Loader, AliasesAndAnchorsAreRefusedCheaply) {
  // A billion-laughs document: refused at the first anchor, before any expansion.
  std::string bomb = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'j'; ++c)
    bomb += std::string(1, c) + ": &" + c + " [*" + char(c - 1) + ",*" + char(c - 1) + ",*" + char(c - 1) + "]\n";
  EXPECT_EQ(load(bomb), (V{"yaml-syntax 1:4: YAML anchors (&name) are not allowed in records; write the value out"}));
}

TEST(Loader, DeepNestingIsRefused) {
  auto d = load_record(std::string(100000, '['), "r.yaml", {}).diagnostics;
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].rule, "yaml-syntax");
  EXPECT_EQ(d[0].mark.line, 1);
  EXPECT_EQ(d[0].message, "nesting is deeper than 64 levels; a record never needs that");
}

TEST(Loader, SizeLimit) {
  ParseLimits small;
  small.max_bytes = 10;
  EXPECT_EQ(load("version: 1\nid: x\n", small), (V{"yaml-syntax 0:0: the file is 17 bytes, over the 10-byte limit for a record"}));
}

TEST(Loader, AByteOrderMarkIsNotPartOfTheFirstLine) {
  EXPECT_EQ(load(replace("\xEF\xBB\xBF" + example(), "summary: card", "sumary: card")),
            (V{"schema 6:1: unknown key 'sumary'; did you mean 'summary'?"}));
}

TEST(Loader, ColumnsCountCharactersNotBytes) {
  EXPECT_EQ(load("account: {name: \"Tomás\", contrat: x}\n").at(0), "schema 1:26: unknown key 'contrat' in 'account'");
  // (With one record key: a file with none is "not an escalation record", and has no record.)
  auto r = load_record("version: 1\naffected: [é, ñx]\n", "r.yaml", {});
  ASSERT_TRUE(r.record);
}

TEST(Loader, ColumnsInFlowSequencesAfterNonAscii) {
  const ParseResult parsed = parse_yaml("c: [é, ñx]\n", {});
  EXPECT_EQ(parsed.root.entries()[0].second.items()[1].mark, (Mark{1, 8}));
}

TEST(Loader, AnEmptyValuePointsAtItsKeyNotTheNextLine) {
  const ParseResult parsed = parse_yaml("a:\nb: 1\n", {});
  EXPECT_EQ(parsed.root.entries()[0].second.mark, (Mark{1, 1}));
}

TEST(Loader, CrOnlyLineEndsReadLikeLfAndCrlf) {
  // A CR-only record used to be "the file is empty".
  std::string lf = example();
  auto with = [&](const std::string& eol) {
    std::string out;
    for (char c : lf) out += c == '\n' ? eol : std::string(1, c);
    return out;
  };
  const V expected = load(lf);
  EXPECT_EQ(load(with("\r")), expected);
  EXPECT_EQ(load(with("\r\n")), expected);
  LoadResult cr = load_record(with("\r"), "r.yaml", {});
  ASSERT_TRUE(cr.record && cr.record->id);
  EXPECT_EQ(*cr.record->id, "ESC-2026-0142");
  const V extra = load(with("\r") + "zzz: 1\r");
  const std::string line = std::to_string(std::count(lf.begin(), lf.end(), '\n') + 1);
  EXPECT_NE(std::find(extra.begin(), extra.end(), "schema " + line + ":1: unknown key 'zzz'"), extra.end());
}

// ---- extension keys (issue 14, item 8) -----------------------------------------------------------

TEST(Loader, ExtensionKeysAreAcceptedInEveryMapping) {
  std::string text = example();
  text = replace(text, "version: 1\n", "version: 1\nx-jira: OPS-123\nx-links: {runbook: https://wiki/r, owner: [a, b]}\n");
  text = replace(text, "  contract_tier:", "  x-crm-id: 0042\n  contract_tier:");
  text = replace(text, "  - type: initial\n", "  - type: initial\n    x-ticket: OPS-124\n");
  text = replace(text, "    - commitment:", "    - x-jira: OPS-125\n      commitment:");
  EXPECT_EQ(load(text), V{});
  // Only the x- prefix: another unknown key is still one.
  EXPECT_EQ(load(replace(example(), "version: 1\n", "version: 1\ny-jira: OPS-123\n")),
            (V{"schema 4:1: unknown key 'y-jira'"}));
  // A duplicate extension key is still a duplicate.
  EXPECT_EQ(load(replace(example(), "version: 1\n", "version: 1\nx-a: 1\nx-a: 2\n")).size(), 1u);
}

// ---- files that are not records (item 9) --------------------------------------------------------

TEST(Loader, AYamlFileWithNoneOfARecordsKeysIsOneFinding) {
  const std::string mkdocs = "site_name: Escalations\nnav:\n  - Home: index.md\ntheme:\n  name: material\nplugins: [search]\n";
  EXPECT_EQ(load(mkdocs),
            (V{"schema 1:1: not an escalation record: none of its keys ('site_name', 'nav', 'theme', ...) is a "
               "record key such as 'version', 'id' or 'timeline'; exclude it (exclude: in .escalate.yaml, or "
               "--exclude)"}));
  EXPECT_EQ(load("name: CI\non: push\n"),
            (V{"schema 1:1: not an escalation record: none of its keys ('name', 'on') is a record key such as "
               "'version', 'id' or 'timeline'; exclude it (exclude: in .escalate.yaml, or --exclude)"}));
  // One record key is enough to be a (broken) record: the usual findings, not this one.
  const auto broken = load("version: 1\nsite_name: x\n");
  EXPECT_GT(broken.size(), 1u);
  for (const std::string& d : broken) EXPECT_EQ(d.find("not an escalation record"), std::string::npos) << d;
}

// The tree lives in its ParseResult's arena: every key in source order (duplicates kept), the
// quoting of each scalar, and the nesting, all still there after the result has been moved.
TEST(Loader, TheTreeKeepsEveryKeyInOrderAndMovesWithItsResult) {
  ParseResult first = parse_yaml("b: 'x'\na: [1, {k: \"v\"}, []]\nb: plain\nm: {}\nn:\n", {});
  ASSERT_TRUE(first.ok);
  const ParseResult parsed = std::move(first);
  const YNode& root = parsed.root;
  ASSERT_TRUE(root.is_map());
  ASSERT_EQ(root.entries().size(), 5u);
  std::vector<std::string> keys;
  for (const auto& [k, v] : root.entries()) keys.emplace_back(k.scalar);
  EXPECT_EQ(keys, (std::vector<std::string>{"b", "a", "b", "m", "n"}));
  EXPECT_EQ(root.find("b")->scalar, "x");
  EXPECT_EQ(root.find("b")->quote, '\'');
  EXPECT_TRUE(root.find("b")->quoted);
  EXPECT_FALSE(root.entries()[2].second.quoted);
  EXPECT_EQ(root.entries()[2].second.scalar, "plain");
  const YNode* a = root.find("a");
  ASSERT_TRUE(a && a->is_seq());
  ASSERT_EQ(a->items().size(), 3u);
  EXPECT_EQ(a->items()[0].scalar, "1");
  EXPECT_EQ(a->items()[1].find("k")->scalar, "v");
  EXPECT_EQ(a->items()[1].find("k")->quote, '"');
  EXPECT_TRUE(a->items()[2].is_seq());
  EXPECT_TRUE(a->items()[2].items().empty());
  EXPECT_TRUE(root.find("m")->is_map());
  EXPECT_TRUE(root.find("m")->entries().empty());
  EXPECT_TRUE(root.find("n")->is_null());
  EXPECT_TRUE(root.find("n")->items().empty());  // not a list: no items
  EXPECT_EQ(root.find("missing"), nullptr);
}
