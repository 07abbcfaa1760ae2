// Builds a folded event leaflet from a case: the cover, the story, what to do, whom to
// write to, a QR code to the action and the local group's contact, placed into the
// panels a leaflet layout (layouts/leaflet-*.json) names. Two pages: outside, inside.
#pragma once
#include <ctime>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "appeal/case_model.h"
#include "layout/document.h"
#include "layout/flow.h"
#include "layout/leaflet_spec.h"

namespace appeal {

struct Leaflet {
  layout::Document doc;  // for a print shop (PDF/X-4); pages: outside, inside
  double scale = 1;      // text size used, as a fraction of the layout's
};

// The sections a leaflet layout may name: placed in a panel of their own ("cover",
// "story", ...) or flowed through its "flow" panels (layout::load_leaflet checks the file).
layout::LeafletSections leaflet_sections();

// Text shrinks in 5 % steps down to the layout's min_scale when it does not fit; beyond
// that, throws InputError naming the case file, the content that did not fit and how
// much was left over. Also InputError when the case lacks what the leaflet prints (the
// background and actions in `lang`, /links/action for the QR code).
// `created` is the document's date.
Leaflet build_leaflet(const Case& c, const std::string& lang, const layout::LeafletSpec& spec,
                      text::Typesetter& ts, const std::optional<Group>& group, std::time_t created = 0);

}  // namespace appeal
