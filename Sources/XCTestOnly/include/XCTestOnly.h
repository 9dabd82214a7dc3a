#ifndef WORKBOOK_XCTEST_ONLY_H
#define WORKBOOK_XCTEST_ONLY_H

/// Called once by the grading tests so the linker keeps this module's constructor.
void workbook_xctest_only(void);

#endif
