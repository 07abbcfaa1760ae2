// A PDF file written page by page straight to disk (object_writer.h), with
// HarfBuzz-subset CID TrueType fonts. Pages go to disk as they are added; fonts at finish().
#pragma once
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "pdf/page.h"

namespace appeal::pdf {

class RunCache;

// The printing condition the colours are meant for (ISO 32000-1 §14.11.5), with its
// characterisation profile embedded.
struct OutputIntent {
  std::string subtype = "GTS_PDFX";     // GTS_PDFX, or GTS_PDFA1 for PDF/A
  std::string condition_identifier;    // e.g. "FOGRA39"
  std::string registry;                 // "http://www.color.org" for a registered condition
  std::string condition_info;           // /Info: the condition in words
  std::filesystem::path icc_profile;    // /DestOutputProfile
  int components = 4;                   // 4 = CMYK, 3 = RGB
};

// A file carried inside the PDF (ISO 32000-1 §7.11.4) and associated with the document
// (PDF/A-3 "associated file", ISO 19005-3 §6.8).
struct Attachment {
  std::string name;               // file name shown to the reader, e.g. "case.json"
  std::string mime;               // e.g. "application/json"
  std::string data;
  std::string description;
  std::string relationship = "Source";  // /AFRelationship
  std::time_t modified = 0;       // /Params /ModDate
};

// A signature field whose value is reserved when the file is written and filled in
// afterwards (signature.h): its /Contents and /ByteRange are placeholders of fixed size.
struct SignatureField {
  std::string name = "Signature1";
  std::string signer;             // /Name, the signer's common name
  std::string reason, location;
  std::time_t signing_time = 0;   // /M (PAdES keeps the time here, not in the CMS)
  size_t contents_bytes = 16384;  // room for the DER CMS
};

struct DocumentInfo {
  std::string title, author, subject, keywords;
  std::string creator = "appeal";
  std::string producer = "Appeal Press";
  std::string language;        // BCP 47 for the catalog /Lang, e.g. "ru"
  std::time_t created = 0;     // CreationDate and ModDate (UTC); callers pass input dates
  // PDF/X-4 (ISO 15930-7): header 1.6, /GTS_PDFXVersion and /Trapped in Info and XMP,
  // XMP metadata, the output intent below (required), RGB images tagged with rgb_profile.
  bool pdfx4 = false;
  std::optional<OutputIntent> output_intent;
  std::filesystem::path rgb_profile;  // when set, RGB images are ICCBased with this profile
  // PDF/A-3 (ISO 19005-3): XMP with pdfaid part 3 and the Info entries, an output intent
  // (GTS_PDFA1, sRGB) required, attachments listed in /AF. Conformance level A when the
  // document is tagged (§6.8: logical structure, Unicode, a natural language), else B.
  bool pdfa3 = false;
  // Tagged PDF (ISO 32000-1 §14.8): /MarkInfo, a structure tree, /StructParents and
  // /Tabs /S on every page; pages then mark every item (Page::marks).
  bool tagged = false;
  // Structure types of this writer's caller mapped to standard ones (§14.7.3).
  std::map<std::string, std::string> role_map;
  // PDF/UA-1 (ISO 14289-1 §5): XMP pdfuaid:part 1 with its extension schema. Needs tagged.
  bool pdfua = false;
  std::vector<Attachment> attachments;
  std::optional<SignatureField> signature;  // an invisible signature field, to sign after finish()
  // Font programs and form streams shared with the other files of the run
  // (pdf/run_cache.h); none: each file subsets its fonts to exactly the glyphs it draws.
  std::shared_ptr<RunCache> run_cache;
  // More Info entries, text strings (ISO 32000-1 §14.3.3: a writer may add keys of its
  // own); ones with no XMP counterpart, so PDF/A's agreement of the two is unaffected.
  std::map<std::string, std::string> more_info;
};

class Document {
 public:
  // Opens `file` for writing. Nothing is valid until finish() returns.
  Document(const std::filesystem::path& file, DocumentInfo info);
  ~Document();
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  // Registers a TrueType font file; it is embedded as a subset of the glyphs used.
  FontRef add_font(const FontFace& face);

  void add_page(const Page& page);
  // Writes `content` (its boxes.media is the form's bounding box) as a form XObject that
  // pages can draw with FormItem; shared content is then stored once per file.
  FormRef add_form(const Page& content);
  int page_count() const;
  const DocumentInfo& info() const;

  // The document's logical structure (tagged documents only): an element, the last child
  // of `parent` (the root Document element when none), is opened before the pages that
  // mark items with it and closed after the last of them; it is written then.
  ElementRef open_element(const Element& e, std::optional<ElementRef> parent = std::nullopt);
  void close_element(ElementRef e);

  // Embeds the font subsets, writes the trailer, then gives /ID a hash of the content
  // so the same input makes the same bytes.
  // An Info entry (DocumentInfo::more_info) known only once the pages are written.
  void set_info(const std::string& key, const std::string& value);
  void finish();

  struct Impl;  // defined in document.cpp

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace appeal::pdf
