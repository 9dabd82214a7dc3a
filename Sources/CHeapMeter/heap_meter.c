// A counting malloc for the graders: every block allocated or freed while the meter runs adds or
// subtracts its usable size, and the largest total is the peak. Each function forwards to
// glibc's own implementation (`__libc_malloc` and friends), so nothing is allocated
// differently; outside a measurement the cost is one thread-local load per call.
//
// The definitions are weak: a program that brings its own malloc (ordo-one/benchmark's
// interposer in Benchmarks/) keeps it, and the meter then reports itself as not installed.
// A weak definition in the executable still interposes on the shared libraries (the Swift
// runtime, Foundation), because the dynamic linker binds to the first definition it finds.
#include "heap_meter.h"

#if defined(__linux__) && defined(__GLIBC__)

#include <errno.h>
#include <malloc.h>
#include <stddef.h>

extern void *__libc_malloc(size_t size);
extern void __libc_free(void *pointer);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);
extern void *__libc_valloc(size_t size);
extern void *__libc_pvalloc(size_t size);

// Only the thread that started the measurement is counted: the graded call runs on it, and a
// test process's other threads (pipe readers, timers, earlier tests' workers) would otherwise
// add their allocations to it at random. A student's code that allocates on a thread of its own
// is not what the heap checks look for (they catch copies and temporaries in the call itself).
static __thread int counting __attribute__((tls_model("initial-exec")));
static int64_t live;
static int64_t peak;
static int64_t allocations;
static int64_t allocated;

static inline int is_counting(void) { return counting; }

static void note_allocation(void *pointer) {
  if (pointer == NULL || !is_counting()) return;
  int64_t size = (int64_t)malloc_usable_size(pointer);
  int64_t now = __atomic_add_fetch(&live, size, __ATOMIC_RELAXED);
  __atomic_add_fetch(&allocations, 1, __ATOMIC_RELAXED);
  __atomic_add_fetch(&allocated, size, __ATOMIC_RELAXED);
  int64_t seen = __atomic_load_n(&peak, __ATOMIC_RELAXED);
  while (now > seen &&
         !__atomic_compare_exchange_n(&peak, &seen, now, 1, __ATOMIC_RELAXED, __ATOMIC_RELAXED)) {
  }
}

static void note_free(void *pointer) {
  if (pointer == NULL || !is_counting()) return;
  __atomic_sub_fetch(&live, (int64_t)malloc_usable_size(pointer), __ATOMIC_RELAXED);
}

__attribute__((weak)) void *malloc(size_t size) {
  void *pointer = __libc_malloc(size);
  note_allocation(pointer);
  return pointer;
}

__attribute__((weak)) void free(void *pointer) {
  note_free(pointer);
  __libc_free(pointer);
}

__attribute__((weak)) void *calloc(size_t count, size_t size) {
  void *pointer = __libc_calloc(count, size);
  note_allocation(pointer);
  return pointer;
}

__attribute__((weak)) void *realloc(void *pointer, size_t size) {
  // Counted as a free of the old block and an allocation of the new one, which is what a
  // growing Swift array costs at the moment it moves.
  note_free(pointer);
  void *moved = __libc_realloc(pointer, size);
  if (moved == NULL && size != 0 && pointer != NULL) {
    note_allocation(pointer);  // the old block is still there
    return NULL;
  }
  note_allocation(moved);
  return moved;
}

__attribute__((weak)) void *memalign(size_t alignment, size_t size) {
  void *pointer = __libc_memalign(alignment, size);
  note_allocation(pointer);
  return pointer;
}

__attribute__((weak)) void *aligned_alloc(size_t alignment, size_t size) {
  return memalign(alignment, size);
}

__attribute__((weak)) int posix_memalign(void **result, size_t alignment, size_t size) {
  if (alignment % sizeof(void *) != 0 || (alignment & (alignment - 1)) != 0) return EINVAL;
  void *pointer = memalign(alignment, size);
  if (pointer == NULL) return ENOMEM;
  *result = pointer;
  return 0;
}

__attribute__((weak)) void *valloc(size_t size) {
  void *pointer = __libc_valloc(size);
  note_allocation(pointer);
  return pointer;
}

__attribute__((weak)) void *pvalloc(size_t size) {
  void *pointer = __libc_pvalloc(size);
  note_allocation(pointer);
  return pointer;
}

int workbook_heap_meter_installed(void) {
  // If ours is the malloc the process uses, a block taken while counting is counted.
  workbook_heap_meter_start();
  void *volatile probe = malloc(1);
  free(probe);
  return workbook_heap_meter_stop().allocations > 0;
}

void workbook_heap_meter_start(void) {
  counting = 0;
  __atomic_store_n(&live, 0, __ATOMIC_RELAXED);
  __atomic_store_n(&peak, 0, __ATOMIC_RELAXED);
  __atomic_store_n(&allocations, 0, __ATOMIC_RELAXED);
  __atomic_store_n(&allocated, 0, __ATOMIC_RELAXED);
  counting = 1;
}

workbook_heap_counts workbook_heap_meter_stop(void) {
  counting = 0;
  workbook_heap_counts counts = {
      __atomic_load_n(&peak, __ATOMIC_RELAXED), __atomic_load_n(&live, __ATOMIC_RELAXED),
      __atomic_load_n(&allocations, __ATOMIC_RELAXED),
      __atomic_load_n(&allocated, __ATOMIC_RELAXED)};
  return counts;
}

int workbook_heap_meter_pause(void) {
  int was = counting;
  counting = 0;
  return was;
}

void workbook_heap_meter_resume(int was_counting) { counting = was_counting; }

#else

int workbook_heap_meter_pause(void) { return 0; }

void workbook_heap_meter_resume(int was_counting) { (void)was_counting; }

int workbook_heap_meter_installed(void) { return 0; }

void workbook_heap_meter_start(void) {}

workbook_heap_counts workbook_heap_meter_stop(void) {
  workbook_heap_counts counts = {0, 0, 0, 0};
  return counts;
}

#endif
