#include "pdf/document.h"

#include <algorithm>
#include <map>
#include <optional>
#include <stdexcept>
#include <set>
#include <vector>

#include <podofo/podofo.h>
#include <zlib.h>

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
  // Our own page tree: PoDoFo's CreatePage inserts into its tree in time linear in the
  // page count (a merge of 100,000 letters would be quadratic), so pages are plain
  // objects and the tree is built once in finish().
  PdfObject* pages_root = nullptr;
  std::vector<PdfObject*> page_objects;
  // One resource dictionary for the whole file, inherited by every page from the page
  // tree root and named by every form (ISO 32000-1 §7.7.3.4): a page of a merge then
  // costs a few dozen bytes. Filled in finish(), as dictionaries stay in memory until then.
  PdfObject* resources = nullptr;
  std::map<std::string, PdfReference> font_resources, xobject_resources;
  std::optional<Rect> common_media;  // the first page's MediaBox, inherited when equal
  int pages = 0;
  bool finished = false;
  // One deflate stream reused for every content stream: deflateInit per stream allocates
  // its 256 KiB window each time, which dominated writing many small pages.
  z_stream zs{};
  std::string deflated;

  Impl(const std::filesystem::path& f, DocumentInfo i)
      : file(f), info(std::move(i)), doc(f.c_str(), ePdfVersion_1_7, nullptr, ePdfWriteMode_Compact) {
    if (deflateInit(&zs, Z_DEFAULT_COMPRESSION) != Z_OK) throw std::runtime_error("zlib: deflateInit failed");
    pages_root = doc.GetObjects()->CreateObject("Pages");
    resources = doc.GetObjects()->CreateObject();
  }
  ~Impl() { deflateEnd(&zs); }

  // Writes `data` Flate-compressed as the stream of `obj` (whose other keys are all set).
  void set_deflated(PdfObject* obj, const std::string& data) {
    deflateReset(&zs);
    deflated.resize(deflateBound(&zs, data.size()));
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    zs.avail_in = static_cast<uInt>(data.size());
    zs.next_out = reinterpret_cast<Bytef*>(deflated.data());
    zs.avail_out = static_cast<uInt>(deflated.size());
    if (deflate(&zs, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("zlib: deflate failed");
    deflated.resize(deflated.size() - zs.avail_out);
    obj->GetDictionary().AddKey("Filter", PdfName("FlateDecode"));
    PdfMemoryInputStream in(deflated.data(), static_cast<pdf_long>(deflated.size()));
    obj->GetStream()->SetRawData(&in, static_cast<pdf_long>(deflated.size()));
  }
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
// Registers what `page` draws (fonts, images, forms) in the file's shared resources.
void register_resources(Document::Impl& m, const Page& page, const std::map<std::string, std::string>& images) {
  for (const Item& item : page.items) {
    if (const auto* run = std::get_if<TextRun>(&item)) {
      EmbeddedFont& font = *m.fonts.at(run->font);
      m.font_resources.emplace(font.resource_name(), font.object(*m.doc.GetObjects())->Reference());
    }
    if (const auto* form = std::get_if<FormItem>(&item)) m.xobject_resources.emplace(form_name(form->form), m.forms.at(form->form));
  }
  for (const auto& [file, name] : images) m.xobject_resources.emplace(name, m.images.at(file).second);
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
      try {
        if (png) image->LoadFromPng(f.c_str());
        else image->LoadFromJpeg(f.c_str());
      } catch (const PdfError& e) {
        throw ImageError(f, PdfError::ErrorMessage(e.GetError()) ? PdfError::ErrorMessage(e.GetError()) : "PoDoFo error");
      }
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
  PdfObject* page_obj = m.doc.GetObjects()->CreateObject("Page");
  const Rect& media = page.boxes.media;
  const bool inherit_media = !m.common_media || (m.common_media->x_pt == media.x_pt && m.common_media->y_pt == media.y_pt &&
                                                 m.common_media->w_pt == media.w_pt && m.common_media->h_pt == media.h_pt);
  if (!inherit_media) set_box(page_obj, "MediaBox", media);
  if (page.boxes.crop) set_box(page_obj, "CropBox", *page.boxes.crop);
  if (page.boxes.bleed) set_box(page_obj, "BleedBox", *page.boxes.bleed);
  if (page.boxes.trim) set_box(page_obj, "TrimBox", *page.boxes.trim);
  register_resources(m, page, image_names);
  if (!m.common_media) m.common_media = page.boxes.media;
  if (!content.empty()) {  // a blank page needs no content stream (ISO 32000-1 §7.7.3.3)
    PdfObject* contents = m.doc.GetObjects()->CreateObject();
    m.set_deflated(contents, content);
    page_obj->GetDictionary().AddKey("Contents", contents->Reference());
  }
  m.page_objects.push_back(page_obj);
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
  register_resources(m, content, image_names);
  d.AddKey("Resources", m.resources->Reference());
  // Streamed writing fixes the dictionary when the stream starts: every key is set (§11.3).
  m.set_deflated(form, ops);
  m.forms.push_back(form->Reference());
  return static_cast<FormRef>(m.forms.size() - 1);
}

int Document::page_count() const { return impl_->pages; }

namespace {

// A page tree of at most `kFanOut` kids per node (ISO 32000-1 §7.7.3.2), so viewers find
// page n without reading a 200,000-entry array.
constexpr size_t kFanOut = 128;

void build_page_tree(Document::Impl& m) {
  std::vector<PdfObject*> level = m.page_objects;
  std::vector<size_t> counts(level.size(), 1);
  while (level.size() > kFanOut) {
    std::vector<PdfObject*> parents;
    std::vector<size_t> parent_counts;
    for (size_t i = 0; i < level.size(); i += kFanOut) {
      PdfObject* node = m.doc.GetObjects()->CreateObject("Pages");
      PdfArray kids;
      size_t count = 0;
      for (size_t k = i; k < std::min(level.size(), i + kFanOut); ++k) {
        kids.push_back(level[k]->Reference());
        level[k]->GetDictionary().AddKey("Parent", node->Reference());
        count += counts[k];
      }
      node->GetDictionary().AddKey("Kids", kids);
      node->GetDictionary().AddKey("Count", static_cast<pdf_int64>(count));
      parents.push_back(node);
      parent_counts.push_back(count);
    }
    level.swap(parents);
    counts.swap(parent_counts);
  }
  PdfArray kids;
  size_t total = 0;
  for (size_t k = 0; k < level.size(); ++k) {
    kids.push_back(level[k]->Reference());
    level[k]->GetDictionary().AddKey("Parent", m.pages_root->Reference());
    total += counts[k];
  }
  m.pages_root->GetDictionary().AddKey("Kids", kids);
  m.pages_root->GetDictionary().AddKey("Count", static_cast<pdf_int64>(total));
  if (m.common_media) set_box(m.pages_root, "MediaBox", *m.common_media);
  m.pages_root->GetDictionary().AddKey("Resources", m.resources->Reference());
  PdfDictionary& res = m.resources->GetDictionary();
  if (!m.font_resources.empty()) {
    PdfDictionary fonts;
    for (const auto& [name, ref] : m.font_resources) fonts.AddKey(PdfName(name), ref);
    res.AddKey("Font", fonts);
  }
  if (!m.xobject_resources.empty()) {
    PdfDictionary xobjects;
    for (const auto& [name, ref] : m.xobject_resources) xobjects.AddKey(PdfName(name), ref);
    res.AddKey("XObject", xobjects);
  }
  m.doc.catalog()->GetDictionary().AddKey("Pages", m.pages_root->Reference());
}

}  // namespace

void Document::finish() {
  Impl& m = *impl_;
  if (m.finished) return;
  build_page_tree(m);
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
