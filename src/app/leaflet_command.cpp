#include <cmath>
#include <iostream>
#include <optional>

#include "app/commands.h"
#include "app/date_policy.h"
#include "app/font_coverage.h"
#include "app/layouts.h"
#include "app/output_batch.h"
#include "appeal/case_reader.h"
#include "appeal/leaflet_builder.h"
#include "appeal/paths.h"
#include "layout/leaflet_spec.h"
#include "render/output.h"

namespace appeal::app {

namespace {

// Without --lang a leaflet is made in the first preferred language the case tells its
// story in (background and actions), else English.
std::string default_leaflet_language(const Case& c) {
  for (const std::string& l : c.languages) {
    if (find_lang(c.background, l) && find_lang(c.actions, l)) return l;
  }
  return "en";
}

}  // namespace

// Leaflets: one PDF/X-4 file per language, OUTDIR/leaflet-<layout>-<lang>.pdf.
void run_leaflet(const RunOptions& a, Typesetters& typesetters) {
  text::Typesetter& ts = typesetters.first();
  layout::LeafletSpec spec = layout::load_leaflet(resolve_layout(a.layout, "leaflet"), leaflet_sections());
  resolve_font_families(spec.file, spec.styles, a.font_family);
  check_layout_fonts(spec.file, spec.styles);
  FontCoverage coverage(ts, spec.styles);
  const Case c = read_case(a.case_file, coverage.can_draw(), coverage.font_names());
  if (!a.quiet) {
    for (const std::string& w : c.warnings) std::cerr << "warning: " << w << '\n';
  }
  std::optional<Group> group = c.group;
  if (!a.group.empty()) group = read_group_file(a.group, coverage.can_draw(), coverage.font_names());
  std::vector<std::string> langs = cli_languages(a.langs);
  if (langs.empty()) langs.push_back(default_leaflet_language(c));
  refuse_placeholders(c, langs);
  const std::time_t created = leaflet_created(a.date, c);
  // Every leaflet is laid out before the output folder is touched: a case that does not
  // fit leaves nothing behind.
  std::vector<Leaflet> leaflets;
  for (const std::string& lang : langs) leaflets.push_back(build_leaflet(c, lang, spec, ts, group, created));
  render::OutputSettings output;
  output.pdf.profiles = render::colour_profiles(data_dir());
  output.pdf.tagged = !a.untagged;
  output.pdf.pdf_ua = a.pdf_ua;
  if (a.trace) output.format = render::Format::kTrace;
  OutputBatch batch(a.out_dir);
  std::vector<std::filesystem::path> written;
  for (size_t i = 0; i < langs.size(); ++i) {
    const Leaflet& leaflet = leaflets[i];
    // "leaflet-a4-trifold-en.pdf" for layout leaflet-a4-trifold.
    const std::string stem = spec.name.rfind("leaflet-", 0) == 0 ? spec.name : "leaflet-" + spec.name;
    const std::string name = stem + "-" + langs[i] + output.extension();
    render::write_document(leaflet.doc, ts.fonts(), output, batch.reserve(name));
    written.push_back(std::filesystem::path(a.out_dir) / name);
    if (leaflet.scale < 1 && !a.quiet) {
      std::cerr << "note: " << name << ": text set at " << std::lround(leaflet.scale * 100)
                << " % of the layout's sizes to fit\n";
    }
  }
  batch.commit();
  for (const auto& f : written) std::cout << f.string() << '\n';
}

}  // namespace appeal::app
