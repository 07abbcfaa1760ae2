// Turns one Page's items into content-stream operators (ISO 32000-1 §8, §9.4), with the
// marked content of a tagged page (§14.6, §14.7.4).
#pragma once
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pdf/font_embed.h"
#include "pdf/page.h"

namespace appeal::pdf {

// What a span of content says of itself (ISO 32000-1 §14.9): the text its glyphs stand
// for, its natural language.
struct SpanProps {
  std::optional<std::string> actual_text;
  std::string lang;
};

// A form drawn by FormItem is one or more form XObjects (build_form_segments): the
// resource name of each, what the span inside it says (such a part is a marked-content
// sequence of its own where the page draws it), and whether it is an artifact inside the
// element's content.
struct FormPart {
  std::string name;
  std::optional<SpanProps> span;
  bool artifact = false;
};

// Marked-content openings a tagged file repeats (some 25 a page in a merge), serialised
// once per file: each structure type's tag, each MCID's property list.
struct MarkedContentText {
  std::map<std::string, std::string> tags;
  std::vector<std::string> mcids;
};

struct ContentResources {
  std::vector<std::unique_ptr<EmbeddedFont>>& fonts;  // by FontRef
  const std::map<std::string, std::string>& images;   // file -> resource name
  const std::vector<std::vector<FormPart>>& forms;    // by FormRef
  MarkedContentText& marked;
};

// What a tagged page's marked content says: each structure element's type (the tag of its
// sequences) and, filled in by build_content, the element of each MCID (0, 1, ...).
struct Tagging {
  std::function<std::string(ElementRef)> type_of;
  std::vector<ElementRef> mcids;
};

// Records every drawn glyph in its font (for subsetting and ToUnicode) and returns the
// operators. Images are drawn as /<images[file]> Do; the caller registers them.
// An untagged page (no marks) nests spans ("/Span <</ActualText ...>> BDC ... EMC").
// A tagged page (marks; `tagging` required) is written as marked content: runs of items
// with the same mark make one sequence, "/P <</MCID 3>> BDC ... EMC" or
// "/Artifact <</Type /Layout>> BDC ... EMC", and a span inside an element's content is a
// sequence of its own with the element's next MCID, never nested in it: poppler 22.12's
// structure reader (pdfinfo -struct-text) ends an MCID's content at the first EMC inside
// it, whatever that EMC closes.
// Items [from, to) only: a page's content in more than one stream (content_prefix.h);
// MCIDs continue from the ones already in tagging->mcids.
std::string build_content(const Page& page, ContentResources& res, Tagging* tagging = nullptr, size_t from = 0,
                          size_t to = SIZE_MAX);

// Whether items marked `a` and `b`, one after the other, are in one marked-content sequence.
bool same_sequence(const Mark& a, const Mark& b);

// A form's content for a tagged document, cut where a span or an artifact inside the
// content (an inserted hyphen, ISO 32000-1 §14.8.2.2.3) begins or ends, into parts that
// are each a form XObject; a span's /Span goes inside its part, around everything. The
// page drawing the form gives each span part an MCID sequence of its own and each
// artifact part an /Artifact sequence (§14.6: a form drawn inside a sequence is part of it).
struct FormSegment {
  std::string ops;
  std::optional<SpanProps> span;
  bool artifact = false;
};
std::vector<FormSegment> build_form_segments(const Page& page, ContentResources& res);

// The resource name of the registration colour space (Ink::Kind::kRegistration), which the
// document defines in its resources when a page uses it.
extern const char* const kRegistrationColorSpace;

}  // namespace appeal::pdf
