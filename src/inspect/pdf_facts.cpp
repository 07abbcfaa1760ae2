#include "inspect/pdf_facts.h"

#include <podofo.h>

#include <fstream>
#include <iterator>

#include "common/input_error.h"
#include "inspect/checker.h"

namespace appeal::inspect {

using namespace PoDoFo;
using detail::Checker;

std::map<std::string, std::string> info_entries(const std::string& bytes) {
  std::map<std::string, std::string> info;
  try {
    PdfVecObjects objects;
    PdfParser parser(&objects, bytes.data(), static_cast<long>(bytes.size()), true);
    const PdfObject* ref = parser.GetTrailer() ? parser.GetTrailer()->GetDictionary().GetKey("Info") : nullptr;
    const PdfObject* dict = ref && ref->IsReference() ? objects.GetObject(ref->GetReference()) : nullptr;
    if (dict && dict->IsDictionary()) {
      for (const auto& [k, v] : dict->GetDictionary().GetKeys()) {
        if (v->IsString() || v->IsHexString()) info[k.GetName()] = Checker::text(v);
      }
    }
  } catch (const PdfError&) {
    // Unreadable: the caller reads the file whole and reports that error.
  }
  return info;
}

void detail::load_pdf(const std::filesystem::path& file, std::string& bytes, PdfMemDocument& doc) {
  PdfError::EnableLogging(false);
  PdfError::EnableDebug(false);
  {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw InputError(file, "", "cannot read the file");
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  try {
    doc.LoadFromBuffer(bytes.data(), static_cast<long>(bytes.size()));
  } catch (const PdfError& e) {
    const char* m = PdfError::ErrorMessage(e.GetError());
    throw InputError(file, "", std::string("not a PDF PoDoFo can read (") + (m && *m ? m : PdfError::ErrorName(e.GetError())) + ")");
  }
}

PdfFacts read_facts(const std::filesystem::path& file) {
  std::string bytes;
  PdfMemDocument doc;
  detail::load_pdf(file, bytes, doc);
  PdfFacts facts;
  facts.info = info_entries(bytes);
  // Embedded files: the catalog's /Names /EmbeddedFiles name tree, its leaf array (the
  // writers this reads keep it flat, ISO 32000-1 §7.9.6).
  const auto res = [&](const PdfObject* o) -> const PdfObject* {
    return o && o->IsReference() ? doc.GetObjects().GetObject(o->GetReference()) : o;
  };
  const auto key = [&](const PdfObject* o, const char* k) -> const PdfObject* {
    o = res(o);
    return o && o->IsDictionary() ? res(o->GetDictionary().GetKey(k)) : nullptr;
  };
  const PdfObject* list = key(key(key(doc.GetCatalog(), "Names"), "EmbeddedFiles"), "Names");
  if (list && list->IsArray()) {
    for (size_t i = 1; i < list->GetArray().size(); i += 2) {
      const PdfObject* spec = res(&list->GetArray()[i]);
      const PdfObject* ef = key(key(spec, "EF"), "F");
      if (!ef || !ef->HasStream()) continue;
      char* data = nullptr;
      pdf_long len = 0;
      try {
        ef->GetStream()->GetFilteredCopy(&data, &len);
      } catch (const PdfError&) {
        continue;
      }
      const std::string name = Checker::text(key(spec, "UF")).empty() ? Checker::text(key(spec, "F")) : Checker::text(key(spec, "UF"));
      facts.attachments[name] = std::string(data, static_cast<size_t>(len));
      podofo_free(data);
    }
  }
  return facts;
}

}  // namespace appeal::inspect
