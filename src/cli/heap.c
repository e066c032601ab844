/* The program's heap on transparent huge pages.
 *
 * A run of the program is short: summarizing fifty articles touches about
 * four megabytes of fresh heap, and the kernel's first-touch fault of each
 * 4 KiB page (some 2.5 us here, with the memory cgroup's accounting) cost
 * a sixth of the run. Backed by 2 MiB pages, the same heap faults a few
 * times. Linux lets a process ask for that per range (madvise
 * MADV_HUGEPAGE, honoured when transparent huge pages are in "madvise" or
 * "always" mode, the default of most distributions), but only for a range
 * already mapped, and only whole aligned 2 MiB blocks of it get huge
 * pages. So the break is first moved to a 2 MiB boundary, the allocator
 * is told to grow the heap by a large reserve at once, and that reserve,
 * still untouched address space, is marked.
 *
 * This is the program's business, not the library's: a process that
 * embeds the library keeps its own allocator settings. Where any of this
 * is missing (another C library, another kernel), nothing is done. */
#include "cli/cli.h"

#if defined(__linux__) && defined(__GLIBC__)
#include <malloc.h>   /* mallopt */
#include <stdint.h>   /* uintptr_t */
#include <stdlib.h>   /* malloc, free */
#include <sys/mman.h> /* madvise */
#include <unistd.h>   /* sbrk */
#endif

#if defined(__linux__) && defined(__GLIBC__) && defined(MADV_HUGEPAGE)

/* The size of a transparent huge page on x86-64 and arm64 (4 KiB base). */
#define HUGE_PAGE ((uintptr_t)2 << 20)
/* Address space the heap takes at its first growth, all of it marked: more
 * than a 500-article story needs (about 45 MiB). Only what is touched
 * becomes memory; beyond it the heap grows on ordinary pages. */
#define HEAP_RESERVE (64 << 20)
/* Blocks up to this size come from the heap, not from mappings of their
 * own, which would be outside the marked range and given back (and
 * faulted in anew) at every free: glibc's largest setting. */
#define MMAP_FROM (32 << 20)

static uintptr_t huge_up(uintptr_t p)
{
	return (p + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
}

void cli_heap_prepare(void)
{
	uintptr_t brk0 = (uintptr_t)sbrk(0), page = (uintptr_t)getpagesize();
	uintptr_t start, end;
	void *first;

	/* The allocator writes its first headers at the heap's start, before
	 * the range can be marked, and a block already holding a small page
	 * stays on small pages: so the heap starts one page below a huge
	 * page boundary, and the marked range at the boundary. */
	if (brk0 == (uintptr_t)-1 || huge_up(brk0 + page) < brk0)
		return;
	start = huge_up(brk0 + page);
	if (sbrk((intptr_t)(start - page - brk0)) == (void *)-1)
		return;
	if (!mallopt(M_MMAP_THRESHOLD, MMAP_FROM) ||
	    !mallopt(M_TRIM_THRESHOLD, MMAP_FROM) ||
	    !mallopt(M_TOP_PAD, HEAP_RESERVE))
		return;
	/* The first block makes the allocator take the reserve. */
	first = malloc(1);
	end = (uintptr_t)sbrk(0) & ~(HUGE_PAGE - 1);
	if (first != NULL && end > start)
		(void)madvise((void *)start, end - start, MADV_HUGEPAGE);
	free(first);
}

#else

void cli_heap_prepare(void)
{
}

#endif
