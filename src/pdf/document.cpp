#include "pdf/document.h"

#include <cctype>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "pdf/content_prefix.h"
#include "pdf/content_stream.h"
#include "pdf/deflate.h"
#include "image/image_file.h"
#include "pdf/object_writer.h"
#include "pdf/pdf_objects.h"
#include "pdf/pdf_syntax.h"
#include "pdf/run_cache.h"
#include "pdf/structure_tree.h"
#include "pdf/xmp.h"

#include <xxhash.h>

namespace appeal::pdf {

namespace {

using PoDoFo::PdfArray;
using PoDoFo::PdfDictionary;
using PoDoFo::PdfObject;

bool same_rect(const Rect& a, const Rect& b) {
  return a.x_pt == b.x_pt && a.y_pt == b.y_pt && a.w_pt == b.w_pt && a.h_pt == b.h_pt;
}

// Each /ByteRange number of the placeholder: ten digits, files up to 10 GB.
constexpr int64_t kByteRangePlaceholder = 9999999999LL;

bool is_registration(const Ink& c) { return c.kind == Ink::Kind::kRegistration; }

// A URI action takes 7-bit ASCII (ISO 32000-1 §12.6.4.7): an IRI's other bytes are
// percent-encoded, as RFC 3987 §3.1 maps an IRI to a URI.
std::string uri_of(const std::string& iri) {
  static const char* const kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : iri) {
    if (c < 0x80 && c > 0x20) out += static_cast<char>(c);
    else out += '%', out += kHex[c >> 4], out += kHex[c & 15];
  }
  return out;
}

std::string read_binary(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot read the ICC profile");
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// Pages per node of the page tree (ISO 32000-1 §7.7.3.2): leaves of this many pages under
// one root, so viewers find page n without reading one 200,000-entry array.
constexpr size_t kPagesPerLeaf = 128;

}  // namespace

struct Document::Impl {
  DocumentInfo info;
  ObjectWriter out;
  // Level 6 for everything: level 12 saves 1 % on a letter's fonts (250 bytes) but
  // costs 7 ms, a third more than the rest of a one-letter run.
  Deflater deflater{6};

  std::string compress(const std::string& data) { return deflater.compress(data); }
  uint32_t content_stream(const std::string& ops) {
    const uint32_t num = out.reserve();
    PdfDictionary c;
    c.AddKey("Filter", name("FlateDecode"));
    out.stream(num, std::move(c), compress(ops));
    return num;
  }
  std::vector<std::unique_ptr<EmbeddedFont>> fonts;
  // One resource dictionary for the whole file, inherited by every page from the page
  // tree root and named by every form (§7.7.3.4): a page of a merge then costs a few
  // dozen bytes. Written in finish(), when everything drawn is known.
  uint32_t resources = 0;
  std::map<std::string, uint32_t> font_resources, xobject_resources;
  std::map<std::string, std::string> image_names;  // file -> resource name
  std::vector<std::vector<FormPart>> forms;  // by FormRef: the form XObjects each draws
  size_t form_streams = 0;
  MarkedContentText marked_text;
  ContentResources content_resources{fonts, image_names, forms, marked_text};
  // The page tree: pages are written as they come, so only numbers are kept.
  uint32_t root = 0;
  uint32_t leaf = 0;
  std::vector<uint32_t> leaf_kids;
  std::vector<std::pair<uint32_t, size_t>> leaves;  // number, page count
  std::optional<Rect> common_media;  // the first page's MediaBox, inherited when equal
  int pages = 0;
  bool finished = false;

  bool uses_registration = false;  // a Separation /All colour space in the resources
  uint32_t first_page = 0, signature_widget = 0;  // the signature field sits on page 1
  uint32_t rgb_profile = 0;         // the ICC stream RGB images are tagged with, once written
  std::optional<StructureTree> structure;  // tagged documents
  ContentPrefixes prefixes;                 // tagged pages' shared openings

  // PDF/X-4 is defined on PDF 1.6 (ISO 15930-7 §6.2.2).
  Impl(const std::filesystem::path& f, DocumentInfo i) : info(std::move(i)), out(f, info.pdfx4 ? "1.6" : "1.7") {
    if ((info.pdfx4 || info.pdfa3) && !info.output_intent) throw std::logic_error("PDF/X-4 and PDF/A need an output intent");
    if (info.pdfua && !info.tagged) throw std::logic_error("PDF/UA needs a tagged document");
    root = out.reserve();
    resources = out.reserve();
    if (info.tagged) structure.emplace(out, info.role_map);
  }

  // Embedded files with their file specifications, listed in the catalog's /AF and
  // /Names /EmbeddedFiles (names sorted, as a name tree requires; ISO 19005-3 §6.8).
  void write_attachments(PdfDictionary& catalog) {
    std::vector<std::pair<std::string, uint32_t>> specs;
    for (const Attachment& a : info.attachments) {
      const uint32_t file = out.reserve();
      PdfDictionary ef;
      ef.AddKey("Type", name("EmbeddedFile"));
      ef.AddKey("Subtype", name(a.mime));
      PdfDictionary params;
      params.AddKey("ModDate", date(a.modified));
      params.AddKey("Size", integer(static_cast<int64_t>(a.data.size())));
      ef.AddKey("Params", params);
      ef.AddKey("Filter", name("FlateDecode"));
      out.stream(file, std::move(ef), deflater.compress(a.data));
      const uint32_t spec = out.reserve();
      PdfDictionary fs;
      fs.AddKey("Type", name("Filespec"));
      fs.AddKey("F", text(a.name));
      fs.AddKey("UF", text(a.name));
      fs.AddKey("Desc", text(a.description));
      fs.AddKey("AFRelationship", name(a.relationship));
      PdfDictionary files;
      files.AddKey("F", ref(file));
      files.AddKey("UF", ref(file));
      fs.AddKey("EF", files);
      out.object(spec, PdfObject(fs));
      specs.emplace_back(a.name, spec);
    }
    std::sort(specs.begin(), specs.end());
    PdfArray af, names;
    for (const auto& [file_name, spec] : specs) {
      af.push_back(ref(spec));
      names.push_back(text(file_name));
      names.push_back(ref(spec));
    }
    catalog.AddKey("AF", af);
    PdfDictionary tree, embedded;
    embedded.AddKey("Names", names);
    tree.AddKey("EmbeddedFiles", embedded);
    catalog.AddKey("Names", tree);
  }

  // An invisible signature field on page 1 whose value has room for the CMS and a
  // /ByteRange of fixed width, both filled in by sign_pdf (signature.h). The value is
  // written outside object streams, so its bytes can be found and patched.
  PdfDictionary write_signature_field() {
    if (!signature_widget) throw std::logic_error("a signature field needs a page");
    const SignatureField& f = *info.signature;
    const uint32_t value = out.reserve();
    PdfDictionary v;  // ISO 32000-1 §12.8.1; PAdES B-B: CAdES detached, the time in /M
    v.AddKey("Type", name("Sig"));
    v.AddKey("Filter", name("Adobe.PPKLite"));
    v.AddKey("SubFilter", name("ETSI.CAdES.detached"));
    PdfArray range;
    for (int k = 0; k < 4; ++k) range.push_back(integer(kByteRangePlaceholder));
    v.AddKey("ByteRange", range);
    v.AddKey("Contents", hex_bytes(std::string(f.contents_bytes, '\0')));
    v.AddKey("M", date(f.signing_time));
    if (!f.signer.empty()) v.AddKey("Name", text(f.signer));
    if (!f.reason.empty()) v.AddKey("Reason", text(f.reason));
    if (!f.location.empty()) v.AddKey("Location", text(f.location));
    out.direct_object(value, PdfObject(v));
    // Print flag set and a zero-size rectangle: PDF/A wants no appearance for it then.
    PdfDictionary widget;
    widget.AddKey("Type", name("Annot"));
    widget.AddKey("Subtype", name("Widget"));
    widget.AddKey("FT", name("Sig"));
    widget.AddKey("T", text(f.name));
    widget.AddKey("V", ref(value));
    widget.AddKey("Rect", rect(Rect{}));
    widget.AddKey("F", integer(132));
    widget.AddKey("P", ref(first_page));
    if (structure) {
      // A form field is a Form element whose content is the widget (ISO 32000-1 §14.8.4.5,
      // PDF/UA-1 §7.18.4), and says what it is for (/TU).
      widget.AddKey("TU", text(f.signer.empty() ? "Digital signature" : "Digital signature of " + f.signer));
      const Element form{"Form", "", "", "", ""};
      widget.AddKey("StructParent", integer(structure->add_annotation(signature_widget, first_page, form)));
    }
    out.object(signature_widget, PdfObject(widget));
    PdfDictionary form;
    form.AddKey("Fields", refs({signature_widget}));
    form.AddKey("SigFlags", integer(3));
    return form;
  }

  // A link annotation (ISO 32000-1 §12.5.6.5) with a URI action (§12.6.4.7), no border,
  // and /Contents saying where it leads (PDF/UA-1 §7.18.1). Printed as PDF/A asks
  // (ISO 19005-3 §6.3.2), except in a print-shop file: it is not part of the print.
  uint32_t write_link(const LinkArea& link, uint32_t page) {
    const uint32_t num = out.reserve();
    PdfDictionary a;
    a.AddKey("Type", name("Annot"));
    a.AddKey("Subtype", name("Link"));
    a.AddKey("Rect", rect(link.rect));
    PdfArray border;
    for (int k = 0; k < 3; ++k) border.push_back(integer(0));
    a.AddKey("Border", border);
    if (!info.pdfx4) a.AddKey("F", integer(4));
    a.AddKey("Contents", text(link.uri));
    PdfDictionary action;
    action.AddKey("S", name("URI"));
    action.AddKey("URI", ascii(uri_of(link.uri)));
    a.AddKey("A", action);
    a.AddKey("P", ref(page));
    if (structure && link.element) a.AddKey("StructParent", integer(structure->add_annotation(num, page, *link.element)));
    out.object(num, PdfObject(a));
    return num;
  }

  uint32_t icc_stream(const std::filesystem::path& file, int components) {
    const uint32_t num = out.reserve();
    PdfDictionary dict;
    dict.AddKey("N", integer(components));
    dict.AddKey("Filter", name("FlateDecode"));
    out.stream(num, std::move(dict), deflater.compress(read_binary(file)));
    return num;
  }

  void close_leaf() {
    if (leaf_kids.empty()) return;
    PdfDictionary node;
    node.AddKey("Type", name("Pages"));
    node.AddKey("Parent", ref(root));
    node.AddKey("Kids", refs(leaf_kids));
    node.AddKey("Count", integer(static_cast<int64_t>(leaf_kids.size())));
    out.object(leaf, PdfObject(node));
    leaves.emplace_back(leaf, leaf_kids.size());
    leaf_kids.clear();
    leaf = 0;
  }

  // Embeds the images `page` draws (once per file) and registers what it uses.
  void register_resources(const Page& page) {
    for (const Item& item : page.items) {
      if (const auto* run = std::get_if<TextRun>(&item)) {
        EmbeddedFont& font = *fonts.at(run->font);
        font_resources.emplace(font.resource_name(), font.object(out));
        uses_registration |= is_registration(run->ink);
      } else if (const auto* line = std::get_if<Rule>(&item)) {
        uses_registration |= is_registration(line->ink);
      } else if (const auto* rect = std::get_if<FilledRect>(&item)) {
        uses_registration |= is_registration(rect->ink);
      } else if (const auto* img = std::get_if<ImageItem>(&item)) {
        if (!image_names.count(img->file)) embed_image(img->file);
      }
    }
  }

  void embed_image(const std::string& file) {
    const image::ImageData img = image::load_image(file);
    const uint32_t num = out.reserve();
    PdfDictionary dict;
    dict.AddKey("Type", name("XObject"));
    dict.AddKey("Subtype", name("Image"));
    dict.AddKey("Width", integer(img.width));
    dict.AddKey("Height", integer(img.height));
    if (img.color_space == "DeviceRGB" && !info.rgb_profile.empty()) {
      if (!rgb_profile) rgb_profile = icc_stream(info.rgb_profile, 3);
      PdfArray space;  // colour-managed, as PDF/X-4 wants
      space.push_back(name("ICCBased"));
      space.push_back(ref(rgb_profile));
      dict.AddKey("ColorSpace", space);
    } else {
      dict.AddKey("ColorSpace", name(img.color_space));
    }
    dict.AddKey("BitsPerComponent", integer(8));
    if (img.alpha) {  // PNG alpha as a soft mask (§11.6.5.3), allowed in PDF/A-2/3
      const uint32_t mask = out.reserve();
      PdfDictionary m;
      m.AddKey("Type", name("XObject"));
      m.AddKey("Subtype", name("Image"));
      m.AddKey("Width", integer(img.width));
      m.AddKey("Height", integer(img.height));
      m.AddKey("ColorSpace", name("DeviceGray"));
      m.AddKey("BitsPerComponent", integer(8));
      m.AddKey("Filter", name("FlateDecode"));
      out.stream(mask, std::move(m), deflater.compress(*img.alpha));
      dict.AddKey("SMask", ref(mask));
    }
    if (img.filter.empty()) {
      dict.AddKey("Filter", name("FlateDecode"));
      out.stream(num, std::move(dict), deflater.compress(img.samples));
    } else {
      dict.AddKey("Filter", name(img.filter));
      out.stream(num, std::move(dict), img.samples);
    }
    const std::string resource = "Im" + std::to_string(image_names.size() + 1);
    image_names.emplace(file, resource);
    xobject_resources.emplace(resource, num);
  }
};

Document::Document(const std::filesystem::path& file, DocumentInfo info)
    : impl_(std::make_unique<Impl>(file, std::move(info))) {}

Document::~Document() = default;

FontRef Document::add_font(const FontFace& face) {
  const FontRef ref = static_cast<FontRef>(impl_->fonts.size());
  impl_->fonts.push_back(std::make_unique<EmbeddedFont>(face, "F" + std::to_string(ref + 1), impl_->info.run_cache.get()));
  return ref;
}

void Document::add_page(const Page& page) {
  Impl& m = *impl_;
  m.register_resources(page);
  if (!page.marks.empty() && !m.structure) throw std::logic_error("Document: marks on a page of an untagged document");
  if (m.structure && page.marks.size() != page.items.size()) throw std::logic_error("Document: an unmarked item on a tagged page");
  Tagging tagging;
  if (m.structure) tagging.type_of = [&m](ElementRef e) { return m.structure->type_of(e); };
  ContentPrefixes::Split shared;
  if (m.structure) {
    shared = m.prefixes.split(page, tagging, m.content_resources, [&m](const std::string& ops) {
      return m.content_stream(ops);
    });
  }
  const std::string content = build_content(page, m.content_resources, m.structure ? &tagging : nullptr, shared.own);
  if (!m.leaf) m.leaf = m.out.reserve();
  const uint32_t num = m.out.reserve();
  PdfDictionary dict;
  dict.AddKey("Type", name("Page"));
  if (m.structure) {
    if (!tagging.mcids.empty()) dict.AddKey("StructParents", integer(m.structure->add_page(num, tagging.mcids)));
    // Tab order follows the structure (§12.5, table 30; PDF/UA-1 §7.18.3).
    dict.AddKey("Tabs", name("S"));
  }
  dict.AddKey("Parent", ref(m.leaf));
  if (!m.common_media) m.common_media = page.boxes.media;
  if (!same_rect(*m.common_media, page.boxes.media)) dict.AddKey("MediaBox", rect(page.boxes.media));
  if (page.boxes.crop) dict.AddKey("CropBox", rect(*page.boxes.crop));
  if (page.boxes.bleed) dict.AddKey("BleedBox", rect(*page.boxes.bleed));
  if (page.boxes.trim) dict.AddKey("TrimBox", rect(*page.boxes.trim));
  std::vector<uint32_t> annots;
  if (m.pages == 0) {
    m.first_page = num;
    if (m.info.signature) {
      m.signature_widget = m.out.reserve();
      annots.push_back(m.signature_widget);
    }
  }
  for (const LinkArea& link : page.links) annots.push_back(m.write_link(link, num));
  if (!annots.empty()) dict.AddKey("Annots", refs(annots));
  // A blank page needs no content stream (§7.7.3.3).
  if (shared.stream && !content.empty()) {
    dict.AddKey("Contents", refs({shared.stream, m.content_stream(content)}));
  } else if (shared.stream) {
    dict.AddKey("Contents", ref(shared.stream));
  } else if (!content.empty()) {
    dict.AddKey("Contents", ref(m.content_stream(content)));
  }
  m.out.object(num, PdfObject(dict));
  m.leaf_kids.push_back(num);
  if (m.leaf_kids.size() == kPagesPerLeaf) m.close_leaf();
  ++m.pages;
}

FormRef Document::add_form(const Page& content) {
  Impl& m = *impl_;
  m.register_resources(content);
  // In a tagged document a form is drawn inside a page's marked content, so it holds none
  // of its own: its spans become parts of their own (content_stream.h).
  std::vector<FormSegment> segments;
  if (m.structure) segments = build_form_segments(content, m.content_resources);
  else segments.push_back({build_content(content, m.content_resources), std::nullopt});
  std::vector<FormPart> parts;
  for (const FormSegment& seg : segments) {
    const uint32_t num = m.out.reserve();
    PdfDictionary dict;  // §8.10.2
    dict.AddKey("Type", name("XObject"));
    dict.AddKey("Subtype", name("Form"));
    dict.AddKey("BBox", rect(content.boxes.media));
    dict.AddKey("Resources", ref(m.resources));
    dict.AddKey("Filter", name("FlateDecode"));
    const std::string& ops = seg.ops;
    m.out.stream(num, std::move(dict),
                 m.info.run_cache ? *m.info.run_cache->deflated(ops, [&] { return m.compress(ops); }) : m.compress(ops));
    const std::string resource = "Fm" + std::to_string(++m.form_streams);
    m.xobject_resources.emplace(resource, num);
    parts.push_back({resource, seg.span, seg.artifact});
  }
  m.forms.push_back(std::move(parts));
  return static_cast<FormRef>(m.forms.size() - 1);
}

int Document::page_count() const { return impl_->pages; }

void Document::set_info(const std::string& key, const std::string& value) {
  if (impl_->finished) throw std::logic_error("Document: set_info after finish");
  static const std::set<std::string> kStandard = {"Title", "Author", "Subject", "Keywords", "Creator", "Producer",
                                                  "CreationDate", "ModDate", "Trapped", "GTS_PDFXVersion"};
  if (kStandard.count(key)) throw std::logic_error("Document: set_info of a standard entry: " + key);
  impl_->info.more_info[key] = value;
}

const DocumentInfo& Document::info() const { return impl_->info; }

ElementRef Document::open_element(const Element& e, std::optional<ElementRef> parent) {
  if (!impl_->structure) throw std::logic_error("Document: structure elements in an untagged document");
  return impl_->structure->open(e, parent);
}

void Document::close_element(ElementRef e) {
  if (!impl_->structure) throw std::logic_error("Document: structure elements in an untagged document");
  impl_->structure->close(e);
}

void Document::finish() {
  Impl& m = *impl_;
  if (m.finished) return;
  m.close_leaf();
  for (auto& font : m.fonts) font->finish(m.out, m.deflater, m.info.run_cache.get());

  const auto dict_of = [](const std::map<std::string, uint32_t>& entries) {
    PdfDictionary d;
    for (const auto& [key, num] : entries) d.AddKey(PoDoFo::PdfName(key), ref(num));
    return d;
  };
  PdfDictionary res;
  if (!m.font_resources.empty()) res.AddKey("Font", dict_of(m.font_resources));
  if (!m.xobject_resources.empty()) res.AddKey("XObject", dict_of(m.xobject_resources));
  if (m.uses_registration) {
    // Tint 1 = 100 % of every plate; the alternate for proofing is all four inks (§8.6.6.4).
    PdfDictionary tint;
    tint.AddKey("FunctionType", integer(2));
    PdfArray domain, c0, c1;
    domain.push_back(integer(0));
    domain.push_back(integer(1));
    for (int k = 0; k < 4; ++k) c0.push_back(integer(0)), c1.push_back(integer(1));
    tint.AddKey("Domain", domain);
    tint.AddKey("C0", c0);
    tint.AddKey("C1", c1);
    tint.AddKey("N", integer(1));
    PdfArray separation;
    separation.push_back(name("Separation"));
    separation.push_back(name("All"));
    separation.push_back(name("DeviceCMYK"));
    separation.push_back(PdfObject(tint));
    PdfDictionary spaces;
    spaces.AddKey(PoDoFo::PdfName(kRegistrationColorSpace), separation);
    res.AddKey("ColorSpace", spaces);
  }
  m.out.object(m.resources, PdfObject(res));

  std::vector<uint32_t> kids;
  size_t total = 0;
  for (const auto& [num, count] : m.leaves) {
    kids.push_back(num);
    total += count;
  }
  PdfDictionary root;
  root.AddKey("Type", name("Pages"));
  root.AddKey("Kids", refs(kids));
  root.AddKey("Count", integer(static_cast<int64_t>(total)));
  if (m.common_media) root.AddKey("MediaBox", rect(*m.common_media));
  root.AddKey("Resources", ref(m.resources));
  m.out.object(m.root, PdfObject(root));

  const DocumentInfo& i = m.info;
  PdfDictionary info;  // §14.3.3
  if (!i.title.empty()) info.AddKey("Title", text(i.title));
  if (!i.author.empty()) info.AddKey("Author", text(i.author));
  if (!i.subject.empty()) info.AddKey("Subject", text(i.subject));
  if (!i.keywords.empty()) info.AddKey("Keywords", text(i.keywords));
  info.AddKey("Creator", text(i.creator));
  info.AddKey("Producer", text(i.producer));
  info.AddKey("CreationDate", date(i.created));
  info.AddKey("ModDate", date(i.created));
  for (const auto& [k, v] : i.more_info) info.AddKey(PoDoFo::PdfName(k), text(v));
  if (i.pdfx4) {
    info.AddKey("GTS_PDFXVersion", ascii("PDF/X-4"));
    info.AddKey("Trapped", name("False"));
  }
  const uint32_t info_num = m.out.reserve();
  m.out.object(info_num, PdfObject(info));

  PdfDictionary catalog;
  catalog.AddKey("Type", name("Catalog"));
  catalog.AddKey("Pages", ref(m.root));
  if (!i.language.empty()) catalog.AddKey("Lang", text(i.language));
  if (!i.title.empty()) {
    // Viewers show the title rather than the file name (ISO 32000-1 §12.2, table 150), as
    // screen-reader users need and PDF/UA-1 §7.1 requires.
    PdfDictionary prefs;
    prefs.AddKey("DisplayDocTitle", PdfObject(true));
    catalog.AddKey("ViewerPreferences", PdfObject(prefs));
  }
  if (m.structure) {
    PdfDictionary mark_info;  // §14.7.1
    mark_info.AddKey("Marked", PdfObject(true));
    catalog.AddKey("MarkInfo", PdfObject(mark_info));
  }
  if (i.pdfx4 || i.pdfa3 || i.pdfua) {
    XmpFields x;
    x.title = i.title;
    x.author = i.author;
    x.subject = i.subject;
    if (i.pdfa3) x.pdfa_part = 3, x.pdfa_conformance = i.tagged ? "A" : "B";
    if (i.pdfua) x.pdfua_part = 1;
    x.creator_tool = i.creator;
    x.producer = i.producer;
    x.created = i.created;
    x.language = i.language;
    if (i.pdfx4) x.pdfx_version = "PDF/X-4", x.trapped_known = true;
    // The content so far (every page, font and image) identifies the document: two
    // senders' copies of a letter differ, the same input gives the same ID. XMP's
    // DocumentID/InstanceID and the trailer /ID are the same digest (ISO 32000-1 14.4).
    const std::string id = m.out.content_id();
    m.out.fix_id(id);
    std::string lower = id;  // RFC 4122, 3: UUIDs are written in lower case
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    x.document_id = "uuid:" + lower.substr(0, 8) + "-" + lower.substr(8, 4) + "-" + lower.substr(12, 4) + "-" +
                    lower.substr(16, 4) + "-" + lower.substr(20, 12);
    const uint32_t metadata = m.out.reserve();
    // Left unfiltered so that preflight tools and people can read it.
    PdfDictionary meta;
    meta.AddKey("Type", name("Metadata"));
    meta.AddKey("Subtype", name("XML"));
    m.out.stream(metadata, std::move(meta), xmp_packet(x));
    catalog.AddKey("Metadata", ref(metadata));
  }
  if (const auto& oi = i.output_intent) {
    const uint32_t profile = m.icc_stream(oi->icc_profile, oi->components);
    PdfDictionary intent;  // §14.11.5
    intent.AddKey("Type", name("OutputIntent"));
    intent.AddKey("S", name(oi->subtype));
    intent.AddKey("OutputConditionIdentifier", text(oi->condition_identifier));
    if (!oi->registry.empty()) intent.AddKey("RegistryName", text(oi->registry));
    if (!oi->condition_info.empty()) intent.AddKey("Info", text(oi->condition_info));
    intent.AddKey("DestOutputProfile", ref(profile));
    PdfArray intents;
    intents.push_back(PdfObject(intent));
    catalog.AddKey("OutputIntents", intents);
  }
  if (!i.attachments.empty()) m.write_attachments(catalog);
  if (i.signature) catalog.AddKey("AcroForm", m.write_signature_field());
  if (m.structure) catalog.AddKey("StructTreeRoot", ref(m.structure->finish()));
  const uint32_t catalog_num = m.out.reserve();
  m.out.object(catalog_num, PdfObject(catalog));
  m.out.finish(catalog_num, info_num);
  m.finished = true;
}

}  // namespace appeal::pdf
