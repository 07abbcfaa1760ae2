#include "appeal/contact_check.h"

#include <cctype>
#include <cstring>

namespace appeal {

namespace {

bool ascii_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// RFC 5322 3.2.3 atext, plus UTF-8 (RFC 6531 3.3).
bool atext(char c) { return ascii_alnum(c) || non_ascii(c) || std::strchr("!#$%&'*+/=?^_`{|}~-", c) != nullptr; }

}  // namespace

std::string email_problem(std::string_view s) {
  if (s.empty()) return "the e-mail address is empty";
  if (s.size() > 254) return "an e-mail address has at most 254 characters (RFC 5321 4.5.3.1)";
  const size_t at = s.rfind('@');
  if (at == std::string_view::npos) return "an e-mail address needs an @";
  if (s.find('@') != at) return "an e-mail address has one @";
  const std::string_view local = s.substr(0, at), domain = s.substr(at + 1);
  if (local.empty()) return "nothing before the @";
  if (local.size() > 64) return "at most 64 characters before the @ (RFC 5321 4.5.3.1)";
  if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos) {
    return "a dot cannot start or end the part before the @, nor follow another";
  }
  for (char c : local) {
    if (c != '.' && !atext(c)) return std::string("the character '") + c + "' is not allowed before the @";
  }
  if (domain.empty()) return "no domain after the @";
  if (domain.find('.') == std::string_view::npos) return "the domain \"" + std::string(domain) + "\" has no dot";
  size_t label = 0;
  for (size_t i = 0; i <= domain.size(); ++i) {
    if (i == domain.size() || domain[i] == '.') {
      const std::string_view l = domain.substr(label, i - label);
      if (l.empty()) return "the domain has an empty part between dots";
      if (l.front() == '-' || l.back() == '-') return "a part of the domain cannot start or end with '-'";
      label = i + 1;
      continue;
    }
    if (!ascii_alnum(domain[i]) && domain[i] != '-' && !non_ascii(domain[i])) {
      return std::string("the character '") + domain[i] + "' is not allowed in the domain";
    }
  }
  return "";
}

std::string url_problem(std::string_view s) {
  const auto starts = [&](const char* p) {
    const size_t n = std::strlen(p);
    if (s.size() < n) return false;
    for (size_t i = 0; i < n; ++i) {
      if (std::tolower(static_cast<unsigned char>(s[i])) != p[i]) return false;
    }
    return true;
  };
  const size_t scheme = starts("https://") ? 8 : starts("http://") ? 7 : 0;
  if (!scheme) {
    if (s.find("://") == std::string_view::npos && s.find(':') == std::string_view::npos) {
      return "a link must be absolute: add https:// (\"https://" + std::string(s.substr(0, 60)) + "\")";
    }
    return "only http and https links are allowed";
  }
  const std::string_view rest = s.substr(scheme);
  const size_t end = rest.find_first_of("/?#");
  const std::string_view host = rest.substr(0, end);
  if (host.empty()) return "the link has no host";
  for (char c : s) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\') {
      return "a link cannot hold spaces, quotes or angle brackets (percent-encode them)";
    }
  }
  return "";
}

std::string web_problem(std::string_view s) {
  const size_t colon = s.find(':'), slash = s.find('/');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash)) return url_problem(s);
  const std::string_view host = s.substr(0, slash);
  if (host.find('.') == std::string_view::npos || host.front() == '.' || host.back() == '.') {
    return "a web address needs a host with a dot (\"example.org/group\")";
  }
  for (char c : s) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == '"' || c == '<' || c == '>' || c == '\\') {
      return "a web address cannot hold spaces, quotes or angle brackets";
    }
  }
  return "";
}

std::string phone_problem(std::string_view s) {
  size_t digits = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '+') {
      if (i != 0) return "a '+' may only start the number";
    } else if (!std::strchr(" -.()/", c)) {
      return std::string("the character '") + c + "' is not part of a telephone number (ITU-T E.123)";
    }
  }
  if (digits < 5 || digits > 17) return "a telephone number has 5 to 17 digits (ITU-T E.123, E.164)";
  return "";
}

}  // namespace appeal
