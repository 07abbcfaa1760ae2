// PDF lexical helpers shared by the writer, independent of the process locale (qpdf
// issue #459: a user's locale once put commas into numbers).
#pragma once
#include <string>

namespace appeal::pdf {

// Fixed-point with up to 3 decimals, trailing zeros trimmed: 12.5, -0.333, 0.
std::string pdf_number(double v);

// A TJ adjustment in 1/1000 em with one decimal (1/10000 em: 0.001 pt at 11 pt).
std::string pdf_tj_number(double v);

// UTF-8 -> UTF-16BE as upper-case hex digits, no BOM, no brackets ("0410" for "А").
std::string utf16be_hex(const std::string& utf8);

}  // namespace appeal::pdf
