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

void Document::add_page(const Page& page) {
  Impl& m = *impl_;
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
  const std::string content = build_content(page, m.fonts, image_names);
  const Rect& media = page.boxes.media;
  // A PdfPage* dies at the next CreatePage (§11.3): finish this page here, keep no pointer.
  PdfPage* p = m.doc.CreatePage(PdfRect(media.x_pt, media.y_pt, media.w_pt, media.h_pt));
  PdfObject* page_obj = p->GetObject();
  if (page.boxes.crop) set_box(page_obj, "CropBox", *page.boxes.crop);
  if (page.boxes.bleed) set_box(page_obj, "BleedBox", *page.boxes.bleed);
  if (page.boxes.trim) set_box(page_obj, "TrimBox", *page.boxes.trim);

  std::set<FontRef> used;
  for (const Item& item : page.items) {
    if (const auto* run = std::get_if<TextRun>(&item)) used.insert(run->font);
  }
  if (!used.empty()) {
    PdfDictionary font_dict;
    for (FontRef f : used) {
      EmbeddedFont& font = *m.fonts.at(f);
      font_dict.AddKey(PdfName(font.resource_name()), font.object(*m.doc.GetObjects())->Reference());
    }
    p->GetResources()->GetDictionary().AddKey("Font", font_dict);
  }
  if (!image_names.empty()) {
    PdfDictionary xobjects;
    for (const auto& [file, name] : image_names) xobjects.AddKey(PdfName(name), m.images.at(file).second);
    p->GetResources()->GetDictionary().AddKey("XObject", xobjects);
  }
  p->GetContents()->GetStream()->Set(content.data(), static_cast<pdf_long>(content.size()));
  ++m.pages;
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
