// The workbook's tests are XCTest only (the design card). On Linux, `swift test` starts the
// test binary a second time with `--testing-library swift-testing`; that pass finds no test and
// prints "Test run with 0 tests in 0 suites passed" after the grading summary, which reads as
// "nothing ran" and hides the student's `N of M exercises pass`. This constructor ends that
// empty second pass, successfully, before it prints anything. The maintainers' run passes
// --disable-swift-testing and never starts it.
#include <string.h>
#include <unistd.h>

#include "XCTestOnly.h"

void workbook_xctest_only(void) {}

__attribute__((constructor)) static void end_empty_swift_testing_pass(int argc, char **argv) {
  for (int i = 1; i + 1 < argc; i++) {
    if (strcmp(argv[i], "--testing-library") == 0 && strcmp(argv[i + 1], "swift-testing") == 0) {
      _exit(0);
    }
  }
}
