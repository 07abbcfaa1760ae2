// The state of one import while its parts are read (internal to importer/): the sections,
// which lines are used, what was found so far, and the findings. One method per part of the
// UA; import_ua() (ua_import.cpp) runs them in order.
#pragma once
#include <map>
#include <regex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "importer/sections.h"
#include "importer/targets.h"
#include "importer/ua_import.h"

namespace appeal::importer {

struct LetterDraft {
  std::string language, salutation, closing;
  std::vector<std::string> body;
};

struct Reading {
  Reading(const extract::DocumentText& doc, const std::string& source, const ImportOptions& opt);

  // ua_import.cpp
  const Section* find_kind(const std::string& kind) const;
  void read_languages();
  void choose_document_language();
  void read_title_and_summary();
  void check_is_ua() const;
  void read_id(nlohmann::ordered_json& c);
  void read_person(nlohmann::ordered_json& c);
  void read_dates(nlohmann::ordered_json& c);
  void read_background_and_links(nlohmann::ordered_json& c);
  // letters.cpp: letters from "Dear ..." to "Yours sincerely,", and placeholders
  void find_letters();
  void letters_by_language();
  nlohmann::ordered_json letters_json(nlohmann::ordered_json& targets);
  // steps.cpp: the steps to take, and the link to report them
  void read_actions();
  // officials.cpp: the targets with their ids and salutations
  void collect_targets();
  nlohmann::ordered_json build_targets();

  const ImportOptions& opt;
  std::string source, all_text, furniture, hint, doc_lang;
  std::vector<Section> sections;
  std::vector<std::vector<bool>> used;  // per section and line: taken by a part already
  std::vector<Finding> findings;
  std::vector<std::string> preferred, extra_action, actions, candidates, summary;
  std::vector<LetterDraft> letters;
  std::map<std::string, LetterDraft> by_lang;
  std::vector<std::string> letter_order;
  std::string title, action_link;
  std::vector<std::string> letter_points;  // "Please write ... urging ...": what a letter should say
  std::vector<Line> leftover;  // of the steps section: the officials' lines
  std::vector<TargetDraft> drafts;
};

// Small helpers the parts share (ua_import.cpp).
size_t word_count(const std::string& s);
std::string opens_with(const std::string& line, const std::map<std::string, std::vector<std::string>>& table);
bool ends_sentence(const std::string& s);
std::string placeholder(const std::string& what);
std::string english_name(const std::string& tag);
std::string join(const std::vector<std::string>& v, const std::string& sep);
// An http(s) address written in text, without the punctuation after it.
const std::regex& url_pattern();

}  // namespace appeal::importer
