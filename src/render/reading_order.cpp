#include "render/reading_order.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace appeal::render {

using layout::DisplayPage;
using layout::PlacedLine;
using layout::Role;

bool PieceAt::operator<(const PieceAt& o) const {
  return std::tie(page, underlay, piece) < std::tie(o.page, o.underlay, o.piece);
}

int Plan::element_of(const PieceAt& at) const {
  auto it = std::lower_bound(content.begin(), content.end(), at,
                             [](const std::pair<PieceAt, size_t>& e, const PieceAt& k) { return e.first < k; });
  if (it == content.end() || at < it->first) return -1;
  return static_cast<int>(it->second);
}

namespace {

// Lines drawn as one piece: the lines of one paragraph (one text), a run of page
// furniture. Each line of an address is a piece (a marked-content sequence) of its own, so
// a reader takes its lines apart; plan_structure joins them into one element by unit.
bool same_piece(const PlacedLine& a, const PlacedLine& b) {
  if (a.role != b.role || a.role == Role::kAddress) return false;
  if (a.role == Role::kArtifact) return true;
  return a.text == b.text;
}

std::string trimmed(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") + 1 - b);
}

// Where a reader meets a piece: its reading region, page, top edge, left edge.
struct Key {
  uint16_t reading = 0;
  size_t page = 0;
  double top = 0, left = 0;
  bool operator<(const Key& o) const { return std::tie(reading, page, top, left) < std::tie(o.reading, o.page, o.top, o.left); }
};

Key key_of(const DisplayPage& page, const Piece& piece, size_t page_index) {
  Key k;
  k.page = page_index;
  switch (piece.kind) {
    case Piece::Kind::kLines: {
      const PlacedLine& l = page.lines[piece.items.front()];
      k.reading = l.reading;
      k.top = l.baseline_pt - l.line.ascent_pt;
      k.left = l.x_pt;
      break;
    }
    case Piece::Kind::kImage: {
      const layout::PlacedImage& img = page.images[piece.items.front()];
      k.reading = img.reading;
      k.top = img.rect.y_pt;
      k.left = img.rect.x_pt;
      break;
    }
    case Piece::Kind::kFigure: {
      const layout::Drawing& d = page.figures[piece.items.front()];
      k.reading = d.reading;
      if (!d.boxes.empty()) k.top = d.boxes.front().rect.y_pt, k.left = d.boxes.front().rect.x_pt;
      break;
    }
    case Piece::Kind::kBoxes:
    case Piece::Kind::kRules:
      break;
  }
  return k;
}

}  // namespace

std::vector<Piece> pieces_of(const DisplayPage& page) {
  std::vector<Piece> out;
  if (!page.boxes.empty()) {
    Piece p{Piece::Kind::kBoxes, {}, Role::kArtifact};
    for (size_t i = 0; i < page.boxes.size(); ++i) p.items.push_back(i);
    out.push_back(std::move(p));
  }
  for (size_t i = 0; i < page.figures.size(); ++i) out.push_back({Piece::Kind::kFigure, {i}, Role::kFigure});
  for (size_t i = 0; i < page.lines.size(); ++i) {
    if (i > 0 && same_piece(page.lines[i - 1], page.lines[i])) {
      out.back().items.push_back(i);
      continue;
    }
    out.push_back({Piece::Kind::kLines, {i}, page.lines[i].role});
  }
  if (!page.rules.empty()) {
    Piece p{Piece::Kind::kRules, {}, Role::kArtifact};
    for (size_t i = 0; i < page.rules.size(); ++i) p.items.push_back(i);
    out.push_back(std::move(p));
  }
  for (size_t i = 0; i < page.images.size(); ++i) out.push_back({Piece::Kind::kImage, {i}, page.images[i].role});
  return out;
}

const char* artifact_type(const Piece& piece) {
  switch (piece.kind) {
    case Piece::Kind::kBoxes:
      return "Background";  // colour fields, a QR code's light ground
    case Piece::Kind::kLines:
      return "Pagination";  // running heads: "Name · page 2 of 3"
    case Piece::Kind::kFigure:
    case Piece::Kind::kRules:
    case Piece::Kind::kImage:
      break;
  }
  return "Layout";  // rules, fold and punch marks, crop marks
}

Plan plan_structure(const std::vector<const DisplayPage*>& pages,
                    const std::vector<std::vector<const std::vector<Piece>*>>& pieces, const std::string& lang) {
  // One element per paragraph text, per address unit, per figure; first seen in
  // drawing order, then sorted into reading order.
  struct Pending {
    Key key;
    PlannedElement element;
    std::vector<PieceAt> content;
  };
  std::vector<Pending> pending;
  std::map<const std::string*, size_t> by_text;
  std::map<std::tuple<size_t, size_t, uint32_t>, size_t> by_unit;  // page, underlay, unit
  for (size_t pi = 0; pi < pages.size(); ++pi) {
    for (size_t u = 0; u < pieces[pi].size(); ++u) {
      const DisplayPage& page = u == 0 ? *pages[pi] : *pages[pi]->underlays[u - 1];
      const std::vector<Piece>& list = *pieces[pi][u];
      for (size_t k = 0; k < list.size(); ++k) {
        const Piece& piece = list[k];
        if (piece.role == Role::kArtifact || piece.kind == Piece::Kind::kBoxes || piece.kind == Piece::Kind::kRules) continue;
        const PieceAt at{pi, static_cast<int>(u) - 1, k};
        if (piece.kind == Piece::Kind::kLines) {
          const PlacedLine& line = page.lines[piece.items.front()];
          size_t seen = pending.size();
          if (piece.role == Role::kAddress) {
            seen = by_unit.emplace(std::make_tuple(pi, u, line.unit), pending.size()).first->second;
          } else {
            seen = by_text.emplace(line.text.get(), pending.size()).first->second;
          }
          if (seen < pending.size()) {
            pending[seen].content.push_back(at);
            continue;
          }
        }
        Pending p;
        p.key = key_of(page, piece, pi);
        p.element.type = layout::role_name(piece.role);  // "P", "H1", "Address", ...
        p.content.push_back(at);
        if (piece.kind == Piece::Kind::kLines) {
          const PlacedLine& first = page.lines[piece.items.front()];
          if (!first.language.empty() && first.language != lang) p.element.lang = first.language;
          if (piece.role == Role::kLink) p.element.uri = trimmed(*first.text);
          const auto rtl = [](const PlacedLine& l) {
            return std::any_of(l.line.runs.begin(), l.line.runs.end(), [](const text::GlyphRun& r) { return r.rtl; });
          };
          if (piece.role != Role::kAddress && rtl(first)) p.element.actual_text = *first.text;
        } else if (piece.kind == Piece::Kind::kImage) {
          p.element.alt = page.images[piece.items.front()].alt;
        } else if (piece.kind == Piece::Kind::kFigure) {
          p.element.alt = page.figures[piece.items.front()].alt;
        }
        pending.push_back(std::move(p));
      }
    }
  }
  std::stable_sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) { return a.key < b.key; });

  Plan plan;
  int list = -1;  // the L the last list item went into
  for (Pending& p : pending) {
    size_t holder;
    if (p.element.type == "LI") {
      // ISO 32000-1 §14.8.4.3.3: a list (L) of items (LI), each with its body (LBody);
      // the item's number stays in its text, as printed.
      if (list < 0 || plan.elements.back().type != "LBody") {
        list = static_cast<int>(plan.elements.size());
        plan.elements.push_back({"L", "", "", -1, "", ""});
      }
      const int item = static_cast<int>(plan.elements.size());
      plan.elements.push_back({"LI", "", "", list, "", ""});
      holder = plan.elements.size();
      plan.elements.push_back({"LBody", "", p.element.lang, item, "", p.element.actual_text});
    } else {
      holder = plan.elements.size();
      plan.elements.push_back(std::move(p.element));
    }
    for (const PieceAt& at : p.content) plan.content.emplace_back(at, holder);
  }
  std::sort(plan.content.begin(), plan.content.end(),
            [](const std::pair<PieceAt, size_t>& a, const std::pair<PieceAt, size_t>& b) { return a.first < b.first; });
  return plan;
}

}  // namespace appeal::render
