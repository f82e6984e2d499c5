// The floor for `escalate check`: a bare loop that only parses the same files with yaml-cpp,
// on the same number of threads. Usage: parse_loop [--events] JOBS PATH... (a folder: its
// *.yaml files). YAML::Load builds yaml-cpp's node tree; --events only runs the parser with a
// handler that counts the events (escalate's loader builds its own tree from the events).
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

namespace {

// Counts the events and does nothing else.
class Counter : public YAML::EventHandler {
 public:
  std::size_t events = 0;
  void OnDocumentStart(const YAML::Mark&) override { ++events; }
  void OnDocumentEnd() override { ++events; }
  void OnNull(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnAlias(const YAML::Mark&, YAML::anchor_t) override { ++events; }
  void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t, const std::string&) override { ++events; }
  void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnSequenceEnd() override { ++events; }
  void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t, YAML::EmitterStyle::value) override {
    ++events;
  }
  void OnMapEnd() override { ++events; }
};

}  // namespace

int main(int argc, char** argv) {
  const bool events = argc > 1 && std::string(argv[1]) == "--events";
  if (events) {
    --argc;
    ++argv;
  }
  if (argc < 3) return 2;
  unsigned jobs = static_cast<unsigned>(std::stoi(argv[1]));
  if (jobs == 0) jobs = std::thread::hardware_concurrency();
  std::vector<std::string> files;
  for (int a = 2; a < argc; ++a) {
    if (!std::filesystem::is_directory(argv[a])) {
      files.emplace_back(argv[a]);
      continue;
    }
    std::vector<std::string> in_dir;
    for (const auto& e : std::filesystem::directory_iterator(argv[a]))
      if (e.path().extension() == ".yaml") in_dir.push_back(e.path().string());
    std::sort(in_dir.begin(), in_dir.end());
    files.insert(files.end(), in_dir.begin(), in_dir.end());
  }
  std::atomic<std::size_t> next{0}, nodes{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      std::ifstream in(files[i], std::ios::binary);
      std::stringstream ss;
      ss << in.rdbuf();
      if (events) {
        std::istringstream text(ss.str());
        YAML::Parser parser(text);
        Counter counter;
        while (parser.HandleNextDocument(counter)) {
        }
        nodes += counter.events;
        continue;
      }
      YAML::Node doc = YAML::Load(ss.str());
      nodes += doc.size();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  std::printf("%zu\n", nodes.load());
  return 0;
}
