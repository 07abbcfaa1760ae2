// Output descriptions (layout/document.h) written as PDF files: the one place that knows
// which PDF profile each purpose takes, the Producer string and the colour profiles.
#pragma once
#include <ctime>
#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "layout/document.h"
#include "render/page_stream.h"
#include "text/font_cache.h"

namespace appeal::pdf {
class SigningKey;
class RunCache;
}

namespace appeal::render {

// The ICC profiles the print and archive profiles embed.
struct ColourProfiles {
  std::filesystem::path cmyk;  // the print shop's condition (FOGRA39, data/icc)
  std::filesystem::path srgb;  // RGB images and the archive's output intent
};
// data/icc/FOGRA39L-coated.icc under `data_dir`, and Debian's sRGB (icc-profiles-free).
ColourProfiles colour_profiles(const std::filesystem::path& data_dir);

// A key that signs archive copies (PAdES B-B, ISO 32000-2 §12.8), read from a PKCS#12
// file; pdf::SigningError (bad input) when it cannot be read or is not valid at `now`.
class Signer {
 public:
  static Signer from_pkcs12(const std::filesystem::path& file, const std::string& password, std::time_t now,
                            std::time_t signing_time);
  ~Signer();
  Signer(Signer&&) noexcept;
  const pdf::SigningKey& key() const { return *key_; }
  std::time_t signing_time() const { return signing_time_; }  // the signature's /M

 private:
  Signer(std::unique_ptr<pdf::SigningKey> key, std::time_t signing_time);
  std::unique_ptr<pdf::SigningKey> key_;
  std::time_t signing_time_ = 0;
};

// Signs a PDF from anywhere (not written by this program) into `out` by an incremental
// update (pdf/sign_existing.h); BadInput naming `in` when it cannot be read or signed.
void sign_existing_pdf(const std::filesystem::path& in, const std::filesystem::path& out, const Signer& signer,
                       const std::string& reason, const std::string& location);

// How a run writes PDFs: the colour profiles, and the signer for archive copies.
struct PdfSettings {
  ColourProfiles profiles;
  const Signer* signer = nullptr;  // signs kArchive documents when set
  std::shared_ptr<pdf::RunCache> run_cache;  // set by share_between_files
  // Tagged PDF (structure from the display list's roles, docs/accessibility.md); archive
  // copies are then PDF/A-3a, else 3b.
  bool tagged = true;
  bool pdf_ua = false;  // declare PDF/UA-1 (needs tagged)
};

// For a run writing many files of nearly the same text (one file per sender): the files
// share their font subsets and shared forms (the letter body), each made and compressed
// once (pdf/run_cache.h), and every
// subset also holds the glyphs of `shared_text` (the characters the senders' names and
// addresses use), so most files ask for the same one. Each file's bytes still depend on
// the input alone.
// `fonts_without`: font file names that never draw the shared text (a letter's subject
// face), whose subsets stay exactly what each file draws.
void share_between_files(PdfSettings& settings, std::u32string shared_text, std::set<std::string> fonts_without);

// Writes the whole document to `file` (and signs an archive copy when settings say so).
// Fonts are looked up in `fonts` by the ids the display list holds.
void write_pdf(const layout::Document& doc, const text::FontCache& fonts, const PdfSettings& settings,
               const std::filesystem::path& file);

// A PDF written while its pages are still being made: pages go to a second thread that
// draws and writes them (render/background_renderer.h), so memory stays flat however many
// pages come. Not for kArchive (signing needs the finished file).
class PdfStream : public PageStream {
 public:
  PdfStream(const layout::DocumentHead& head, const text::FontCache& fonts, const PdfSettings& settings,
            const std::filesystem::path& file);
  ~PdfStream() override;  // without finish(): stops, the file is incomplete (callers remove it)
  void add(std::vector<layout::DisplayPage> pages) override;
  void set_fact(const std::string& key, const std::string& value) override;
  void finish() override;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace appeal::render
