// The words `appeal import` recognises, from data/import/vocabulary.json, and the folding
// that makes "Target’s contact details:" match "TARGET'S CONTACT DETAILS".
#pragma once
#include <map>
#include <string>
#include <vector>

namespace appeal::importer {

struct Vocabulary {
  std::vector<std::pair<std::string, std::string>> labels;  // folded label, section kind; longest first
  std::map<std::string, std::vector<std::string>> salutations, closings, function_words;  // per language, folded
  std::vector<std::string> offices, organisations, honorifics;  // folded
  std::map<std::string, std::vector<std::string>> contacts;     // email, fax, phone, social -> folded labels
};
const Vocabulary& vocabulary();

// Unicode case folding (ICU) with typographic apostrophes, quotes and dashes made ASCII and
// spaces collapsed: the form every comparison here uses.
std::string fold(const std::string& s);

// `folded_text` starts with the phrase `folded_prefix` as whole words.
bool starts_with_phrase(const std::string& folded_text, const std::string& folded_prefix);
// `folded_text` contains the phrase as whole words.
bool contains_phrase(const std::string& folded_text, const std::string& folded_phrase);

// The first of `phrases` that `folded_text` starts with (whole words), longest first; "" if none.
std::string leading_phrase(const std::string& folded_text, const std::vector<std::string>& phrases);

}  // namespace appeal::importer
