#include "pdf/sign_existing.h"

#include "pdf/pdf_objects.h"

#include <podofo.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>

namespace appeal::pdf {

namespace {

using namespace PoDoFo;

// PoDoFo's description of an error (its name when it has no message).
std::string why(const PdfError& e) {
  const char* m = PdfError::ErrorMessage(e.GetError());
  const char* n = PdfError::ErrorName(e.GetError());
  return m && *m ? m : n ? n : "unknown error";
}

const PdfObject* resolve(const PdfMemDocument& doc, const PdfObject* o) {
  while (o && o->IsReference()) o = doc.GetObjects().GetObject(o->GetReference());
  return o;
}

// A field name the document does not use yet: "Signature1", "Signature2", ...
std::string free_field_name(const PdfMemDocument& doc, const PdfArray& fields) {
  std::set<std::string> used;
  for (const PdfObject& f : fields) {
    const PdfObject* field = resolve(doc, &f);
    if (field && field->IsDictionary()) {
      if (const PdfObject* t = resolve(doc, field->GetDictionary().GetKey("T")); t && t->IsString()) {
        used.insert(t->GetString().GetStringUtf8());
      }
    }
  }
  for (int n = 1;; ++n) {
    const std::string name = "Signature" + std::to_string(n);
    if (!used.count(name)) return name;
  }
}

// The offset after the input's last "startxref": where its newest cross-reference
// section starts, the /Prev of ours (ISO 32000-1 §7.5.6).
long last_startxref(const std::string& pdf) {
  const size_t at = pdf.rfind("startxref");
  if (at == std::string::npos) return -1;
  return std::strtol(pdf.c_str() + at + 9, nullptr, 10);
}

}  // namespace

// Why not PoDoFo's own PdfSignatureField + WriteUpdate + PdfSignOutputDevice: measured on
// one of our PDF/A-3b archive copies (object streams, xref stream), 0.9.8 re-emits every
// object it read from an object stream (16 objects, 12.3 KB added to a 28.7 KB file) and
// stamps /Info /ModDate with the current time without touching the XMP, which breaks
// PDF/A (ISO 19005-3 §6.6.3). So PoDoFo reads the file and serializes every object of the
// update (its dictionaries, arrays, strings, names, references), and this function frames
// the update: the new and changed objects, a cross-reference section for them and a
// trailer pointing back at the input's (§7.5.6). Nothing of the input is rewritten.
void sign_existing_pdf(const std::filesystem::path& in, const std::filesystem::path& out, const SigningKey& key,
                       const ExistingSignature& sig) {
  const std::string name = in.filename().string();
  // PoDoFo's own log would print to stderr; its errors come back as exceptions.
  PdfError::EnableLogging(false);
  PdfError::EnableDebug(false);
  std::string pdf;
  {
    std::ifstream f(in, std::ios::binary);
    pdf.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  }
  PdfMemDocument doc;
  try {
    doc.LoadFromBuffer(pdf.data(), static_cast<long>(pdf.size()));
  } catch (const PdfError& e) {
    if (e.GetError() == ePdfError_InvalidPassword) throw BadInput(name + ": the PDF is encrypted; it cannot be signed");
    throw BadInput(name + ": not a PDF PoDoFo can read (" + why(e) + ")");
  }
  if (doc.GetEncrypt()) throw BadInput(name + ": the PDF is encrypted; it cannot be signed");
  const long prev = last_startxref(pdf);
  if (prev <= 0) throw BadInput(name + ": no startxref at the end of the file; repair it first (qpdf in.pdf out.pdf)");

  std::map<std::pair<uint32_t, uint16_t>, std::string> objects;  // (number, generation) -> value
  try {
    if (doc.GetPageCount() < 1) throw BadInput(name + ": the PDF has no page to hold the signature field");
    const PdfObject* trailer = doc.GetTrailer();
    const pdf_int64 size = trailer->GetDictionary().GetKeyAsLong("Size", 0);
    uint32_t next = static_cast<uint32_t>(std::max<pdf_int64>(size, doc.GetObjects().GetObjectCount() + 1));
    const PdfReference value_ref(next++, 0), widget_ref(next++, 0);

    // The signature value (ISO 32000-1 §12.8.1, Table 252) with room for the CMS, and a
    // /ByteRange of fixed width, both filled in below. PAdES B-B (ETSI EN 319 142-1):
    // CAdES detached; the time in /M, not in the CMS.
    const size_t room = key.max_signature_bytes();
    PdfDictionary value;
    value.AddKey("Type", PdfName("Sig"));
    value.AddKey("Filter", PdfName("Adobe.PPKLite"));
    value.AddKey("SubFilter", PdfName("ETSI.CAdES.detached"));
    PdfArray range;
    for (int i = 0; i < 4; ++i) range.push_back(PdfObject(static_cast<pdf_int64>(9999999999LL)));
    value.AddKey("ByteRange", range);
    value.AddKey("Contents", PdfString(std::string(room, '\0').data(), static_cast<pdf_long>(room), true));
    PdfString when;
    PdfDate(sig.signing_time).ToString(when);
    value.AddKey("M", when);
    if (!key.common_name().empty()) value.AddKey("Name", text(key.common_name()));
    if (!sig.reason.empty()) value.AddKey("Reason", text(sig.reason));
    if (!sig.location.empty()) value.AddKey("Location", text(sig.location));
    objects[{value_ref.ObjectNumber(), 0}] = serialized(PdfObject(value));

    // An invisible widget on page 1: a zero-size rectangle with the Print and Locked
    // flags (PDF/A asks no appearance of a zero-size annotation).
    PdfObject* page = doc.GetPage(0)->GetObject();
    PdfObject* catalog = doc.GetCatalog();
    PdfArray fields;
    PdfDictionary acro;
    const PdfObject* old_acro = resolve(doc, catalog->GetDictionary().GetKey("AcroForm"));
    if (old_acro && old_acro->IsDictionary()) {
      acro = old_acro->GetDictionary();
      if (const PdfObject* f = resolve(doc, acro.GetKey("Fields")); f && f->IsArray()) fields = f->GetArray();
    }
    PdfDictionary widget;
    widget.AddKey("Type", PdfName("Annot"));
    widget.AddKey("Subtype", PdfName("Widget"));
    widget.AddKey("FT", PdfName("Sig"));
    widget.AddKey("T", text(free_field_name(doc, fields)));
    widget.AddKey("V", value_ref);
    PdfArray zero;
    for (int i = 0; i < 4; ++i) zero.push_back(PdfObject(static_cast<pdf_int64>(0)));
    widget.AddKey("Rect", zero);
    widget.AddKey("F", PdfObject(static_cast<pdf_int64>(ePdfAnnotationFlags_Print | ePdfAnnotationFlags_Locked)));
    widget.AddKey("P", page->Reference());
    objects[{widget_ref.ObjectNumber(), 0}] = serialized(PdfObject(widget));

    // The page lists the widget among its annotations (a new version of the page).
    PdfDictionary new_page = page->GetDictionary();
    PdfArray annots;
    if (const PdfObject* a = resolve(doc, new_page.GetKey("Annots")); a && a->IsArray()) annots = a->GetArray();
    annots.push_back(widget_ref);
    new_page.AddKey("Annots", annots);
    objects[{page->Reference().ObjectNumber(), page->Reference().GenerationNumber()}] = serialized(PdfObject(new_page));

    // The form lists the field; SigFlags 1 + 2: signatures exist, append only (§12.7.2).
    // No appearance regeneration, which PDF/A forbids.
    fields.push_back(widget_ref);
    acro.AddKey("Fields", fields);
    acro.AddKey("SigFlags", PdfObject(static_cast<pdf_int64>(3)));
    if (acro.HasKey("NeedAppearances")) acro.AddKey("NeedAppearances", PdfObject(false));
    const PdfObject* acro_key = catalog->GetDictionary().GetKey("AcroForm");
    if (acro_key && acro_key->IsReference()) {
      objects[{acro_key->GetReference().ObjectNumber(), acro_key->GetReference().GenerationNumber()}] = serialized(PdfObject(acro));  // its new version
    } else {
      PdfDictionary new_catalog = catalog->GetDictionary();
      new_catalog.AddKey("AcroForm", acro);
      objects[{catalog->Reference().ObjectNumber(), catalog->Reference().GenerationNumber()}] = serialized(PdfObject(new_catalog));
    }

    // The update: objects, a cross-reference section of one-object subsections, a
    // trailer with /Prev (§7.5.6); /ID's first part kept, as §14.4 asks of an update.
    std::string update = "\n";
    std::map<std::pair<uint32_t, uint16_t>, size_t> offsets;
    for (const auto& [ref, text_of] : objects) {
      offsets[ref] = pdf.size() + update.size();
      update += std::to_string(ref.first) + " " + std::to_string(ref.second) + " obj\n" + text_of + "\nendobj\n";
    }
    const size_t xref_at = pdf.size() + update.size();
    update += "xref\n";
    for (const auto& [ref, offset] : offsets) {
      char row[48];  // a subsection of one 20-byte entry (§7.5.4)
      std::snprintf(row, sizeof row, "%u 1\n%010zu %05u n \n", ref.first, offset, static_cast<unsigned>(ref.second));
      update += row;
    }
    PdfDictionary new_trailer;
    new_trailer.AddKey("Size", PdfObject(static_cast<pdf_int64>(next)));
    new_trailer.AddKey("Root", catalog->Reference());
    if (const PdfObject* info = trailer->GetDictionary().GetKey("Info")) new_trailer.AddKey("Info", *info);
    if (const PdfObject* id = trailer->GetDictionary().GetKey("ID")) new_trailer.AddKey("ID", *id);
    new_trailer.AddKey("Prev", PdfObject(static_cast<pdf_int64>(prev)));
    update += "trailer\n" + serialized(PdfObject(new_trailer)) + "\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
    pdf += update;
  } catch (const PdfError& e) {
    throw BadInput(name + ": cannot sign this PDF (PoDoFo: " + why(e) + ")");
  }

  fill_signature(pdf, pdf.rfind("/ByteRange"), key);
  std::ofstream f(out, std::ios::binary | std::ios::trunc);
  f.write(pdf.data(), static_cast<std::streamsize>(pdf.size()));
  f.flush();
  if (!f) throw OutputError(out.string() + ": cannot write the file");
}

}  // namespace appeal::pdf
