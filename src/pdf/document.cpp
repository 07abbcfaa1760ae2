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

#include "pdf/content_stream.h"
#include "pdf/deflate.h"
#include "image/image_file.h"
#include "pdf/object_writer.h"
#include "pdf/pdf_syntax.h"
#include "pdf/run_cache.h"
#include "pdf/xmp.h"

#include <xxhash.h>

namespace appeal::pdf {

namespace {

std::string pdf_date(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "(D:%Y%m%d%H%M%SZ)", &tm);
  return buf;
}

bool same_rect(const Rect& a, const Rect& b) {
  return a.x_pt == b.x_pt && a.y_pt == b.y_pt && a.w_pt == b.w_pt && a.h_pt == b.h_pt;
}

std::string box(const char* key, const Rect& r) { return std::string("/") + key + pdf_rect(r.x_pt, r.y_pt, r.w_pt, r.h_pt); }

// Digits of each /ByteRange number in the placeholder: files up to 10 GB.
constexpr size_t kByteRangeWidth = 10;

bool is_registration(const Ink& c) { return c.kind == Ink::Kind::kRegistration; }

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
  std::vector<std::unique_ptr<EmbeddedFont>> fonts;
  // One resource dictionary for the whole file, inherited by every page from the page
  // tree root and named by every form (§7.7.3.4): a page of a merge then costs a few
  // dozen bytes. Written in finish(), when everything drawn is known.
  uint32_t resources = 0;
  std::map<std::string, uint32_t> font_resources, xobject_resources;
  std::map<std::string, std::string> image_names;  // file -> resource name
  std::vector<uint32_t> forms;
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

  // PDF/X-4 is defined on PDF 1.6 (ISO 15930-7 §6.2.2).
  Impl(const std::filesystem::path& f, DocumentInfo i) : info(std::move(i)), out(f, info.pdfx4 ? "1.6" : "1.7") {
    if ((info.pdfx4 || info.pdfa3b) && !info.output_intent) throw std::logic_error("PDF/X-4 and PDF/A need an output intent");
    root = out.reserve();
    resources = out.reserve();
  }

  // Embedded files with their file specifications; returns the catalog's /AF and
  // /Names /EmbeddedFiles entries (names sorted, as a name tree requires).
  std::string write_attachments() {
    std::vector<std::pair<std::string, uint32_t>> specs;
    for (const Attachment& a : info.attachments) {
      const uint32_t file = out.reserve();
      out.stream(file,
                 "/Type/EmbeddedFile/Subtype" + pdf_name(a.mime) + "/Params<</ModDate" + pdf_date(a.modified) +
                     "/Size " + std::to_string(a.data.size()) + ">>/Filter/FlateDecode",
                 deflater.compress(a.data));
      const uint32_t spec = out.reserve();
      out.object(spec, "<</Type/Filespec/F" + pdf_text_string(a.name) + "/UF" + pdf_text_string(a.name) + "/Desc" +
                           pdf_text_string(a.description) + "/AFRelationship" + pdf_name(a.relationship) + "/EF<</F " +
                           pdf_ref(file) + "/UF " + pdf_ref(file) + ">>>>");
      specs.emplace_back(a.name, spec);
    }
    std::sort(specs.begin(), specs.end());
    std::string af, names;
    for (const auto& [name, spec] : specs) {
      af += (af.empty() ? "" : " ") + pdf_ref(spec);
      names += pdf_text_string(name) + " " + pdf_ref(spec);
    }
    return "/AF[" + af + "]/Names<</EmbeddedFiles<</Names[" + names + "]>>>>";
  }

  // An invisible signature field on page 1 whose value has room for the CMS and a
  // /ByteRange of fixed width, both filled in by sign_pdf (signature.h). The value is
  // written outside object streams, so its bytes can be found and patched.
  std::string write_signature_field() {
    if (!signature_widget) throw std::logic_error("a signature field needs a page");
    const SignatureField& f = *info.signature;
    const uint32_t value = out.reserve();
    std::string v = "<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/ByteRange[0 " +
                    std::string(kByteRangeWidth, '0') + " " + std::string(kByteRangeWidth, '0') + " " +
                    std::string(kByteRangeWidth, '0') + "]/Contents<" + std::string(2 * f.contents_bytes, '0') + ">";
    v += "/M" + pdf_date(f.signing_time);
    if (!f.signer.empty()) v += "/Name" + pdf_text_string(f.signer);
    if (!f.reason.empty()) v += "/Reason" + pdf_text_string(f.reason);
    if (!f.location.empty()) v += "/Location" + pdf_text_string(f.location);
    out.direct_object(value, v + ">>");
    // Print flag set and a zero-size rectangle: PDF/A wants no appearance for it then.
    out.object(signature_widget, "<</Type/Annot/Subtype/Widget/FT/Sig/T" + pdf_text_string(f.name) + "/V " +
                                     pdf_ref(value) + "/Rect[0 0 0 0]/F 132/P " + pdf_ref(first_page) + ">>");
    return "/AcroForm<</Fields[" + pdf_ref(signature_widget) + "]/SigFlags 3>>";
  }

  uint32_t icc_stream(const std::filesystem::path& file, int components) {
    const uint32_t num = out.reserve();
    out.stream(num, "/N " + std::to_string(components) + "/Filter/FlateDecode", deflater.compress(read_binary(file)));
    return num;
  }

  void close_leaf() {
    if (leaf_kids.empty()) return;
    std::string kids;
    for (uint32_t k : leaf_kids) kids += (kids.empty() ? "" : " ") + pdf_ref(k);
    out.object(leaf, "<</Type/Pages/Parent " + pdf_ref(root) + "/Kids[" + kids + "]/Count " +
                         std::to_string(leaf_kids.size()) + ">>");
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
      } else if (const auto* form = std::get_if<FormItem>(&item)) {
        xobject_resources.emplace(form_name(form->form), forms.at(form->form));
      } else if (const auto* img = std::get_if<ImageItem>(&item)) {
        if (!image_names.count(img->file)) embed_image(img->file);
      }
    }
  }

  void embed_image(const std::string& file) {
    const image::ImageData img = image::load_image(file);
    const uint32_t num = out.reserve();
    std::string space = "/" + img.color_space;
    if (img.color_space == "DeviceRGB" && !info.rgb_profile.empty()) {
      if (!rgb_profile) rgb_profile = icc_stream(info.rgb_profile, 3);
      space = "[/ICCBased " + pdf_ref(rgb_profile) + "]";  // colour-managed, as PDF/X-4 wants
    }
    std::string dict = "/Type/XObject/Subtype/Image/Width " + std::to_string(img.width) + "/Height " +
                       std::to_string(img.height) + "/ColorSpace" + space + "/BitsPerComponent 8";
    if (img.alpha) {  // PNG alpha as a soft mask (§11.6.5.3), allowed in PDF/A-2/3
      const uint32_t mask = out.reserve();
      out.stream(mask,
                 "/Type/XObject/Subtype/Image/Width " + std::to_string(img.width) + "/Height " + std::to_string(img.height) +
                     "/ColorSpace/DeviceGray/BitsPerComponent 8/Filter/FlateDecode",
                 deflater.compress(*img.alpha));
      dict += "/SMask " + pdf_ref(mask);
    }
    if (img.filter.empty()) {
      out.stream(num, dict + "/Filter/FlateDecode", deflater.compress(img.samples));
    } else {
      out.stream(num, dict + "/Filter/" + img.filter, img.samples);
    }
    const std::string name = "Im" + std::to_string(image_names.size() + 1);
    image_names.emplace(file, name);
    xobject_resources.emplace(name, num);
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
  const std::string content = build_content(page, m.fonts, m.image_names);
  if (!m.leaf) m.leaf = m.out.reserve();
  const uint32_t num = m.out.reserve();
  std::string dict = "<</Type/Page/Parent " + pdf_ref(m.leaf);
  if (!m.common_media) m.common_media = page.boxes.media;
  if (!same_rect(*m.common_media, page.boxes.media)) dict += box("MediaBox", page.boxes.media);
  if (page.boxes.crop) dict += box("CropBox", *page.boxes.crop);
  if (page.boxes.bleed) dict += box("BleedBox", *page.boxes.bleed);
  if (page.boxes.trim) dict += box("TrimBox", *page.boxes.trim);
  if (m.pages == 0) {
    m.first_page = num;
    if (m.info.signature) {
      m.signature_widget = m.out.reserve();
      dict += "/Annots[" + pdf_ref(m.signature_widget) + "]";
    }
  }
  if (!content.empty()) {  // a blank page needs no content stream (§7.7.3.3)
    const uint32_t contents = m.out.reserve();
    m.out.stream(contents, "/Filter/FlateDecode", m.compress(content));
    dict += "/Contents " + pdf_ref(contents);
  }
  m.out.object(num, dict + ">>");
  m.leaf_kids.push_back(num);
  if (m.leaf_kids.size() == kPagesPerLeaf) m.close_leaf();
  ++m.pages;
}

FormRef Document::add_form(const Page& content) {
  Impl& m = *impl_;
  m.register_resources(content);
  const std::string ops = build_content(content, m.fonts, m.image_names);
  const uint32_t num = m.out.reserve();
  const Rect& r = content.boxes.media;
  m.out.stream(num,
               "/Type/XObject/Subtype/Form/BBox" + pdf_rect(r.x_pt, r.y_pt, r.w_pt, r.h_pt) + "/Resources " +
                   pdf_ref(m.resources) + "/Filter/FlateDecode",
               m.info.run_cache ? *m.info.run_cache->deflated(ops, [&] { return m.compress(ops); }) : m.compress(ops));
  m.forms.push_back(num);
  return static_cast<FormRef>(m.forms.size() - 1);
}

int Document::page_count() const { return impl_->pages; }

void Document::finish() {
  Impl& m = *impl_;
  if (m.finished) return;
  m.close_leaf();
  for (auto& font : m.fonts) font->finish(m.out, m.deflater, m.info.run_cache.get());

  const auto dict_of = [](const std::map<std::string, uint32_t>& entries) {
    std::string d = "<<";
    for (const auto& [name, num] : entries) d += pdf_name(name) + " " + pdf_ref(num);
    return d + ">>";
  };
  std::string res = "<<";
  if (!m.font_resources.empty()) res += "/Font" + dict_of(m.font_resources);
  if (!m.xobject_resources.empty()) res += "/XObject" + dict_of(m.xobject_resources);
  if (m.uses_registration) {
    // Tint 1 = 100 % of every plate; the alternate for proofing is all four inks.
    res += "/ColorSpace<<" + pdf_name(kRegistrationColorSpace) +
           "[/Separation/All/DeviceCMYK<</FunctionType 2/Domain[0 1]/C0[0 0 0 0]/C1[1 1 1 1]/N 1>>]>>";
  }
  m.out.object(m.resources, res + ">>");

  std::string kids;
  size_t total = 0;
  for (const auto& [num, count] : m.leaves) {
    kids += (kids.empty() ? "" : " ") + pdf_ref(num);
    total += count;
  }
  std::string root = "<</Type/Pages/Kids[" + kids + "]/Count " + std::to_string(total);
  if (m.common_media) root += box("MediaBox", *m.common_media);
  m.out.object(m.root, root + "/Resources " + pdf_ref(m.resources) + ">>");

  const DocumentInfo& i = m.info;
  std::string info = "<<";
  if (!i.title.empty()) info += "/Title" + pdf_text_string(i.title);
  if (!i.author.empty()) info += "/Author" + pdf_text_string(i.author);
  if (!i.subject.empty()) info += "/Subject" + pdf_text_string(i.subject);
  if (!i.keywords.empty()) info += "/Keywords" + pdf_text_string(i.keywords);
  info += "/Creator" + pdf_text_string(i.creator) + "/Producer" + pdf_text_string(i.producer);
  info += "/CreationDate" + pdf_date(i.created) + "/ModDate" + pdf_date(i.created);
  if (i.pdfx4) info += "/GTS_PDFXVersion(PDF/X-4)/Trapped/False";
  info += ">>";
  const uint32_t info_num = m.out.reserve();
  m.out.object(info_num, info);

  std::string catalog = "<</Type/Catalog/Pages " + pdf_ref(m.root);
  if (!i.language.empty()) catalog += "/Lang" + pdf_text_string(i.language);
  if (i.pdfx4 || i.pdfa3b) {
    XmpFields x;
    x.title = i.title;
    x.author = i.author;
    x.subject = i.subject;
    if (i.pdfa3b) x.pdfa_part = 3, x.pdfa_conformance = "B";
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
    m.out.stream(metadata, "/Type/Metadata/Subtype/XML", xmp_packet(x));
    catalog += "/Metadata " + pdf_ref(metadata);
  }
  if (const auto& oi = i.output_intent) {
    const uint32_t profile = m.icc_stream(oi->icc_profile, oi->components);
    catalog += "/OutputIntents[<</Type/OutputIntent/S" + pdf_name(oi->subtype) + "/OutputConditionIdentifier" +
               pdf_text_string(oi->condition_identifier);
    if (!oi->registry.empty()) catalog += "/RegistryName" + pdf_text_string(oi->registry);
    if (!oi->condition_info.empty()) catalog += "/Info" + pdf_text_string(oi->condition_info);
    catalog += "/DestOutputProfile " + pdf_ref(profile) + ">>]";
  }
  if (!i.attachments.empty()) catalog += m.write_attachments();
  if (i.signature) catalog += m.write_signature_field();
  const uint32_t catalog_num = m.out.reserve();
  m.out.object(catalog_num, catalog + ">>");
  m.out.finish(catalog_num, info_num);
  m.finished = true;
}

}  // namespace appeal::pdf
