// The checks of `appeal check` over one loaded PDF (internal to inspect/): what the file
// holds, and the rules of each profile. The PDF/UA rules live in pdfua_check.cpp.
#pragma once
#include <hb.h>
#include <podofo.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <algorithm>
#include <functional>
#include <map>
#include <memory>
#include <regex>
#include <set>
#include <string>

#include "inspect/pdf_check.h"
#include "text/utf8.h"

namespace appeal::inspect::detail {

using namespace PoDoFo;

// Reads `file` into `bytes` and loads it into `doc` (PoDoFo's messages off); InputError
// naming the file when it cannot be read or PoDoFo cannot load it (pdf_facts.cpp).
void load_pdf(const std::filesystem::path& file, std::string& bytes, PdfMemDocument& doc);

inline const char* const kPdfA = "ISO 19005-3";
inline const char* const kPdfX = "ISO 15930-7 (PDF/X-4)";

class Checker {
 public:
  // ISO 14289-1 (PDF/UA-1): the machine-checkable rules (pdfua_check.cpp).
  void pdfua();
  // PDF/A level A (ISO 19005-3 §6.7, as ISO 19005-2): tagged, a structure tree of standard
  // or role-mapped types, a natural language (pdfua_check.cpp).
  void pdfa_level_a();

  Checker(const PdfMemDocument& doc, std::string bytes, std::map<std::string, std::string> info, Report& report)
      : doc_(doc), bytes_(std::move(bytes)), info_(std::move(info)), r_(report) {}

  const PdfObject* res(const PdfObject* o) const {
    for (int depth = 0; o && o->IsReference() && depth < 32; ++depth) o = doc_.GetObjects().GetObject(o->GetReference());
    return o && o->IsReference() ? nullptr : o;
  }
  const PdfObject* key(const PdfObject* dict, const char* k) const {
    dict = res(dict);
    return dict && dict->IsDictionary() ? res(dict->GetDictionary().GetKey(k)) : nullptr;
  }
  static std::string name(const PdfObject* o) { return o && o->IsName() ? o->GetName().GetName() : ""; }
  // A text string (ISO 32000-1 §7.9.2.2) as UTF-8: UTF-16BE after a byte order mark,
  // else PDFDocEncoding, read as Latin-1 (they differ only in a few punctuation marks).
  static std::string text(const PdfObject* o) {
    if (!o || !(o->IsString() || o->IsHexString())) return "";
    const PdfString& s = o->GetString();
    if (s.IsUnicode()) return s.GetStringUtf8();
    const std::string raw(s.GetString(), s.GetLength());
    if (raw.size() >= 2 && static_cast<unsigned char>(raw[0]) == 0xFE && static_cast<unsigned char>(raw[1]) == 0xFF) {
      std::u16string units;
      for (size_t i = 2; i + 1 < raw.size(); i += 2) {
        units += static_cast<char16_t>(static_cast<unsigned char>(raw[i]) << 8 | static_cast<unsigned char>(raw[i + 1]));
      }
      return text::from_utf16(units);
    }
    std::string out;
    for (unsigned char c : raw) text::append_utf8(out, c);
    return out;
  }
  static long number(const PdfObject* o, long fallback = 0) {
    if (o && o->IsNumber()) return static_cast<long>(o->GetNumber());
    if (o && o->IsReal()) return std::lround(o->GetReal());
    return fallback;
  }
  static double real(const PdfObject* o) { return o && (o->IsReal() || o->IsNumber()) ? o->GetReal() : 0; }
  std::string stream(const PdfObject* o) const {
    o = res(o);
    if (!o || !o->HasStream()) return "";
    char* buf = nullptr;
    pdf_long len = 0;
    try {
      o->GetStream()->GetFilteredCopy(&buf, &len);
    } catch (const PdfError&) {
      return "";
    }
    std::string out(buf ? buf : "", buf ? static_cast<size_t>(len) : 0);
    podofo_free(buf);
    return out;
  }
  void violation(const std::string& clause, const std::string& what) { r_.violations.push_back(clause + ": " + what); }

  // Every object of the file, followed through object streams, in number order.
  template <class F>
  void each_object(F f) const {
    for (const PdfObject* o : doc_.GetObjects()) f(o);
  }

  // Page i's content: its /Contents stream, or the streams of its array joined.
  std::string page_content(int i) const {
    const PdfObject* c = key(doc_.GetPage(i)->GetObject(), "Contents");
    if (!c || !c->IsArray()) return stream(c);
    std::string data;
    for (const PdfObject& part : c->GetArray()) data += stream(&part) + "\n";
    return data;
  }

  // Calls f(operator, operands) for each operator of a content stream (ISO 32000-1 §7.8.2);
  // false when the stream does not parse.
  template <class F>
  static bool each_operator(const std::string& data, F f) {
    PdfContentsTokenizer tok(data.data(), static_cast<long>(data.size()));
    EPdfContentsType type;
    const char* keyword = nullptr;
    PdfVariant v;
    std::vector<PdfVariant> operands;
    try {
      while (tok.ReadNext(type, keyword, v)) {
        if (type == ePdfContentsType_Variant) {
          operands.push_back(v);
          continue;
        }
        f(std::string(keyword ? keyword : ""), operands);
        operands.clear();
      }
    } catch (const PdfError&) {
      return false;
    }
    return true;
  }

  void facts() {
    r_.facts.push_back("version: " + bytes_.substr(1, bytes_.find_first_of("\r\n") - 1));
    const int pages = doc_.GetPageCount();
    r_.facts.push_back("pages: " + std::to_string(pages));
    for (int i = 0; i < pages && i < 3; ++i) {
      const PdfPage* p = doc_.GetPage(i);
      std::string line = "page " + std::to_string(i + 1) + ":";
      for (const char* box : {"MediaBox", "CropBox", "BleedBox", "TrimBox", "ArtBox"}) {
        if (std::string(box) != "MediaBox" && !p->GetObject()->GetDictionary().HasKey(box)) continue;
        const std::string b_name = box;
        const PdfRect r = b_name == "MediaBox" ? p->GetMediaBox() : b_name == "CropBox" ? p->GetCropBox()
                          : b_name == "BleedBox" ? p->GetBleedBox() : b_name == "TrimBox" ? p->GetTrimBox() : p->GetArtBox();
        char b[96];
        std::snprintf(b, sizeof b, " %s %.2f %.2f %.2f x %.2f pt", box, r.GetLeft(), r.GetBottom(), r.GetWidth(), r.GetHeight());
        line += b;
      }
      r_.facts.push_back(line);
    }
  }

  // Fonts: embedded, subset, ToUnicode; widths against the program (TrueType, OpenType).
  void fonts(bool pdfa) {
    each_object([&](const PdfObject* o) {
      if (!o->IsDictionary() || name(key(o, "Type")) != "Font") return;
      const std::string sub = name(key(o, "Subtype")), base = name(key(o, "BaseFont"));
      const std::string id = std::to_string(o->Reference().ObjectNumber()) + " (" + base + ")";
      if (sub == "Type0") {
        const bool uni = key(o, "ToUnicode") != nullptr;
        const PdfObject* desc = key(o, "DescendantFonts");
        const PdfObject* cid = desc && desc->IsArray() && !desc->GetArray().empty() ? res(&desc->GetArray()[0]) : nullptr;
        const PdfObject* fd = key(cid, "FontDescriptor");
        const bool embedded = key(fd, "FontFile2") || key(fd, "FontFile3") || key(fd, "FontFile");
        const bool subset = base.size() > 7 && base[6] == '+';
        r_.facts.push_back("font " + base + ": Type0/" + name(key(cid, "Subtype")) + (embedded ? ", embedded" : ", NOT embedded") +
                           (subset ? ", subset" : "") + (uni ? ", ToUnicode" : ", no ToUnicode"));
        if (!uni) violation("ISO 32000-1 §9.10.2", "font " + id + " has no ToUnicode: its text does not copy out");
        if (!subset) violation("ISO 32000-1 §9.6.4", "font " + id + " is not a tagged subset (ABCDEF+Name)");
        return;
      }
      if (sub == "Type3") return;
      const PdfObject* fd = key(o, "FontDescriptor");
      const PdfObject* program = key(fd, "FontFile2");
      if (!program) program = key(fd, "FontFile3");
      if (!program && !key(fd, "FontFile")) {
        violation(pdfa ? std::string(kPdfA) + " §6.2.11.4.1" : "ISO 32000-1 §9.9", "font " + id + " is not embedded");
        return;
      }
      if (sub == "CIDFontType2" && !key(o, "CIDToGIDMap") && pdfa) {
        violation(std::string(kPdfA) + " §6.2.11.3.2", "CIDFontType2 " + id + " has no /CIDToGIDMap");
      }
      const bool identity = sub != "CIDFontType2" || name(key(o, "CIDToGIDMap")) == "Identity";
      const std::string subtype3 = name(key(program, "Subtype"));
      if ((sub == "CIDFontType2" || sub == "CIDFontType0") && identity && subtype3 != "CIDFontType0C") {
        widths(o, stream(program), id, pdfa);
      }
    });
  }

  // /W against the program's advances, in 1/1000 em, within 1 (ISO 19005-3 §6.2.11.5).
  void widths(const PdfObject* cid_font, const std::string& program, const std::string& id, bool pdfa) {
    std::unique_ptr<hb_blob_t, void (*)(hb_blob_t*)> blob(
        hb_blob_create(program.data(), static_cast<unsigned>(program.size()), HB_MEMORY_MODE_READONLY, nullptr, nullptr),
        hb_blob_destroy);
    std::unique_ptr<hb_face_t, void (*)(hb_face_t*)> face(hb_face_create(blob.get(), 0), hb_face_destroy);
    std::unique_ptr<hb_font_t, void (*)(hb_font_t*)> font(hb_font_create(face.get()), hb_font_destroy);
    const unsigned upem = hb_face_get_upem(face.get()), glyphs = hb_face_get_glyph_count(face.get());
    if (glyphs == 0) {
      violation("ISO 32000-1 §9.9", "font " + id + ": the embedded program cannot be read");
      return;
    }
    hb_font_set_scale(font.get(), static_cast<int>(upem), static_cast<int>(upem));
    for (const auto& [gid, width] : w_entries(cid_font)) {
      if (gid >= glyphs) {
        violation(pdfa ? std::string(kPdfA) + " §6.2.11.5" : "ISO 32000-1 §9.7.4.3",
                  "font " + id + ": glyph " + std::to_string(gid) + " of /W is not in the font program");
        return;
      }
      const double advance = hb_font_get_glyph_h_advance(font.get(), gid) * 1000.0 / upem;
      if (std::abs(advance - width) > 1) {
        char msg[160];
        std::snprintf(msg, sizeof msg, "font %s: width of glyph %u is %.0f, the program says %.1f", id.c_str(), gid, width, advance);
        violation(pdfa ? std::string(kPdfA) + " §6.2.11.5" : "ISO 32000-1 §9.7.4.3", msg);
        return;
      }
    }
  }

  // (CID, width) pairs of a CIDFont's /W array (ISO 32000-1 §9.7.4.3).
  std::map<unsigned, double> w_entries(const PdfObject* cid_font) const {
    std::map<unsigned, double> out;
    const PdfObject* w = key(cid_font, "W");
    if (!w || !w->IsArray()) return out;
    const PdfArray& a = w->GetArray();
    for (size_t i = 0; i + 1 < a.size();) {
      const long first = number(res(&a[i]));
      const PdfObject* next = res(&a[i + 1]);
      if (next && next->IsArray()) {
        for (size_t n = 0; n < next->GetArray().size(); ++n) out[first + n] = real(res(&next->GetArray()[n]));
        i += 2;
      } else if (i + 2 < a.size()) {
        for (long c = first; c <= number(next) && c - first < 65536; ++c) out[c] = real(res(&a[i + 2]));
        i += 3;
      } else {
        break;
      }
    }
    return out;
  }

  // What each content stream shows: glyph 0 (.notdef) nowhere, and every glyph of a Type0
  // font in that font's subset (listed in /W): a glyph missing from it draws nothing.
  void glyphs(bool pdfa) {
    const auto check_stream = [&](const std::string& where, const std::string& data, const PdfObject* resources) {
      const PdfObject* fonts = key(resources, "Font");
      const std::map<unsigned, double>* current = nullptr;
      std::map<std::string, std::map<unsigned, double>> kept;
      bool notdef = false, missing = false;
      const bool parsed = each_operator(data, [&](const std::string& op, const std::vector<PdfVariant>& operands) {
        if (op == "Tf" && operands.size() >= 2 && operands[0].IsName()) {
          const std::string font_name = operands[0].GetName().GetName();
          const PdfObject* font = key(fonts, font_name.c_str());
          current = nullptr;
          if (name(key(font, "Subtype")) == "Type0" && name(key(font, "Encoding")) == "Identity-H") {
            const PdfObject* d = key(font, "DescendantFonts");
            if (d && d->IsArray() && !d->GetArray().empty()) {
              auto it = kept.find(font_name);
              if (it == kept.end()) it = kept.emplace(font_name, w_entries(res(&d->GetArray()[0]))).first;
              current = &it->second;
            }
          }
        } else if ((op == "TJ" || op == "Tj" || op == "'" || op == "\"") && !operands.empty() && current) {
          std::vector<const PdfString*> strings;
          const PdfVariant& last = operands.back();
          if (last.IsArray()) {
            for (const PdfObject& e : last.GetArray()) {
              if (e.IsString() || e.IsHexString()) strings.push_back(&e.GetString());
            }
          } else if (last.IsString() || last.IsHexString()) {
            strings.push_back(&last.GetString());
          }
          for (const PdfString* s : strings) {
            const std::string raw(s->GetString(), s->GetLength());
            for (size_t i = 0; i + 1 < raw.size(); i += 2) {
              const unsigned code = static_cast<unsigned char>(raw[i]) << 8 | static_cast<unsigned char>(raw[i + 1]);
              if (code == 0) notdef = true;
              else if (!current->count(code)) missing = true;
            }
          }
        }
      });
      if (!parsed) {
        violation("ISO 32000-1 §7.8.2", where + ": the content stream does not parse");
        return;
      }
      if (notdef) violation(pdfa ? std::string(kPdfA) + " §6.2.11.8" : "ISO 32000-1 §9.7.6.3", where + " shows the .notdef glyph (code 0)");
      if (missing) violation("ISO 32000-1 §9.7.4.3", where + " shows a glyph its font's subset lacks (it draws nothing)");
    };
    for (int i = 0; i < doc_.GetPageCount(); ++i) {
      check_stream("page " + std::to_string(i + 1), page_content(i), res(doc_.GetPage(i)->GetResources()));
    }
    each_object([&](const PdfObject* o) {
      if (o->IsDictionary() && o->HasStream() && name(key(o, "Subtype")) == "Form") {
        check_stream("form " + std::to_string(o->Reference().ObjectNumber()), stream(o), key(o, "Resources"));
      }
    });
  }

  void intents(const char* subtype, const std::string& clause, const std::string& what) {
    const PdfObject* list = key(doc_.GetCatalog(), "OutputIntents");
    bool found = false;
    if (list && list->IsArray()) {
      for (const PdfObject& i : list->GetArray()) {
        const PdfObject* intent = res(&i);
        const PdfObject* profile = key(intent, "DestOutputProfile");
        const long n = number(key(profile, "N"), -1);
        r_.facts.push_back("output intent: " + name(key(intent, "S")) + " \"" + text(key(intent, "OutputConditionIdentifier")) +
                           "\"" + (profile ? ", profile with " + std::to_string(n) + " components" : ", no profile"));
        if (name(key(intent, "S")) != subtype) continue;
        found = true;
        if (!profile || (n != 1 && n != 3 && n != 4)) violation(clause, what + " without a valid /DestOutputProfile");
      }
    }
    if (!found) violation(clause, std::string("no /") + subtype + " output intent");
  }

  void files_and_signatures() {
    const PdfObject* names = key(key(doc_.GetCatalog(), "Names"), "EmbeddedFiles");
    const PdfObject* list = key(names, "Names");
    if (list && list->IsArray()) {
      for (size_t i = 1; i < list->GetArray().size(); i += 2) {
        const PdfObject* spec = res(&list->GetArray()[i]);
        const PdfObject* ef = key(key(spec, "EF"), "F");
        r_.facts.push_back("attachment " + text(key(spec, "UF")) + ": " + std::to_string(stream(ef).size()) + " bytes, " +
                           (name(key(ef, "Subtype")).empty() ? "no MIME type" : name(key(ef, "Subtype"))) + ", " +
                           (name(key(spec, "AFRelationship")).empty() ? "no AFRelationship" : name(key(spec, "AFRelationship"))));
      }
    }
    each_object([&](const PdfObject* o) {
      if (!o->IsDictionary() || name(key(o, "FT")) != "Sig") return;
      const PdfObject* v = key(o, "V");
      const PdfObject* range = key(v, "ByteRange");
      if (!range || !range->IsArray() || range->GetArray().size() != 4) {
        r_.facts.push_back("signature field " + text(key(o, "T")) + ": not signed");
        return;
      }
      const PdfArray& a = range->GetArray();
      const long end = number(&a[2]) + number(&a[3]);
      r_.facts.push_back("signature " + text(key(o, "T")) + ": " + name(key(v, "SubFilter")) + ", signs bytes 0-" +
                         std::to_string(number(&a[1])) + " and " + std::to_string(number(&a[2])) + "-" + std::to_string(end) +
                         (end == static_cast<long>(bytes_.size()) ? " (the whole file)"
                                                                  : " of " + std::to_string(bytes_.size()) + " (later updates unsigned)"));
    });
  }

  void pdfa() {
    if (!std::regex_search(bytes_.substr(0, 20), std::regex("^%PDF-1\\.[0-7]\\r?\\n%[\\x80-\\xff]{4}"))) {
      violation(std::string(kPdfA) + " §6.1.2", "the header must be %PDF-1.n followed by a comment of four bytes above 127");
    }
    const PdfObject* trailer = doc_.GetTrailer();
    if (!key(trailer, "ID")) violation(std::string(kPdfA) + " §6.1.3", "the trailer has no /ID");
    // Nothing that runs, plays or launches (§6.1.6 to §6.1.9, §6.6): keys and names anywhere.
    static const std::set<std::string> forbidden = {"JS", "JavaScript", "Launch", "Encrypt", "AA", "LZWDecode",
                                                    "Sound", "Movie", "ResetForm", "ImportData"};
    std::function<void(const PdfObject*, long)> walk = [&](const PdfObject* o, long num) {
      if (!o) return;
      if (o->IsName() && forbidden.count(o->GetName().GetName())) {
        violation(std::string(kPdfA) + " §6.1, §6.6", "object " + std::to_string(num) + " uses /" + o->GetName().GetName());
      } else if (o->IsDictionary()) {
        for (const auto& [k, v] : o->GetDictionary().GetKeys()) {
          if (forbidden.count(k.GetName())) {
            violation(std::string(kPdfA) + " §6.1, §6.6", "object " + std::to_string(num) + " has the key /" + k.GetName());
          }
          walk(v, num);
        }
      } else if (o->IsArray()) {
        for (const PdfObject& e : o->GetArray()) walk(&e, num);
      }
    };
    each_object([&](const PdfObject* o) { walk(o, o->Reference().ObjectNumber()); });
    walk(trailer, 0);

    // XMP: there, unfiltered, identifying PDF/A-3 (§6.6.2.1, §6.6.4), agreeing with Info (§6.6.3).
    const PdfObject* meta = key(doc_.GetCatalog(), "Metadata");
    if (!meta) {
      violation(std::string(kPdfA) + " §6.6.2.1", "the catalog has no /Metadata");
    } else {
      if (key(meta, "Filter")) violation(std::string(kPdfA) + " §6.6.2.1", "the metadata stream is filtered");
      const std::string xmp = stream(meta);
      if (xmp_prop(xmp, "pdfaid:part") != "3") violation(std::string(kPdfA) + " §6.6.4", "XMP pdfaid:part is not 3");
      const std::string level = xmp_prop(xmp, "pdfaid:conformance");
      if (level != "A" && level != "B" && level != "U") violation(std::string(kPdfA) + " §6.6.4", "XMP pdfaid:conformance missing");
      const auto info = [&](const char* k) -> const std::string* {
        auto it = info_.find(k);
        return it == info_.end() ? nullptr : &it->second;
      };
      const std::pair<const char*, const char*> pairs[] = {{"Title", "dc:title"},     {"Author", "dc:creator"},
                                                           {"Subject", "dc:description"}, {"Producer", "pdf:Producer"},
                                                           {"Creator", "xmp:CreatorTool"}, {"Keywords", "pdf:Keywords"}};
      for (const auto& [k, prop] : pairs) {
        if (info(k) && *info(k) != xmp_prop(xmp, prop)) {
          violation(std::string(kPdfA) + " §6.6.3", std::string("Info /") + k + " does not match XMP " + prop);
        }
      }
      for (const auto& [k, prop] : {std::make_pair("CreationDate", "xmp:CreateDate"), std::make_pair("ModDate", "xmp:ModifyDate")}) {
        if (info(k) && iso_date(*info(k)) != xmp_prop(xmp, prop)) {
          violation(std::string(kPdfA) + " §6.6.3", std::string("Info /") + k + " (" + *info(k) +
                                                         ") does not match XMP " + prop + " (" + xmp_prop(xmp, prop) + ")");
        }
      }
    }
    intents("GTS_PDFA1", std::string(kPdfA) + " §6.2.3", "the PDF/A output intent");
    // Annotations printable, not hidden; an appearance unless zero-sized (§6.3.2, §6.3.3).
    each_object([&](const PdfObject* o) {
      if (!o->IsDictionary() || name(key(o, "Type")) != "Annot") return;
      const long f = number(key(o, "F"));
      const std::string id = "annotation " + std::to_string(o->Reference().ObjectNumber());
      if (!(f & 4) || (f & (1 | 2 | 32))) violation(std::string(kPdfA) + " §6.3.2", id + " must be printable and not hidden");
      const PdfObject* r = key(o, "Rect");
      double area = 0;
      if (r && r->IsArray() && r->GetArray().size() == 4) {
        const PdfArray& a = r->GetArray();
        area = (real(&a[2]) - real(&a[0])) * (real(&a[3]) - real(&a[1]));
      }
      if (area != 0 && !key(o, "AP")) violation(std::string(kPdfA) + " §6.3.3", id + " has no appearance");
    });
    // Embedded files are associated files with a relationship, MIME type, dates (§6.8).
    const PdfObject* af = key(doc_.GetCatalog(), "AF");
    std::set<uint32_t> associated;
    if (af && af->IsArray()) {
      for (const PdfObject& e : af->GetArray()) {
        if (e.IsReference()) associated.insert(e.GetReference().ObjectNumber());
      }
    }
    const PdfObject* list = key(key(key(doc_.GetCatalog(), "Names"), "EmbeddedFiles"), "Names");
    if (list && list->IsArray()) {
      for (size_t i = 1; i < list->GetArray().size(); i += 2) {
        const PdfObject& spec_ref = list->GetArray()[i];
        const PdfObject* spec = res(&spec_ref);
        const std::string file = "embedded file " + text(key(spec, "F"));
        if (!spec_ref.IsReference() || !associated.count(spec_ref.GetReference().ObjectNumber())) {
          violation(std::string(kPdfA) + " §6.8", file + " is not in the catalog's /AF");
        }
        for (const char* k : {"F", "UF", "AFRelationship", "EF"}) {
          if (!key(spec, k)) violation(std::string(kPdfA) + " §6.8", file + ": the file specification lacks /" + k);
        }
        const PdfObject* ef = key(key(spec, "EF"), "F");
        if (!key(ef, "Subtype")) violation(std::string(kPdfA) + " §6.8", file + " has no MIME /Subtype");
        if (!key(key(ef, "Params"), "ModDate")) violation(std::string(kPdfA) + " §6.8", file + " has no /Params /ModDate");
      }
    }
  }

  void pdfx() {
    const PdfObject* info = key(doc_.GetTrailer(), "Info");
    const auto version = info_.find("GTS_PDFXVersion");
    if (version == info_.end() || version->second != "PDF/X-4") violation(kPdfX, "Info /GTS_PDFXVersion is not \"PDF/X-4\"");
    const std::string trapped = name(key(info, "Trapped"));
    if (trapped != "True" && trapped != "False") violation(kPdfX, "Info /Trapped must be /True or /False");
    if (bytes_.compare(0, 8, "%PDF-1.7") == 0) violation(kPdfX, "PDF/X-4 files are PDF 1.6 or lower (the header says 1.7)");
    if (!key(doc_.GetTrailer(), "ID")) violation(kPdfX, "the trailer has no /ID");
    if (key(doc_.GetTrailer(), "Encrypt")) violation(kPdfX, "encrypted");
    const PdfObject* meta = key(doc_.GetCatalog(), "Metadata");
    if (!meta || xmp_prop(stream(meta), "pdfxid:GTS_PDFXVersion") != "PDF/X-4") {
      violation(kPdfX, "XMP pdfxid:GTS_PDFXVersion is not \"PDF/X-4\"");
    }
    intents("GTS_PDFX", std::string(kPdfX) + ", ISO 32000-1 §14.11.5", "the PDF/X output intent");
    for (int i = 0; i < doc_.GetPageCount(); ++i) {
      const PdfDictionary& d = doc_.GetPage(i)->GetObject()->GetDictionary();
      const std::string page = "page " + std::to_string(i + 1);
      if (!d.HasKey("TrimBox") && !d.HasKey("ArtBox")) violation(std::string(kPdfX) + ", ISO 32000-1 §14.11.2", page + " has no TrimBox");
      if (d.HasKey("TrimBox") && d.HasKey("ArtBox")) violation(kPdfX, page + " has both TrimBox and ArtBox");
    }
  }

  // A simple XMP property: an attribute prop="v", or an element (its text, or its first
  // rdf:li's), XML entities decoded.
  static std::string xmp_prop(const std::string& xmp, const std::string& prop) {
    std::smatch m;
    std::string raw;
    if (std::regex_search(xmp, m, std::regex(prop + "=\"([^\"]*)\""))) {
      raw = m[1];
    } else if (std::regex_search(xmp, m, std::regex("<" + prop + "(\\s[^>]*)?>([\\s\\S]*?)</" + prop + ">"))) {
      raw = m[2];
      std::smatch li;
      const std::string inner = raw;
      if (std::regex_search(inner, li, std::regex("<rdf:li[^>]*>([\\s\\S]*?)</rdf:li>"))) raw = li[1];
    } else {
      return "\x01";  // absent: equal to no value
    }
    std::string out;
    for (size_t i = 0; i < raw.size(); ++i) {
      static const std::pair<const char*, char> entities[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool done = false;
      for (const auto& [e, c] : entities) {
        if (raw.compare(i, std::strlen(e), e) == 0) {
          out += c;
          i += std::strlen(e) - 1;
          done = true;
          break;
        }
      }
      if (!done) out += raw[i];
    }
    return out;
  }

  // D:YYYYMMDDHHmmSS+HH'mm' as XMP writes it (ISO 8601): 2026-12-01T00:00:00Z.
  static std::string iso_date(const std::string& d) {
    std::smatch m;
    if (!std::regex_search(d, m, std::regex("^D:(\\d{4})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(\\d{2})(Z|[+-]\\d{2}'\\d{2}'?)?"))) return "";
    std::string tz = m[7].matched ? std::string(m[7]) : "Z";
    if (tz == "+00'00'" || tz == "+00'00" || tz == "-00'00'") tz = "Z";
    if (tz != "Z") {
      tz.erase(std::remove(tz.begin(), tz.end(), '\''), tz.end());
      tz.insert(3, ":");
    }
    return std::string(m[1]) + "-" + std::string(m[2]) + "-" + std::string(m[3]) + "T" + std::string(m[4]) + ":" +
           std::string(m[5]) + ":" + std::string(m[6]) + tz;
  }

 private:
  const PdfMemDocument& doc_;
  const std::string bytes_;
  // The Info dictionary's text entries as the file has them: PdfMemDocument's PdfInfo
  // sets /ModDate to the time of loading, so Info is read with a bare PdfParser.
  const std::map<std::string, std::string> info_;
  Report& r_;
};

}  // namespace appeal::inspect::detail
