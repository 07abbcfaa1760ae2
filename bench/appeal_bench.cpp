// appeal-bench: micro-benchmarks of the text engine on the sample letter.
// Items processed = characters, so items_per_second gives the layout speed per character.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "appeal/case_reader.h"
#include "appeal/paths.h"
#include "layout/flow.h"
#include "text/shape.h"

namespace {

const std::filesystem::path kSource = APPEAL_SOURCE_DIR;

appeal::Case& sample() {
  static appeal::Case c = appeal::read_case(kSource / "samples/ua-31-22/case.json");
  return c;
}

appeal::text::Typesetter& typesetter() {
  static appeal::text::Typesetter ts(kSource / "fonts", appeal::hyphen_catalog());
  return ts;
}

// After the first iteration every word comes from the shaping cache (shape.cpp), as in
// a merge where the same words recur; the first call shows in BM_SetLetterBody.
void BM_ShapeParagraph(benchmark::State& state) {
  auto& ts = typesetter();
  const appeal::text::FontId font = ts.font("PTSerif-Regular.ttf");
  const std::string& text = sample().letters.at("ru").body.at(0);
  for (auto _ : state) {
    auto glyphs = appeal::text::shape(ts.fonts(), {font, 11, "ru"}, text, {0, static_cast<uint32_t>(text.size())});
    benchmark::DoNotOptimize(glyphs);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(BM_ShapeParagraph);

// Sets every body paragraph of the letter on the DIN 5008 measure (165 mm), justified.
void BM_SetLetterBody(benchmark::State& state, const std::string& lang) {
  auto& ts = typesetter();
  const appeal::text::FontId font = ts.font("PTSerif-Regular.ttf");
  std::vector<appeal::layout::Block> blocks;
  int64_t chars = 0;
  for (const std::string& p : sample().letters.at(lang).body) {
    blocks.push_back(appeal::layout::make_block(p, lang, font, 11, 14));
    for (unsigned char c : p) chars += (c & 0xC0) != 0x80;  // code points, not bytes
  }
  const double width = 165 * 72 / 25.4;
  for (auto _ : state) {
    for (const auto& b : blocks) {
      auto set = appeal::layout::set_block(b, width, ts);
      benchmark::DoNotOptimize(set);
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()) * chars);
}
BENCHMARK_CAPTURE(BM_SetLetterBody, ru, std::string("ru"));
BENCHMARK_CAPTURE(BM_SetLetterBody, en, std::string("en"));

}  // namespace

BENCHMARK_MAIN();
