#include "pdf/document.h"

#include <map>
#include <set>
#include <vector>

#include <podofo/podofo.h>

#include "pdf/content_stream.h"
#include "pdf/file_id.h"

using namespace PoDoFo;

namespace appeal::pdf {

namespace {

// PdfStreamedDocument keeps GetCatalog() protected in 0.9.8 (§11.3).
class StreamedDocument : public PdfStreamedDocument {
 public:
  using PdfStreamedDocument::PdfStreamedDocument;
  PdfObject* catalog() { return GetCatalog(); }
};

PdfString utf8_string(const std::string& s) { return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str())); }

std::string pdf_date(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "D:%Y%m%d%H%M%SZ", &tm);
  return buf;
}

void set_box(PdfObject* page, const char* key, const Rect& r) {
  PdfVariant var;
  PdfRect(r.x_pt, r.y_pt, r.w_pt, r.h_pt).ToVariant(var);
  page->GetDictionary().AddKey(key, var);
}

}  // namespace

struct Document::Impl {
  std::filesystem::path file;
  DocumentInfo info;
  // PDF 1.7 header: PDF/A-3 and the full feature set; PoDoFo defaults to 1.3.
  StreamedDocument doc;
  std::vector<std::unique_ptr<EmbeddedFont>> fonts;
  // Images by file: resource name and the XObject's reference, embedded on first use.
  std::map<std::string, std::pair<std::string, PdfReference>> images;
  std::vector<std::unique_ptr<PdfImage>> image_objects;
  std::vector<PdfReference> forms;
  int pages = 0;
  bool finished = false;

  Impl(const std::filesystem::path& f, DocumentInfo i)
      : file(f), info(std::move(i)), doc(f.c_str(), ePdfVersion_1_7, nullptr, ePdfWriteMode_Compact) {}
};

Document::Document(const std::filesystem::path& file, DocumentInfo info)
    : impl_(std::make_unique<Impl>(file, std::move(info))) {}

Document::~Document() = default;

FontRef Document::add_font(const std::filesystem::path& ttf) {
  const FontRef ref = static_cast<FontRef>(impl_->fonts.size());
  impl_->fonts.push_back(std::make_unique<EmbeddedFont>(ttf, "F" + std::to_string(ref + 1)));
  return ref;
}

namespace {

// Embeds the images `page` draws (once per file) and returns their resource names.
std::map<std::string, std::string> embed_images(Document::Impl& m, const Page& page);

}  // namespace

namespace {
// The resource dictionary for content drawing `page`'s items: fonts, images, forms.
PdfDictionary resources_for(Document::Impl& m, const Page& page, const std::map<std::string, std::string>& images) {
  PdfDictionary res;
  std::set<FontRef> fonts;
  std::set<FormRef> forms;
  for (const Item& item : page.items) {
    if (const auto* run = std::get_if<TextRun>(&item)) fonts.insert(run->font);
    if (const auto* form = std::get_if<FormItem>(&item)) forms.insert(form->form);
  }
  if (!fonts.empty()) {
    PdfDictionary font_dict;
    for (FontRef f : fonts) {
      EmbeddedFont& font = *m.fonts.at(f);
      font_dict.AddKey(PdfName(font.resource_name()), font.object(*m.doc.GetObjects())->Reference());
    }
    res.AddKey("Font", font_dict);
  }
  if (!images.empty() || !forms.empty()) {
    PdfDictionary xobjects;
    for (const auto& [file, name] : images) xobjects.AddKey(PdfName(name), m.images.at(file).second);
    for (FormRef f : forms) xobjects.AddKey(PdfName(form_name(f)), m.forms.at(f));
    res.AddKey("XObject", xobjects);
  }
  return res;
}

std::map<std::string, std::string> embed_images(Document::Impl& m, const Page& page) {
  std::map<std::string, std::string> image_names;
  for (const Item& item : page.items) {
    const auto* img = std::get_if<ImageItem>(&item);
    if (!img) continue;
    auto it = m.images.find(img->file);
    if (it == m.images.end()) {
      auto image = std::make_unique<PdfImage>(&m.doc);
      const std::string& f = img->file;
      const bool png = f.size() > 4 && (f.compare(f.size() - 4, 4, ".png") == 0 || f.compare(f.size() - 4, 4, ".PNG") == 0);
      if (png) image->LoadFromPng(f.c_str());
      else image->LoadFromJpeg(f.c_str());
      const std::string name = "Im" + std::to_string(m.images.size() + 1);
      it = m.images.emplace(f, std::make_pair(name, image->GetObject()->Reference())).first;
      m.image_objects.push_back(std::move(image));
    }
    image_names[img->file] = it->second.first;
  }
  return image_names;
}

}  // namespace

void Document::add_page(const Page& page) {
  Impl& m = *impl_;
  const std::map<std::string, std::string> image_names = embed_images(m, page);
  const std::string content = build_content(page, m.fonts, image_names);
  const Rect& media = page.boxes.media;
  // A PdfPage* dies at the next CreatePage (§11.3): finish this page here, keep no pointer.
  PdfPage* p = m.doc.CreatePage(PdfRect(media.x_pt, media.y_pt, media.w_pt, media.h_pt));
  PdfObject* page_obj = p->GetObject();
  if (page.boxes.crop) set_box(page_obj, "CropBox", *page.boxes.crop);
  if (page.boxes.bleed) set_box(page_obj, "BleedBox", *page.boxes.bleed);
  if (page.boxes.trim) set_box(page_obj, "TrimBox", *page.boxes.trim);
  const PdfDictionary res = resources_for(m, page, image_names);
  for (const auto& [key, value] : res.GetKeys()) p->GetResources()->GetDictionary().AddKey(key, *value);
  p->GetContents()->GetStream()->Set(content.data(), static_cast<pdf_long>(content.size()));
  ++m.pages;
}

FormRef Document::add_form(const Page& content) {
  Impl& m = *impl_;
  const std::map<std::string, std::string> image_names = embed_images(m, content);
  const std::string ops = build_content(content, m.fonts, image_names);
  PdfObject* form = m.doc.GetObjects()->CreateObject("XObject");
  PdfDictionary& d = form->GetDictionary();
  d.AddKey("Subtype", PdfName("Form"));
  PdfVariant bbox;
  const Rect& r = content.boxes.media;
  PdfRect(r.x_pt, r.y_pt, r.w_pt, r.h_pt).ToVariant(bbox);
  d.AddKey("BBox", bbox);
  d.AddKey("Resources", resources_for(m, content, image_names));
  // Streamed writing fixes the dictionary when the stream starts: every key is set (§11.3).
  form->GetStream()->Set(ops.data(), static_cast<pdf_long>(ops.size()));
  m.forms.push_back(form->Reference());
  return static_cast<FormRef>(m.forms.size() - 1);
}

int Document::page_count() const { return impl_->pages; }

void Document::finish() {
  Impl& m = *impl_;
  if (m.finished) return;
  for (auto& font : m.fonts) font->finish(*m.doc.GetObjects());

  PdfInfo* info = m.doc.GetInfo();
  if (!m.info.title.empty()) info->SetTitle(utf8_string(m.info.title));
  if (!m.info.author.empty()) info->SetAuthor(utf8_string(m.info.author));
  if (!m.info.subject.empty()) info->SetSubject(utf8_string(m.info.subject));
  if (!m.info.keywords.empty()) info->SetKeywords(utf8_string(m.info.keywords));
  info->SetCreator(utf8_string(m.info.creator));
  info->SetProducer(utf8_string(m.info.producer));
  // PoDoFo stamps the wall clock; 0.9.8 has no setter, so overwrite the keys (§11.4).
  const PdfString date(pdf_date(m.info.created));
  info->GetObject()->GetDictionary().AddKey("CreationDate", date);
  info->GetObject()->GetDictionary().AddKey("ModDate", date);
  if (!m.info.language.empty()) m.doc.catalog()->GetDictionary().AddKey("Lang", PdfString(m.info.language));

  m.doc.Close();
  m.finished = true;
  set_content_file_id(m.file);
}

}  // namespace appeal::pdf
