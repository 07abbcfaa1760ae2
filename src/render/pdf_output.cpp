#include "render/pdf_output.h"

#include <map>
#include <stdexcept>

#include "pdf/document.h"
#include "pdf/sign_existing.h"
#include "pdf/signature.h"
#include "pdf/run_cache.h"
#include "render/background_renderer.h"
#include "render/pdf_renderer.h"

namespace appeal::render {

namespace {

// The PDF profile of each purpose (ISO 15930-7 for print, ISO 19005-3 for archives).
pdf::DocumentInfo info_for(const layout::DocumentHead& head, const PdfSettings& settings) {
  pdf::DocumentInfo info;
  info.title = head.title;
  info.author = head.author;
  info.subject = head.subject;
  info.language = head.language;
  info.created = head.created;
  info.producer = "Appeal Press 0.1 (HarfBuzz, hb-subset)";
  info.run_cache = settings.run_cache;
  info.more_info = head.facts;
  info.tagged = settings.tagged;
  info.pdfua = settings.pdf_ua && settings.tagged;
  // This writer's own structure types (reading_order.h), for readers that know only the
  // standard ones (ISO 32000-1 §14.7.3): an address and a typed signature are paragraphs.
  if (info.tagged) info.role_map = {{"Address", "P"}, {"Signature", "P"}};
  switch (head.purpose) {
    case layout::Purpose::kOffice:
      break;
    case layout::Purpose::kPrintShop:
      info.pdfx4 = true;
      // FOGRA39 is a registered characterisation (ICC registry), so the identifier alone
      // names it; the profile is embedded as PDF/X-4 requires.
      info.output_intent = pdf::OutputIntent{"GTS_PDFX", "FOGRA39", "http://www.color.org",
                                             "Coated FOGRA39 (ISO 12647-2:2004)", settings.profiles.cmyk, 4};
      info.rgb_profile = settings.profiles.srgb;
      break;
    case layout::Purpose::kArchive:
      info.pdfa3 = true;
      // sRGB: the letters use DeviceGray and PNG signatures in RGB.
      info.output_intent = pdf::OutputIntent{"GTS_PDFA1", "sRGB IEC61966-2.1", "http://www.color.org",
                                             "sRGB IEC61966-2.1", settings.profiles.srgb, 3};
      for (const layout::AttachedFile& f : head.attachments) {
        info.attachments.push_back({f.name, f.mime, f.data, f.description, "Source", head.created});
      }
      if (const Signer* signer = settings.signer) {
        pdf::SignatureField field;
        field.signer = signer->key().common_name();
        field.reason = head.signing_reason;
        field.signing_time = signer->signing_time();
        field.contents_bytes = signer->key().max_signature_bytes();
        info.signature = field;
      }
      break;
  }
  return info;
}

// The font files by id, for a renderer on another thread than the FontCache's user.
std::vector<pdf::FontFace> font_faces(const text::FontCache& fonts) {
  std::vector<pdf::FontFace> out;
  for (text::FontId id = 0; id < static_cast<text::FontId>(fonts.size()); ++id) {
    out.push_back({fonts.path(id), fonts.face_index(id)});
  }
  return out;
}

}  // namespace

void sign_existing_pdf(const std::filesystem::path& in, const std::filesystem::path& out, const Signer& signer,
                       const std::string& reason, const std::string& location) {
  pdf::sign_existing_pdf(in, out, signer.key(), {reason, location, signer.signing_time()});
}

void share_between_files(PdfSettings& settings, std::u32string shared_text, std::set<std::string> fonts_without) {
  settings.run_cache = std::make_shared<pdf::RunCache>(std::move(shared_text), std::move(fonts_without));
}

ColourProfiles colour_profiles(const std::filesystem::path& data_dir) {
  return {data_dir / "data/icc/FOGRA39L-coated.icc", "/usr/share/color/icc/sRGB.icc"};
}

Signer::Signer(std::unique_ptr<pdf::SigningKey> key, std::time_t signing_time)
    : key_(std::move(key)), signing_time_(signing_time) {}
Signer::~Signer() = default;
Signer::Signer(Signer&&) noexcept = default;

Signer Signer::from_pkcs12(const std::filesystem::path& file, const std::string& password, std::time_t now,
                           std::time_t signing_time) {
  return Signer(std::make_unique<pdf::SigningKey>(pdf::SigningKey::from_pkcs12(file, password, now)), signing_time);
}

void write_pdf(const layout::Document& doc, const text::FontCache& fonts, const PdfSettings& settings,
               const std::filesystem::path& file) {
  {
    pdf::Document out(file, info_for(doc.head, settings));
    PdfRenderer renderer(out, font_faces(fonts));
    renderer.add_pages(doc.pages);
    out.finish();
  }
  if (doc.head.purpose == layout::Purpose::kArchive && settings.signer) pdf::sign_pdf(file, settings.signer->key());
}

struct PdfStream::Impl {
  pdf::Document doc;
  std::map<std::string, std::string> facts;  // set_fact's, for the Info dictionary
  BackgroundRenderer renderer;  // declared after doc: stops before doc closes
  Impl(const std::filesystem::path& file, pdf::DocumentInfo info, const text::FontCache& fonts)
      : doc(file, std::move(info)), renderer(doc, font_faces(fonts)) {}
};

PdfStream::PdfStream(const layout::DocumentHead& head, const text::FontCache& fonts, const PdfSettings& settings,
                     const std::filesystem::path& file) {
  if (head.purpose == layout::Purpose::kArchive && settings.signer) {
    throw std::logic_error("PdfStream: a signed archive copy is written whole (write_pdf)");
  }
  impl_ = std::make_unique<Impl>(file, info_for(head, settings), fonts);
}

PdfStream::~PdfStream() = default;

void PdfStream::add(std::vector<layout::DisplayPage> pages) { impl_->renderer.add(std::move(pages)); }

void PdfStream::set_fact(const std::string& key, const std::string& value) { impl_->facts[key] = value; }

void PdfStream::finish() {
  impl_->renderer.finish();
  // Set once the writing thread is done with the document.
  for (const auto& [k, v] : impl_->facts) impl_->doc.set_info(k, v);
  impl_->doc.finish();
}

}  // namespace appeal::render
