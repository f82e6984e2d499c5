// escalate build's pipeline. On worker threads, each record is checked, its emails and readout
// rendered and its whole pack (with its lint reports) written into a staging folder; then, one
// record at a time in input order (pipeline/parallel.h), the first record of each id has its
// pack renamed into place (a later record with the same id gets a duplicate-id finding and its
// staged pack is dropped), summary.json gets its line, and the record's findings go on to the
// caller's reports. The output is identical for any number of workers, and memory does not grow
// with the batch.
#pragma once

#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "load/config.h"
#include "load/record.h"
#include "pipeline/batch.h"
#include "render/font_cache.h"
#include "render/templates.h"
#include "report/report.h"
#include "write/pack.h"

namespace esc {

struct PackBuild {
  std::filesystem::path out_dir;   // prepared (prepare_output_dir)
  bool force = false;              // also build records with errors, marked DRAFT
  std::string font;                // the readout's TrueType font; empty: the default
  std::string templates;           // --templates; empty: each configuration's, else built-in
  std::set<std::string> reserved;  // names escalate writes itself in out_dir (summary.json, ...)
  std::string tool_version;
};

// The email templates of a batch, by folder ("" is the built-in set).
using TemplateSet = std::map<std::string, EmailTemplates>;

// Loads (and checks) the templates every record of the batch will use, once per folder, before
// any worker starts. An error sentence when a folder's templates cannot be used.
std::optional<std::string> load_batch_templates(const PreparedBatch& batch, const std::string& override_dir,
                                                TemplateSet& out);

struct PackBuildResult {
  std::size_t packs_written = 0;
  std::size_t not_built = 0;  // records that got only lint reports (errors, no --force)
  // SIGINT or SIGTERM (core/interrupt.h) stopped the build before every record was built: the
  // records already built have their packs, the others were not started; summary.json was not
  // written, and the one an earlier build wrote was removed once a pack of this build replaced
  // what it describes. 0 when the build ran to the end.
  int interrupted_by = 0;
  bool summary_removed = false;
};

// Builds every pack of the batch and writes summary.json. `on_record` receives each readable
// record's result in input order. Environment problems go to `errors` in input order, then
// summary.json's.
PackBuildResult build_packs(const PreparedBatch& batch, const BatchOptions& options, const PackBuild& build,
                            const TemplateSet& templates, const std::function<void(FileResult&)>& on_record,
                            std::vector<std::string>& errors);

// Renders the executive readout into `files` (exec-readout.pdf) as of `now` (the build's clock),
// with the fonts of the build's `fonts`, adding its findings to `fr`; `error` receives an
// environment problem (missing font).
void build_readout(const Record& record, const Config& config, Instant now, bool draft, const std::string& font,
                   pdf::FontCache& fonts, FileResult& fr, std::vector<PackFile>& files, std::string& error);

}  // namespace esc
