// The C half of Harness's HeapMeter: counters fed by the malloc family defined in heap_meter.c.
#ifndef WORKBOOK_HEAP_METER_H
#define WORKBOOK_HEAP_METER_H

#include <stdint.h>

/// What the heap did between `workbook_heap_meter_start` and `workbook_heap_meter_stop`, in the
/// bytes `malloc_usable_size` reports for each block.
typedef struct {
  /// The largest growth of live heap bytes above the level at the start.
  int64_t peak_bytes;
  /// Live heap bytes at the stop minus those at the start (negative when more was freed).
  int64_t net_bytes;
  /// Blocks allocated (malloc, calloc, realloc to a new block, aligned variants).
  int64_t allocations;
  /// Bytes of all those blocks together.
  int64_t allocated_bytes;
} workbook_heap_counts;

/// Whether this process's malloc is the counting one (0 on platforms without it, or when
/// another definition of malloc won the link).
int workbook_heap_meter_installed(void);

/// Zeroes the counters and starts counting.
void workbook_heap_meter_start(void);

/// Stops counting and returns what was counted since the start.
workbook_heap_counts workbook_heap_meter_stop(void);

/// Stops counting this thread's allocations for a while (the harness's own bookkeeping inside a
/// measurement) and returns whether it was counting, to be handed to `..._resume`.
int workbook_heap_meter_pause(void);

/// Counts again when `was_counting`, after `workbook_heap_meter_pause`.
void workbook_heap_meter_resume(int was_counting);

#endif
