// Page geometry read from layouts/*.json: paper, named frames, text styles, marks.
// All numbers in the files are millimetres (or points where the key says _pt), measured
// from the sheet's top-left corner as print specifications give them.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "common/geometry.h"

namespace appeal {
class JsonNode;  // common/json_reader.h
}

namespace appeal::layout {

struct TextStyleSpec {
  // A file name in fonts/ ("PTSerif-Regular.ttf"), or once resolved (app/layouts.h) the
  // path of an installed family's face.
  std::string font;
  // "family": an installed font family (fontconfig) in place of `font`, with its weight
  // and slant; the application finds its file.
  std::string family;
  bool bold = false, italic = false;
  double size_pt = 11;
  double leading_pt = 14;
};

// A short horizontal tick from the left edge (fold and hole-punch marks, DIN 5008).
struct Mark {
  std::string kind;
  double x_pt = 0, y_pt = 0, length_pt = 0, width_pt = 0.25;
};

// A sheet of labels: cells in rows, counted left to right, top to bottom.
struct LabelGrid {
  int cols = 0, rows = 0;
  double left_pt = 0, top_pt = 0;        // first cell's top-left corner
  double pitch_x_pt = 0, pitch_y_pt = 0; // distance between cell origins
  double cell_w_pt = 0, cell_h_pt = 0;
  double padding_pt = 0;                 // text inset inside a cell
  int per_sheet() const { return cols * rows; }
  Rect cell(int index) const;           // the cell's outline
  Rect text_frame(int index) const;     // the cell minus padding
};

// How far a block of address lines may shrink to fit its frame (the window, an envelope's
// address zone, a label, the return-address line): the smallest size and leading, and the
// hanging indent of a wrapped line's continuation. Each layout states its source.
struct FitSpec {
  double min_size_pt = 0;     // 0: the style's own size (no shrinking)
  double min_leading_pt = 0;  // 0: the leading scaled with the size
  double indent_pt = 0;       // 0: one em of the size in use
};

// A letter's signature: room to sign above a rule (in body lines), the typed name or the
// caption "Signature" below it, and a scanned signature standing on the rule.
struct SignatureSpec {
  double room_lines = 0;     // height of the room to sign, in the body style's leading
  double rule_width_pt = 0;  // "rule_width_mm" in the file
  double rule_pt = 0;        // the rule's thickness
  double caption_gap_pt = 0; // between the rule and the caption
  double image_gap_pt = 0;   // a scanned signature keeps this far from the rule and the room's top
};

// Ruled lines to write on by hand: a letter's blank sender block, a leaflet's group panel.
struct WriteInSpec {
  int lines = 0;
  double spacing_lines = 0;  // distance between rules, in the body style's leading
  double width_pt = 0;       // "width_mm"; 0: the whole width of the frame
  double rule_pt = 0;
  double gray = 0;           // letters: 0 black .. 1 white (leaflets use their text ink)
};

// A rule under a line of text: DIN 5008's return-address line is underlined.
struct UnderlineSpec {
  double below_pt = 0;  // from the line's bottom
  double rule_pt = 0;
};

// Geometry keys of a layout file read into the specs above (the units are in the names).
SignatureSpec read_signature(const JsonNode& n);
WriteInSpec read_write_in(const JsonNode& n);

// Lengths below this are rounding, not overflow, when text is fitted into a frame.
constexpr double kFitTolerancePt = 0.01;
// A block that does not fit shrinks in steps of a quarter point, the finest step type
// specifications give, down to its FitSpec's minimum.
constexpr double kShrinkStepPt = 0.25;
// A measure no line reaches: sets a line at its natural width.
constexpr double kUnboundedPt = 1e6;

// A column of a report table ("columns"): which value it shows, its heading, its width, and
// whether its cells align right (numbers).
struct ColumnSpec {
  std::string key, label;
  double w_pt = 0;
  bool right = false;
};

struct LayoutSpec {
  std::filesystem::path file;
  std::string name, description;
  double page_w_pt = 0, page_h_pt = 0;
  std::map<std::string, TextStyleSpec> styles;
  std::map<std::string, Rect> frames;
  std::vector<Mark> marks;
  int address_max_lines = 6;
  FitSpec address_fit;  // "address_fit" in the file
  FitSpec return_fit;   // "return_fit": DIN 5008's return-address line
  FitSpec sender_fit;   // "sender_fit": the sender block of a letter
  FitSpec header_fit;   // "header_fit": a letter's continuation-page header (person, page n of m)
  std::string date_align = "left";  // the date line in the information block
  // A letter's personal paragraph (the senders CSV's `personal`) in lines of the body at
  // most: the page budget a sender's own words may take ("personal_max_lines").
  size_t personal_max_lines = 10;
  std::vector<ColumnSpec> columns;  // "columns": a report's table (app/report.h)
  double column_gap_pt = 0;         // "column_gap_mm": room between a column's text and the next
  double table_rule_pt = 0.5;       // "table_rule_pt": the rules under a table's heading, over its total
  std::optional<LabelGrid> grid;     // label sheets only
  std::optional<SignatureSpec> signature_spec;    // "signature": letters
  std::optional<WriteInSpec> write_in_spec;       // "write_in": a letter's blank sender block
  std::optional<UnderlineSpec> return_underline;  // "return_underline": letters with a return line

  // Throws InputError(file, "/frames", ...) when the layout lacks a frame a builder needs.
  const Rect& frame(const std::string& name) const;
  const TextStyleSpec& style(const std::string& name) const;
  // Throw InputError(file, "/signature", ...) and so on when the layout lacks them.
  const SignatureSpec& signature() const;
  const WriteInSpec& write_in() const;
};

// The "styles" object of a layout file: name -> font, size_pt, leading_pt.
std::map<std::string, TextStyleSpec> read_styles(const JsonNode& styles);

// Reads and validates a layout file. Errors name the file and JSON pointer.
LayoutSpec load_layout(const std::filesystem::path& file);

}  // namespace appeal::layout
