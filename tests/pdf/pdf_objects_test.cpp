// Byte-level tests of what the writer puts into a file: each kind of object as PoDoFo
// serialises it (pdf/pdf_objects.h), and the container's framing (pdf/object_writer.h).
#include <gtest/gtest.h>

#include <functional>
#include <locale>
#include <random>

#include "pdf/object_writer.h"
#include "pdf/pdf_objects.h"
#include "support/pdf_probe.h"
#include "support/run.h"

namespace {

using namespace appeal;
using namespace appeal::pdf;

// serialized() writes containers, numbers and references itself, for speed: it must give
// PoDoFo's bytes for any object. Random nested dictionaries and arrays of every type,
// with names and strings that need escapes, checked against PoDoFo's own writer.
TEST(PdfObjects, SerialisedAsPoDoFoWritesItByteForByte) {
  std::mt19937 rng(17);
  const std::vector<std::string> names = {"Type", "K", "P", "S", "a b#c/d", "é", "MCID", "Alt", "ActualText", "Z", "A"};
  std::function<PoDoFo::PdfObject(int)> make = [&](int depth) -> PoDoFo::PdfObject {
    const int kind = static_cast<int>(rng() % (depth > 3 ? 7 : 9));
    switch (kind) {
      case 0: return integer(static_cast<int64_t>(rng() % 200000) - 100000);
      case 1: return ref(rng() % 100000);
      case 2: return name(names[rng() % names.size()]);
      case 3: return text(rng() % 2 ? "plain (text)" : "Жанболат \\ ) (");
      case 4: return PoDoFo::PdfObject(rng() % 2 == 0);
      case 5: return number((rng() % 100000) / 7.0);
      case 6: return PoDoFo::PdfObject(PoDoFo::PdfVariant());
      case 7: {
        PoDoFo::PdfArray a;
        for (unsigned n = rng() % 5; n > 0; --n) a.push_back(make(depth + 1));
        return PoDoFo::PdfObject(a);
      }
      default: {
        PoDoFo::PdfDictionary d;
        for (unsigned n = rng() % 6; n > 0; --n) d.AddKey(PoDoFo::PdfName(names[rng() % names.size()]), make(depth + 1));
        return PoDoFo::PdfObject(d);
      }
    }
  };
  for (int i = 0; i < 3000; ++i) {
    const PoDoFo::PdfObject o = make(0);
    ASSERT_EQ(serialized(o), podofo_serialization(o)) << "object " << i;
  }
}

TEST(PdfObjects, NamesEscapeWhatIsNotRegular) {
  EXPECT_EQ(serialized(name("Type")), "/Type");
  // ISO 32000-1 §7.3.5: delimiters, '#', spaces and bytes outside 33..126 as #xx.
  EXPECT_EQ(serialized(name("a b#c/d")), "/a#20b#23c#2Fd");
  EXPECT_EQ(serialized(name("é")), "/#C3#A9");
}

TEST(PdfObjects, TextStringsAsciiLiteralElseUtf16WithBom) {
  EXPECT_EQ(serialized(text("UA 31.22")), "(UA 31.22)");
  EXPECT_EQ(serialized(text("a (b) \\c")), "(a \\(b\\) \\\\c)");
  // "Жа": UTF-16BE with its byte order mark (§7.9.2.2); bytes that are delimiters escaped.
  EXPECT_EQ(serialized(text("Жа")), std::string("(\xFE\xFF\x04\x16\x04\x30)", 8));
  // U+0D0D U+0D0A: raw CR and LF bytes would read as line ends (§7.3.4.2): escaped.
  EXPECT_EQ(serialized(text("\u0D0D\u0D0A")), "(\xFE\xFF\\r\\r\\r\\n)");
  EXPECT_EQ(serialized(hex_bytes(std::string("\x01\xAB", 2))), "<01AB>");
}

TEST(PdfObjects, NumbersAreTheSameInAnyLocale) {
  struct Comma : std::numpunct<char> {
    char do_decimal_point() const override { return ','; }
    char do_thousands_sep() const override { return '.'; }
    std::string do_grouping() const override { return "\3"; }
  };
  const std::locale before = std::locale::global(std::locale(std::locale::classic(), new Comma));
  // PoDoFo writes a number with the space that separates it from a preceding token.
  EXPECT_EQ(serialized(number(12)), " 12");
  EXPECT_EQ(serialized(number(-3)), " -3");
  EXPECT_EQ(serialized(number(0.25)), " 0.25");
  EXPECT_EQ(serialized(number(595.2755905511812)), " 595.275591");
  EXPECT_EQ(serialized(integer(1234567)), " 1234567");
  EXPECT_EQ(serialized(PoDoFo::PdfObject(rect({0, 0, 595.2755905511812, 841.8897637795276}))),
            "[ 0 0 595.275591 841.889764]");
  std::locale::global(before);
}

TEST(PdfObjects, DictionariesArraysReferencesDates) {
  PoDoFo::PdfDictionary d;
  d.AddKey("Type", name("Page"));
  d.AddKey("Parent", ref(12));
  d.AddKey("Kids", refs({3, 4}));
  d.AddKey("M", date(1686873600));
  EXPECT_EQ(serialized(PoDoFo::PdfObject(d)), "<</Type/Page/Kids[ 3 0 R 4 0 R]/M(D:20230616000000Z)/Parent 12 0 R>>");
}

TEST(ObjectWriter, FramesObjectsStreamsAndTheXrefStream) {
  test::TempDir dir;
  const auto file = dir.path() / "t.pdf";
  {
    ObjectWriter out(file, "1.7");
    const uint32_t pages = out.reserve(), catalog = out.reserve(), info = out.reserve(), sig = out.reserve();
    PoDoFo::PdfDictionary p;
    p.AddKey("Type", name("Pages"));
    p.AddKey("Kids", PoDoFo::PdfArray());
    p.AddKey("Count", integer(0));
    out.object(pages, PoDoFo::PdfObject(p));
    PoDoFo::PdfDictionary c;
    c.AddKey("Type", name("Catalog"));
    c.AddKey("Pages", ref(pages));
    out.object(catalog, PoDoFo::PdfObject(c));
    PoDoFo::PdfDictionary i;
    i.AddKey("Title", text("Тест"));
    out.object(info, PoDoFo::PdfObject(i));
    PoDoFo::PdfDictionary s;
    s.AddKey("Filter", name("FlateDecode"));
    out.stream(sig, std::move(s), "abc");
    out.finish(catalog, info);
  }
  const std::string bytes = test::read_file(file);
  EXPECT_EQ(bytes.substr(0, 15), "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n");  // §7.5.2: a binary comment
  EXPECT_NE(bytes.find("4 0 obj\n<</Filter/FlateDecode/Length 3>>stream\nabc\nendstream\nendobj\n"), std::string::npos);
  EXPECT_NE(bytes.find("/Type/ObjStm"), std::string::npos) << "dictionaries go into an object stream";
  EXPECT_NE(bytes.find("/Type/XRef"), std::string::npos);
  EXPECT_EQ(bytes.substr(bytes.size() - 6), "%%EOF\n");
  std::string report;
  EXPECT_TRUE(test::qpdf_clean(file, &report)) << report;
  const auto info = test::run({"qpdf", "--show-object=3", file.string()});
  EXPECT_NE(info.out.find("/Title"), std::string::npos) << info.out;
}

}  // namespace
