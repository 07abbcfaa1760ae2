#include <iostream>

#include "app/commands.h"
#include "common/input_error.h"

namespace appeal::app {

int run(Command command, const RunOptions& options, Typesetters& typesetters) {
  try {
    switch (command) {
      case Command::kLetters:
        run_letters(options, typesetters);
        break;
      case Command::kEnvelopes:
        run_mailing(options, typesetters, false);
        break;
      case Command::kLabels:
        run_mailing(options, typesetters, true);
        break;
      case Command::kArchive:
        run_archive(options, typesetters);
        break;
      case Command::kLeaflet:
        run_leaflet(options, typesetters);
        break;
      case Command::kSign:
        run_sign(options);
        break;
      case Command::kCheck:
        return run_check(options);
      case Command::kImport:
        return run_import(options);
      case Command::kReport:
        return run_report(options, typesetters);
    }
    return 0;
  } catch (const InputMessages& e) {
    for (const std::string& m : e.messages()) std::cerr << m << '\n';
  } catch (const BadInput& e) {
    std::cerr << e.what() << '\n';
  } catch (const UsageError& e) {
    std::cerr << "appeal: " << e.what() << '\n';
  } catch (const OutputError& e) {
    std::cerr << "appeal: " << e.what() << '\n';
  } catch (const std::exception& e) {
    std::cerr << "appeal: internal error: " << e.what() << '\n';
    return 1;
  }
  return 2;
}

}  // namespace appeal::app
